/* targets_frame.c — the time a text speaks of, which makes a number a target or a
 * reported value and gives it its year. A time is said by a year (2025年, 到2030年), a
 * plan period ("十四五", 第十五个五年), 今年, or a word of review (回顾, 过去一年, 五年来)
 * or of plan (目标, 任务, 展望), read against the year the document was issued in: a
 * report of 2026 speaks of 2025 in the past and of 2026 and "十五五" as the future.
 *
 * Where a time holds: a heading's, for its chapter or item; one in a paragraph's opening
 * clause, for the paragraph and the "——" bullets after it;
 * one opening any other clause, or a deadline (到2030年) anywhere, for the rest of its
 * sentence; "2025年的14万元", for that value. The innermost holds. */
#include <stdlib.h>
#include <string.h>
#include "targets_int.h"

static int cn_digit(uint32_t c)
{
    static const uint32_t d[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                  0x516B, 0x4E5D };   /* 一 … 九 */
    for (int i = 0; i < 9; i++)
        if (c == d[i])
            return i + 1;
    return 0;
}

#define ORDINAL 0x7B2C      /* 第, of "第十五个五年" */
#define TEN 0x5341          /* 十, of "十四五" */

/* Where each reader of a time can begin, said once: frame_at hands a reader only a
 * position these allow, and its filter (starts_of_times) is made of them, so the filter
 * cannot turn away a time that a reader would find. */
static int period_begins(uint32_t c) { return c == ORDINAL || c == TEN; }
static int year_begins(uint32_t c) { return tx_digit(c); }     /* year_at: "2025年" */

/* "十四五", "“十五五”", "第十五个五年": the plan period's number (14, 15); *len its
 * length. 0 when none. i < lim. */
static int period_at(const struct ttext *t, size_t i, size_t lim, size_t *len)
{
    size_t k = i;
    int ordinal = t->v[k].c == ORDINAL;
    k += ordinal;
    if (k >= lim || t->v[k].c != TEN)
        return 0;
    int d = k + 1 < lim ? cn_digit(t->v[k + 1].c) : 0;
    if (!d || (i > 0 && (cn_digit(t->v[i - 1].c) || t->v[i - 1].c == TEN)))
        return 0;
    k += 2;
    size_t w = ordinal ? tx_at(t, k, lim, "个五年") : tx_at(t, k, lim, "五");
    if (!w)
        return 0;
    *len = k + w - i;
    return 10 + d;
}

/* What a time said at i means: a time before the document's year is the past, one at or
 * after it the future. With no document year, only the words say. */
static struct frame at_year(int year, int doc_year)
{
    if (!doc_year)
        return (struct frame){ -1, year, 0 };
    return (struct frame){ year < doc_year ? TK_REPORTED : TK_TARGET, year, 0 };
}

/* 到 or 至 before a year makes it a deadline, unless it ends a verb: "提高到2025年的14万元"
 * is the level 2025 reached. */
static int deadline_before(const struct ttext *t, size_t lo, size_t i)
{
    enum target_cmp cmp;
    unsigned flags;
    return tx_before_any(t, lo, i, lex_deadline_preps, NULL) &&
           lex_verb_before(t, lo, i, &cmp, &flags) < 2;
}

/* The characters a time can begin with: those a reader of a period or of a year begins
 * at (every one in the BMP: the text is folded, its digits ASCII), and the first of each
 * word of the coming year, of review and of plan. frame_at is asked at every character of
 * a paragraph, nearly all of them none of these. Made once per thread. */
static _Thread_local struct tx_chars time_starts;
static _Thread_local int time_starts_made;

static const struct tx_chars *starts_of_times(void)
{
    if (!time_starts_made) {
        for (uint32_t c = 0; c < 0x10000; c++)
            if (period_begins(c) || year_begins(c))
                tx_chars_add(&time_starts, c);
        tx_chars_add_firsts(&time_starts, lex_coming_year_words);
        tx_chars_add_firsts(&time_starts, lex_past_times);
        tx_chars_add_firsts(&time_starts, lex_plan_words);
        time_starts_made = 1;
    }
    return &time_starts;
}

size_t frame_at(const struct ttext *t, size_t lo, size_t i, size_t lim, int doc_year,
                int words, struct frame *f)
{
    size_t l;
    if (i >= lim || !tx_chars_may_have(starts_of_times(), t->v[i].c))
        return 0;
    uint32_t c = t->v[i].c;
    int n = period_begins(c) ? period_at(t, i, lim, &l) : 0;
    if (n) {
        *f = at_year(1955 + 5 * n, doc_year);          /* "十四五" ends in 2025 */
        return l;
    }
    int y = year_begins(c) ? year_at(t, i, lim) : 0;
    if (y) {
        size_t e = i + 5;
        if (deadline_before(t, lo, i))
            *f = (struct frame){ TK_TARGET, y, 0 };
        else if (tx_before_any(t, lo, i, lex_until_preps, NULL))
            *f = (struct frame){ TK_REPORTED, y, 0 };
        else
            *f = at_year(y, doc_year);
        return e - i;
    }
    if ((l = tx_at_any(t, i, lim, lex_coming_year_words, NULL))) {
        *f = (struct frame){ TK_TARGET, doc_year, 0 };
        return l;
    }
    if ((l = tx_at_any(t, i, lim, lex_past_times, NULL))) {
        *f = (struct frame){ TK_REPORTED, doc_year ? doc_year - 1 : 0, 1 };
        return l;
    }
    if (words && (l = tx_at_any(t, i, lim, lex_plan_words, NULL))) {
        *f = (struct frame){ TK_TARGET, 0, 1 };
        return l;
    }
    return 0;
}

/* "“十五五”基础上", "2025年的基础上": the time at i..i+l is the basis another is measured
 * from, not the time the text speaks of. */
static int names_basis(const struct ttext *t, size_t e, size_t lim)
{
    while (e < lim && (lex_sep(LEX_QUOTE_CLOSE, t->v[e].c) || t->v[e].c == 0x7684))  /* 的 */
        e++;
    return tx_at(t, e, lim, "基础上") > 0;
}

/* The first time said in [a, b); when it is a year that says no kind (the document's
 * year is unknown), the kind of the next that says one: "2021年工作回顾" is a review of
 * 2021 whatever the report's date. */
int frame_first(const struct ttext *t, size_t a, size_t b, int doc_year, int words,
                struct frame *f)
{
    int found = 0;
    for (size_t i = a; i < b; i++) {
        struct frame g;
        size_t l = frame_at(t, a, i, b, doc_year, words, &g);
        if (!l)
            continue;
        if (names_basis(t, i + l, b)) {
            i += l - 1;
            continue;
        }
        if (!found)
            *f = g;
        else if (g.kind >= 0)
            f->kind = g.kind;      /* and the year dates it */
        found = 1;
        if (f->kind >= 0)
            return 1;
        i += l - 1;
    }
    return found;
}

int frame_of_text(const char *s, int doc_year, struct frame *f)
{
    struct ttext t;
    int found = 0;
    if (s && ttext_build(s, strlen(s), &t) == 0) {
        found = frame_first(&t, 0, t.n, doc_year, 1, f);
        ttext_free(&t);
    }
    return found;
}

static int add(struct fmarks *m, size_t pos, size_t until, struct frame f)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 8;
        void *nv = realloc(m->v, cap * sizeof *m->v);
        if (!nv)
            return -1;
        m->v = nv;
        m->cap = cap;
    }
    m->v[m->n++] = (struct fmark){ pos, until, f };
    return 0;
}

static int sentence_end(uint32_t c)
{
    return c == 0x3002 || c == '!' || c == '?';
}

/* Skips what may stand before a clause's time: 在, 于 ("在2025年，"). */
static size_t clause_lead(const struct ttext *t, size_t i, size_t lim)
{
    while (i < lim && (t->v[i].c == 0x5728 || t->v[i].c == 0x4E8E || tx_quote(t->v[i].c)))
        i++;
    return i;
}

int frame_marks(const struct ttext *t, size_t ps, size_t pe, int doc_year, struct fmarks *m,
                struct frame *para, int *has_para)
{
    m->n = 0;
    *has_para = 0;
    size_t first = ps, stop = ps;   /* the paragraph's first clause's end; a sentence's */
    while (first < pe && !tx_clause_end(t, first))
        first++;
    /* A paragraph's words of plan do not say its time ("最艰巨的任务在农村" opens a
     * review's paragraph); its years, periods, 今年 and words of review do. */
    *has_para = frame_first(t, ps, first, doc_year, 0, para);
    /* frame_at's own filter, asked here first: nearly every character of a paragraph is
     * no time's first, and the call costs more than the look-up. */
    const struct tx_chars *may_start = starts_of_times();
    for (size_t i = ps; i < pe; i++) {
        int starts = i == ps || tx_clause_end(t, i - 1);
        size_t at = starts ? clause_lead(t, i, pe) : i;
        if (at >= pe || !tx_chars_may_have(may_start, t->v[at].c))
            continue;
        struct frame f;
        size_t l = frame_at(t, ps, at, pe, doc_year, 0, &f);
        if (!l)
            continue;
        if (names_basis(t, at + l, pe)) {
            i = at + l - 1;
            continue;
        }
        int year = year_at(t, at, pe);
        /* 到2030年, 在2035年: a year a goal is set for holds wherever it stands. */
        enum target_cmp vc;
        unsigned vf;
        int deadline = year && tx_before_any(t, ps, at, lex_year_preps, NULL) &&
                       lex_verb_before(t, ps, at, &vc, &vf) < 2 && f.kind != TK_REPORTED;
        uint32_t after = t->v[at + l].c;
        if (stop <= at)
            for (stop = at; stop < pe && !sentence_end(t->v[stop].c); stop++)
                ;
        if (year && after == 0x7684 && at + l + 1 < pe && tx_digit(t->v[at + l + 1].c)) {
            /* "2025年的14万元": the value's own year, to the end of its clause. */
            size_t e = at + l + 1;
            while (e < pe && !tx_clause_end(t, e))
                e++;
            if (add(m, at, e, f) < 0)
                return -1;
        } else if ((starts || deadline) && at >= first && add(m, at, stop, f) < 0) {
            return -1;
        } else if ((starts || deadline) && at < first && add(m, at, pe, f) < 0) {
            return -1;
        }
        i = at + l - 1;
    }
    return 0;
}

/* The frame at pos: the innermost mark holding there, else the paragraph's, else the
 * headings' (innermost first). The kind is the first said; the year the first said by a
 * frame of that kind (or of none). */
struct frame frame_resolve(const struct fmarks *m, size_t pos, const struct frame *outer,
                           size_t nouter)
{
    struct frame chain[64];
    size_t n = 0;
    for (size_t k = m->n; k-- > 0 && n < 32;)
        if (m->v[k].pos < pos && pos < m->v[k].until)
            chain[n++] = m->v[k].f;
    for (size_t k = 0; k < nouter && n < 64; k++)
        chain[n++] = outer[k];
    struct frame r = { -1, 0, 0 };
    for (size_t k = 0; k < n && r.kind < 0; k++)
        r.kind = chain[k].kind;
    for (size_t k = 0; k < n && !r.year; k++)
        if (chain[k].kind < 0 || chain[k].kind == r.kind)
            r.year = chain[k].year;
    return r;
}
