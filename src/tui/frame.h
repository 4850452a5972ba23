/* frame.h — what surrounds the panes: the title bar (where the reader is, or the view's
 * name), the status line (a message or hint, and a position), the divider, and the
 * too-small message. The app passes what they show: frame knows no struct app. */
#ifndef GONGFU_TUI_FRAME_H
#define GONGFU_TUI_FRAME_H

#include <curses.h>

/* Below this the screen shows only how to make it bigger. */
#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_LINES 10

struct corpus;
struct selection;

/* " gongfu ─ " and the view's title, or the selection's place (region › chapter › item)
 * when view_title is NULL; help at the right end. Returns the column from which a click
 * is on the help. */
int frame_title(WINDOW *w, const struct corpus *c, const struct selection *s,
                const char *view_title, const char *help);
/* left (in left_at) and right-aligned right, on the status line's colours. */
void frame_status(WINDOW *w, const char *left, attr_t left_at, const char *right);
void frame_divider(WINDOW *w);
void frame_small(WINDOW *w, const char *quit_key);

#endif
