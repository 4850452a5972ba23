/* search_terms.c — the terms an indexing pass gives (search_terms.h): an open-addressing
 * hash table from a term's bytes (kept in one pool) to the rows it is in. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/word_contexts.h"
#include "search_terms.h"

struct term {
    uint64_t hash;              /* 0: an empty slot */
    uint64_t head;              /* the term's first 8 bytes, zero-padded */
    size_t off;                 /* the term's bytes in the pool */
    int len;
    int64_t rows, last_row;     /* last_row: the row it was last counted in */
};

struct search_terms {
    struct term *slots;
    size_t cap, n;              /* cap: a power of two, at most half full */
    char *pool;
    size_t pool_len, pool_cap;
    int64_t row;
    struct word_contexts *contexts;
    struct tokenizer_tap tap;
    int failed;
};

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

/* Most terms are one or two Chinese characters (3 to 8 bytes): hashed and compared as one
 * 64-bit word, the bytes past it (a long Latin word) folded in 8 at a time. Never 0 (0
 * marks an empty slot). */
static uint64_t hash_of(const char *s, int n, uint64_t *head)
{
    uint64_t h = (uint64_t)n;
    *head = 0;
    for (int i = 0; i < n; i += 8) {
        uint64_t w = 0;
        memcpy(&w, s + i, (size_t)(n - i < 8 ? n - i : 8));
        if (i == 0)
            *head = w;
        h = mix(h ^ w);
    }
    return h ? h : 1;
}

static int grow(struct search_terms *t)
{
    size_t cap = t->cap ? t->cap * 2 : 8192;
    struct term *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].hash)
            continue;
        size_t j = t->slots[i].hash & (cap - 1);
        while (s[j].hash)
            j = (j + 1) & (cap - 1);
        s[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = s;
    t->cap = cap;
    return 0;
}

static struct term *term_for(struct search_terms *t, const char *tok, int n)
{
    uint64_t head, h = hash_of(tok, n, &head);
    size_t j = h & (t->cap - 1);
    for (; t->slots[j].hash; j = (j + 1) & (t->cap - 1)) {
        struct term *x = &t->slots[j];
        if (x->hash == h && x->head == head && x->len == n &&
            (n <= 8 || !memcmp(t->pool + x->off, tok, (size_t)n)))
            return x;
    }
    if ((t->n + 1) * 2 > t->cap || t->pool_len + (size_t)n > t->pool_cap) {
        if ((t->n + 1) * 2 > t->cap && grow(t) < 0)
            return NULL;
        if (t->pool_len + (size_t)n > t->pool_cap) {
            size_t cap = t->pool_cap * 2 + (size_t)n + 65536;
            char *p = realloc(t->pool, cap);
            if (!p)
                return NULL;
            t->pool = p, t->pool_cap = cap;
        }
        return term_for(t, tok, n);     /* its slot moved with the table */
    }
    memcpy(t->pool + t->pool_len, tok, (size_t)n);
    t->slots[j] = (struct term){.hash = h, .head = head, .off = t->pool_len, .len = n,
                                .last_row = -1};
    t->pool_len += (size_t)n;
    t->n++;
    return &t->slots[j];
}

static void on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct search_terms *t = ctx;
    struct term *x = term_for(t, tok, ntok);
    if (!x || word_contexts_token(t->contexts, flags, tok, ntok, start, end) < 0) {
        t->failed = 1;
        return;
    }
    if (x->last_row != t->row)
        x->rows++, x->last_row = t->row;
}

static void on_end(void *ctx)
{
    struct search_terms *t = ctx;
    if (word_contexts_end(t->contexts) < 0)
        t->failed = 1;
}

int search_terms_new(struct search_terms **out)
{
    struct search_terms *t = *out = calloc(1, sizeof *t);
    if (!t || grow(t) < 0 || word_contexts_new(&t->contexts) < 0) {
        search_terms_free(out);
        return -1;
    }
    t->tap = (struct tokenizer_tap){on_token, on_end, t};
    return 0;
}

void search_terms_free(struct search_terms **pt)
{
    struct search_terms *t = *pt;
    if (!t)
        return;
    word_contexts_free(&t->contexts);
    free(t->slots);
    free(t->pool);
    free(t);
    *pt = NULL;
}

const struct tokenizer_tap *search_terms_tap(struct search_terms *t)
{
    return &t->tap;
}

void search_terms_row(struct search_terms *t)
{
    t->row++;
}

int search_terms_failed(const struct search_terms *t)
{
    return t->failed;
}

static int by_bytes(const void *a, const void *b, void *pool)
{
    const struct term *x = *(const struct term *const *)a, *y = *(const struct term *const *)b;
    int n = x->len < y->len ? x->len : y->len;
    int c = memcmp((char *)pool + x->off, (char *)pool + y->off, (size_t)n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

int search_terms_each(const struct search_terms *t,
                      int (*each)(void *ctx, const char *term, int n, int64_t rows,
                                  unsigned contexts),
                      void *ctx)
{
    const struct term **order = malloc((t->n ? t->n : 1) * sizeof *order);
    if (!order)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].hash)
            order[k++] = &t->slots[i];
    qsort_r(order, k, sizeof *order, by_bytes, t->pool);
    int rc = 0;
    for (size_t i = 0; i < k && rc == 0; i++) {
        const char *term = t->pool + order[i]->off;
        rc = each(ctx, term, order[i]->len, order[i]->rows,
                  word_contexts_of(t->contexts, term, (size_t)order[i]->len));
    }
    free(order);
    return rc;
}
