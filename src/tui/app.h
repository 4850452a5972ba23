/* app.h — the explorer itself: the panes of pane.h, the windows they are drawn in, the
 * view stack, the focus, history and bookmarks. Only the app's own files include this
 * (app.c: start-up and the loop; app_ui.c: what panes ask for; input.c: keys and the
 * mouse; layout.c: the windows; screen.c: redrawing); panes see struct ui (ui.h).
 *
 * A pass of the loop: read an input, give it to the pane that has the keys (or run a
 * generic command), derive what changed for the other panes (app_sync), redraw what is
 * dirty, refresh the terminal once. */
#ifndef GONGFU_TUI_APP_H
#define GONGFU_TUI_APP_H

#include <curses.h>
#include <stddef.h>
#include "gongfu/state.h"
#include "corpus.h"
#include "keymap.h"
#include "pane.h"
#include "theme.h"
#include "ui.h"

/* The windows that are not a pane's: the view's (the body, which every view shares). */
enum chrome { C_TITLE, C_DIV, C_VIEW, C_STATUS, C_COUNT };

/* What is to be redrawn besides the panes' own dirty flags. */
enum {
    DIRTY_TITLE = 1 << 0,
    DIRTY_DIV = 1 << 1,
    DIRTY_STATUS = 1 << 2,
    DIRTY_LAYOUT = 1 << 3,      /* the windows are to be made again */
    DIRTY_EXPOSED = 1 << 4,     /* the main view shows again: its panes' windows hold what
                                 * they last drew, refreshed whether drawn again or not */
};
#define DIRTY_CHROME (DIRTY_TITLE | DIRTY_DIV | DIRTY_STATUS)

struct rect {
    int y, x, h, w;
};

#define HISTORY_MAX 64
#define VIEW_DEPTH 16

struct app {
    struct ui ui;               /* what the panes see */
    struct corpus corpus;
    struct keymap keys;
    struct theme theme;
    struct pane panes[PANE_COUNT];
    struct rect rect[PANE_COUNT];
    WINDOW *chrome[C_COUNT];
    struct rect chrome_rect[C_COUNT];
    unsigned dirty;

    int views[VIEW_DEPTH];      /* the view stack: views[0] is VIEW_MAIN, the top shows */
    int view_hist[VIEW_DEPTH];  /* a main view over a view: the history's place then, so
                                 * back goes down the history to it, then to the view */
    int nviews;
    enum pane_id focus;         /* the main view's pane with the keys */
    enum pane_id place[PLACE_COUNT];   /* the pane showing in each place of the main view */
    int small;                  /* below the minimum size: a message, not the layout */
    int show_panel;
    int zoom;                   /* the reader alone, full width */
    int sidebar_extra;          /* columns < and > added to the sidebar's width */
    int ambiwidth_given;        /* --ambiwidth: the terminal is not asked, nor its answer taken */

    struct loc hist[HISTORY_MAX];
    int nhist, ihist;
    unsigned jumps;             /* for the selection: jumps so far, and the last one's place */
    struct loc jumped;
    unsigned spans_seen;        /* the span registry's count of changes, as last seen */
    struct state state;
    enum cmd pending;           /* mark / jump-mark, waiting for its letter */
    int quit;
    int title_help_x;           /* a click from this column of the title opens help */
};

#define APP_OF(u) ((struct app *)(void *)((char *)(u) - offsetof(struct app, ui)))

/* app_ui.c */
/* The view on top of the stack (VIEW_MAIN for the main view). */
int app_top(const struct app *a);
/* The pane that gets the keys: the top view, or the main view's focused pane. */
struct pane *app_active(struct app *a);
/* Where the reader is, as a place; opening one without touching history. */
struct loc app_here(const struct app *a);
void app_show(struct app *a, struct loc to);
/* Back (dir -1) or forward (1) in the history of places. */
void app_history(struct app *a, int dir);
/* Back: down the history of places, and from a main view opened over a view (a source
 * opened from the compare view) to that view once the history is back where it was. */
void app_back(struct app *a);
/* Everything to be drawn again (a resize, a new view, C-l). */
void app_dirty_all(struct app *a);
/* Tells the panes what changed since the last call: the span sources, the reader's
 * selection. Run once before each redraw. */
void app_sync(struct app *a);
/* Runs ops->notify of every pane. */
void app_notify(struct app *a, unsigned events);

/* input.c: the bookmarks that are set, as the status line lists them ("a 舟山市 4.15  b …"). */
void app_marks_list(const struct app *a, char *buf, size_t n);
/* input.c: runs one input (a key, a mouse event, a resize). */
struct input;
void app_input(struct app *a, const struct input *in);

/* layout.c: the rectangles and windows for the terminal's size; the window under a
 * screen position (a pane id, or PANE_COUNT + an enum chrome), or -1, with y and x made
 * relative to it. */
void layout_apply(struct app *a);
void layout_free(struct app *a);
int layout_hit(const struct app *a, int *y, int *x);

/* screen.c: draws what is dirty and refreshes the terminal once. */
void app_redraw(struct app *a);

#endif
