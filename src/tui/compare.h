/* compare.h — the compare view: every indicator × every region, as `gongfu compare`
 * prints it; grouped by category, sortable by any column, filtered by typing, with a bar
 * chart of the selected row, Enter to the source, and export to CSV. */
#ifndef GONGFU_TUI_COMPARE_H
#define GONGFU_TUI_COMPARE_H

#include <curses.h>
#include <stddef.h>
#include "gongfu/targets.h"
#include "keymap.h"
#include "prompt.h"

struct app;

/* A line of the table: a category heading (row -1) or an indicator row. */
struct cmp_line {
    const char *category;
    long row;
};

struct compare {
    int loaded;
    struct compare_table t;
    struct cmp_line *lines;
    size_t nlines;
    int col;            /* the selected column: 0 the indicator, k the k-th region */
    int sort_col;       /* 0: catalogue order by category; k: by region k's value */
    int sort_desc;
    struct prompt filter;
    char filter_text[512];
    size_t cur, top;
};

/* Opens the view (reading the table the first time). */
void compare_open(struct app *a);
void compare_free(struct app *a);
void compare_draw(struct app *a, WINDOW *w);
/* 1 if the view used the command. */
int compare_key(struct app *a, enum cmd c);
/* A command of the prompt context while the filter is up (CMD_NONE: k is typed). */
void compare_filter_key(struct app *a, enum cmd c, keycode k);
void compare_draw_prompt(struct app *a, WINDOW *w);
void compare_click(struct app *a, int y, int x);
/* Writes the table as it is shown (filtered, sorted) to DIR/gongfu-compare.csv, or
 * gongfu-compare-2.csv … when that name is taken: an export never replaces a file nor
 * follows a symlink. msg says where it went, or why not. 0 or -1. */
int compare_export(struct app *a, const char *dir, char *msg, size_t n);

#endif
