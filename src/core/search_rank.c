/* search_rank.c — FTS5's bm25 formula, with section lengths from memory. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/tokenizer.h"
#include "search_rank.h"

#define PTR_TYPE "gongfu_rank_lengths"
#define K1 1.2
#define B 0.75

static const double col_weight[] = {1.0, 2.0};   /* text, title: search_fts's columns */

struct rank_lengths {
    int64_t *id;        /* sorted */
    uint32_t *len;
    size_t n;
    double avg;
};

/* ---- the lengths ---- */

int rank_create(sqlite3 *db, struct err *e)
{
    char *msg = NULL;
    if (sqlite3_exec(db, "CREATE TABLE search_len(id INTEGER PRIMARY KEY, "
                     "positions INTEGER NOT NULL)", NULL, NULL, &msg) != SQLITE_OK) {
        err_set(e, "search index: %s", msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int rank_put(sqlite3 *db, int64_t id, int64_t n, struct err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO search_len VALUES(?1, ?2)", -1, &st, NULL)) {
        err_set(e, "search index: %s", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, n);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc)
        err_set(e, "search index: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

void rank_lengths_free(struct rank_lengths **pl)
{
    struct rank_lengths *l = *pl;
    if (!l)
        return;
    free(l->id), free(l->len), free(l);
    *pl = NULL;
}

/* Each row of search_len handed to an aggregate function: SQLite's own loop over the
 * table, with no sqlite3_step and sqlite3_column calls per row (each takes the
 * connection's mutex), was a third of the instructions of a whole `gongfu search` (28,200
 * rows at 100x, issue 15). */
struct collect {
    struct rank_lengths *l;
    size_t cap;
    double total;
    int oom, unsorted;
};

static void collect_step(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    struct collect *c = sqlite3_user_data(ctx);
    struct rank_lengths *l = c->l;
    (void)nval;
    if (c->oom)
        return;
    if (l->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        int64_t *id = realloc(l->id, cap * sizeof *id);
        if (id)
            l->id = id;
        uint32_t *len = realloc(l->len, cap * sizeof *len);
        if (len)
            l->len = len;
        if (!id || !len) {
            c->oom = 1;
            sqlite3_result_error_nomem(ctx);
            return;
        }
        c->cap = cap;
    }
    int64_t id = sqlite3_value_int64(val[0]);
    c->unsorted |= l->n && id < l->id[l->n - 1];
    l->id[l->n] = id;
    l->len[l->n] = (uint32_t)sqlite3_value_int64(val[1]);
    c->total += l->len[l->n++];
}

static void collect_final(sqlite3_context *ctx)
{
    sqlite3_result_null(ctx);
}

/* A table read in another order than by id (SQLite promises none for an aggregate's
 * input, though a scan of a rowid table gives it): sorted by id, the lengths with them. */
static const int64_t *sort_ids;

static int by_id(const void *x, const void *y)
{
    int64_t a = sort_ids[*(const size_t *)x], b = sort_ids[*(const size_t *)y];
    return a < b ? -1 : a > b;
}

static int sort_lengths(struct rank_lengths *l)
{
    size_t *ix = malloc(l->n * sizeof *ix);
    int64_t *id = malloc(l->n * sizeof *id);
    uint32_t *len = malloc(l->n * sizeof *len);
    if (!ix || !id || !len) {
        free(ix), free(id), free(len);
        return -1;
    }
    for (size_t i = 0; i < l->n; i++)
        ix[i] = i;
    sort_ids = l->id;
    qsort(ix, l->n, sizeof *ix, by_id);
    for (size_t i = 0; i < l->n; i++)
        id[i] = l->id[ix[i]], len[i] = l->len[ix[i]];
    free(ix), free(l->id), free(l->len);
    l->id = id, l->len = len;
    return 0;
}

int rank_lengths_load(sqlite3 *db, struct rank_lengths **out, struct err *e)
{
    static const char fn[] = "gongfu_collect_lengths";
    *out = NULL;
    struct collect c = {calloc(1, sizeof *c.l), 0, 0, 0, 0};
    struct rank_lengths *l = c.l;
    if (!l)
        goto oom;
    if (sqlite3_create_function(db, fn, 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, &c, NULL,
                                collect_step, collect_final) != SQLITE_OK) {
        err_set(e, "search index: %s", sqlite3_errmsg(db));
        rank_lengths_free(&l);
        return -1;
    }
    int rc = sqlite3_exec(db, "SELECT gongfu_collect_lengths(id, positions) FROM search_len",
                          NULL, NULL, NULL);
    if (rc != SQLITE_OK && !c.oom) {
        if (rc != SQLITE_ERROR)   /* memory, a damaged page: not "none" */
            err_set(e, "search index: %s", sqlite3_errmsg(db));
        err_set(e, "the database has no search index (%s): import the documents again "
                "with 'gongfu import'", sqlite3_errmsg(db));
    }
    sqlite3_create_function(db, fn, 2, SQLITE_UTF8, NULL, NULL, NULL, NULL);
    if (c.oom || (rc == SQLITE_OK && c.unsorted && sort_lengths(l) < 0))
        goto oom;
    if (rc != SQLITE_OK) {
        rank_lengths_free(&l);
        return -1;
    }
    l->avg = l->n && c.total > 0 ? c.total / (double)l->n : 1;
    *out = l;
    return 0;
oom:
    rank_lengths_free(&l);
    err_set(e, "out of memory");
    return -1;
}

int rank_bind(sqlite3_stmt *st, int i, const struct rank_lengths *l)
{
    return sqlite3_bind_pointer(st, i, (void *)l, PTR_TYPE, NULL);
}

/* The length of section id; the average for one imported after the lengths were read. */
static double length_of(const struct rank_lengths *l, int64_t id)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->id[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && l->id[lo] == id ? l->len[lo] : l->avg;
}

/* ---- the function ---- */

/* Per query: each phrase's inverse document frequency, and room for its frequency. */
struct rank_query {
    int nphrase;
    double *idf, *freq;
};

static void query_free(void *p)
{
    struct rank_query *q = p;
    free(q->idf), free(q->freq), free(q);
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *ud)
{
    (void)api, (void)fts;
    ++*(int64_t *)ud;
    return SQLITE_OK;
}

/* Only the relative weight of phrases needs IDF: with one phrase any constant ranks the
 * same, so the pass over its whole doclist is saved for the commonest queries. */
static struct rank_query *query_data(const Fts5ExtensionApi *api, Fts5Context *fts,
                                     const struct rank_lengths *l, int *rc)
{
    struct rank_query *q = api->xGetAuxdata(fts, 0);
    if (q)
        return q;
    int np = api->xPhraseCount(fts);
    q = calloc(1, sizeof *q);
    if (!q || !(q->idf = calloc((size_t)np + 1, sizeof *q->idf)) ||
        !(q->freq = calloc((size_t)np + 1, sizeof *q->freq))) {
        if (q)
            query_free(q);
        *rc = SQLITE_NOMEM;
        return NULL;
    }
    q->nphrase = np;
    double nrow = l ? (double)l->n : 0;
    for (int i = 0; i < np; i++) {
        int64_t hits = 0;
        if (np > 1 && (*rc = api->xQueryPhrase(fts, i, &hits, count_row)) != SQLITE_OK)
            break;
        double idf = np > 1 ? log((nrow - (double)hits + 0.5) / ((double)hits + 0.5)) : 1;
        q->idf[i] = idf > 1e-6 ? idf : 1e-6;
    }
    if (*rc == SQLITE_OK)
        *rc = api->xSetAuxdata(fts, q, query_free);
    else
        query_free(q);
    return *rc == SQLITE_OK ? q : NULL;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nval, sqlite3_value **val)
{
    const struct rank_lengths *l = nval > 0 ? sqlite3_value_pointer(val[0], PTR_TYPE) : NULL;
    int rc = SQLITE_OK, ninst = 0;
    struct rank_query *q = query_data(api, fts, l, &rc);
    if (q)
        rc = api->xInstCount(fts, &ninst);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    memset(q->freq, 0, (size_t)q->nphrase * sizeof *q->freq);
    for (int i = 0; i < ninst; i++) {
        int ip, ic, io;
        if (api->xInst(fts, i, &ip, &ic, &io) == SQLITE_OK && ip < q->nphrase && ic >= 0 &&
            ic < 2)
            q->freq[ip] += col_weight[ic];
    }
    double d = l ? length_of(l, api->xRowid(fts)) : 1, avg = l ? l->avg : 1, score = 0;
    for (int i = 0; i < q->nphrase; i++)
        score += q->idf[i] * q->freq[i] * (K1 + 1) /
                 (q->freq[i] + K1 * (1 - B + B * d / avg));
    /* Negative, as bm25() is, so that ascending order is best first. */
    sqlite3_result_double(ctx, -score);
}

int rank_register(sqlite3 *db, struct err *e)
{
    fts5_api *api = tokenizer_fts5(db);
    if (!api || api->xCreateFunction(api, RANK_FUNCTION, NULL, rank_fn, NULL) != SQLITE_OK) {
        err_set(e, "cannot register %s: %s", RANK_FUNCTION, sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}
