/* search_terms.h — what search_word is made of (search_words.h), gathered from the tokens
 * FTS5 has while it indexes rows (tokenizer_set_tap): every term with the number of rows
 * it is in, and the two-character terms' contexts (word_contexts.h). When an import's
 * commit indexes every section of the database, the word list is made from these instead
 * of reading the whole index (fts5vocab) and every section's text again. Private to
 * search_index.c and search_words.c. */
#ifndef GONGFU_SEARCH_TERMS_H
#define GONGFU_SEARCH_TERMS_H

#include <stdint.h>
#include "gongfu/tokenizer.h"

struct search_terms;

/* An empty collection; 0 or -1 (out of memory). */
int search_terms_new(struct search_terms **out);
void search_terms_free(struct search_terms **t);

/* The tap to set while rows are indexed; search_terms_row before each row's INSERT. */
const struct tokenizer_tap *search_terms_tap(struct search_terms *t);
void search_terms_row(struct search_terms *t);

/* Whether something could not be kept (out of memory): the collection is then incomplete. */
int search_terms_failed(const struct search_terms *t);

/* Calls each for every term, in byte order: its folded text, the rows it is in, its
 * contexts (word_contexts_of). Stops at and returns a non-zero return. */
int search_terms_each(const struct search_terms *t,
                      int (*each)(void *ctx, const char *term, int n, int64_t rows,
                                  unsigned contexts),
                      void *ctx);

#endif
