/* targets.c — the extractor: paragraphs → clauses → items (a value or list of values, a
 * share, a count before its noun, a level in words) → targets, each with the phrase that
 * names its indicator, its comparator, year and flags, linked to the catalogue. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/itable.h"
#include "gongfu/units.h"
#include "targets_int.h"

#define MAX_OUTER 8

struct ctx {
    const struct ttext *t;
    const struct catalogue *cat;
    int default_year, doc_year;
    struct target_list *out;
    /* The times said in the paragraph, and around it: outer[0] the paragraph's (or the
     * one an earlier paragraph of the section opened with), then the headings'. */
    struct fmarks marks;
    struct frame outer[MAX_OUTER];
    size_t nouter;
    /* 力争, 每年 … reach on to the next clauses of the sentence that have no verb of their
     * own; "“十四五”期间" reaches the whole sentence. */
    unsigned carry, period;
    struct emit_growth { size_t s, e; } growth;  /* a growth verb the phrase borrows */
    /* The subjects of the sentence's values so far, the last MAX_LIST of them, for a
     * value whose verb has none ("…吞吐量1.35亿人次、货邮吞吐量453.8万吨,分别增长8.3%、
     * 7.9%"). */
    struct subject recent[MAX_LIST];
    size_t nrecent;
    int oom;
};

/* The markers an item passes on: 力争 and 每年 (not 累计, which is its own verb's). */
static unsigned markers(unsigned flags)
{
    return (flags & TF_STRETCH) |
           (flags & TF_EACH_YEAR ? TF_CUMULATIVE | TF_ANNUAL | TF_EACH_YEAR : 0);
}

/* What one target is made of, before it is written out. */
struct emit {
    size_t s, e;                    /* the phrase as written */
    size_t ks, ke, hs, he, ls, le;  /* what links: own words, borrowed head / lead */
    const struct val *v;            /* NULL for a level */
    const struct item *it;
    enum target_cmp cmp;
    unsigned flags;
    int bare;                       /* a number with no verb, unit or closing word */
    const struct subject *sub;
    const char *swap;               /* a pair word's one ("城镇" for the 城乡 that opens
                                     * the phrase), NULL */
    size_t swap_len;                /* the tchars of the pair word it replaces */
};

static struct target *push(struct ctx *c)
{
    struct target_list *l = c->out;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        struct target *nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) {
            c->oom = 1;
            return NULL;
        }
        l->v = nv;
        l->cap = cap;
    }
    struct target *tg = &l->v[l->n];
    memset(tg, 0, sizeof *tg);
    return tg;
}

/* The unit of a value, or the one it lost: the catalogue's, else "%" for a rate. */
static char *value_unit(const struct ttext *t, const struct emit *m,
                        const struct indicator *ind, int rate, unsigned *flags)
{
    char *unit = NULL;
    if (m->v->more_at > m->v->us) {   /* "7万多家": the unit around the 多 */
        char *a = tx_orig_chars(t, m->v->us, m->v->more_at);
        char *b = tx_orig_chars(t, m->v->more_at + 1, m->v->ue);
        if (a && b && asprintf(&unit, "%s%s", a, b) < 0)
            unit = NULL;
        free(a);
        free(b);
    } else {
        unit = tx_orig_chars(t, m->v->us, m->v->ue);
    }
    if (!unit || *unit)
        return unit;
    const char *lost = ind && *ind->unit ? ind->unit : !ind && (rate || m->v->lost_pct) ? "%" : NULL;
    if (lost) {
        free(unit);
        unit = strdup(lost);
        *flags |= TF_INFERRED_UNIT;
    }
    return unit;
}

/* A list member's phrase with the words it shares with another member given back, as the
 * catalogue names it: "二级以上" + "幼儿园占比", "粮食" + "产量". */
static char *compose(const struct ttext *t, const struct emit *m, size_t bs, size_t be)
{
    int head = bs >= m->ke;
    char *own = tx_orig(t, m->ks, m->ke), *more = tx_orig(t, bs, be), *out = NULL;
    if (own && more && asprintf(&out, "%s%s", head ? own : more, head ? more : own) < 0)
        out = NULL;
    free(own);
    free(more);
    return out;
}

/* The key extended by the borrowed growth verb, and the indicator it names. */
static const struct indicator *growth_link(struct ctx *c, char **key)
{
    char *verb = tx_fold(c->t, c->growth.s, c->growth.e), *joined = NULL;
    if (verb && asprintf(&joined, "%s%s", *key, verb) >= 0) {
        free(*key);
        *key = joined;
    }
    free(verb);
    size_t kl = strlen(*key);
    return c->cat ? catalogue_link(c->cat, *key, 0, kl ? kl - 1 : 0, NULL) : NULL;
}

/* The key of a phrase whose pair word is replaced by one of the two it names, and the
 * indicator an alias covering that word names. */
static const struct indicator *swap_link(struct ctx *c, const struct emit *m, char **key)
{
    char *one = targets_fold_key(m->swap, strlen(m->swap));
    char *rest = tx_fold(c->t, m->ks + m->swap_len, m->ke);
    *key = NULL;
    if (one && rest && asprintf(key, "%s%s", one, rest) < 0)
        *key = NULL;
    size_t ol = one ? strlen(one) : 0;
    free(one);
    free(rest);
    return *key && c->cat && ol ? catalogue_link(c->cat, *key, 0, ol - 1, NULL) : NULL;
}

static void emit(struct ctx *c, const struct emit *m)
{
    const struct ttext *t = c->t;
    if (m->e <= m->s || !phrase_has_word(t, m->s, m->e))
        return;
    char *key = NULL, *unit = NULL;
    size_t bs, be;
    const struct indicator *ind = m->swap ? swap_link(c, m, &key)
                                          : phrase_link(c->cat, t, m->ks, m->ke, m->hs, m->he,
                                                        m->ls, m->le, &key, &bs, &be);
    if (m->swap)
        bs = be = 0;
    int rate = 0, measurable = lex_measurable(t, m->ks, m->ke, &rate);
    unsigned flags = m->flags;
    if (c->growth.s < c->growth.e && key) {
        /* The phrase borrowed for a growth names what grows: 全省科技创新投入 + 增长. */
        ind = growth_link(c, &key);
        bs = be = 0;
        rate = 1;
    }
    if (m->v && ind) {
        char *written = tx_orig_chars(t, m->v->us, m->v->ue);
        if (written && !units_fit(ind->unit, written))
            ind = NULL;
        free(written);
    }
    if (m->v) {
        unit = value_unit(t, m, ind, rate, &flags);
        if (m->bare && !(flags & TF_INFERRED_UNIT) && !(ind && measurable))
            goto skip;
    } else {
        if (!m->it->cover && !ind && !measurable)
            goto skip;
        unit = strdup("");
    }
    size_t vs = m->v ? m->v->ns : m->it->ls, ve = m->v ? m->v->ne : m->it->le;
    struct frame f = frame_resolve(&c->marks, vs, c->outer, c->nouter);
    if ((flags & TF_PAST) && f.kind != TK_REPORTED)
        f = (struct frame){ TK_REPORTED, c->doc_year ? c->doc_year - 1 : 0, 0 };
    if (f.kind == TK_REPORTED && !m->v)
        goto skip;          /* a level in words reached ("实现设区市全覆盖") compares with nothing */
    struct target *tg = push(c);
    if (!tg)
        goto skip;
    size_t end = m->v ? m->v->end : m->it->le;
    if (end < m->e)
        end = m->e;
    if (m->swap) {
        char *rest = tx_orig(t, m->s + m->swap_len, m->e);
        if (!rest || asprintf(&tg->phrase, "%s%s", m->swap, rest) < 0)
            tg->phrase = NULL;
        free(rest);
    } else {
        tg->phrase = bs < be ? compose(t, m, bs, be) : tx_orig(t, m->s, m->e);
    }
    if (tg->phrase && c->growth.s < c->growth.e) {
        char *verb = tx_orig(t, c->growth.s, c->growth.e), *joined = NULL;
        if (verb && asprintf(&joined, "%s%s", tg->phrase, verb) < 0)
            joined = NULL;
        free(verb);
        free(tg->phrase);
        tg->phrase = joined;
    }
    /* A Chinese numeral in digits ("百" → 100), as every other value is written. */
    if (m->v && m->v->chinese) {
        if (asprintf(&tg->value_text, "%.15g", m->v->value) < 0)
            tg->value_text = NULL;
    } else {
        tg->value_text = m->v ? tx_fold(t, vs, ve) : tx_orig(t, vs, ve);
    }
    tg->value = m->v ? m->v->value : NAN;
    tg->unit = unit;
    tg->cmp = f.kind == TK_REPORTED && (flags & TF_CHANGE_TO) ? CMP_EQ : m->cmp;
    tg->kind = f.kind == TK_REPORTED ? TK_REPORTED : TK_TARGET;
    tg->year = f.year ? f.year
             : tg->kind == TK_REPORTED && c->doc_year ? c->doc_year - 1 : c->default_year;
    tg->freq = flags & TF_ANNUAL ? TFQ_ANNUAL : flags & TF_CUMULATIVE ? TFQ_CUMULATIVE : TFQ_LEVEL;
    tg->flags = (flags & ~(TF_GROWTH | TF_EACH_YEAR | TF_CUMULATIVE | TF_ANNUAL | TF_PAST |
                           TF_CHANGE_TO)) |
                (m->v ? 0 : TF_QUALITATIVE);
    tg->qualifier = strdup(m->sub->qual);
    tg->key = key;
    tg->indicator = ind;
    tg->start = t->v[m->s < vs ? m->s : vs].off;
    tg->end = t->v[end - 1].end;
    tg->phrase_start = t->v[m->s].off;
    tg->phrase_end = t->v[m->e - 1].end;
    tg->value_start = t->v[vs].off;
    tg->value_end = t->v[ve - 1].end;
    if (!tg->phrase || !tg->value_text || !tg->qualifier) {
        c->oom = 1;
        free(tg->phrase);
        free(tg->value_text);
        free(tg->qualifier);
        goto skip;
    }
    c->out->n++;
    return;
skip:
    free(unit);
    free(key);
}

static int links(struct ctx *c, size_t s, size_t e, size_t hs, size_t he, size_t ls,
                 size_t le)
{
    char *key = NULL;
    int ok = phrase_link(c->cat, c->t, s, e, hs, he, ls, le, &key, NULL, NULL) != NULL;
    free(key);
    return ok;
}

static void emit_member(struct ctx *c, struct emit *m, size_t s, size_t e, size_t i,
                        size_t np, const size_t *ps, const size_t *pe)
{
    m->s = m->ks = s;
    m->e = m->ke = e;
    m->hs = i + 1 < np ? ps[np - 1] : 0;
    m->he = i + 1 < np ? pe[np - 1] : 0;
    m->ls = i ? ps[0] : 0;
    m->le = i ? pe[0] : 0;
    emit(c, m);
}

/* The targets of one item, once its phrase is known: a 分别/均 list gives one per member,
 * a level or a value over several indicators ("A和B争取达到发达经济体水平") one per
 * indicator, else one. */
static void emit_item(struct ctx *c, const struct item *it, const struct subject *sub,
                      enum target_cmp cmp, unsigned flags, int bare)
{
    const struct ttext *t = c->t;
    size_t k = it->kind == ITEM_LEVEL ? 1 : it->nv;
    struct emit m = { .it = it, .cmp = cmp, .flags = flags | sub->flags, .bare = bare,
                      .sub = sub };
    size_t ps[MAX_PARTS], pe[MAX_PARTS];
    size_t np = phrase_members(t, sub->s, sub->e, 0, ps, pe);
    if ((sub->dist || sub->each || k > 1) && (np < k || sub->each))
        np = phrase_members(t, sub->s, sub->e, 1, ps, pe);
    if (np > 1 && (sub->dist || sub->each || k == np)) {
        m.flags |= (sub->dist || k > 1) && !sub->each ? TF_DISTRIBUTED : 0;
        for (size_t i = 0; i < np && (sub->each || i < k); i++) {
            m.v = it->kind == ITEM_LEVEL ? NULL : &it->v[sub->each ? 0 : i];
            emit_member(c, &m, ps[i], pe[i], i, np, ps, pe);
        }
        return;
    }
    np = phrase_members(t, sub->s, sub->e, 1, ps, pe);
    int split = 0, rate;
    if (np > 1 && it->kind == ITEM_LEVEL && !it->cover) {
        for (size_t i = 0; i < np; i++)
            split += links(c, ps[i], pe[i], 0, 0, 0, 0) || lex_measurable(t, ps[i], pe[i], &rate);
    } else if (np > 1) {
        split = 1;
        for (size_t i = 0; i < np && split; i++)
            split = links(c, ps[i], pe[i], i + 1 < np ? ps[np - 1] : 0,
                          i + 1 < np ? pe[np - 1] : 0, i ? ps[0] : 0, i ? pe[0] : 0);
    }
    if (sub->dist || k > 1)
        m.flags |= TF_DISTRIBUTED;    /* "城乡居民收入分别达到9.5万元和5.5万元" */
    for (size_t j = 0; j < k; j++) {
        m.v = it->kind == ITEM_LEVEL ? NULL : &it->v[j];
        if (split) {
            for (size_t i = 0; i < np; i++)
                emit_member(c, &m, ps[i], pe[i], i, np, ps, pe);
            continue;
        }
        m.s = m.ks = sub->s;
        m.e = m.ke = sub->e;
        m.hs = m.he = 0;
        /* "城乡居民人均可支配收入分别达6.9万元、3.4万元": 城镇…, then 农村…. */
        m.swap = NULL;
        for (size_t w = 0; k == 2 && np == 1 && sub->dist && lex_pairs[w].both && !m.swap; w++)
            if ((m.swap_len = tx_at(t, sub->s, sub->e, lex_pairs[w].both)) &&
                m.swap_len < sub->e - sub->s)
                m.swap = j ? lex_pairs[w].second : lex_pairs[w].first;
        /* "勞動報酬與…同步、占GDP比重": the last member may name the indicator with the
         * first member's words. */
        m.ls = m.le = 0;
        if (np > 1 && !links(c, sub->s, sub->e, 0, 0, 0, 0)) {
            m.ks = ps[np - 1];
            m.ls = ps[0];
            m.le = pe[0];
        }
        emit(c, &m);
    }
}

static int duration(const struct ttext *t, const struct val *v)
{
    return tx_before(t, v->us, v->ue, "小时") || tx_before(t, v->us, v->ue, "分钟");
}

static void remember(struct ctx *c, const struct subject *sub)
{
    if (c->nrecent == MAX_LIST) {
        memmove(c->recent, c->recent + 1, (MAX_LIST - 1) * sizeof *c->recent);
        c->nrecent--;
    }
    c->recent[c->nrecent++] = *sub;
}

static int has_paren(const struct ttext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (t->v[i].c == '(')
            return 1;
    return 0;
}

/* A value whose verb has no subject ("、增长5.6%", ",累计达到1100座", ",分别增长8.3%、
 * 7.9%") measures what the values before it in the sentence measure: the last one's, or
 * with 分别 the last ones' in order. Not one in an aside ("8000亿元(增长5%)"). */
static int borrow(struct ctx *c, const struct item *it, size_t seg, size_t vb, unsigned vflags,
                  enum target_cmp cmp, unsigned carry, struct subject *sub)
{
    const struct ttext *t = c->t;
    size_t k = sub->dist && it->nv > 1 ? it->nv : 1;
    if (!c->nrecent || has_paren(t, seg, vb) || vb == it->start || c->nrecent < k ||
        it->kind != ITEM_VALUE)
        return 0;
    if (vflags & TF_GROWTH)
        c->growth = (struct emit_growth){ vb, it->start };
    vflags &= ~TF_GROWTH;
    if (vflags & TF_CUMULATIVE)
        phrase_note(sub, t, vb, vb + 2);
    for (size_t j = 0; j < k; j++) {
        struct subject s = c->recent[c->nrecent - k + j];
        s.flags |= sub->flags;
        memcpy(s.qual, sub->qual, sizeof s.qual);
        s.dist = s.each = 0;
        struct item one = *it;
        if (k > 1) {
            one.v[0] = it->v[j];
            one.nv = 1;
        }
        emit_item(c, &one, &s, cmp, vflags | carry | (k > 1 ? TF_DISTRIBUTED : 0), 0);
    }
    c->growth = (struct emit_growth){ 0, 0 };
    return 1;
}

/* Writes the item's targets; returns the markers (力争, 每年 …) its own words hold. The
 * phrase lies in [seg, cut) (cut: a baseline before the verb, else 0). */
static unsigned process_item(struct ctx *c, size_t seg, size_t cut, size_t ce,
                             const struct item *it, unsigned carry)
{
    const struct ttext *t = c->t;
    struct subject sub, lead;
    const struct val *last = &it->v[it->nv ? it->nv - 1 : 0];
    enum target_cmp cmp = CMP_EQ;
    unsigned vflags = 0;
    if (it->kind == ITEM_SHARE || it->kind == ITEM_PRE) {
        size_t s = last->end, e = it->kind == ITEM_PRE ? last->noun_end : ce;
        if (it->kind == ITEM_SHARE && t->v[s].c == 0x7684) /* 的 */
            s++;
        phrase_frame(t, s, e, &sub);
        phrase_frame(t, seg, it->start, &lead);
        sub.flags |= lead.flags;
        memcpy(sub.qual, lead.qual, sizeof sub.qual);
        sub.dist = sub.each = 0;
        emit_item(c, it, &sub, last->has_suffix ? last->scmp : CMP_EQ, carry, 0);
        remember(c, &sub);
        return markers(sub.flags);
    }
    size_t vb = it->start;
    if (it->kind == ITEM_LEVEL) {
        cmp = it->lcmp;
    } else {
        /* "提高到2025年的14万元": the verb stands before the value's own year. */
        vb -= year_of_before(t, seg, vb);
        size_t vl = lex_verb_before(t, seg, vb, &cmp, &vflags);
        vb = vl ? vb - vl : it->start;
        /* "扩至低保标准的两倍": the verb stands before the reference the value multiplies. */
        int of = it->start > seg && t->v[it->start - 1].c == 0x7684;   /* 的 */
        for (size_t k = it->start - 1; of && vb == it->start && k > seg; k--) {
            size_t l = lex_verb_before(t, seg, k, &cmp, &vflags);
            if (l)
                vb = k - l;
        }
        if (last->has_suffix)
            cmp = last->scmp, vflags &= ~TF_CHANGE_TO;
        if (cmp == CMP_APPROX)
            vflags |= TF_APPROX;
        if (vb < it->start && tx_before_any(t, seg, vb, lex_perfect_words, NULL))
            vflags |= TF_PAST;
        if (vb == it->start && !last->has_suffix && duration(t, last))
            return 0;                 /* "1小时交通圈": a span of time describes, not commits */
    }
    phrase_frame(t, seg, cut && cut < vb ? cut : vb, &sub);
    if (sub.e <= sub.s || !phrase_has_word(t, sub.s, sub.e)) {
        borrow(c, it, seg, vb, vflags, cmp, carry, &sub);
        return markers(sub.flags);    /* else "(增长5%)": a number with nothing it measures */
    }
    remember(c, &sub);
    if (vflags & TF_CUMULATIVE)
        phrase_note(&sub, t, vb, vb + 2);   /* 年均增长 → 年均, 累计达 → 累计 */
    /* "年均增长15%": the growth is what is measured; "地区生产总值按增长5%安排": the
     * phrase before 按 grows. */
    int arranged = (vflags & TF_GROWTH) && tx_before(t, seg, vb, "按");
    if (arranged)
        c->growth = (struct emit_growth){ vb, it->start };
    else if (vflags & TF_GROWTH)
        sub.e = it->start;
    int bare = it->kind == ITEM_VALUE && vb == it->start && !last->has_suffix &&
               last->ue == last->us;
    emit_item(c, it, &sub, cmp, vflags | carry, bare);
    if (arranged)
        c->growth = (struct emit_growth){ 0, 0 };
    return markers(sub.flags);
}

/* 1 when the count or Chinese numeral at i is preceded by what makes it a commitment. */
static int count_opens(const struct ttext *t, size_t cs, size_t i, const struct item *prev,
                       int chinese, const struct val *v)
{
    if (chinese && v->value < 100 && v->us >= v->ne)
        return 0;               /* (万名: the 万 went to the unit; the count is large) */
    /* "300万以上人口规模(的区域中心城市)": the level of a measure, a threshold that
     * classifies, not a count of things ("1500万人次以上的职工培训" is one). */
    int rate;
    size_t head = v->end;
    while (head < v->noun_end && t->v[head].c != 0x7684)    /* 的 */
        head++;
    if (lex_measurable(t, v->end, head, &rate))
        return 0;
    size_t at = i - tx_before_any(t, cs, i, lex_scope_words, NULL);
    if (tx_before_any(t, cs, at, lex_count_verbs, NULL))
        return 1;
    /* Chinese numerals count after a verb of counting only: "实施千个单位扶千村" names a
     * campaign. */
    if (!chinese && tx_before_any(t, cs, at, lex_count_openers, NULL))
        return 1;
    /* A count opening its clause is the subject's: "300项政务事项实现“跨省通办”". */
    if (!chinese && at == cs)
        return 1;
    if (!prev || prev->kind != ITEM_PRE)
        return 0;
    for (size_t k = prev->end; k < i; k++)
        if (!lex_sep(LEX_SEP_COUNTS, t->v[k].c))
            return 0;
    return 1;
}

static int only_joins(const struct ttext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!lex_sep(LEX_SEP_VALUES, t->v[i].c))
            return 0;
    return 1;
}

static int quote_open(uint32_t c)
{
    return c == 0x201C || c == 0x300C || c == 0x300E;
}

static int quote_close(uint32_t c)
{
    return c == 0x201D || c == 0x300D || c == 0x300F;
}

#define BASELINE_WORDS 8    /* tchars of a measure's name between 从 and its baseline */

/* "从2.77%", "由2020年的10.5万元", "现行16%的税率": where the baseline's word stands, else
 * 0. The value from v->ne on is the baseline's. */
static size_t baseline_before(const struct ttext *t, size_t cs, size_t i, const struct val *v)
{
    size_t k = i - year_of_before(t, cs, i);
    size_t l = tx_before_any(t, cs, k, lex_baseline_preps, NULL);
    if (!l)
        l = tx_before_any(t, cs, k, lex_current_words, NULL);
    if (l)
        return k - l;
    /* "从月销售额3万元提高到10万元": the measure named between 从 and the baseline, and a
     * change to the next value right after it. */
    const struct lex_word *w;
    size_t e = v->ue > v->ne ? v->ue : v->ne;
    if (!v->ne || !lex_word_at(t, e, t->n, lex_cmp_verbs, &w))
        return 0;
    for (size_t j = k; j > cs && j + BASELINE_WORDS > k && tx_han(t->v[j - 1].c); j--)
        if (t->v[j - 1].c == 0x4ECE)    /* 从 */
            return j - 1;
    return 0;
}

/* Adds the value, list, share or count that starts at i; returns where to go on. */
static size_t scan_value(const struct ttext *t, size_t cs, size_t ce, size_t i, int chinese,
                         struct item *items, size_t *n)
{
    struct val v;
    size_t next;
    memset(&v, 0, sizeof v);
    int r = val_parse(t, cs, i, ce, chinese, &v, &next);
    size_t from = baseline_before(t, cs, i, &v);
    struct item *before = *n ? &items[*n - 1] : NULL;
    /* "从50%、75%提高至100%": a list of baselines. */
    if (!from && before && before->kind == ITEM_BASELINE && only_joins(t, before->end, i))
        from = before->end;
    if (from && v.ne > v.ns) {
        size_t end = v.ue > v.ne ? v.ue : v.ne;
        items[(*n)++] = (struct item){ .kind = ITEM_BASELINE, .v = { v }, .nv = 1,
                                       .start = from, .end = end };
        return end > i ? end : i + 1;
    }
    enum target_cmp dc;
    unsigned df;
    int verb = lex_verb_before(t, cs, i, &dc, &df) > 0;
    int growth = verb && (df & TF_GROWTH);
    struct item *last = *n ? &items[*n - 1] : NULL;
    if (chinese && r == VAL_OK && !verb && !(i > cs && t->v[i - 1].c == 0x7684 &&
                                             tx_at(t, v.us, v.ue, "倍")))
        r = VAL_NO;                   /* 百, 两 count only after a verb, or in "的两倍" */
    if (r == VAL_PRE && growth && chinese)
        r = VAL_OK, v.end = v.noun_end;   /* "平均提升一个技能等级" */
    /* A count after a comparator ("达到3家…") is not counting its noun — but 为 before a
     * count is "for": "为80万重点群体提供就业帮扶". */
    if (r == VAL_PRE && verb && !tx_before(t, cs, i, "为"))
        r = VAL_NO;
    if (r == VAL_OK) {
        if (last && last->kind == ITEM_VALUE && last->nv < MAX_LIST &&
            only_joins(t, last->end, i)) {
            last->v[last->nv++] = v;
            last->end = v.end;
        } else {
            items[(*n)++] = (struct item){ .kind = ITEM_VALUE, .v = { v }, .nv = 1,
                                           .start = i, .end = v.end };
        }
    } else if (r == VAL_SHARE && !verb && !chinese) {
        items[(*n)++] = (struct item){ .kind = ITEM_SHARE, .v = { v }, .nv = 1, .start = i,
                                       .end = ce };
        return ce;
    } else if (r == VAL_PRE && count_opens(t, cs, i, last, chinese, &v)) {
        v.end = v.ne > v.end ? v.ne : v.end;
        items[(*n)++] = (struct item){ .kind = ITEM_PRE, .v = { v }, .nv = 1, .start = i,
                                       .end = v.noun_end };
        return v.noun_end;
    }
    return next > i ? next : i + 1;
}

struct items {
    struct item *v;
    size_t n, cap;
};

static struct item *items_grow(struct ctx *c, struct items *it, size_t want)
{
    if (want <= it->cap)
        return it->v;
    size_t cap = it->cap ? it->cap * 2 : 16;
    while (cap < want)
        cap *= 2;
    struct item *nv = realloc(it->v, cap * sizeof *nv);
    if (!nv) {
        c->oom = 1;
        return NULL;
    }
    it->v = nv;
    it->cap = cap;
    return nv;
}

/* "“十四五”期间": the plan's five years, so the sentence's goals are totals. */
static int has_period(const struct ttext *t, size_t cs, size_t ce)
{
    for (size_t i = cs; i + 5 <= ce; i++) {
        if (!tx_at(t, i, ce, "十四五"))
            continue;
        size_t k = i + 3 + (tx_quote(t->v[i + 3].c) ? 1 : 0);
        if (tx_at(t, k, ce, "期间") || tx_at(t, k, ce, "时期"))
            return 1;
    }
    return 0;
}

/* 1 when the clause has a verb of its own: a comparator, a count's verb, a level's verb,
 * or an action verb opening it. */
static int own_verb(const struct ttext *t, size_t cs, size_t ce, const struct items *it)
{
    enum target_cmp cmp;
    unsigned f;
    for (size_t k = 0; k < it->n; k++) {
        const struct item *x = &it->v[k];
        if (x->kind != ITEM_VALUE || lex_verb_before(t, cs, x->start, &cmp, &f))
            return 1;
    }
    size_t s = cs;
    while (s < ce && (tx_at(t, s, ce, "力争") || tx_at(t, s, ce, "累计")))
        s += 2;
    return tx_at_any(t, s, ce, lex_action_verbs, NULL) || tx_at_any(t, s, ce, lex_count_verbs, NULL);
}

static void do_clause(struct ctx *c, size_t cs, size_t ce, struct items *it)
{
    const struct ttext *t = c->t;
    it->n = 0;
    int open = 0;
    for (size_t i = cs; i < ce && !c->oom;) {
        uint32_t ch = t->v[i].c, prev = i > cs ? t->v[i - 1].c : 0;
        open += quote_open(ch) - (quote_close(ch) && open > 0);
        int chinese = !tx_digit(ch) && val_chinese_or_unit(ch) && !val_chinese_or_unit(prev);
        if ((!tx_digit(ch) && !chinese) || open > 0 || !items_grow(c, it, it->n + 1)) {
            i++;
            continue;
        }
        i = scan_value(t, cs, ce, i, chinese, it->v, &it->n);
    }
    /* Levels in words, where no number stands. */
    struct item lv;
    size_t at = 0;
    for (size_t from = cs; level_find(t, cs, ce, from, &lv) && items_grow(c, it, it->n + 1);
         from = lv.end) {
        while (at < it->n && it->v[at].start < lv.start)
            at++;
        if ((at > 0 && it->v[at - 1].end > lv.start) || (at < it->n && lv.end > it->v[at].start))
            continue;
        memmove(&it->v[at + 1], &it->v[at], (it->n - at) * sizeof *it->v);
        it->v[at++] = lv;
        it->n++;
    }
    if (has_period(t, cs, ce))
        c->period = TF_CUMULATIVE;
    /* 每年 holds to the end of its sentence ("每年招引…超百名,引育…大学生超10万名"); 力争
     * stops at a clause with a verb of its own. */
    unsigned each = c->carry & TF_EACH_YEAR ? c->carry & (TF_EACH_YEAR | TF_ANNUAL | TF_CUMULATIVE) : 0;
    unsigned running = (own_verb(t, cs, ce, it) ? each : c->carry) | c->period;
    size_t seg = cs, cut = 0;
    for (size_t k = 0; k < it->n && !c->oom; k++) {
        if (it->v[k].kind == ITEM_BASELINE) {
            if (!cut)
                cut = it->v[k].start;
            continue;
        }
        running |= process_item(c, seg, cut, ce, &it->v[k], running);
        cut = 0;
        seg = it->v[k].end;
        while (seg < ce && lex_sep(LEX_SEP_ITEMS, t->v[seg].c))
            seg++;
    }
    c->carry = running & ~c->period;
}

/* The headings' times, innermost first. A heading's word ("任务" in an item's title) yields
 * to a year or a period an outer heading names: the item of a 2025 review that speaks of
 * the nation's 重大战略任务 is still in 2025. */
static void heading_frames(struct ctx *c, const struct targets_opts *o)
{
    size_t first = c->nouter;
    for (size_t h = o ? o->nheadings : 0; h-- > 0 && c->nouter < MAX_OUTER;)
        if (frame_of_text(o->headings[h], c->doc_year, &c->outer[c->nouter]))
            c->nouter++;
    for (size_t k = first; k < c->nouter; k++) {
        int dated_outer = 0;
        for (size_t j = k + 1; j < c->nouter; j++)
            dated_outer |= !c->outer[j].by_word;
        if (c->outer[k].by_word && dated_outer) {
            memmove(&c->outer[k], &c->outer[k + 1], (c->nouter - k - 1) * sizeof *c->outer);
            c->nouter--;
            k--;
        }
    }
}

int targets_extract(const char *text, size_t n, const struct targets_opts *o,
                    struct target_list *out, struct err *e)
{
    struct ttext t;
    if (ttext_build(text ? text : "", text ? n : 0, &t) != 0) {
        err_set(e, "out of memory");
        return -1;
    }
    struct ctx c = { .t = &t, .cat = o ? o->cat : NULL, .default_year = o ? o->default_year : 0,
                     .doc_year = o ? o->doc_year : 0, .out = out };
    /* outer[0] is the paragraph's frame: none until a paragraph opens with a time. */
    c.outer[c.nouter++] = (struct frame){ -1, 0, 0 };
    heading_frames(&c, o);
    struct items items = {0};
    for (size_t ps = 0; ps < t.n && !c.oom;) {
        size_t pe = ps;
        while (pe < t.n && t.v[pe].c != '\n')
            pe++;
        /* A row of a table of indicators is read as a table (itable.h), not as a sentence. */
        if (pe > ps && itable_is_row(t.src + t.v[ps].off, t.v[pe - 1].end - t.v[ps].off)) {
            ps = pe + 1;
            continue;
        }
        struct frame para;
        int has_para;
        if (frame_marks(&t, ps, pe, c.doc_year, &c.marks, &para, &has_para) < 0)
            c.oom = 1;
        /* A paragraph's time holds for the "——" bullets that follow it ("五年来,…:"). */
        if (has_para)
            c.outer[0] = para;
        else if (!tx_at(&t, ps, pe, "—"))
            c.outer[0] = (struct frame){ -1, 0, 0 };
        for (size_t cs = ps; cs < pe && !c.oom;) {
            size_t ce = cs;
            while (ce < pe && !tx_clause_end(&t, ce))
                ce++;
            if (ce > cs)
                do_clause(&c, cs, ce, &items);
            uint32_t end = ce < pe ? t.v[ce].c : '\n';
            if (end == 0x3002 || end == '!' || end == '?' || end == '\n' || end == 0x2014)
                c.carry = c.period = 0, c.nrecent = 0;    /* a sentence, or a "——" goal, ends */
            cs = ce + (ce < pe && t.v[ce].c == 0x2014 ? 2 : 1);
        }
        c.carry = c.period = 0;
        c.nrecent = 0;
        ps = pe + 1;
    }
    free(c.marks.v);
    free(items.v);
    ttext_free(&t);
    if (!c.oom && itable_extract(text ? text : "", text ? n : 0, o, out, e) < 0)
        c.oom = 1;
    if (c.oom) {
        err_set(e, "out of memory");
        return -1;
    }
    return 0;
}

void target_list_free(struct target_list *l)
{
    for (size_t i = 0; l && i < l->n; i++) {
        struct target *t = &l->v[i];
        free(t->phrase);
        free(t->value_text);
        free(t->unit);
        free(t->qualifier);
        free(t->key);
        free(t->for_region);
    }
    if (l && l->cap) {
        free(l->v);
        memset(l, 0, sizeof *l);
    }
}
