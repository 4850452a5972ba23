/* pdf_columns.h — (private to the PDF reader) pages set in two columns, as gazettes
 * (政府公报) and some covers are: each column is read down before the next. */
#ifndef GONGFU_PDF_COLUMNS_H
#define GONGFU_PDF_COLUMNS_H

#include <stddef.h>
#include "gongfu/pdf_layout.h"

/* Where a line stands: its column's margins (left == right == 0 for a line outside any
 * column: a page of one column, or a title across the gutter). */
struct pdf_column {
    float left, right;
    int band;                /* lines across the gutter above it (the reading order's) */
};

/* order[0, kept) holds line indices sorted by page, then baseline, then x. Each page set
 * in two columns is put in reading order: the lines above the first line across the gutter
 * column by column, that line, the lines below it column by column, and so on. col[i]
 * (indexed by line) gets the margins of line i's column. 0, or -1 when out of memory. */
int pdf_columns_order(const struct pdf_line *L, size_t *order, size_t kept,
                      const struct pdf_page_size *pages, int npages, struct pdf_column *col);

#endif
