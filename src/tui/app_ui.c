/* app_ui.c — the app's side of ui.h: what panes ask for (jumps, views, the focus,
 * messages), the history of places, the view stack, and app_sync, the one place that
 * derives what the other panes must redo after an input. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "app.h"
#include "reader.h"

static struct pane *reader(struct app *a) { return &a->panes[PANE_READER]; }

int app_top(const struct app *a) { return a->views[a->nviews - 1]; }

struct pane *app_active(struct app *a)
{
    int top = app_top(a);
    return &a->panes[top == VIEW_MAIN ? (int)a->focus : top];
}

void app_dirty_all(struct app *a)
{
    a->dirty |= DIRTY_CHROME;
    for (int i = 0; i < PANE_COUNT; i++)
        a->panes[i].dirty |= PANE_REDRAW | PANE_BLANK;
}

void app_notify(struct app *a, unsigned events)
{
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        if (p->ops->notify)
            p->dirty |= p->ops->notify(p, events);
    }
}

void app_sync(struct app *a)
{
    struct ui *u = &a->ui;
    if (u->spans.gen != a->spans_seen) {
        a->spans_seen = u->spans.gen;
        app_notify(a, UI_SPANS);
    }
    struct selection s;
    reader_select(reader(a), &s);
    s.jumps = a->jumps;
    s.jumped = a->jumped;
    unsigned ev = 0;
    if (s.doc != u->sel.doc || s.node != u->sel.node)
        ev |= UI_PLACE;
    if (s.jumps != u->sel.jumps)
        ev |= UI_JUMPED;
    for (int k = 0; k < SPAN_COUNT; k++)
        if (s.span[k] != u->sel.span[k])
            ev |= UI_SPAN_AT(k);
    u->sel = s;
    if (ev & UI_PLACE)
        a->dirty |= DIRTY_TITLE;
    if (ev)
        app_notify(a, ev);
}

/* ---- places and history ---- */

struct loc app_here(const struct app *a)
{
    const struct pane *r = &a->panes[PANE_READER];
    struct loc l = { reader_doc(r), 0, 0 };
    reader_where(r, &l.node_id, &l.offset);
    return l;
}

void app_show(struct app *a, struct loc to)
{
    if (to.doc < 0 || (size_t)to.doc >= a->corpus.ndocs || reader_open(reader(a), to.doc) < 0)
        return;
    reader_goto(reader(a), to.node_id, to.offset);
    a->jumps++;
    a->jumped = to;
}

void app_history(struct app *a, int dir)
{
    int to = a->ihist + dir;
    if (to < 0 || to >= a->nhist) {
        ui_message(&a->ui, ROLE_STATUS, dir < 0 ? "没有更早的位置" : "没有更晚的位置");
        return;
    }
    a->hist[a->ihist] = app_here(a);
    a->ihist = to;
    app_show(a, a->hist[to]);
}

void app_back(struct app *a)
{
    int top = a->nviews - 1;
    if (app_top(a) != VIEW_MAIN || (top > 0 && a->ihist <= a->view_hist[top]))
        ui_view_close(&a->ui);
    else
        app_history(a, -1);
}

void ui_jump(struct ui *u, struct loc to)
{
    struct app *a = APP_OF(u);
    if (reader_doc(reader(a)) >= 0) {
        a->hist[a->ihist] = app_here(a);
        if (a->ihist == HISTORY_MAX - 1) {
            memmove(a->hist, a->hist + 1, (HISTORY_MAX - 1) * sizeof *a->hist);
            a->ihist--;
        }
        a->ihist++;
    }
    a->hist[a->ihist] = to;
    a->nhist = a->ihist + 1;
    app_show(a, to);
}

void ui_show_span(struct ui *u, struct loc to, enum span_kind k, long id)
{
    ui_jump(u, to);
    reader_select_span(reader(APP_OF(u)), k, id);
}

/* ---- messages, the focus, the cursor ---- */

void ui_message(struct ui *u, enum role r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->msg, sizeof u->msg, fmt, ap);
    va_end(ap);
    u->msg_role = r;
    APP_OF(u)->dirty |= DIRTY_STATUS;
}

void ui_focus(struct ui *u, enum pane_id p)
{
    struct app *a = APP_OF(u);
    if (p >= PANE_COUNT || !a->panes[p].win || a->panes[p].ops->place == PLACE_VIEW)
        return;
    a->panes[a->focus].dirty |= PANE_REDRAW;
    a->panes[p].dirty |= PANE_REDRAW;
    a->focus = p;
    a->dirty |= DIRTY_STATUS;
}

void ui_place_show(struct ui *u, enum pane_id p)
{
    struct app *a = APP_OF(u);
    if (p >= PANE_COUNT || a->panes[p].ops->place == PLACE_VIEW)
        return;
    enum pane_place pl = a->panes[p].ops->place;
    if (a->place[pl] == p)
        return;
    if (a->focus == a->place[pl])
        a->focus = p;
    a->place[pl] = p;
    a->dirty |= DIRTY_LAYOUT;
}

const char *ui_pane_why(const struct ui *u, enum pane_id p)
{
    const struct pane *pn = &APP_OF((struct ui *)u)->panes[p];
    return p < PANE_COUNT && !pn->usable ? pn->why : NULL;
}

enum kctx pane_context(const struct pane *p)
{
    return p->ops->context ? p->ops->context(p) : p->ops->kctx;
}

void pane_cursor(struct pane *p, int y, int x)
{
    p->cursor_set = 1, p->cursor_y = y, p->cursor_x = x;
    p->ui->cursor_pane = (int)p->id;
    p->ui->cursor_y = y;
    p->ui->cursor_x = x;
}

/* ---- the view stack ---- */

/* What shows changed: the view on top is drawn again, or the main view's windows, which
 * hold what its panes last drew (a pane that changed meanwhile kept its dirty flags), are
 * shown again; a full repaint of the main view after closing a view was a third of the
 * key. The views' window overlaps the main view's: make curses compare them all afresh. */
static void views_changed(struct app *a)
{
    a->dirty |= DIRTY_CHROME;
    int top = app_top(a);
    if (top == VIEW_MAIN)
        a->dirty |= DIRTY_EXPOSED;
    else
        a->panes[top].dirty |= PANE_REDRAW | PANE_BLANK;   /* the views share a window */
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->panes[i].win)
            touchwin(a->panes[i].win);
    for (int i = 0; i < C_COUNT; i++)
        if (a->chrome[i])
            touchwin(a->chrome[i]);
}

int ui_view_top(const struct ui *u) { return app_top(APP_OF((struct ui *)u)); }

/* Asks view v to open; 1 if it did. */
static int opens(struct app *a, int v, const char *arg)
{
    if (v == VIEW_MAIN)
        return 1;
    if (v < 0 || v >= PANE_COUNT || a->panes[v].ops->place != PLACE_VIEW)
        return 0;
    struct pane *p = &a->panes[v];
    return !p->ops->open || p->ops->open(p, arg) == 0;
}

void ui_view_push(struct ui *u, int v, const char *arg)
{
    struct app *a = APP_OF(u);
    if (!opens(a, v, arg))
        return;
    /* A view already in the stack is gone back to (each view is in it once), so the
     * stack stays as deep as the ways to reach a view. */
    for (int i = 1; v != VIEW_MAIN && i < a->nviews; i++)
        if (a->views[i] == v) {
            a->nviews = i + 1;
            views_changed(a);
            return;
        }
    if (a->nviews == VIEW_DEPTH) {          /* the oldest above the main view goes */
        memmove(a->views + 1, a->views + 2, (VIEW_DEPTH - 2) * sizeof *a->views);
        memmove(a->view_hist + 1, a->view_hist + 2, (VIEW_DEPTH - 2) * sizeof *a->view_hist);
        a->nviews--;
    }
    a->view_hist[a->nviews] = a->ihist;
    a->views[a->nviews++] = v;
    views_changed(a);
}

void ui_view_main(struct ui *u)
{
    if (app_top(APP_OF(u)) != VIEW_MAIN)
        ui_view_push(u, VIEW_MAIN, NULL);
}

void ui_view_open(struct ui *u, int v, const char *arg)
{
    struct app *a = APP_OF(u);
    if (!opens(a, v, arg))
        return;
    a->nviews = 1;
    if (v != VIEW_MAIN)
        a->views[a->nviews++] = v;
    views_changed(a);
}

void ui_view_close(struct ui *u)
{
    struct app *a = APP_OF(u);
    if (a->nviews > 1) {
        a->nviews--;
        views_changed(a);
    }
}

void ui_view_home(struct ui *u)
{
    struct app *a = APP_OF(u);
    if (a->nviews > 1) {
        a->nviews = 1;
        views_changed(a);
    }
}
