/* pinyin_words.c — the index's words by their pinyin: buckets by first letters, chains. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "gongfu/pinyin_words.h"

#define BEAM 8              /* chains kept per (letter reached, characters) */
#define MAX_STATES 65536    /* chain states tried in one find */
#define MAX_UNIT 6          /* letters of the longest syllable (zhuang) */

struct entry {
    uint32_t off, len, nch;
    uint32_t c0, c1;         /* the first two characters */
    uint32_t m0, m1;         /* the first letters of their readings, one bit each */
    double count;
    unsigned contexts;       /* a two-character term's (pinyin_words_add); 0: not known */
};

/* Entry ids grouped by a small number (a letter, or a pair of letters). */
struct buckets {
    uint32_t *off;           /* nb + 1 */
    uint32_t *ids;
};

struct cand {
    uint32_t off, len;       /* in the scratch text */
    uint32_t nch;
    double count, est;       /* a chain: its rarest pair's count and its estimate */
    int flags, chain, dup;
    unsigned contexts;       /* 0: not known */
};

/* A chain being grown: the letter it reached, its characters (parent states), and two
 * measures of how often it may occur: its rarest pair's count, which it cannot exceed,
 * and the product of count(ab) / count(a) along it, to tell apart chains equal by the
 * first. */
struct state {
    int pos, nch, flags, parent;
    uint32_t last;
    double upper, est;
};

struct pinyin_words {
    struct entry *e;
    size_t n, cap;
    char *text;
    size_t ntext, captext;
    /* indexes, made by finish */
    uint32_t *bi;            /* two-character entries by (c0, c1) */
    uint32_t *uni;           /* one-character entries by c0 */
    size_t nbi, nuni;
    struct buckets by1, by2, bylong;   /* unigrams, bigrams, longer words by first letters */
    uint32_t *stamp, gen;
    /* scratch of one find */
    struct cand *cand;
    size_t ncand, capcand;
    char *out;
    size_t nout, capout;
    struct state *st;
    size_t nst, capst;
};

int pinyin_words_new(struct pinyin_words **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : -1;
}

size_t pinyin_words_size(const struct pinyin_words *w)
{
    return w ? w->n : 0;
}

void pinyin_words_free(struct pinyin_words **pw)
{
    struct pinyin_words *w = *pw;
    if (!w)
        return;
    free(w->e), free(w->text), free(w->bi), free(w->uni), free(w->stamp);
    struct buckets *b[] = {&w->by1, &w->by2, &w->bylong};
    for (size_t i = 0; i < 3; i++)
        free(b[i]->off), free(b[i]->ids);
    free(w->cand), free(w->out), free(w->st);
    free(w);
    *pw = NULL;
}

/* The first letters c's readings start with, one bit each. */
static uint32_t letters(uint32_t c)
{
    struct pinyin_reading r[PINYIN_MAX_READINGS];
    size_t n = pinyin_readings(c, r);
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++)
        m |= 1u << (r[i].syllable[0] - 'a');
    return m;
}

int pinyin_words_add(struct pinyin_words *w, const char *word, size_t n, double sections,
                     unsigned contexts)
{
    struct entry e = {(uint32_t)w->ntext, (uint32_t)n, 0, 0, 0, 0, 0, sections, contexts};
    for (size_t i = 0; i < n;) {
        uint32_t c, m;
        i += fold_decode(word + i, n - i, &c);
        if (!(m = letters(c)))
            return 0;
        if (e.nch == 0)
            e.c0 = c, e.m0 = m;
        else if (e.nch == 1)
            e.c1 = c, e.m1 = m;
        e.nch++;
    }
    if (!e.nch || n > 0xFFFF)
        return 0;
    if (array_grow((void **)&w->e, &w->cap, w->n + 1, sizeof *w->e) ||
        array_grow((void **)&w->text, &w->captext, w->ntext + n + 1, 1))
        return -1;
    memcpy(w->text + w->ntext, word, n);
    w->text[w->ntext + n] = 0;
    w->ntext += n + 1;
    w->e[w->n++] = e;
    return 0;
}

static int by_chars(const void *a, const void *b, void *ctx)
{
    const struct pinyin_words *w = ctx;
    const struct entry *x = &w->e[*(const uint32_t *)a], *y = &w->e[*(const uint32_t *)b];
    if (x->c0 != y->c0)
        return x->c0 < y->c0 ? -1 : 1;
    return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* Bucket b of entry id: calls add(b) for each; first pass counts, second fills. */
static int fill(struct pinyin_words *w, struct buckets *bk, size_t nb, uint32_t nch_min,
                uint32_t nch_max, int pairs)
{
    bk->off = calloc(nb + 2, sizeof *bk->off);
    if (!bk->off)
        return -1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < w->n; i++) {
            const struct entry *e = &w->e[i];
            if (e->nch < nch_min || e->nch > nch_max)
                continue;
            uint32_t m0 = e->m0, m1 = pairs ? e->m1 : 1;
            for (uint32_t a = 0; a < 26; a++)
                for (uint32_t b = 0; (m0 >> a & 1) && b < 26; b++) {
                    if (!(m1 >> b & 1))
                        continue;
                    size_t k = pairs ? a * 26 + b : a;
                    if (pass == 0)
                        bk->off[k + 2]++;
                    else
                        bk->ids[bk->off[k + 1]++] = (uint32_t)i;
                }
        }
        if (pass == 0) {
            for (size_t k = 2; k < nb + 2; k++)
                bk->off[k] += bk->off[k - 1];
            if (!(bk->ids = malloc((bk->off[nb + 1] + 1) * sizeof *bk->ids)))
                return -1;
        }
    }
    return 0;
}

int pinyin_words_finish(struct pinyin_words *w)
{
    w->bi = malloc((w->n + 1) * sizeof *w->bi);
    w->uni = malloc((w->n + 1) * sizeof *w->uni);
    w->stamp = calloc(w->n + 1, sizeof *w->stamp);
    if (!w->bi || !w->uni || !w->stamp)
        return -1;
    for (size_t i = 0; i < w->n; i++) {
        if (w->e[i].nch == 1)
            w->uni[w->nuni++] = (uint32_t)i;
        else if (w->e[i].nch == 2)
            w->bi[w->nbi++] = (uint32_t)i;
    }
    qsort_r(w->uni, w->nuni, sizeof *w->uni, by_chars, w);
    qsort_r(w->bi, w->nbi, sizeof *w->bi, by_chars, w);
    return fill(w, &w->by1, 26, 1, 1, 0) || fill(w, &w->by2, 26 * 26, 2, 2, 1) ||
           fill(w, &w->bylong, 26, 3, UINT32_MAX, 0) ? -1 : 0;
}

/* ---- finding ---- */

/* The first of the sorted ids whose entry starts with c. */
static size_t lower(const struct pinyin_words *w, const uint32_t *ids, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (w->e[ids[mid]].c0 < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static double unigram_count(const struct pinyin_words *w, uint32_t c, double dflt)
{
    size_t i = lower(w, w->uni, w->nuni, c);
    return i < w->nuni && w->e[w->uni[i]].c0 == c && w->e[w->uni[i]].count > 0
               ? w->e[w->uni[i]].count : dflt;
}

static int combine(int path, int step)
{
    return (path & step & PINYIN_FULL) | ((path | step) & PINYIN_RARE);
}

static int add_text(struct pinyin_words *w, const char *s, size_t n, uint32_t *off)
{
    if (array_grow((void **)&w->out, &w->capout, w->nout + n + 1, 1))
        return -1;
    *off = (uint32_t)w->nout;
    memcpy(w->out + w->nout, s, n);
    w->out[w->nout + n] = 0;
    w->nout += n + 1;
    return 0;
}

static int add_cand(struct pinyin_words *w, const char *s, size_t n, uint32_t nch, double count,
                    double est, int flags, int chain, unsigned contexts)
{
    uint32_t off;
    if (array_grow((void **)&w->cand, &w->capcand, w->ncand + 1, sizeof *w->cand) ||
        add_text(w, s, n, &off))
        return -1;
    w->cand[w->ncand++] = (struct cand){off, (uint32_t)n, nch, count, est, flags, chain, 0,
                                        contexts};
    return 0;
}

static int push_state(struct pinyin_words *w, struct state s)
{
    if (w->nst >= MAX_STATES)
        return 0;
    if (array_grow((void **)&w->st, &w->capst, w->nst + 1, sizeof *w->st))
        return -1;
    w->st[w->nst++] = s;
    return 0;
}

/* Whole-key matches of the entries in bucket k; chain starts from two-character ones. */
static int scan_bucket(struct pinyin_words *w, const struct pinyin_key *key,
                       const struct buckets *bk, size_t k, int single_full)
{
    for (uint32_t j = bk->off[k]; j < bk->off[k + 1]; j++) {
        uint32_t id = bk->ids[j];
        if (w->stamp[id] == w->gen)
            continue;
        w->stamp[id] = w->gen;
        const struct entry *e = &w->e[id];
        int flags;
        if (pinyin_match(key, w->text + e->off, e->len, &flags) &&
            (!single_full || (flags & PINYIN_FULL)) &&
            add_cand(w, w->text + e->off, e->len, e->nch, e->count, e->count, flags, 0,
                     e->contexts))
            return -1;
        if (e->nch != 2 || key->n < 3)
            continue;
        struct pinyin_step s0[PINYIN_MAX_STEPS], s1[PINYIN_MAX_STEPS];
        size_t n0 = pinyin_steps(key, 0, e->c0, s0);
        for (size_t a = 0; a < n0; a++) {
            size_t n1 = pinyin_steps(key, s0[a].end, e->c1, s1);
            for (size_t b = 0; b < n1; b++)
                if (s1[b].end < key->n &&
                    push_state(w, (struct state){s1[b].end, 2, combine(s0[a].flags,
                               s1[b].flags), -1 - (int)id, e->c1, e->count, e->count}))
                    return -1;
        }
    }
    return 0;
}

static int better_flags(int a, int b)
{
    if ((a & PINYIN_FULL) != (b & PINYIN_FULL))
        return (a & PINYIN_FULL) ? -1 : 1;
    if ((a & PINYIN_RARE) != (b & PINYIN_RARE))
        return (a & PINYIN_RARE) ? 1 : -1;
    return 0;
}

static int by_state(const void *a, const void *b, void *ctx)
{
    const struct pinyin_words *w = ctx;
    const struct state *x = &w->st[*(const int *)a], *y = &w->st[*(const int *)b];
    if (x->nch != y->nch)
        return x->nch - y->nch;
    int f = better_flags(x->flags, y->flags);
    if (f)
        return f;
    if (x->upper != y->upper)
        return x->upper > y->upper ? -1 : 1;
    return x->est > y->est ? -1 : x->est < y->est;
}

/* The chain of state i followed by the character last, as UTF-8 in buf; its length. */
static size_t chain_text(const struct pinyin_words *w, int i, uint32_t last, char *buf)
{
    uint32_t c[PINYIN_MAX_CHAIN + 2];
    int n = 0;
    c[n++] = last;
    for (; i >= 0; i = w->st[i].parent)
        c[n++] = w->st[i].last;
    const struct entry *first = &w->e[-1 - i];
    size_t len = fold_encode(first->c0, buf);
    while (n-- > 0)
        len += fold_encode(c[n], buf + len);
    return len;
}

/* Extends the best chains at each letter, in order, by the pairs that follow them. */
static int grow_chains(struct pinyin_words *w, const struct pinyin_key *key)
{
    int *at = malloc((w->nst + 1) * sizeof *at);
    if (!at)
        return -1;
    for (int p = 1; p < key->n; p++) {
        size_t nat = 0;
        for (size_t i = 0; i < w->nst; i++)
            if (w->st[i].pos == p && w->st[i].nch < PINYIN_MAX_CHAIN)
                at[nat++] = (int)i;
        qsort_r(at, nat, sizeof *at, by_state, w);
        int kept = 0, nch = 0;
        for (size_t a = 0; a < nat; a++) {
            struct state s = w->st[at[a]];
            kept = s.nch == nch ? kept + 1 : 1, nch = s.nch;
            if (kept > BEAM)
                continue;
            double base = unigram_count(w, s.last, 1);
            for (size_t j = lower(w, w->bi, w->nbi, s.last);
                 j < w->nbi && w->e[w->bi[j]].c0 == s.last; j++) {
                const struct entry *e = &w->e[w->bi[j]];
                struct pinyin_step st[PINYIN_MAX_STEPS];
                size_t ns = pinyin_steps(key, p, e->c1, st);
                for (size_t k = 0; k < ns; k++) {
                    struct state t = {st[k].end, s.nch + 1, combine(s.flags, st[k].flags),
                                      at[a], e->c1, e->count < s.upper ? e->count : s.upper,
                                      s.est * e->count / base};
                    if (t.pos == key->n) {
                        char buf[4 * (PINYIN_MAX_CHAIN + 2)];
                        if (add_cand(w, buf, chain_text(w, at[a], e->c1, buf),
                                     (uint32_t)t.nch, t.upper, t.est, t.flags, 1, 0))
                            goto oom;
                    } else if (push_state(w, t)) {
                        goto oom;
                    }
                }
            }
        }
        /* New states were added past p; `at` may need room for them. */
        int *grown = realloc(at, (w->nst + 1) * sizeof *at);
        if (!grown)
            goto oom;
        at = grown;
    }
    free(at);
    return 0;
oom:
    free(at);
    return -1;
}

/* Contexts as ranked: up to PINYIN_FREE; a word whose contexts are not known (longer ones,
 * an older database) counts as free. */
static unsigned freedom(unsigned contexts)
{
    return contexts && contexts < PINYIN_FREE ? contexts : PINYIN_FREE;
}

static int by_rank(const void *a, const void *b, void *ctx)
{
    const struct pinyin_words *w = ctx;
    const struct cand *x = a, *y = b;
    int f = better_flags(x->flags, y->flags);
    if (f)
        return f;
    /* More contexts first, up to PINYIN_FREE (a word before a bigram across two words). */
    unsigned cx = freedom(x->contexts), cy = freedom(y->contexts);
    if (cx != cy)
        return cx > cy ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    if (x->est != y->est)
        return x->est > y->est ? -1 : 1;
    if (x->chain != y->chain)
        return x->chain - y->chain;            /* a word of the list before a chain */
    int c = memcmp(w->out + x->off, w->out + y->off, x->len < y->len ? x->len : y->len);
    return c ? c : (int)x->len - (int)y->len;
}

static int by_text(const void *a, const void *b, void *ctx)
{
    const struct pinyin_words *w = ctx;
    const struct cand *x = &w->cand[*(const uint32_t *)a], *y = &w->cand[*(const uint32_t *)b];
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    int c = memcmp(w->out + x->off, w->out + y->off, x->len);
    return c ? c : (*(const uint32_t *)a > *(const uint32_t *)b) - (*(const uint32_t *)a < *(const uint32_t *)b);
}

/* Marks every candidate but the best ranked of each text (a chain is often found by
 * several readings), so none is checked twice. */
static int mark_duplicates(struct pinyin_words *w)
{
    uint32_t *ix = malloc((w->ncand + 1) * sizeof *ix);
    if (!ix)
        return -1;
    for (size_t i = 0; i < w->ncand; i++)
        ix[i] = (uint32_t)i;
    qsort_r(ix, w->ncand, sizeof *ix, by_text, w);
    for (size_t i = 1; i < w->ncand; i++) {
        const struct cand *a = &w->cand[ix[i - 1]];
        struct cand *b = &w->cand[ix[i]];
        b->dup = a->len == b->len && !memcmp(w->out + a->off, w->out + b->off, a->len);
    }
    free(ix);
    return 0;
}

int pinyin_words_find(struct pinyin_words *w, const struct pinyin_key *k,
                      pinyin_exists_fn exists, void *ctx, struct pinyin_candidate *out,
                      size_t max)
{
    w->ncand = w->nout = w->nst = 0;
    if (++w->gen == 0) {
        memset(w->stamp, 0, (w->n + 1) * sizeof *w->stamp);
        w->gen = 1;
    }
    if (!k->n || !w->stamp)
        return 0;
    int l0 = k->letter[0] - 'a';
    if (scan_bucket(w, k, &w->by1, (size_t)l0, 1) || scan_bucket(w, k, &w->bylong, (size_t)l0, 0))
        return -1;
    /* Pairs by the letters of the first two units: the first is an initial or a whole
     * syllable (only the last unit may be cut short). */
    for (int e = 1; e <= MAX_UNIT && e < k->n && (e == 1 || !k->start[e - 1]); e++) {
        int initial = e == 1 || (e == 2 && k->letter[1] == 'h' && strchr("zcs", k->letter[0]));
        if ((initial || pinyin_syllable_known(k->letter, (size_t)e)) &&
            scan_bucket(w, k, &w->by2, (size_t)(l0 * 26 + (k->letter[e] - 'a')), 0))
            return -1;
    }
    if (grow_chains(w, k))
        return -1;
    if (!w->ncand)
        return 0;
    qsort_r(w->cand, w->ncand, sizeof *w->cand, by_rank, w);
    if (mark_duplicates(w))
        return -1;
    size_t n = 0;
    int checks = 0;
    /* known[f]: the longest word of the list found with flags f or better ones. */
    static const int rank_order[4] = {PINYIN_FULL, PINYIN_FULL | PINYIN_RARE, 0, PINYIN_RARE};
    uint32_t known[4] = {0};
    for (size_t i = 0; i < w->ncand; i++)
        if (!w->cand[i].chain && w->cand[i].nch > known[w->cand[i].flags & 3])
            known[w->cand[i].flags & 3] = w->cand[i].nch;
    for (int r = 1; r < 4; r++)
        if (known[rank_order[r - 1]] > known[rank_order[r]])
            known[rank_order[r]] = known[rank_order[r - 1]];
    for (size_t i = 0; i < w->ncand && n < max; i++) {
        const struct cand *c = &w->cand[i];
        const char *s = w->out + c->off;
        /* Words read by whole syllables make the rest moot (yanglao is 养老, not 严格落). */
        if (n && (out[0].flags & PINYIN_FULL) && !(c->flags & PINYIN_FULL))
            break;
        if (c->dup)
            continue;
        if (c->chain) {
            /* Checking costs a phrase query: not for a chain far rarer than the best, nor
             * one no longer than a word of the list read the same way (the catalogue's
             * 人均地区生产总值 for rjdqsczz). */
            if (checks == PINYIN_MAX_CHECKS || (n && c->count * PINYIN_SHARE < out[0].sections) ||
                c->nch <= known[c->flags & 3])
                continue;
            checks++;
            int r = exists(ctx, s, c->len);
            if (r < 0)
                return -1;
            if (!r)
                continue;
        }
        out[n++] = (struct pinyin_candidate){s, c->len, c->count, c->flags,
                                             freedom(c->contexts)};
    }
    return (int)n;
}
