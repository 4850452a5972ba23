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

/* The vocabulary's per-term arrays (term_len, df, the tf of the section being counted)
 * grow with term_off. */
static int grow_terms(struct relations *m, size_t need)
{
    size_t old = m->terms_cap;
    if (array_grow((void **)&m->term_off, &m->terms_cap, need, sizeof *m->term_off) < 0)
        return -1;
    if (m->terms_cap == old)
        return 0;
    size_t cap = m->terms_cap;
    void *len = realloc(m->term_len, cap * sizeof *m->term_len);
    if (len)
        m->term_len = len;
    void *df = realloc(m->df, cap * sizeof *m->df);
    if (df)
        m->df = df, memset(m->df + old, 0, (cap - old) * sizeof *m->df);
    void *tf = realloc(m->tf, cap * sizeof *m->tf);
    if (tf)
        m->tf = tf, memset(m->tf + old, 0, (cap - old) * sizeof *m->tf);
    return len && df && tf ? 0 : -1;
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
    if (grow_terms(m, t + 1) < 0 ||
        array_grow((void **)&m->pool, &m->pool_cap, m->pool_len + (size_t)n, 1) < 0)
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

/* The vectors written to the file a run at a time. */
#define SPILL_RUN 65536

static int flush_spill(struct relations *m)
{
    size_t n = m->vec_off[m->n] - m->spill.nent;
    return n ? rel_spill_write(&m->spill, m->vec, n, m->spill.nent) : 0;
}

/* Section s as section m->n: its tokens, then its vector (its distinct terms in increasing
 * order, for merging, with their counts) after the others', and its terms' df. Only a
 * model that keeps its tokens (for relations_shared) keeps more than one section's. */
static int add_section(struct relations *m, const struct relations_section *s, struct err *e)
{
    size_t i = m->n;
    if (!m->keep_toks)
        m->ntoks = 0;
    size_t first = m->ntoks;
    const char *parts[2] = {s->title, s->text};
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
    size_t k = 0, ntok = m->ntoks - first;
    if (array_grow((void **)&m->terms, &m->terms_cap2, ntok + 1, sizeof *m->terms) < 0 ||
        array_grow((void **)&m->terms_tmp, &m->terms_tmp_cap, ntok + 1, sizeof *m->terms) < 0)
        return err_set(e, "out of memory"), -1;
    for (size_t j = first; j < m->ntoks; j++) {
        uint32_t t = m->toks[j].term;
        if (m->tf[t] == 0)
            m->terms[k++] = t;
        m->tf[t]++;
    }
    sort_u32(m->terms, m->terms_tmp, k);
    size_t at = m->vec_off[i], local = m->spill.fd >= 0 ? at - m->spill.nent : at;
    if (array_grow((void **)&m->vec, &m->vec_cap, local + k + 1, sizeof *m->vec) < 0)
        return err_set(e, "out of memory"), -1;
    for (size_t j = 0; j < k; j++) {
        m->vec[local + j] = (struct rel_entry){m->terms[j], m->tf[m->terms[j]]};
        m->df[m->terms[j]]++, m->tf[m->terms[j]] = 0;
    }
    m->vec_off[i + 1] = at + k;
    if (m->keep_toks)
        m->tok_off[i + 1] = m->ntoks;
    m->n++;
    if (m->spill.fd >= 0 && local + k >= SPILL_RUN) {
        if (flush_spill(m) < 0)
            return err_set(e, "relations: cannot write the vectors' file"), -1;
        m->spill.nent = at + k;
    }
    return 0;
}

/* Section entries src[0..n) weighed: TF-IDF, normalised, into dst (dst <= src), without
 * the terms found in every section (they weigh nothing). Their number. */
static size_t weigh_one(const struct relations *m, const struct rel_entry *src, size_t n,
                        struct rel_entry *dst)
{
    size_t out = 0;
    double norm = 0;
    for (size_t k = 0; k < n; k++) {
        struct rel_entry v = src[k];
        float w = (1 + logf(v.w)) * m->idf[v.term];
        if (w > 0)
            dst[out++] = (struct rel_entry){v.term, w}, norm += (double)w * w;
    }
    norm = sqrt(norm);
    for (size_t k = 0; k < out; k++)
        dst[k].w = (float)(dst[k].w / norm);
    return out;
}

/* Every vector weighed, packed again: in memory in place, in the file a document at a
 * time (read, weighed, written back where the packed vectors have got to). */
static int weigh(struct relations *m)
{
    double n = (double)(m->given ? m->given->sections : m->n);
    for (size_t t = 0; t < m->nterms; t++)
        m->idf[t] = m->df[t] ? (float)log(n / m->df[t]) : 0;
    size_t out = 0;
    if (m->spill.fd < 0) {
        for (size_t i = 0, from = 0; i < m->n; i++) {
            size_t to = m->vec_off[i + 1];
            m->vec_off[i] = out;
            out += weigh_one(m, m->vec + from, to - from, m->vec + out);
            from = to;
        }
        m->vec_off[m->n] = out;
        return 0;
    }
    const struct rel_docs *d = &m->docs;
    for (size_t k = 0; k < d->n; k++) {
        size_t first = d->sec[d->off[k]], end = d->sec[d->off[k + 1] - 1] + 1;
        size_t from = m->vec_off[first], to = m->vec_off[end], start = out;
        if (array_grow((void **)&m->vec, &m->vec_cap, to - from + 1, sizeof *m->vec) < 0 ||
            rel_spill_read(&m->spill, m->vec, to - from, from) < 0)
            return -1;
        size_t packed = 0;
        for (size_t i = first; i < end; i++) {
            size_t a = m->vec_off[i] - from, b = m->vec_off[i + 1] - from;
            m->vec_off[i] = out;
            size_t w = weigh_one(m, m->vec + a, b - a, m->vec + packed);
            packed += w, out += w;
        }
        if (packed && rel_spill_write(&m->spill, m->vec, packed, start) < 0)
            return -1;
    }
    m->vec_off[m->n] = out;
    m->spill.nent = out;
    /* The file is read back a window at a time from now on. */
    free(m->vec), m->vec = NULL, m->vec_cap = 0;
    return 0;
}

double relations_score(const struct relations *m, size_t a, size_t b)
{
    struct rel_window wa = {0}, wb = {0};
    if (rel_window_sec(m, &wa, a) < 0 || rel_window_sec(m, &wb, b) < 0)
        return rel_window_free(&wa), rel_window_free(&wb), 0;
    const struct rel_entry *x = rel_vec(m, &wa, a), *y = rel_vec(m, &wb, b);
    size_t nx = rel_vec_len(m, a), ny = rel_vec_len(m, b);
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
    rel_window_free(&wa), rel_window_free(&wb);
    return s;
}

/* ---- building ---- */

/* A spilled model whose next section's document is not the last one nor a later one
 * cannot read its documents back as runs of the file: its vectors come back to memory. */
static int unspill(struct relations *m)
{
    size_t done = m->spill.nent, held = m->vec_off[m->n] - done, cap = done + held + 1;
    struct rel_entry *v = malloc(cap * sizeof *v);
    if (!v || rel_spill_read(&m->spill, v, done, 0) < 0)
        return free(v), -1;
    memcpy(v + done, m->vec, held * sizeof *v);
    free(m->vec);
    m->vec = v, m->vec_cap = cap;
    rel_spill_close(&m->spill);
    return 0;
}

/* Room for section m->n; a stream's sections are kept (doc and kind) in own_secs. */
static int make_room(struct relations *m, size_t *cap, const struct relations_section *s)
{
    size_t need = m->n + 2;
    if (*cap < need) {
        size_t c = *cap;
        if (array_grow((void **)&m->vec_off, &c, need, sizeof *m->vec_off) < 0)
            return -1;
        if (!*cap)
            m->vec_off[0] = 0;
        if (m->own_secs) {
            void *p = realloc(m->own_secs, c * sizeof *m->own_secs);
            if (!p)
                return -1;
            m->secs = m->own_secs = p;
        }
        *cap = c;
    }
    if (m->own_secs)
        m->own_secs[m->n] = (struct relations_section){s->doc, s->kind, NULL, NULL};
    if (m->spill.fd >= 0 && m->n && s->doc < m->secs[m->n - 1].doc)
        return unspill(m);
    return 0;
}

/* IDF, weights, documents and backgrounds, once every section is in. */
static int finish(struct relations *m, struct err *e)
{
    if (m->spill.fd >= 0 && flush_spill(m) < 0)
        return err_set(e, "relations: cannot write the vectors' file"), -1;
    free(m->tf), m->tf = NULL;
    free(m->terms), m->terms = NULL;
    free(m->terms_tmp), m->terms_tmp = NULL;
    if (!m->keep_toks)
        free(m->toks), m->toks = NULL, m->ntoks = m->toks_cap = 0;
    m->idf = calloc(m->nterms + 1, sizeof *m->idf);
    m->background = calloc(m->n + 1, sizeof *m->background);
    if (!m->idf || !m->background || !m->vec_off)
        return err_set(e, "out of memory"), -1;
    /* Only a term two of these sections share can be in a phrase: the corpus's df for those. */
    for (size_t t = 0; m->given && t < m->nterms; t++) {
        const char *term = m->pool + m->term_off[t];
        uint32_t d = m->df[t] >= 2 && rel_is_bigram(term, m->term_len[t])
                         ? m->given->df(m->given->ctx, term, m->term_len[t]) : 0;
        if (d)
            m->df[t] = d;
    }
    if (rel_docs_build(m) < 0 || weigh(m) < 0)
        return err_set(e, "out of memory"), -1;
    return rel_backgrounds(m, e);
}

static struct relations *model_new(void)
{
    struct relations *m = calloc(1, sizeof *m);
    if (m)
        m->spill.fd = -1;
    return m;
}

int relations_build(const struct relations_section *s, size_t n, struct relations **out,
                    struct err *e)
{
    return relations_build_df(s, n, NULL, out, e);
}

int relations_build_df(const struct relations_section *s, size_t n, const struct relations_df *df,
                       struct relations **out, struct err *e)
{
    struct relations *m = model_new();
    *out = NULL;
    if (!m)
        return err_set(e, "out of memory"), -1;
    m->secs = s;
    m->given = df;
    m->keep_toks = 1;
    m->vec_off = calloc(n + 2, sizeof *m->vec_off);
    m->tok_off = calloc(n + 2, sizeof *m->tok_off);
    int rc = m->vec_off && m->tok_off ? 0 : (err_set(e, "out of memory"), -1);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = add_section(m, &s[i], e);
    if (rc == 0)
        rc = finish(m, e);
    if (rc < 0)
        relations_free(&m);
    *out = m;
    return rc;
}

int relations_stream_begin(struct relations **out, struct err *e)
{
    struct relations *m = model_new();
    *out = m;
    if (!m || !(m->own_secs = malloc(sizeof *m->own_secs))) {
        relations_free(out);
        return err_set(e, "out of memory"), -1;
    }
    m->secs = m->own_secs;
    if (rel_spill_open(&m->spill) < 0)
        m->spill.fd = -1;        /* no file: the vectors are kept in memory */
    return 0;
}

int relations_stream_add(struct relations *m, const struct relations_section *s, struct err *e)
{
    if (make_room(m, &m->secs_cap, s) < 0)
        return err_set(e, "out of memory"), -1;
    return add_section(m, s, e);
}

int relations_stream_end(struct relations *m, struct err *e)
{
    if (!m->vec_off && !(m->vec_off = calloc(2, sizeof *m->vec_off)))
        return err_set(e, "out of memory"), -1;
    return finish(m, e);
}

int relations_build_stream(const struct relations_source *src, struct relations **out,
                           struct err *e)
{
    struct relations *m;
    *out = NULL;
    if (relations_stream_begin(&m, e) < 0)
        return -1;
    struct relations_section s;
    int rc = 0, more = 0;
    while (rc == 0 && (more = src->next(src->ctx, &s, e)) > 0)
        rc = relations_stream_add(m, &s, e);
    if (more < 0)
        rc = -1;
    if (rc == 0)
        rc = relations_stream_end(m, e);
    if (rc < 0)
        relations_free(&m);
    *out = m;
    return rc;
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

/* The bigram terms marked, in the order of their bytes (the table's B-tree is filled from
 * one end), to f. */
static int each_marked(const struct relations *m, const uint8_t *mark,
                       int (*f)(void *ctx, const char *term, size_t len, uint32_t df), void *ctx)
{
    uint32_t *list = malloc((m->nterms + 1) * sizeof *list);
    if (!list)
        return -1;
    size_t n = 0;
    for (uint32_t t = 0; mark && t < m->nterms; t++)
        if (mark[t] && rel_is_bigram(m->pool + m->term_off[t], m->term_len[t]))
            list[n++] = t;
    sort_terms_model = m;
    qsort(list, n, sizeof *list, by_bytes);
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < n; k++)
        rc = f(ctx, m->pool + m->term_off[list[k]], m->term_len[list[k]], m->df[list[k]]);
    free(list);
    return rc;
}

void rel_mark_shared(const struct relations *m, const struct rel_window *wa, size_t a,
                     const struct rel_window *wb, size_t b, uint8_t *mark)
{
    const struct rel_entry *x = rel_vec(m, wa, a), *y = rel_vec(m, wb, b);
    const struct rel_entry *xe = x + rel_vec_len(m, a), *ye = y + rel_vec_len(m, b);
    while (x < xe && y < ye)
        if (x->term < y->term)
            x++;
        else if (x->term > y->term)
            y++;
        else
            mark[x->term] = 1, x++, y++;
}

int relations_each_df(const struct relations *m, const struct relations_pair *p, size_t np,
                      int (*f)(void *ctx, const char *term, size_t len, uint32_t df), void *ctx)
{
    uint8_t *mark = calloc(m->nterms + 1, 1);
    struct rel_window wa = {0}, wb = {0};
    int rc = mark ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < np; k++) {    /* the terms some related pair shares */
        if (rel_window_sec(m, &wa, p[k].from) < 0 || rel_window_sec(m, &wb, p[k].to) < 0)
            rc = -1;
        else
            rel_mark_shared(m, &wa, p[k].from, &wb, p[k].to, mark);
    }
    if (rc == 0)
        rc = each_marked(m, mark, f, ctx);
    free(mark), rel_window_free(&wa), rel_window_free(&wb);
    return rc;
}

int relations_each_shared_df(const struct relations *m,
                             int (*f)(void *ctx, const char *term, size_t len, uint32_t df),
                             void *ctx)
{
    return each_marked(m, m->shared, f, ctx);
}

void relations_free(struct relations **m)
{
    struct relations *r = *m;
    if (!r)
        return;
    free(r->pool), free(r->term_off), free(r->slots), free(r->term_len), free(r->df);
    free(r->idf), free(r->toks), free(r->tok_off), free(r->vec), free(r->vec_off);
    free(r->background), free(r->docs.off), free(r->docs.sec), free(r->doc_of);
    free(r->tf), free(r->terms), free(r->terms_tmp), free(r->own_secs), free(r->shared);
    rel_spill_close(&r->spill);
    free(r);
    *m = NULL;
}
