/* targets_progress.c — how far each target has got: the target paired with the latest
 * value reported for the same indicator and region, from any imported document, and
 * whether it is met. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/units.h"
#include "targets_int.h"

const char *progress_status_name(enum progress_status s)
{
    return s == PROGRESS_MET ? "met" : s == PROGRESS_NOT_YET ? "not yet"
         : s == PROGRESS_NO_TARGET ? "no target" : "no data";
}

void progress_table_free(struct progress_table *t)
{
    target_rows_free(&t->targets, t->ntargets);
    target_rows_free(&t->reported, t->nreported);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

/* What the two values are compared as: the indicator when linked, else the folded
 * phrase (two documents writing the same words mean the same measure). 2: by the
 * indicator, 1: by the phrase, 0: nothing to compare by (the row matches no other). */
static int measure_of(const struct target_row *t, const char **name)
{
    *name = t->indicator_slug ? t->indicator_slug : t->key;
    return t->indicator_slug ? 2 : t->key && *t->key ? 1 : 0;
}

/* The order of the rows' index: region, then measure; rows of one region and measure
 * side by side, in their table's order. */
static int by_measure(const void *x, const void *y)
{
    const struct target_row *a = *(const struct target_row *const *)x,
                            *b = *(const struct target_row *const *)y;
    const char *na, *nb;
    int c = strcmp(a->region, b->region), ta = measure_of(a, &na), tb = measure_of(b, &nb);
    if (!c)
        c = ta != tb ? ta - tb : ta ? strcmp(na, nb) : 0;
    return c ? c : (a > b) - (a < b);
}

/* Where row x goes against t's region and measure (tag, name): <0 before, 0 the same. */
static int against(const struct target_row *x, const struct target_row *t, int tag,
                   const char *name)
{
    const char *on;
    int c = strcmp(x->region, t->region), ot = measure_of(x, &on);
    if (!c)
        c = ot != tag ? ot - tag : ot ? strcmp(on, name) : 0;
    return c;
}

/* Every row of one table with t's region and measure, through its sorted index: sets
 * *from and returns the count (0 when t has nothing to compare by). Both ends are found
 * by binary search, not by a scan per row (a progress table of 600 documents under a
 * second), nor a walk over the run (at 100× the corpus one region's run of an indicator
 * is hundreds of rows, and walking it for each target was quadratic). */
static size_t same_measure(const struct target_row *const *idx, size_t n,
                           const struct target_row *t, const struct target_row *const **from)
{
    const char *name;
    int tag = measure_of(t, &name);
    if (!tag)
        return 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {                 /* the first row not before t's region and measure */
        size_t mid = lo + (hi - lo) / 2;
        if (against(idx[mid], t, tag, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    hi = n;
    while (end < hi) {                /* the first row after them */
        size_t mid = end + (hi - end) / 2;
        if (against(idx[mid], t, tag, name) <= 0)
            end = mid + 1;
        else
            hi = mid;
    }
    *from = idx + lo;
    return end - lo;
}

/* A growth rate ("增长5%", "增速", "涨幅") is a change within its year, so it is compared
 * with the growth reported for the same year, never with another year's. */
static int is_growth(const struct target_row *t)
{
    static const char *const ends[] = { "增长", "增速", "增幅", "涨幅", "增长率", "下降",
                                        "降低", NULL };
    const char *names[] = { t->key, t->indicator_name };
    for (size_t n = 0; n < 2; n++) {
        size_t l = names[n] ? strlen(names[n]) : 0;
        for (size_t i = 0; ends[i]; i++) {
            size_t el = strlen(ends[i]);
            if (l >= el && !strcmp(names[n] + l - el, ends[i]))
                return 1;
        }
    }
    return 0;
}

static int starts_with_any(const char *s, const char *const *words)
{
    for (size_t i = 0; s && words[i]; i++)
        if (!strncmp(s, words[i], strlen(words[i])))
            return 1;
    return 0;
}

/* What a year adds ("新增高新技术企业6000家", "建成…", "安排…资金") is that year's, like a
 * growth: 2026's additions are not met by 2025's. */
static int is_flow(const struct target_row *t)
{
    for (size_t i = 0; t->key && lex_flow_words[i]; i++)
        if (strstr(t->key, lex_flow_words[i]))
            return 1;
    return starts_with_any(t->key, lex_count_verbs) || starts_with_any(t->key, lex_count_openers) ||
           starts_with_any(t->key, lex_action_verbs);
}

/* A value progress can follow: a catalogue indicator, or a phrase that names a measure (a
 * rate, an amount: 粮食播种面积, 集装箱吞吐量), not things counted ("省级中试平台10家"
 * says what is added, not where it stands). */
static int measures(const struct target_row *t)
{
    if (t->indicator_slug)
        return 1;
    struct ttext tt;
    int rate = 0, m = 0;
    if (t->key && ttext_build(t->key, strlen(t->key), &tt) == 0) {
        m = lex_measurable(&tt, 0, tt.n, &rate);
        ttext_free(&tt);
    }
    return m;
}

/* The reported value a target is measured by: same measure and region; for a value per
 * year (an annual target, a growth rate, a year's additions), the same year and
 * frequency; else the latest at or before the target's year. Of several, the latest
 * year, then the latest imported. */
static const struct target_row *pair(const struct target_row *const *reported, size_t n,
                                     const struct target_row *t)
{
    const struct target_row *best = NULL, *const *same;
    if (!measures(t))
        return NULL;
    int per_year = t->freq == TFQ_ANNUAL || is_growth(t) || is_flow(t);
    for (size_t i = 0, m = same_measure(reported, n, t, &same); i < m; i++) {
        const struct target_row *r = same[i];
        if (isnan(r->value) || !r->year)
            continue;
        if (per_year ? r->year != t->year || r->freq != t->freq
                     : (t->year && r->year > t->year) || r->freq != t->freq)
            continue;
        if (!best || r->year > best->year || (r->year == best->year && r->id > best->id))
            best = r;
    }
    return best;
}

static int same_base(const char *a, const char *b)
{
    char *fa = targets_fold_key(a, strlen(a)), *fb = targets_fold_key(b, strlen(b));
    int same = fa && fb && !strcmp(fa, fb);
    free(fa);
    free(fb);
    return same;
}

enum progress_status targets_judge(const struct target_row *t, const struct target_row *r)
{
    if (!r || isnan(t->value))
        return PROGRESS_NO_DATA;
    const char *tb, *rb;
    double tv = t->value * units_scale(t->unit, &tb), rv = r->value * units_scale(r->unit, &rb);
    if (!same_base(tb, rb))
        return PROGRESS_NO_DATA;
    enum target_cmp c = CMP_EQ;
    target_cmp_parse(t->comparator, &c);
    int lower = c == CMP_LE || c == CMP_LT ||
                ((c == CMP_EQ || c == CMP_APPROX) && t->direction && !strcmp(t->direction, "lower"));
    const double eps = 1e-9 * (fabs(tv) + 1);
    int met = c == CMP_GT ? rv > tv + eps
            : c == CMP_LT ? rv < tv - eps
            : lower       ? rv <= tv + eps
                          : rv >= tv - eps;
    return met ? PROGRESS_MET : PROGRESS_NOT_YET;
}

/* The latest value reported for a catalogue indicator and a region that no target of the
 * table names: what a place reached where the documents imported set nothing ("浙江省 托位数
 * 4.76个" when only the second half of the province's plan is imported). reported[] is in
 * the table's order, ri and ti are by_measure indexes. */
static size_t no_target_rows(struct progress_row *out, const struct target_row *const *reported,
                             size_t nreported, const struct target_row *const *ti, size_t nt,
                             const struct target_row *const *ri, int year)
{
    size_t n = 0;
    for (size_t i = 0; i < nreported; i++) {
        const struct target_row *r = reported[i], *const *same;
        if (!r->indicator_slug || (year && r->year != year) || same_measure(ti, nt, r, &same))
            continue;
        int later = 0;
        for (size_t k = 0, m = same_measure(ri, nreported, r, &same); k < m && !later; k++)
            later = same[k] != r && (same[k]->year > r->year ||
                                     (same[k]->year == r->year && same[k] > r));
        if (!later)
            out[n++] = (struct progress_row){ NULL, r, PROGRESS_NO_TARGET };
    }
    return n;
}

/* An index of rows in by_measure's order; NULL out of memory. */
static const struct target_row **measure_index(const struct target_row *const *rows, size_t n)
{
    const struct target_row **idx = malloc((n + 1) * sizeof *idx);
    if (idx) {
        memcpy(idx, rows, n * sizeof *idx);
        qsort(idx, n, sizeof *idx, by_measure);
    }
    return idx;
}

/* The progress rows of targets[0..nt) against reported[0..nr) (each in its table's order,
 * pointers ordered as the rows are): a row per target, then the values no target names. */
static int progress_of(const struct target_row *const *targets, size_t nt,
                       const struct target_row *const *reported, size_t nr, int year,
                       struct progress_row **out, size_t *n)
{
    *n = 0;
    *out = calloc(nt + nr + 1, sizeof **out);
    const struct target_row **ti = measure_index(targets, nt), **ri = measure_index(reported, nr);
    if (!*out || !ti || !ri) {
        free(ti), free(ri), free(*out);
        *out = NULL;
        return -1;
    }
    for (size_t i = 0; i < nt; i++) {
        struct progress_row *row = &(*out)[(*n)++];
        row->target = targets[i];
        row->reported = pair(ri, nr, row->target);
        row->status = targets_judge(row->target, row->reported);
    }
    *n += no_target_rows(*out + *n, reported, nr, ti, nt, ri, year);
    free(ti);
    free(ri);
    return 0;
}

/* Pointers to rows[0..n) of one kind, in order; NULL out of memory. */
static const struct target_row **of_kind(const struct target_row *rows, size_t n,
                                         enum target_kind k, size_t *count)
{
    const struct target_row **v = malloc((n + 1) * sizeof *v);
    *count = 0;
    for (size_t i = 0; v && i < n; i++)
        if (rows[i].kind == k)
            v[(*count)++] = &rows[i];
    return v;
}

int targets_progress_rows(const struct target_row *rows, size_t n, struct progress_row **out,
                          size_t *nout, struct err *e)
{
    size_t nt, nr;
    const struct target_row **t = of_kind(rows, n, TK_TARGET, &nt),
                            **r = of_kind(rows, n, TK_REPORTED, &nr);
    int rc = t && r ? progress_of(t, nt, r, nr, 0, out, nout) : -1;
    free(t);
    free(r);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}

int targets_progress_pair(const struct target_row *targets, size_t nt,
                          const struct target_row *reported, size_t nr, int year,
                          struct progress_row **out, size_t *nout, struct err *e)
{
    const struct target_row **t = malloc((nt + 1) * sizeof *t), **r = malloc((nr + 1) * sizeof *r);
    for (size_t i = 0; t && i < nt; i++)
        t[i] = &targets[i];
    for (size_t i = 0; r && i < nr; i++)
        r[i] = &reported[i];
    int rc = t && r ? progress_of(t, nt, r, nr, year, out, nout) : -1;
    free(t);
    free(r);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}

int targets_progress(sqlite3 *db, const struct target_filter *f, struct progress_table *out,
                     struct err *e)
{
    memset(out, 0, sizeof *out);
    struct target_filter tf = *f, rf = *f;
    tf.kind = TK_TARGET;
    rf.kind = TK_REPORTED;
    rf.year = 0;                      /* a target for 2030 is measured by 2025's value */
    if (targets_query(db, &tf, &out->targets, &out->ntargets, e) < 0 ||
        targets_query(db, &rf, &out->reported, &out->nreported, e) < 0 ||
        targets_progress_pair(out->targets, out->ntargets, out->reported, out->nreported,
                              f->year, &out->rows, &out->n, e) < 0) {
        progress_table_free(out);
        return -1;
    }
    return 0;
}
