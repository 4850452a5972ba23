/* text.h — the one place that measures, wraps, truncates and cleans text for a terminal.
 * The explorer and `gongfu show` both lay text out with it, so what the command line
 * shows is what the screen shows. Nothing here knows about curses. */
#ifndef GONGFU_TEXT_H
#define GONGFU_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Display width as the terminal draws it: libc wcwidth in the current locale (so it agrees
 * with ncurses); a control/unprintable character counts as its visible replacement. */
int text_width(const char *s, size_t n);

/* One wrapped line: byte range [start,end) of the input, and its display width. */
struct text_line { size_t start, end; int width; };

/* Wraps a paragraph to at most `width` columns with Chinese line-breaking (libunistring
 * UAX #14 break opportunities: no line starts with ，。、；：？！）」” etc., none ends with （「“;
 * a forced break when a run would overflow; never half a wide character). *lines is
 * malloc'd; returns the count. width < 2 is treated as 2.
 * A "\n" ends a line (it is in no line's range); "a\n\nb" is three lines, an empty input
 * none. Spaces where a line breaks are left out of both lines. */
size_t text_wrap(const char *s, size_t n, int width, struct text_line **lines);

/* Truncates to at most `width` columns, appending "…" when cut; returns bytes kept and the
 * width used. */
size_t text_truncate(const char *s, size_t n, int width, int *used);

/* Copies s replacing C0/C1 controls, bidi overrides, zero-width and invalid bytes with a
 * visible replacement (U+FFFD or similar), so document text never sends a control
 * sequence to a terminal. malloc'd. */
char *text_sanitize(const char *s, size_t n);

/* The pieces the functions above are made of, for a front end that transforms text as it
 * draws it (e.g. substitutes East Asian Ambiguous characters). */

/* Decodes one character of s[0..n) (n > 0): returns its length in bytes; *c is U+FFFD for
 * an invalid or truncated sequence (which then is one byte long). */
int text_next(const char *s, size_t n, uint32_t *c);
/* What a character is drawn as: itself, ' ' for a tab, or U+FFFD for anything that could
 * act on the terminal (controls, bidi controls, zero-width format characters). */
uint32_t text_visible(uint32_t c);
/* Columns of one visible character (0 for combining marks), never negative. Each
 * character's answer is asked of wcwidth once and remembered: */
int text_char_width(uint32_t c);
/* after the locale changes, or what wcwidth answers (the explorer's ambiguous width),
 * the widths are asked again, in every thread (each thread remembers its own answers). */
void text_width_reset(void);
/* 1 when c is East Asian Ambiguous (narrow in a Western set-up, wide in a CJK one). */
int text_is_ambiguous(uint32_t c);

#endif
