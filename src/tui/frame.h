/* frame.h — what surrounds the panes: the title bar (where you are), the status line
 * (messages, prompts, the position), the divider, and the too-small message. */
#ifndef GONGFU_TUI_FRAME_H
#define GONGFU_TUI_FRAME_H

#include <curses.h>

struct app;

void frame_title(struct app *a, WINDOW *w);
void frame_status(struct app *a, WINDOW *w);
void frame_divider(struct app *a, WINDOW *w);
void frame_small(struct app *a, WINDOW *w);

#endif
