/* clean.h — turning spans of decoded text into the text a reader sees: page-broken pieces
 * joined, stray spaces inside Chinese text removed, newspaper jump markers dropped. */
#ifndef GONGFU_CLEAN_H
#define GONGFU_CLEAN_H

#include <stddef.h>

struct span {
    size_t start, end;
};

/* Joins the spans of t into one malloc'd string without the spaces that extraction left
 * between Chinese characters, or between a Chinese character and a number ("到 2025年",
 * "两 慢病"). keep_han_spaces keeps a space between two Han characters, as titles use it
 * to separate issuers ("中共中央 国务院"). */
char *clean_join(const char *t, const struct span *spans, size_t n, int keep_han_spaces);

/* Does s end a sentence or a clause that may end a paragraph (。！？；：… and closing
 * quotes/brackets after them)? Paragraphs that do not are continued across page breaks. */
int clean_ends_sentence(const char *s, size_t n);

/* Has s sentence punctuation in it, i.e. does it read as prose rather than a title? */
int clean_is_prose(const char *s, size_t n);

/* Byte length of a newspaper jump marker at s ("(紧接第二版)", "（下转第3版）"), else 0. */
size_t clean_jump_marker(const char *s, size_t n);

/* True for the code points that make a run of text Chinese: Han, CJK and full-width
 * punctuation. */
int clean_is_wide_context(unsigned int c);
int clean_is_han(unsigned int c);

#endif
