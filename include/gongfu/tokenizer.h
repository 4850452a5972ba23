/* tokenizer.h — the CJK-aware tokens the search index is made of.
 *
 * Every character is folded first (fold.h), so 醫保 and 医保, ＰＭ２.５ and pm2.5 give the
 * same tokens. Then:
 *   - a run of CJK characters (Han, kana, hangul) gives overlapping bigrams, each with the
 *     single character at the same position (colocated); the last character shares the
 *     last bigram's position: 托位数 → [托位 托] [位数 位 数]. Whitespace between two CJK characters does not
 *     end the run (a line or page break inside a word; a stray space in "两 慢病");
 *   - a run of letters and digits gives one token; '.' and '&' between two of them belong
 *     to it (PM2.5, R&D, 4.5), so do other scripts' letters (é, α);
 *   - everything else (punctuation, symbols, spaces) separates tokens.
 * Offsets always point into the text as given, never into the folded text.
 * In query mode a CJK run gives its bigrams only (a single character: itself), so a word
 * becomes a phrase of consecutive bigrams. */
#ifndef GONGFU_TOKENIZER_H
#define GONGFU_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"

/* Longest token text kept, in bytes; a longer run is cut there (same on both sides). */
#define TOKENIZER_MAX_TOKEN 64

/* The name the FTS5 tokenizer is registered under ("tokenize='gongfu'"). */
#define TOKENIZER_NAME "gongfu"

enum { TOKENIZER_DOCUMENT = 0, TOKENIZER_QUERY = 1 };
enum { TOKEN_COLOCATED = 1 };

/* Called for each token: its folded text (not NUL-terminated) and the byte span
 * [start, end) in the original text. A non-zero return stops and is returned. */
typedef int (*tokenizer_cb)(void *ctx, int flags, const char *tok, int ntok, int start,
                            int end);

int tokenizer_run(const char *text, int n, int mode, tokenizer_cb cb, void *ctx);

/* The tokens' format: a change to what tokenizer_run emits makes every index built before
 * it stale (the search index records it, with the folding table's identity). */
#define TOKENIZER_FORMAT 1

/* How many token positions (tokens not colocated) FTS5 has had from the tokenizer in
 * document mode on this thread so far: the difference across one INSERT into an FTS5
 * table is the length of the row it indexed, as FTS5 would count it, without tokenizing it
 * again. */
int64_t tokenizer_positions(void);

/* A tap on the tokens of a text recorded ahead (below): each token is also given to token
 * (its return is not looked at), and end is called after the text. For a caller that wants
 * what an INSERT indexes without tokenizing it again. */
struct tokenizer_tap {
    void (*token)(void *ctx, int flags, const char *tok, int ntok, int start, int end);
    void (*end)(void *ctx);
    void *ctx;
};

/* Texts tokenized ahead in document mode (by an import's worker thread), whose tokens FTS5
 * is then given on the thread that indexes them without tokenizing them again. add
 * records one text's tokens (text is kept by the caller until they are given), giving
 * each to tap as FTS5's tokenizing would (tap may be NULL); 0, or -1 when out of memory.
 * clear forgets every text, keeping the memory. */
struct tokenizer_ahead;
int tokenizer_ahead_new(struct tokenizer_ahead **a);
int tokenizer_ahead_add(struct tokenizer_ahead *a, const char *text, int n,
                        const struct tokenizer_tap *tap);
void tokenizer_ahead_clear(struct tokenizer_ahead *a);
/* Gives back the memory of a's tokens when it is more than keep bytes (a cleared a, or one
 * whose tokens will not be given again). */
void tokenizer_ahead_trim(struct tokenizer_ahead *a, size_t keep);
void tokenizer_ahead_free(struct tokenizer_ahead **a);
/* While a is set on this thread, each text FTS5 has tokenized in document mode must be
 * a's next one, byte for byte: it is given the recorded tokens (and counted in
 * tokenizer_positions; the tap was called when they were recorded); any other text fails
 * the statement (SQLITE_MISMATCH). NULL: none. */
void tokenizer_set_ahead(struct tokenizer_ahead *a);

/* The connection's FTS5 API, NULL if SQLite has no FTS5. */
fts5_api *tokenizer_fts5(sqlite3 *db);

/* Registers the FTS5 tokenizer on a connection. 0, or -1 with e set. */
int tokenizer_register(sqlite3 *db, struct err *e);

#endif
