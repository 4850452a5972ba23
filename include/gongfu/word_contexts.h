/* word_contexts.h — how freely each two-character term of the search index combines with
 * what is around it: the number of different characters seen before it and after it in
 * the documents (its accessor variety, Feng et al. 2004; the edge of a run — punctuation,
 * a Latin word — counts as one). A word stands in many contexts on both sides (托位: 婴幼儿
 * 托位数, 设施托位达到); a bigram that only exists across two words has one on some side
 * (态文 only in 生态文明). Pinyin ranks the words a key reads as by the fewer of the two
 * (pinyin_words.h); search_words.c fills the table from the index's text. */
#ifndef GONGFU_WORD_CONTEXTS_H
#define GONGFU_WORD_CONTEXTS_H

#include <stddef.h>

/* Counts are exact up to a few, then a lower bound: each side's characters are kept as a
 * 64-bit signature, so at most this many. */
#define WORD_CONTEXTS_MAX 64

struct word_contexts;

/* An empty table; 0 or -1 (out of memory). */
int word_contexts_new(struct word_contexts **out);
/* Adds the contexts of every two-character term of text (n bytes of UTF-8, as the index
 * tokenizes it). 0 or -1 (out of memory). */
int word_contexts_add(struct word_contexts *t, const char *text, size_t n);
/* The same for a caller that has the tokens already (FTS5's, as it indexes): one text's
 * tokens in order, as tokenizer_run in document mode gives them, then word_contexts_end.
 * Each 0 or -1 (out of memory, then also every later call until the end of the text). */
int word_contexts_token(struct word_contexts *t, int flags, const char *tok, int ntok,
                        int start, int end);
int word_contexts_end(struct word_contexts *t);
/* The fewer of term's characters before and after, 1 … WORD_CONTEXTS_MAX; 0 for a term
 * never seen (or not two Han characters). term: folded, as the index holds it. */
unsigned word_contexts_of(const struct word_contexts *t, const char *term, size_t n);
void word_contexts_free(struct word_contexts **t);

#endif
