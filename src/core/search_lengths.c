/* search_lengths.c — the indexed sections' lengths: one blob in the database, two sorted
 * arrays in memory (search_lengths.h). */
#include <stdlib.h>
#include <string.h>
#include "gongfu/store.h"
#include "search_lengths.h"

/* An entry taken out by lengths_remove, dropped at the save (no array moved per section). */
#define REMOVED UINT32_MAX
#define ENTRY_BYTES (sizeof(int64_t) + sizeof(uint32_t))

struct search_lengths {
    int64_t *id;
    uint32_t *len;
    size_t n, cap;
    size_t nremoved;
    size_t nsorted;     /* id[0 .. nsorted) ascending: the ones loaded */
    int unsorted;       /* one was added below another */
    double avg;
};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HOST_IS_LITTLE_ENDIAN 1
#else
#define HOST_IS_LITTLE_ENDIAN 0
#endif

/* n little-endian numbers of `size` bytes each between the blob and an array. */
static void copy_le(void *to, const void *from, size_t n, size_t size)
{
    if (n == 0)
        return;
    if (HOST_IS_LITTLE_ENDIAN) {
        memcpy(to, from, n * size);
        return;
    }
    const unsigned char *f = from;
    unsigned char *t = to;
    for (size_t i = 0; i < n; i++, f += size, t += size)
        for (size_t b = 0; b < size; b++)
            t[b] = f[size - 1 - b];
}

int lengths_create(sqlite3 *db, struct err *e)
{
    return store_exec(db, "CREATE TABLE search_lengths(id INTEGER PRIMARY KEY CHECK (id = 1),"
                      " lengths BLOB NOT NULL)", "search index", e);
}

static int grow(struct search_lengths *l, size_t need)
{
    if (need <= l->cap)
        return 0;
    size_t cap = l->cap ? l->cap : 1024;
    while (cap < need)
        cap *= 2;
    int64_t *id = realloc(l->id, cap * sizeof *id);
    if (id)
        l->id = id;
    uint32_t *len = realloc(l->len, cap * sizeof *len);
    if (len)
        l->len = len;
    if (!id || !len)
        return -1;
    l->cap = cap;
    return 0;
}

int lengths_new(struct search_lengths **out)
{
    *out = calloc(1, sizeof **out);
    if (*out)
        (*out)->avg = 1;
    return *out ? 0 : -1;
}

void lengths_free(struct search_lengths **pl)
{
    struct search_lengths *l = *pl;
    if (!l)
        return;
    free(l->id), free(l->len), free(l);
    *pl = NULL;
}

/* The blob into l: ids ascending (else damaged: -1), the average length. */
static int decode(struct search_lengths *l, const unsigned char *blob, size_t bytes)
{
    size_t n = bytes / ENTRY_BYTES;
    if (bytes % ENTRY_BYTES || grow(l, n) < 0)
        return -1;
    copy_le(l->id, blob, n, sizeof *l->id);
    copy_le(l->len, blob + n * sizeof *l->id, n, sizeof *l->len);
    /* Two plain loops, in integers: a third of the instructions of one in doubles. */
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += l->len[i];
    size_t out_of_order = 0;
    for (size_t i = 1; i < n; i++)
        out_of_order += l->id[i - 1] >= l->id[i];
    l->n = l->nsorted = n;
    l->avg = n && total > 0 ? (double)total / (double)n : 1;
    return out_of_order ? -1 : 0;
}

int lengths_load(sqlite3 *db, struct search_lengths **out, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (sqlite3_prepare_v2(db, "SELECT lengths FROM search_lengths", -1, &st, NULL) != SQLITE_OK)
        return err_set(e, "the database has no search index (%s): import the documents "
                       "again with 'gongfu import'", sqlite3_errmsg(db)), -1;
    struct search_lengths *l;
    int rc = lengths_new(&l) < 0 ? SQLITE_NOMEM : sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(st, 0);
        size_t bytes = (size_t)sqlite3_column_bytes(st, 0);
        if (!blob && bytes)
            rc = SQLITE_NOMEM;
        else if (decode(l, blob, bytes) < 0)
            rc = SQLITE_CORRUPT;
    }
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        sqlite3_finalize(st);
        *out = l;
        return 0;
    }
    if (rc == SQLITE_CORRUPT)
        err_set(e, "search index: the sections' lengths are damaged: re-index with "
                "'gongfu import --reindex'");
    else
        err_set(e, "search index: %s", rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    lengths_free(&l);
    return -1;
}

/* Where id is or would go in the sorted part. */
static size_t find(const struct search_lengths *l, int64_t id)
{
    size_t lo = 0, hi = l->nsorted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->id[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int lengths_has(const struct search_lengths *l, int64_t id)
{
    size_t i = find(l, id);
    return i < l->nsorted && l->id[i] == id && l->len[i] != REMOVED;
}

int lengths_remove(struct search_lengths *l, int64_t id)
{
    if (!lengths_has(l, id))
        return 0;
    l->len[find(l, id)] = REMOVED;
    l->nremoved++;
    return 1;
}

int lengths_add(struct search_lengths *l, int64_t id, int64_t positions)
{
    if (grow(l, l->n + 1) < 0)
        return -1;
    l->unsorted |= l->n && id <= l->id[l->n - 1];
    l->id[l->n] = id;
    l->len[l->n++] = positions < 0 ? 0 : positions >= REMOVED ? REMOVED - 1 : (uint32_t)positions;
    return 0;
}

struct entry {
    int64_t id;
    uint32_t len;
};

static int by_id(const void *x, const void *y)
{
    int64_t a = ((const struct entry *)x)->id, b = ((const struct entry *)y)->id;
    return a < b ? -1 : a > b;
}

/* The removed entries dropped and the added ones sorted in. */
static int settle(struct search_lengths *l)
{
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++)
        if (l->len[i] != REMOVED)
            l->id[k] = l->id[i], l->len[k++] = l->len[i];
    l->n = k;
    l->nremoved = 0;
    if (l->unsorted) {
        struct entry *en = malloc((l->n ? l->n : 1) * sizeof *en);
        if (!en)
            return -1;
        for (size_t i = 0; i < l->n; i++)
            en[i] = (struct entry){l->id[i], l->len[i]};
        qsort(en, l->n, sizeof *en, by_id);
        for (size_t i = 0; i < l->n; i++)
            l->id[i] = en[i].id, l->len[i] = en[i].len;
        free(en);
        l->unsorted = 0;
    }
    l->nsorted = l->n;
    return 0;
}

int lengths_save(sqlite3 *db, struct search_lengths *l, struct err *e)
{
    unsigned char *blob;
    if (settle(l) < 0 || !(blob = malloc(l->n ? l->n * ENTRY_BYTES : 1)))
        return err_set(e, "out of memory"), -1;
    copy_le(blob, l->id, l->n, sizeof *l->id);
    copy_le(blob + l->n * sizeof *l->id, l->len, l->n, sizeof *l->len);
    sqlite3_stmt *st;
    int rc = store_prepare(db, "INSERT OR REPLACE INTO search_lengths(id, lengths) VALUES(1, ?1)",
                           &st, "search index", e);
    if (rc == 0) {
        sqlite3_bind_blob64(st, 1, blob, l->n * ENTRY_BYTES, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = -1, err_set(e, "search index: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
    }
    free(blob);
    return rc;
}

size_t lengths_count(const struct search_lengths *l)
{
    return l->n - l->nremoved;
}

double lengths_avg(const struct search_lengths *l)
{
    return l->avg;
}

double lengths_of(const struct search_lengths *l, int64_t id)
{
    size_t i = find(l, id);
    return i < l->nsorted && l->id[i] == id ? l->len[i] : l->avg;
}
