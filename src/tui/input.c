/* input.c — what a key or a mouse event does. A key is looked up in the context of the
 * pane that has the keys (the top view, or the main view's focused pane); the pane gets
 * the command first, then the commands that mean the same everywhere run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "reader.h"
#include "script.h"

static void cycle_pane(struct app *a, int dir)
{
    for (int i = 1; i <= PANE_COUNT; i++) {
        int p = ((int)a->focus + dir * i + 2 * PANE_COUNT) % PANE_COUNT;
        if (a->panes[p].ops->place != PLACE_VIEW && a->panes[p].win) {
            ui_focus(&a->ui, (enum pane_id)p);
            return;
        }
    }
}

/* The letter after m or '. */
static void mark_letter(struct app *a, enum cmd what, keycode k)
{
    int i = k < 128 ? state_mark_index((int)k) : -1;
    if (i < 0) {
        ui_message(&a->ui, ROLE_STATUS, "书签用字母 a–z 或 A–Z");
        return;
    }
    if (what == CMD_MARK) {
        if (corpus_loc_to_pos(&a->corpus, app_here(a), &a->state.marks[i]) == 0) {
            char key[32];
            a->state.marks_set |= (uint64_t)1 << i;
            ui_message(&a->ui, ROLE_STATUS, "书签 %c 已设在这里（按 %s%c 回来）", (char)k,
                       hint_key(&a->keys, pane_context(app_active(a)), CMD_JUMP_MARK, key,
                                sizeof key), (char)k);
        }
        return;
    }
    struct loc to;
    if (!(a->state.marks_set >> i & 1) ||
        corpus_pos_to_loc(&a->corpus, &a->state.marks[i], &to) < 0) {
        ui_message(&a->ui, ROLE_STATUS, "没有书签 %c", (char)k);
        return;
    }
    ui_jump(&a->ui, to);
    ui_view_main(&a->ui);
}

void app_marks_list(const struct app *a, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < STATE_MARKS && o < n; i++) {
        if (!(a->state.marks_set >> i & 1))
            continue;
        const struct state_pos *m = &a->state.marks[i];
        int d = corpus_doc_by_slug(&a->corpus, m->slug);
        const char *where = d >= 0 && a->corpus.docs[d].region ? a->corpus.docs[d].region
                                                                 : m->slug;
        o += (size_t)snprintf(buf + o, n - o, "%s%c %s %s", o ? "  " : "",
                              i < 26 ? 'a' + i : 'A' + i - 26, where, m->path);
    }
}

/* n/N, ]/[ (and any source's next and previous): the reader's next span of that source,
 * or what the source does when there is none further in the document. */
static void span_step(struct app *a, enum span_kind k, int dir)
{
    ui_view_main(&a->ui);
    if (reader_next_span(&a->panes[PANE_READER], k, dir) < 0) {
        const struct span_source *s = &a->ui.spans.src[k];
        if (s->beyond)
            s->beyond(s->owner, dir);
    }
}

/* < and >: the sidebar narrower or wider, within what the layout allows. */
static void sidebar_resize(struct app *a, int by)
{
    char key[32];
    if (a->zoom) {
        ui_message(&a->ui, ROLE_STATUS, "阅读区占满屏幕时没有侧栏（%s 恢复）",
                   hint_key(&a->keys, KCTX_GENERIC, CMD_ZOOM, key, sizeof key));
        return;
    }
    int was = a->panes[PANE_TREE].w;
    a->sidebar_extra += by;
    layout_apply(a);
    if (a->panes[PANE_TREE].w == was)
        a->sidebar_extra -= by;     /* at its limit: what was added is not kept */
    ui_message(&a->ui, ROLE_STATUS, "侧栏宽 %d 列", a->panes[PANE_TREE].w);
}

/* The next of the panes that share the bottom (the target panel, the related list), shown
 * with the bottom itself. */
static void bottom_next(struct app *a)
{
    enum pane_id at = a->place[PLACE_BOTTOM];
    for (int i = 1; i < PANE_COUNT; i++) {
        int p = ((int)at + i) % PANE_COUNT;
        if (a->panes[p].ops->place == PLACE_BOTTOM) {
            ui_place_show(&a->ui, (enum pane_id)p);
            break;
        }
    }
    a->show_panel = 1;
    a->dirty |= DIRTY_LAYOUT;
}

/* Commands that mean the same in every pane and view. */
static void generic(struct app *a, enum cmd c)
{
    struct ui *u = &a->ui;
    int top = app_top(a), dir, k = span_kind_of_cmd(c, &dir);
    if (k >= 0) {
        span_step(a, (enum span_kind)k, dir);
        return;
    }
    /* A view's own command opens it over the view showing, and closes it when it shows
     * (?, c, /). */
    for (int v = 0; c != CMD_NONE && v < PANE_COUNT; v++)
        if (a->panes[v].ops->place == PLACE_VIEW && a->panes[v].ops->open_cmd == c) {
            if (top == v)
                ui_view_close(u);
            else
                ui_view_push(u, v, NULL);
            return;
        }
    switch (c) {
    case CMD_QUIT:      /* the view opened from another returns there; the first quits */
        if (a->nviews > 1)
            ui_view_close(u);
        else
            a->quit = 1;
        break;
    case CMD_ESCAPE:    /* the same, but never quits */
        if (a->nviews > 1)
            ui_view_close(u);
        break;
    case CMD_NEXT_PANE: cycle_pane(a, 1); break;
    case CMD_PREV_PANE: cycle_pane(a, -1); break;
    case CMD_BACK: app_back(a); break;
    case CMD_FORWARD:
        if (top == VIEW_MAIN)
            app_history(a, 1);
        break;
    case CMD_JUMP_MARK:
        if (!a->state.marks_set) {
            char key[32];
            ui_message(u, ROLE_STATUS, "还没有书签：按 %s 再按一个字母，在光标处设一个",
                       hint_key(&a->keys, pane_context(app_active(a)), CMD_MARK, key,
                                sizeof key));
            break;
        }
        a->pending = c;
        a->dirty |= DIRTY_STATUS;
        break;
    case CMD_MARK:
        a->pending = c;
        a->dirty |= DIRTY_STATUS;
        break;
    case CMD_REDRAW: clearok(curscr, TRUE); a->dirty |= DIRTY_LAYOUT; break;
    case CMD_ZOOM:
        a->zoom = !a->zoom;
        a->dirty |= DIRTY_LAYOUT;
        break;
    case CMD_SIDEBAR_WIDER:
    case CMD_SIDEBAR_NARROWER:
        sidebar_resize(a, c == CMD_SIDEBAR_WIDER ? 4 : -4);
        break;
    case CMD_TOGGLE_PANEL:
        a->show_panel = a->panes[a->place[PLACE_BOTTOM]].usable && !a->show_panel;
        a->dirty |= DIRTY_LAYOUT;
        break;
    case CMD_RELATED:
        if (top == VIEW_MAIN)
            bottom_next(a);
        break;
    default: break;
    }
}

static void mouse(struct app *a, const MEVENT *m)
{
    int y = m->y, x = m->x;
    int w = layout_hit(a, &y, &x);
    if (w < 0)
        return;
    if (w == PANE_COUNT + C_TITLE) {
        if ((m->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && x >= a->title_help_x)
            ui_view_push(&a->ui, PANE_HELP, NULL);
        return;
    }
    if (w >= PANE_COUNT)
        return;
    struct pane *p = &a->panes[w];
    if (m->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        enum cmd c = m->bstate & BUTTON5_PRESSED ? CMD_DOWN : CMD_UP;
        for (int i = 0; i < 3 && (p->ops->flags & PANE_WHEEL); i++)
            p->dirty |= p->ops->key(p, c, 0);
        return;
    }
    if (!(m->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || !p->ops->click)
        return;
    if (p->ops->flags & PANE_CLICK_FOCUS)
        ui_focus(&a->ui, p->id);
    p->dirty |= p->ops->click(p, y, x);
}

void app_input(struct app *a, const struct input *in)
{
    keycode k = in->key;
    if (a->ui.msg[0]) {
        a->ui.msg[0] = '\0';
        a->dirty |= DIRTY_STATUS;
    }
    if (k == KEYF(KEY_RESIZE)) {
        a->dirty |= DIRTY_LAYOUT;
        return;
    }
    if (k == KEYF(KEY_MOUSE)) {
        mouse(a, &in->mouse);
        return;
    }
    if (a->small) {
        if (keymap_lookup(&a->keys, KCTX_GENERIC, k) == CMD_QUIT)
            a->quit = 1;
        return;
    }
    if (a->pending) {
        enum cmd p = a->pending;
        a->pending = CMD_NONE;
        a->dirty |= DIRTY_STATUS;
        if (keymap_lookup(&a->keys, KCTX_MARK, k) != CMD_ESCAPE)
            mark_letter(a, p, k);
        return;
    }
    struct pane *p = app_active(a);
    enum kctx ctx = pane_context(p);
    enum cmd c = keymap_lookup(&a->keys, ctx, k);
    if (c == CMD_NONE && !kctx_typing(ctx))
        return;
    unsigned r = p->ops->key ? p->ops->key(p, c, k) : 0;
    p->dirty |= r;
    if (!(r & PANE_HANDLED))
        generic(a, c);
}
