/* screen.c — a redraw: what is dirty, in the windows of the view showing, then the
 * status line (last: a prompt there places the cursor), then one doupdate. */
#include <stdio.h>
#include <string.h>
#include "app.h"
#include "frame.h"
#include "prompt.h"
#include "rowscroll.h"

/* The hint for the pane with the keys: its name, then its main keys, from the bindings. */
static const char *pane_hint(const struct app *a, const struct pane *p, char *buf, size_t n)
{
    const char *lead = p->ops->hint_lead;
    char line[400] = "", back[128] = "";
    if (p->ops->hints)
        hint_line(&a->keys, pane_context(p), p->ops->hints, "  ", line, sizeof line);
    /* A main view opened from a view says first how to go back to it. */
    if (app_top(a) == VIEW_MAIN && a->nviews > 1) {
        const char *title = a->panes[a->views[a->nviews - 2]].ops->title;
        char key[32];
        if (title && *hint_key(&a->keys, pane_context(p), CMD_QUIT, key, sizeof key))
            snprintf(back, sizeof back, "%s 返回%.*s  ", key, (int)strcspn(title, "："), title);
    }
    snprintf(buf, n, "%s%s%s%s", back, lead ? lead : "", lead && *line ? "  " : "", line);
    return buf;
}

static void draw_status(struct app *a)
{
    WINDOW *w = a->chrome[C_STATUS];
    struct pane *p = app_active(a);
    const char *label = "";
    struct prompt *pr = p->ops->prompt ? p->ops->prompt(p, &label) : NULL;
    if (pr) {
        a->ui.cursor_pane = PANE_COUNT;
        a->ui.cursor_y = 0;
        a->ui.cursor_x = prompt_draw(pr, w, 0, label);
        return;
    }
    /* The main view shows where the reader is, whichever pane has the keys. */
    const struct pane *where = app_top(a) == VIEW_MAIN ? &a->panes[PANE_READER] : p;
    char right[600] = "", hint[1024];
    size_t o = 0;
    /* In the main view, what the spans under the reader's cursor are ("结果 2/3"). */
    for (int k = 0; app_top(a) == VIEW_MAIN && k < SPAN_COUNT && o < sizeof right / 2; k++) {
        const struct span_source *s = &a->ui.spans.src[k];
        char said[128] = "";
        if (a->ui.sel.span[k] >= 0 && s->describe)
            s->describe(s->owner, a->ui.sel.span[k], said, sizeof said);
        if (*said)
            o += (size_t)snprintf(right + o, sizeof right - o, "%s · ", said);
    }
    if (where->ops->where)
        where->ops->where(where, right + o, sizeof right - o);
    const char *left = a->ui.msg[0] ? a->ui.msg : pane_hint(a, p, hint, sizeof hint);
    char marks[1200];
    if (a->pending == CMD_MARK) {
        left = "设书签：按一个字母";
    } else if (a->pending == CMD_JUMP_MARK) {
        char list[1024];
        app_marks_list(a, list, sizeof list);
        snprintf(marks, sizeof marks, "回到书签（按字母）：%s", list);
        left = marks;
    }
    frame_status(w, left, theme_attr(a->ui.msg[0] ? a->ui.msg_role : ROLE_STATUS), right);
}

static void draw_title(struct app *a)
{
    char key[32], help[64];
    int top = app_top(a);
    snprintf(help, sizeof help, "%s 帮助 ",
             hint_key(&a->keys, KCTX_GENERIC, CMD_HELP, key, sizeof key));
    a->title_help_x = frame_title(a->chrome[C_TITLE], &a->corpus, &a->ui.sel,
                                  top == VIEW_MAIN ? NULL : a->panes[top].ops->title, help);
}

/* Draws the pane if dirty; refreshes it then, or when its window is shown again as it
 * is, and puts the cursor back where its last draw did (as drawing it again would). */
static void draw_pane(struct pane *p, int focused, int exposed)
{
    if (!p->win)
        return;
    if (p->dirty & (PANE_REDRAW | PANE_MOVED)) {
        p->cursor_set = 0;
        p->ops->draw(p, focused);
    } else if (!exposed) {
        return;
    } else if (p->cursor_set) {
        pane_cursor(p, p->cursor_y, p->cursor_x);
    }
    wnoutrefresh(p->win);
}

/* The panes' dirty flags once drawn: cleared, but a main view's pane hidden under a view
 * keeps what it has to redo for when the main view shows again. */
static void panes_drawn(struct app *a)
{
    int hidden = !a->small && app_top(a) != VIEW_MAIN;
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        p->dirty = hidden && p->ops->place != PLACE_VIEW ? p->dirty & (PANE_REDRAW | PANE_MOVED | PANE_BLANK) : 0;
    }
}

/* The cursor stays where the last draw put it, but only on a window of what shows: a
 * view's window refreshed under the main view (or the reader's under a view) would paint
 * it back over the screen. */
static WINDOW *cursor_window(const struct app *a)
{
    int c = a->ui.cursor_pane, top = app_top(a);
    if (c == PANE_COUNT)
        return a->chrome[C_STATUS];
    if (c < 0 || c >= PANE_COUNT)
        return NULL;
    int view = a->panes[c].ops->place == PLACE_VIEW;
    return (top == VIEW_MAIN ? !view : c == top) ? a->panes[c].win : NULL;
}

void app_redraw(struct app *a)
{
    if (a->dirty & DIRTY_LAYOUT)
        layout_apply(a);
    app_sync(a);
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->panes[i].dirty & PANE_STATUS)
            a->dirty |= DIRTY_STATUS;
    if (a->small) {
        char key[32];
        if (a->chrome[C_VIEW]) {
            frame_small(a->chrome[C_VIEW],
                        hint_key(&a->keys, KCTX_GENERIC, CMD_QUIT, key, sizeof key));
            wnoutrefresh(a->chrome[C_VIEW]);
        }
    } else {
        if ((a->dirty & DIRTY_TITLE) && a->chrome[C_TITLE]) {
            draw_title(a);
            wnoutrefresh(a->chrome[C_TITLE]);
        }
        int top = app_top(a), exposed = (a->dirty & DIRTY_EXPOSED) != 0;
        if (top != VIEW_MAIN) {
            draw_pane(&a->panes[top], 1, 0);
        } else {
            if ((a->dirty & DIRTY_DIV) && a->chrome[C_DIV]) {
                frame_divider(a->chrome[C_DIV]);
                wnoutrefresh(a->chrome[C_DIV]);
            }
            for (int i = 0; i < PANE_COUNT; i++)
                if (a->panes[i].ops->place != PLACE_VIEW)
                    draw_pane(&a->panes[i], a->focus == (enum pane_id)i, exposed);
        }
        if ((a->dirty & DIRTY_STATUS) && a->chrome[C_STATUS]) {
            draw_status(a);
            wnoutrefresh(a->chrome[C_STATUS]);
        }
    }
    panes_drawn(a);
    a->dirty = 0;
    WINDOW *cw = a->small ? NULL : cursor_window(a);
    if (cw) {
        wmove(cw, a->ui.cursor_y, a->ui.cursor_x);
        wnoutrefresh(cw);
    }
    curs_set(cw ? 1 : 0);
    rowscroll_apply();
    doupdate();
}
