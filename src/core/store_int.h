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
    struct slug_alloc *slugs;  /* a writer's slug counters, for its current db */
    int has_note;              /* doc.note exists (a database of an earlier gongfu lacks it) */
    int utf16be;               /* the text is stored as UTF-16BE (store_read.c reads it so) */
    unsigned char *text16, *title16;   /* a writer's: a node's texts as UTF-16 (store_put.c) */
    size_t text16_cap, title16_cap;
};
/* 1 when the table has the column. */
int store_has_column(sqlite3 *db, const char *table, const char *column);
/* 1 when the database's text is stored as UTF-16BE. */
int store_is_utf16be(sqlite3 *db);

/* store_text.c (store_utf16be_to_utf8 is store.h's). Valid UTF-8 in[0..n) as UTF-16BE into
 * out (room for 2 bytes a byte of in), as SQLite translates it: its length in bytes; -1
 * (SIZE_MAX) for anything else (an invalid sequence, a surrogate, an overlong form), which
 * SQLite is left to translate as it does. */
size_t store_utf8_to_utf16be(const char *in, size_t n, unsigned char *out);
/* Two texts (UTF-8) in the order SQLite's BINARY collation gives them in a database of
 * that encoding: their bytes' in UTF-8, their code units' in UTF-16 (utf16). */
int store_text_cmp(const char *a, const char *b, int utf16);

/* The hooks registered with store_add_hooks, in order. */
extern struct store_hooks store_hooks_set[8];
extern size_t store_nhooks;

/* store_slug.c. A slug for a new document: prefer when it is free (the slug the source's
 * document had before a re-import), else base, else base-N with the next free N. malloc'd;
 * NULL on error. The counters belong to one connection: reset when db changes. */
struct slug_alloc;
char *slug_take(sqlite3 *db, struct slug_alloc **a, const char *base, const char *prefer,
                struct err *e);
void slug_alloc_reset(struct slug_alloc **a);
/* 1 when slug is base or base-N. */
int slug_matches(const char *slug, const char *base);

#endif
