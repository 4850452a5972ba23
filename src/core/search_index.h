/* search_index.h — the section index (search_hooks, search.h): its format and rebuilding it.
 * Private to the search modules.
 *
 * search_fts is an FTS5 table with external content: it reads the sections' text through
 * the view search_text(id, text, title) over node, so the text is stored once. meta holds
 * the index's format (search_index_format: the tables' layout, the tokens' format and the
 * folding table's identity); an index of another format gives other tokens than this
 * build's queries, so readers refuse it and an import makes it anew from the stored text. */
#ifndef GONGFU_SEARCH_INDEX_H
#define GONGFU_SEARCH_INDEX_H

#include <stddef.h>
#include <sqlite3.h>
#include "gongfu/err.h"

#define INDEX_FORMAT_KEY "search_index"

/* This build's format, e.g. "layout 2, tokens 1, fold table 6c1f…". */
const char *search_index_format(void);
/* The format db's index was built in, into out: 0, 1 none recorded, -1 unreadable. */
int search_index_stored_format(sqlite3 *db, char *out, size_t cap);

/* Whether the last commit's index was built aside as its import stored the sections
 * (search_aside.h), for the tests. */
int search_index_built_aside(void);

#endif
