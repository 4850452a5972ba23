/* itable_value.c — the value in a cell of a table of indicators. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/lines.h"
#include "itable_value.h"
#include "lexicon.h"
#include "targets_int.h"

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

/* A cell's comparator is the prose's: a word of the lexicon's before the number (不低于,
 * 控制在 …) or after it (以上, 左右 …), or one of the symbols tables write and prose does not.
 * Words that make the value a change or a total (提高, 年均增长, 累计达到) are not read: a
 * year's column holds a level, so such a cell stays words. */
static const struct lex_word symbols[] = {
    { "≥", CMP_GE, 0 }, { "≧", CMP_GE, 0 }, { ">=", CMP_GE, 0 }, { "≤", CMP_LE, 0 },
    { "≦", CMP_LE, 0 }, { "<=", CMP_LE, 0 }, { ">", CMP_GT, 0 }, { "<", CMP_LT, 0 },
    { "~", CMP_APPROX, 0 }, { NULL, 0, 0 },
};
#define NOT_A_LEVEL (TF_GROWTH | TF_ANNUAL | TF_CUMULATIVE)

/* The length of t[i..b) that folds to the word w (so 不低於 and ＞＝ match 不低于 and >=);
 * 0 when the text there is not w. */
static size_t folded_at(const char *t, size_t i, size_t b, const char *w)
{
    size_t wn = strlen(w), k = 0, j = i;
    while (k < wn) {
        if (j >= b)
            return 0;
        uint32_t c, out[FOLD_MAX];
        j += fold_decode(t + j, b - j, &c);
        size_t m = fold_char(c, out);
        for (size_t x = 0; x < m; x++) {
            char u[4];
            size_t ul = fold_encode(out[x], u);
            if (k + ul > wn || memcmp(w + k, u, ul))
                return 0;
            k += ul;
        }
    }
    return j - i;
}

/* The longest word of the tables at t+i (its length in the text; *hit the word). */
static size_t word_at(const char *t, size_t i, size_t b, const struct lex_word *const *tables,
                      const struct lex_word **hit)
{
    size_t best = 0, best_w = 0;
    for (; *tables; tables++)
        for (const struct lex_word *w = *tables; w->w; w++) {
            size_t l, wl = strlen(w->w);
            if (!(w->flags & NOT_A_LEVEL) && wl > best_w && (l = folded_at(t, i, b, w->w)))
                best = l, best_w = wl, *hit = w;
        }
    return best;
}

/* The longest word of the tables that ends the text t[j..b): where it starts, else b. */
static size_t word_ending(const char *t, size_t j, size_t b, const struct lex_word *const *tables,
                          const struct lex_word **hit)
{
    size_t start = b, best_w = 0;
    for (size_t p = j; p < b; p += fold_decode(t + p, b - p, &(uint32_t){0}))
        for (const struct lex_word *const *tb = tables; *tb; tb++)
            for (const struct lex_word *w = *tb; w->w; w++) {
                size_t wl = strlen(w->w);
                if (!(w->flags & NOT_A_LEVEL) && wl > best_w && folded_at(t, p, b, w->w) == b - p)
                    start = p, best_w = wl, *hit = w;
            }
    return start;
}

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
    static const struct lex_word *const before[] = { lex_cmp_verbs, symbols, NULL };
    static const struct lex_word *const after[] = { lex_closing_words, NULL };
    const struct lex_word *w = NULL;
    size_t wl = word_at(t, i, b, before, &w);
    if (wl) {
        v->cmp = w->cmp;
        v->change_to = (w->flags & TF_CHANGE_TO) != 0;
        i = skip_spaces(t, i + wl, b);
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
    size_t close = word_ending(t, j, ue, after, &w);
    if (close < ue)
        v->cmp = w->cmp, ue = close;
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
