/* store_int.h — what the store's own files share (store.c: opening, schema, transactions;
 * store_put.c: writing a source's documents; store_read.c: the readers' queries). */
#ifndef GONGFU_STORE_INT_H
#define GONGFU_STORE_INT_H

#include "gongfu/store.h"

struct store {
    sqlite3 *db;               /* a writer's: the working copy, or the published file */
    enum store_mode mode;
    struct publish *pub;       /* a writer's lock and working copy */
    int published;             /* a writer's db is the published file: copy before writing */
};

/* The hooks registered with store_add_hooks, in order. */
extern struct store_hooks store_hooks_set[8];
extern size_t store_nhooks;

#endif
