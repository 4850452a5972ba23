/* compare_int.h — the compare view's state, shared by compare.c (its lines, keys and
 * prompts) and compare_draw.c (the table, the chart). */
#ifndef GONGFU_TUI_COMPARE_INT_H
#define GONGFU_TUI_COMPARE_INT_H

#include <stddef.h>
#include "gongfu/targets.h"
#include "compare_csv.h"
#include "prompt.h"
#include "ui.h"

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

/* The cell's first value, NAN when it has none (words, or no target). */
double compare_cell_value(const struct compare_cell *c);
/* Draws the view (its ops->draw). */
void compare_draw(struct pane *p, int focused);

/* Column geometry: the indicator column, then equal region columns from `first`. */
struct geom {
    int name_w, reg_w, first, shown;
};
struct geom compare_geometry(const struct compare *c, int wd);

#endif
