/* search_bench — query times in-process, the way the explorer calls search on every key.
 *
 * usage: search_bench DB QUERIES VOCAB
 * QUERIES has one "query<TAB>grep regex" a line ('#' lines skipped). For each query it runs
 * search_run (first 20 hits, snippets and highlights included, as the explorer shows
 * them) until 200 runs or 2 s, after 3 warm-up runs, and prints
 *   query<TAB>sections matched<TAB>median µs<TAB>p99 µs
 * then "index<TAB>bytes of the FTS5 index<TAB>bytes of its copy of the text". */
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

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: search_bench DB QUERIES VOCAB\n", stderr);
        return 2;
    }
    struct err e = {{0}};
    struct store *st;
    struct search *s;
    store_add_hooks(&search_hooks);
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
    static double t[200];
    char line[1024];
    struct search_opts o = {.limit = 20};
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\t\n")] = 0;
        if (!line[0] || line[0] == '#')
            continue;
        const struct search_hit *hits;
        size_t n = 0, runs = 0;
        for (int w = 0; w < 3; w++)
            if (search_run(s, line, &o, &hits, &n, &e)) {
                fprintf(stderr, "search_bench: %s: %s\n", line, e.msg);
                return 1;
            }
        double start = now_us();
        while (runs < 200 && (runs < 10 || now_us() - start < 2e6)) {
            double t0 = now_us();
            search_run(s, line, &o, &hits, &n, &e);
            t[runs++] = now_us() - t0;
        }
        qsort(t, runs, sizeof *t, cmp_double);
        size_t p99 = (runs * 99 + 99) / 100 - 1;
        printf("%s\t%lld\t%.1f\t%.1f\n", line, count_matches(store_db(st), v, line),
               t[runs / 2], t[p99 < runs ? p99 : runs - 1]);
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
