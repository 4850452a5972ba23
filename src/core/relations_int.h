/* relations_int.h — the relations model as relations.c builds it, for the shared-phrase
 * code in relations_phrases.c. Private to src/core. */
#ifndef GONGFU_RELATIONS_INT_H
#define GONGFU_RELATIONS_INT_H

#include "gongfu/relations.h"

/* One token of a section, in reading order (the title's, then the text's). */
struct rel_tok {
    uint32_t term;
    uint32_t start;      /* byte offset in the title (part 0) or the text (part 1) */
    uint16_t len;        /* bytes */
    uint8_t part;
    uint8_t bigram;      /* two CJK characters: what phrases are made of */
};

/* A vector entry: term and weight (tf during the build, then the normalised TF-IDF). */
struct rel_entry {
    uint32_t term;
    float w;
};

struct relations {
    const struct relations_section *secs;
    size_t n;
    /* the vocabulary: term i is pool[term_off[i] .. + term_len[i]] */
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *term_off, *slots;
    uint8_t *term_len;
    size_t nterms, terms_cap, nslots;
    uint32_t *df;
    float *idf;
    struct rel_tok *toks;            /* section i: toks[tok_off[i] .. tok_off[i + 1]) */
    size_t *tok_off, ntoks, toks_cap;
    struct rel_entry *vec;           /* section i: vec[vec_off[i] .. vec_off[i + 1]), by term */
    size_t *vec_off;
    double *background;
};

/* Whether token k of a section follows token k - 1 inside one run of characters. */
static inline int rel_tok_joined(const struct rel_tok *t, size_t k)
{
    return k > 0 && t[k].bigram && t[k - 1].bigram && t[k].part == t[k - 1].part &&
           t[k].start < t[k - 1].start + t[k - 1].len;
}

/* Whether the token is one CJK character (left out: the bigrams carry them). */
int rel_single_cjk(const char *tok, int n);
/* Whether the token is two CJK characters. */
int rel_is_bigram(const char *tok, int n);

#endif
