/* store_slug.c — slugs unique in the database, in constant time per document: a
 * document gets the slug describe gave it, or that slug with -2, -3 … when it is taken.
 * The next free number of each base is counted in memory (found once per base with one
 * range scan of the slug index), so n documents of one base cost O(n), not O(n²), and
 * there is no limit on the number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"

struct slug_next {
    char *base;          /* NULL: an empty slot */
    long long next;
};

struct slug_alloc {
    struct slug_next *v;
    size_t n, cap;       /* cap a power of two, at most half full */
    sqlite3_stmt *taken, *numbered;
};

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static struct slug_next *find(struct slug_alloc *a, const char *base)
{
    size_t i = hash(base) & (a->cap - 1);
    while (a->v[i].base && strcmp(a->v[i].base, base))
        i = (i + 1) & (a->cap - 1);
    return &a->v[i];
}

static int grow(struct slug_alloc *a)
{
    struct slug_alloc b = *a;
    b.cap = a->cap ? a->cap * 2 : 64;
    if (!(b.v = calloc(b.cap, sizeof *b.v)))
        return -1;
    for (size_t i = 0; i < a->cap; i++)
        if (a->v[i].base)
            *find(&b, a->v[i].base) = a->v[i];
    free(a->v);
    *a = b;
    return 0;
}

/* 1 when a document has the slug, 0 when none, -1 on a read error. */
static int taken(sqlite3 *db, struct slug_alloc *a, const char *slug, struct err *e)
{
    sqlite3_reset(a->taken);
    sqlite3_bind_text(a->taken, 1, slug, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(a->taken);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc == SQLITE_ROW;
    err_set(e, "database: %s", store_errmsg(db));
    return -1;
}

/* The number after "base-" when slug is base-N, else 0. */
static long long number_of(const char *slug, const char *base)
{
    size_t bl = strlen(base);
    if (strncmp(slug, base, bl) || slug[bl] != '-' || !slug[bl + 1])
        return 0;
    long long n = 0;
    for (const char *p = slug + bl + 1; *p; p++) {
        if (*p < '0' || *p > '9' || n > 100000000000LL)
            return 0;
        n = n * 10 + (*p - '0');
    }
    return n;
}

/* The highest N of the slugs base-N in the database: one range scan of its index. */
static int highest(sqlite3 *db, struct slug_alloc *a, const char *base, long long *max,
                   struct err *e)
{
    char lo[200], hi[200];
    snprintf(lo, sizeof lo, "%s-", base);
    snprintf(hi, sizeof hi, "%s.", base);   /* '.' sorts right after '-' */
    sqlite3_reset(a->numbered);
    sqlite3_bind_text(a->numbered, 1, lo, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(a->numbered, 2, hi, -1, SQLITE_TRANSIENT);
    int rc;
    *max = 1;
    while ((rc = sqlite3_step(a->numbered)) == SQLITE_ROW) {
        long long n = number_of((const char *)sqlite3_column_text(a->numbered, 0), base);
        if (n > *max)
            *max = n;
    }
    if (rc == SQLITE_DONE)
        return 0;
    err_set(e, "database: %s", store_errmsg(db));
    return -1;
}

int slug_matches(const char *slug, const char *base)
{
    return !strcmp(slug, base) || number_of(slug, base) > 0;
}

char *slug_take(sqlite3 *db, struct slug_alloc **ap, const char *base, const char *prefer,
                struct err *e)
{
    struct slug_alloc *a = *ap;
    if (!a) {
        if (!(a = calloc(1, sizeof *a)))
            return err_set(e, "out of memory"), NULL;
        *ap = a;
    }
    if ((!a->taken && store_prepare(db, "SELECT 1 FROM doc WHERE slug = ?", &a->taken,
                                    "database", e) < 0) ||
        (!a->numbered && store_prepare(db, "SELECT slug FROM doc WHERE slug > ? AND slug < ?",
                                       &a->numbered, "database", e) < 0))
        return NULL;
    int t;
    if (prefer && (t = taken(db, a, prefer, e)) <= 0)
        return t < 0 ? NULL : strdup(prefer);
    if ((t = taken(db, a, base, e)) <= 0)
        return t < 0 ? NULL : strdup(base);
    if (2 * (a->n + 1) > a->cap && grow(a) < 0)
        return err_set(e, "out of memory"), NULL;
    struct slug_next *s = find(a, base);
    if (!s->base) {
        long long max;
        if (highest(db, a, base, &max, e) < 0 || !(s->base = strdup(base)))
            return NULL;
        s->next = max + 1;
        a->n++;
    }
    for (;;) {
        char slug[200];
        snprintf(slug, sizeof slug, "%s-%lld", base, s->next++);
        if ((t = taken(db, a, slug, e)) <= 0)
            return t < 0 ? NULL : strdup(slug);
    }
}

void slug_alloc_reset(struct slug_alloc **ap)
{
    struct slug_alloc *a = *ap;
    if (!a)
        return;
    for (size_t i = 0; i < a->cap; i++)
        free(a->v[i].base);
    free(a->v);
    sqlite3_finalize(a->taken);
    sqlite3_finalize(a->numbered);
    free(a);
    *ap = NULL;
}
