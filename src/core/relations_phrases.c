/* relations_phrases.c — the phrases two related sections share, and where a list of
 * phrases occurs in a text (the highlights of the side-by-side view). */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/tokenizer.h"
#include "relations_int.h"

/* b's bigrams of the terms a and b share, by term: a small hash of chains,
 * head[slot] → position → next[position]; a term neither shares has no slot. */
struct index {
    uint32_t *head, *term, *next;   /* head/term: per slot; next: per position of b */
    size_t mask;
    int shift;
};

/* Fibonacci hashing: the high bits of the product (term ids are consecutive numbers). */
static size_t slot_of(const struct index *x, uint32_t term)
{
    return (size_t)((term * 2654435769u) >> x->shift);
}

static size_t find(const struct index *x, uint32_t term)
{
    size_t h = slot_of(x, term);
    while (x->term[h] != UINT32_MAX && x->term[h] != term)
        h = (h + 1) & x->mask;
    return h;
}

static int index_build(struct index *x, const struct relations *m, size_t ia, size_t ib)
{
    const struct rel_entry *va = m->vec + m->vec_off[ia], *vb = m->vec + m->vec_off[ib];
    size_t na = m->vec_off[ia + 1] - m->vec_off[ia], nv = m->vec_off[ib + 1] - m->vec_off[ib];
    const struct rel_tok *b = m->toks + m->tok_off[ib];
    size_t nb = m->tok_off[ib + 1] - m->tok_off[ib], ns = 16;
    x->shift = 28;
    while (ns < 2 * (na < nv ? na : nv))
        ns *= 2, x->shift--;
    x->mask = ns - 1;
    x->head = malloc(ns * sizeof *x->head);
    x->term = malloc(ns * sizeof *x->term);
    x->next = malloc((nb + 1) * sizeof *x->next);
    if (!x->head || !x->term || !x->next)
        return -1;
    memset(x->head, 0xff, ns * sizeof *x->head);
    memset(x->term, 0xff, ns * sizeof *x->term);
    for (size_t i = 0, j = 0; i < na && j < nv;) {   /* the shared terms: a merge */
        if (va[i].term < vb[j].term)
            i++;
        else if (va[i].term > vb[j].term)
            j++;
        else
            x->term[find(x, va[i].term)] = va[i].term, i++, j++;
    }
    for (size_t k = nb; k-- > 0;) {      /* backwards, so chains run in reading order */
        size_t h;
        if (b[k].bigram && x->term[h = find(x, b[k].term)] == b[k].term)
            x->next[k] = x->head[h], x->head[h] = (uint32_t)k;
    }
    return 0;
}

static uint32_t index_first(const struct index *x, uint32_t term)
{
    size_t h = find(x, term);
    return x->term[h] == term ? x->head[h] : UINT32_MAX;
}

static void index_free(struct index *x)
{
    free(x->head), free(x->term), free(x->next);
}

struct phrase {
    size_t at, len;      /* tokens of a */
    double weight;
    char *text;
};

static const char *part_text(const struct relations_section *s, int part)
{
    return part ? s->text : s->title;
}

/* The phrase as a writes it, without the whitespace inside. */
static char *phrase_text(const struct relations_section *s, const struct rel_tok *t, size_t len)
{
    const char *src = part_text(s, t[0].part);
    size_t from = t[0].start, to = t[len - 1].start + t[len - 1].len;
    char *out = malloc(to - from + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t k = from; k < to; k++)
        if (src[k] != ' ' && src[k] != '\t' && src[k] != '\n' && src[k] != '\r')
            *o++ = src[k];
    *o = 0;
    return out;
}

static int by_weight(const void *x, const void *y)
{
    const struct phrase *a = x, *b = y;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* The runs of a found in b. From a's last token back, the match starting at (i, j) is one
 * token longer than the one at (i + 1, j + 1) when both continue their runs: lens[j]
 * holds it, valid when stamp[j] says it is for i (j's are visited in increasing order, so
 * the values for i + 1 that are still to be read are never overwritten first). A run is
 * kept at the first token of a's runs where it is longest, when rare enough. */
static int find_runs(const struct relations *m, size_t ia, size_t ib, struct phrase **out,
                     size_t *nout)
{
    const struct rel_tok *a = m->toks + m->tok_off[ia], *b = m->toks + m->tok_off[ib];
    size_t na = m->tok_off[ia + 1] - m->tok_off[ia], nb = m->tok_off[ib + 1] - m->tok_off[ib];
    struct index x = {0};
    size_t cap = 0, *best = malloc((na + 1) * sizeof *best);
    uint32_t *lens = malloc((nb + 1) * sizeof *lens), *stamp = malloc((nb + 1) * sizeof *stamp);
    int rc = best && lens && stamp && index_build(&x, m, ia, ib) == 0 ? 0 : -1;
    *out = NULL, *nout = 0;
    if (rc == 0)
        memset(stamp, 0xff, (nb + 1) * sizeof *stamp);
    for (size_t i = na; rc == 0 && i-- > 0;) {
        best[i] = 0;
        if (!a[i].bigram)
            continue;
        int a_next = i + 1 < na && rel_tok_joined(a, i + 1);
        for (uint32_t j = index_first(&x, a[i].term); j != UINT32_MAX; j = x.next[j]) {
            uint32_t L = 1;
            if (a_next && j + 1 < nb && stamp[j + 1] == i + 1 && rel_tok_joined(b, j + 1))
                L += lens[j + 1];
            lens[j] = L, stamp[j] = (uint32_t)i;
            best[i] = L > best[i] ? L : best[i];
        }
    }
    for (size_t i = 0; rc == 0 && i < na; i++) {
        /* the tail of the run found one token earlier is not a run of its own */
        if (best[i] < 2 || (i > 0 && rel_tok_joined(a, i) && best[i - 1] == best[i] + 1))
            continue;
        double w = 0;
        for (size_t k = i; k < i + best[i]; k++)
            w += m->idf[a[k].term];
        if (w < RELATIONS_PHRASE_IDF * (double)best[i])
            continue;
        if (array_grow((void **)out, &cap, *nout + 1, sizeof **out) < 0)
            rc = -1;
        else
            (*out)[(*nout)++] = (struct phrase){i, best[i], w, NULL};
    }
    index_free(&x);
    free(best), free(lens), free(stamp);
    return rc;
}

/* Whether the phrase is one already kept or lies inside one. */
static int kept_already(const struct phrase *p, size_t n, const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(p[i].text, text))
            return 1;
    return 0;
}

char *relations_shared(const struct relations *m, size_t a, size_t b)
{
    struct phrase *runs;
    size_t n, kept = 0, len = 0;
    if (find_runs(m, a, b, &runs, &n) < 0)
        return free(runs), NULL;
    if (n)
        qsort(runs, n, sizeof *runs, by_weight);
    int failed = 0;
    for (size_t i = 0; i < n && kept < RELATIONS_MAX_PHRASES && !failed; i++) {
        char *t = phrase_text(&m->secs[a], m->toks + m->tok_off[a] + runs[i].at, runs[i].len);
        if (!t)
            failed = 1;
        else if (kept_already(runs, kept, t))
            free(t);
        else
            runs[kept] = runs[i], runs[kept++].text = t, len += strlen(t) + 1;
    }
    char *out = failed ? NULL : malloc(len + 1);
    if (out) {
        out[0] = 0;
        for (size_t i = 0, at = 0; i < kept; i++) {
            size_t l = strlen(runs[i].text);
            if (i)
                out[at++] = ' ';
            memcpy(out + at, runs[i].text, l + 1);
            at += l;
        }
    }
    for (size_t i = 0; i < kept; i++)
        free(runs[i].text);
    free(runs);
    return out;
}

/* ---- where phrases occur ---- */

/* A token of a text being searched: its folded bytes in the token list's byte pool. */
struct ftok {
    uint32_t at, start;   /* folded bytes: bytes + at; span in the text: start .. + len */
    uint16_t len;
    uint8_t nbytes, bigram;
};

struct ftoks {
    struct ftok *t;
    size_t n, cap;
    char *bytes;
    size_t nbytes, bcap;
    int failed;
};

static int collect_tok(void *ctx, int flags, const char *tok, int n, int start, int end)
{
    struct ftoks *x = ctx;
    if ((flags & TOKEN_COLOCATED) || n <= 0 || rel_single_cjk(tok, n))
        return 0;
    if (array_grow((void **)&x->t, &x->cap, x->n + 1, sizeof *x->t) < 0 ||
        array_grow((void **)&x->bytes, &x->bcap, x->nbytes + (size_t)n, 1) < 0)
        return x->failed = 1;
    x->t[x->n++] = (struct ftok){(uint32_t)x->nbytes, (uint32_t)start, (uint16_t)(end - start),
                                 (uint8_t)n, (uint8_t)rel_is_bigram(tok, n)};
    memcpy(x->bytes + x->nbytes, tok, (size_t)n);
    x->nbytes += (size_t)n;
    return 0;
}

static int same_tok(const struct ftoks *x, size_t i, const struct ftoks *y, size_t j)
{
    return x->t[i].nbytes == y->t[j].nbytes &&
           !memcmp(x->bytes + x->t[i].at, y->bytes + y->t[j].at, x->t[i].nbytes);
}

/* Whether token k follows token k - 1 inside one run of characters. */
static int joined(const struct ftok *t, size_t k)
{
    return t[k].bigram && t[k - 1].bigram && t[k].start < t[k - 1].start + t[k - 1].len;
}

static int add_span(struct search_span **spans, size_t *n, size_t *cap, uint32_t s, uint32_t e)
{
    if (array_grow((void **)spans, cap, *n + 1, sizeof **spans) < 0)
        return -1;
    (*spans)[(*n)++] = (struct search_span){s, e};
    return 0;
}

/* Every occurrence of the phrase's tokens, in one run, among the text's tokens. */
static int find_phrase(const struct ftoks *ph, const struct ftoks *tx, struct search_span **spans,
                       size_t *n, size_t *cap)
{
    for (size_t i = 0; ph->n && i + ph->n <= tx->n; i++) {
        size_t k = 0;
        while (k < ph->n && same_tok(ph, k, tx, i + k) && (k == 0 || joined(tx->t, i + k)))
            k++;
        if (k == ph->n) {
            const struct ftok *last = &tx->t[i + k - 1];
            if (add_span(spans, n, cap, tx->t[i].start, last->start + last->len) < 0)
                return -1;
        }
    }
    return 0;
}

static int by_start(const void *a, const void *b)
{
    const struct search_span *x = a, *y = b;
    return x->start != y->start ? (x->start < y->start ? -1 : 1)
                                : (x->end < y->end ? -1 : x->end > y->end);
}

static size_t merge_spans(struct search_span *s, size_t n)
{
    size_t out = 0;
    if (!n)
        return 0;
    qsort(s, n, sizeof *s, by_start);
    for (size_t i = 0; i < n; i++) {
        if (out && s[i].start <= s[out - 1].end) {
            if (s[i].end > s[out - 1].end)
                s[out - 1].end = s[i].end;
        } else {
            s[out++] = s[i];
        }
    }
    return out;
}

int relations_spans(const char *shared, const char *text, size_t n, struct search_span **spans,
                    size_t *nspans)
{
    struct ftoks tx = {0}, ph = {0};
    size_t cap = 0;
    int rc = 0;
    *spans = NULL, *nspans = 0;
    if (n > 0x7fffffff)
        n = 0x7fffffff;
    tokenizer_run(text, (int)n, TOKENIZER_DOCUMENT, collect_tok, &tx);
    for (const char *p = shared; p && *p && !tx.failed && rc == 0;) {
        size_t len = strcspn(p, " ");
        ph.n = ph.nbytes = 0;
        if (len)
            tokenizer_run(p, (int)len, TOKENIZER_DOCUMENT, collect_tok, &ph);
        rc = ph.failed ? -1 : find_phrase(&ph, &tx, spans, nspans, &cap);
        p += len;
        p += *p == ' ';
    }
    if (tx.failed)
        rc = -1;
    free(tx.t), free(tx.bytes), free(ph.t), free(ph.bytes);
    if (rc < 0) {
        free(*spans);
        *spans = NULL, *nspans = 0;
        return -1;
    }
    *nspans = merge_spans(*spans, *nspans);
    return 0;
}
