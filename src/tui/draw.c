/* draw.c — text into curses windows, one character at a time through setcchar, so what
 * is drawn is exactly what text_width measured (width.c makes curses measure the same). */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
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

/* The UTF-8 a character is drawn as: itself, or the visible stand-in of a control. n
 * receives the length. */
static const char *drawn_as(uint32_t c, char *buf, size_t *n)
{
    int len = u8_uctomb((uint8_t *)buf, text_visible(c), 8);
    *n = len > 0 ? (size_t)len : 0;
    return buf;
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

/* Draws the characters of s until maxw columns are full or a character does not fit. */
static int draw_run(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a,
                    size_t *stop)
{
    int used = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        char buf[16];
        size_t dn;
        const char *d = drawn_as(c, buf, &dn);
        int dw = text_width(d, dn);
        if (used + dw > maxw)
            break;
        for (size_t j = 0; j < dn;) {
            uint32_t dc;
            j += (size_t)text_next(d + j, dn - j, &dc);
            int cw = text_char_width(dc);
            if (cw == 0 && used == 0)
                continue;       /* a combining mark with nothing to combine with */
            put_char(w, y, x + used - (cw == 0), dc, a);
            used += cw;
        }
        i += (size_t)len;
    }
    if (stop)
        *stop = i;
    return used;
}

int draw_width(const char *s, size_t n)
{
    int wsum = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)text_next(s + i, n - i, &c);
        char buf[16];
        size_t dn;
        const char *d = drawn_as(c, buf, &dn);
        wsum += text_width(d, dn);
    }
    return wsum;
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

void draw_hline(WINDOW *w, int y, int x, int n, attr_t a)
{
    const char *g = glyph(G_HLINE);
    for (int i = 0; i < n; i++)
        draw_run(w, y, x + i, g, strlen(g), 1, a, NULL);
}
