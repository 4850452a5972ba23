/* targets_level.c — levels in words: a goal set not as a number but as 全覆盖 (full
 * coverage), 达到中等发达经济体水平, 高于全国全省平均水平, 走在全省前列. Each must close its
 * clause or one member of it; the words between the verb and 水平/前列 hold no number. */
#include <string.h>
#include "targets_int.h"

#define MAX_LEVEL 16        /* tchars between a level verb and 水平/前列 */

/* Where a level may end: the clause's end, a 、 before the next member, or (in a text
 * that lost its punctuation) the ASCII word of the next sentence ("前列PM2.5"). */
static int closes(const struct ttext *t, size_t e, size_t ce)
{
    if (e >= ce)
        return 1;
    uint32_t c = t->v[e].c;
    return lex_sep(LEX_SEP_LEVEL_END, c) || tx_alpha(c) || tx_digit(c);
}

/* A level's verb within MAX_LEVEL tchars before the words at j: ls is where the level's
 * words start. 0 when none. */
static int find_verb(const struct ttext *t, size_t lo, size_t j, int front, struct item *it)
{
    for (size_t k = j; k > lo && k + MAX_LEVEL > j; k--) {
        uint32_t c = t->v[k - 1].c;
        if (tx_digit(c) || lex_sep(LEX_SEP_ENUM, c))
            return 0;
        const struct lex_word *w = NULL;
        size_t l = front ? tx_before_any(t, lo, k, lex_front_verbs, NULL)
                         : lex_word_before(t, lo, k, lex_level_verbs, &w);
        if (!l)
            continue;
        it->ls = k;
        it->start = k - l;
        it->lcmp = front ? CMP_EQ : w->cmp;
        return 1;
    }
    return 0;
}

int level_find(const struct ttext *t, size_t cs, size_t ce, size_t from, struct item *out)
{
    size_t lo = from;
    /* Most positions hold no cover word's first character: that is asked here, without a
     * call (level_find looks at every position of a clause). */
    const struct tx_chars *cover_first = tx_list_firsts(lex_cover_words);
    for (size_t p = from; p < ce; p++) {
        size_t l = !cover_first || tx_chars_may_have(cover_first, t->v[p].c)
                       ? tx_at_any(t, p, ce, lex_cover_words, NULL) : 0;
        int front = 0, cover = l > 0;
        if (!l && (l = tx_at(t, p, ce, "前列")))
            front = 1;
        else if (!l)
            l = tx_at(t, p, ce, "水平");
        if (!l)
            continue;
        enum target_cmp scmp = CMP_EQ;
        size_t e = p + l, sl = lex_suffix(t, e, ce, &scmp);
        if (!closes(t, e + sl, ce))
            continue;
        struct item it = { .kind = ITEM_LEVEL, .le = e, .end = e + sl, .cover = cover };
        if (cover) {
            /* 健全覆盖… is 健全 + 覆盖, not full coverage. */
            if ((p > cs && t->v[p - 1].c == 0x5065) || tx_before_any(t, lo, p, lex_build_verbs, NULL))
                continue;
            /* "标准目录对重点工作全覆盖": what covers, not who is covered. */
            int by = 0;
            for (size_t k = lo; k < p && !by; k++)
                by = t->v[k].c == 0x5BF9; /* 对 */
            if (by)
                continue;
            it.ls = p;
            it.start = p - tx_before_any(t, lo, p, lex_cover_verbs, NULL);
            it.lcmp = CMP_EQ;
        } else if (!find_verb(t, lo, p, front, &it)) {
            continue;
        }
        if (sl)
            it.lcmp = scmp;
        *out = it;
        return 1;
    }
    return 0;
}
