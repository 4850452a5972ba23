/* golden.c — the question set (tests/golden/ask/questions.tsv, written by a reader who never
 * saw the code) asked of the embedded database, each answer checked against the facts the
 * reader expects: every fact stated by a row, no region the reader did not name, every
 * source cited. tests/ask/pending.tsv names the questions that wait for data not yet
 * embedded, with what they wait for; such a question must still fail (so the list shrinks
 * when the data comes).
 *
 * usage: ask_golden DB QUESTIONS PENDING DATA_DIR [ID…]     prints one line per question
 * and "N passed, N pending, N failed"; exit 1 on any failure. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/ask.h"
#include "gongfu/paths.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"

/* Room for why a check failed. */
#define WHY_N 1024

static int fail(char *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, WHY_N, fmt, ap);
    va_end(ap);
    return -1;
}

static char *fold(const char *s)
{
    return targets_fold_key(s, strlen(s));
}

static int folded_eq(const char *a, const char *b)
{
    char *x = fold(a), *y = fold(b);
    int eq = x && y && !strcmp(x, y);
    free(x);
    free(y);
    return eq;
}

static int folded_in(const char *needle, const char *hay)
{
    char *x = fold(needle), *y = fold(hay);
    int in = x && y && *x && strstr(y, x) != NULL;
    free(x);
    free(y);
    return in;
}

static const char *cmp_of(const char *sign)
{
    static const char *const map[][2] = {{"≥", ">="}, {"≤", "<="}, {"=", "="}, {"~", "~"},
                                         {">", ">"}, {"<", "<"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(sign, map[i][0]))
            return map[i][1];
    return NULL;
}

/* "REGION=VALUE UNIT (CMP, YEAR[ reported])" */
struct fact {
    char region[128], value[256], unit[64], cmp[8], status[16];
    int year, reported;
    char paths[512];    /* measures: "slug:path,slug:path" */
};

static int parse_value_fact(const char *s, struct fact *f, char *why)
{
    const char *eq = strchr(s, '='), *par = strrchr(s, '(');
    if (!eq || !par || par < eq)
        return fail(why, "cannot read fact '%s'", s), -1;
    snprintf(f->region, sizeof f->region, "%.*s", (int)(eq - s), s);
    char body[256];
    snprintf(body, sizeof body, "%.*s", (int)(par - eq - 2), eq + 1);
    char *sp = strchr(body, ' ');
    if (sp)
        *sp = 0, snprintf(f->unit, sizeof f->unit, "%s", sp + 1);
    snprintf(f->value, sizeof f->value, "%s", body);
    char sign[16] = "";
    int year = 0;
    char rest[32] = "";
    if (sscanf(par, "(%15[^,], %d%31[^)])", sign, &year, rest) < 2 || !cmp_of(sign))
        return fail(why, "cannot read '%s'", par), -1;
    snprintf(f->cmp, sizeof f->cmp, "%s", cmp_of(sign));
    f->year = year;
    f->reported = strstr(rest, "reported") != NULL;
    return 0;
}

static int value_matches(const struct fact *f, const struct ask_row *r)
{
    char *end;
    double want = strtod(f->value, &end);
    int numeric = end != f->value && !*end;
    if (numeric) {
        double got = strtod(r->value, &end);
        if (end == r->value || *end || fabs(got - want) > 1e-9)
            return 0;
        return folded_eq(f->unit, r->unit);
    }
    return folded_in(r->value, f->value);
}

static int row_matches(const struct fact *f, const struct ask_row *r)
{
    return r->answer && !strcmp(f->region, r->region) && r->year == f->year &&
           !strcmp(f->cmp, r->comparator) &&
           f->reported == !strcmp(r->kind, "reported") && value_matches(f, r);
}

/* Every "slug:path" and "report:quote" source is cited by an answer row. */
static int sources_cited(const char *sources, const struct ask_answer *a, char *why)
{
    if (!strcmp(sources, "-"))
        return 0;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", sources);
    for (char *s = strtok(buf, ","); s; s = strtok(NULL, ",")) {
        int found = 0;
        int quote = !strncmp(s, "report:", 7);
        for (size_t i = 0; i < a->nrows && !found; i++) {
            const struct ask_row *r = &a->rows[i];
            char sp[256];
            snprintf(sp, sizeof sp, "%s:%s", r->slug, r->path);
            found = quote ? folded_in(s + 7, r->sentence) : !strcmp(sp, s);
        }
        if (!found)
            return fail(why, "source %s not cited", s), -1;
    }
    return 0;
}

static int only_named_regions(const struct fact *f, size_t nf, const struct ask_answer *a,
                          char *why)
{
    for (size_t i = 0; i < a->nrows; i++) {
        if (!a->rows[i].answer)
            continue;
        int named = 0;
        for (size_t k = 0; k < nf && !named; k++)
            named = !strcmp(f[k].region, a->rows[i].region);
        if (!named)
            return fail(why, "answers for %s, which the reader does not expect",
                           a->rows[i].region), -1;
    }
    return 0;
}

static int check_values(const char *kind, struct fact *f, size_t nf, const struct ask_answer *a,
                        char *why)
{
    if (!a->answered)
        return fail(why, "not answered: %s", a->text ? a->text : ""), -1;
    for (size_t k = 0; k < nf; k++) {
        int found = 0;
        for (size_t i = 0; i < a->nrows && !found; i++)
            found = row_matches(&f[k], &a->rows[i]);
        if (!found)
            return fail(why, "no row states %s=%s %s (%s, %d%s)", f[k].region, f[k].value,
                           f[k].unit, f[k].cmp, f[k].year, f[k].reported ? " reported" : ""),
                   -1;
    }
    if (only_named_regions(f, nf, a, why) < 0)
        return -1;
    if (!strcmp(kind, "rank")) {
        size_t winners = 0;
        for (size_t i = 0; i < a->nrows; i++)
            winners += a->rows[i].answer;
        if (winners != nf)
            return fail(why, "%zu winners, expected %zu", winners, nf), -1;
    }
    return 0;
}

/* "REGION=slug:path,slug:path": the regions answered are those named, each row one of
 * its region's items. */
static int check_measures(struct fact *f, size_t nf, const struct ask_answer *a, char *why)
{
    if (!a->answered)
        return fail(why, "not answered: %s", a->text ? a->text : ""), -1;
    if (only_named_regions(f, nf, a, why) < 0)
        return -1;
    for (size_t k = 0; k < nf; k++) {
        int found = 0;
        for (size_t i = 0; i < a->nrows; i++) {
            if (strcmp(a->rows[i].region, f[k].region))
                continue;
            char sp[256], list[520];
            snprintf(sp, sizeof sp, ",%s:%s,", a->rows[i].slug, a->rows[i].path);
            snprintf(list, sizeof list, ",%s,", f[k].paths);
            if (!strstr(list, sp))
                return fail(why, "%s row %s:%s is not among %s", f[k].region,
                               a->rows[i].slug, a->rows[i].path, f[k].paths), -1;
            found = 1;
        }
        if (!found)
            return fail(why, "no row for %s", f[k].region), -1;
    }
    return 0;
}

/* "REGION=met|not yet|no data (target X, reported Y)" */
static int check_progress(const char *expect, const struct ask_answer *a, char *why)
{
    char region[128], status[32];
    if (sscanf(expect, "%127[^=]=%31[^(]", region, status) != 2)
        return fail(why, "cannot read '%s'", expect), -1;
    size_t l = strlen(status);
    while (l && status[l - 1] == ' ')
        status[--l] = 0;
    for (size_t i = 0; i < a->nrows; i++)
        if (a->rows[i].status && !strcmp(a->rows[i].region, region) &&
            !strcmp(a->rows[i].status, status))
            return 0;
    return fail(why, "no row says %s is %s", region, status), -1;
}

static int check(const char *kind, const char *expect, const char *sources,
                 const struct ask_answer *a, char *why)
{
    if (!strcmp(kind, "none")) {
        size_t answers = 0;
        for (size_t i = 0; i < a->nrows; i++)
            answers += a->rows[i].answer;
        if (a->answered || answers)
            return fail(why, "answered, but the documents cannot: %s", a->text), -1;
        return 0;
    }
    if (!strcmp(kind, "progress"))
        return check_progress(expect, a, why) < 0 ? -1 : sources_cited(sources, a, why);
    struct fact f[16];
    size_t nf = 0;
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", expect);
    for (char *s = buf, *next; s && nf < 16; s = next) {
        next = strstr(s, " ; ");
        if (next)
            *next = 0, next += 3;
        memset(&f[nf], 0, sizeof f[nf]);
        if (!strcmp(kind, "measures")) {
            char *eq = strchr(s, '=');
            if (!eq)
                return fail(why, "cannot read '%s'", s), -1;
            snprintf(f[nf].region, sizeof f[nf].region, "%.*s", (int)(eq - s), s);
            snprintf(f[nf].paths, sizeof f[nf].paths, "%s", eq + 1);
        } else if (parse_value_fact(s, &f[nf], why) < 0) {
            return -1;
        }
        nf++;
    }
    int rc = !strcmp(kind, "measures") ? check_measures(f, nf, a, why)
                                        : check_values(kind, f, nf, a, why);
    return rc < 0 ? -1 : sources_cited(sources, a, why);
}

/* The reason a question is pending, or NULL. */
static const char *pending_reason(char **ids, char **reasons, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ids[i], id))
            return reasons[i];
    return NULL;
}

static int wanted(int argc, char **argv, const char *id)
{
    if (argc <= 5)
        return 1;
    for (int i = 5; i < argc; i++)
        if (!strcmp(argv[i], id))
            return 1;
    return 0;
}

static char *field(char **p)
{
    char *s = *p, *tab = s ? strchr(s, '\t') : NULL;
    if (tab)
        *tab = 0, *p = tab + 1;
    else
        *p = NULL;
    return s;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fputs("usage: ask_golden DB QUESTIONS PENDING DATA_DIR [ID…]\n", stderr);
        return 2;
    }
    setenv("GONGFU_DATA", argv[4], 1);
    struct ask_files files = ask_data_files();
    struct err e = {{0}};
    struct store *s;
    struct ask *ask;
    store_add_hooks(&search_hooks);
    store_add_hooks(&targets_hooks);
    if (store_open(argv[1], STORE_READ, &s, &e) < 0 || ask_open(s, &files, &ask, &e) < 0) {
        fprintf(stderr, "ask_golden: %s\n", e.msg);
        return 1;
    }
    size_t plen, qlen;
    char *ptext = paths_read_file(argv[3], &plen), *qtext = paths_read_file(argv[2], &qlen);
    if (!qtext) {
        fprintf(stderr, "ask_golden: cannot read %s\n", argv[2]);
        return 1;
    }
    char *pids[128], *preasons[128];
    size_t npending = 0;
    for (char *line = ptext ? strtok(ptext, "\n") : NULL; line && npending < 128;
         line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char *p = line;
        pids[npending] = field(&p);
        preasons[npending++] = p ? p : "";
    }
    int passed = 0, failed = 0, pend = 0;
    char *save = NULL;
    strtok_r(qtext, "\n", &save);   /* the header */
    for (char *line; (line = strtok_r(NULL, "\n", &save));) {
        char *p = line;
        char *id = field(&p), *kind = field(&p), *question = field(&p), *expect = field(&p),
             *sources = field(&p);
        if (!sources || !wanted(argc, argv, id))
            continue;
        struct ask_answer a;
        char why[1024] = "";
        int bad = ask_question(ask, question, &a, &e) < 0;
        if (bad)
            snprintf(why, sizeof why, "error: %s", e.msg);
        else
            bad = check(kind, expect, sources, &a, why) < 0;
        const char *reason = pending_reason(pids, preasons, npending, id);
        if (reason && bad) {
            printf("pending %s %s: %s (%s)\n", id, question, reason, why);
            pend++;
        } else if (reason) {
            printf("FAIL %s %s: passes now, remove it from the pending list\n", id, question);
            failed++;
        } else if (bad) {
            printf("FAIL %s %s: %s\n     answer: %s\n", id, question, why,
                   a.text ? a.text : "");
            failed++;
        } else {
            printf("ok %s %s\n", id, question);
            passed++;
        }
        ask_answer_free(&a);
        e.msg[0] = 0;
    }
    printf("%d passed, %d pending, %d failed\n", passed, pend, failed);
    free(qtext);
    free(ptext);
    ask_close(&ask);
    store_close(&s);
    return failed ? 1 : 0;
}
