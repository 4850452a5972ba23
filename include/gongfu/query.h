/* query.h — what a user types in the search prompt, made into an FTS5 expression.
 *
 * The language is the one web search taught everyone:
 *   托位 养老        both words (AND)
 *   托位 OR 托育     either word; OR binds tighter than the implicit AND
 *   养老 -护理       养老 and not 护理 (also NOT 护理)
 *   "共同富裕 2035"  a phrase (also “…” and 「…」)
 * A word is a phrase of its tokens (tokenizer.h); punctuation inside a word splits it into
 * parts that must all appear ("托位、养老" = 托位 养老). Nothing the user types reaches FTS5
 * as syntax: every token is quoted, so " * ( ) : ^ NEAR are only ever text, and a word with
 * no tokens (punctuation only) is dropped. Each part is widened by the vocabulary:
 * 数字化改革 also searches 数位化改革. */
#ifndef GONGFU_QUERY_H
#define GONGFU_QUERY_H

#include <stddef.h>
#include "gongfu/err.h"
#include "gongfu/vocab.h"

/* At most this many words, parts of one word and vocabulary variants of one part; the
 * words and parts past the limits are not searched (query.truncated says so). */
#define QUERY_MAX_TERMS 64
#define QUERY_MAX_PARTS 256
#define QUERY_MAX_ALTS 8


struct query_token {
    const char *s;   /* folded token text, not NUL-terminated */
    int n;
};
/* Tokens that must appear at consecutive positions. */
struct query_phrase {
    const struct query_token *tok;
    size_t ntok;
};

struct query {
    char *fts;                     /* the MATCH expression; NULL when nothing can match */
    struct query_phrase *phrases;  /* every phrase a hit may contain (excluded ones not) */
    size_t nphrases;
    int nterms;                    /* words kept, excluded ones included */
    int truncated;                 /* some words were past the limits and left out */
    /* storage */
    char *arena;
    struct query_token *toks;
    size_t ntoks;
};

/* Parses text (NUL-terminated UTF-8, invalid bytes allowed) with the vocabulary v (may be
 * NULL). 0, or -1 with e set (out of memory only): an empty, punctuation-only or
 * exclusion-only query is no error, its fts is NULL. */
int query_parse(const char *text, const struct vocab *v, struct query **out,
                struct err *e);
void query_free(struct query **q);

#endif
