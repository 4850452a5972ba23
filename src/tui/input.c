/* input.c — what a key or a mouse event does: the view or the focused pane gets the
 * command first, then the commands that work everywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app.h"
#include "hint.h"
#include "layout.h"
#include "script.h"

static enum kctx context(const struct app *a)
{
    switch (a->view) {
    case VIEW_COMPARE: return KCTX_COMPARE;
    case VIEW_SEARCH: return KCTX_SEARCH;
    case VIEW_HELP: return KCTX_HELP;
    default: break;
    }
    return a->focus == PANE_TREE ? KCTX_TREE : a->focus == PANE_PANEL ? KCTX_PANEL
                                                                       : KCTX_READER;
}

static void history(struct app *a, int dir)
{
    int to = a->ihist + dir;
    if (to < 0 || to >= a->nhist) {
        app_message(a, ROLE_STATUS, dir < 0 ? "没有更早的位置" : "没有更晚的位置");
        return;
    }
    a->hist[a->ihist] = app_here(a);
    a->ihist = to;
    app_show(a, a->hist[to]);
}

static void cycle_pane(struct app *a, int dir)
{
    for (int i = 1; i <= PANE_COUNT; i++) {
        enum pane p = (enum pane)(((int)a->focus + dir * i + 2 * PANE_COUNT) % PANE_COUNT);
        if (a->win[p == PANE_TREE ? W_TREE : p == PANE_PANEL ? W_PANEL : W_READER]) {
            app_focus(a, p);
            return;
        }
    }
}

/* The letter after m or '. */
static void mark_letter(struct app *a, enum cmd what, keycode k)
{
    int i = k < 128 ? state_mark_index((int)k) : -1;
    if (i < 0) {
        app_message(a, ROLE_STATUS, "书签用字母 a–z 或 A–Z");
        return;
    }
    if (what == CMD_MARK) {
        if (corpus_loc_to_pos(&a->corpus, app_here(a), &a->state.marks[i]) == 0) {
            a->state.marks_set |= (uint64_t)1 << i;
            char key[32];
            app_message(a, ROLE_STATUS, "书签 %c 已设在这里（按 %s%c 回来）", (char)k,
                        hint_key(&a->keys, context(a), CMD_JUMP_MARK, key, sizeof key), (char)k);
        }
        return;
    }
    struct loc to;
    if (!(a->state.marks_set >> i & 1) || corpus_pos_to_loc(&a->corpus, &a->state.marks[i], &to) < 0) {
        app_message(a, ROLE_STATUS, "没有书签 %c", (char)k);
        return;
    }
    app_view(a, VIEW_MAIN);
    app_jump(a, to);
}

static void export(struct app *a)
{
    char msg[4400];
    /* The current directory, as a shell user expects; else home. Never a shared
     * directory such as /tmp, where another user could plant the name. */
    const char *dir = access(".", W_OK) == 0 ? "." : getenv("HOME");
    if (!dir || !*dir) {
        app_message(a, ROLE_ERROR, "无法导出：当前目录不可写，也没有 HOME");
        return;
    }
    int rc = compare_export(a, dir, msg, sizeof msg);
    app_message(a, rc < 0 ? ROLE_ERROR : ROLE_STATUS, "%s", msg);
}

/* Commands that mean the same in every pane and view. */
static void generic(struct app *a, enum cmd c)
{
    switch (c) {
    case CMD_QUIT:
        if (a->view != VIEW_MAIN)
            app_view(a, VIEW_MAIN);
        else
            a->quit = 1;
        break;
    case CMD_ESCAPE:
        if (a->view != VIEW_MAIN)
            app_view(a, VIEW_MAIN);
        break;
    case CMD_HELP: app_view(a, a->view == VIEW_HELP ? VIEW_MAIN : VIEW_HELP); break;
    case CMD_SEARCH: finder_start(a, NULL); break;
    case CMD_COMPARE:
        if (a->view == VIEW_COMPARE)
            app_view(a, VIEW_MAIN);
        else if (a->panel.available)
            compare_open(a);
        else
            app_message(a, ROLE_ERROR, "没有指标数据：%s", a->panel.why);
        break;
    case CMD_NEXT_PANE: cycle_pane(a, 1); break;
    case CMD_PREV_PANE: cycle_pane(a, -1); break;
    case CMD_BACK: app_view(a, VIEW_MAIN); history(a, -1); break;
    case CMD_FORWARD: app_view(a, VIEW_MAIN); history(a, 1); break;
    case CMD_NEXT_TARGET:
    case CMD_PREV_TARGET:
        app_view(a, VIEW_MAIN);
        if (reader_next_span(a, SPAN_TARGET, c == CMD_NEXT_TARGET ? 1 : -1) < 0)
            app_message(a, ROLE_STATUS, c == CMD_NEXT_TARGET ? "后面没有指标了"
                                                             : "前面没有指标了");
        break;
    case CMD_NEXT_HIT: app_view(a, VIEW_MAIN); finder_next(a, 1); break;
    case CMD_PREV_HIT: app_view(a, VIEW_MAIN); finder_next(a, -1); break;
    case CMD_MARK:
    case CMD_JUMP_MARK:
        a->pending = c;
        a->dirty |= DIRTY(W_STATUS);
        break;
    case CMD_REDRAW: clearok(curscr, TRUE); a->dirty |= DIRTY_ALL; break;
    case CMD_ZOOM:
        a->zoom = !a->zoom;
        a->dirty |= DIRTY_LAYOUT;
        break;
    case CMD_TOGGLE_PANEL:
        a->show_panel = a->panel.available && !a->show_panel;
        a->dirty |= DIRTY_LAYOUT;
        break;
    case CMD_ENTER:
        /* Enter on a target in the text goes to its panel, to pick a region. */
        if (a->view == VIEW_MAIN && a->focus == PANE_READER &&
            reader_span_at_cursor(a, SPAN_TARGET) >= 0)
            app_focus(a, PANE_PANEL);
        break;
    default: break;
    }
}

static void wheel(struct app *a, int w, int dir, int y, int x)
{
    enum cmd c = dir > 0 ? CMD_DOWN : CMD_UP;
    for (int i = 0; i < 3; i++) {
        if (w == W_TREE)
            tree_key(a, c);
        else if (w == W_READER)
            reader_key(a, c);
        else if (w == W_VIEW && a->view == VIEW_COMPARE)
            compare_key(a, c);
        else if (w == W_VIEW && a->view == VIEW_HELP)
            help_key(a, c);
    }
    (void)y;
    (void)x;
}

static void mouse(struct app *a, const MEVENT *m)
{
    int y = m->y, x = m->x;
    int w = layout_hit(a, &y, &x);
    if (w < 0)
        return;
    if (m->bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        wheel(a, w, m->bstate & BUTTON5_PRESSED ? 1 : -1, y, x);
        return;
    }
    if (!(m->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
        return;
    switch (w) {
    case W_TREE: app_focus(a, PANE_TREE); tree_click(a, y); break;
    case W_READER: app_focus(a, PANE_READER); reader_click(a, y); break;
    case W_PANEL: panel_click(a, y, x); break;
    case W_VIEW:
        if (a->view == VIEW_COMPARE)
            compare_click(a, y, x);
        break;
    case W_TITLE:
        if (x >= a->title_help_x)
            app_view(a, VIEW_HELP);
        break;
    default: break;
    }
}

static void dispatch(struct app *a, const struct input *in);

/* What the title, the sidebar and the panel show depends on the reader's section and the
 * target under its cursor: when a key changes neither, they need no redrawing. */
void app_input(struct app *a, const struct input *in)
{
    int doc = a->reader.doc, node = reader_outline_node(a);
    long target = reader_span_at_cursor(a, SPAN_TARGET);
    a->reader.partial = 0;
    dispatch(a, in);
    if (doc != a->reader.doc || node != reader_outline_node(a))
        a->dirty |= DIRTY(W_TITLE) | DIRTY(W_TREE);
    if (target != reader_span_at_cursor(a, SPAN_TARGET))
        a->dirty |= DIRTY(W_PANEL);
}

static void dispatch(struct app *a, const struct input *in)
{
    keycode k = in->key;
    if (a->msg[0]) {
        a->msg[0] = '\0';
        a->dirty |= DIRTY(W_STATUS);
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
        a->dirty |= DIRTY(W_STATUS);
        if (keymap_lookup(&a->keys, KCTX_MARK, k) != CMD_ESCAPE)
            mark_letter(a, p, k);
        return;
    }
    if (a->view == VIEW_SEARCH) {
        finder_key(a, keymap_lookup(&a->keys, KCTX_SEARCH, k), k);
        return;
    }
    if (a->view == VIEW_COMPARE && a->compare.filter.active) {
        compare_filter_key(a, keymap_lookup(&a->keys, KCTX_PROMPT, k), k);
        return;
    }
    enum kctx ctx = context(a);
    enum cmd c = keymap_lookup(&a->keys, ctx, k);
    if (c == CMD_NONE)
        return;
    int done = 0;
    switch (a->view) {
    case VIEW_COMPARE:
        if (c == CMD_EXPORT) {
            export(a);
            return;
        }
        done = compare_key(a, c);
        break;
    case VIEW_HELP: done = help_key(a, c); break;
    case VIEW_MAIN:
        if (a->focus == PANE_TREE)
            done = tree_key(a, c);
        else if (a->focus == PANE_PANEL)
            done = panel_key(a, c);
        else
            done = reader_key(a, c);
        break;
    default: break;
    }
    if (!done)
        generic(a, c);
}
