/* relations.c — the relations model: folded tokens per section, TF-IDF vectors, each
 * section's background, and the related pairs found through an inverted index. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "gongfu/tokenizer.h"
#include "relations_int.h"

/* ---- tokens ---- */

/* The length of the UTF-8 character at s when it is CJK (U+2E80 and up: E2 BA 80 …), else
 * 0. Tokens are valid UTF-8, so the lead byte tells the length. */
static int cjk_len(const unsigned char *s, int n)
{
    if (n >= 4 && s[0] >= 0xF0)
        return 4;
    if (n >= 3 && s[0] >= 0xE0 && (s[0] > 0xE2 || (s[0] == 0xE2 && s[1] >= 0xBA)))
        return 3;
    return 0;
}

int rel_single_cjk(const char *tok, int n)
{
    return cjk_len((const unsigned char *)tok, n) == n;
}

int rel_is_bigram(const char *tok, int n)
{
    const unsigned char *s = (const unsigned char *)tok;
    int a = cjk_len(s, n);
    return a && a < n && cjk_len(s + a, n - a) == n - a;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static int grow_slots(struct relations *m)
{
    size_t ns = m->nslots ? m->nslots * 2 : 4096;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t t = 0; t < m->nterms; t++) {
        size_t h = hash_bytes(m->pool + m->term_off[t], m->term_len[t]) & (ns - 1);
        while (slots[h])
            h = (h + 1) & (ns - 1);
        slots[h] = (uint32_t)t + 1;
    }
    free(m->slots);
    m->slots = slots;
    m->nslots = ns;
    return 0;
}

/* The term id of a token's text, added to the vocabulary if new; -1 when out of memory. */
static int64_t term_id(struct relations *m, const char *tok, int n)
{
    if (2 * (m->nterms + 1) > m->nslots && grow_slots(m) < 0)
        return -1;
    size_t h = hash_bytes(tok, (size_t)n) & (m->nslots - 1);
    for (; m->slots[h]; h = (h + 1) & (m->nslots - 1)) {
        uint32_t t = m->slots[h] - 1;
        if (m->term_len[t] == n && !memcmp(m->pool + m->term_off[t], tok, (size_t)n))
            return t;
    }
    size_t t = m->nterms;
    if (array_grow((void **)&m->term_off, &m->terms_cap, t + 1, sizeof *m->term_off) < 0)
        return -1;
    size_t cap = m->terms_cap;
    void *len = realloc(m->term_len, cap * sizeof *m->term_len);
    if (!len)
        return -1;
    m->term_len = len;
    if (array_grow((void **)&m->pool, &m->pool_cap, m->pool_len + (size_t)n, 1) < 0)
        return -1;
    memcpy(m->pool + m->pool_len, tok, (size_t)n);
    m->term_off[t] = (uint32_t)m->pool_len;
    m->term_len[t] = (uint8_t)n;
    m->pool_len += (size_t)n;
    m->nterms++;
    m->slots[h] = (uint32_t)t + 1;
    return (int64_t)t;
}

struct tok_ctx {
    struct relations *m;
    uint8_t part;
    int failed;
};

static int on_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
    struct tok_ctx *c = ctx;
    struct relations *m = c->m;
    (void)end;
    if ((flags & TOKEN_COLOCATED) || n <= 0 || rel_single_cjk(tok, n))
        return 0;
    int64_t t = term_id(m, tok, n);
    if (t < 0 || array_grow((void **)&m->toks, &m->toks_cap, m->ntoks + 1, sizeof *m->toks) < 0)
        return c->failed = 1;
    m->toks[m->ntoks++] = (struct rel_tok){(uint32_t)t, (uint32_t)start,
                                           (uint16_t)(end - start), c->part,
                                           (uint8_t)rel_is_bigram(tok, n)};
    return 0;
}

static int tokenize(struct relations *m, struct err *e)
{
    for (size_t i = 0; i < m->n; i++) {
        m->tok_off[i] = m->ntoks;
        const char *parts[2] = {m->secs[i].title, m->secs[i].text};
        for (uint8_t p = 0; p < 2; p++) {
            struct tok_ctx c = {m, p, 0};
            size_t len = parts[p] ? strlen(parts[p]) : 0;
            if (len > 0x7fffffff)
                len = 0x7fffffff;
            if (len)
                tokenizer_run(parts[p], (int)len, TOKENIZER_DOCUMENT, on_token, &c);
            if (c.failed)
                return err_set(e, "out of memory"), -1;
        }
    }
    m->tok_off[m->n] = m->ntoks;
    /* The array grew by doubling: up to half of it is unused, on the import's peak. */
    struct rel_tok *fit = realloc(m->toks, (m->ntoks + 1) * sizeof *m->toks);
    if (fit)
        m->toks = fit, m->toks_cap = m->ntoks + 1;
    return 0;
}

/* ---- vectors ---- */

/* Sorts v[0..n) in increasing order: least-significant-byte radix sort through tmp. */
static void sort_u32(uint32_t *v, uint32_t *tmp, size_t n)
{
    for (int shift = 0; shift < 32; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[(v[i] >> shift & 0xff) + 1]++;
        if (count[1] == n)       /* every key has this byte 0: nothing to move */
            continue;
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            tmp[count[v[i] >> shift & 0xff]++] = v[i];
        memcpy(v, tmp, n * sizeof *v);
    }
}

/* Each section's distinct terms (in increasing order, for merging) with their counts,
 * and every term's df. */
static int count_terms(struct relations *m, struct err *e)
{
    uint32_t *last = malloc((m->nterms + 1) * sizeof *last);
    if (!last)
        return err_set(e, "out of memory"), -1;
    /* First the sizes: all the vectors' entries, and the most distinct terms a section
     * has (the work arrays are that big, not as big as all the tokens: the import's peak). */
    memset(last, 0xff, (m->nterms + 1) * sizeof *last);
    size_t total = 0, most = 0;
    for (size_t i = 0; i < m->n; i++) {
        size_t k = 0;
        for (size_t j = m->tok_off[i]; j < m->tok_off[i + 1]; j++)
            if (last[m->toks[j].term] != (uint32_t)i)
                last[m->toks[j].term] = (uint32_t)i, k++;
        total += k;
        most = k > most ? k : most;
    }
    uint32_t *terms = malloc((most + 1) * sizeof *terms);
    uint32_t *tmp = malloc((most + 1) * sizeof *tmp);
    float *tf = calloc(m->nterms + 1, sizeof *tf);
    m->vec = malloc((total + 1) * sizeof *m->vec);
    m->df = calloc(m->nterms + 1, sizeof *m->df);
    if (!terms || !tmp || !tf || !m->vec || !m->df) {
        free(last), free(terms), free(tmp), free(tf);
        return err_set(e, "out of memory"), -1;
    }
    memset(last, 0xff, (m->nterms + 1) * sizeof *last);
    size_t nv = 0;
    for (size_t i = 0; i < m->n; i++) {
        size_t k = 0;
        for (size_t j = m->tok_off[i]; j < m->tok_off[i + 1]; j++) {
            uint32_t t = m->toks[j].term;
            if (last[t] != (uint32_t)i)
                last[t] = (uint32_t)i, terms[k++] = t;
            tf[t]++;
        }
        sort_u32(terms, tmp, k);
        m->vec_off[i] = nv;
        for (size_t j = 0; j < k; j++) {
            m->vec[nv++] = (struct rel_entry){terms[j], tf[terms[j]]};
            m->df[terms[j]]++, tf[terms[j]] = 0;
        }
    }
    m->vec_off[m->n] = nv;
    free(last), free(terms), free(tmp), free(tf);
    return 0;
}

/* TF-IDF weights, normalised; the vectors are packed again without the terms found in
 * every section (they weigh nothing). */
static void weigh(struct relations *m)
{
    double n = (double)(m->given ? m->given->sections : m->n);
    for (size_t t = 0; t < m->nterms; t++)
        m->idf[t] = m->df[t] ? (float)log(n / m->df[t]) : 0;
    size_t out = 0, from = 0;
    for (size_t i = 0; i < m->n; i++) {
        size_t to = m->vec_off[i + 1], first = out;
        double norm = 0;
        for (size_t k = from; k < to; k++) {
            struct rel_entry v = m->vec[k];
            float w = (1 + logf(v.w)) * m->idf[v.term];
            if (w > 0)
                m->vec[out++] = (struct rel_entry){v.term, w}, norm += (double)w * w;
        }
        norm = sqrt(norm);
        for (size_t k = first; k < out; k++)
            m->vec[k].w = (float)(m->vec[k].w / norm);
        m->vec_off[i] = first;
        from = to;
    }
    m->vec_off[m->n] = out;
}

double relations_score(const struct relations *m, size_t a, size_t b)
{
    const struct rel_entry *x = m->vec + m->vec_off[a], *y = m->vec + m->vec_off[b];
    size_t nx = m->vec_off[a + 1] - m->vec_off[a], ny = m->vec_off[b + 1] - m->vec_off[b];
    size_t i = 0, j = 0;
    double s = 0;
    while (i < nx && j < ny) {
        if (x[i].term < y[j].term)
            i++;
        else if (x[i].term > y[j].term)
            j++;
        else
            s += (double)x[i++].w * y[j++].w;
    }
    return s;
}

double relations_background(const struct relations *m, size_t a)
{
    return m->background[a];
}

/* ---- backgrounds ---- */

static const struct relations *sort_model;

static int by_kind_doc(const void *a, const void *b)
{
    const struct relations_section *x = &sort_model->secs[*(const size_t *)a];
    const struct relations_section *y = &sort_model->secs[*(const size_t *)b];
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

static void add_vec(const struct relations *m, size_t i, double *sum, double sign)
{
    for (size_t k = m->vec_off[i]; k < m->vec_off[i + 1]; k++)
        sum[m->vec[k].term] += sign * m->vec[k].w;
}

static double dot_dense(const struct relations *m, size_t i, const double *sum)
{
    double s = 0;
    for (size_t k = m->vec_off[i]; k < m->vec_off[i + 1]; k++)
        s += m->vec[k].w * sum[m->vec[k].term];
    return s;
}

/* The mean score of a against the other documents' sections of its kind is a · (the sum
 * of those sections' vectors) / their number: one dense sum per kind and one per
 * document, in time linear in the vectors' size. */
static void kind_backgrounds(struct relations *m, const size_t *idx, size_t n, double *total,
                             double *own)
{
    for (size_t k = 0; k < n; k++)
        add_vec(m, idx[k], total, 1);
    double sum = 0;
    for (size_t g = 0; g < n;) {
        size_t end = g;
        while (end < n && m->secs[idx[end]].doc == m->secs[idx[g]].doc)
            end++;
        for (size_t k = g; k < end; k++)
            add_vec(m, idx[k], own, 1);
        size_t others = n - (end - g);
        for (size_t k = g; k < end; k++) {
            size_t i = idx[k];
            m->background[i] = others ? (dot_dense(m, i, total) - dot_dense(m, i, own)) / others
                                      : 0;
            sum += m->background[i];
        }
        for (size_t k = g; k < end; k++)     /* back to zeros, for the next document */
            for (size_t v = m->vec_off[idx[k]]; v < m->vec_off[idx[k] + 1]; v++)
                own[m->vec[v].term] = 0;
        g = end;
    }
    double floor = n ? sum / (double)n / 2 : 0;
    for (size_t k = 0; k < n; k++)
        if (m->background[idx[k]] < floor)
            m->background[idx[k]] = floor;
    for (size_t v = 0; v < m->nterms; v++)
        total[v] = 0;
}

static int backgrounds(struct relations *m, struct err *e)
{
    size_t *idx = malloc((m->n + 1) * sizeof *idx);
    double *total = calloc(m->nterms + 1, sizeof *total);
    double *own = calloc(m->nterms + 1, sizeof *own);
    if (!idx || !total || !own) {
        free(idx), free(total), free(own);
        return err_set(e, "out of memory"), -1;
    }
    for (size_t i = 0; i < m->n; i++)
        idx[i] = i;
    sort_model = m;
    qsort(idx, m->n, sizeof *idx, by_kind_doc);
    for (size_t g = 0; g < m->n;) {
        size_t end = g;
        while (end < m->n && m->secs[idx[end]].kind == m->secs[idx[g]].kind)
            end++;
        int one_doc = m->secs[idx[g]].doc == m->secs[idx[end - 1]].doc;
        if (one_doc)
            for (size_t k = g; k < end; k++)
                m->background[idx[k]] = 0;
        else
            kind_backgrounds(m, idx + g, end - g, total, own);
        g = end;
    }
    free(idx), free(total), free(own);
    return 0;
}

/* ---- building ---- */

static int build(struct relations *m, struct err *e)
{
    size_t n = m->n;
    m->tok_off = calloc(n + 1, sizeof *m->tok_off);
    m->vec_off = calloc(n + 1, sizeof *m->vec_off);
    m->background = calloc(n + 1, sizeof *m->background);
    if (!m->tok_off || !m->vec_off || !m->background)
        return err_set(e, "out of memory"), -1;
    if (tokenize(m, e) < 0 || count_terms(m, e) < 0)
        return -1;
    if (!(m->idf = calloc(m->nterms + 1, sizeof *m->idf)))
        return err_set(e, "out of memory"), -1;
    /* Only a term two of these sections share can be in a phrase: the corpus's df for those. */
    for (size_t t = 0; m->given && t < m->nterms; t++) {
        const char *term = m->pool + m->term_off[t];
        uint32_t d = m->df[t] >= 2 && rel_is_bigram(term, m->term_len[t])
                         ? m->given->df(m->given->ctx, term, m->term_len[t]) : 0;
        if (d)
            m->df[t] = d;
    }
    weigh(m);
    if (rel_docs_build(m) < 0)
        return err_set(e, "out of memory"), -1;
    return backgrounds(m, e);
}

int relations_build(const struct relations_section *s, size_t n, struct relations **out,
                    struct err *e)
{
    return relations_build_df(s, n, NULL, out, e);
}

static const struct relations *sort_terms_model;

static int by_bytes(const void *x, const void *y)
{
    const struct relations *m = sort_terms_model;
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    size_t la = m->term_len[a], lb = m->term_len[b];
    int c = memcmp(m->pool + m->term_off[a], m->pool + m->term_off[b], la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

int relations_each_df(const struct relations *m, const struct relations_pair *p, size_t np,
                      int (*f)(void *ctx, const char *term, size_t len, uint32_t df), void *ctx)
{
    uint8_t *mark = calloc(m->nterms + 1, 1);
    uint32_t *list = malloc((m->nterms + 1) * sizeof *list);
    if (!mark || !list) {
        free(mark), free(list);
        return -1;
    }
    for (size_t k = 0; k < np; k++) {    /* the terms some related pair shares */
        const struct rel_entry *x = m->vec + m->vec_off[p[k].from];
        const struct rel_entry *y = m->vec + m->vec_off[p[k].to];
        const struct rel_entry *xe = m->vec + m->vec_off[p[k].from + 1];
        const struct rel_entry *ye = m->vec + m->vec_off[p[k].to + 1];
        while (x < xe && y < ye)
            if (x->term < y->term)
                x++;
            else if (x->term > y->term)
                y++;
            else
                mark[x->term] = 1, x++, y++;
    }
    size_t n = 0;
    for (uint32_t t = 0; t < m->nterms; t++)
        if (mark[t] && rel_is_bigram(m->pool + m->term_off[t], m->term_len[t]))
            list[n++] = t;
    /* In the order of their bytes: the table's B-tree is filled from one end. */
    sort_terms_model = m;
    qsort(list, n, sizeof *list, by_bytes);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = f(ctx, m->pool + m->term_off[list[k]], m->term_len[list[k]], m->df[list[k]]);
    free(mark), free(list);
    return rc;
}

int relations_build_df(const struct relations_section *s, size_t n, const struct relations_df *df,
                       struct relations **out, struct err *e)
{
    struct relations *m = calloc(1, sizeof *m);
    *out = NULL;
    if (!m)
        return err_set(e, "out of memory"), -1;
    m->secs = s;
    m->n = n;
    m->given = df;
    if (build(m, e) < 0) {
        relations_free(&m);
        return -1;
    }
    *out = m;
    return 0;
}

void relations_free(struct relations **m)
{
    struct relations *r = *m;
    if (!r)
        return;
    free(r->pool), free(r->term_off), free(r->slots), free(r->term_len), free(r->df);
    free(r->idf), free(r->toks), free(r->tok_off), free(r->vec), free(r->vec_off);
    free(r->background), free(r->docs.off), free(r->docs.sec), free(r->doc_of);
    free(r);
    *m = NULL;
}
