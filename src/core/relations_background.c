/* relations_background.c — each section's background: its mean score against the other
 * documents' sections of its kind (relations.h), from the documents read one at a time. */
#include <stdlib.h>
#include "relations_int.h"

double relations_background(const struct relations *m, size_t a)
{
    return m->background[a];
}

static void add_vec(const struct relations *m, const struct rel_window *w, size_t i, double *sum)
{
    const struct rel_entry *v = rel_vec(m, w, i);
    for (size_t k = 0, n = rel_vec_len(m, i); k < n; k++)
        sum[v[k].term] += v[k].w;
}

static double dot_dense(const struct relations *m, const struct rel_window *w, size_t i,
                        const double *sum)
{
    const struct rel_entry *v = rel_vec(m, w, i);
    double s = 0;
    for (size_t k = 0, n = rel_vec_len(m, i); k < n; k++)
        s += v[k].w * sum[v[k].term];
    return s;
}

/* Document k's sections of the kind: how many (and k's vectors in w, when any). */
static int doc_of_kind(const struct relations *m, struct rel_window *w, size_t k, int kind,
                       size_t *count)
{
    const struct rel_docs *d = &m->docs;
    *count = 0;
    for (size_t s = d->off[k]; s < d->off[k + 1]; s++)
        *count += m->secs[d->sec[s]].kind == kind;
    return *count ? rel_window_doc(m, w, k) : 0;
}

/* The mean score of a against the other documents' sections of its kind is a · (the sum
 * of those sections' vectors) / their number: one dense sum of the kind and one of each
 * document, in time linear in the vectors' size. The sums run over the documents in
 * increasing order of doc, each one's sections in order: the same additions in the same
 * order however the sections were given. */
static int kind_backgrounds(struct relations *m, int kind, size_t n, struct rel_window *w,
                            double *total, double *own)
{
    const struct rel_docs *d = &m->docs;
    size_t count;
    for (size_t k = 0; k < d->n; k++) {
        if (doc_of_kind(m, w, k, kind, &count) < 0)
            return -1;
        for (size_t s = d->off[k]; count && s < d->off[k + 1]; s++)
            if (m->secs[d->sec[s]].kind == kind)
                add_vec(m, w, d->sec[s], total);
    }
    double sum = 0;
    for (size_t k = 0; k < d->n; k++) {
        if (doc_of_kind(m, w, k, kind, &count) < 0)
            return -1;
        if (!count)
            continue;
        for (size_t s = d->off[k]; s < d->off[k + 1]; s++)
            if (m->secs[d->sec[s]].kind == kind)
                add_vec(m, w, d->sec[s], own);
        size_t others = n - count;
        for (size_t s = d->off[k]; s < d->off[k + 1]; s++) {
            size_t i = d->sec[s];
            if (m->secs[i].kind != kind)
                continue;
            m->background[i] = others ? (dot_dense(m, w, i, total) - dot_dense(m, w, i, own)) /
                                            others : 0;
            sum += m->background[i];
        }
        for (size_t s = d->off[k]; s < d->off[k + 1]; s++) {   /* back to zeros */
            size_t i = d->sec[s];
            const struct rel_entry *v = rel_vec(m, w, i);
            for (size_t j = 0; m->secs[i].kind == kind && j < rel_vec_len(m, i); j++)
                own[v[j].term] = 0;
        }
    }
    double floor = n ? sum / (double)n / 2 : 0;
    for (size_t i = 0; i < m->n; i++)
        if (m->secs[i].kind == kind && m->background[i] < floor)
            m->background[i] = floor;
    for (size_t v = 0; v < m->nterms; v++)
        total[v] = 0;
    return 0;
}

int rel_backgrounds(struct relations *m, struct err *e)
{
    double *total = calloc(m->nterms + 1, sizeof *total);
    double *own = calloc(m->nterms + 1, sizeof *own);
    uint8_t *done = calloc(m->n + 1, 1);
    struct rel_window w = {0};
    int rc = total && own && done ? 0 : -1;
    /* Each kind in turn: how many sections have it, and whether they are all one
     * document's (then no other document has its kind: backgrounds of 0). */
    for (size_t i = 0; rc == 0 && i < m->n; i++) {
        if (done[i])
            continue;
        int kind = m->secs[i].kind, one_doc = 1;
        size_t n = 0;
        for (size_t j = i; j < m->n; j++)
            if (m->secs[j].kind == kind) {
                done[j] = 1, n++;
                one_doc &= m->secs[j].doc == m->secs[i].doc;
            }
        if (!one_doc)
            rc = kind_backgrounds(m, kind, n, &w, total, own);
    }
    free(total), free(own), free(done), rel_window_free(&w);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}
