/* query.c — the search prompt's language, parsed into a safe FTS5 expression. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/array.h"
#include "gongfu/pinyin.h"
#include "gongfu/query.h"
#include "gongfu/tokenizer.h"

/* ---- growable byte buffer ---- */

struct buf {
    char *p;
    size_t n, cap;
    int oom;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p, b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_adds(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* ---- the parser ---- */

struct span {
    size_t off;
    int n;
};

/* A word read as pinyin, while parsing: offsets into qb.pytext. */
struct pyrec {
    size_t typed, first, nwords;
    int literal, chosen;
};

struct pyword {
    size_t off;
    double sections;
};

struct qb {
    const char *text;
    const struct vocab *v;
    struct buf expr, arena;
    struct span *tok;
    size_t ntok, captok;
    struct span *ph;          /* first token, count */
    size_t nph, capph;
    int oom;
    /* reading pinyin */
    const struct query_reader *rd;
    struct err *e;
    int failed;               /* the reader failed; e says why */
    int reads;                /* words given to the reader so far */
    struct buf pytext;
    struct pyrec *py;
    size_t npy, cappy;
    struct pyword *pw;
    size_t npw, cappw;
};

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x3000 || c == 0xA0;
}

static int is_quote(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x300C || c == 0x300D ||
           c == 0x300E || c == 0x300F || c == 0xFF02;
}

static int is_minus(uint32_t c)
{
    return c == '-' || c == 0xFF0D || c == 0x2212;
}


/* Collects a phrase's tokens into the arena and writes it as "t1" + "t2" + ... */
static int on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    (void)flags, (void)start, (void)end;
    struct qb *q = ctx;
    if (array_grow((void **)&q->tok, &q->captok, q->ntok + 1, sizeof *q->tok)) {
        q->oom = 1;
        return 1;
    }
    q->tok[q->ntok++] = (struct span){q->arena.n, ntok};
    buf_add(&q->arena, tok, (size_t)ntok);
    if (q->ph[q->nph].n++)
        buf_adds(&q->expr, " + ");
    buf_adds(&q->expr, "\"");
    for (int i = 0; i < ntok; i++)
        buf_add(&q->expr, tok[i] == '"' ? "\"\"" : tok + i, tok[i] == '"' ? 2 : 1);
    buf_adds(&q->expr, "\"");
    return 0;
}

/* Adds a phrase for the folded text s; it is kept for highlighting when keep. */
static void add_phrase(struct qb *q, const char *s, size_t n, int keep)
{
    if (array_grow((void **)&q->ph, &q->capph, q->nph + 1, sizeof *q->ph)) {
        q->oom = 1;
        return;
    }
    q->ph[q->nph] = (struct span){q->ntok, 0};
    tokenizer_run(s, (int)n, TOKENIZER_QUERY, on_token, q);
    if (keep)
        q->nph++;
}

/* One part of a word: its folded text and every vocabulary variant of it, OR'ed. */
static void add_part(struct qb *q, const char *raw, size_t n, int keep)
{
    char *alt[QUERY_MAX_ALTS], *folded = fold_utf8(raw, n, NULL, NULL);
    int nalt = folded ? vocab_variants(q->v, folded, alt, QUERY_MAX_ALTS) : -1;
    free(folded);
    if (nalt < 0) {
        q->oom = 1;
        return;
    }
    buf_adds(&q->expr, nalt > 1 ? "(" : "");
    for (int a = 0; a < nalt; a++) {
        buf_adds(&q->expr, a ? " OR " : "");
        add_phrase(q, alt[a], strlen(alt[a]), keep);
        free(alt[a]);
    }
    buf_adds(&q->expr, nalt > 1 ? ")" : "");
}

struct seg_ctx {
    int quoted, nseg, full;
    size_t start[QUERY_MAX_PARTS], end[QUERY_MAX_PARTS];
};

/* Parts of a word: runs of tokens with nothing between them (a quoted phrase is one). */
static int on_seg_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    (void)flags, (void)tok, (void)ntok;
    struct seg_ctx *s = ctx;
    if (s->nseg && (s->quoted || (size_t)start <= s->end[s->nseg - 1])) {
        s->end[s->nseg - 1] = (size_t)end;
        return 0;
    }
    if (s->nseg == QUERY_MAX_PARTS) {
        s->full = 1;
        return 1;
    }
    s->start[s->nseg] = (size_t)start;
    s->end[s->nseg++] = (size_t)end;
    return 0;
}

/* Writes one word's expression; returns 0 if it has no tokens (nothing written). */
static int add_term(struct qb *q, size_t s, size_t e, int quoted, int keep, int *truncated)
{
    struct seg_ctx sc = {.quoted = quoted};
    tokenizer_run(q->text + s, (int)(e - s), TOKENIZER_QUERY, on_seg_token, &sc);
    *truncated |= sc.full;
    if (sc.nseg == 0)
        return 0;
    buf_adds(&q->expr, sc.nseg > 1 ? "(" : "");
    for (int i = 0; i < sc.nseg; i++) {
        buf_adds(&q->expr, i ? " AND " : "");
        add_part(q, q->text + s + sc.start[i], sc.end[i] - sc.start[i], keep);
    }
    buf_adds(&q->expr, sc.nseg > 1 ? ")" : "");
    return 1;
}

/* Keeps what text[s, e) became, for the caller to show. */
static void record_pinyin(struct qb *q, size_t s, size_t e, const struct query_word *w, int n,
                          int literal, int chosen)
{
    if (array_grow((void **)&q->py, &q->cappy, q->npy + 1, sizeof *q->py) ||
        array_grow((void **)&q->pw, &q->cappw, q->npw + (size_t)n, sizeof *q->pw)) {
        q->oom = 1;
        return;
    }
    q->py[q->npy++] = (struct pyrec){q->pytext.n, q->npw, (size_t)n, literal, chosen};
    buf_add(&q->pytext, q->text + s, e - s);
    buf_add(&q->pytext, "", 1);
    for (int i = 0; i < n; i++) {
        q->pw[q->npw++] = (struct pyword){q->pytext.n, w[i].sections};
        buf_add(&q->pytext, w[i].s, w[i].n);
        buf_add(&q->pytext, "", 1);
    }
}

/* The index among w of the word the user picked for typed, or -1. */
static int picked(const struct query_reader *rd, const char *typed, size_t n,
                  const struct query_word *w, int nw)
{
    for (size_t c = 0; c < rd->nchoice; c++) {
        const struct query_choice *ch = &rd->choice[c];
        if (strlen(ch->typed) != n || memcmp(ch->typed, typed, n))
            continue;
        for (int i = 0; i < nw; i++)
            if (w[i].n == strlen(ch->word) && !memcmp(w[i].s, ch->word, w[i].n))
                return i;
    }
    return -1;
}

/* Reads text[s, e) as pinyin and writes (word OR 托位 OR …); 0 when it is not read so
 * (nothing written). Syllables read together (joined) have no literal reading. */
static int add_pinyin(struct qb *q, size_t s, size_t e, int joined, int keep, int *truncated)
{
    const struct query_reader *rd = q->rd;
    struct pinyin_key k;
    if (!rd || q->failed || q->reads == QUERY_MAX_PINYIN ||
        !pinyin_key_parse(q->text + s, e - s, &k))
        return 0;
    q->reads++;
    double lit = joined ? 0 : rd->literal(rd->ctx, q->text + s, e - s, q->e);
    struct query_word w[QUERY_MAX_READINGS];
    int n = lit < 0 ? -1 : rd->read(rd->ctx, q->text + s, e - s, w, QUERY_MAX_READINGS, q->e);
    if (n < 0)
        q->failed = 1;
    int chosen = n > 0 ? picked(rd, q->text + s, e - s, w, n) : -1;
    double most = 0;            /* the readings come best first, not most frequent first */
    for (int i = 0; i < n; i++)
        most = w[i].sections > most ? w[i].sections : most;
    if (n <= 0 || (chosen < 0 && !rd->force && lit * QUERY_PINYIN_RATIO >= most))
        return 0;
    int literal = chosen < 0 && !rd->force && lit > 0;
    record_pinyin(q, s, e, w, n, literal, chosen);
    buf_adds(&q->expr, "(");
    if (literal && add_term(q, s, e, 0, keep, truncated))
        buf_adds(&q->expr, " OR ");
    for (int i = 0; i < n; i++)
        if (chosen < 0 || i == chosen) {
            buf_adds(&q->expr, i && chosen < 0 ? " OR " : "");
            add_part(q, w[i].s, w[i].n, keep);
        }
    buf_adds(&q->expr, ")");
    return 1;
}

enum { IT_WORD, IT_OR };

struct item {
    int kind, quoted, neg;
    size_t s, e;
};

/* Splits the text into words, phrases and OR, marking excluded words; stops after
 * `max` items (*truncated then set). */
static int lex(const char *t, size_t n, struct item *it, int max, int *truncated)
{
    int k = 0, neg = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c, c2 = ' ';
        size_t len = fold_decode(t + i, n - i, &c);
        if (i + len < n)
            fold_decode(t + i + len, n - i - len, &c2);
        if (is_space(c)) {
            i += len;
            continue;
        }
        if (is_minus(c) && !is_space(c2) && !is_minus(c2)) {
            neg = 1, i += len;
            continue;
        }
        struct item x = {IT_WORD, 0, neg, i + len, n};
        if (is_quote(c)) {
            x.quoted = 1, i = n;
            for (size_t j = x.s; j < n;) {
                size_t l = fold_decode(t + j, n - j, &c);
                if (is_quote(c)) {
                    x.e = j, i = j + l;
                    break;
                }
                j += l;
            }
        } else {
            size_t j = i;
            while (j < n) {
                size_t l = fold_decode(t + j, n - j, &c);
                if (is_space(c) || is_quote(c))
                    break;
                j += l;
            }
            x.s = i, x.e = j, i = j;
            size_t wl = x.e - x.s;
            if (!neg && wl == 2 && !memcmp(t + x.s, "OR", 2)) {
                x.kind = IT_OR;
            } else if (!neg && wl == 3 && !memcmp(t + x.s, "AND", 3)) {
                continue;
            } else if (!neg && wl == 3 && !memcmp(t + x.s, "NOT", 3)) {
                neg = 1;
                continue;
            }
        }
        neg = 0;
        if (k == max) {
            *truncated = 1;
            break;
        }
        it[k++] = x;
    }
    return k;
}

static int phrase_eq(const struct query_phrase *a, const struct query_phrase *b)
{
    if (a->ntok != b->ntok)
        return 0;
    for (size_t i = 0; i < a->ntok; i++)
        if (a->tok[i].n != b->tok[i].n || memcmp(a->tok[i].s, b->tok[i].s, (size_t)a->tok[i].n))
            return 0;
    return 1;
}

static void qb_free(struct qb *q)
{
    free(q->expr.p), free(q->arena.p), free(q->tok), free(q->ph);
    free(q->pytext.p), free(q->py), free(q->pw);
}

/* The words read as pinyin, pointers resolved. */
static int finish_pinyin(struct qb *q, struct query *r)
{
    r->pinyin_text = q->pytext.p, q->pytext.p = NULL;
    r->pinyin = malloc((q->npy ? q->npy : 1) * sizeof *r->pinyin);
    r->pinyin_words = malloc((q->npw ? q->npw : 1) * sizeof *r->pinyin_words);
    r->pinyin_sections = malloc((q->npw ? q->npw : 1) * sizeof *r->pinyin_sections);
    if (!r->pinyin || !r->pinyin_words || !r->pinyin_sections)
        return -1;
    for (size_t i = 0; i < q->npw; i++) {
        r->pinyin_words[i] = r->pinyin_text + q->pw[i].off;
        r->pinyin_sections[i] = q->pw[i].sections;
    }
    for (size_t i = 0; i < q->npy; i++)
        r->pinyin[i] = (struct query_pinyin){r->pinyin_text + q->py[i].typed,
                                             r->pinyin_words + q->py[i].first,
                                             r->pinyin_sections + q->py[i].first,
                                             q->py[i].nwords, q->py[i].literal,
                                             q->py[i].chosen};
    r->npinyin = q->npy;
    return 0;
}

/* Moves the builder's phrases and tokens into the query, pointers resolved. */
static int finish(struct qb *q, struct query *r)
{
    r->arena = q->arena.p, q->arena.p = NULL;
    r->toks = malloc((q->ntok ? q->ntok : 1) * sizeof *r->toks);
    r->phrases = malloc((q->nph ? q->nph : 1) * sizeof *r->phrases);
    if (!r->toks || !r->phrases)
        return -1;
    r->ntoks = q->ntok;
    for (size_t i = 0; i < q->ntok; i++)
        r->toks[i] = (struct query_token){r->arena + q->tok[i].off, q->tok[i].n};
    r->nphrases = 0;
    for (size_t i = 0; i < q->nph; i++) {
        struct query_phrase p = {r->toks + q->ph[i].off, (size_t)q->ph[i].n};
        size_t d = 0;
        /* The same phrase twice ("托位 托位", a variant equal to another) is kept once. */
        while (d < r->nphrases && !phrase_eq(&r->phrases[d], &p))
            d++;
        if (d == r->nphrases)
            r->phrases[r->nphrases++] = p;
    }
    return 0;
}

/* Writes sep then the word; takes both back if the word has no tokens. */
static int add_sep_term(struct qb *q, const char *sep, const struct item *x, int keep,
                        int *truncated)
{
    size_t mark = q->expr.n;
    buf_adds(&q->expr, sep);
    if ((!x->quoted && add_pinyin(q, x->s, x->e, 0, keep, truncated)) ||
        add_term(q, x->s, x->e, x->quoted, keep, truncated))
        return 1;
    q->expr.n = mark;
    if (q->expr.p)
        q->expr.p[mark] = 0;
    return 0;
}

/* Whether item x is a single syllable found nowhere as written ("tuo" of "tuo wei"). */
static int lone_syllable(struct qb *q, const struct item *x)
{
    struct pinyin_key k;
    if (x->kind != IT_WORD || x->quoted || x->neg ||
        !pinyin_key_parse(q->text + x->s, x->e - x->s, &k) || !pinyin_is_syllable(&k))
        return 0;
    double lit = q->rd->literal(q->rd->ctx, q->text + x->s, x->e - x->s, q->e);
    if (lit < 0)
        q->failed = 1;
    return lit == 0;
}

/* Writes sep and the longest run of single syllables from item i that reads as a word
 * ("tuo wei" → 托位); how many items it took, 0 if none (nothing written). */
static int add_sep_syllables(struct qb *q, const char *sep, const struct item *it, int i,
                             int nit, int *truncated)
{
    int j = i;
    while (q->rd && j < nit && j - i < QUERY_MAX_JOIN && lone_syllable(q, &it[j]))
        j++;
    for (; j >= i + 2; j--) {
        size_t mark = q->expr.n;
        buf_adds(&q->expr, sep);
        if (add_pinyin(q, it[i].s, it[j - 1].e, 1, 1, truncated))
            return j - i;
        q->expr.n = mark;
        if (q->expr.p)
            q->expr.p[mark] = 0;
    }
    return 0;
}

int query_parse(const char *text, const struct vocab *v, struct query **out,
                struct err *e)
{
    return query_parse_pinyin(text, v, NULL, out, e);
}

int query_parse_pinyin(const char *text, const struct vocab *v, const struct query_reader *rd,
                       struct query **out, struct err *e)
{
    struct query *r = calloc(1, sizeof *r);
    struct item *it = malloc(QUERY_MAX_TERMS * 2 * sizeof *it);
    struct qb q = {.text = text, .v = v, .rd = rd, .e = e};
    *out = NULL;
    if (!r || !it)
        goto oom;
    int trunc = 0, nterms = 0, npos = 0, pending_or = 0;
    int nit = lex(text, strlen(text), it, QUERY_MAX_TERMS * 2, &trunc);
    /* Positive words: runs joined by OR are groups, and the groups are AND'ed. */
    for (int i = 0; i < nit; i++) {
        if (it[i].kind == IT_OR || it[i].neg) {
            pending_or = it[i].kind == IT_OR;
            continue;
        }
        if (nterms == QUERY_MAX_TERMS) {
            trunc = 1;
            break;
        }
        const char *sep = !npos ? "((" : pending_or ? " OR " : ") AND (";
        int run = add_sep_syllables(&q, sep, it, i, nit, &trunc);
        if (run || add_sep_term(&q, sep, &it[i], 1, &trunc))
            npos++, nterms++, pending_or = 0;
        i += run ? run - 1 : 0;
    }
    if (npos) {
        buf_adds(&q.expr, "))");
        size_t mark = q.expr.n;
        int nneg = 0;
        for (int i = 0; i < nit && nterms < QUERY_MAX_TERMS; i++)
            if (it[i].kind == IT_WORD && it[i].neg &&
                add_sep_term(&q, nneg ? " OR " : " NOT (", &it[i], 0, &trunc))
                nneg++, nterms++;
        if (nneg)
            buf_adds(&q.expr, ")");
        else if (q.expr.p)
            q.expr.p[q.expr.n = mark] = 0;
    }
    if (q.failed)
        goto fail;
    if (q.oom || q.expr.oom || q.arena.oom || q.pytext.oom || finish(&q, r) ||
        finish_pinyin(&q, r))
        goto oom;
    r->nterms = nterms;
    r->truncated = trunc;
    if (npos)
        r->fts = q.expr.p, q.expr.p = NULL;
    else
        r->nphrases = 0;
    qb_free(&q);
    free(it);
    *out = r;
    return 0;
oom:
    err_set(e, "out of memory");
fail:
    qb_free(&q);
    free(it);
    query_free(&r);
    return -1;
}

void query_free(struct query **pq)
{
    struct query *q = *pq;
    if (!q)
        return;
    free(q->fts), free(q->phrases), free(q->arena), free(q->toks);
    free(q->pinyin), free(q->pinyin_text), free(q->pinyin_words), free(q->pinyin_sections);
    free(q);
    *pq = NULL;
}
