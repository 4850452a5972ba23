/* layout.h — the screen divided into windows for the terminal's size. */
#ifndef GONGFU_TUI_LAYOUT_H
#define GONGFU_TUI_LAYOUT_H

#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_LINES 10

struct app;

/* Recomputes every rectangle and recreates the windows; marks everything dirty. */
void layout_apply(struct app *a);
void layout_free(struct app *a);
/* The window under screen position (y, x), or -1; y and x become window-relative. */
int layout_hit(const struct app *a, int *y, int *x);

#endif
