/* ui.h — what a pane sees of the explorer: the documents, the keys, the reader's
 * selection, the span sources, and the few things a pane may ask for (a message, a jump,
 * a view, the focus). The app implements the calls (app_ui.c); panes never see struct app.
 *
 * The selection is derived in one place: after each input the app compares the reader's
 * selection with the last one and tells every pane what changed (ops->notify), so a pane
 * never marks another one dirty (neomutt's observers and window flags). */
#ifndef GONGFU_TUI_UI_H
#define GONGFU_TUI_UI_H

#include "corpus.h"
#include "keymap.h"
#include "pane.h"
#include "span_source.h"
#include "theme.h"

/* Where the reader is, as the other panes follow it. */
struct selection {
    int doc;                    /* the reader's document, -1 before the first */
    int node;                   /* the section at its cursor, as an outline index; -1 */
    long span[SPAN_COUNT];      /* each source's span under the cursor (its id), -1 */
    unsigned jumps;             /* counts jumps: a new one was to jumped */
    struct loc jumped;
};

struct ui {
    const struct corpus *corpus;
    const struct keymap *keys;
    struct selection sel;       /* as of the last redraw */
    struct span_registry spans;
    int measure;                /* the reading column's widest lines, in columns (0: the
                                 * pane's width), from --text-width */
    /* What panes write for the app to show. */
    char msg[512];              /* the status line's message until the next key, or "" */
    enum role msg_role;
    int cursor_pane;            /* the terminal's cursor: on this pane (-1: none; */
    int cursor_y, cursor_x;     /* PANE_COUNT: the status line's prompt) */
};

/* Shows a message on the status line until the next key. */
void ui_message(struct ui *u, enum role r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Opens a place in the reader, remembering where it was so `back` returns there. */
void ui_jump(struct ui *u, struct loc to);
/* The same, and makes span id of source k current there (a target, a hit). */
void ui_show_span(struct ui *u, struct loc to, enum span_kind k, long id);
/* Gives the main view's keys to pane p (if it has room on the screen). */
void ui_focus(struct ui *u, enum pane_id p);
/* Shows pane p in its place of the main view instead of the pane there (a panel that
 * shares the bottom with the target panel); the keys stay where they were unless they
 * were on the pane it replaces. */
void ui_place_show(struct ui *u, enum pane_id p);
/* Opens view v (a PLACE_VIEW pane) with arg for its open op: ui_view_open from the main
 * view, closing the others; ui_view_push on top of the view showing, so that closing it
 * returns there (v may be VIEW_MAIN), or, when v is in the stack already, back to it.
 * Nothing happens when its open op refuses. */
void ui_view_open(struct ui *u, int v, const char *arg);
void ui_view_push(struct ui *u, int v, const char *arg);
/* Shows the main view, over the view showing (which q, Esc or back then return to); as it
 * is when it shows. Call it after a jump, so back returns to the view from there. */
void ui_view_main(struct ui *u);
/* Closes the view on top and shows the one it was opened from. */
void ui_view_close(struct ui *u);
/* Back to the main view. */
void ui_view_home(struct ui *u);
/* The view on top (VIEW_MAIN for the main view). */
int ui_view_top(const struct ui *u);
/* Why pane p has nothing to show, or NULL when it has. */
const char *ui_pane_why(const struct ui *u, enum pane_id p);

#endif
