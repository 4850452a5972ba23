/* relations_docs.c — the documents of the relations model: sections grouped by document,
 * and which documents each one is compared with: all the others, or, when there are more
 * than RELATIONS_NEIGHBOURS, the most similar ones (the cosine of the documents' summed
 * vectors, each cut to its weightiest terms), so that a corpus of hundreds of documents is
 * not scored section by section against every one of them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "relations_int.h"

/* Terms kept of a document's summed vector to find its neighbours. */
#define SKETCH_TERMS 256

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

int rel_docs_build(struct relations *m)
{
    struct rel_docs *d = &m->docs;
    int *ids = malloc((m->n + 1) * sizeof *ids);
    m->doc_of = malloc((m->n + 1) * sizeof *m->doc_of);
    if (!ids || !m->doc_of)
        return free(ids), -1;
    for (size_t i = 0; i < m->n; i++)
        ids[i] = m->secs[i].doc;
    qsort(ids, m->n, sizeof *ids, cmp_int);
    size_t nd = 0;
    for (size_t i = 0; i < m->n; i++)
        if (!nd || ids[i] != ids[nd - 1])
            ids[nd++] = ids[i];
    d->n = nd;
    d->off = calloc(nd + 2, sizeof *d->off);
    d->sec = malloc((m->n + 1) * sizeof *d->sec);
    if (!d->off || !d->sec)
        return free(ids), -1;
    for (size_t i = 0; i < m->n; i++) {
        int *at = bsearch(&m->secs[i].doc, ids, nd, sizeof *ids, cmp_int);
        m->doc_of[i] = (uint32_t)(at - ids);
        d->off[m->doc_of[i] + 2]++;
    }
    for (size_t k = 0; k < nd; k++)
        d->off[k + 2] += d->off[k + 1];
    for (size_t i = 0; i < m->n; i++)
        d->sec[d->off[m->doc_of[i] + 1]++] = (uint32_t)i;
    free(ids);
    return 0;
}

struct weighted {
    uint32_t term;
    float w;
};

static int by_weight(const void *a, const void *b)
{
    const struct weighted *x = a, *y = b;
    return x->w != y->w ? (x->w > y->w ? -1 : 1) : (x->term < y->term ? -1 : x->term > y->term);
}

/* Moves the k first of v[0..n) in by_weight's order to v[0..k), in no order: a
 * quickselect, so that a document of thousands of terms is not sorted whole for its
 * SKETCH_TERMS weightiest. */
static void select_first(struct weighted *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n;               /* the k-th lies in v[lo..hi) */
    while (hi - lo > 1) {
        struct weighted pivot = v[lo + (hi - lo) / 2], t;
        size_t i = lo, j = hi - 1;
        while (i <= j) {             /* v[lo..i) before the pivot, v(j..hi) after it */
            while (by_weight(&v[i], &pivot) < 0)
                i++;
            while (by_weight(&v[j], &pivot) > 0)
                j--;
            if (i <= j) {
                t = v[i], v[i] = v[j], v[j] = t, i++;
                if (j-- == 0)
                    break;
            }
        }
        if (k <= j + 1 && j + 1 > lo)
            hi = j + 1;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Document k's summed vector (its sections' in w), normalised, its SKETCH_TERMS weightiest
 * terms in out. */
static size_t sketch(const struct relations *m, const struct rel_window *w, size_t k, double *sum,
                     struct weighted *tmp, size_t ntmp_cap, struct weighted *out)
{
    const struct rel_docs *d = &m->docs;
    size_t nt = 0;
    for (size_t s = d->off[k]; s < d->off[k + 1]; s++) {
        const struct rel_entry *v = rel_vec(m, w, d->sec[s]);
        for (size_t j = 0, n = rel_vec_len(m, d->sec[s]); j < n; j++) {
            uint32_t t = v[j].term;
            if (sum[t] == 0 && nt < ntmp_cap)
                tmp[nt++].term = t;
            sum[t] += v[j].w;
        }
    }
    double norm = 0;
    for (size_t i = 0; i < nt; i++)
        norm += sum[tmp[i].term] * sum[tmp[i].term];
    norm = norm > 0 ? sqrt(norm) : 1;
    for (size_t i = 0; i < nt; i++)
        tmp[i].w = (float)(sum[tmp[i].term] / norm), sum[tmp[i].term] = 0;
    size_t n = nt < SKETCH_TERMS ? nt : SKETCH_TERMS;
    if (nt > n)
        select_first(tmp, nt, n);
    qsort(tmp, n, sizeof *tmp, by_weight);
    memcpy(out, tmp, n * sizeof *out);
    return n;
}

struct near {
    uint32_t doc;
    double score;
};

static int by_near(const void *a, const void *b)
{
    const struct near *x = a, *y = b;
    return x->score != y->score ? (x->score > y->score ? -1 : 1) : (x->doc < y->doc ? -1 : 1);
}

/* The neighbours of every document by their sketches' cosine: an inverted index of the
 * sketches, each document accumulated against all the others. */
static int nearest(const struct relations *m, uint32_t *nb_off, uint32_t *nb)
{
    const struct rel_docs *d = &m->docs;
    size_t D = d->n, K = RELATIONS_NEIGHBOURS, cap = 1;
    /* A document has no more distinct terms than entries: the largest one's, not all. */
    for (size_t k = 0; k < D; k++) {
        size_t nent = 0;
        for (size_t s = d->off[k]; s < d->off[k + 1]; s++)
            nent += rel_vec_len(m, d->sec[s]);
        cap = nent + 1 > cap ? nent + 1 : cap;
    }
    struct rel_window win = {0};
    struct weighted *sk = malloc((D * SKETCH_TERMS + 1) * sizeof *sk), *tmp = malloc(cap * sizeof *tmp);
    size_t *sk_n = calloc(D + 1, sizeof *sk_n), *poff = calloc(m->nterms + 2, sizeof *poff);
    double *sum = calloc(m->nterms + 1, sizeof *sum), *acc = calloc(D + 1, sizeof *acc);
    struct near *near = malloc((D + 1) * sizeof *near);
    struct near *post = malloc((D * SKETCH_TERMS + 1) * sizeof *post);
    int rc = sk && tmp && sk_n && poff && sum && acc && near && post ? 0 : -1;
    for (size_t k = 0; rc == 0 && k < D; k++)
        if ((rc = rel_window_doc(m, &win, k)) == 0)
            sk_n[k] = sketch(m, &win, k, sum, tmp, cap, sk + k * SKETCH_TERMS);
    rel_window_free(&win);
    for (size_t k = 0; rc == 0 && k < D; k++)
        for (size_t i = 0; i < sk_n[k]; i++)
            poff[sk[k * SKETCH_TERMS + i].term + 2]++;
    for (size_t t = 0; rc == 0 && t < m->nterms; t++)
        poff[t + 2] += poff[t + 1];
    for (size_t k = 0; rc == 0 && k < D; k++)
        for (size_t i = 0; i < sk_n[k]; i++) {
            struct weighted w = sk[k * SKETCH_TERMS + i];
            post[poff[w.term + 1]++] = (struct near){(uint32_t)k, w.w};
        }
    for (size_t k = 0; rc == 0 && k < D; k++) {
        for (size_t i = 0; i < sk_n[k]; i++) {
            struct weighted w = sk[k * SKETCH_TERMS + i];
            for (size_t q = poff[w.term]; q < poff[w.term + 1]; q++)
                acc[post[q].doc] += w.w * post[q].score;
        }
        /* The K nearest in by_near's order, kept sorted as they come: sorting all D
         * others for each document made thousands of documents cost D² log D. */
        size_t nn = 0;
        for (size_t o = 0; o < D; o++) {
            struct near c = {(uint32_t)o, acc[o]};
            acc[o] = 0;
            if (o == k || (nn == K && by_near(&c, &near[K - 1]) > 0))
                continue;
            size_t at = nn < K ? nn++ : K - 1;
            while (at > 0 && by_near(&c, &near[at - 1]) < 0)
                near[at] = near[at - 1], at--;
            near[at] = c;
        }
        for (size_t i = 0; i < nn; i++)
            nb[k * K + i] = near[i].doc;
        nb_off[k + 1] = nb_off[k] + (uint32_t)nn;
    }
    free(sk), free(tmp), free(sk_n), free(poff), free(sum), free(acc), free(near), free(post);
    return rc;
}

int rel_neighbours(const struct relations *m, uint32_t **nb_off, uint32_t **nb)
{
    size_t D = m->docs.n, K = RELATIONS_NEIGHBOURS;
    *nb_off = calloc(D + 1, sizeof **nb_off);
    *nb = malloc((D * (D < K + 1 ? D : K + 1) + 1) * sizeof **nb);
    if (!*nb_off || !*nb)
        return -1;
    if (D > K + 1) {
        /* nearest() writes K per document at nb[k * K]: packed, as every one has K */
        return nearest(m, *nb_off, *nb);
    }
    size_t at = 0;
    for (size_t k = 0; k < D; k++) {
        for (size_t o = 0; o < D; o++)
            if (o != k)
                (*nb)[at++] = (uint32_t)o;
        (*nb_off)[k + 1] = (uint32_t)at;
    }
    return 0;
}
