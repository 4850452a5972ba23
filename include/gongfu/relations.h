/* relations.h — which sections of other documents carry out the same measure as a section:
 * the scoring behind `gongfu related` and the explorer's related list.
 *
 * Every section (item, chapter lead, preamble: its title and text) becomes the folded
 * tokens the search index is made of (tokenizer.h: CJK bigrams, letter/digit words; the
 * colocated single characters are left out), so Traditional 醫保 and Simplified 医保 are
 * one token. Weights are TF-IDF: (1 + ln tf) · ln(N / df), with df counted over every
 * section of every document, so words every plan uses (共同富裕, 推进, 建设) weigh little;
 * vectors are L2-normalised and a pair's score is their cosine (0…1, symmetric).
 *
 * Only sections of the same kind in different documents are compared. A section's
 * background is its mean score against every section of its kind in the other documents
 * (at least half the mean background of its kind, so that a section sharing almost
 * nothing cannot clear a background of almost nothing). A section b is related to a when
 * score(a, b) >= factor · background(a): a counterpart stands out from the common
 * vocabulary of the plans, and a section with none gets none. The factor is calibrated on
 * the province→city rows of the hand key in tests/golden/relations (tests/relations/
 * accuracy.c --sweep; README "Related measures"); at most
 * RELATIONS_PER_DOC sections per document and RELATIONS_PER_SECTION in all are kept for
 * each section, the best first. With more than RELATIONS_NEIGHBOURS + 1 documents, a
 * document's sections are compared with those of its RELATIONS_NEIGHBOURS most similar
 * documents only (see relations_docs.c), so the work grows with the corpus, not with its
 * square. */
#ifndef GONGFU_RELATIONS_H
#define GONGFU_RELATIONS_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/err.h"
#include "gongfu/search.h"

#define RELATIONS_FACTOR 4.36
#define RELATIONS_PER_DOC 3
#define RELATIONS_PER_SECTION 10
/* Documents each document is compared with when there are more (the most similar). */
#define RELATIONS_NEIGHBOURS 16
/* Shared phrases kept for a pair, the weightiest first. */
#define RELATIONS_MAX_PHRASES 8
#define RELATIONS_PHRASE_IDF 2.0794415416798357   /* ln 8 */

struct relations_section {
    int doc;                  /* sections of one document are never related */
    int kind;                 /* only sections of one kind are related */
    const char *title, *text; /* either may be NULL; kept by the caller while the model lives */
};

struct relations_pair {
    size_t from, to;          /* indexes into the sections given to relations_build */
    double score;
};

struct relations;

/* Tokenizes and weighs n sections. 0, or -1 with e set (out of memory). */
int relations_build(const struct relations_section *s, size_t n, struct relations **out,
                    struct err *e);

/* Sections one at a time, for the import's model of every section: next fills *s (its
 * title and text valid until the next call) and returns 1, or 0 at the end, or -1 with e
 * set. */
struct relations_source {
    int (*next)(void *ctx, struct relations_section *s, struct err *e);
    void *ctx;
};
/* relations_build for sections given one at a time, none kept: a model for
 * relations_pairs_each and relations_each_shared_df only (no relations_shared). When the
 * sections come grouped by document in increasing order of doc, their vectors are kept in
 * a temporary file, read back a document at a time: the memory is that of the documents
 * being compared, not the corpus's. */
int relations_build_stream(const struct relations_source *src, struct relations **out,
                           struct err *e);
/* The same model with the sections given by the caller as it comes to them (the import,
 * as it stores them): begin makes it; add takes one section (its title and text are read
 * during the call only); end weighs it, once every section is in. 0, or -1 with e set (a
 * model that failed is only for relations_free; begin leaves *m NULL). */
int relations_stream_begin(struct relations **m, struct err *e);
int relations_stream_add(struct relations *m, const struct relations_section *s, struct err *e);
int relations_stream_end(struct relations *m, struct err *e);

/* The corpus's document frequencies, for a model of a few of its sections read back from
 * the store (the phrases a stored pair shares are computed when asked for, not stored):
 * the number of sections, and the df of a bigram term (0 when unknown). */
struct relations_df {
    size_t sections;
    uint32_t (*df)(void *ctx, const char *term, size_t len);
    void *ctx;
};
/* relations_build with the IDF of the corpus df describes: relations_shared then gives
 * what it gives on the whole corpus. Only the terms found in two or more of the n sections
 * are looked up. */
int relations_build_df(const struct relations_section *s, size_t n, const struct relations_df *df,
                       struct relations **out, struct err *e);
/* Calls f with each bigram term that one of the np pairs shares and its df (what a
 * relations_df must give back for relations_shared of those pairs), in the order of the
 * terms' bytes: 0, f's first non-zero result, or -1 when out of memory. */
int relations_each_df(const struct relations *m, const struct relations_pair *p, size_t np,
                      int (*f)(void *ctx, const char *term, size_t len, uint32_t df), void *ctx);
/* relations_each_df for the pairs the last relations_pairs or relations_pairs_each found. */
int relations_each_shared_df(const struct relations *m,
                             int (*f)(void *ctx, const char *term, size_t len, uint32_t df),
                             void *ctx);
void relations_free(struct relations **m);

/* The cosine of two sections (0 when either has no tokens). */
double relations_score(const struct relations *m, size_t a, size_t b);
/* The background of section a (see above); 0 when no other document has its kind. */
double relations_background(const struct relations *m, size_t a);

/* Every related pair for the given factor (RELATIONS_FACTOR in the product): grouped by
 * `from` in increasing order, each group best first (ties: lower `to` first). *out is
 * malloc'd (NULL when there are none). 0, or -1 with e set. */
int relations_pairs(struct relations *m, double factor, struct relations_pair **out,
                    size_t *n, struct err *e);
/* The same pairs in the same order, each given to f as it is found final (0 to go on; a
 * non-zero result stops and is returned): none kept. 0, f's result, or -1 with e set. */
int relations_pairs_each(struct relations *m, double factor,
                         int (*f)(void *ctx, const struct relations_pair *p), void *ctx,
                         struct err *e);
/* relations_pairs_each in its two steps, so that the import scores on its worker thread
 * while its own thread writes the search index: score finds each section's pairs (it reads
 * the model and writes its own state and m's marks only; 0, or -1 with e set); emit gives
 * them to f as relations_pairs_each does (its result) and frees *sc. */
struct relations_scores;
int relations_pairs_score(struct relations *m, double factor, struct relations_scores **sc,
                          struct err *e);
int relations_pairs_emit(struct relations *m, struct relations_scores **sc,
                         int (*f)(void *ctx, const struct relations_pair *p), void *ctx,
                         struct err *e);
void relations_scores_free(struct relations_scores **sc);

/* The phrases a and b share: maximal runs of at least two consecutive bigrams found in
 * both (three characters or more) whose bigrams are in at most an eighth of the sections
 * on average (mean IDF >= ln 8: 共同富裕, 公共服务, 数字化改革 alone are in more and are no
 * phrase), as written in a's title or text (whitespace inside dropped), the weightiest
 * (summed IDF) first, none inside another one kept, at most RELATIONS_MAX_PHRASES, joined
 * by single spaces. malloc'd ("" when none); NULL when out of memory. */
char *relations_shared(const struct relations *m, size_t a, size_t b);

/* Where the phrases of a relations_shared() string occur in text (compared folded, so a
 * Traditional text matches Simplified phrases): sorted, disjoint spans; *spans is
 * malloc'd (NULL when none). 0, or -1 when out of memory. */
int relations_spans(const char *shared, const char *text, size_t n, struct search_span **spans,
                    size_t *nspans);

#endif
