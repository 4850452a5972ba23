/* targets_int.h — what the extractor's modules share (private to src/core).
 *
 * The extractor works on "tchars": the text folded (Traditional → Simplified, NFKC, so
 * 達到 is 达到 and ，is ,) with spaces dropped (the Taizhou text puts them inside words
 * and numbers), each character keeping its byte span in the original text so every span
 * reported points at the text as written. */
#ifndef GONGFU_TARGETS_INT_H
#define GONGFU_TARGETS_INT_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/targets.h"

struct tchar {
    uint32_t c;
    size_t off, end;        /* byte span of the original character */
};

struct ttext {
    const char *src;        /* the original text */
    size_t srclen;
    struct tchar *v;        /* v[n] is a sentinel: c == 0, off == end == srclen */
    size_t n;
};

int ttext_build(const char *s, size_t n, struct ttext *t);
void ttext_free(struct ttext *t);

/* Length in tchars of `word` (folded UTF-8) at t->v[i..lim), or 0. */
size_t tx_at(const struct ttext *t, size_t i, size_t lim, const char *word);
/* Length of `word` ending just before t->v[i], starting at or after lo, or 0. */
size_t tx_before(const struct ttext *t, size_t lo, size_t i, const char *word);
/* The longest of a NULL-terminated list at i / ending at i; its index in *which. */
size_t tx_at_any(const struct ttext *t, size_t i, size_t lim, const char *const *words,
                 int *which);
size_t tx_before_any(const struct ttext *t, size_t lo, size_t i, const char *const *words,
                     int *which);

static inline int tx_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static inline int tx_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int tx_han(uint32_t c);
/* Punctuation that ends a clause: , ; 。 : ! ? and the line end. */
int tx_clause_end(const struct ttext *t, size_t i);
int tx_quote(uint32_t c);

/* Folded UTF-8 of t->v[a..b) (what the linker matches); malloc'd. */
char *tx_fold(const struct ttext *t, size_t a, size_t b);
/* The original bytes of t->v[a..b), as one substring / character by character (which
 * leaves out the spaces between them); malloc'd. */
char *tx_orig(const struct ttext *t, size_t a, size_t b);
char *tx_orig_chars(const struct ttext *t, size_t a, size_t b);

/* ---- the lexicon: the words these texts commit with ---- */

struct cmp_word {
    const char *w;
    enum target_cmp cmp;
    unsigned flags;
};
/* Comparator words written before a value (达到, 不低于, 控制在 …), NULL-terminated. */
extern const struct cmp_word lex_verbs[];
/* A number's unit at i (万元, %, 微克/立方米, 个百分点 …): its length, 0 if none. */
size_t lex_unit(const struct ttext *t, size_t i, size_t lim);
/* The closing word at i: 以上, 以内, 左右 …; sets *cmp. 0 if none. */
size_t lex_suffix(const struct ttext *t, size_t i, size_t lim, enum target_cmp *cmp);
/* 1 when the phrase t->v[a..b) names something measurable (a rate, a count, an amount);
 * *rate set when it is a rate or share, whose lost unit is "%". */
int lex_measurable(const struct ttext *t, size_t a, size_t b, int *rate);

/* ---- values (targets_value.c) ---- */

/* A number with its unit and closing word; a range "10—50" has hi set (else NAN). */
struct val {
    size_t ns, ne;          /* the number(s) */
    size_t us, ue;          /* the unit, empty when none is written */
    size_t end;             /* after the closing word */
    double value, hi;
    int has_suffix;
    enum target_cmp scmp;   /* what the closing word means */
};

enum { VAL_NO, VAL_OK, VAL_SHARE };
/* Reads the number starting at t->v[i] (a digit) in the clause [cs, lim):
 * VAL_OK, a committed value; VAL_SHARE, a percentage of the things the rest of the clause
 * describes ("65%以上的村…"); VAL_NO, a number that commits to nothing. *next is where
 * scanning goes on. */
int val_parse(const struct ttext *t, size_t cs, size_t i, size_t lim, struct val *v,
              size_t *next);

#endif
