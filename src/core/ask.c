/* ask.c — a question read into what it asks: its kind, the regions and years it names,
 * the order it wants, and the subject left when every known word is taken out. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "ask_int.h"

static const char *const kind_names[] = {
    [ASK_LOOKUP] = "lookup", [ASK_WHICH] = "which", [ASK_RANK] = "rank",
    [ASK_COMPARE] = "compare", [ASK_PROGRESS] = "progress", [ASK_MEASURES] = "measures",
};

int ask_kind_parse(const char *name)
{
    for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
        if (!strcmp(kind_names[k], name))
            return (int)k;
    return -1;
}

const char *ask_kind_name(enum ask_kind k)
{
    return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "?";
}

void ask_intent_free(struct ask_intent *in)
{
    free(in->text);
    free(in->cls);
    free(in->tok);
    free(in->subject);
    memset(in, 0, sizeof *in);
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Punctuation and spaces (after NFKC: ？ is ?, （ is (): they end a word. Marks that live
 * inside indicator names (. % & / — ‰) are not among them. */
static int is_punct(uint32_t c)
{
    static const uint32_t marks[] = {
        ' ', '?', '!', ',', ';', ':', '"', '\'', '(', ')', '[', ']', '{', '}', '<', '>',
        0x3001, 0x3002, 0x201c, 0x201d, 0x2018, 0x2019, 0x300c, 0x300d, 0x300e, 0x300f,
        0x300a, 0x300b, 0x3010, 0x3011, 0x2026, 0xff5e, 0x00b7, 0xfffd,
    };
    if (c < 0x20 || c == 0x7f)
        return 1;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (c == marks[i])
            return 1;
    return 0;
}

/* A year at text[i]: four digits from 1900 to 2200 with 年 after them, or a range
 * ("2021—2025年", its last year). Returns its length (0: none), *year the year. */
static size_t year_at(const uint32_t *t, size_t i, size_t n, int *year)
{
    int y = 0;
    size_t k = 0;
    if (i && is_digit(t[i - 1]))
        return 0;
    for (; k < 4; k++) {
        if (i + k >= n || !is_digit(t[i + k]))
            return 0;
        y = y * 10 + (int)(t[i + k] - '0');
    }
    if (i + 4 < n && is_digit(t[i + 4]))
        return 0;
    if (y < 1900 || y > 2200)
        return 0;
    if (i + 4 < n && t[i + 4] == 0x5e74) {        /* 年 */
        *year = y;
        return 5;
    }
    static const uint32_t dashes[] = {'-', 0x2014, 0x2013, 0x81f3, 0x5230, '~'};
    for (size_t d = 0; i + 9 < n && d < sizeof dashes / sizeof *dashes; d++)
        if (t[i + 4] == dashes[d]) {
            int y2 = 0;
            size_t len = year_at(t, i + 5, n, &y2);
            if (len == 5) {
                *year = y2;
                return 10;
            }
        }
    return 0;
}

struct reader {
    struct ask_intent *q;
    size_t cap;
    const size_t *omap;     /* byte offset in the question of each folded character */
    size_t qlen;
};

static int push(struct reader *r, enum ask_role role, size_t start, size_t end, int value)
{
    struct ask_intent *q = r->q;
    if (array_grow((void **)&q->tok, &r->cap, q->ntok + 1, sizeof *q->tok) < 0)
        return -1;
    q->tok[q->ntok++] = (struct ask_token){role, start, end, r->omap[start], r->omap[end],
                                           value};
    return 0;
}

/* Folds the question, keeping where each folded character came from. */
static int fold_question(struct ask_intent *q, const char *s, size_t **omap)
{
    size_t len = strlen(s);
    q->text = malloc((ASK_MAX_CHARS * FOLD_MAX + 1) * sizeof *q->text);
    *omap = malloc((ASK_MAX_CHARS * FOLD_MAX + 1) * sizeof **omap);
    if (!q->text || !*omap)
        return -1;
    size_t i = 0, chars = 0;
    while (i < len && chars < ASK_MAX_CHARS) {
        uint32_t c, f[FOLD_MAX];
        size_t at = i;
        i += fold_decode(s + i, len - i, &c);
        size_t k = fold_char(c, f);
        for (size_t j = 0; j < k; j++) {
            (*omap)[q->n] = at;
            q->text[q->n++] = f[j];
        }
        chars++;
    }
    q->truncated = i < len;
    (*omap)[q->n] = i;
    return 0;
}

static int tokenize(struct reader *r, const struct ask_grammar *g)
{
    struct ask_intent *q = r->q;
    for (size_t i = 0; i < q->n;) {
        int y = 0;
        size_t len = year_at(q->text, i, q->n, &y);
        const struct ask_word *w = len ? NULL : ask_grammar_at(g, q->text, i, q->n);
        int rc;
        if (len)
            rc = push(r, AR_YEAR, i, i + len, y);
        else if (w)
            rc = push(r, w->role, i, i + (len = w->n), w->value);
        else
            rc = push(r, is_punct(q->text[i]) ? AR_PUNCT : AR_CONTENT, i, i + (len = 1), 0);
        if (rc < 0)
            return -1;
        i += len;
    }
    return 0;
}

/* The token before / after i, skipping particles; -1 at the ends. */
static long prev_tok(const struct ask_intent *q, long i)
{
    while (--i >= 0 && q->tok[i].role == AR_PARTICLE)
        ;
    return i;
}

static long next_tok(const struct ask_intent *q, long i)
{
    while (++i < (long)q->ntok && q->tok[i].role == AR_PARTICLE)
        ;
    return i < (long)q->ntok ? i : -1;
}

static enum ask_role role_of(const struct ask_intent *q, long i)
{
    return i < 0 ? AR_PUNCT : q->tok[i].role;
}

/* Words whose role depends on their neighbours: 和 joins regions, or two subjects (教育和
 * 医疗), or is a character of the subject (碳中和, 和美乡村); 三 counts regions only before 个 or 城市, 各 only before 市 or 个 (else it is a
 * filler); 城市 names the level asked for only beside 哪个, after a count or after 各. */
static void settle_roles(struct ask_intent *q)
{
    for (long i = 0; i < (long)q->ntok; i++) {
        struct ask_token *t = &q->tok[i];
        enum ask_role before = role_of(q, prev_tok(q, i)), after = role_of(q, next_tok(q, i));
        if (t->role == AR_AND && !(before == AR_REGION && after == AR_REGION))
            t->role = q->text[t->start] == 0x3001 ? AR_PUNCT
                    : before == AR_CONTENT && after == AR_CONTENT ? AR_FILLER : AR_CONTENT;
        if (t->role == AR_NUMERAL || t->role == AR_EACH) {
            enum ask_role nx = role_of(q, i + 1 < (long)q->ntok ? i + 1 : -1);
            if (nx != AR_COUNTER && nx != AR_CLASS)
                t->role = t->role == AR_EACH ? AR_FILLER : AR_CONTENT;
        }
        if (t->role == AR_COUNTER && role_of(q, i - 1) != AR_NUMERAL &&
            role_of(q, i - 1) != AR_EACH)
            t->role = AR_CONTENT;
    }
    for (long i = 0; i < (long)q->ntok; i++) {
        struct ask_token *t = &q->tok[i];
        if (t->role != AR_CLASS)
            continue;
        enum ask_role p = role_of(q, prev_tok(q, i)), n = role_of(q, next_tok(q, i));
        int names = p == AR_WHICH || n == AR_WHICH || p == AR_NUMERAL || p == AR_COUNTER ||
                    p == AR_EACH;
        if (names && !q->level)
            q->level = strcmp(ask_levels[t->value], "any") ? ask_levels[t->value] : NULL;
        if (!names)
            t->role = AR_FILLER;
    }
}

static void add_place(struct ask_intent *q, const struct regions *rg, int idx, int year)
{
    const char *name = rg->v[idx].name;
    for (size_t i = 0; i < q->nplaces; i++)
        if (!strcmp(q->places[i].region, name)) {
            if (year && !q->places[i].year)
                q->places[i].year = year;
            return;
        }
    if (q->nplaces < ASK_MAX_PLACES)
        q->places[q->nplaces++] = (struct ask_place){name, year};
}

/* Regions in order; a year right after a region is that region's ("舟山2025年的…和浙江省
 * 2030年的…"); the question's year is one written elsewhere, or the one every region has. */
static void read_places(struct ask_intent *q, const struct regions *rg)
{
    int free_year = 0;
    for (long i = 0; i < (long)q->ntok; i++) {
        const struct ask_token *t = &q->tok[i];
        if (t->role == AR_REGION) {
            add_place(q, rg, t->value, 0);
        } else if (t->role == AR_YEAR || t->role == AR_PERIOD) {
            long p = prev_tok(q, i);
            if (p >= 0 && q->tok[p].role == AR_REGION)
                add_place(q, rg, q->tok[p].value, t->value);
            else if (!free_year)
                free_year = t->value;
        }
    }
    q->year = free_year;
    if (!q->year && q->nplaces) {
        int same = q->places[0].year;
        for (size_t i = 1; i < q->nplaces; i++)
            if (q->places[i].year != same)
                same = 0;
        q->year = same;
    }
}

static int has(const struct ask_intent *q, enum ask_role r)
{
    for (size_t i = 0; i < q->ntok; i++)
        if (q->tok[i].role == r)
            return 1;
    return 0;
}

static void read_kind(struct ask_intent *q)
{
    for (size_t i = 0; i < q->ntok && q->order == ASK_ORDER_NONE; i++)
        q->order = q->tok[i].role == AR_HIGH ? ASK_HIGH : q->tok[i].role == AR_LOW ? ASK_LOW
                   : q->tok[i].role == AR_STRICT ? ASK_STRICT : ASK_ORDER_NONE;
    int which = has(q, AR_WHICH);
    if (has(q, AR_PROGRESS))
        q->kind = ASK_PROGRESS;
    else if (has(q, AR_MEASURES) && !has(q, AR_AMOUNT))
        q->kind = ASK_MEASURES;
    else if (which && q->order != ASK_ORDER_NONE)
        q->kind = ASK_RANK;
    else if (has(q, AR_COMPARE) || q->nplaces >= 2)
        q->kind = ASK_COMPARE;
    else if (q->nplaces == 1 && !which)
        q->kind = ASK_LOOKUP;
    else
        q->kind = ASK_WHICH;
    /* An order word that orders nothing is part of the subject (最低生活保障标准). */
    if (q->kind != ASK_RANK) {
        q->order = ASK_ORDER_NONE;
        for (size_t i = 0; i < q->ntok; i++)
            if (q->tok[i].role == AR_HIGH || q->tok[i].role == AR_LOW ||
                q->tok[i].role == AR_STRICT)
                q->tok[i].role = AR_CONTENT;
    }
    q->wants = (has(q, AR_TARGET) ? ASK_WANT_TARGETS : 0) |
               (has(q, AR_REPORTED) ? ASK_WANT_REPORTED : 0);
    for (size_t i = 0; i < q->ntok && !q->issuer; i++)
        if (q->tok[i].role == AR_ISSUER)
            q->issuer = ask_levels[q->tok[i].value];
}

static enum ask_class class_of(enum ask_role r)
{
    switch (r) {
    case AR_CONTENT:
        return ASK_SUBJECT;
    case AR_REGION: case AR_YEAR: case AR_PERIOD: case AR_PUNCT: case AR_AND:
        return ASK_CUT;
    default:
        return ASK_WORD;
    }
}

int ask_weak_role(enum ask_role r)
{
    switch (r) {
    case AR_CONTENT: case AR_FILLER: case AR_PARTICLE: case AR_VERB: case AR_GENERIC:
    case AR_TIME:
        return 1;
    default:
        return 0;
    }
}

/* The classes per character, and the subject as written for messages: each run of
 * subject characters with the small words inside it (家庭年收入, 50万元以上的行政村),
 * runs joined by "…". */
static int finish(struct reader *r, const char *question)
{
    struct ask_intent *q = r->q;
    q->cls = malloc(q->n + 1);
    q->subject = malloc(r->qlen * 2 + 4);
    if (!q->cls || !q->subject)
        return -1;
    size_t len = 0;
    long first = -1, last = -1;     /* the run's first and last subject tokens */
    for (size_t i = 0; i <= q->ntok; i++) {
        const struct ask_token *t = i < q->ntok ? &q->tok[i] : NULL;
        if (t)
            memset(q->cls + t->start, class_of(t->role), t->end - t->start);
        if (t && t->role == AR_CONTENT) {
            if (first < 0)
                first = (long)i;
            last = (long)i;
            continue;
        }
        if (t && ask_weak_role(t->role))
            continue;
        if (first >= 0) {
            if (len)
                memcpy(q->subject + len, "…", 3), len += 3;
            size_t a = q->tok[first].ostart, z = q->tok[last].oend;
            memcpy(q->subject + len, question + a, z - a);
            len += z - a;
        }
        first = last = -1;
    }
    q->subject[len] = 0;
    return 0;
}

int ask_parse(const struct ask_grammar *g, const char *question, struct ask_intent *out,
              struct err *e)
{
    memset(out, 0, sizeof *out);
    struct reader r = {out, 0, NULL, strlen(question)};
    size_t *omap = NULL;
    int rc = fold_question(out, question, &omap);
    r.omap = omap;
    if (rc == 0)
        rc = tokenize(&r, g);
    if (rc == 0) {
        settle_roles(out);
        read_places(out, g->regions);
        read_kind(out);
        rc = finish(&r, question);
    }
    free(omap);
    if (rc < 0) {
        ask_intent_free(out);
        return err_set(e, "out of memory"), -1;
    }
    return 0;
}
