/* layout.c — rectangles for each window. Windows are recreated at every resize: it is
 * simpler than moving them, and a resize redraws everything anyway. The main view's
 * panes go where their ops place them; every view shares the body's window. */
#include "app.h"
#include "frame.h"

static struct rect rect(int y, int x, int h, int w)
{
    return (struct rect){ y, x, h > 0 ? h : 0, w > 0 ? w : 0 };
}

/* The sidebar: 28% of the screen within 16–40 columns, and what < and > added (it keeps
 * 12 columns, and leaves the reader 30). */
static int sidebar_width(const struct app *a, int cols)
{
    int w = cols * 28 / 100;
    w = (w < 16 ? 16 : w > 40 ? 40 : w) + a->sidebar_extra;
    int most = cols - 30 > 12 ? cols - 30 : 12;
    return w < 12 ? 12 : w > most ? most : w;
}

void layout_free(struct app *a)
{
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        if (p->win && p->ops->place != PLACE_VIEW)
            delwin(p->win);
        p->win = NULL;
    }
    for (int i = 0; i < C_COUNT; i++) {
        if (a->chrome[i])
            delwin(a->chrome[i]);
        a->chrome[i] = NULL;
    }
}

static WINDOW *make(const struct rect *r)
{
    return r->h > 0 && r->w > 0 ? newwin(r->h, r->w, r->y, r->x) : NULL;
}

void layout_apply(struct app *a)
{
    layout_free(a);
    struct rect place[PLACE_COUNT] = { { 0 } };
    for (int i = 0; i < C_COUNT; i++)
        a->chrome_rect[i] = rect(0, 0, 0, 0);
    a->small = COLS < LAYOUT_MIN_COLS || LINES < LAYOUT_MIN_LINES;
    if (a->small) {
        a->chrome_rect[C_VIEW] = rect(0, 0, LINES, COLS);
    } else {
        int body = LINES - 2;
        int ph = a->show_panel && !a->zoom ? (LINES >= 30 ? 4 : 3) : 0;
        /* A pane that lists more (the related list) takes a share of the body. */
        int share = a->panes[a->place[PLACE_BOTTOM]].ops->body_share;
        if (ph && share && body * share / 100 > ph)
            ph = body * share / 100;
        if (body - ph < 4)
            ph = 0;
        int tw = a->zoom ? 0 : sidebar_width(a, COLS);
        a->chrome_rect[C_TITLE] = rect(0, 0, 1, COLS);
        place[PLACE_SIDEBAR] = rect(1, 0, body - ph, tw);
        a->chrome_rect[C_DIV] = rect(1, tw, body - ph, tw ? 1 : 0);
        place[PLACE_MAIN] = rect(1, tw ? tw + 1 : 0, body - ph, tw ? COLS - tw - 1 : COLS);
        place[PLACE_BOTTOM] = rect(1 + body - ph, 0, ph, COLS);
        a->chrome_rect[C_VIEW] = rect(1, 0, body, COLS);
        a->chrome_rect[C_STATUS] = rect(LINES - 1, 0, 1, COLS);
    }
    for (int i = 0; i < C_COUNT; i++)
        a->chrome[i] = make(&a->chrome_rect[i]);
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        int view = p->ops->place == PLACE_VIEW;
        /* A pane whose place another pane holds has no room until it is shown there. */
        a->rect[i] = view ? a->chrome_rect[C_VIEW]
                     : a->place[p->ops->place] == (enum pane_id)i ? place[p->ops->place]
                                                                  : rect(0, 0, 0, 0);
        p->win = view ? a->chrome[C_VIEW] : make(&a->rect[i]);
        p->h = a->rect[i].h;
        p->w = a->rect[i].w;
    }
    if (!a->small && !a->panes[a->focus].win)
        a->focus = PANE_READER;
    a->dirty |= DIRTY_CHROME;
    app_dirty_all(a);
    app_notify(a, UI_RESIZED);
}

int layout_hit(const struct app *a, int *y, int *x)
{
    if (a->small)
        return -1;
    if (app_top(a) != VIEW_MAIN) {
        const struct rect *r = &a->chrome_rect[C_VIEW];
        if (*y >= r->y && *y < r->y + r->h) {
            *y -= r->y;
            *x -= r->x;
            return app_top(a);
        }
    }
    /* The chrome, then the main view's panes (none of them overlap). */
    for (int w = 0; w < PANE_COUNT + C_COUNT; w++) {
        int chrome = w >= PANE_COUNT;
        if (chrome ? w - PANE_COUNT == C_VIEW : a->panes[w].ops->place == PLACE_VIEW)
            continue;
        const struct rect *r = chrome ? &a->chrome_rect[w - PANE_COUNT] : &a->rect[w];
        if (r->h && *y >= r->y && *y < r->y + r->h && *x >= r->x && *x < r->x + r->w) {
            *y -= r->y;
            *x -= r->x;
            return w;
        }
    }
    return -1;
}
