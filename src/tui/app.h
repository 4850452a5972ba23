/* app.h — the explorer's shared state: the data, the panes, the windows and the dirty
 * flags. Each pane module owns its own part; app.c runs the loop that ties them together:
 * a key sets dirty flags, and each pass of the loop redraws what is dirty and refreshes
 * the terminal once. */
#ifndef GONGFU_TUI_APP_H
#define GONGFU_TUI_APP_H

#include <curses.h>
#include <stdint.h>
#include "gongfu/state.h"
#include "gongfu/store.h"
#include "corpus.h"
#include "keymap.h"
#include "theme.h"
#include "tree.h"
#include "reader.h"
#include "panel.h"
#include "compare.h"
#include "finder.h"
#include "help.h"

enum win { W_TITLE, W_TREE, W_DIV, W_READER, W_PANEL, W_STATUS, W_VIEW, W_COUNT };
enum pane { PANE_TREE, PANE_READER, PANE_PANEL, PANE_COUNT };
enum view { VIEW_MAIN, VIEW_SEARCH, VIEW_COMPARE, VIEW_HELP };

#define DIRTY(w) (1u << (w))
#define DIRTY_LAYOUT (1u << W_COUNT)
#define DIRTY_BODY (DIRTY(W_TREE) | DIRTY(W_DIV) | DIRTY(W_READER) | DIRTY(W_PANEL) | \
                    DIRTY(W_VIEW))
#define DIRTY_ALL (DIRTY_LAYOUT | ((1u << W_COUNT) - 1))

struct rect {
    int y, x, h, w;
};

#define HISTORY_MAX 64

struct app {
    struct corpus corpus;

    struct tree tree;
    struct reader reader;
    struct panel panel;
    struct compare compare;
    struct finder finder;
    struct help help;
    struct keymap keys;
    struct theme theme;

    WINDOW *win[W_COUNT];
    struct rect rect[W_COUNT];
    unsigned dirty;
    enum view view;
    enum pane focus;
    int small;                  /* below the minimum size: a message, not the layout */
    int show_panel;
    int zoom;                   /* the reader alone, full width */

    struct loc hist[HISTORY_MAX];
    int nhist, ihist;
    struct state state;
    enum cmd pending;           /* mark / jump-mark, waiting for its letter */

    char msg[512];
    enum role msg_role;
    int quit;
    int ambi2;
    int cursor_win;             /* the real cursor goes here, on the focused line (-1: none) */
    int cursor_y, cursor_x;
    int title_help_x;           /* a click from this column of the title opens help */
};

/* Shows a message in the status line until the next key. */
void app_message(struct app *a, enum role r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Opens a place, recording where the reader was so `back` returns there. */
void app_jump(struct app *a, struct loc to);
/* Opens a place without touching history. */
void app_show(struct app *a, struct loc to);
void app_focus(struct app *a, enum pane p);
/* Switches the body between the main panes and a full-screen view. */
void app_view(struct app *a, enum view v);
/* Where the real cursor should sit after this redraw (w: one of the app's windows). */
void app_cursor(struct app *a, WINDOW *w, int y, int x);
/* Where the reader is, as a place. */
struct loc app_here(const struct app *a);
/* Runs one input (a key, a mouse event, a resize). */
struct input;
void app_input(struct app *a, const struct input *in);

#endif
