/* relations_pairs.c — every related pair. Each document's sections are scored against the
 * sections of every other document (of its RELATIONS_NEIGHBOURS most similar documents,
 * when there are more), through an index of the other document's terms, and each section
 * keeps its best RELATIONS_PER_SECTION, at most RELATIONS_PER_DOC from one document. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/array.h"
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
    uint32_t sec;              /* the section's place in its document (of d->sec) */
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
    double factor;
    struct cand *cands;        /* section a: cands[a * PER_SECTION ..], ncand[a] of them */
    uint8_t *ncand;
    double *acc;               /* per section of the document scored against, by place */
    uint32_t *touched;
    uint8_t *seen;
    const struct slot **slots; /* the slot of each of a's terms, looked up once */
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
static int index_build(const struct relations *m, const struct rel_window *w, size_t e, int kind,
                       struct doc_index *x)
{
    const struct rel_docs *d = &m->docs;
    size_t nent = 0, ns = 16;
    for (size_t k = d->off[e]; k < d->off[e + 1]; k++)
        if (m->secs[d->sec[k]].kind == kind)
            nent += rel_vec_len(m, d->sec[k]);
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
            const struct rel_entry *v = rel_vec(m, w, j);
            for (size_t i = 0, n = rel_vec_len(m, j); i < n; i++) {
                struct slot *sl = find_slot(x, v[i].term);
                sl->term = v[i].term;
                if (fill)
                    x->ent[sl->first + sl->count] =
                        (struct entry){(uint32_t)(k - d->off[e]), v[i].w};
                sl->count++;
            }
        }
    }
    return 0;
}

/* Scores section a (its vector in w) against the indexed sections (document e's, of a's
 * kind: nsec of them). The sums are the same, term by term, either way: when a's terms
 * meet more entries than e has sections, every section is looked at once afterwards
 * rather than each entry asking whether its section was met before (most do, and the
 * question costs as much as the sum). Entries weigh more than 0 (weigh_one keeps no
 * other), so a section met sums to more than 0 and one never met to 0. With both, each
 * sum is offered to the section of e as well (see score_all). */
static void score_against(struct pass *p, const struct doc_index *x, size_t e, size_t nsec,
                          const struct rel_window *w, size_t a, int both)
{
    const struct relations *m = p->m;
    const struct rel_entry *va = rel_vec(m, w, a);
    size_t nt = 0, na = rel_vec_len(m, a), nent = 0;
    double thr = p->factor * m->background[a];
    const uint32_t *sec = p->d->sec + p->d->off[e];
    for (size_t v = 0; v < na; v++)
        p->slots[v] = find_slot(x, va[v].term), nent += p->slots[v]->count;
    if (nent > nsec) {
        for (size_t v = 0; v < na; v++) {
            double wa = va[v].w;
            const struct entry *q = x->ent + p->slots[v]->first, *end = q + p->slots[v]->count;
            for (; q < end; q++)
                p->acc[q->sec] += wa * q->w;
        }
        for (size_t j = 0; j < nsec; j++)
            if (p->acc[j] != 0) {
                if (p->acc[j] >= thr)
                    offer(p, a, sec[j], p->acc[j]);
                if (both && p->acc[j] >= p->factor * m->background[sec[j]])
                    offer(p, sec[j], a, p->acc[j]);
                p->acc[j] = 0;
            }
        return;
    }
    for (size_t v = 0; v < na; v++) {
        double wa = va[v].w;
        const struct entry *q = x->ent + p->slots[v]->first, *end = q + p->slots[v]->count;
        for (; q < end; q++) {
            if (!p->seen[q->sec])
                p->seen[q->sec] = 1, p->touched[nt++] = q->sec;
            p->acc[q->sec] += wa * q->w;
        }
    }
    for (size_t k = 0; k < nt; k++) {
        uint32_t j = p->touched[k];
        if (p->acc[j] >= thr)
            offer(p, a, sec[j], p->acc[j]);
        if (both && p->acc[j] >= p->factor * m->background[sec[j]])
            offer(p, sec[j], a, p->acc[j]);
        p->acc[j] = 0, p->seen[j] = 0;
    }
}

static int by_rank(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    return better(*x, *y) ? -1 : better(*y, *x) ? 1 : 0;
}

/* The scoring is the end of an import (every section must be in first) and the import's
 * other threads have nothing left to do then: its parts go to the processors there are
 * (two at most: each part holds candidates for every section, 80 bytes each). */
#define SCORING_PARTS 2

static size_t scoring_parts(const struct relations *m)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = cpus > 1 ? (size_t)cpus : 1;
    n = n < SCORING_PARTS ? n : SCORING_PARTS;
    return m->docs.n >= 2 * n ? n : 1;
}

/* fn on each of the n parts (each size bytes, from parts): parts 1 .. n - 1 on threads of
 * their own (or here, after part 0, when no thread can start), part 0 here. */
static void in_parts(void *(*fn)(void *arg), void *parts, size_t size, size_t n)
{
    pthread_t th[SCORING_PARTS];
    int started[SCORING_PARTS] = {0};
    for (size_t k = 1; k < n; k++)
        started[k] = pthread_create(&th[k], NULL, fn, (char *)parts + k * size) == 0;
    fn(parts);
    for (size_t k = 1; k < n; k++)
        if (started[k])
            pthread_join(th[k], NULL);
        else
            fn((char *)parts + k * size);
}

/* Whether section b has a among its candidates. */
static int is_candidate(const struct pass *p, size_t b, size_t a)
{
    const struct cand *c = p->cands + b * RELATIONS_PER_SECTION;
    for (int i = 0; i < p->ncand[b]; i++)
        if (c[i].to == a)
            return 1;
    return 0;
}

/* The sections [from, to) whose shared terms one part marks, in its own array. */
struct mark_part {
    const struct pass *p;
    size_t from, to;
    uint8_t *shared;
    int rc;
};

/* The terms each pair of sections from .. to - 1 shares, marked. A pair whose other
 * section comes first and has this one among its candidates too is marked there: the
 * terms two sections share are the same either way, and each pair marked is a section's
 * vector read from the model's file. */
static void *mark_part(void *arg)
{
    struct mark_part *t = arg;
    const struct pass *p = t->p;
    const struct relations *m = p->m;
    struct rel_window wa = {0}, wb = {0};
    size_t loaded = SIZE_MAX;
    t->rc = 0;
    for (size_t a = t->from; t->rc == 0 && a < t->to; a++) {
        const struct cand *c = p->cands + a * RELATIONS_PER_SECTION;
        if (!p->ncand[a])
            continue;
        if (m->doc_of[a] != loaded && rel_window_doc(m, &wa, m->doc_of[a]) < 0) {
            t->rc = -1;
            break;
        }
        loaded = m->doc_of[a];
        for (int i = 0; t->rc == 0 && i < p->ncand[a]; i++) {
            size_t b = c[i].to;
            if (b < a && is_candidate(p, b, a))
                continue;
            if (rel_window_sec(m, &wb, b) < 0)
                t->rc = -1;
            else
                rel_mark_shared(m, &wa, a, &wb, b, t->shared);
        }
    }
    rel_window_free(&wa), rel_window_free(&wb);
    return NULL;
}

/* Each section's candidates put best first, and the terms each pair shares marked in
 * m->shared (what relations_each_shared_df gives): the work of giving the pairs out that
 * is not the caller's, done where the scoring is, in as many parts as the scoring (the
 * sections cut where each part has as many candidates), each marking its own array, the
 * arrays merged after. 0, or -1 when out of memory. */
static int rank(struct pass *p, struct relations *m)
{
    size_t n = scoring_parts(m), total = 0, seen = 0, a = 0;
    struct mark_part t[SCORING_PARTS];
    for (size_t i = 0; i < m->n; i++)
        if (p->ncand[i]) {
            qsort(p->cands + i * RELATIONS_PER_SECTION, p->ncand[i], sizeof *p->cands, by_rank);
            total += p->ncand[i];
        }
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        t[k] = (struct mark_part){p, a, m->n, k ? calloc(m->nterms + 1, 1) : m->shared, 0};
        for (; k + 1 < n && a < m->n && seen * n < total * (k + 1); a++)
            seen += p->ncand[a];
        if (k + 1 < n)
            t[k].to = a;
        if (!t[k].shared)
            rc = -1, n = k;
    }
    if (rc == 0)
        in_parts(mark_part, t, sizeof *t, n);
    for (size_t k = 0; k < n; k++) {
        rc = rc ? rc : t[k].rc;
        if (k == 0)
            continue;
        for (size_t i = 0; i <= m->nterms; i++)
            m->shared[i] |= t[k].shared[i];
        free(t[k].shared);
    }
    return rc;
}

/* Each section's candidates, ranked, to f as pairs, sections in increasing order. */
static int emit(const struct pass *p, const struct relations *m,
                int (*f)(void *ctx, const struct relations_pair *pair), void *ctx)
{
    int rc = 0;
    for (size_t a = 0; rc == 0 && a < m->n; a++) {
        const struct cand *c = p->cands + a * RELATIONS_PER_SECTION;
        for (int i = 0; rc == 0 && i < p->ncand[a]; i++) {
            struct relations_pair pair = {a, c[i].to, c[i].score};
            rc = f(ctx, &pair);
        }
    }
    return rc;
}

static int kind_index(const struct pass *p, int kind)
{
    for (size_t k = 0; k < p->nkinds; k++)
        if (p->kinds[k] == kind)
            return (int)k;
    return -1;
}

/* Whether document b is among a's neighbours. */
static int is_neighbour(const uint32_t *nb_off, const uint32_t *nb, size_t a, size_t b)
{
    for (uint32_t k = nb_off[a]; k < nb_off[a + 1]; k++)
        if (nb[k] == b)
            return 1;
    return 0;
}

/* For each document e, every document that has e among its neighbours scores its sections
 * against e's index (built once per e, a part per kind). Candidates are kept whatever the
 * order they come in (offer keeps the best within the caps), so e by e is r by r.
 * Two documents each among the other's neighbours are scored once, the lower-numbered
 * one against the other's index, each pair's sum offered both ways: the sum over the
 * terms both share, taken in the order of the terms either way, is the same number
 * (products of two floats are exact in a double). A pass given part k of n takes the
 * documents e with e % n == k: the parts run on threads of their own, each with its own
 * candidates, merged after (offer again: the order they come in does not matter). */
static int score_all(struct pass *p, const uint32_t *nb_off, const uint32_t *nb, size_t part,
                     size_t nparts)
{
    const struct rel_docs *d = p->d;
    const struct relations *m = p->m;
    size_t D = d->n;
    uint32_t *roff = calloc(D + 2, sizeof *roff), *rev = malloc((nb_off[D] + 1) * sizeof *rev);
    struct rel_window we = {0}, wr = {0};
    int rc = roff && rev ? 0 : -1;
    for (size_t a = 0; rc == 0 && a < D; a++)
        for (uint32_t k = nb_off[a]; k < nb_off[a + 1]; k++)
            roff[nb[k] + 2]++;
    for (size_t e = 0; rc == 0 && e < D; e++)
        roff[e + 2] += roff[e + 1];
    for (size_t a = 0; rc == 0 && a < D; a++)
        for (uint32_t k = nb_off[a]; k < nb_off[a + 1]; k++)
            rev[roff[nb[k] + 1]++] = (uint32_t)a;
    for (size_t e = 0; rc == 0 && e < D; e++) {
        struct doc_index x[8] = {{0}};
        if (e % nparts != part || roff[e] == roff[e + 1])
            continue;
        if (rel_window_doc(m, &we, e) < 0)
            rc = -1;
        for (size_t k = 0; rc == 0 && k < p->nkinds; k++)
            if (index_build(m, &we, e, p->kinds[k], &x[k]) < 0)
                rc = -1;
        for (uint32_t r = roff[e]; rc == 0 && r < roff[e + 1]; r++) {
            int both = is_neighbour(nb_off, nb, e, rev[r]);
            if (both && rev[r] > e)
                continue;       /* scored when e is scored against rev[r]'s index */
            if (rel_window_doc(m, &wr, rev[r]) < 0) {
                rc = -1;
                break;
            }
            for (size_t s = d->off[rev[r]]; s < d->off[rev[r] + 1]; s++) {
                int k = kind_index(p, m->secs[d->sec[s]].kind);
                if (k >= 0)
                    score_against(p, &x[k], e, d->off[e + 1] - d->off[e], &wr, d->sec[s], both);
            }
        }
        for (size_t k = 0; k < p->nkinds; k++)
            index_free(&x[k]);
    }
    free(roff), free(rev);
    rel_window_free(&we), rel_window_free(&wr);
    return rc;
}

static void pass_free(struct pass *p)
{
    free(p->cands), free(p->ncand), free(p->acc), free(p->touched), free(p->seen);
    free(p->slots);
}

struct relations_scores {
    struct pass p;
};

void relations_scores_free(struct relations_scores **sc)
{
    if (*sc)
        pass_free(&(*sc)->p), free(*sc);
    *sc = NULL;
}

/* A pass's own candidates and sums; 0, or -1 when out of memory (pass_free frees). */
static int pass_init(struct pass *p, const struct relations *m, double factor)
{
    size_t ns = m->n + 1, most = 1, longest = 1;
    for (size_t i = 0; i < m->n; i++)
        if (rel_vec_len(m, i) > longest)
            longest = rel_vec_len(m, i);
    for (size_t k = 0; k < m->docs.n; k++)
        if (m->docs.off[k + 1] - m->docs.off[k] + 1 > most)
            most = m->docs.off[k + 1] - m->docs.off[k] + 1;
    *p = (struct pass){m, &m->docs, factor};
    p->cands = malloc(ns * RELATIONS_PER_SECTION * sizeof *p->cands);
    p->ncand = calloc(ns, 1);
    p->acc = calloc(most, sizeof *p->acc);
    p->touched = malloc(most * sizeof *p->touched);
    p->seen = calloc(most, 1);
    p->slots = malloc(longest * sizeof *p->slots);
    for (size_t i = 0; i < m->n; i++)
        if (kind_index(p, m->secs[i].kind) < 0 && p->nkinds < sizeof p->kinds / sizeof *p->kinds)
            p->kinds[p->nkinds++] = m->secs[i].kind;
    return p->cands && p->ncand && p->acc && p->touched && p->seen && p->slots ? 0 : -1;
}

struct part {
    struct pass *p;
    const uint32_t *nb_off, *nb;
    size_t k, n;
    int rc;
};

static void *score_part(void *arg)
{
    struct part *t = arg;
    t->rc = score_all(t->p, t->nb_off, t->nb, t->k, t->n);
    return NULL;
}

/* Every part scored, part 0 into p, then the other parts' candidates offered to p's. */
static int score_parts(struct pass *p, const uint32_t *nb_off, const uint32_t *nb)
{
    size_t n = scoring_parts(p->m);
    struct part t[SCORING_PARTS];
    struct pass own[SCORING_PARTS];
    int rc = 0;
    for (size_t k = 0; k < n; k++) {
        t[k] = (struct part){k ? &own[k] : p, nb_off, nb, k, n, -1};
        if (k && pass_init(&own[k], p->m, p->factor) < 0) {
            pass_free(&own[k]);
            rc = -1, n = k;
        }
    }
    if (rc == 0)
        in_parts(score_part, t, sizeof *t, n);
    for (size_t k = 0; k < n; k++) {
        rc = rc ? rc : t[k].rc;
        for (size_t a = 0; k && rc == 0 && a < p->m->n; a++) {
            const struct cand *c = own[k].cands + a * RELATIONS_PER_SECTION;
            for (int i = 0; i < own[k].ncand[a]; i++)
                offer(p, a, c[i].to, c[i].score);
        }
        if (k)
            pass_free(&own[k]);
    }
    return rc;
}

int relations_pairs_score(struct relations *m, double factor, struct relations_scores **out,
                          struct err *e)
{
    struct relations_scores *sc = calloc(1, sizeof *sc);
    *out = NULL;
    if (!sc)
        return err_set(e, "out of memory"), -1;
    struct pass *p = &sc->p;
    free(m->shared);
    m->shared = calloc(m->nterms + 1, 1);
    uint32_t *nb_off = NULL, *nb = NULL;
    int rc = -1;
    if (pass_init(p, m, factor) == 0 && m->shared && rel_neighbours(m, &nb_off, &nb) == 0)
        rc = score_parts(p, nb_off, nb);
    if (rc == 0)
        rc = rank(p, m);
    free(nb_off), free(nb);
    if (rc < 0) {
        relations_scores_free(&sc);
        return err_set(e, "out of memory"), -1;
    }
    *out = sc;
    return 0;
}

int relations_pairs_emit(struct relations *m, struct relations_scores **sc,
                         int (*f)(void *ctx, const struct relations_pair *p), void *ctx,
                         struct err *e)
{
    (void)e;
    int rc = emit(&(*sc)->p, m, f, ctx);        /* f's result */
    relations_scores_free(sc);
    return rc;
}

int relations_pairs_each(struct relations *m, double factor,
                         int (*f)(void *ctx, const struct relations_pair *p), void *ctx,
                         struct err *e)
{
    struct relations_scores *sc;
    if (relations_pairs_score(m, factor, &sc, e) < 0)
        return -1;
    return relations_pairs_emit(m, &sc, f, ctx, e);
}

struct pair_list {
    struct relations_pair *p;
    size_t n, cap;
};

static int append(void *ctx, const struct relations_pair *pair)
{
    struct pair_list *l = ctx;
    if (array_grow((void **)&l->p, &l->cap, l->n + 1, sizeof *l->p) < 0)
        return 1;                        /* out of memory */
    l->p[l->n++] = *pair;
    return 0;
}

int relations_pairs(struct relations *m, double factor, struct relations_pair **out,
                    size_t *n, struct err *e)
{
    struct pair_list l = {0};
    int rc = relations_pairs_each(m, factor, append, &l, e);
    if (rc != 0) {
        free(l.p);
        l = (struct pair_list){0};
        if (rc > 0)
            err_set(e, "out of memory");
        rc = -1;
    }
    *out = l.p, *n = l.n;
    return rc;
}
