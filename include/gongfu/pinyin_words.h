/* pinyin_words.h — the words the documents contain, found by their pinyin (pinyin.h).
 *
 * The list is what the search index holds — every one- and two-character term with the
 * number of sections it is in — plus longer phrases known to occur (the catalogue's
 * indicator names). A key finds:
 *   - single characters, when the key is one whole syllable (tuo → 托 拓 脱 …);
 *   - two-character terms (tw → 托位 态文 …);
 *   - longer words as chains of two-character terms that follow each other (数字 字化
 *     化改 改革 for szhgg), ranked by their rarest pair's count (which a chain cannot
 *     exceed; ties by the product of count(ab) / count(a) along it) and given only when
 *     the caller's exists() says the documents hold them;
 *   - the longer phrases of the list.
 * Best first: words every unit of which can be a whole syllable (so tuowei prefers 托位
 * to a reading by initials), then words that need no rare reading, then two-character
 * terms by their contexts — the fewer of the different characters seen before and after
 * them (accessor variety): a word is used in many (托位: 婴幼儿托位数, 设施托位达到), a
 * bigram across two words in one (态文, only in 生态文明), so tw is 托位 before 态文 though
 * 态文 is in more sections; up to PINYIN_FREE: a term seen in that many on each side is as
 * free as one seen in more, and among those the sections decide (行动 before 兴东, a name's
 * start found before many names) — then the most sections. When a word reads as whole syllables, readings by initials are left out
 * (yanglao is 养老, not 严格落). A chain is not checked when it can be in no more than
 * one in PINYIN_SHARE of the sections of the best word found, or when a word of the list
 * as long, read the same way, was found. */
#ifndef GONGFU_PINYIN_WORDS_H
#define GONGFU_PINYIN_WORDS_H

#include <stddef.h>
#include "gongfu/pinyin.h"

/* Longest chain tried, in characters; at most this many chains checked with exists(). */
#define PINYIN_MAX_CHAIN 12
#define PINYIN_MAX_CHECKS 4
#define PINYIN_SHARE 8
#define PINYIN_FREE 4

struct pinyin_words;

/* An empty list; words are added, then pinyin_words_finish indexes them. 0 or -1 (out of
 * memory). */
int pinyin_words_new(struct pinyin_words **out);
/* Adds a word (n bytes of folded UTF-8), the sections it is in and, for a two-character
 * term, its contexts (above; 0: not known, ranked by sections alone). Words that are not
 * all Han characters with readings are left out. 0 or -1 (out of memory). */
int pinyin_words_add(struct pinyin_words *w, const char *word, size_t n, double sections,
                     unsigned contexts);
int pinyin_words_finish(struct pinyin_words *w);
/* How many words the list keeps. */
size_t pinyin_words_size(const struct pinyin_words *w);
void pinyin_words_free(struct pinyin_words **w);

struct pinyin_candidate {
    const char *s;       /* folded UTF-8, NUL-terminated, valid until the next find */
    size_t n;
    double sections;     /* sections holding it; for a chain, at most this many */
    int flags;           /* of its best reading: PINYIN_FULL, PINYIN_RARE */
    unsigned contexts;   /* as ranked: 1 … PINYIN_FREE (PINYIN_FREE when not known) */
};

/* 1 if the documents hold the phrase s (n bytes), 0 if not, -1 on an error. */
typedef int (*pinyin_exists_fn)(void *ctx, const char *s, size_t n);

/* The best `max` words for key k, best first; how many, or -1 if exists() failed or
 * memory ran out. */
int pinyin_words_find(struct pinyin_words *w, const struct pinyin_key *k,
                      pinyin_exists_fn exists, void *ctx, struct pinyin_candidate *out,
                      size_t max);

#endif
