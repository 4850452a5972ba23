/* relations_pairs.c — every related pair. Each document's sections are scored against the
 * sections of every other document (of its RELATIONS_NEIGHBOURS most similar documents,
 * when there are more), through an index of the other document's terms, and each section
 * keeps its best RELATIONS_PER_SECTION, at most RELATIONS_PER_DOC from one document. */
#include <stdlib.h>
#include <string.h>
#include "relations_int.h"

struct cand {
    uint32_t to;
    float score;
};

/* One document's terms: the slot holding term t says where its entries (section,
 * weight) are: ent[first .. first + count). */
struct slot {
    uint32_t term, first, count;
};

struct entry {
    uint32_t sec;
    float w;
};

struct doc_index {
    struct slot *slot;
    size_t mask;
    int shift;
    struct entry *ent;
};

struct pass {
    const struct relations *m;
    const struct rel_docs *d;
    struct cand *cands;        /* section a: cands[a * PER_SECTION ..], ncand[a] of them */
    uint8_t *ncand;
    double *thr;
    double *acc;               /* per section of the document scored against */
    uint32_t *touched;
    uint8_t *seen;
    int kinds[8];              /* the kinds there are (more are left unrelated) */
    size_t nkinds;
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

static size_t slot_of(const struct doc_index *x, uint32_t term)
{
    return (size_t)((term * 2654435769u) >> x->shift);
}

static void index_free(struct doc_index *x)
{
    free(x->slot), free(x->ent);
    *x = (struct doc_index){0};
}

static struct slot *find_slot(const struct doc_index *x, uint32_t term)
{
    size_t h = slot_of(x, term);
    while (x->slot[h].term != UINT32_MAX && x->slot[h].term != term)
        h = (h + 1) & x->mask;
    return &x->slot[h];
}

/* The index of document e's sections of one kind: the slots first count each term's
 * entries, then hold where they start, then fill them. */
static int index_build(const struct relations *m, const struct rel_docs *d, size_t e, int kind,
                       struct doc_index *x)
{
    size_t nent = 0, ns = 16;
    for (size_t k = d->off[e]; k < d->off[e + 1]; k++)
        if (m->secs[d->sec[k]].kind == kind)
            nent += m->vec_off[d->sec[k] + 1] - m->vec_off[d->sec[k]];
    /* A slot per distinct term, at most half full: no more terms than entries, nor than
     * the vocabulary (sizing by entries alone made the table ten times too big). */
    size_t nkeys = nent < m->nterms ? nent : m->nterms;
    x->shift = 28;
    while (ns < 2 * nkeys)
        ns *= 2, x->shift--;
    x->mask = ns - 1;
    x->slot = malloc(ns * sizeof *x->slot);
    x->ent = malloc((nent + 1) * sizeof *x->ent);
    if (!x->slot || !x->ent)
        return -1;
    for (size_t h = 0; h < ns; h++)
        x->slot[h] = (struct slot){UINT32_MAX, 0, 0};
    for (int fill = 0; fill < 2; fill++) {
        if (fill) {          /* the starts; count counts again, as the fill position */
            uint32_t at = 0;
            for (size_t h = 0; h < ns; h++)
                x->slot[h].first = at, at += x->slot[h].count, x->slot[h].count = 0;
        }
        for (size_t k = d->off[e]; k < d->off[e + 1]; k++) {
            uint32_t j = d->sec[k];
            if (m->secs[j].kind != kind)
                continue;
            for (size_t v = m->vec_off[j]; v < m->vec_off[j + 1]; v++) {
                struct slot *sl = find_slot(x, m->vec[v].term);
                sl->term = m->vec[v].term;
                if (fill)
                    x->ent[sl->first + sl->count] = (struct entry){j, m->vec[v].w};
                sl->count++;
            }
        }
    }
    return 0;
}

/* Scores section a against the indexed sections (one document's, of a's kind). */
static void score_against(struct pass *p, const struct doc_index *x, size_t a)
{
    const struct relations *m = p->m;
    size_t nt = 0;
    for (size_t v = m->vec_off[a]; v < m->vec_off[a + 1]; v++) {
        const struct slot *sl = find_slot(x, m->vec[v].term);
        double wa = m->vec[v].w;
        for (const struct entry *q = x->ent + sl->first, *end = q + sl->count; q < end; q++) {
            if (!p->seen[q->sec])
                p->seen[q->sec] = 1, p->touched[nt++] = q->sec;
            p->acc[q->sec] += wa * q->w;
        }
    }
    for (size_t k = 0; k < nt; k++) {
        uint32_t j = p->touched[k];
        if (p->acc[j] >= p->thr[a])
            offer(p, a, j, p->acc[j]);
        p->acc[j] = 0, p->seen[j] = 0;
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
        if (p->ncand[a])
            qsort(c, p->ncand[a], sizeof *c, by_rank);
        for (int i = 0; i < p->ncand[a]; i++)
            (*out)[(*n)++] = (struct relations_pair){a, c[i].to, c[i].score};
    }
    return 0;
}

/* For each document e, every document that has e among its neighbours scores its sections
 * against e's index (built once per e). */
static int score_all(struct pass *p, const uint32_t *nb_off, const uint32_t *nb)
{
    const struct rel_docs *d = p->d;
    size_t D = d->n;
    uint32_t *roff = calloc(D + 2, sizeof *roff), *rev = malloc((nb_off[D] + 1) * sizeof *rev);
    int rc = roff && rev ? 0 : -1;
    for (size_t a = 0; rc == 0 && a < D; a++)
        for (uint32_t k = nb_off[a]; k < nb_off[a + 1]; k++)
            roff[nb[k] + 2]++;
    for (size_t e = 0; rc == 0 && e < D; e++)
        roff[e + 2] += roff[e + 1];
    for (size_t a = 0; rc == 0 && a < D; a++)
        for (uint32_t k = nb_off[a]; k < nb_off[a + 1]; k++)
            rev[roff[nb[k] + 1]++] = (uint32_t)a;
    for (size_t e = 0; rc == 0 && e < D; e++)
        for (size_t k = 0; rc == 0 && k < p->nkinds; k++) {
            struct doc_index x = {0};
            if (index_build(p->m, d, e, p->kinds[k], &x) < 0)
                rc = -1;
            for (uint32_t r = roff[e]; rc == 0 && r < roff[e + 1]; r++)
                for (size_t s = d->off[rev[r]]; s < d->off[rev[r] + 1]; s++)
                    if (p->m->secs[d->sec[s]].kind == p->kinds[k])
                        score_against(p, &x, d->sec[s]);
            index_free(&x);
        }
    free(roff), free(rev);
    return rc;
}

static void pass_free(struct pass *p)
{
    free(p->cands), free(p->ncand), free(p->thr), free(p->acc), free(p->touched), free(p->seen);
}

int relations_pairs(struct relations *m, double factor, struct relations_pair **out,
                    size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    size_t ns = m->n + 1;
    struct pass p = {m, &m->docs};
    p.cands = malloc(ns * RELATIONS_PER_SECTION * sizeof *p.cands);
    p.ncand = calloc(ns, 1);
    p.thr = malloc(ns * sizeof *p.thr);
    p.acc = calloc(ns, sizeof *p.acc);
    p.touched = malloc(ns * sizeof *p.touched);
    p.seen = calloc(ns, 1);
    uint32_t *nb_off = NULL, *nb = NULL;
    int rc = -1;
    if (p.cands && p.ncand && p.thr && p.acc && p.touched && p.seen &&
        rel_neighbours(m, &nb_off, &nb) == 0) {
        for (size_t i = 0; i < m->n; i++) {
            p.thr[i] = factor * m->background[i];
            size_t k = 0;
            while (k < p.nkinds && p.kinds[k] != m->secs[i].kind)
                k++;
            if (k == p.nkinds && k < sizeof p.kinds / sizeof *p.kinds)
                p.kinds[p.nkinds++] = m->secs[i].kind;
        }
        if (score_all(&p, nb_off, nb) == 0)
            rc = collect(&p, out, n);
    }
    free(nb_off), free(nb);
    pass_free(&p);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}
