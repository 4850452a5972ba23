/* search_rank.c — FTS5's bm25 formula, with section lengths from memory (search_lengths.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/tokenizer.h"
#include "search_lengths.h"
#include "search_rank.h"

#define PTR_TYPE "gongfu_rank_lengths"
#define K1 1.2
#define B 0.75

static const double col_weight[] = {1.0, 2.0};   /* text, title: search_fts's columns */

int rank_bind(sqlite3_stmt *st, int i, const struct search_lengths *l)
{
    return sqlite3_bind_pointer(st, i, (void *)l, PTR_TYPE, NULL);
}

/* ---- the function ---- */

/* Per query: each phrase's inverse document frequency, and room for its frequency. */
struct rank_query {
    int nphrase;
    double *idf, *freq;
    size_t at;      /* where the last row's length was found (lengths_of) */
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
                                     const struct search_lengths *l, int *rc)
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
    double nrow = l ? (double)lengths_count(l) : 0;
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
    const struct search_lengths *l = nval > 0 ? sqlite3_value_pointer(val[0], PTR_TYPE) : NULL;
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
    double d = l ? lengths_of(l, api->xRowid(fts), &q->at) : 1, avg = l ? lengths_avg(l) : 1, score = 0;
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
