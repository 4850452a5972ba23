/* relations_bench.c — the time relations_recompute takes on a database (every document's
 * relations, as at the end of an import), median of REPEAT runs, each inside a
 * transaction that is rolled back so the file is left as it was. CPU time (user + system)
 * as well as wall time, since the machines these run on are shared and busy.
 * usage: relations_bench DB [REPEAT]   → prints "cpu_ms wall_ms rows" (medians) */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include "gongfu/relations_store.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
    struct rusage r;
    getrusage(RUSAGE_SELF, &r);
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
           (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return fputs("usage: relations_bench DB [REPEAT]\n", stderr), 2;
    int repeat = argc > 2 ? atoi(argv[2]) : 5;
    if (repeat < 1 || repeat > 1000)
        repeat = 5;
    sqlite3 *db;
    struct err e = {{0}};
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return fprintf(stderr, "%s: %s\n", argv[1], sqlite3_errmsg(db)), 1;
    double t[1000], c[1000];
    long rows = 0;
    for (int i = 0; i < repeat; i++) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        double t0 = now_ms(), c0 = cpu_ms();
        if (relations_recompute(db, &e) < 0)
            return fprintf(stderr, "%s\n", e.msg), 1;
        t[i] = now_ms() - t0, c[i] = cpu_ms() - c0;
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM relation", -1, &st, NULL);
        if (sqlite3_step(st) == SQLITE_ROW)
            rows = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    qsort(t, (size_t)repeat, sizeof *t, cmp);
    qsort(c, (size_t)repeat, sizeof *c, cmp);
    printf("%.1f %.1f %ld\n", c[repeat / 2], t[repeat / 2], rows);
    sqlite3_close(db);
    return 0;
}
