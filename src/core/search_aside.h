/* search_aside.h — the search index of an import into an empty index, built aside while the
 * import stores its sections: a worker thread tokenizes each section, gathering the word
 * list's contexts and terms as the commit's indexing pass would, and another inserts it with
 * those tokens into an FTS5 table like search_fts in a private temporary database of its own
 * (its own connection: the store's is the import's thread's alone). At the commit the table's rows are copied into
 * search_fts: the same rows, in the same order, into the same empty table, give the same
 * index, byte for byte, and the commit's pass is left nothing to index. Private to the
 * search modules (search_index.c). */
#ifndef GONGFU_SEARCH_ASIDE_H
#define GONGFU_SEARCH_ASIDE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"
#include "search_lengths.h"
#include "search_terms.h"
#include "gongfu/word_contexts.h"

struct search_aside;

/* The temporary database, its table made by fts_sql (search_fts's own statements), and the
 * workers. 0, or -1 with e set. */
int aside_start(struct search_aside **out, const char *fts_sql, struct err *e);
/* Section id's text and title (UTF-8, as search_text gives them), copied for the workers,
 * which index them after the sections given before. ids increase. 0 or -1 (out of
 * memory). */
int aside_add(struct search_aside *a, int64_t id, const char *text, size_t ntext,
              const char *title, size_t ntitle);
/* Waits for the workers and, when what they built can be used, writes it out: 1; 0 when
 * it cannot be (the commit's pass then indexes the stored sections, as it would have): a
 * text given that the stored UTF-16 would not give back byte for byte (not valid UTF-8,
 * so the pass would index other text), or the workers' own failure (out of memory, the
 * temporary file that could not be written). */
int aside_ready(struct search_aside *a);
/* Once ready: copies the table's rows into db's search_fts, made anew by remake_sql first
 * (empty), adds each section's length to lengths, and hands over the contexts and terms
 * gathered (the caller frees them). 0, or -1 with e set. */
int aside_finish(struct search_aside *a, sqlite3 *db, const char *remake_sql,
                 struct search_lengths *lengths, struct word_contexts **contexts,
                 struct search_terms **terms, struct err *e);
/* Stops the workers and forgets the database; *a becomes NULL. */
void aside_free(struct search_aside **a);

#endif
