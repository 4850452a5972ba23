/* compare_int.h — the compare view's state, shared by compare.c (its lines, keys and
 * prompts) and compare_draw.c (the table, the chart). */
#ifndef GONGFU_TUI_COMPARE_INT_H
#define GONGFU_TUI_COMPARE_INT_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/targets.h"
#include "compare_export.h"
#include "prompt.h"
#include "ui.h"

/* The lines the selected row's widest detail takes, for the row, width and room it was
 * counted at (compare_draw.c). */
struct detail_need {
    long row;
    int wd, most, ambi2;
    int lines;
    int valid;
};

struct compare {
    int loaded;
    struct compare_table t;
    struct progress_table prog;     /* each target's reported value and status */
    const struct progress_row **prog_by_id;    /* prog's rows with a target, by its id */
    size_t nprog_by_id;
    /* prog's rows of a value reported where no target is set, by indicator and region */
    const struct progress_row **reported_only;
    size_t nreported_only;
    struct cmp_line *lines;
    size_t nlines;
    int col;            /* the selected column: 0 the indicator, k the k-th region */
    int sort_col;       /* 0: catalogue order by category; k: by region k's value */
    int sort_desc;
    struct prompt filter;
    char filter_text[512];
    struct prompt save;         /* the export's file name */
    int filter_category;        /* the filter text matches categories, not indicators */
    char **headings;            /* the unit headings of a sort by a region's values */
    size_t nheadings;
    int chart_off;              /* t hid the chart */
    int name_need, cell_need;   /* the widest indicator name and cell (capped), drawn */
    int marks;                  /* MARK_* the table's cells carry, for the legend */
    size_t cur, top;
    int table_rows;             /* the table's rows last drawn (the detail and chart below) */
    /* per row of t, kept while the table (read once) stays the same: going back to a row
     * counts nothing again (at 1000× a count is every region's detail, 12 M
     * instructions); NULL until the first */
    struct detail_need *details;
    unsigned lines_gen;         /* counts the times lines were made */
    /* What each row of the window shows as last drawn, for the table's rows: the line
     * and whether it was the selected one, in which column. A row to be drawn the same
     * is left as it is (every key redrew the whole table: a quarter of the key). Valid
     * for the window size, column geometry and lines it was drawn with. */
    struct cmp_drawn { size_t li; int sel, col; } *drawn;
    int drawn_h, drawn_wd, drawn_geom[4], drawn_ok;
    unsigned drawn_gen;
};

/* A cell wider than this is cut short in the table (the detail line shows it whole). */
#define COMPARE_CELL_MAX 30

/* Marks a cell may carry, explained by the legend. */
enum { MARK_INFERRED = 1, MARK_SET_ABOVE = 2 };

/* The cell's first value, NAN when it has none (words, or no target). */
double compare_cell_value(const struct compare_cell *c);
/* A cell as the table writes it: each target with its status where the region reported a
 * value for it, then that value once: "3.35% 未达; >=3.5% 未达（实际~3.3%）". Once the
 * targets are wider than cols, the rest are left out (a cell cut to cols shows the same).
 * malloc'd. */
char *compare_cell_text(const struct compare *c, const struct compare_cell *cell, int cols);
/* The progress row of target `id` (its status and the value reported), NULL if none. */
const struct progress_row *compare_progress_of(const struct compare *c, int64_t id);
/* Indexes c->prog by target id for compare_progress_of, and its values reported where no
 * target is set by indicator and region for compare_reported_only (every cell drawn asks
 * one or the other: a walk over c->prog each was cells × rows a key); 0 or -1. */
int compare_progress_index(struct compare *c);
/* The latest value region k reported for the row's indicator when none of its targets
 * names it (its cell is empty), NULL if none. */
const struct target_row *compare_reported_only(const struct compare *c,
                                               const struct compare_row *r, size_t k);
/* Draws the view (its ops->draw). */
void compare_draw(struct pane *p, int focused);

/* compare_chart.c: the rows the chart of the selected row takes, and drawing it there. */
int compare_chart_rows(const struct compare *c);
void compare_chart_draw(const struct compare *c, WINDOW *w, int y0, int rows, int wd);

/* Column geometry: the indicator column, then equal region columns from `first`. */
struct geom {
    int name_w, reg_w, first, shown;
};
struct geom compare_geometry(const struct compare *c, int wd);

#endif
