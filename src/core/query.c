/* query.c — the search prompt's language, parsed into a safe FTS5 expression. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/array.h"
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

struct qb {
    const char *text;
    const struct vocab *v;
    struct buf expr, arena;
    struct span *tok;
    size_t ntok, captok;
    struct span *ph;          /* first token, count */
    size_t nph, capph;
    int oom;
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
    if (add_term(q, x->s, x->e, x->quoted, keep, truncated))
        return 1;
    q->expr.n = mark;
    if (q->expr.p)
        q->expr.p[mark] = 0;
    return 0;
}

int query_parse(const char *text, const struct vocab *v, struct query **out,
                struct err *e)
{
    struct query *r = calloc(1, sizeof *r);
    struct item *it = malloc(QUERY_MAX_TERMS * 2 * sizeof *it);
    struct qb q = {.text = text, .v = v};
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
        if (add_sep_term(&q, sep, &it[i], 1, &trunc))
            npos++, nterms++, pending_or = 0;
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
    if (q.oom || q.expr.oom || q.arena.oom || finish(&q, r))
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
    qb_free(&q);
    free(it);
    query_free(&r);
    err_set(e, "out of memory");
    return -1;
}

void query_free(struct query **pq)
{
    struct query *q = *pq;
    if (!q)
        return;
    free(q->fts), free(q->phrases), free(q->arena), free(q->toks);
    free(q);
    *pq = NULL;
}
