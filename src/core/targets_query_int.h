/* targets_query_int.h — what the queries of targets share (targets_query.c reads rows,
 * targets_compare.c makes the side-by-side table of them; private to src/core). */
#ifndef GONGFU_TARGETS_QUERY_INT_H
#define GONGFU_TARGETS_QUERY_INT_H

#include <stdio.h>
#include "gongfu/targets.h"

/* The region a value is for, and that region's level: the document's own, or, for a
 * target a body sets for another region, the level of that region's documents. */
#define T_REGION "coalesce(t.for_region, d.region, '')"
#define T_LEVEL                                                                             \
    "(CASE WHEN t.for_region IS NULL THEN d.level ELSE coalesce((SELECT d2.level FROM doc d2" \
    " WHERE d2.region = t.for_region LIMIT 1), 'other') END)"

/* Regions in the order officials compare them: by level (the province, then cities, then
 * the rest), within a level the regions data/region_order.tsv lists first, in its order,
 * then by name. The list is bound as a JSON array (targets_region_order_json). */
#define REGION_RANK(level, region, param)                                                   \
    "(CASE " level " WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END),"                \
    "coalesce((SELECT o.key FROM json_each(" param ") o WHERE o.value = " region "), 1e9)," \
    region

#define QUERY_ORDER REGION_RANK(T_LEVEL, T_REGION, "?9") ", d.id, n.seq, t.start"

/* One string of a JSON array, after a comma unless it is the first, escaped. */
void targets_json_put_string(FILE *mem, const char *s, int first);
/* data/region_order.tsv as a JSON array of names (bound as REGION_RANK's list). */
const char *targets_region_order_json(void);
/* The rows the filter selects (linked_only: only those an indicator links), in order
 * (an ORDER BY list that may use ?9, the region order). */
int targets_run_query(sqlite3 *db, const struct target_filter *f, int linked_only,
                      const char *order, struct target_row **out, size_t *n, struct err *e);

/* Every row's first column, as strings, until st is done (st stays the caller's, to
 * finalize). 0, or -1 with nothing kept (e says why). */
int targets_read_strings(sqlite3_stmt *st, char ***v, size_t *n, struct err *e);

#endif
