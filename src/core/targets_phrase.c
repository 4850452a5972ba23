/* targets_phrase.c — the phrase that names what a value measures: its framing words
 * (years, 力争, 分别 …), its members when it lists several indicators, its link to the
 * catalogue. */
#include <stdlib.h>
#include <string.h>
#include "targets_int.h"

#define MAX_PHRASE 48       /* tchars of a phrase kept: the indicator ends the phrase */

/* ---- years ---- */

int year_at(const struct ttext *t, size_t i, size_t lim)
{
    size_t nd = 0;
    while (i + nd < lim && tx_digit(t->v[i + nd].c))
        nd++;
    if (nd != 4 || (i && tx_digit(t->v[i - 1].c)) || t->v[i + 4].c != 0x5E74) /* 年 */
        return 0;
    int y = 0;
    for (size_t k = 0; k < 4; k++)
        y = y * 10 + (int)(t->v[i + k].c - '0');
    return y >= 1900 && y <= 2100 ? y : 0;
}

size_t year_of_before(const struct ttext *t, size_t lo, size_t i)
{
    if (i < lo + 6 || t->v[i - 1].c != 0x7684)                    /* 的 */
        return 0;
    size_t k = i - 1;
    if (t->v[k - 1].c == 0x5E95 || t->v[k - 1].c == 0x672B)       /* 底 末 */
        k--;
    return k >= lo + 5 && year_at(t, k - 5, i) ? i - (k - 5) : 0;
}

/* ---- framing ---- */

void phrase_note(struct subject *s, const struct ttext *t, size_t a, size_t b)
{
    char *w = tx_orig(t, a, b);
    if (!w)
        return;
    size_t have = strlen(s->qual);
    if (!strstr(s->qual, w) && have + strlen(w) + 2 < sizeof s->qual) {
        if (have)
            strcat(s->qual, " ");
        strcat(s->qual, w);
    }
    free(w);
}

/* Flags from words anywhere in [a, b): 力争 anywhere makes a stretch goal. */
static void scan_flags(const struct ttext *t, size_t a, size_t b, struct subject *s)
{
    for (size_t i = a; i < b; i++) {
        size_t l;
        if ((l = tx_at_any(t, i, b, lex_stretch_words, NULL))) {
            s->flags |= TF_STRETCH;
            phrase_note(s, t, i, i + l);
        } else if ((l = tx_at_any(t, i, b, lex_annual_words, NULL)) ||
                   (i + 2 == b && (l = tx_at(t, i, b, "年均")))) {
            /* 年均 before a verb of growth or counting, or right before the value
             * ("城镇新增就业年均1270多万人"); "年均收入" is a level. */
            s->flags |= TF_CUMULATIVE | TF_ANNUAL | (tx_at(t, i, b, "每年") ? TF_EACH_YEAR : 0);
            phrase_note(s, t, i, i + (l > 2 ? l - 1 : l));   /* "年均增" is noted as 年均 */
        } else if ((l = tx_at_any(t, i, b, lex_cumulative_words, NULL))) {
            s->flags |= TF_CUMULATIVE;
            phrase_note(s, t, i, i + l);
        }
    }
}

/* "5年城镇新增就业": a small count of years opening a phrase means over those years. */
static size_t lead_years(const struct ttext *t, size_t i, size_t lim)
{
    size_t k = i;
    while (k < lim && k < i + 2 && (tx_digit(t->v[k].c) || t->v[k].c == 0x4E94 ||
                                    t->v[k].c == 0x5341 || t->v[k].c == 0x4E09))
        k++;                      /* digits, 五, 十, 三 */
    return k > i && k < lim && t->v[k].c == 0x5E74 && tx_han(t->v[k + 1].c) ? k + 1 - i : 0;
}

void phrase_frame(const struct ttext *t, size_t s, size_t e, struct subject *sub)
{
    memset(sub, 0, sizeof *sub);
    scan_flags(t, s, e, sub);
    while (e > s) {
        int w = -1;
        size_t l = tx_before_any(t, s, e, lex_tail_words, &w);
        if (!l)
            break;
        if (!strcmp(lex_tail_words[w], "均")) {
            uint32_t p = e - 1 > s ? t->v[e - 2].c : 0;
            if (lex_sep(LEX_AVERAGE_PREFIXES, p))
                break;            /* 年均, 亩均, 人均, 户均, 平均 belong to the phrase */
            sub->each = 1;
        }
        if (!strcmp(lex_tail_words[w], "分别"))
            sub->dist = 1;
        e -= l;
    }
    for (int again = 1; again && s < e;) {
        again = 0;
        size_t l = tx_at_any(t, s, e, lex_lead_words, NULL);
        if (!l && (l = lead_years(t, s, e))) {
            sub->flags |= TF_CUMULATIVE;
            phrase_note(sub, t, s, s + l);
        }
        if (!l && year_at(t, s + 1, e) && tx_at_any(t, s, e, lex_year_preps, NULL) == 1)
            l = 6;                /* 到2025年 */
        if (!l && s + 2 < e && t->v[s].c == 0x5C55 && year_at(t, s + 3, e))
            l = 8;                /* 展望到2035年 */
        if (!l && year_at(t, s, e))
            l = 5;
        if (l && s + l <= e) {
            s += l;
            again = 1;
        }
    }
    if (e > s && e - s > MAX_PHRASE)
        s = e - MAX_PHRASE;
    sub->s = s;
    sub->e = e;
}

int phrase_has_word(const struct ttext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (tx_han(t->v[i].c) || tx_alpha(t->v[i].c))
            return 1;
    return 0;
}

size_t phrase_members(const struct ttext *t, size_t s, size_t e, int joins,
                      size_t ps[MAX_PARTS], size_t pe[MAX_PARTS])
{
    size_t n = 0, a = s;
    for (size_t i = s; i < e && n + 1 < MAX_PARTS; i++) {
        size_t skip = 0;
        if (i == a)
            continue;
        if (lex_sep(LEX_SEP_ENUM, t->v[i].c))
            skip = 1;
        else if (t->v[i].c == 0x201C && t->v[i - 1].c == 0x201D)
            skip = 0;             /* ”“: two quoted names side by side */
        else if (!joins || !(skip = tx_at_any(t, i, e, lex_member_joins, NULL)))
            continue;
        ps[n] = a;
        pe[n++] = i;
        a = i + skip;
        i = a - 1;
    }
    ps[n] = a;
    pe[n++] = e;
    return n;
}

/* ---- linking ---- */

static char *concat(const char *a, size_t al, const char *b)
{
    size_t bl = strlen(b);
    char *k = malloc(al + bl + 1);
    if (k) {
        memcpy(k, a, al);
        memcpy(k + al, b, bl + 1);
    }
    return k;
}

/* What a link borrowed: t->v[s..e) of another member, after the phrase (a head) or
 * before it (a lead). */
struct borrow {
    size_t s, e;
    int head;
};

/* Tries key = lead + own or own + head for each cut of the borrowed member; keeps the
 * longest alias that covers the junction. */
static void try_borrow(const struct catalogue *cat, const struct ttext *t, const char *own,
                       size_t bs, size_t be, int head, const struct indicator **best,
                       size_t *best_len, char **best_key, struct borrow *used)
{
    size_t ol = strlen(own);
    for (size_t j = bs; j < be; j++) {
        if (tx_quote(t->v[j].c))
            continue;             /* "覆盖率", not "”覆盖率": quotes fold away anyway */
        size_t ps = head ? j : bs, pe = head ? be : j + 1;
        char *part = tx_fold(t, ps, pe);
        if (!part)
            return;
        size_t pl = strlen(part), at;
        char *key = head ? concat(own, ol, part) : concat(part, pl, own);
        free(part);
        if (!key)
            return;
        size_t hi = head ? (ol ? ol - 1 : 0) : (pl ? pl - 1 : 0);
        const struct indicator *ind = catalogue_link(cat, key, 0, hi, &at);
        size_t len = strlen(key) - (ind ? at : 0);
        if (ind && len > *best_len) {
            *best = ind;
            *best_len = len;
            free(*best_key);
            *best_key = key;
            *used = (struct borrow){ ps, pe, head };
        } else {
            free(key);
        }
    }
}

const struct indicator *phrase_link(const struct catalogue *cat, const struct ttext *t,
                                    size_t s, size_t e, size_t hs, size_t he, size_t ls,
                                    size_t le, char **keyp, size_t *bs, size_t *be)
{
    char *own = tx_fold(t, s, e), *best_key = NULL;
    struct borrow used = {0};
    *keyp = own;
    if (bs)
        *bs = *be = 0;
    if (!own || !cat)
        return NULL;
    size_t ol = strlen(own), at;
    const struct indicator *best = catalogue_link(cat, own, 0, ol ? ol - 1 : 0, &at);
    size_t best_len = best ? ol - at : 0;
    if (hs < he)
        try_borrow(cat, t, own, hs, he, 1, &best, &best_len, &best_key, &used);
    if (ls < le && !best)
        try_borrow(cat, t, own, ls, le, 0, &best, &best_len, &best_key, &used);
    if (best_key) {
        free(own);
        *keyp = best_key;
        if (bs)
            *bs = used.s, *be = used.e;
    }
    return best;
}
