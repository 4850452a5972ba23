/* targets_util.c — names of comparators, kinds, frequencies and flags, the plan's horizon, folded keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "targets_int.h"

static const char *const cmp_names[] = { "=", ">=", ">", "<=", "<", "~" };
static const struct {
    unsigned bit;
    const char *name;
} flag_names[] = {
    { TF_INFERRED_UNIT, "inferred-unit" }, { TF_DISTRIBUTED, "distributed" },
    { TF_APPROX, "approx" }, { TF_STRETCH, "stretch" }, { TF_QUALITATIVE, "qualitative" },
};
#define NFLAGS (sizeof flag_names / sizeof flag_names[0])
static const char *const kind_names[] = { "target", "reported" };
static const char *const freq_names[] = { "level", "annual", "cumulative" };

static int name_index(const char *s, const char *const *names, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        if (!strcmp(s, names[i]))
            return (int)i;
    return -1;
}

const char *target_kind_name(enum target_kind k)
{
    return k == TK_REPORTED ? kind_names[1] : kind_names[0];
}

int target_kind_parse(const char *s, enum target_kind *k)
{
    int i = name_index(s, kind_names, 2);
    if (i >= 0)
        *k = (enum target_kind)i;
    return i >= 0 ? 0 : -1;
}

const char *target_freq_name(enum target_freq f)
{
    return (unsigned)f < 3 ? freq_names[f] : freq_names[0];
}

int target_freq_parse(const char *s, enum target_freq *f)
{
    int i = name_index(s, freq_names, 3);
    if (i >= 0)
        *f = (enum target_freq)i;
    return i >= 0 ? 0 : -1;
}

const char *target_cmp_name(enum target_cmp c)
{
    return (unsigned)c < sizeof cmp_names / sizeof cmp_names[0] ? cmp_names[c] : "=";
}

int target_cmp_parse(const char *s, enum target_cmp *c)
{
    for (size_t i = 0; i < sizeof cmp_names / sizeof cmp_names[0]; i++)
        if (s && !strcmp(s, cmp_names[i])) {
            *c = (enum target_cmp)i;
            return 0;
        }
    return -1;
}

void target_flags_format(unsigned flags, char *buf, size_t n)
{
    size_t k = 0;
    if (n)
        buf[0] = 0;
    for (size_t i = 0; i < NFLAGS; i++) {
        if (!(flags & flag_names[i].bit))
            continue;
        int w = snprintf(buf + k, n > k ? n - k : 0, "%s%s", k ? "," : "", flag_names[i].name);
        if (w < 0 || (size_t)w >= n - k)
            return;
        k += (size_t)w;
    }
}

int target_flags_parse(const char *s, unsigned *flags, struct err *e)
{
    *flags = 0;
    while (s && *s) {
        size_t l = strcspn(s, ",");
        size_t i = 0;
        while (i < NFLAGS && !(strlen(flag_names[i].name) == l &&
                               !strncmp(s, flag_names[i].name, l)))
            i++;
        if (l && i == NFLAGS) {
            err_set(e, "unknown flag \"%.*s\" (known: inferred-unit, distributed, approx, "
                    "stretch, qualitative)", (int)l, s);
            return -1;
        }
        if (l)
            *flags |= flag_names[i].bit;
        s += l + (s[l] == ',');
    }
    return 0;
}

char *targets_fold_key(const char *s, size_t n)
{
    struct ttext t;
    if (ttext_build(s ? s : "", s ? n : 0, &t) != 0)
        return NULL;
    char *k = tx_fold(&t, 0, t.n);
    ttext_free(&t);
    return k;
}

/* The year at i if it is one: four digits then 年 (or a dash, in "2021—2025年"). */
static int year4(const struct ttext *t, size_t i)
{
    int y = 0;
    for (size_t k = 0; k < 4; k++) {
        if (i + k >= t->n || !tx_digit(t->v[i + k].c))
            return 0;
        y = y * 10 + (int)(t->v[i + k].c - '0');
    }
    if ((i && tx_digit(t->v[i - 1].c)) || tx_digit(t->v[i + 4].c))
        return 0;
    return y >= 1900 && y <= 2100 ? y : 0;
}

static int horizon_of_title(const struct ttext *t)
{
    int last = 0;
    for (size_t i = 0; i + 4 <= t->n; i++) {
        int y = year4(t, i);
        if (!y)
            continue;
        /* A period "(2021—2025年)" ends at its second year; "2021年…要点" is that year. */
        last = y;
        i += 3;
    }
    return last;
}

static int horizon_of_text(const struct ttext *t)
{
    for (size_t i = 1; i + 4 < t->n; i++) {
        int y = year4(t, i);
        uint32_t p = t->v[i - 1].c;
        if (y && t->v[i + 4].c == 0x5E74 && (p == 0x5230 || p == 0x81F3)) /* 到 至 */
            return y;
    }
    return 0;
}

int targets_horizon(const char *title, const char *text)
{
    struct ttext t;
    int y = 0;
    if (title && ttext_build(title, strlen(title), &t) == 0) {
        y = horizon_of_title(&t);
        ttext_free(&t);
    }
    if (!y && text && ttext_build(text, strlen(text), &t) == 0) {
        y = horizon_of_text(&t);
        ttext_free(&t);
    }
    return y;
}

/* A date written in the text: a year, 年, a month number and 月 ("2026年1月14日"). */
static int first_date(const struct ttext *t)
{
    for (size_t i = 0; i + 6 < t->n; i++) {
        int y = year4(t, i);
        if (!y || t->v[i + 4].c != 0x5E74)   /* 年 */
            continue;
        size_t k = i + 5;
        while (k < t->n && k < i + 7 && tx_digit(t->v[k].c))
            k++;
        if (k > i + 5 && t->v[k].c == 0x6708)   /* 月 */
            return y;
    }
    return 0;
}

int targets_doc_year(const char *published, const char *title, const char *text)
{
    if (published && strlen(published) >= 4) {
        int y = 0;
        for (int k = 0; k < 4 && published[k] >= '0' && published[k] <= '9'; k++)
            y = y * 10 + (published[k] - '0');
        if (y >= 1900 && y <= 2100 && !(published[4] >= '0' && published[4] <= '9'))
            return y;
    }
    struct ttext t;
    int y = 0;
    if (title && ttext_build(title, strlen(title), &t) == 0) {
        for (size_t i = 0; !y && i + 4 <= t.n; i++)
            y = year4(&t, i);
        ttext_free(&t);
    }
    if (!y && text && ttext_build(text, strlen(text), &t) == 0) {
        y = first_date(&t);
        ttext_free(&t);
    }
    return y;
}
