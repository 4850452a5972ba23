/* draw.h — the only code that puts text into a curses window. It measures with the core's
 * text_width, so no pane does its own column arithmetic; it never draws half a wide
 * character at an edge, replaces control characters, and, when the terminal draws East
 * Asian Ambiguous characters two columns wide, swaps them for narrow equivalents. */
#ifndef GONGFU_TUI_DRAW_H
#define GONGFU_TUI_DRAW_H

#include <curses.h>
#include <stddef.h>

enum glyph {
    G_HLINE, G_VLINE, G_TEE_DOWN, G_TEE_UP, G_OPEN, G_CLOSED, G_SEP, G_ELLIPSIS, G_BAR,
    G_HALF_BAR, G_DASH, G_MARK, G_UP, G_DOWN, G_LEFT, G_RIGHT, G_COUNT
};

/* ambi2: the terminal draws ambiguous characters wide (--ambiwidth=2). */
void draw_init(int ambi2);
int draw_ambi2(void);
/* The chrome character for g: Unicode, or ASCII when ambiguous ones are wide. */
const char *glyph(enum glyph g);

/* s with every ambiguous character replaced by a narrow equivalent ("Ⅲ" → "III", "“" →
 * "\""), for text that is laid out before it is drawn. *map gets, for each output byte, the
 * input byte it came from (nmap = output length + 1). Only when draw_ambi2(); malloc'd. */
char *draw_subst(const char *s, size_t n, size_t *outlen, size_t **map);

/* Draws s[0..n) at (y, x), at most maxw columns; returns the columns drawn. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a);
/* The same, ending in an ellipsis when s does not fit. */
int draw_trunc(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a);
/* Columns s would take as drawn (after substitutions). */
int draw_width(const char *s, size_t n);
/* Spaces from (y, x) for n columns. */
void draw_fill(WINDOW *w, int y, int x, int n, attr_t a);
/* A chrome glyph repeated n times. */
void draw_hline(WINDOW *w, int y, int x, int n, attr_t a);

#endif
