/* search_lengths.h — each indexed section's length, for ranking (search_rank.h), and the
 * list of which sections the index holds (search_index.c). Private to the search modules.
 *
 * FTS5 keeps no lengths of its own (columnsize=0). They are stored as one blob in the
 * one row of search_lengths: the sections' ids in ascending order (8 bytes each), then
 * their lengths (4 bytes each), little-endian. A search context reads them with one
 * column read (28,200 sections at 100x; a table of a row per section took half the
 * instructions of a whole `gongfu search` to read, issue 15). An import loads them at the
 * first change in its transaction, changes them in memory and writes them back at the
 * commit. A section's length is its number of token positions, as FTS5 counts a column's
 * size (colocated tokens share one; tokenizer_positions). */
#ifndef GONGFU_SEARCH_LENGTHS_H
#define GONGFU_SEARCH_LENGTHS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"

struct search_lengths;

/* The table, with the index's other tables. 0 or -1. */
int lengths_create(sqlite3 *db, struct err *e);
/* What db holds (none yet: empty); -1 when it has no such table, or a damaged blob. */
int lengths_load(sqlite3 *db, struct search_lengths **out, struct err *e);
/* An empty list, for an index made anew. 0 or -1 (out of memory). */
int lengths_new(struct search_lengths **out);
/* Written back to db, in the writer's transaction. 0 or -1. */
int lengths_save(sqlite3 *db, struct search_lengths *l, struct err *e);
void lengths_free(struct search_lengths **l);

/* Whether section id is in the list as loaded (those added since are not looked up:
 * an import adds the sections it indexes in one pass, each once). */
int lengths_has(const struct search_lengths *l, int64_t id);
/* Takes section id out: 1 when it was in, else 0. */
int lengths_remove(struct search_lengths *l, int64_t id);
/* Adds section id of that many positions. 0 or -1 (out of memory). */
int lengths_add(struct search_lengths *l, int64_t id, int64_t positions);

/* The number of sections in the list; for ranking, their average length as loaded and
 * section id's length (the average for one imported after the lengths were read). *at
 * is where the last look-up ended (0 at first): a query's rows come in ascending ids, and
 * each is looked for from the one before (2,100 binary searches over 28,200 ids for 养老
 * at 100x were the most time of any one function in a whole search). */
size_t lengths_count(const struct search_lengths *l);
double lengths_avg(const struct search_lengths *l);
double lengths_of(const struct search_lengths *l, int64_t id, size_t *at);

#endif
