/* compare_csv.h — exporting the compare view's table. */
#ifndef GONGFU_TUI_COMPARE_CSV_H
#define GONGFU_TUI_COMPARE_CSV_H

#include <stddef.h>
#include "gongfu/targets.h"

/* A line of the compare view: a category heading (row -1) or a row of the table. */
struct cmp_line {
    const char *category;
    long row;
};

/* Writes the rows of lines (in their order) to DIR/gongfu-compare.csv, or
 * gongfu-compare-2.csv … when that name is taken: an export never replaces a file nor
 * follows a symlink. msg says where it went, or why not. 0 or -1. */
int compare_csv_export(const struct compare_table *t, const struct cmp_line *lines,
                       size_t nlines, const char *dir, char *msg, size_t n);

#endif
