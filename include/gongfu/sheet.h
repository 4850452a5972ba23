/* sheet.h — spreadsheets (.xlsx, written with libxlsxwriter): named sheets of rows, a bold
 * frozen header row, numbers stored as numbers, column widths that fit the widest cell as
 * it is drawn (a Chinese character is two columns). The file is written whole or not at
 * all (outfile.h). */
#ifndef GONGFU_SHEET_H
#define GONGFU_SHEET_H

#include "gongfu/err.h"

struct sheet_book;

/* A cell: text (NULL: empty), or a number when is_number. */
struct sheet_cell {
    const char *text;
    double number;
    int is_number;
};

/* Starts a workbook for path; refuses an existing file unless force. */
int sheet_open(const char *path, int force, struct sheet_book **out, struct err *e);
/* Starts a sheet (31 characters of name at most) with its header row. */
int sheet_add(struct sheet_book *b, const char *name, const char *const *cols, int ncols,
              struct err *e);
/* Appends a row of the current sheet's ncols cells. */
int sheet_row(struct sheet_book *b, const struct sheet_cell *cells, struct err *e);
/* commit: writes the file and moves it into place; else drops it. Frees *b. 0 or -1. */
int sheet_close(struct sheet_book **b, int commit, struct err *e);

#endif
