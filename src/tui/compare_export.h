/* compare_export.h — exporting the compare view's table as shown (filtered, sorted), to the
 * file the user names: xlsx or csv (export.h's long form; xlsx with the table as on screen
 * as a second sheet). */
#ifndef GONGFU_TUI_COMPARE_EXPORT_H
#define GONGFU_TUI_COMPARE_EXPORT_H

#include <stddef.h>
#include "gongfu/store.h"
#include "gongfu/targets.h"

/* A line of the compare view: a category heading (row -1) or a row of the table. */
struct cmp_line {
    const char *category;
    long row;
};

/* The name the prompt offers: DIR/gongfu-compare.xlsx, or -2.xlsx … when that is taken. */
void compare_export_name(const char *dir, char *path, size_t n);
/* Writes the rows of lines (in their order) to path, as xlsx or as csv with the BOM Excel
 * needs, by the name's ending (.xlsx, .csv); never replaces a file nor follows a symlink.
 * Sentences come from s. msg says where it went, or why not. 0 or -1. */
int compare_export(struct store *s, const struct compare_table *t, const struct cmp_line *lines,
                   size_t nlines, const char *path, char *msg, size_t n);

#endif
