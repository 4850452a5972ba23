/* relations_pairs.c — every related pair, through an inverted index: each pair of
 * sections in different documents is scored once (the cosine is symmetric) and offered to
 * both sides, each keeping its best RELATIONS_PER_SECTION, at most RELATIONS_PER_DOC from
 * one document. */
#include <stdlib.h>
#include <string.h>
#include "relations_int.h"

struct posting {
    uint32_t sec;
    float w;
};

struct cand {
    uint32_t to;
    float score;
};

struct pass {
    const struct relations *m;
    size_t *post_off;          /* term t: post[post_off[t] .. post_off[t + 1]), by section */
    struct posting *post;
    size_t *cur;               /* term t: its first posting after the section being scored */
    double *acc;
    uint8_t *seen;
    uint32_t *touched;
    struct cand *cands;        /* section a: cands[a * PER_SECTION ..], ncand[a] of them */
    uint8_t *ncand;
    double *thr;
};

static int better(struct cand x, struct cand y)
{
    return x.score > y.score || (x.score == y.score && x.to < y.to);
}

/* Keeps b among a's candidates if it is among the best, within the per-document cap. */
static void offer(struct pass *p, size_t a, size_t b, double score)
{
    struct cand *c = p->cands + a * RELATIONS_PER_SECTION, nc = {(uint32_t)b, (float)score};
    int doc = p->m->secs[b].doc, k = p->ncand[a], same = 0, worst_same = -1, worst = -1;
    for (int i = 0; i < k; i++) {
        if (p->m->secs[c[i].to].doc == doc) {
            same++;
            if (worst_same < 0 || better(c[worst_same], c[i]))
                worst_same = i;
        }
        if (worst < 0 || better(c[worst], c[i]))
            worst = i;
    }
    if (same >= RELATIONS_PER_DOC) {
        if (better(nc, c[worst_same]))
            c[worst_same] = nc;
    } else if (k < RELATIONS_PER_SECTION) {
        c[k] = nc, p->ncand[a]++;
    } else if (better(nc, c[worst])) {
        c[worst] = nc;
    }
}

static int make_postings(struct pass *p)
{
    const struct relations *m = p->m;
    size_t nv = m->vec_off[m->n];
    p->post_off = calloc(m->nterms + 2, sizeof *p->post_off);
    p->post = malloc((nv + 1) * sizeof *p->post);
    p->cur = malloc((m->nterms + 1) * sizeof *p->cur);
    if (!p->post_off || !p->post || !p->cur)
        return -1;
    for (size_t k = 0; k < nv; k++)
        p->post_off[m->vec[k].term + 1]++;
    for (size_t t = 0; t < m->nterms; t++)
        p->post_off[t + 1] += p->post_off[t];
    memcpy(p->cur, p->post_off, m->nterms * sizeof *p->cur);
    for (size_t i = 0; i < m->n; i++)
        for (size_t k = m->vec_off[i]; k < m->vec_off[i + 1]; k++)
            p->post[p->cur[m->vec[k].term]++] = (struct posting){(uint32_t)i, m->vec[k].w};
    memcpy(p->cur, p->post_off, m->nterms * sizeof *p->cur);
    return 0;
}

/* Scores a against every later section of its kind in another document. */
static void score_from(struct pass *p, size_t a)
{
    const struct relations *m = p->m;
    const struct relations_section *s = m->secs;
    size_t nt = 0;
    for (size_t k = m->vec_off[a]; k < m->vec_off[a + 1]; k++) {
        uint32_t t = m->vec[k].term;
        double wa = m->vec[k].w;
        size_t q = p->cur[t], end = p->post_off[t + 1];
        while (q < end && p->post[q].sec <= a)
            q++;
        p->cur[t] = q;
        for (; q < end; q++) {
            uint32_t j = p->post[q].sec;
            if (s[j].kind != s[a].kind || s[j].doc == s[a].doc)
                continue;
            if (!p->seen[j])
                p->seen[j] = 1, p->touched[nt++] = j;
            p->acc[j] += wa * p->post[q].w;
        }
    }
    for (size_t k = 0; k < nt; k++) {
        uint32_t j = p->touched[k];
        double score = p->acc[j];
        p->acc[j] = 0, p->seen[j] = 0;
        if (score >= p->thr[a])
            offer(p, a, j, score);
        if (score >= p->thr[j])
            offer(p, j, a, score);
    }
}

static int by_rank(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    return better(*x, *y) ? -1 : better(*y, *x) ? 1 : 0;
}

static int collect(struct pass *p, struct relations_pair **out, size_t *n)
{
    size_t total = 0;
    for (size_t a = 0; a < p->m->n; a++)
        total += p->ncand[a];
    if (!total)
        return 0;
    if (!(*out = malloc(total * sizeof **out)))
        return -1;
    for (size_t a = 0; a < p->m->n; a++) {
        struct cand *c = p->cands + a * RELATIONS_PER_SECTION;
        qsort(c, p->ncand[a], sizeof *c, by_rank);
        for (int i = 0; i < p->ncand[a]; i++)
            (*out)[(*n)++] = (struct relations_pair){a, c[i].to, c[i].score};
    }
    return 0;
}

static void pass_free(struct pass *p)
{
    free(p->post_off), free(p->post), free(p->cur), free(p->acc), free(p->seen);
    free(p->touched), free(p->cands), free(p->ncand), free(p->thr);
}

int relations_pairs(struct relations *m, double factor, struct relations_pair **out,
                    size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    size_t ns = m->n + 1;
    struct pass p = {m};
    p.acc = calloc(ns, sizeof *p.acc);
    p.seen = calloc(ns, 1);
    p.touched = malloc(ns * sizeof *p.touched);
    p.cands = malloc(ns * RELATIONS_PER_SECTION * sizeof *p.cands);
    p.ncand = calloc(ns, 1);
    p.thr = malloc(ns * sizeof *p.thr);
    int rc = -1;
    if (p.acc && p.seen && p.touched && p.cands && p.ncand && p.thr && make_postings(&p) == 0) {
        for (size_t i = 0; i < m->n; i++)
            p.thr[i] = factor * m->background[i];
        for (size_t a = 0; a < m->n; a++)
            score_from(&p, a);
        rc = collect(&p, out, n);
    }
    pass_free(&p);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}
