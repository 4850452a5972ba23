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
 * 数字化改革 also searches 数位化改革.
 *
 * With a reader (query_parse_pinyin), a word that can be pinyin (pinyin.h: tuowei, tw,
 * tuo1wei4, tuo'wei) is also read as the Chinese words the documents contain that read
 * so, when the word as written is found in no section, or in fewer than one in
 * QUERY_PINYIN_RATIO of the sections its most frequent reading is in (so gdp stays GDP):
 * the word becomes (word OR 托位 OR …), or without the word when it is in no section. Single
 * syllables typed apart ("tuo wei", "shu zi hua") are read together, the longest run that
 * reads as a word first. A quoted word is always as written. A choice (query_choice) makes
 * a pinyin word the one word picked among those it becomes. */
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


#define QUERY_PINYIN_RATIO 8
#define QUERY_MAX_READINGS 8     /* Chinese words one pinyin word becomes */
#define QUERY_MAX_JOIN 8         /* single syllables read together */
#define QUERY_MAX_PINYIN 16      /* readings tried in one query; words past them are as written */

/* A Chinese word a pinyin word reads as. */
struct query_word {
    const char *s;       /* folded UTF-8, NUL-terminated */
    size_t n;
    double sections;     /* how many sections hold it (for a chain of pairs, an estimate) */
};

/* A word the user picked for a pinyin word: typed, read as pinyin, becomes word only. */
struct query_choice {
    const char *typed;   /* as typed ("tw"; syllables read together: "tuo wei") */
    const char *word;    /* one of the Chinese words it becomes, folded */
};

/* What the search gives the parser to read pinyin with. */
struct query_reader {
    void *ctx;
    int force;           /* every word that can be pinyin is read as pinyin only */
    const struct query_choice *choice;   /* picked words; NULL if none */
    size_t nchoice;
    /* How many sections hold text (n bytes) as written; -1 with e set on an error. */
    double (*literal)(void *ctx, const char *text, size_t n, struct err *e);
    /* The Chinese words text reads as, best first: how many (at most max), or -1 with e
     * set. The strings stay valid until the next call. */
    int (*read)(void *ctx, const char *text, size_t n, struct query_word *out, int max,
                struct err *e);
};

/* One word, or single syllables read together, read as pinyin. */
struct query_pinyin {
    const char *typed;           /* as typed, NUL-terminated */
    const char *const *words;    /* what it became, best first */
    const double *sections;
    size_t nwords;
    int literal;                 /* the word as written is searched too */
    int chosen;                  /* the index of the word picked (query_choice), or -1:
                                    then every word is searched */
};

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
    struct query_pinyin *pinyin;   /* the words read as pinyin, in the order typed */
    size_t npinyin;
    /* storage */
    char *arena;
    struct query_token *toks;
    size_t ntoks;
    char *pinyin_text;
    const char **pinyin_words;
    double *pinyin_sections;
};

/* Parses text (NUL-terminated UTF-8, invalid bytes allowed) with the vocabulary v (may be
 * NULL). 0, or -1 with e set (out of memory only): an empty, punctuation-only or
 * exclusion-only query is no error, its fts is NULL. */
int query_parse(const char *text, const struct vocab *v, struct query **out,
                struct err *e);
/* The same, reading pinyin with r (NULL: none). -1 also when the reader fails. */
int query_parse_pinyin(const char *text, const struct vocab *v, const struct query_reader *r,
                       struct query **out, struct err *e);
void query_free(struct query **q);

#endif
