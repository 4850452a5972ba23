/* fold.h — characters folded for matching: what search and the target extractor compare
 * instead of the text as written. The table is generated at build time from
 * libunistring (NFKC, full case folding) and OpenCC's t2s (Traditional → Simplified,
 * character level), so 醫 and 医, Ａ and a, ① and 1 fold alike. */
#ifndef GONGFU_FOLD_H
#define GONGFU_FOLD_H

#include <stddef.h>
#include <stdint.h>

#define FOLD_MAX 4

/* Folds one code point for matching: NFKC, case fold, Traditional→Simplified (OpenCC t2s,
 * character level). Writes up to FOLD_MAX code points; returns how many (0: folds away,
 * as zero-width and other default-ignorable characters do). */
size_t fold_char(uint32_t c, uint32_t out[FOLD_MAX]);

/* Folds UTF-8 text; malloc'd, NUL-terminated. If map != NULL, *map gets (*outlen + 1)
 * entries: (*map)[i] = byte offset in `in` of the character that produced output byte i,
 * (*map)[*outlen] = n. Invalid UTF-8 bytes pass through as U+FFFD. NULL if out of memory.
 * outlen may be NULL. */
char *fold_utf8(const char *in, size_t n, size_t *outlen, size_t **map);

/* Decodes the character at s (n > 0 bytes available) into *c and returns its length in
 * bytes; an invalid or truncated sequence gives U+FFFD and length 1. */
size_t fold_decode(const char *s, size_t n, uint32_t *c);

/* Encodes c as UTF-8 into out (4 bytes room); returns the length. */
size_t fold_encode(uint32_t c, char out[4]);

/* The folding table's identity (a hash of every character it folds and what to), fixed at
 * build time: what the search index records it was built with. */
const char *fold_table_id(void);

#endif
