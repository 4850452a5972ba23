/* itable.c — targets and reported values read from tables of indicators (see itable.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/itable.h"
#include "gongfu/lines.h"
#include "itable_value.h"

#define MAX_CELLS 32

struct cells {
    size_t s[MAX_CELLS], e[MAX_CELLS];   /* trimmed spans in the text */
    int n;
};

enum col_role { COL_OTHER, COL_INDICATOR, COL_UNIT, COL_YEAR };

struct columns {
    enum col_role role[MAX_CELLS];
    int year[MAX_CELLS];
    int reported[MAX_CELLS];   /* 1: a base year (基期, 现状), 0: a goal, -1: not said */
    int n, indicator, unit, years;
};

static int has(const char *s, size_t n, const char *w)
{
    return memmem(s, n, w, strlen(w)) != NULL;
}

static int starts(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !memcmp(s, w, k);
}

static void trim(const char *t, size_t *a, size_t *b)
{
    size_t k;
    while (*a < *b && (k = lines_space_at(t + *a, *b - *a)))
        *a += k;
    while (*b > *a) {
        size_t back = 0;
        for (size_t w = 1; w <= 3 && w <= *b - *a && !back; w++)
            if (lines_space_at(t + *b - w, w) == w)
                back = w;
        if (!back)
            break;
        *b -= back;
    }
}

int itable_is_row(const char *s, size_t n)
{
    if (n && (s[0] == '|' || s[n - 1] == '|'))
        return 1;
    /* Each '|' by memchr: most lines have none, and every line is asked. */
    if (n < 3)
        return 0;
    for (const char *p = s + 1, *end = s + n - 1; p < end && (p = memchr(p, '|', (size_t)(end - p))); p++)
        if (p[-1] == ' ' && p[1] == ' ')
            return 1;
    return 0;
}

/* The cells of a row: a leading and a trailing '|' frame it, empty cells keep their place. */
static void split(const char *t, size_t a, size_t b, struct cells *c)
{
    c->n = 0;
    trim(t, &a, &b);
    if (a < b && t[a] == '|')
        a++;
    if (b > a && t[b - 1] == '|')
        b--;
    for (size_t s = a, i = a; i <= b && c->n < MAX_CELLS; i++) {
        if (i < b && t[i] != '|')
            continue;
        size_t x = s, y = i;
        trim(t, &x, &y);
        c->s[c->n] = x, c->e[c->n] = y, c->n++;
        s = i + 1;
    }
}

/* The first year written in a header cell ("2025年", "2025年目标值", "2020"), else 0. */
static int year_in(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        int ok = 1;
        for (size_t k = 0; k < 4; k++)
            ok = ok && s[i + k] >= '0' && s[i + k] <= '9';
        int before = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9';
        int after = i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9';
        if (ok && !before && !after) {
            int y = atoi(s + i);
            if (y >= 1949 && y <= 2100 && (i + 4 == n || starts(s + i + 4, n - i - 4, "年") ||
                                           n - i - 4 < 3 || s[i + 4] == '(' || s[i + 4] == ' '))
                return y;
        }
    }
    return 0;
}

/* What a header cell says a column holds. */
static void name_column(const char *s, size_t n, struct columns *c, int i)
{
    int y = year_in(s, n);
    if (y) {
        c->role[i] = COL_YEAR, c->year[i] = y, c->years++;
        c->reported[i] = has(s, n, "基期") || has(s, n, "现状") || has(s, n, "基数") ||
                         has(s, n, "实际") || has(s, n, "現狀") ? 1 :
                         has(s, n, "目标") || has(s, n, "目標") || has(s, n, "预期") ? 0 : -1;
    } else if ((has(s, n, "指标") || has(s, n, "指標") || has(s, n, "项目") ||
                has(s, n, "項目")) && !has(s, n, "属性") && !has(s, n, "屬性") && c->indicator < 0) {
        c->role[i] = COL_INDICATOR, c->indicator = i;
    } else if ((has(s, n, "单位") || has(s, n, "單位")) && c->unit < 0 && n <= 12) {
        c->role[i] = COL_UNIT, c->unit = i;
    }
}

static int read_header(const char *t, const struct cells *h, const struct cells *next,
                       struct columns *c)
{
    memset(c, 0, sizeof *c);
    c->indicator = c->unit = -1;
    c->n = h->n;
    for (int i = 0; i < h->n; i++) {
        size_t a = h->s[i], b = h->e[i];
        /* a spanning 目标值 over the years of the row below */
        if (next && i < next->n && year_in(t + next->s[i], next->e[i] - next->s[i]) &&
            !year_in(t + a, b - a))
            a = next->s[i], b = next->e[i];
        name_column(t + a, b - a, c, i);
    }
    return c->indicator >= 0 && c->years > 0;
}

/* Is every filled cell of the row a year or a header word: the second row of a header? */
static int header_continues(const char *t, const struct cells *r)
{
    int years = 0;
    for (int i = 0; i < r->n; i++) {
        size_t n = r->e[i] - r->s[i];
        if (!n)
            continue;
        if (!year_in(t + r->s[i], n))
            return 0;
        years++;
    }
    return years > 0;
}

int itable_is_header(const char *s, size_t n, const char *next, size_t nnext)
{
    struct cells h, r;
    struct columns c;
    split(s, 0, n, &h);
    int two = 0;
    if (next && itable_is_row(next, nnext)) {
        split(next, 0, nnext, &r);
        two = header_continues(next, &r);
    }
    if (!two)
        return read_header(s, &h, NULL, &c);
    /* the header's text and the next row's are in different buffers: name columns apart */
    memset(&c, 0, sizeof c);
    c.indicator = c.unit = -1;
    for (int i = 0; i < h.n; i++)
        name_column(s + h.s[i], h.e[i] - h.s[i], &c, i);
    for (int i = 0; i < r.n; i++)
        if (year_in(next + r.s[i], r.e[i] - r.s[i]))
            c.years++;
    return c.indicator >= 0 && c.years > 0;
}

static char *dup(const char *t, size_t a, size_t b)
{
    return strndup(t + a, b > a ? b - a : 0);
}

/* Is the column's year one the document looks back on? */
static int looks_back(const struct columns *c, int i, const struct targets_opts *o)
{
    if (c->reported[i] >= 0)
        return c->reported[i];
    if (o && o->doc_year > 0)
        return c->year[i] < o->doc_year;
    int earliest = 1, others = 0;
    for (int k = 0; k < c->n; k++)
        if (c->role[k] == COL_YEAR && k != i) {
            others = 1;
            if (c->year[k] <= c->year[i])
                earliest = 0;
        }
    return others && earliest;
}

static int push(struct target_list *out, const struct target *t)
{
    if (array_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v) < 0)
        return -1;
    out->v[out->n++] = *t;
    return 0;
}

static enum target_freq frequency(const char *s, size_t n, int cumulative)
{
    if (cumulative || has(s, n, "累计") || has(s, n, "累計"))
        return TFQ_CUMULATIVE;
    return has(s, n, "年均") || has(s, n, "每年") ? TFQ_ANNUAL : TFQ_LEVEL;
}

/* One value of a data row: a target or a reported value of the row's indicator. */
static int add_value(const char *t, const struct cells *r, const struct columns *c, int i,
                     size_t row_start, size_t row_end, const struct targets_opts *o,
                     struct target_list *out)
{
    struct cell_value v;
    itable_cell_value(t, r->s[i], r->e[i], &v);
    int back = looks_back(c, i, o);
    if (!v.number && !(v.words && !back))
        return 0;                       /* nothing, or words about the past */
    size_t ps = r->s[c->indicator], pe, us, ue;
    itable_phrase_unit(t, ps, r->e[c->indicator], &pe, &us, &ue);
    if (pe == ps)
        return 0;
    struct target x = {0};
    x.phrase = dup(t, ps, pe);
    x.value_text = dup(t, v.vs, v.ve);
    x.value = v.number ? v.value : NAN;
    x.cmp = back && v.change_to ? CMP_EQ : v.cmp;
    x.year = c->year[i];
    x.kind = back ? TK_REPORTED : TK_TARGET;
    x.freq = frequency(t + ps, pe - ps, v.cumulative);
    x.flags = v.flags | (v.words ? TF_QUALITATIVE : 0);
    x.qualifier = strdup("");
    x.key = targets_fold_key(t + ps, pe - ps);
    x.indicator = o && o->cat && x.key ? catalogue_link(o->cat, x.key, 0, strlen(x.key), NULL)
                                       : NULL;
    /* The unit: the unit column's, else the indicator cell's brackets, else the value's. */
    if (c->unit >= 0 && c->unit < r->n && r->e[c->unit] > r->s[c->unit])
        x.unit = dup(t, r->s[c->unit], r->e[c->unit]);
    else if (ue > us)
        x.unit = dup(t, us, ue);
    else if (v.ue > v.us)
        x.unit = dup(t, v.us, v.ue);
    else if (v.number && x.indicator && x.indicator->unit && *x.indicator->unit)
        x.unit = strdup(x.indicator->unit), x.flags |= TF_INFERRED_UNIT;
    else
        x.unit = strdup("");
    x.start = row_start, x.end = row_end;
    x.phrase_start = ps, x.phrase_end = pe, x.value_start = v.vs, x.value_end = v.ve;
    if (!x.phrase || !x.value_text || !x.qualifier || !x.key || !x.unit || push(out, &x) < 0) {
        free(x.phrase), free(x.value_text), free(x.qualifier), free(x.key), free(x.unit);
        return -1;
    }
    return 0;
}

/* The end of the line starting at i. */
static size_t line_end(const char *t, size_t i, size_t n)
{
    const char *nl = memchr(t + i, '\n', n - i);
    return nl ? (size_t)(nl - t) : n;
}

int itable_extract(const char *text, size_t n, const struct targets_opts *o,
                   struct target_list *out, struct err *e)
{
    struct columns c;
    int in_table = 0;
    for (size_t i = 0; i < n;) {
        size_t le = line_end(text, i, n), next = le < n ? le + 1 : n;
        if (!itable_is_row(text + i, le - i)) {
            in_table = 0;
            i = next;
            continue;
        }
        struct cells r, r2;
        split(text, i, le, &r);
        if (!in_table) {                   /* a header, perhaps over two rows */
            size_t le2 = line_end(text, next, n);
            int two = 0;
            if (next < n && itable_is_row(text + next, le2 - next)) {
                split(text, next, le2, &r2);
                two = header_continues(text, &r2);
            }
            in_table = read_header(text, &r, two ? &r2 : NULL, &c);
            i = two && in_table ? (le2 < n ? le2 + 1 : n) : next;
            continue;
        }
        for (int k = 0; k < c.n && k < r.n && c.indicator < r.n; k++)
            if (c.role[k] == COL_YEAR && add_value(text, &r, &c, k, i, le, o, out) < 0) {
                err_set(e, "out of memory");
                return -1;
            }
        i = next;
    }
    return 0;
}
