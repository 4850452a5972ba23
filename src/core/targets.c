/* targets.c — the extractor: paragraphs → clauses → items (a value, a list of values, a
 * level in words) → targets, each with the phrase before it, its comparator, year and
 * flags, linked to the catalogue. See targets.h for the grammar it follows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "targets_int.h"

#define MAX_LIST 8
#define MAX_PARTS 8
#define MAX_PHRASE 48       /* tchars of a phrase kept: the indicator ends the phrase */
#define MAX_LEVEL 16        /* tchars between a level verb and 水平/前列 */

struct item {
    struct val v[MAX_LIST];
    size_t nv;
    size_t start, end;
    int share, level;
    size_t ls, le;          /* a level's words ("中等发达经济体水平") */
    enum target_cmp lcmp;
};

struct mark {
    size_t pos;
    int year;
};

struct ctx {
    const struct ttext *t;
    const struct targets_opts *o;
    struct target_list *out;
    struct mark *marks;
    size_t nmarks, cap;
    int oom;
};

/* What a phrase, stripped of its framing words, is measured against. */
struct subject {
    size_t s, e;
    unsigned flags;
    int dist, each;
    char qual[64];
};

static const char *const year_pre[] = { "到", "至", "展望到", "展望", "于", "在", NULL };
static const char *const lead_words[] = {
    "并", "且", "同时", "其中", "确保", "力争", "争取", "努力", "实现", "使", "全力", "累计",
    "每年", "年均", "——", "—", "、", "(", NULL,
};
static const char *const tail_words[] = {
    "分别", "均", "力争", "争取", "累计", "年均", "要", "将", "可", "能", "都", "也", "基本",
    "全部", "总体", "稳定", "逐步", "进一步", "持续", "力求", "确保", "努力", "全面", "预计",
    "实现", NULL,
};
static const char *const stretch_words[] = { "力争", "争取", NULL };
static const char *const cumul_words[] = { "累计", "年均", "每年", "年平均", NULL };
static const char *const level_verbs[] = { "达到", "高于", "低于", "超过", "赶上", NULL };
static const enum target_cmp level_cmp[] = { CMP_EQ, CMP_GT, CMP_LT, CMP_GT, CMP_EQ };
static const char *const front_verbs[] = {
    "走在", "位居", "保持", "保持在", "居于", "处于", "位于", "稳居", "位列", "进入", NULL,
};
static const char *const cover_words[] = { "全覆盖", "全面覆盖", NULL };
static const char *const list_joins[] = { "和", "及", "与", "以及", NULL };

/* ---- years ---- */

static int year_at(const struct ttext *t, size_t i, size_t lim)
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

/* "到2035年", "展望到2035年", "2025年前", "2025年," at a clause start: the year the goals
 * that follow in the paragraph are set for. */
static void find_marks(struct ctx *c, size_t ps, size_t pe)
{
    const struct ttext *t = c->t;
    c->nmarks = 0;
    for (size_t i = ps; i + 4 < pe; i++) {
        int y = year_at(t, i, pe);
        if (!y)
            continue;
        size_t a = i + 5;
        if (t->v[a].c == 0x5E95 || t->v[a].c == 0x672B) /* 底 末 */
            a++;
        int ok = tx_before_any(t, ps, i, year_pre, NULL) > 0 ||
                 (t->v[a].c == 0x524D && t->v[a + 1].c != 0x7684) || /* 前, not 前的 */
                 ((i == ps || tx_clause_end(t, i - 1)) && (t->v[a].c == ',' || t->v[a].c == ':'));
        if (!ok)
            continue;
        if (c->nmarks == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 8;
            struct mark *nm = realloc(c->marks, cap * sizeof *nm);
            if (!nm) {
                c->oom = 1;
                return;
            }
            c->marks = nm;
            c->cap = cap;
        }
        c->marks[c->nmarks++] = (struct mark){ i, y };
        i += 4;
    }
}

static int year_for(const struct ctx *c, size_t pos)
{
    int y = c->o ? c->o->default_year : 0;
    for (size_t k = 0; k < c->nmarks && c->marks[k].pos < pos; k++)
        y = c->marks[k].year;
    return y;
}

/* ---- the words around a phrase ---- */

static void qual_add(struct subject *s, const struct ttext *t, size_t a, size_t b)
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
        if ((l = tx_at_any(t, i, b, stretch_words, NULL))) {
            s->flags |= TF_STRETCH;
            qual_add(s, t, i, i + l);
        } else if ((l = tx_at_any(t, i, b, cumul_words, NULL))) {
            s->flags |= TF_CUMULATIVE;
            qual_add(s, t, i, i + l);
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

/* Narrows [s, e) to the phrase: drops year markers and framing words in front, and the
 * modal words between the phrase and its verb (分别, 均, 力争 …), noting what they mean. */
static void frame(const struct ttext *t, size_t s, size_t e, struct subject *sub)
{
    memset(sub, 0, sizeof *sub);
    scan_flags(t, s, e, sub);
    for (int again = 1; again && e > s;) {
        again = 0;
        int w = -1;
        size_t l = tx_before_any(t, s, e, tail_words, &w);
        if (!l)
            break;
        if (!strcmp(tail_words[w], "均")) {
            uint32_t p = e - 1 > s ? t->v[e - 2].c : 0;
            if (p == 0x5E74 || p == 0x4EA9 || p == 0x4EBA || p == 0x6237 || p == 0x5E73)
                break;            /* 年均, 亩均, 人均, 户均, 平均 belong to the phrase */
            sub->each = 1;
        }
        if (!strcmp(tail_words[w], "分别"))
            sub->dist = 1;
        e -= l;
        again = 1;
    }
    for (int again = 1; again && s < e;) {
        again = 0;
        size_t l = tx_at_any(t, s, e, lead_words, NULL);
        if (!l && (l = lead_years(t, s, e))) {
            sub->flags |= TF_CUMULATIVE;
            qual_add(sub, t, s, s + l);
        }
        if (!l && year_at(t, s + 1, e) && tx_at_any(t, s, e, year_pre, NULL) == 1)
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

static int has_word_char(const struct ttext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (tx_han(t->v[i].c) || tx_alpha(t->v[i].c))
            return 1;
    return 0;
}

/* ---- linking ---- */

/* Links a phrase; with a head ([hs, he), the last member of a 分别 list) also tries the
 * phrase completed by the head's tail, "二级以上" + "幼儿园占比". The alias must start
 * inside the phrase itself. */
static const struct indicator *link(const struct ctx *c, size_t s, size_t e, size_t hs,
                                    size_t he, char **keyp)
{
    const struct ttext *t = c->t;
    const struct catalogue *cat = c->o ? c->o->cat : NULL;
    char *own = tx_fold(t, s, e), *best_key = NULL;
    *keyp = own;
    if (!own || !cat)
        return NULL;
    size_t ol = strlen(own), at;
    const struct indicator *best = catalogue_link(cat, own, 0, ol ? ol - 1 : 0, &at);
    size_t best_len = best ? ol - at : 0;
    for (size_t j = hs; j < he; j++) {
        char *tail = tx_fold(t, j, he);
        size_t tl = tail ? strlen(tail) : 0;
        char *key = tail ? malloc(ol + tl + 1) : NULL;
        if (key) {
            memcpy(key, own, ol);
            memcpy(key + ol, tail, tl + 1);
            const struct indicator *ind = catalogue_link(cat, key, 0, ol ? ol - 1 : 0, &at);
            if (ind && ol + tl - at > best_len) {
                best = ind;
                best_len = ol + tl - at;
                free(best_key);
                best_key = key;
                key = NULL;
            }
        }
        free(key);
        free(tail);
    }
    if (best_key) {
        free(own);
        *keyp = best_key;
    }
    return best;
}

/* ---- emitting ---- */

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

struct emit {
    size_t s, e, hs, he;            /* phrase; head for completion */
    const struct val *v;            /* NULL for a level */
    const struct item *it;
    enum target_cmp cmp;
    unsigned flags;
    int bare;                       /* a number with no verb, unit or closing word */
    const struct subject *sub;
};

static void emit(struct ctx *c, const struct emit *m)
{
    const struct ttext *t = c->t;
    if (m->e <= m->s || !has_word_char(t, m->s, m->e))
        return;
    char *key = NULL;
    const struct indicator *ind = link(c, m->s, m->e, m->hs, m->he, &key);
    int rate = 0, measurable = lex_measurable(t, m->s, m->e, &rate);
    unsigned flags = m->flags;
    char *unit = NULL;
    if (m->v) {
        unit = tx_orig_chars(t, m->v->us, m->v->ue);
        if (unit && !*unit && ind && *ind->unit) {
            free(unit);
            unit = strdup(ind->unit);
            flags |= TF_INFERRED_UNIT;
        } else if (unit && !*unit && !ind && rate) {
            free(unit);
            unit = strdup("%");
            flags |= TF_INFERRED_UNIT;
        }
        if (m->bare && !(flags & TF_INFERRED_UNIT) && !(ind && measurable))
            goto skip;
    } else {
        if (!ind && !measurable)
            goto skip;
        unit = strdup("");
    }
    struct target *tg = push(c);
    if (!tg)
        goto skip;
    size_t vs = m->v ? m->v->ns : m->it->ls, ve = m->v ? m->v->ne : m->it->le;
    size_t end = m->v ? m->v->end : m->it->end;
    tg->phrase = tx_orig(t, m->s, m->e);
    tg->value_text = m->v ? tx_fold(t, vs, ve) : tx_orig(t, vs, ve);
    tg->value = m->v ? m->v->value : NAN;
    tg->unit = unit;
    tg->cmp = m->cmp;
    tg->year = year_for(c, vs);
    tg->flags = flags | (m->v ? 0 : TF_QUALITATIVE);
    tg->qualifier = strdup(m->sub->qual);
    tg->key = key;
    tg->indicator = ind;
    tg->start = t->v[m->s].off;
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

/* Splits [s, e) at 、 (and at 和/及/与 when `joins`) into at most MAX_PARTS members. */
static size_t split_members(const struct ttext *t, size_t s, size_t e, int joins,
                            size_t ps[MAX_PARTS], size_t pe[MAX_PARTS])
{
    size_t n = 0, a = s;
    for (size_t i = s; i < e && n + 1 < MAX_PARTS; i++) {
        size_t l = t->v[i].c == 0x3001 ? 1 : joins ? tx_at_any(t, i, e, list_joins, NULL) : 0;
        if (!l || i == a)
            continue;
        ps[n] = a;
        pe[n++] = i;
        a = i + l;
        i = a - 1;
    }
    ps[n] = a;
    pe[n++] = e;
    return n;
}

/* The targets of one item, once its phrase is known. */
static void emit_item(struct ctx *c, const struct item *it, const struct subject *sub,
                      enum target_cmp cmp, unsigned flags, int bare)
{
    const struct ttext *t = c->t;
    size_t k = it->level ? 1 : it->nv;
    struct emit m = { .it = it, .cmp = cmp, .flags = flags | sub->flags, .bare = bare,
                      .sub = sub };
    size_t ps[MAX_PARTS], pe[MAX_PARTS], np = 1;
    ps[0] = sub->s;
    pe[0] = sub->e;
    if (sub->dist || sub->each || k > 1) {
        np = split_members(t, sub->s, sub->e, 0, ps, pe);
        if (np < k || sub->each)
            np = split_members(t, sub->s, sub->e, 1, ps, pe);
    }
    if (np > 1 && (sub->dist || sub->each || k == np)) {
        m.flags |= TF_DISTRIBUTED;
        for (size_t i = 0; i < np && (sub->each || i < k); i++) {
            m.s = ps[i];
            m.e = pe[i];
            m.hs = i + 1 < np ? ps[np - 1] : 0;
            m.he = i + 1 < np ? pe[np - 1] : 0;
            m.v = it->level ? NULL : &it->v[sub->each ? 0 : i];
            emit(c, &m);
        }
        return;
    }
    /* One phrase: "A和B争取达到发达经济体水平" is two targets when each member is a
     * catalogue indicator. */
    np = split_members(t, sub->s, sub->e, 1, ps, pe);
    int all = np > 1 && c->o && c->o->cat;
    for (size_t i = 0; all && i < np; i++) {
        char *key = NULL;
        all = link(c, ps[i], pe[i], 0, 0, &key) != NULL;
        free(key);
    }
    if (!all) {
        np = 1;
        ps[0] = sub->s;
        pe[0] = sub->e;
    }
    for (size_t j = 0; j < k; j++)
        for (size_t i = 0; i < np; i++) {
            m.s = ps[i];
            m.e = pe[i];
            m.v = it->level ? NULL : &it->v[j];
            emit(c, &m);
        }
}

/* The comparator word ending at i: its length, and what it means. */
static size_t verb_before(const struct ttext *t, size_t lo, size_t i, enum target_cmp *cmp,
                          unsigned *flags)
{
    size_t best = 0;
    for (const struct cmp_word *w = lex_verbs; w->w; w++) {
        size_t l = tx_before(t, lo, i, w->w);
        if (l > best) {
            best = l;
            *cmp = w->cmp;
            *flags = w->flags;
        }
    }
    return best;
}

static void process_item(struct ctx *c, size_t seg, size_t ce, const struct item *it)
{
    const struct ttext *t = c->t;
    struct subject sub;
    if (it->share) {
        size_t s = it->v[0].end;
        if (t->v[s].c == 0x7684) /* 的 */
            s++;
        frame(c->t, s, ce, &sub);
        struct subject lead;
        frame(c->t, seg, it->start, &lead);
        sub.flags |= lead.flags;
        emit_item(c, it, &sub, it->v[0].has_suffix ? it->v[0].scmp : CMP_EQ, 0, 0);
        return;
    }
    enum target_cmp cmp = CMP_EQ;
    unsigned vflags = 0;
    size_t vb = it->start;
    if (it->level) {
        cmp = it->lcmp;
    } else {
        vb -= verb_before(t, seg, it->start, &cmp, &vflags);
        const struct val *last = &it->v[it->nv - 1];
        if (last->has_suffix)
            cmp = last->scmp;
        if (cmp == CMP_APPROX)
            vflags |= TF_APPROX;
    }
    frame(t, seg, vb, &sub);
    if (sub.e <= sub.s)
        return;
    int bare = !it->level && vb == it->start && !it->v[it->nv - 1].has_suffix &&
               it->v[it->nv - 1].ue == it->v[it->nv - 1].us;
    emit_item(c, it, &sub, cmp, vflags, bare);
}

/* A level in words closing the clause [cs, ce): 全覆盖, 达到…水平, 高于…水平, 走在…前列. */
static int find_level(const struct ttext *t, size_t cs, size_t ce, struct item *it)
{
    enum target_cmp scmp = CMP_EQ;
    size_t e = ce, sl = 0;
    for (size_t k = 2; k <= 3 && !sl; k++)
        if (e >= cs + k && lex_suffix(t, e - k, e, &scmp) == k)
            sl = k;
    e -= sl;
    memset(it, 0, sizeof *it);
    it->level = 1;
    it->le = e;
    it->end = ce;
    size_t l;
    if ((l = tx_before_any(t, cs, e, cover_words, NULL))) {
        it->ls = e - l;
        size_t vl = tx_before(t, cs, it->ls, "实现");
        it->start = it->ls - vl;
        it->lcmp = CMP_EQ;
        return 1;
    }
    int front = tx_before(t, cs, e, "前列") > 0;
    if (!front && !tx_before(t, cs, e, "水平"))
        return 0;
    for (size_t j = e - 2; j > cs && j + MAX_LEVEL > e; j--) {
        if (tx_digit(t->v[j].c))
            return 0;
        int w = -1;
        l = tx_before_any(t, cs, j, front ? front_verbs : level_verbs, &w);
        if (!l)
            continue;
        it->ls = j;
        it->start = j - l;
        it->lcmp = sl ? scmp : front ? CMP_EQ : level_cmp[w];
        return 1;
    }
    return 0;
}

static int only_joins(const struct ttext *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        uint32_t ch = t->v[i].c;
        if (ch != 0x3001 && ch != 0x548C && ch != 0x53CA && ch != 0x4E0E && ch != 0x6216)
            return 0;
    }
    return 1;
}

static void do_clause(struct ctx *c, size_t cs, size_t ce)
{
    const struct ttext *t = c->t;
    struct item items[16];
    size_t n = 0;
    for (size_t i = cs; i < ce && n < 16;) {
        if (!tx_digit(t->v[i].c)) {
            i++;
            continue;
        }
        struct val v;
        size_t next;
        int r = val_parse(t, cs, i, ce, &v, &next);
        enum target_cmp dc;
        unsigned df;
        if (r == VAL_OK) {
            struct item *last = n ? &items[n - 1] : NULL;
            if (last && !last->share && last->nv < MAX_LIST && only_joins(t, last->end, i)) {
                last->v[last->nv++] = v;
                last->end = v.end;
            } else {
                items[n++] = (struct item){ .v = { v }, .nv = 1, .start = i, .end = v.end };
            }
        } else if (r == VAL_SHARE && !verb_before(t, cs, i, &dc, &df)) {
            items[n++] = (struct item){ .v = { v }, .nv = 1, .start = i, .end = ce, .share = 1 };
            break;
        }
        i = next > i ? next : i + 1;
    }
    struct item lv;
    if (n < 16 && find_level(t, cs, ce, &lv) && (!n || items[n - 1].end <= lv.start))
        items[n++] = lv;
    size_t seg = cs;
    for (size_t k = 0; k < n && !c->oom; k++) {
        process_item(c, seg, ce, &items[k]);
        seg = items[k].end;
        while (seg < ce && (t->v[seg].c == 0x3001 || tx_at_any(t, seg, ce, list_joins, NULL)))
            seg++;
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
    struct ctx c = { .t = &t, .o = o, .out = out };
    for (size_t ps = 0; ps < t.n && !c.oom;) {
        size_t pe = ps;
        while (pe < t.n && t.v[pe].c != '\n')
            pe++;
        find_marks(&c, ps, pe);
        for (size_t cs = ps; cs < pe && !c.oom;) {
            size_t ce = cs;
            while (ce < pe && !tx_clause_end(&t, ce))
                ce++;
            if (ce > cs)
                do_clause(&c, cs, ce);
            cs = ce + (ce < pe && t.v[ce].c == 0x2014 ? 2 : 1);
        }
        ps = pe + 1;
    }
    free(c.marks);
    ttext_free(&t);
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
    }
    if (l && l->cap) {
        free(l->v);
        memset(l, 0, sizeof *l);
    }
}
