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

/* Sections grouped by document: document k (0 … n - 1, in increasing order of the
 * sections' doc numbers) has sections sec[off[k] .. off[k + 1]). */
struct rel_docs {
    size_t n;
    size_t *off;
    uint32_t *sec;
};

struct relations {
    const struct relations_section *secs;
    size_t n;
    const struct relations_df *given;  /* the corpus's df, for a model of a few sections */
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
    struct rel_docs docs;
    uint32_t *doc_of;                /* section → its document in docs */
};

/* Whether token k of a section follows token k - 1 inside one run of characters. */
static inline int rel_tok_joined(const struct rel_tok *t, size_t k)
{
    return k > 0 && t[k].bigram && t[k - 1].bigram && t[k].part == t[k - 1].part &&
           t[k].start < t[k - 1].start + t[k - 1].len;
}

/* Fills m->docs and m->doc_of (relations_docs.c). 0, or -1 when out of memory. */
int rel_docs_build(struct relations *m);
/* Which documents each document is compared with: document k's are nb[nb_off[k] ..
 * nb_off[k + 1]); both arrays malloc'd. 0, or -1 when out of memory. */
int rel_neighbours(const struct relations *m, uint32_t **nb_off, uint32_t **nb);

/* Whether the token is one CJK character (left out: the bigrams carry them). */
int rel_single_cjk(const char *tok, int n);
/* Whether the token is two CJK characters. */
int rel_is_bigram(const char *tok, int n);

#endif
