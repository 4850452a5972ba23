/* search_terms.c — the index's terms and their sections (search_terms.h): an open-addressed
 * hash table of the terms, their bytes kept in one buffer. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "search_terms.h"

struct slot {
    uint64_t key;               /* a term of up to 8 bytes, zero-padded; else its hash */
    uint32_t off, len;          /* the term in the buffer; len 0: an empty slot */
    uint32_t sections, last;    /* last: the section it was last counted in */
};

struct search_terms {
    struct slot *s;
    size_t cap, n;              /* cap: a power of two, at most half used */
    char *bytes;
    size_t nbytes, bytes_cap;
    uint32_t section;           /* the current section, from 1 */
    int failed;
};

/* Nearly every token is one or two Han characters (3 or 6 bytes) or a short word: those
 * are their own key, compared in one step. A token holds no NUL byte. */
static uint64_t key_of(const char *s, size_t n)
{
    uint64_t k = 0;
    if (n == 3)                 /* the lengths of a Han character and of a bigram, */
        memcpy(&k, s, 3);       /* copied as constants */
    else if (n == 6)
        memcpy(&k, s, 6);
    else if (n <= 8)
        memcpy(&k, s, n);
    if (n <= 8)
        return k;
    k = 0x9E3779B97F4A7C15ULL ^ n;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i < 8 ? n - i : 8);
        k = (k ^ w) * 0xff51afd7ed558ccdULL;
        k ^= k >> 32;
    }
    return k;
}

static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ULL;
    return (size_t)(key >> 32 ^ key) & (cap - 1);
}

static inline struct slot *find(struct slot *s, size_t cap, const char *bytes, uint64_t key,
                         const char *tok, size_t n)
{
    for (size_t i = slot_of(key, cap);; i = (i + 1) & (cap - 1))
        if (!s[i].len || (s[i].key == key && s[i].len == n &&
                          (n <= 8 || !memcmp(bytes + s[i].off, tok, n))))
            return &s[i];
}

static int grow(struct search_terms *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    struct slot *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->s[i].len) {
            size_t j = slot_of(t->s[i].key, cap);
            while (s[j].len)
                j = (j + 1) & (cap - 1);
            s[j] = t->s[i];
        }
    free(t->s);
    t->s = s, t->cap = cap;
    return 0;
}

int terms_new(struct search_terms **out)
{
    *out = calloc(1, sizeof **out);
    return *out && grow(*out) == 0 ? 0 : (terms_free(out), -1);
}

void terms_free(struct search_terms **t)
{
    if (*t) {
        free((*t)->s);
        free((*t)->bytes);
    }
    free(*t);
    *t = NULL;
}

void terms_section(struct search_terms *t)
{
    t->section++;
}

/* A term not seen before, into the slot find gave (moved when the table grows). NULL when
 * out of memory. Apart from terms_token, whose every call the tap makes. */
static __attribute__((noinline)) struct slot *add_term(struct search_terms *t, struct slot *s,
                                                       uint64_t k, const char *tok, size_t n)
{
    if ((t->n + 1) * 2 > t->cap) {
        if (grow(t) < 0)
            return NULL;
        s = find(t->s, t->cap, t->bytes, k, tok, n);
    }
    if (t->nbytes + n > UINT32_MAX ||
        array_grow((void **)&t->bytes, &t->bytes_cap, t->nbytes + n, 1) < 0)
        return NULL;
    memcpy(t->bytes + t->nbytes, tok, n);
    *s = (struct slot){ k, (uint32_t)t->nbytes, (uint32_t)n, 0, 0 };
    t->nbytes += n;
    t->n++;
    return s;
}

int terms_token(struct search_terms *t, const char *tok, size_t n)
{
    if (t->failed)
        return -1;
    if (!n)
        return 0;               /* the tokenizer gives none (an empty slot's length) */
    uint64_t k = key_of(tok, n);
    struct slot *s = find(t->s, t->cap, t->bytes, k, tok, n);
    if (!s->len && !(s = add_term(t, s, k, tok, n)))
        return t->failed = 1, -1;
    if (s->last != t->section)
        s->last = t->section, s->sections++;
    return 0;
}

/* Byte order, a shorter term before the longer one it begins (memcmp's, as FTS5 sorts). */
static int by_bytes(const void *a, const void *b, void *bytes)
{
    const struct slot *x = *(const struct slot *const *)a, *y = *(const struct slot *const *)b;
    const char *s = bytes;
    int c = memcmp(s + x->off, s + y->off, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

int terms_each(const struct search_terms *t,
               int (*fn)(void *ctx, const char *term, size_t n, int64_t sections), void *ctx)
{
    const struct slot **v = malloc((t->n ? t->n : 1) * sizeof *v);
    if (!v)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->s[i].len)
            v[k++] = &t->s[i];
    qsort_r(v, k, sizeof *v, by_bytes, t->bytes);
    int rc = 0;
    for (size_t i = 0; i < k && rc == 0; i++)
        rc = fn(ctx, t->bytes + v[i]->off, v[i]->len, v[i]->sections);
    free(v);
    return rc;
}
