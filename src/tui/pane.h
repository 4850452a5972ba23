/* pane.h — every pane and view of the explorer: a row of PANE_LIST and an ops table (as
 * tig's view list and struct view_ops). The app reaches a pane only through its ops; a
 * pane reaches the rest of the explorer only through struct ui (ui.h), never struct app.
 * Adding a pane or a view is one .c file defining its ops, and one row here. */
#ifndef GONGFU_TUI_PANE_H
#define GONGFU_TUI_PANE_H

#include <curses.h>
#include <stddef.h>
#include "hint.h"
#include "keymap.h"

/* Every pane and view. The main view's panes come in their Tab order.
 *    id       ops          file */
#define PANE_LIST(X) \
    X(TREE,    tree_ops)    /* tree.c: the sidebar */ \
    X(READER,  reader_ops)  /* reader.c: the reading pane */ \
    X(PANEL,   panel_ops)   /* panel.c: the target panel */ \
    X(RELATED, related_ops) /* related.c: the related list, in the panel's place */ \
    X(SEARCH,  finder_ops)  /* finder.c: the search view */ \
    X(COMPARE, compare_ops) /* compare.c: the compare view */ \
    X(HELP,    help_ops)    /* help.c: the help view */ \
    X(ASK,     askview_ops) /* askview.c: the ask view */ \
    X(PAIR,    pair_ops)    /* related_pair.c: two related items side by side */

#define PANE_ENUM(id, ops) PANE_##id,
enum pane_id { PANE_LIST(PANE_ENUM) PANE_COUNT };
#undef PANE_ENUM

/* The view stack holds views (panes placed PLACE_VIEW) and the main view, this. */
#define VIEW_MAIN PANE_COUNT

/* Where a pane goes: a place of the main view, or the whole body as a view of its own.
 * Panes that share a place take turns: the first in PANE_LIST shows until another is
 * shown there (ui_place_show). */
enum pane_place { PLACE_SIDEBAR, PLACE_MAIN, PLACE_BOTTOM, PLACE_VIEW, PLACE_COUNT };

/* What a handler did (htop's HANDLED | REDRAW). The app ORs the result into the pane's
 * dirty flags: a pane marks only itself; what others must redo, the app derives. */
enum {
    PANE_HANDLED = 1 << 0,      /* the pane used the command (else the generic ones run) */
    PANE_REDRAW = 1 << 1,       /* its window must be drawn again */
    PANE_MOVED = 1 << 2,        /* only its cursor moved: its old and new line will do */
    PANE_STATUS = 1 << 3,       /* what it shows on the status line changed */
    PANE_BLANK = 1 << 4,        /* with PANE_REDRAW: its window is new or was drawn over
                                 * (by another view): nothing in it is to be kept */
};

/* What notify tells a pane: the reader's selection or the screen changed (ui.h). */
enum {
    UI_PLACE = 1 << 0,          /* the reader's document or section */
    UI_JUMPED = 1 << 1,         /* a jump to a place (maybe the same one): sel.jumped */
    UI_SPANS = 1 << 2,          /* a span source changed its spans */
    UI_RESIZED = 1 << 3,        /* the windows were made again (a resize, zoom …) */
    UI_GLYPHS = 1 << 4,         /* ambiguous characters' width changed (draw_ambi2) */
};
#define UI_SPAN_AT(k) (1u << (8 + (k)))   /* sel.span[k], the span under the cursor */

/* Flags of a kind of pane. */
enum {
    PANE_WHEEL = 1 << 0,        /* the mouse wheel scrolls it (three downs or ups) */
    PANE_CLICK_FOCUS = 1 << 1,  /* a click focuses it before its click handler runs */
};

struct ui;
struct prompt;

struct pane {
    const struct pane_ops *ops;
    enum pane_id id;
    void *state;                /* the pane's own: ops->state_size bytes, zeroed */
    struct ui *ui;
    WINDOW *win;                /* NULL while it has no room */
    int h, w;                   /* the room it has (also without a window) */
    unsigned dirty;             /* PANE_REDRAW | PANE_MOVED | PANE_STATUS until drawn */
    int cursor_set, cursor_y, cursor_x;     /* where its last draw put the cursor, if it did */
    int usable;                 /* 0: it has nothing to work with, and why says so */
    char why[256];
};

struct pane_ops {
    const char *name;
    enum pane_place place;
    unsigned flags;
    enum kctx kctx;             /* the context its keys are looked up in */
    const char *title;          /* a view's title bar; NULL: where the reader is */
    enum cmd open_cmd;          /* a view: the command that opens it and, on it, closes it */
    int body_share;             /* PLACE_BOTTOM: the percent of the body's rows it takes
                                 * when it shows (0: the target panel's 3 or 4) */
    const char *hint_lead;      /* the status line's hint: this, then */
    const struct hint *hints;   /* these keys (ending with CMD_NONE); NULL: none */
    size_t state_size;
    /* 0, or -1 when out of memory; a pane without data clears usable instead. */
    int (*init)(struct pane *p);
    void (*free)(struct pane *p);
    /* The view opens, with what it was opened with (or NULL): 0, or -1 to stay shut
     * (having said why). NULL: it always opens. */
    int (*open)(struct pane *p, const char *arg);
    /* Draws p->win: all of it, or with PANE_MOVED alone in p->dirty, what moved. */
    void (*draw)(struct pane *p, int focused);
    /* A command of its context; CMD_NONE with k: a key nothing binds (typed, in a typing
     * context). Without PANE_HANDLED in the result the generic commands run. */
    unsigned (*key)(struct pane *p, enum cmd c, keycode k);
    unsigned (*click)(struct pane *p, int y, int x);
    unsigned (*notify)(struct pane *p, unsigned events);
    /* Optional. The context its keys go to now, when not kctx (a prompt is up). */
    enum kctx (*context)(const struct pane *p);
    /* Optional. The prompt on the status line now, and its label; NULL: none. */
    struct prompt *(*prompt)(struct pane *p, const char **label);
    /* Optional. The status line's right-hand side ("120/800 15%"). */
    void (*where)(const struct pane *p, char *buf, size_t n);
};

#define PANE_OPS_DECL(id, ops) extern const struct pane_ops ops;
PANE_LIST(PANE_OPS_DECL)
#undef PANE_OPS_DECL

/* The context a pane's keys go to now. */
enum kctx pane_context(const struct pane *p);
/* Puts the terminal's cursor on the pane's row y, column x after this redraw. */
void pane_cursor(struct pane *p, int y, int x);

#endif
