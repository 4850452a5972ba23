/* relations_int.h — the relations model as relations.c builds it, for the documents, pairs
 * and shared-phrase code (relations_docs.c, relations_pairs.c, relations_phrases.c) and
 * the vectors' file (relations_vecs.c). Private to src/core. */
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

/* Where the vectors are kept while a model lives: in memory (vec), or, for the import's
 * model of every section, in a temporary file read back a document or a section at a time,
 * so that the import's memory is that of the documents being compared, not the corpus's. */
struct rel_spill {
    int fd;                          /* -1: none, the vectors are in memory */
    size_t nent;                     /* entries written */
};

/* The vectors of the sections last loaded into it: section i's entries are
 * buf[vec_off[i] - from .. vec_off[i + 1] - from). An in-memory model's window is all of
 * its vectors (from 0), without a copy. */
struct rel_window {
    const struct rel_entry *buf;
    size_t from;
    struct rel_entry *own;           /* what a spilled model read into */
    size_t cap;
};

struct relations {
    const struct relations_section *secs;
    size_t n;
    struct relations_section *own_secs;  /* the sections a stream gave (doc, kind only) */
    size_t secs_cap;                 /* a stream's: room in own_secs and vec_off */
    const struct relations_df *given;  /* the corpus's df, for a model of a few sections */
    /* the vocabulary: term i is pool[term_off[i] .. + term_len[i]] */
    char *pool;
    size_t pool_len, pool_cap;
    uint32_t *term_off, *slots;
    uint8_t *term_len;
    size_t nterms, terms_cap, nslots;
    uint32_t *df;
    float *idf;
    float *tf;                       /* while counting a section: each term's count */
    uint32_t *terms, *terms_tmp;     /* while counting: the section's distinct terms */
    size_t terms_cap2, terms_tmp_cap;
    struct rel_tok *toks;            /* section i: toks[tok_off[i] .. tok_off[i + 1]) */
    size_t *tok_off, ntoks, toks_cap;
    int keep_toks;                   /* for relations_shared; else toks holds one section's */
    struct rel_entry *vec;           /* section i: vec[vec_off[i] .. vec_off[i + 1]), by term */
    size_t *vec_off, vec_cap;        /* (vec is NULL when spilled: see rel_window) */
    struct rel_spill spill;
    uint8_t *shared;                 /* per term: some related pair shares it */
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

/* Section i's entries in a window that holds them. */
static inline const struct rel_entry *rel_vec(const struct relations *m, const struct rel_window *w,
                                              size_t i)
{
    return w->buf + (m->vec_off[i] - w->from);
}

static inline size_t rel_vec_len(const struct relations *m, size_t i)
{
    return m->vec_off[i + 1] - m->vec_off[i];
}

/* The vectors' file (relations_vecs.c). open: 0, or -1 (no file: the vectors stay in
 * memory). write/read: entries [at, at + n) of the file; 0, or -1. */
int rel_spill_open(struct rel_spill *s);
int rel_spill_write(struct rel_spill *s, const struct rel_entry *v, size_t n, size_t at);
int rel_spill_read(const struct rel_spill *s, struct rel_entry *v, size_t n, size_t at);
void rel_spill_close(struct rel_spill *s);
/* Loads the vectors of document k's sections (of a spilled model: they are consecutive
 * sections, as rel_can_spill requires), or of section i alone. 0, or -1. */
int rel_window_doc(const struct relations *m, struct rel_window *w, size_t k);
int rel_window_sec(const struct relations *m, struct rel_window *w, size_t i);
void rel_window_free(struct rel_window *w);

/* Marks in mark[] the terms sections a and b (in windows that hold them) share. */
void rel_mark_shared(const struct relations *m, const struct rel_window *wa, size_t a,
                     const struct rel_window *wb, size_t b, uint8_t *mark);
/* Every section's background (relations_background.c). 0, or -1 with e set. */
int rel_backgrounds(struct relations *m, struct err *e);

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
