/* word_contexts.c — characters seen on each side of two-character terms (word_contexts.h):
 * a hash table from the term's bytes to two 64-bit signatures. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/tokenizer.h"
#include "gongfu/word_contexts.h"

struct slot {
    uint64_t key;               /* the term's UTF-8 bytes, zero-padded; 0: empty */
    uint64_t left, right;       /* one bit per character seen (hashed) */
};

/* The tokens of one text in order: the previous term, to link it with the next. */
struct scan {
    struct word_contexts *t;
    char prev[TOKENIZER_MAX_TOKEN];
    int nprev, prev_end;        /* nprev 0: none; prev_end: its end in the text */
    size_t first;               /* bytes of prev's first character */
    size_t slot, cap;           /* prev's slot, while the table has that capacity */
    int failed;
};

struct word_contexts {
    struct slot *s;
    size_t cap, n;              /* cap: a power of two */
    struct scan tap;            /* the text word_contexts_token is given */
};

static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* A term of two characters of 3 or 4 bytes each (Han) fits in 8 bytes; others are not
 * kept (0). */
static uint64_t key_of(const char *t, size_t n)
{
    size_t a = n ? char_len(t) : 0, b = a && a < n ? char_len(t + a) : 0;
    if (a < 3 || b < 3 || a + b != n)
        return 0;
    uint64_t k = 0;
    if (n == 6)                 /* two Han characters: copied as a constant size */
        memcpy(&k, t, 6);
    else
        memcpy(&k, t, n);
    return k;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
}

/* The bit of a neighbouring character (its bytes), or of the edge of a run (n = 0). */
static uint64_t bit_of(const char *c, size_t n)
{
    uint64_t k = 0;
    if (n == 3)                 /* a Han character: copied as a constant size */
        memcpy(&k, c, 3);
    else
        memcpy(&k, c, n < 8 ? n : 8);
    return 1ULL << (mix(k + 1) & 63);
}

static struct slot *find(struct slot *s, size_t cap, uint64_t key)
{
    for (size_t i = mix(key) & (cap - 1);; i = (i + 1) & (cap - 1))
        if (s[i].key == key || !s[i].key)
            return &s[i];
}

static int grow(struct word_contexts *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    struct slot *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->s[i].key)
            *find(s, cap, t->s[i].key) = t->s[i];
    free(t->s);
    t->s = s;
    t->cap = cap;
    return 0;
}

static struct slot *slot_for(struct word_contexts *t, uint64_t key)
{
    if ((t->n + 1) * 2 > t->cap && grow(t) < 0)      /* at most half full: short probes */
        return NULL;
    struct slot *s = find(t->s, t->cap, key);
    if (!s->key)
        s->key = key, t->n++;
    return s;
}

int word_contexts_new(struct word_contexts **out)
{
    *out = calloc(1, sizeof **out);
    return *out && grow(*out) == 0 ? 0 : (word_contexts_free(out), -1);
}

void word_contexts_free(struct word_contexts **t)
{
    if (*t)
        free((*t)->s);
    free(*t);
    *t = NULL;
}

/* The previous term's slot: where it was, unless the table has grown since. */
static struct slot *prev_slot(struct scan *sc)
{
    if (sc->cap == sc->t->cap)
        return &sc->t->s[sc->slot];
    return slot_for(sc->t, key_of(sc->prev, (size_t)sc->nprev));
}

/* The term before closes: its right side is the edge of its run. */
static void close_prev(struct scan *sc)
{
    struct slot *s = sc->nprev ? prev_slot(sc) : NULL;
    if (sc->nprev && !s)
        sc->failed = 1;
    else if (s)
        s->right |= bit_of("", 0);
    sc->nprev = 0;
}

static int on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct scan *sc = ctx;
    if (flags & TOKEN_COLOCATED)
        return 0;
    uint64_t k = key_of(tok, (size_t)ntok);
    /* Bigrams of one run overlap by a character: the previous one ends past this start. */
    int linked = sc->nprev && k && sc->prev_end > start;
    if (!linked)
        close_prev(sc);
    if (k) {
        /* Each slot is used before the next is looked up: a lookup may move them all. */
        if (linked) {
            size_t second = char_len(tok);
            struct slot *p = prev_slot(sc);
            if (!p)
                return sc->failed = 1;
            p->right |= bit_of(tok + second, (size_t)ntok - second);
        }
        struct slot *s = slot_for(sc->t, k);
        if (!s)
            return sc->failed = 1;
        s->left |= linked ? bit_of(sc->prev, sc->first) : bit_of("", 0);
        sc->slot = (size_t)(s - sc->t->s);
        sc->cap = sc->t->cap;
        memcpy(sc->prev, tok, (size_t)ntok);
        sc->nprev = ntok;
        sc->prev_end = end;
        sc->first = char_len(tok);
    }
    return 0;
}

int word_contexts_add(struct word_contexts *t, const char *text, size_t n)
{
    struct scan sc = {.t = t};
    tokenizer_run(text, (int)n, TOKENIZER_DOCUMENT, on_token, &sc);
    if (!sc.failed)
        close_prev(&sc);
    return sc.failed ? -1 : 0;
}

int word_contexts_token(struct word_contexts *t, int flags, const char *tok, int ntok,
                        int start, int end)
{
    t->tap.t = t;
    on_token(&t->tap, flags, tok, ntok, start, end);
    return t->tap.failed ? -1 : 0;
}

int word_contexts_end(struct word_contexts *t)
{
    t->tap.t = t;
    if (!t->tap.failed)
        close_prev(&t->tap);
    int rc = t->tap.failed ? -1 : 0;
    t->tap = (struct scan){.t = t};
    return rc;
}

static unsigned fewer(const struct slot *s)
{
    int l = __builtin_popcountll(s->left), r = __builtin_popcountll(s->right);
    return (unsigned)(l < r ? l : r);
}

unsigned word_contexts_of(const struct word_contexts *t, const char *term, size_t n)
{
    uint64_t k = key_of(term, n);
    if (!k || !t->cap)
        return 0;
    const struct slot *s = find(t->s, t->cap, k);
    return s->key ? fewer(s) : 0;
}
