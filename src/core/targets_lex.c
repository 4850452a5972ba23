/* targets_lex.c — the folded character view of a text, and looking the lexicon's words up
 * in it: comparators, units, closing words, and what makes a phrase measurable. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "targets_int.h"

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x3000;
}

int ttext_build(const char *s, size_t n, struct ttext *t)
{
    memset(t, 0, sizeof *t);
    t->src = s;
    t->srclen = n;
    /* Each character is folded once, straight from the original (not through a folded
     * copy and a map back to it, decoded again); nearly all fold to one character, so
     * n + 1 entries hold them all but for a few that expand (ligatures, ß, ㎡). */
    size_t cap = n + 1, m = 0;
    struct tchar *v = malloc(cap * sizeof *v);
    if (!v)
        return -1;
    for (size_t i = 0; i < n;) {
        uint32_t oc, f[FOLD_MAX];
        size_t olen, nf;
        const unsigned char *u = (const unsigned char *)s + i;
        /* ASCII and the three-byte characters (all of Han and CJK punctuation) read here,
         * as fold_decode reads them; anything else, or anything ill-formed, by it. */
        if (u[0] < 0x80) {
            oc = u[0];
            olen = 1;
        } else if ((u[0] & 0xF0) == 0xE0 && n - i >= 3 && (u[1] & 0xC0) == 0x80 &&
                   (u[2] & 0xC0) == 0x80 &&
                   (oc = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F)) >= 0x800 &&
                   (oc < 0xD800 || oc > 0xDFFF)) {
            olen = 3;
        } else {
            olen = fold_decode(s + i, n - i, &oc);
        }
        if (oc < 0x80) {
            f[0] = oc >= 'A' && oc <= 'Z' ? oc + 32 : oc;
            nf = 1;
        } else {
            nf = fold_char(oc, f);
        }
        if (m + nf + 1 > cap) {
            cap = cap * 2 + nf + 1;
            struct tchar *nv = realloc(v, cap * sizeof *v);
            if (!nv) {
                free(v);
                return -1;
            }
            v = nv;
        }
        for (size_t j = 0; j < nf; j++)
            v[m++] = (struct tchar){ f[j], i, i + olen, 0 };
        i += olen;
    }
    /* Whitespace dropped, marked on the character after it, in place (k <= i). */
    size_t k = 0;
    while (k < m && !is_space(v[k].c))      /* up to the first space, every entry stays */
        k++;
    int gap = 0;
    for (size_t i = k; i < m; i++) {
        uint32_t c = v[i].c;
        if (is_space(c)) {
            /* A space between two digits separates numbers ("3.5 16." is not 3.516). */
            uint32_t next = 0;
            for (size_t j = i + 1; j < m; j++)
                if (!is_space(v[j].c)) {
                    next = v[j].c;
                    break;
                }
            if (!(k && tx_digit(v[k - 1].c) && tx_digit(next))) {
                gap = 1;
                continue;
            }
            c = ' ';
        }
        v[k] = (struct tchar){ c, v[i].off, v[i].end, gap };
        k++;
        gap = 0;
    }
    v[k] = (struct tchar){ 0, n, n, 0 };
    t->v = v;
    t->n = k;
    return 0;
}

void ttext_free(struct ttext *t)
{
    free(t->v);
    t->v = NULL;
    t->n = 0;
}

/* One character of a lexicon word (a NUL-terminated literal: a NUL ends any sequence, so
 * nothing past it is read); the common lengths decoded here, the rest by fold_decode. */
static inline size_t word_char(const char *w, uint32_t *c)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] < 0x80) {
        *c = u[0];
        return 1;
    }
    if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t v = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
            *c = v;
            return 3;
        }
    }
    return fold_decode(w, 4, c);
}

/* Matching is the extractor's inner loop (every word list at every position): a word is
 * compared character by character as it is decoded, and most fail at the first. */
size_t tx_at_word(const struct ttext *t, size_t i, size_t lim, const char *word)
{
    size_t k = 0;
    for (const char *w = word; *w; k++) {
        uint32_t c;
        w += word_char(w, &c);
        if (i + k >= lim || t->v[i + k].c != c)
            return 0;
    }
    return k;
}

size_t tx_before(const struct ttext *t, size_t lo, size_t i, const char *word)
{
    size_t k = 0;
    for (const char *w = word; *w;) {
        uint32_t c;
        w += word_char(w, &c);
        k++;
    }
    if (k > i || i - k < lo)
        return 0;
    return tx_at(t, i - k, i, word) == k ? k : 0;
}

/* Which characters begin and which end a list's words, as 256 bits of a hash each: most
 * positions hold a character that no word of the list begins (or ends) with, and that is
 * found out without looking at the words (at 10x the corpus, the word lists were a fifth
 * of the import's instructions). Kept by the list's address, per thread: every list is
 * one of the lexicon's constants (lexicon.h). */
struct list_chars {
    const void *list;
    struct tx_chars first, last;
    const struct word_shape *shape;     /* each word's, in the list's order; NULL: none */
    const struct first_entry *by_first; /* nby_first words by first character; NULL: none */
    size_t nby_first;
};

/* A list's words by their first character, then their place in the list: a lookup at a
 * position reads only the words that begin with its character, in the list's order (so
 * the longest, the first of equals, is the one the scan of every word chose). */
struct first_entry {
    uint32_t c, w;
};
#define FIRST_SLOTS 4096        /* more than the lexicon has words */
static _Thread_local struct first_entry firsts[FIRST_SLOTS];
static _Thread_local size_t first_count;

static int by_first_order(const void *a, const void *b)
{
    const struct first_entry *x = a, *y = b;
    return x->c != y->c ? (x->c < y->c ? -1 : 1) : (x->w < y->w ? -1 : x->w > y->w);
}

/* The first of by_first whose character is c (or past those below it). */
static inline const struct first_entry *first_of(const struct list_chars *lc, uint32_t c)
{
    size_t lo = 0, hi = lc->nby_first;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lc->by_first[mid].c < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lc->by_first + lo;
}

/* A word's length in characters and its last character, for the lists looked up before a
 * position (lex_word_before, tx_before_any): a word is held against the text there only
 * when its last character is the one before the position, not decoded again each time. */
struct word_shape {
    uint32_t last, len;
};
#define SHAPE_SLOTS 4096        /* more than the lexicon has words */
static _Thread_local struct word_shape shapes[SHAPE_SLOTS];
static _Thread_local size_t shape_count;

#define LIST_SLOTS 128          /* more than the lexicon has lists */
static _Thread_local struct list_chars list_chars[LIST_SLOTS];
static _Thread_local size_t list_count;
/* The entry of a list, by bits of its address: one look in the common case. */
#define LIST_INDEX 1024
static _Thread_local struct list_chars *list_index[LIST_INDEX];

void tx_chars_add_firsts(struct tx_chars *s, const char *const *words)
{
    for (; *words; words++) {
        uint32_t c;
        if (**words) {
            word_char(*words, &c);
            tx_chars_add(s, c);
        }
    }
}

/* list: NUL-terminated, each element stride bytes with the word's pointer first (a
 * const char * list, or lex_word). NULL when the table is full: no filter then. */
static const struct list_chars *chars_made(const void *list, size_t stride,
                                           struct list_chars **at);

/* The look-up inline, the making apart: every call but a list's first finds it at once. */
static inline const struct list_chars *chars_of(const void *list, size_t stride)
{
    struct list_chars **at = &list_index[((uintptr_t)list >> 3) & (LIST_INDEX - 1)];
    if (*at && (*at)->list == list)
        return *at;
    return chars_made(list, stride, at);
}

static const struct list_chars *chars_made(const void *list, size_t stride,
                                           struct list_chars **at)
{
    for (size_t k = 0; k < list_count; k++)
        if (list_chars[k].list == list)
            return *at = &list_chars[k];
    if (list_count == LIST_SLOTS)
        return NULL;
    struct list_chars *lc = &list_chars[list_count++];
    size_t nwords = 0;
    for (const char *e = list; *(const char *const *)e; e += stride)
        nwords++;
    struct word_shape *shape = NULL;
    if (nwords <= SHAPE_SLOTS - shape_count) {
        shape = &shapes[shape_count];
        shape_count += nwords;
    }
    struct first_entry *by_first = NULL;
    size_t nby_first = 0;
    if (nwords <= FIRST_SLOTS - first_count)
        by_first = &firsts[first_count];
    size_t k = 0;
    for (const char *e = list; *(const char *const *)e; e += stride, k++) {
        const char *w = *(const char *const *)e;
        uint32_t c = 0, len = 0;
        for (int first = 1; *w; first = 0, len++) {
            w += word_char(w, &c);
            if (first) {
                tx_chars_add(&lc->first, c);
                if (by_first)       /* an empty word matches nowhere: it has no entry */
                    by_first[nby_first++] = (struct first_entry){ c, (uint32_t)k };
            }
        }
        if (c)
            tx_chars_add(&lc->last, c);
        if (shape)
            shape[k] = (struct word_shape){ c, len };
    }
    if (by_first) {
        qsort(by_first, nby_first, sizeof *by_first, by_first_order);
        first_count += nby_first;
    }
    lc->shape = shape;
    lc->by_first = by_first;
    lc->nby_first = nby_first;
    lc->list = list;
    return *at = lc;
}

const struct tx_chars *tx_list_firsts(const char *const *words)
{
    const struct list_chars *lc = chars_of(words, sizeof *words);
    return lc ? &lc->first : NULL;
}

/* Whether a word of the list may begin at i (before lim), or end just before i (at lo or
 * after): 0 when none can. */
static int may_begin(const struct ttext *t, size_t i, size_t lim, const void *list,
                     size_t stride)
{
    const struct list_chars *lc;
    return i < lim && (!(lc = chars_of(list, stride)) || tx_chars_may_have(&lc->first, t->v[i].c));
}

static int may_end(const struct ttext *t, size_t lo, size_t i, const void *list,
                   size_t stride)
{
    const struct list_chars *lc;
    return i > lo && (!(lc = chars_of(list, stride)) || tx_chars_may_have(&lc->last, t->v[i - 1].c));
}

/* The character at i as UTF-8, to hold each word of a list against before comparing it
 * character by character: most words of a list fail on their first bytes. n is 0 past lim. */
struct first_char {
    char b[4];
    size_t n;
};

static struct first_char first_at(const struct ttext *t, size_t i, size_t lim)
{
    struct first_char f = {{0}, 0};
    if (i < lim)
        f.n = fold_encode(t->v[i].c, f.b);
    return f;
}

/* Whether word (a NUL-terminated literal) can start with f's character: its first bytes are
 * f's (a NUL in word stops the comparison). */
static inline int starts_so(const char *word, const struct first_char *f)
{
    for (size_t k = 0; k < f->n; k++)
        if (word[k] != f->b[k])
            return 0;
    return f->n > 0;
}

size_t tx_at_any(const struct ttext *t, size_t i, size_t lim, const char *const *words,
                 int *which)
{
    if (!may_begin(t, i, lim, words, sizeof *words))
        return 0;
    const struct list_chars *lc = chars_of(words, sizeof *words);
    size_t best = 0;
    if (lc && lc->by_first) {
        uint32_t c = t->v[i].c;
        for (const struct first_entry *e = first_of(lc, c), *end = lc->by_first + lc->nby_first;
             e < end && e->c == c; e++) {
            size_t l = tx_at(t, i, lim, words[e->w]);
            if (l > best) {
                best = l;
                if (which)
                    *which = (int)e->w;
            }
        }
        return best;
    }
    struct first_char f = first_at(t, i, lim);
    for (int w = 0; words[w]; w++) {
        if (!starts_so(words[w], &f))
            continue;
        size_t l = tx_at(t, i, lim, words[w]);
        if (l > best) {
            best = l;
            if (which)
                *which = w;
        }
    }
    return best;
}

/* Word w of a list ending just before i (not before lo), by its shape when the list has
 * one: its length, or 0. */
static inline size_t before_shaped(const struct ttext *t, size_t lo, size_t i,
                                   const struct list_chars *lc, size_t w, const char *word)
{
    if (!lc || !lc->shape)
        return tx_before(t, lo, i, word);
    const struct word_shape *sh = &lc->shape[w];
    if (!sh->len || sh->len > i - lo || t->v[i - 1].c != sh->last)
        return 0;
    return tx_at(t, i - sh->len, i, word) == sh->len ? sh->len : 0;
}

size_t tx_before_any(const struct ttext *t, size_t lo, size_t i, const char *const *words,
                     int *which)
{
    if (!may_end(t, lo, i, words, sizeof *words))
        return 0;
    const struct list_chars *lc = chars_of(words, sizeof *words);
    size_t best = 0;
    for (int w = 0; words[w]; w++) {
        size_t l = before_shaped(t, lo, i, lc, (size_t)w, words[w]);
        if (l > best) {
            best = l;
            if (which)
                *which = w;
        }
    }
    return best;
}

size_t lex_word_at(const struct ttext *t, size_t i, size_t lim, const struct lex_word *words,
                   const struct lex_word **hit)
{
    if (!may_begin(t, i, lim, words, sizeof *words))
        return 0;
    const struct list_chars *lc = chars_of(words, sizeof *words);
    size_t best = 0;
    if (lc && lc->by_first) {
        uint32_t c = t->v[i].c;
        for (const struct first_entry *e = first_of(lc, c), *end = lc->by_first + lc->nby_first;
             e < end && e->c == c; e++) {
            size_t l = tx_at(t, i, lim, words[e->w].w);
            if (l > best) {
                best = l;
                *hit = &words[e->w];
            }
        }
        return best;
    }
    struct first_char f = first_at(t, i, lim);
    for (const struct lex_word *w = words; w->w; w++) {
        if (!starts_so(w->w, &f))
            continue;
        size_t l = tx_at(t, i, lim, w->w);
        if (l > best) {
            best = l;
            *hit = w;
        }
    }
    return best;
}

size_t lex_word_before(const struct ttext *t, size_t lo, size_t i, const struct lex_word *words,
                       const struct lex_word **hit)
{
    if (!may_end(t, lo, i, words, sizeof *words))
        return 0;
    const struct list_chars *lc = chars_of(words, sizeof *words);
    size_t best = 0;
    for (const struct lex_word *w = words; w->w; w++) {
        size_t l = before_shaped(t, lo, i, lc, (size_t)(w - words), w->w);
        if (l > best) {
            best = l;
            *hit = w;
        }
    }
    return best;
}

int tx_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF);
}

int tx_quote(uint32_t c)
{
    return c == 0x201C || c == 0x201D || c == '"' || c == 0x300C || c == 0x300D ||
           c == 0x300E || c == 0x300F || c == 0x300A || c == 0x300B || c == '\'' ||
           c == 0x2018 || c == 0x2019;
}

char *tx_fold(const struct ttext *t, size_t a, size_t b)
{
    char *out = malloc((b > a ? b - a : 0) * 4 + 1), *p = out;
    if (!out)
        return NULL;
    for (size_t i = a; i < b; i++)
        if (!tx_quote(t->v[i].c))
            p += fold_encode(t->v[i].c, p);
    *p = 0;
    return out;
}

char *tx_orig(const struct ttext *t, size_t a, size_t b)
{
    if (b <= a)
        return strdup("");
    return strndup(t->src + t->v[a].off, t->v[b - 1].end - t->v[a].off);
}

char *tx_orig_chars(const struct ttext *t, size_t a, size_t b)
{
    size_t len = 0;
    for (size_t i = a; i < b; i++)
        if (i == a || t->v[i].off != t->v[i - 1].off)
            len += t->v[i].end - t->v[i].off;
    char *out = malloc(len + 1), *p = out;
    if (!out)
        return NULL;
    for (size_t i = a; i < b; i++)
        if (i == a || t->v[i].off != t->v[i - 1].off) {
            memcpy(p, t->src + t->v[i].off, t->v[i].end - t->v[i].off);
            p += t->v[i].end - t->v[i].off;
        }
    *p = 0;
    return out;
}

/* The comparator word ending at i: its length, and what it means. */
size_t lex_verb_before(const struct ttext *t, size_t lo, size_t i, enum target_cmp *cmp,
                       unsigned *flags)
{
    const struct lex_word *w = NULL;
    size_t l = lex_word_before(t, lo, i, lex_cmp_verbs, &w);
    if (l) {
        *cmp = w->cmp;
        *flags = w->flags;
    }
    return l;
}

/* A unit: a multiplier (万, 亿 …) may come first, a "/" per-unit after. */
static size_t unit_part(const struct ttext *t, size_t i, size_t lim, int per)
{
    size_t j = i, l, unit = 0;
    int unit_known = 0;          /* unit holds the unit at j: not looked up twice */
    for (int k = 0; k < 3; k++) {
        unit = tx_at_any(t, j, lim, lex_units, NULL);
        unit_known = 1;
        if (unit || !(l = tx_at_any(t, j, lim, lex_multipliers, NULL)))
            break;
        j += l;
        unit_known = 0;
    }
    l = unit_known ? unit : tx_at_any(t, j, lim, lex_units, NULL);
    if (per) {
        size_t lp = tx_at_any(t, j, lim, lex_per_units, NULL);
        l = lp > l ? lp : l;
    }
    if (!l && j > i && !tx_han(t->v[j].c))
        return j - i;              /* a bare multiplier: "投资4500亿" */
    return l ? j + l - i : 0;
}

size_t lex_unit(const struct ttext *t, size_t i, size_t lim)
{
    size_t l = unit_part(t, i, lim, 0);
    if (!l)
        return 0;
    if (i + l < lim && t->v[i + l].c == '/') {
        size_t p = unit_part(t, i + l + 1, lim, 1);
        if (p)
            l += 1 + p;
    }
    return l;
}

size_t lex_suffix(const struct ttext *t, size_t i, size_t lim, enum target_cmp *cmp)
{
    const struct lex_word *w;
    size_t l = lex_word_at(t, i, lim, lex_closing_words, &w);
    if (l)
        *cmp = w->cmp;
    return l;
}

int lex_measurable(const struct ttext *t, size_t a, size_t b, int *rate)
{
    *rate = 0;
    while (b > a && (t->v[b - 1].c == ')' || t->v[b - 1].c == 0x201D))
        b--;
    if (b <= a)
        return 0;
    if (tx_before_any(t, a, b, lex_false_heads, NULL))
        return 0;
    if (tx_before_any(t, a, b, lex_rate_heads, NULL)) {
        *rate = 1;
        return 1;
    }
    return tx_before_any(t, a, b, lex_amount_heads, NULL) > 0;
}
