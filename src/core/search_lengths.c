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

/* From little-endian to the host's order, in place. */
static void from_le(void *p, size_t n, size_t size)
{
    if (HOST_IS_LITTLE_ENDIAN)
        return;
    unsigned char *b = p;
    for (size_t i = 0; i < n; i++, b += size)
        for (size_t j = 0; j < size / 2; j++) {
            unsigned char t = b[j];
            b[j] = b[size - 1 - j], b[size - 1 - j] = t;
        }
}

/* The blob into l's arrays, straight from the file (SQLite reads a value's overflow pages
 * past its page cache into the buffer given): neither SQLite's copy of the value nor a
 * copy from it, whose fresh pages each cost a fault (a sixth of a whole search's at
 * 100x). Ids ascending (else damaged), the average length. */
static int read_blob(sqlite3_blob *b, struct search_lengths *l)
{
    size_t bytes = (size_t)sqlite3_blob_bytes(b), n = bytes / ENTRY_BYTES;
    if (bytes % ENTRY_BYTES)
        return SQLITE_CORRUPT;
    if (grow(l, n) < 0)
        return SQLITE_NOMEM;
    if (n == 0)
        return SQLITE_OK;
    int rc = sqlite3_blob_read(b, l->id, (int)(n * sizeof *l->id), 0);
    if (rc == SQLITE_OK)
        rc = sqlite3_blob_read(b, l->len, (int)(n * sizeof *l->len), (int)(n * sizeof *l->id));
    if (rc != SQLITE_OK)
        return rc;
    from_le(l->id, n, sizeof *l->id);
    from_le(l->len, n, sizeof *l->len);
    /* Two plain loops, in integers: a third of the instructions of one in doubles. */
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += l->len[i];
    size_t out_of_order = 0;
    for (size_t i = 1; i < n; i++)
        out_of_order += l->id[i - 1] >= l->id[i];
    l->n = l->nsorted = n;
    l->avg = total > 0 ? (double)total / (double)n : 1;
    return out_of_order ? SQLITE_CORRUPT : SQLITE_OK;
}

/* Why the row could not be opened: no table (SQLITE_NOTFOUND), no row yet (an index made
 * and not committed: SQLITE_DONE, none), or another error. */
static int why_no_row(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM search_lengths", -1, &st, NULL) != SQLITE_OK)
        return SQLITE_NOTFOUND;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
}

int lengths_load(sqlite3 *db, struct search_lengths **out, struct err *e)
{
    struct search_lengths *l;
    *out = NULL;
    if (lengths_new(&l) < 0)
        return err_set(e, "out of memory"), -1;
    sqlite3_blob *b;
    int rc = sqlite3_blob_open(db, "main", "search_lengths", "lengths", 1, 0, &b);
    if (rc == SQLITE_OK) {
        rc = read_blob(b, l);
        sqlite3_blob_close(b);
    } else if (rc == SQLITE_ERROR) {
        rc = why_no_row(db);
    }
    if (rc == SQLITE_OK || rc == SQLITE_DONE) {
        *out = l;
        return 0;
    }
    lengths_free(&l);
    if (rc == SQLITE_NOTFOUND)
        err_set(e, "the database has no search index (%s): import the documents again with "
                "'gongfu import'", sqlite3_errmsg(db));
    else if (rc == SQLITE_CORRUPT)
        err_set(e, "search index: the sections' lengths are damaged: re-index with "
                "'gongfu import --reindex'");
    else
        err_set(e, "search index: %s", rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errstr(rc));
    return -1;
}

/* Where id is or would go among the sorted ids [lo, hi). */
static size_t lower_bound(const struct search_lengths *l, int64_t id, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->id[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Where id is or would go in the sorted part. */
static size_t find(const struct search_lengths *l, int64_t id)
{
    return lower_bound(l, id, 0, l->nsorted);
}

/* Where id is or would go, from i on (id[i] <= id): in steps doubling, then halving, so an
 * id a few entries on is found in a few steps. */
static size_t gallop(const struct search_lengths *l, int64_t id, size_t i)
{
    if (l->id[i] == id)
        return i;
    size_t step = 1;
    while (i + step < l->nsorted && l->id[i + step] < id)
        i += step, step *= 2;
    return lower_bound(l, id, i + 1, i + step < l->nsorted ? i + step : l->nsorted);
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

double lengths_of(const struct search_lengths *l, int64_t id, size_t *at)
{
    size_t i = *at < l->nsorted && l->id[*at] <= id ? gallop(l, id, *at) : find(l, id);
    *at = i < l->nsorted ? i : 0;
    return i < l->nsorted && l->id[i] == id ? l->len[i] : l->avg;
}
