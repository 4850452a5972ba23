/* search_words.h — the index's words, for reading queries as pinyin. Private to search.c.
 *
 * search_word(word, sections) holds every term of the search index (one or two Chinese
 * characters, or a letter/digit word) with the number of sections it is in, and the
 * catalogue's indicator names (their runs of Chinese characters, three or more, that
 * occur). It is rebuilt at the end of every import, inside its transaction, so it always
 * agrees with the index: from the terms the import's indexing pass counted when that pass
 * indexed every section (search_terms.h), else from an fts5vocab table over the index. A search context reads it the first
 * time a query may be pinyin (pinyin_words.h) and gives the query parser its reader. */
#ifndef GONGFU_SEARCH_WORDS_H
#define GONGFU_SEARCH_WORDS_H

#include <sqlite3.h>
#include "gongfu/err.h"
#include "gongfu/query.h"

/* The table, at import (also made by words_rebuild in a database from before it). When the
 * import's indexing pass went over every section of the database, it gives the
 * two-character terms' contexts and every term's sections it gathered; else (NULL, NULL)
 * the terms are read from an fts5vocab table over the index and the contexts from the
 * sections' text. */
struct word_contexts;
struct search_terms;
int words_create(sqlite3 *db, struct err *e);
int words_rebuild(sqlite3 *db, const struct word_contexts *contexts,
                  const struct search_terms *terms, struct err *e);

struct words;

/* On an open connection; a database without the table reads nothing as pinyin. */
int words_open(sqlite3 *db, struct words **out, struct err *e);
void words_close(struct words **w);
/* Whether the database has the words (an older one has not: import it again). */
int words_available(const struct words *w);
/* The reader for query_parse_pinyin; force: read every word that can be pinyin as pinyin
 * only (--pinyin). */
void words_reader(struct words *w, int force, struct query_reader *r);

#endif
