/* draw.h — the only code that puts text into a curses window. It measures with the core's
 * text_width, so no pane does its own column arithmetic; it never draws half a wide
 * character at an edge and replaces control characters. When the terminal draws East
 * Asian Ambiguous characters two columns wide, the documents' text is still drawn as
 * written (width.h counts those characters as two), and only the chrome — borders,
 * markers — turns to ASCII. */
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

/* Draws s[0..n) at (y, x), at most maxw columns; returns the columns drawn. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a);
/* The same, ending in an ellipsis when s does not fit. */
int draw_trunc(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a);
/* Columns s would take as drawn. */
int draw_width(const char *s, size_t n);
/* Spaces from (y, x) for n columns. */
void draw_fill(WINDOW *w, int y, int x, int n, attr_t a);
/* What a blank drawn in a looks the same in: plain when a differs from it only in what no
 * blank shows (its foreground, bold …), else a. curses clears a line's end of plain blanks
 * in one sequence, but writes a heading's (bold, bright) out one space a column where the
 * terminal does not erase in colour (screen, tmux): a wide screen's heading row, 160. */
attr_t draw_blank(attr_t a, attr_t plain);
/* A chrome glyph (one column) n times from (y, x); returns the columns drawn. */
int draw_glyphs(WINDOW *w, int y, int x, enum glyph g, int n, attr_t a);
/* A horizontal rule of n columns. */
void draw_hline(WINDOW *w, int y, int x, int n, attr_t a);

#endif
