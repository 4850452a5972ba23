/* targets_value.c — recognising a committed value in a clause: a number with its unit
 * and closing word standing at the end of the clause (or of one member of a list), as
 * opposed to the numbers that are dates, years, codes, item numbers, names ("5G",
 * "“991”计划") or modifiers of a noun ("15分钟公共服务圈", "10—50万元的群体"). */
#include <math.h>
#include <stdlib.h>
#include "targets_int.h"

#define MAX_DIGITS 15

/* Skips a run of ASCII letters, digits and dots: the number belongs to a name. */
static size_t skip_word(const struct ttext *t, size_t i, size_t lim)
{
    while (i < lim && (tx_alpha(t->v[i].c) || tx_digit(t->v[i].c) || t->v[i].c == '.'))
        i++;
    return i;
}

/* Reads digits[.digits] at i; returns its end, or i when there is no number. */
static size_t read_number(const struct ttext *t, size_t i, size_t lim, size_t *ndigits)
{
    size_t p = i;
    while (p < lim && tx_digit(t->v[p].c))
        p++;
    *ndigits = p - i;
    if (p > i && p + 1 < lim && t->v[p].c == '.' && tx_digit(t->v[p + 1].c)) {
        p++;
        while (p < lim && tx_digit(t->v[p].c))
            p++;
    }
    return p;
}

static double number_value(const struct ttext *t, size_t a, size_t b)
{
    char buf[64];
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < sizeof buf; i++)
        buf[k++] = (char)t->v[i].c;
    buf[k] = 0;
    return strtod(buf, NULL);
}

static int is_dash(uint32_t c)
{
    return c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == '~' || c == 0x81F3 ||
           c == 0x5230; /* - — – ― ~ 至 到 */
}

/* An aside right after a value, "0.8万套(户)": skipped when short and without digits. */
static size_t skip_aside(const struct ttext *t, size_t p, size_t lim)
{
    if (p >= lim || t->v[p].c != '(')
        return p;
    for (size_t q = p + 1; q < lim && q < p + 10; q++) {
        if (t->v[q].c == ')')
            return q + 1;
        if (tx_digit(t->v[q].c) || tx_clause_end(t, q))
            return p;
    }
    return p;
}

/* 1 when the year-like number at i..p is a calendar year: "2025年", "2021-2025". */
static int is_year(const struct ttext *t, size_t i, size_t p, size_t nd, size_t lim)
{
    if (nd != 4 || p - i != 4)
        return 0;
    double y = number_value(t, i, p);
    if (y < 1900 || y > 2100)
        return 0;
    if (p < lim && t->v[p].c == 0x5E74) /* 年 */
        return 1;
    return p + 1 < lim && is_dash(t->v[p].c) && tx_digit(t->v[p + 1].c);
}

int val_parse(const struct ttext *t, size_t cs, size_t i, size_t lim, struct val *v,
              size_t *next)
{
    *next = i + 1;
    uint32_t prev = i > cs ? t->v[i - 1].c : 0;
    if (tx_alpha(prev) || tx_digit(prev) || prev == '.' || prev == 0x7B2C /* 第 */ ||
        tx_quote(prev) || ((prev == '-' || prev == '/') && i >= cs + 2 && tx_digit(t->v[i - 2].c))) {
        *next = skip_word(t, i, lim);
        return VAL_NO;
    }
    size_t nd, p = read_number(t, i, lim, &nd);
    *next = p;
    if (nd > MAX_DIGITS || (nd > 1 && t->v[i].c == '0') || is_year(t, i, p, nd, lim))
        return VAL_NO;
    uint32_t c = t->v[p].c;
    if (p < lim && (tx_alpha(c) || c == '.' || tx_quote(c) || c == '/' ||
                    c == 0x6708 || c == 0x65E5 || c == 0x53F7)) { /* 月 日 号: a date */
        *next = skip_word(t, p, lim);
        return VAL_NO;
    }
    *v = (struct val){ .ns = i, .ne = p, .value = number_value(t, i, p), .hi = NAN };
    size_t ul = lex_unit(t, p, lim);
    size_t q = p + ul;
    if (q + 1 < lim && is_dash(t->v[q].c) && tx_digit(t->v[q + 1].c)) {
        size_t nd2, p2 = read_number(t, q + 1, lim, &nd2);
        *next = p2;
        if (nd2 > MAX_DIGITS || (p2 < lim && (is_dash(t->v[p2].c) || tx_alpha(t->v[p2].c) ||
                                              t->v[p2].c == 0x5E74)))
            return VAL_NO;  /* a date, a code, or a span of years */
        v->ne = p2;
        v->hi = number_value(t, q + 1, p2);
        size_t ul2 = lex_unit(t, p2, lim);
        v->us = ul2 ? p2 : p;
        v->ue = ul2 ? p2 + ul2 : p + ul;
        q = p2 + ul2;
    } else {
        v->us = p;
        v->ue = q;
    }
    q = skip_aside(t, q, lim);
    size_t sl = lex_suffix(t, q, lim, &v->scmp);
    v->has_suffix = sl > 0;
    q = skip_aside(t, q + sl, lim);
    v->end = q;
    *next = q > i ? q : i + 1;
    if (q >= lim || tx_clause_end(t, q))
        return VAL_OK;
    c = t->v[q].c;
    if (c == 0x3001 || c == ')')       /* 、 */
        return VAL_OK;
    if ((c == 0x548C || c == 0x53CA || c == 0x4E0E || c == 0x6216) && q + 1 < lim &&
        tx_digit(t->v[q + 1].c))        /* 和 及 与 或 before the next value */
        return VAL_OK;
    int pct = v->ue > v->us && (t->v[v->ue - 1].c == '%' || t->v[v->ue - 1].c == 0x2030);
    if (pct && (tx_han(c) || c == '(') && isnan(v->hi))
        return VAL_SHARE;
    return VAL_NO;
}
