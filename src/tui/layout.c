/* layout.c — rectangles for each window. Windows are recreated at every resize: it is
 * simpler than moving them, and a resize redraws everything anyway. */
#include "app.h"
#include "layout.h"

static void set(struct app *a, enum win w, int y, int x, int h, int wd)
{
    a->rect[w] = (struct rect){ y, x, h > 0 ? h : 0, wd > 0 ? wd : 0 };
}

static int sidebar_width(int cols)
{
    int w = cols * 28 / 100;
    return w < 16 ? 16 : w > 40 ? 40 : w;
}

void layout_free(struct app *a)
{
    for (int i = 0; i < W_COUNT; i++) {
        if (a->win[i])
            delwin(a->win[i]);
        a->win[i] = NULL;
    }
}

void layout_apply(struct app *a)
{
    layout_free(a);
    for (int i = 0; i < W_COUNT; i++)
        set(a, (enum win)i, 0, 0, 0, 0);
    a->small = COLS < LAYOUT_MIN_COLS || LINES < LAYOUT_MIN_LINES;
    if (a->small) {
        set(a, W_VIEW, 0, 0, LINES, COLS);
    } else {
        int body = LINES - 2;
        int ph = a->show_panel && !a->zoom ? (LINES >= 30 ? 4 : 3) : 0;
        if (body - ph < 4)
            ph = 0;
        int tw = a->zoom ? 0 : sidebar_width(COLS);
        set(a, W_TITLE, 0, 0, 1, COLS);
        set(a, W_TREE, 1, 0, body - ph, tw);
        set(a, W_DIV, 1, tw, body - ph, tw ? 1 : 0);
        set(a, W_READER, 1, tw ? tw + 1 : 0, body - ph, tw ? COLS - tw - 1 : COLS);
        set(a, W_PANEL, 1 + body - ph, 0, ph, COLS);
        set(a, W_VIEW, 1, 0, body, COLS);
        set(a, W_STATUS, LINES - 1, 0, 1, COLS);
    }
    for (int i = 0; i < W_COUNT; i++) {
        const struct rect *r = &a->rect[i];
        if (r->h > 0 && r->w > 0)
            a->win[i] = newwin(r->h, r->w, r->y, r->x);
    }
    if (!a->small && ((a->focus == PANE_PANEL && !a->win[W_PANEL]) ||
                      (a->focus == PANE_TREE && !a->win[W_TREE])))
        a->focus = PANE_READER;
    a->dirty |= DIRTY_ALL;
    reader_relayout(a);
}

int layout_hit(const struct app *a, int *y, int *x)
{
    static const enum win order[] = { W_TITLE, W_STATUS, W_TREE, W_DIV, W_READER, W_PANEL };
    if (a->small)
        return -1;
    if (a->view != VIEW_MAIN) {
        const struct rect *r = &a->rect[W_VIEW];
        if (*y >= r->y && *y < r->y + r->h) {
            *y -= r->y;
            *x -= r->x;
            return W_VIEW;
        }
    }
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const struct rect *r = &a->rect[order[i]];
        if (r->h && *y >= r->y && *y < r->y + r->h && *x >= r->x && *x < r->x + r->w) {
            *y -= r->y;
            *x -= r->x;
            return (int)order[i];
        }
    }
    return -1;
}
