/* search_bench — query times in-process, the way the explorer calls search on every key.
 *
 * usage: search_bench DB QUERIES VOCAB
 * QUERIES has one "query<TAB>grep regex" a line ('#' lines skipped). For each query it runs
 * search_run (first 20 hits, snippets and highlights included, as the explorer shows
 * them) until 200 runs or 2 s, after 3 warm-up runs, and prints
 *   query<TAB>sections matched<TAB>median µs<TAB>p99 µs
 * then "index<TAB>bytes of the FTS5 index<TAB>bytes of its copy of the text".
 *
 * usage: search_bench --pinyin DB QUERIES VOCAB
 * QUERIES has one "pinyin<TAB>the Chinese it means" a line. For each it times the pinyin
 * query, the query it became typed in characters (its words OR'ed) and the Chinese meant,
 * and prints
 *   pinyin<TAB>became<TAB>matched<TAB>median µs<TAB>became µs<TAB>meant<TAB>meant µs<TAB>
 *   the median of the rounds' ratios to became<TAB>and to meant
 * then "first<TAB>µs" (the first pinyin query of a new search context, which reads the
 * word list) and "rebuild<TAB>µs" (rebuilding the word list, as an import's commit does,
 * rolled back). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gongfu/query.h"
#include "gongfu/search.h"
#include "gongfu/store.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* How many sections the query matches in all (search_run stops at the first 20). */
static long long count_matches(sqlite3 *db, const struct vocab *v, const char *text)
{
    struct query *q;
    struct err e = {{0}};
    long long n = -1;
    if (query_parse(text, v, &q, &e))
        return -1;
    sqlite3_stmt *st;
    if (q->fts && sqlite3_prepare_v2(db, "SELECT count(*) FROM search_fts WHERE search_fts "
                                     "MATCH ?", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q->fts, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    query_free(&q);
    return n;
}

/* How many sections the query matches through search_run itself (pinyin read). */
static long long count_hits(struct search *s, const char *text)
{
    const struct search_hit *hits;
    size_t n;
    struct err e = {{0}};
    struct search_opts all = {.limit = 0, .snippet_chars = 1};
    return search_run(s, text, &all, &hits, &n, &e) ? -1 : (long long)n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Bytes of the tables whose names match pattern, from SQLite's dbstat; -1 if unknown. */
static long long table_bytes(sqlite3 *db, const char *pattern)
{
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE ?", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, pattern, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Median and 99th percentile of search_run on text, in µs; -1 on an error. */
static double time_query(struct search *s, const char *text, double *p99_out)
{
    static double t[200];
    const struct search_hit *hits;
    size_t n = 0, runs = 0;
    struct err e = {{0}};
    struct search_opts o = {.limit = 20};
    for (int w = 0; w < 3; w++)
        if (search_run(s, text, &o, &hits, &n, &e)) {
            fprintf(stderr, "search_bench: %s: %s\n", text, e.msg);
            return -1;
        }
    double start = now_us();
    while (runs < 200 && (runs < 10 || now_us() - start < 2e6)) {
        double t0 = now_us();
        search_run(s, text, &o, &hits, &n, &e);
        t[runs++] = now_us() - t0;
    }
    qsort(t, runs, sizeof *t, cmp_double);
    size_t p99 = (runs * 99 + 99) / 100 - 1;
    if (p99_out)
        *p99_out = t[p99 < runs ? p99 : runs - 1];
    return t[runs / 2];
}

/* What the last query's one pinyin word became, typed in characters: "w1 OR w2 …". */
static void became(struct search *s, char *out, size_t cap)
{
    const struct query_pinyin *p;
    size_t n = search_pinyin(s, &p);
    out[0] = 0;
    for (size_t k = 0; n && k < p[0].nwords; k++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", k ? " OR " : "", p[0].words[k]);
}

static double rebuild_us(const char *path)
{
    struct err e = {{0}};
    struct store *st;
    if (store_open(path, STORE_WRITE, &st, &e))
        return -1;
    sqlite3 *db = store_db(st);
    double t0 = now_us();
    int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) ||
             search_hooks.on_commit(search_hooks.ctx, db, &e);
    double t = now_us() - t0;
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    store_close(&st);
    return rc ? -1 : t;
}

static int pinyin_pairs(const char *dbpath, const char *queries, const char *vocab)
{
    struct err e = {{0}};
    struct store *st;
    struct search *s;
    FILE *f = fopen(queries, "r");
    if (!f || store_open(dbpath, STORE_READ, &st, &e) ||
        search_open(store_db(st), vocab, &s, &e)) {
        fprintf(stderr, "search_bench: %s\n", f ? e.msg : queries);
        return 1;
    }
    char line[1024], typed[4096];
    double first = -1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *meant = strchr(line, '\t');
        if (!line[0] || line[0] == '#' || !meant)
            continue;
        *meant++ = 0;
        if (first < 0) {
            /* A new context's first pinyin query, less what the same query costs after. */
            struct search *fresh;
            const struct search_hit *hits;
            size_t n;
            struct search_opts o = {.limit = 20};
            if (search_open(store_db(st), vocab, &fresh, &e))
                return 1;
            double t0 = now_us();
            search_run(fresh, line, &o, &hits, &n, &e);
            double t1 = now_us();
            search_run(fresh, line, &o, &hits, &n, &e);
            first = (t1 - t0) - (now_us() - t1);
            search_close(&fresh);
        }
        long long matched = count_hits(s, line);
        became(s, typed, sizeof typed);
        /* The three in turn, so that the machine's noise falls on each alike. */
        const char *q[3] = {line, typed, meant};
        static double t[3][200];
        const struct search_hit *hits;
        size_t n, runs = 0;
        struct search_opts o = {.limit = 20};
        for (int k = 0; k < 9; k++)
            if (search_run(s, q[k % 3], &o, &hits, &n, &e)) {
                fprintf(stderr, "search_bench: %s: %s\n", q[k % 3], e.msg);
                return 1;
            }
        double start = now_us();
        while (runs < 200 && (runs < 10 || now_us() - start < 3e6)) {
            for (int k = 0; k < 3; k++) {
                double t0 = now_us();
                search_run(s, q[k], &o, &hits, &n, &e);
                t[k][runs] = now_us() - t0;
            }
            runs++;
        }
        /* The ratios of each round (the three ran back to back), then their medians. */
        static double rb[200], rc[200];
        for (size_t r = 0; r < runs; r++) {
            rb[r] = t[0][r] / (t[1][r] > 0 ? t[1][r] : 1);
            rc[r] = t[0][r] / (t[2][r] > 0 ? t[2][r] : 1);
        }
        qsort(rb, runs, sizeof *rb, cmp_double);
        qsort(rc, runs, sizeof *rc, cmp_double);
        for (int k = 0; k < 3; k++)
            qsort(t[k], runs, sizeof t[k][0], cmp_double);
        double a = t[0][runs / 2], b = t[1][runs / 2], c = t[2][runs / 2];
        printf("%s\t%s\t%lld\t%.1f\t%.1f\t%s\t%.1f\t%.3f\t%.3f\n", line, typed, matched, a, b,
               meant, c, rb[runs / 2], rc[runs / 2]);
    }
    fclose(f);
    search_close(&s);
    store_close(&st);
    printf("first\t%.1f\n", first);
    printf("rebuild\t%.1f\n", rebuild_us(dbpath));
    return 0;
}

int main(int argc, char **argv)
{
    store_add_hooks(&search_hooks);
    if (argc == 5 && !strcmp(argv[1], "--pinyin"))
        return pinyin_pairs(argv[2], argv[3], argv[4]);
    if (argc != 4) {
        fputs("usage: search_bench [--pinyin] DB QUERIES VOCAB\n", stderr);
        return 2;
    }
    struct err e = {{0}};
    struct store *st;
    struct search *s;
    if (store_open(argv[1], STORE_READ, &st, &e) ||
        search_open(store_db(st), argv[3], &s, &e)) {
        fprintf(stderr, "search_bench: %s\n", e.msg);
        return 1;
    }
    struct vocab *v = NULL;
    FILE *f = fopen(argv[2], "r");
    if (!f || vocab_load(argv[3], &v, &e)) {
        perror(argv[2]);
        return 1;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\t\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        double p99, med = time_query(s, line, &p99);
        if (med < 0)
            return 1;
        printf("%s\t%lld\t%.1f\t%.1f\n", line, count_matches(store_db(st), v, line), med, p99);
    }
    fclose(f);
    vocab_free(&v);
    sqlite3 *db = store_db(st);
    printf("index\t%lld\t%lld\n", table_bytes(db, "search_fts_data") +
           table_bytes(db, "search_fts_idx"), table_bytes(db, "search_fts_content"));
    search_close(&s);
    store_close(&st);
    return 0;
}
