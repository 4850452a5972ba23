/* draw.c — text into curses windows, each character as text_width measured it (width.c
 * makes curses measure the same): a run of plain cells in one call, the rest (combining
 * marks, what curses would measure otherwise, a run's last) one at a time, so the window
 * ends as putting each character did. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "gongfu/text.h"
#include "draw.h"
#include "width.h"

static int ambi2;

static const char *const glyph_uni[G_COUNT] = {
    "─", "│", "┬", "┴", "▾", "▸", "›", "…", "█", "▌", "—", "•", "▲", "▼", "←", "→",
};
static const char *const glyph_ascii[G_COUNT] = {
    "-", "|", "+", "+", "v", ">", ">", "~", "#", "#", "-", "*", "^", "v", "<", ">",
};

void draw_init(int wide)
{
    ambi2 = wide;
    width_ambiguous_wide(wide);
}
int draw_ambi2(void) { return ambi2; }

const char *glyph(enum glyph g)
{
    if (g >= G_COUNT)
        return "?";
    /* A glyph is Unicode only if it cannot be drawn wider than ncurses counts it. */
    if (ambi2) {
        uint32_t c;
        const char *u = glyph_uni[g];
        text_next(u, strlen(u), &c);
        if (text_is_ambiguous(c))
            return glyph_ascii[g];
    }
    return glyph_uni[g];
}

/* Puts one character (already visible) at (y, x). */
static void put_char(WINDOW *w, int y, int x, uint32_t c, attr_t a)
{
    wchar_t wc[2] = { (wchar_t)c, 0 };
    cchar_t cc;
    attr_t attrs = a & ~A_COLOR;
    short pair = (short)PAIR_NUMBER(a);
    if (setcchar(&cc, wc, attrs, pair, NULL) == OK)
        mvwadd_wch(w, y, x, &cc);
}

/* The cells of a run waiting to be put in one call: put a character at a time (a move, a
 * setcchar and an add each) they were a fifth of a full repaint's instructions. */
#define RUN_CELLS 64
struct cells {
    WINDOW *w;
    int y, x;                   /* where the first goes */
    int n;
    cchar_t tmpl;               /* a blank in the run's attributes */
    cchar_t c[RUN_CELLS];
};

/* Is the cell the right half of a wide character? ncurses marks such a cell in the low
 * bits of its attributes (WidecExt), which win_wch copies out with the cell. */
static int right_half(WINDOW *w, int y, int x)
{
    cchar_t cc;
    if (x <= 0 || mvwin_wch(w, y, x, &cc) != OK)
        return 0;
    unsigned ext = (unsigned)(cc.attr & A_CHARTEXT);
    return ext > 1 && ext < 32;
}

/* A run starting or ending on the right half of a wide character drawn before would have
 * curses blank the rest of that character (wadd_wchnstr), which putting each never did:
 * such a run is put a character at a time, so the window ends as it always did. */
static void cells_flush(struct cells *b, int end_x)
{
    if (b->n && !right_half(b->w, b->y, b->x) && !right_half(b->w, b->y, end_x)) {
        mvwadd_wchnstr(b->w, b->y, b->x, b->c, b->n);
    } else {
        for (int i = 0, x = b->x; i < b->n; i++) {
            mvwadd_wch(b->w, b->y, x, &b->c[i]);
            x += text_char_width((uint32_t)b->c[i].chars[0]);
        }
    }
    b->n = 0;
    b->x = end_x;
}

/* Whether curses takes c as the cell it is measured as: printable, as wide as
 * text_char_width says. Other characters are put one by one, as they always were. */
static int plain_cell(uint32_t c, int cw)
{
    return c < 0x7f || (cw >= 1 && wcwidth((wchar_t)c) == cw);
}

/* Draws the characters of s until maxw columns are full or a character does not fit. The
 * last is put by itself, so the window's cursor ends where putting each would leave it
 * (the last window refreshed places the terminal's cursor). */
static int draw_run(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a,
                    size_t *stop)
{
    struct cells b = { .w = w, .y = y, .x = x };
    wchar_t blank[2] = { L' ', 0 };
    int batch = setcchar(&b.tmpl, blank, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) == OK;
    int used = 0, last_x = -1;
    uint32_t last = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        c = text_visible(c);
        int cw = text_char_width(c);
        if (used + cw > maxw)
            break;
        i += (size_t)len;
        if (cw == 0 && used == 0)
            continue;           /* a combining mark with nothing to combine with */
        if (last_x >= 0) {      /* the one before goes into the run, or alone */
            if (batch && b.n < RUN_CELLS && plain_cell(last, text_char_width(last))) {
                b.c[b.n] = b.tmpl;
                b.c[b.n++].chars[0] = (wchar_t)last;
            } else {
                cells_flush(&b, last_x);
                put_char(w, y, last_x, last, a);
                b.x = last_x + text_char_width(last);
            }
            last_x = -1;
        }
        if (cw == 0) {          /* combines with the cell before: that one put first */
            cells_flush(&b, x + used);
            put_char(w, y, x + used - 1, c, a);
            continue;
        }
        if (b.n == RUN_CELLS)
            cells_flush(&b, x + used);
        last = c;
        last_x = x + used;
        used += cw;
    }
    cells_flush(&b, last_x >= 0 ? last_x : x + used);
    if (last_x >= 0)
        put_char(w, y, last_x, last, a);
    if (stop)
        *stop = i;
    return used;
}

int draw_width(const char *s, size_t n)
{
    return text_width(s, n);
}

int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a)
{
    if (maxw <= 0 || !s)
        return 0;
    return draw_run(w, y, x, s, n, maxw, a, NULL);
}

int draw_trunc(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a)
{
    if (maxw <= 0 || !s)
        return 0;
    if (draw_width(s, n) <= maxw)
        return draw_run(w, y, x, s, n, maxw, a, NULL);
    const char *ell = glyph(G_ELLIPSIS);
    int ew = text_width(ell, strlen(ell));
    int used = draw_run(w, y, x, s, n, maxw - ew, a, NULL);
    return used + draw_run(w, y, x + used, ell, strlen(ell), maxw - used, a, NULL);
}

attr_t draw_blank(attr_t a, attr_t plain)
{
    /* A blank shows its background, and underline or reverse; the rest is the glyph's. */
    const attr_t seen = A_REVERSE | A_STANDOUT | A_UNDERLINE;
    if ((a | plain) & seen)
        return a;
    short fa, ba, fp, bp;
    if (PAIR_NUMBER(a) == PAIR_NUMBER(plain))
        return plain;
    if (pair_content((short)PAIR_NUMBER(a), &fa, &ba) == ERR ||
        pair_content((short)PAIR_NUMBER(plain), &fp, &bp) == ERR)
        return a;
    return ba == bp ? plain : a;
}

void draw_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
    /* A whole row at once (a third of a redraw's time went to blanks put one by one);
     * part of a row blank by blank, which clears a wide character cut in two. */
    wchar_t wc[2] = { L' ', 0 };
    cchar_t cc;
    if (n > 0 && x == 0 && n >= getmaxx(w) &&
        setcchar(&cc, wc, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL) == OK) {
        mvwhline_set(w, y, 0, &cc, n);
        return;
    }
    for (int i = 0; i < n; i++)
        put_char(w, y, x + i, ' ', a);
}

int draw_glyphs(WINDOW *w, int y, int x, enum glyph g, int n, attr_t a)
{
    /* One run of the glyph (one column), not a run a cell. */
    const char *gs = glyph(g);
    size_t gl = strlen(gs);
    char line[4096];
    int k = 0;
    for (; k < n && (size_t)(k + 1) * gl < sizeof line; k++)
        memcpy(line + (size_t)k * gl, gs, gl);
    int used = draw_run(w, y, x, line, (size_t)k * gl, k, a, NULL);
    for (; used < n && k == used; used++)     /* past what the buffer holds */
        draw_run(w, y, x + used, gs, gl, 1, a, NULL);
    return used;
}

void draw_hline(WINDOW *w, int y, int x, int n, attr_t a)
{
    draw_glyphs(w, y, x, G_HLINE, n, a);
}
