/* search_terms.h — every term of the search index with the number of sections holding it,
 * counted from the tokens FTS5 has as an indexing pass inserts the sections (the tap of
 * tokenizer.h), for the word list (search_words.h) without reading the index back
 * through fts5vocab (at 10x the corpus that read was a tenth of the import's
 * instructions). Private to the search modules. */
#ifndef GONGFU_SEARCH_TERMS_H
#define GONGFU_SEARCH_TERMS_H

#include <stddef.h>
#include <stdint.h>

struct search_terms;

/* An empty count. 0 or -1 (out of memory). */
int terms_new(struct search_terms **out);
void terms_free(struct search_terms **t);
/* The tokens after this call are another section's (a row of the index: its text and its
 * title). */
void terms_section(struct search_terms *t);
/* One token of the current section, as the tokenizer gave it (colocated or not: a term
 * either way). 0 or -1 (out of memory, then also every later call). */
int terms_token(struct search_terms *t, const char *tok, size_t n);
/* Each term in byte order (as fts5vocab gives them) with its sections, until fn returns
 * non-zero, which is returned. */
int terms_each(const struct search_terms *t,
               int (*fn)(void *ctx, const char *term, size_t n, int64_t sections), void *ctx);

#endif
