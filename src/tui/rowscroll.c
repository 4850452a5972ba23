/* rowscroll.c — scrolling a band of whole rows on the terminal when part of each row moved.
 * The weighing reads the terminal's image (curscr) and the screen to be (newscr); the
 * scroll is done by curses itself, from a screen to be that is the terminal's image with
 * the band moved, so that curses' own record of the terminal (its image and the line
 * hashes it scrolls by) stays true; then the real screen to be is put back. */
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include "rowscroll.h"

static WINDOW *noted;
static int noted_n;

void rowscroll_note(WINDOW *w, int n)
{
    noted = w;
    noted_n = n;
}

/* What setting and resetting the scrolling region and moving there cost (xterm: ESC 7,
 * ESC [ 2 ; 20 r, ESC 8, a move, a line feed, ESC [ 1 ; 24 r: about 24 bytes). */
#define SCROLL_COST 24
/* An address (ESC [ 12 ; 25 H) and an attribute change, as curses mostly sends them. */
#define MOVE_COST 8
#define SGR_COST 6
#define ERASE_COST 3

static int same(const cchar_t *a, const cchar_t *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

static int same_attrs(const cchar_t *a, const cchar_t *b)
{
    return ((a->attr ^ b->attr) & A_ATTRIBUTES) == 0
#if NCURSES_EXT_COLORS
           && a->ext_color == b->ext_color
#endif
        ;
}

static int blank(const cchar_t *c)
{
    return c->chars[0] == L' ' && c->chars[1] == 0;
}

/* The bytes of a cell's characters in UTF-8; none for the right half of a wide one
 * (ncurses marks it in the low bits of the attributes, as draw.c reads them). */
static int cell_bytes(const cchar_t *c)
{
    unsigned ext = (unsigned)(c->attr & A_CHARTEXT);
    if (ext > 1 && ext < 32)
        return 0;
    int n = 0;
    for (int i = 0; i < CCHARW_MAX && c->chars[i]; i++) {
        unsigned long w = (unsigned long)c->chars[i];
        n += w < 0x80 ? 1 : w < 0x800 ? 2 : w < 0x10000 ? 3 : 4;
    }
    return n ? n : 1;
}

/* About the bytes curses sends to turn row `from` into row `to`: from the first cell that
 * differs to the last, with an address, an attribute change wherever the attributes do,
 * and an erase for blanks that run to the row's end. */
static int row_cost(const cchar_t *from, const cchar_t *to, int cols)
{
    int first = 0, last = cols - 1, end = cols;
    while (first < cols && same(&from[first], &to[first]))
        first++;
    if (first == cols)
        return 0;
    while (last > first && same(&from[last], &to[last]))
        last--;
    while (end > 0 && blank(&to[end - 1]) && same_attrs(&to[end - 1], &to[cols - 1]))
        end--;
    int cost = MOVE_COST;
    const cchar_t *was = NULL;
    for (int x = first; x <= last; x++) {
        if (x >= end)
            return cost + ERASE_COST;
        if (!was || !same_attrs(was, &to[x]))
            cost += SGR_COST;
        was = &to[x];
        cost += cell_bytes(&to[x]);
    }
    return cost;
}

/* Buffers kept from one scroll to the next (a scroll is a key's work: no allocation). */
static cchar_t *cur, *want, *blanks, *line;
static int buf_h, buf_cols;
static WINDOW *keep;        /* the band of the screen to be, while the scroll is sent */

static int buffers(int h, int cols)
{
    if (h <= buf_h && cols == buf_cols)
        return 0;
    free(cur);
    free(want);
    free(blanks);
    free(line);
    if (keep)
        delwin(keep);
    cur = calloc((size_t)h * (size_t)cols, sizeof *cur);
    want = calloc((size_t)h * (size_t)cols, sizeof *want);
    blanks = calloc((size_t)cols, sizeof *blanks);
    line = calloc((size_t)cols + 1, sizeof *line);
    keep = newpad(h, cols);
    if (!cur || !want || !blanks || !line || !keep) {
        buf_h = buf_cols = 0;
        return -1;
    }
    buf_h = h;
    buf_cols = cols;
    return 0;
}

/* A row's cells, a column each: curses gives a wide character once (win_wchnstr, a tenth
 * of reading each cell), its right half is made again here, with no bytes of its own. */
static void read_row(WINDOW *w, int y, cchar_t *row, int cols)
{
    int x = 0;
    if (mvwin_wchnstr(w, y, 0, line, cols) != ERR) {
        for (int i = 0; x < cols && line[i].chars[0]; i++) {
            row[x++] = line[i];
            if ((line[i].attr & A_CHARTEXT) == 1 && x < cols) {
                row[x] = line[i];
                row[x++].attr = (line[i].attr & ~A_CHARTEXT) | 2;
            }
        }
    }
    for (; x < cols; x++)
        memset(&row[x], 0, sizeof row[x]);
}

/* The terminal's rows [top, top + h) moved by n, through curses: a doupdate of a screen
 * that is the terminal's image with those rows moved, the rows brought in blank; the
 * other rows are left out of it (marked unchanged) and sent after, with the band's own. */
static void scroll_band(int top, int h, int n, const cchar_t *blank_cell)
{
    int cols = COLS;
    char out[512] = { 0 };      /* rows outside the band that wait to be sent */
    copywin(newscr, keep, top, 0, 0, 0, h - 1, cols - 1, FALSE);
    for (int y = 0; y < h; y++) {
        int from = y + n;
        if (from >= 0 && from < h)
            copywin(curscr, newscr, top + from, 0, top + y, 0, top + y, cols - 1, FALSE);
        else
            mvwhline_set(newscr, top + y, 0, blank_cell, cols);
    }
    for (int y = 0; y < LINES && y < (int)sizeof out; y++)
        if ((y < top || y >= top + h) && is_linetouched(newscr, y)) {
            out[y] = 1;
            wtouchln(newscr, y, 1, 0);
        }
    /* The cursor stays where the scroll leaves it: the next update places it. */
    bool leave = is_leaveok(newscr);
    leaveok(newscr, TRUE);
    doupdate();
    leaveok(newscr, leave);
    copywin(keep, newscr, 0, 0, top, 0, top + h - 1, cols - 1, FALSE);
    for (int y = 0; y < LINES && y < (int)sizeof out; y++)
        if (out[y])
            wtouchln(newscr, y, 1, 1);
}

void rowscroll_apply(void)
{
    WINDOW *w = noted;
    int n = noted_n, cols = COLS;
    noted = NULL;
    if (!w || !n || !curscr || !newscr || is_cleared(curscr) || is_cleared(newscr))
        return;
    /* Scrolled by a region: without one, curses would draw the moved rows instead (its
     * insert and delete line wait for idlok, which the explorer leaves off). */
    const char *csr = tigetstr("csr");
    if (!csr || csr == (char *)-1)
        return;
    int top = getbegy(w), h = getmaxy(w);
    /* A window of whole rows curses scrolls by itself (the reader zoomed). */
    if (getmaxx(w) >= cols || top < 0 || top + h > LINES || abs(n) >= h || h < 3 ||
        buffers(h, cols) < 0)
        return;
    cchar_t blank_cell;
    wchar_t sp[2] = { L' ', 0 };
    memset(&blank_cell, 0, sizeof blank_cell);
    setcchar(&blank_cell, sp, A_NORMAL, 0, NULL);
    for (int x = 0; x < cols; x++)
        blanks[x] = blank_cell;
    int cy, cx, ny, nx;
    getyx(curscr, cy, cx);
    getyx(newscr, ny, nx);
    for (int y = 0; y < h; y++) {
        read_row(curscr, top + y, cur + (size_t)y * (size_t)cols, cols);
        read_row(newscr, top + y, want + (size_t)y * (size_t)cols, cols);
    }
    int redraw = 0, scrolled = SCROLL_COST;
    for (int y = 0; y < h; y++) {
        int from = y + n;
        const cchar_t *to = want + (size_t)y * (size_t)cols;
        redraw += row_cost(cur + (size_t)y * (size_t)cols, to, cols);
        scrolled += row_cost(from >= 0 && from < h ? cur + (size_t)from * (size_t)cols : blanks,
                             to, cols);
    }
    if (scrolled < redraw)
        scroll_band(top, h, n, &blank_cell);
    wmove(curscr, cy, cx);
    wmove(newscr, ny, nx);
}
