/* reader_draw.c — the reader's lines on screen, each stretch in the role of the spans
 * over it; after a step of the cursor, only its old and new line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/text.h"
#include "draw.h"
#include "reader_int.h"
#include "rowscroll.h"

#define MARGIN READER_MARGIN

/* The role of drawn byte pos, from the spans on its line: a later source's span over an
 * earlier one's (a hit over a target), the last of one source's, over the base. */
static enum role role_at(const struct reader *r, const size_t *on, size_t n, size_t pos,
                         enum role base)
{
    enum role role = base;
    int top = -1;
    for (size_t k = 0; k < n; k++) {
        const struct rspan *s = &r->spans[on[k]];
        if (pos < s->start || pos >= s->end || (int)s->kind < top)
            continue;
        top = (int)s->kind;
        role = span_role(s->kind, (long)on[k] == r->current[s->kind]);
    }
    return role;
}

/* The spans that touch line li (spans are sorted by block and start). */
static size_t spans_on(const struct reader *r, size_t li, size_t *on, size_t max)
{
    const struct rline *l = &r->d.lines[li];
    size_t lo = 0, hi = r->nspans, n = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->spans[mid].block < l->block)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < r->nspans && r->spans[i].block == l->block && n < max; i++)
        if (r->spans[i].start < l->end && r->spans[i].end > l->start)
            on[n++] = i;
    return n;
}

static void draw_line(const struct reader *r, WINDOW *w, int y, size_t li, enum role base,
                      int wd)
{
    const struct rline *l = &r->d.lines[li];
    const struct rblock *b = &r->d.blocks[l->block];
    size_t on[64];
    size_t non = spans_on(r, li, on, sizeof on / sizeof on[0]);
    draw_fill(w, y, 0, wd, draw_blank(theme_attr(base), theme_attr(ROLE_NORMAL)));
    int x = MARGIN;
    size_t p = l->start;
    while (p < l->end && x < wd) {
        enum role role = role_at(r, on, non, p, base);
        size_t q = p;
        while (q < l->end && role_at(r, on, non, q, base) == role) {
            uint32_t c;
            q += (size_t)text_next(b->text + q, l->end - q, &c);
        }
        /* On the cursor line a highlight keeps the line's background (theme_over). */
        attr_t at = role == base || (base != ROLE_CURSOR && base != ROLE_CURSOR_IDLE)
                        ? theme_attr(role) : theme_over(role, base);
        x += draw_text(w, y, x, b->text + p, q - p, wd - x, at);
        p = q;
    }
}

/* Where the measure leaves room beside the text, its first row says how to widen it. */
static void widen_hint(struct pane *p, WINDOW *w, int wd, int focused)
{
    const struct reader *r = p->state;
    char key[32], hint[96];
    int text = reader_text_width(p);
    if (!*hint_key(p->ui->keys, KCTX_READER, CMD_TEXT_WIDTH, key, sizeof key) ||
        text >= wd - 2 * MARGIN)
        return;
    snprintf(hint, sizeof hint, "%s 加宽", key);
    int hw = draw_width(hint, strlen(hint));
    if (MARGIN + text + 4 + hw > wd)
        return;
    /* On the cursor line, in the cursor's colours, so the line stays whole. */
    attr_t at = r->d.top != r->d.cur ? theme_attr(ROLE_DIM)
                : theme_attr(focused ? ROLE_CURSOR : ROLE_CURSOR_IDLE);
    draw_text(w, 0, wd - hw - MARGIN, hint, strlen(hint), hw, at);
}

void reader_draw(struct pane *p, int focused)
{
    struct reader *r = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    reader_show_cursor(p, 0);
    /* A step of the cursor within the lines on screen: redraw its old and new line. */
    int partial = (p->dirty & (PANE_MOVED | PANE_REDRAW)) == PANE_MOVED &&
                  r->d.top == r->drawn_top;
    /* Lines that moved by less than the pane: the terminal may scroll them (rowscroll.h). */
    long moved = (long)r->d.top - (long)r->drawn_top;
    if (!partial && !(p->dirty & PANE_BLANK) && moved && labs(moved) < h)
        rowscroll_note(w, (int)moved);
    r->drawn_top = r->d.top;
    size_t was = r->drawn_cur;
    r->drawn_cur = r->d.cur;
    for (int y = 0; y < h; y++) {
        size_t li = r->d.top + (size_t)y;
        if (partial && li != was && li != r->d.cur)
            continue;
        if (li >= r->d.nlines) {
            draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
            if (y == 0 && !r->d.nlines && r->failed[0])   /* why there is nothing */
                draw_text(w, 0, MARGIN, r->failed, strlen(r->failed), wd - MARGIN,
                          theme_attr(ROLE_ERROR));
            continue;
        }
        enum role base = r->d.blocks[r->d.lines[li].block].role;
        if (li == r->d.cur)
            base = focused ? ROLE_CURSOR : ROLE_CURSOR_IDLE;
        draw_line(r, w, y, li, base, wd);
        if (li == r->d.cur && focused)
            pane_cursor(p, y, MARGIN);
    }
    if (!partial || r->d.top == r->d.cur || r->d.top == was)
        widen_hint(p, w, wd, focused);
}

