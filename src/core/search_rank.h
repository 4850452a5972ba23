/* search_rank.h — bm25 over the search index with the section lengths held in memory.
 *
 * FTS5's own bm25() reads each matched row's length from its docsize table with one
 * SQL statement per row, which is most of the time a common word takes. gongfu_rank()
 * computes the same score (k1 = 1.2, b = 0.75, title weighted 2, text 1) with the lengths
 * of search_lengths.h, loaded once per search context. Private to search.c. */
#ifndef GONGFU_SEARCH_RANK_H
#define GONGFU_SEARCH_RANK_H

#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"

/* The SQL function: gongfu_rank(search_fts, ?) with the lengths bound by rank_bind. */
#define RANK_FUNCTION "gongfu_rank"

struct search_lengths;

/* Registers gongfu_rank on a connection. 0 or -1. */
int rank_register(sqlite3 *db, struct err *e);
/* Binds l as parameter i of a statement calling gongfu_rank. */
int rank_bind(sqlite3_stmt *st, int i, const struct search_lengths *l);

#endif
