/* vocab.h — words that mainland and Taiwan usage write differently (data/vocab.tsv), for
 * search: a query holding either form also searches the other (数字化改革 → 数位化改革);
 * documents are never rewritten. Both forms are folded (fold.h) when loaded. */
#ifndef GONGFU_VOCAB_H
#define GONGFU_VOCAB_H

#include <stddef.h>
#include "gongfu/err.h"

struct vocab;

/* Lines "mainland<TAB>taiwan[<TAB>note]"; '#' starts a comment line. 0 or -1. */
int vocab_parse(const char *text, size_t n, struct vocab **out, struct err *e);
int vocab_load(const char *path, struct vocab **out, struct err *e);
size_t vocab_size(const struct vocab *v);
void vocab_free(struct vocab **v);

/* The variants of a folded text: alt[0] = a copy of text, then the text with a pair's one
 * form replaced by the other, for every pair, as long as there is room (max). Each malloc'd;
 * how many, or -1 when out of memory (nothing left allocated). v may be NULL. */
int vocab_variants(const struct vocab *v, const char *text, char **alt, int max);

#endif
