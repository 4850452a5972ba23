/* ask_bench — how long a question takes in-process, as the explorer asks it once the
 * asker is open: the parse alone, and the whole answer (parse, matching, the rows and
 * their sentences, or the searches of a measures question).
 *
 * usage: ask_bench DB QUESTIONS DATA_DIR
 * QUESTIONS is tests/golden/ask/questions.tsv (id, kind, question …). Prints the time to
 * open the asker, then per question "id<TAB>kind<TAB>parse µs<TAB>answer µs<TAB>first µs"
 * (medians of up to 50 runs after 2 warm-ups; first: the first run, with what the asker
 * reads once, such as every target's progress at the first progress question), then per
 * kind and overall the median and the worst. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gongfu/ask.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n ? v[n / 2] : 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: ask_bench DB QUESTIONS DATA_DIR\n", stderr);
        return 2;
    }
    setenv("GONGFU_DATA", argv[3], 1);
    struct ask_files files = ask_data_files();
    struct err e = {{0}};
    struct store *s;
    struct ask *ask;
    store_add_hooks(&search_hooks);
    store_add_hooks(&targets_hooks);
    double t0 = now_us();
    if (store_open(argv[1], STORE_READ, &s, &e) < 0 || ask_open(s, &files, &ask, &e) < 0) {
        fprintf(stderr, "ask_bench: %s\n", e.msg);
        return 1;
    }
    printf("open\t%.0f\n", now_us() - t0);
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    static const char *const kinds[] = {"lookup", "which", "rank", "compare", "progress",
                                        "measures", "none"};
    static double by_kind[7][128], all[1024];
    size_t nk[7] = {0}, nall = 0;
    double worst = 0;
    char line[4096];
    fgets(line, sizeof line, f);   /* the header */
    while (fgets(line, sizeof line, f)) {
        char *id = strtok(line, "\t"), *kind = strtok(NULL, "\t"), *q = strtok(NULL, "\t");
        if (!q)
            continue;
        double tp[50], ta[50];
        size_t runs = 0;
        double cold = 0;
        for (int w = 0; w < 2; w++) {
            struct ask_answer a;
            double c0 = now_us();
            int bad = ask_question(ask, q, &a, &e) < 0;
            if (!w)
                cold = now_us() - c0;
            if (bad) {
                fprintf(stderr, "ask_bench: %s: %s\n", q, e.msg);
                return 1;
            }
            ask_answer_free(&a);
        }
        double start = now_us();
        while (runs < 50 && (runs < 5 || now_us() - start < 1e6)) {
            struct ask_intent in;
            struct ask_answer a;
            double a0 = now_us();
            ask_parse(ask_grammar_of(ask), q, &in, &e);
            double a1 = now_us();
            ask_intent_free(&in);
            double a2 = now_us();
            ask_question(ask, q, &a, &e);
            ta[runs] = now_us() - a2;
            tp[runs++] = a1 - a0;
            ask_answer_free(&a);
        }
        double mp = median(tp, runs), ma = median(ta, runs);
        printf("%s\t%s\t%.1f\t%.1f\t%.1f\n", id, kind, mp, ma, cold);
        for (int k = 0; k < 7; k++)
            if (!strcmp(kinds[k], kind) && nk[k] < 128)
                by_kind[k][nk[k]++] = ma;
        all[nall++] = ma;
        if (ma > worst)
            worst = ma;
    }
    fclose(f);
    for (int k = 0; k < 7; k++) {
        double w = 0;
        for (size_t i = 0; i < nk[k]; i++)
            w = by_kind[k][i] > w ? by_kind[k][i] : w;
        printf("kind\t%s\t%zu\t%.1f\t%.1f\n", kinds[k], nk[k], median(by_kind[k], nk[k]), w);
    }
    printf("all\t%zu\t%.1f\t%.1f\n", nall, median(all, nall), worst);
    ask_close(&ask);
    store_close(&s);
    return 0;
}
