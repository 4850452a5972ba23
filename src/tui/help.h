/* help.h — the help screen, generated from the command table and the bindings in force,
 * so it lists exactly the keys that work. */
#ifndef GONGFU_TUI_HELP_H
#define GONGFU_TUI_HELP_H

#include <curses.h>
#include <stddef.h>
#include "keymap.h"

struct app;

struct help_line {
    char *keys;         /* NULL for a heading */
    char *text;
};

struct help {
    struct help_line *lines;
    size_t n;
    size_t top;
};

int help_build(struct app *a);
void help_free(struct app *a);
void help_draw(struct app *a, WINDOW *w);
int help_key(struct app *a, enum cmd c);

#endif
