/* ask_rank.c — which region's value is the highest, the lowest or the strictest (by the
 * indicator's direction: lower is better for a ratio such as 收入倍差), among values that
 * can be compared: numbers of one year, one unit and one frequency. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ask_int.h"
#include "ask_values.h"

struct rank_ctx {
    struct ask *a;
    size_t *sel, n;
};

/* The year most rows are for (ties: the first seen). */
static int modal_year(const struct rank_ctx *c)
{
    int best = 0;
    size_t best_n = 0;
    for (size_t i = 0; i < c->n; i++) {
        size_t k = 0;
        for (size_t j = 0; j < c->n; j++)
            k += c->a->rows[c->sel[j]].year == c->a->rows[c->sel[i]].year;
        if (k > best_n)
            best_n = k, best = c->a->rows[c->sel[i]].year;
    }
    return best;
}

static char *unit_key(const struct target_row *t)
{
    return targets_fold_key(t->unit ? t->unit : "", t->unit ? strlen(t->unit) : 0);
}

/* Keeps the rows for which keep(row, arg) holds. */
static void keep_if(struct rank_ctx *c, int (*keep)(const struct target_row *, const void *),
                    const void *arg)
{
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        if (keep(&c->a->rows[c->sel[i]], arg))
            c->sel[k++] = c->sel[i];
    c->n = k;
}

static int is_number(const struct target_row *t, const void *arg)
{
    (void)arg;
    return !isnan(t->value);
}

static int of_year(const struct target_row *t, const void *arg)
{
    return t->year == *(const int *)arg;
}

static int of_unit(const struct target_row *t, const void *arg)
{
    char *u = unit_key(t);
    int same = u && !strcmp(u, (const char *)arg);
    free(u);
    return same;
}

static int of_freq(const struct target_row *t, const void *arg)
{
    return t->freq == *(const enum target_freq *)arg;
}

/* The unit most rows share, folded (malloc'd). */
static char *modal_unit(const struct rank_ctx *c)
{
    char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < c->n; i++) {
        char *u = unit_key(&c->a->rows[c->sel[i]]);
        size_t k = 0;
        for (size_t j = 0; u && j < c->n; j++)
            k += of_unit(&c->a->rows[c->sel[j]], u);
        if (k > best_n) {
            free(best);
            best = u, best_n = k;
        } else {
            free(u);
        }
    }
    return best;
}

static enum target_freq modal_freq(const struct rank_ctx *c)
{
    size_t count[3] = {0};
    for (size_t i = 0; i < c->n; i++)
        count[c->a->rows[c->sel[i]].freq]++;
    return count[TFQ_ANNUAL] > count[TFQ_LEVEL] && count[TFQ_ANNUAL] >= count[TFQ_CUMULATIVE]
               ? TFQ_ANNUAL
           : count[TFQ_CUMULATIVE] > count[TFQ_LEVEL] ? TFQ_CUMULATIVE : TFQ_LEVEL;
}

/* One row per region: the one that goes furthest in the order's way. */
static void one_per_region(struct rank_ctx *c, int higher)
{
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        const char *r = c->a->row_region[c->sel[i]];
        size_t j = 0;
        while (j < k && strcmp(c->a->row_region[c->sel[j]], r))
            j++;
        if (j == k) {
            c->sel[k++] = c->sel[i];
            continue;
        }
        double v = c->a->rows[c->sel[i]].value, w = c->a->rows[c->sel[j]].value;
        if (higher ? v > w : v < w)
            c->sel[j] = c->sel[i];
    }
    c->n = k;
}

static void say_row(struct ask *a, struct ask_build *b, size_t i)
{
    char *v = ask_value_words(&a->rows[i]);
    ask_say(b, "%s%s", a->row_region[i], v ? v : "");
    free(v);
}

static const char *order_word(enum ask_order o)
{
    return o == ASK_STRICT ? "最严" : o == ASK_HIGH ? "最高" : "最低";
}

int ask_rank(struct ask *a, const struct ask_intent *q, struct ask_build *b, size_t key,
             int mode)
{
    struct rank_ctx c = {a, malloc((a->nrows + 1) * sizeof *c.sel), 0};
    if (!c.sel)
        return -1;
    const char *name = a->keys[key].name, *dir = ask_key_direction(a, key);
    c.n = ask_select(a, q, key, q->year, mode, c.sel);
    size_t all = c.n;
    keep_if(&c, is_number, NULL);
    size_t words = all - c.n;
    int year = q->year ? q->year : modal_year(&c);
    keep_if(&c, of_year, &year);
    char *unit = modal_unit(&c);
    if (unit)
        keep_if(&c, of_unit, unit);
    free(unit);
    enum target_freq fq = modal_freq(&c);
    keep_if(&c, of_freq, &fq);
    int higher = q->order == ASK_HIGH ||
                 (q->order == ASK_STRICT && !(dir && !strcmp(dir, "lower")));
    one_per_region(&c, higher);
    if (!c.n) {
        ask_say(b, "文件中没有%s给出%s的数值目标，无法比较。", q->level ? "各地" : "地区",
                name);
        free(c.sel);
        return 0;
    }
    double best = a->rows[c.sel[0]].value;
    for (size_t i = 1; i < c.n; i++)
        if (higher ? a->rows[c.sel[i]].value > best : a->rows[c.sel[i]].value < best)
            best = a->rows[c.sel[i]].value;
    b->ans->answered = 1;
    ask_say(b, "按%d年的%s，", year, mode == KM_REPORTED ? "实际数值" : "目标");
    size_t nwin = 0;
    for (size_t i = 0; i < c.n; i++)
        if (a->rows[c.sel[i]].value == best)
            ask_say(b, "%s%s", nwin++ ? "和" : "", a->row_region[c.sel[i]]);
    ask_say(b, "的%s%s%s：%s", name, mode == KM_REPORTED ? "" : "目标", order_word(q->order),
            nwin > 1 ? "均为" : "");
    /* The winners' value once when they write it alike, else each. */
    char *first = NULL;
    for (size_t i = 0, k = 0; i < c.n; i++)
        if (a->rows[c.sel[i]].value == best) {
            char *v = ask_value_words(&a->rows[c.sel[i]]);
            char *fv = v ? targets_fold_key(v, strlen(v)) : NULL;
            if (!first || !fv || strcmp(first, fv))
                ask_say(b, "%s%s", k++ ? "，" : "", v ? v : "");
            free(v);
            if (!first)
                first = fv;
            else
                free(fv);
        }
    free(first);
    ask_say(b, "。");
    if (c.n == 1)
        ask_say(b, "只有这一个%s给出了可比的数值。", q->level ? "城市" : "地区");
    else if (nwin < c.n) {
        ask_say(b, "其余：");
        for (size_t i = 0, k = 0; i < c.n; i++)
            if (a->rows[c.sel[i]].value != best) {
                ask_say(b, "%s", k++ ? "，" : "");
                say_row(a, b, c.sel[i]);
            }
        ask_say(b, "。");
    }
    if (q->order == ASK_STRICT && !dir)
        ask_reading(b, "不知道%s以高为好还是以低为好，按数值最高理解", name);
    if (words)
        ask_other(b, "另有%zu个目标是文字表述，没有参与比较", words);
    for (size_t i = 0; i < c.n; i++)
        if (a->rows[c.sel[i]].value == best)
            ask_add_target(a, b, &a->rows[c.sel[i]], a->row_region[c.sel[i]], 1);
    for (size_t i = 0; i < c.n; i++)
        if (a->rows[c.sel[i]].value != best)
            ask_add_target(a, b, &a->rows[c.sel[i]], a->row_region[c.sel[i]], 0);
    free(c.sel);
    return 0;
}
