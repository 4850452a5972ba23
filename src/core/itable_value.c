/* itable_value.c — the value in a cell of a table of indicators. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/lines.h"
#include "itable_value.h"

static int at(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !memcmp(s, w, k) ? (int)k : 0;
}

static int ends(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && !memcmp(s + n - k, w, k) ? (int)k : 0;
}

struct word_cmp {
    const char *w;
    enum target_cmp cmp;
};

/* Comparators as cells write them before a number … */
static const struct word_cmp before[] = {
    {"≥", CMP_GE}, {"≧", CMP_GE}, {">=", CMP_GE}, {"＞＝", CMP_GE}, {"不低于", CMP_GE},
    {"不低於", CMP_GE}, {"不少于", CMP_GE}, {"大于等于", CMP_GE}, {"≤", CMP_LE}, {"≦", CMP_LE},
    {"<=", CMP_LE}, {"＜＝", CMP_LE}, {"不高于", CMP_LE}, {"不超过", CMP_LE}, {"小于等于", CMP_LE},
    {"控制在", CMP_LE}, {">", CMP_GT}, {"＞", CMP_GT}, {"大于", CMP_GT}, {"超过", CMP_GT},
    {"<", CMP_LT}, {"＜", CMP_LT}, {"小于", CMP_LT}, {"低于", CMP_LT}, {"约", CMP_APPROX},
    {"～", CMP_APPROX}, {"~", CMP_APPROX},
};
/* … and after it. */
static const struct word_cmp after[] = {
    {"以上", CMP_GE}, {"以内", CMP_LE}, {"以下", CMP_LE}, {"左右", CMP_APPROX},
};

static size_t skip_spaces(const char *t, size_t i, size_t b)
{
    size_t k;
    while (i < b && (k = lines_space_at(t + i, b - i)))
        i += k;
    return i;
}

/* A number at t+i: digits, one decimal point, thousands commas. Full-width digits count. */
static size_t number_at(const char *t, size_t i, size_t b, double *v)
{
    char buf[64];
    size_t k = 0, j = i;
    int dot = 0;
    while (j < b && k + 1 < sizeof buf) {
        if (t[j] >= '0' && t[j] <= '9')
            buf[k++] = t[j++];
        else if (j + 3 <= b && (unsigned char)t[j] == 0xEF && (unsigned char)t[j + 1] == 0xBC &&
                 (unsigned char)t[j + 2] >= 0x90 && (unsigned char)t[j + 2] <= 0x99)
            buf[k++] = (char)('0' + (unsigned char)t[j + 2] - 0x90), j += 3;
        else if (t[j] == '.' && !dot && k && j + 1 < b && t[j + 1] >= '0' && t[j + 1] <= '9')
            buf[k++] = t[j++], dot = 1;
        else if (t[j] == ',' && k && j + 1 < b && t[j + 1] >= '0' && t[j + 1] <= '9')
            j++;
        else
            break;
    }
    if (!k)
        return 0;
    buf[k] = '\0';
    *v = strtod(buf, NULL);
    return j - i;
}

static int is_none(const char *s, size_t n)
{
    static const char *const none[] = {"-", "—", "——", "－", "/", "／", "无", "無", "…", "*"};
    if (!n)
        return 1;
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (n == strlen(none[i]) && !memcmp(s, none[i], n))
            return 1;
    return 0;
}

void itable_cell_value(const char *t, size_t a, size_t b, struct cell_value *v)
{
    memset(v, 0, sizeof *v);
    v->cmp = CMP_EQ;
    size_t i = skip_spaces(t, a, b);
    if (is_none(t + i, b - i))
        return;
    int k;
    if ((k = at(t + i, b - i, "[")) || (k = at(t + i, b - i, "〔")) || (k = at(t + i, b - i, "［")) ||
        (k = at(t + i, b - i, "【"))) {
        v->cumulative = 1;
        i += (size_t)k;
        while (b > i && ((k = ends(t + i, b - i, "]")) || (k = ends(t + i, b - i, "〕")) ||
                         (k = ends(t + i, b - i, "］")) || (k = ends(t + i, b - i, "】"))))
            b -= (size_t)k;
    }
    for (size_t w = 0; w < sizeof before / sizeof *before; w++)
        if ((k = at(t + i, b - i, before[w].w))) {
            v->cmp = before[w].cmp;
            i = skip_spaces(t, i + (size_t)k, b);
            break;
        }
    size_t len = number_at(t, i, b, &v->value);
    if (!len) {                        /* words: 全覆盖, 达到中等发达经济体水平 */
        v->words = 1, v->vs = a, v->ve = b;
        return;
    }
    v->number = 1, v->vs = i, v->ve = i + len;
    size_t j = skip_spaces(t, i + len, b);
    double hi;                         /* a range: 5-5.5, 5～6, 5—6 */
    if ((k = at(t + j, b - j, "-")) || (k = at(t + j, b - j, "～")) || (k = at(t + j, b - j, "—")) ||
        (k = at(t + j, b - j, "－")) || (k = at(t + j, b - j, "~"))) {
        size_t r = number_at(t, j + (size_t)k, b, &hi);
        if (r)
            v->flags |= TF_APPROX, v->cmp = CMP_APPROX, j = j + (size_t)k + r, v->ve = j;
    }
    size_t ue = b;
    for (size_t w = 0; w < sizeof after / sizeof *after; w++)
        if ((k = ends(t + j, ue - j, after[w].w))) {
            v->cmp = after[w].cmp;
            if (after[w].cmp == CMP_APPROX)
                v->flags |= TF_APPROX;
            ue -= (size_t)k;
            break;
        }
    if (v->cmp == CMP_APPROX)
        v->flags |= TF_APPROX;
    v->us = skip_spaces(t, j, ue), v->ue = ue;
    if (v->ue < v->us)
        v->ue = v->us;
}

void itable_phrase_unit(const char *t, size_t a, size_t b, size_t *pe, size_t *us, size_t *ue)
{
    *pe = b, *us = *ue = b;
    int k;
    if (!(k = ends(t + a, b - a, "）")) && !(k = ends(t + a, b - a, ")")))
        return;
    size_t close = b - (size_t)k;
    for (size_t i = close; i > a; i--) {
        int open = i >= a + 3 && !memcmp(t + i - 3, "（", 3) ? 3 : t[i - 1] == '(' ? 1 : 0;
        if (!open)
            continue;
        size_t s = i, e = close;
        if (e - s > 24 || i - (size_t)open == a)
            return;                    /* a long note, or the whole cell: no unit */
        *pe = i - (size_t)open, *us = s, *ue = e;
        return;
    }
}
