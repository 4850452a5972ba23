/* sheet.c — .xlsx workbooks over libxlsxwriter. */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "gongfu/outfile.h"
#include "gongfu/sheet.h"
#include "gongfu/text.h"

#define SHEET_MAX_COLS 64
/* Excel's column width is in characters of its default font; CJK text is drawn about two
 * of them per character, as in a terminal. Wide columns wrap instead of growing. */
#define WIDTH_MAX 60

struct sheet_book {
    struct outfile out;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *bold, *wrap;
    int ncols;
    lxw_row_t row;
    int width[SHEET_MAX_COLS];
};

static void set_widths(struct sheet_book *b)
{
    for (int i = 0; b->ws && i < b->ncols; i++)
        worksheet_set_column(b->ws, (lxw_col_t)i, (lxw_col_t)i, b->width[i] + 2,
                             b->width[i] >= WIDTH_MAX ? b->wrap : NULL);
}

int sheet_open(const char *path, int force, struct sheet_book **out, struct err *e)
{
    struct sheet_book *b = calloc(1, sizeof *b);
    if (!b) {
        err_set(e, "out of memory");
        return -1;
    }
    if (outfile_begin(&b->out, path, force, e) < 0) {
        free(b);
        return -1;
    }
    /* libxlsxwriter's own temporary files go to the private directory too. */
    lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = b->out.dir};
    b->wb = workbook_new_opt(b->out.tmp, &opt);
    if (!b->wb) {
        err_set(e, "%s: cannot start the workbook", path);
        outfile_abort(&b->out);
        free(b);
        return -1;
    }
    b->bold = workbook_add_format(b->wb);
    format_set_bold(b->bold);
    b->wrap = workbook_add_format(b->wb);
    format_set_text_wrap(b->wrap);
    format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
    *out = b;
    return 0;
}

static void measure(struct sheet_book *b, int col, const char *s)
{
    int w = s ? text_width(s, strlen(s)) : 0;
    if (w > WIDTH_MAX)
        w = WIDTH_MAX;
    if (w > b->width[col])
        b->width[col] = w;
}

int sheet_add(struct sheet_book *b, const char *name, const char *const *cols, int ncols,
              struct err *e)
{
    set_widths(b);
    if (ncols > SHEET_MAX_COLS)
        ncols = SHEET_MAX_COLS;
    b->ws = workbook_add_worksheet(b->wb, name);
    if (!b->ws) {
        err_set(e, "%s: cannot add the sheet %s", b->out.path, name);
        return -1;
    }
    b->ncols = ncols;
    b->row = 0;
    memset(b->width, 0, sizeof b->width);
    for (int i = 0; i < ncols; i++) {
        worksheet_write_string(b->ws, 0, (lxw_col_t)i, cols[i], b->bold);
        measure(b, i, cols[i]);
    }
    worksheet_freeze_panes(b->ws, 1, 0);
    b->row = 1;
    return 0;
}

int sheet_row(struct sheet_book *b, const struct sheet_cell *cells, struct err *e)
{
    for (int i = 0; i < b->ncols; i++) {
        lxw_error rc = LXW_NO_ERROR;
        if (cells[i].is_number)
            rc = worksheet_write_number(b->ws, b->row, (lxw_col_t)i, cells[i].number, NULL);
        else if (cells[i].text && *cells[i].text)
            rc = worksheet_write_string(b->ws, b->row, (lxw_col_t)i, cells[i].text, NULL);
        if (rc != LXW_NO_ERROR) {
            err_set(e, "%s: row %u: %s", b->out.path, (unsigned)b->row, lxw_strerror(rc));
            return -1;
        }
        char num[32];
        if (cells[i].is_number)
            snprintf(num, sizeof num, "%g", cells[i].number);
        measure(b, i, cells[i].is_number ? num : cells[i].text);
    }
    b->row++;
    return 0;
}

int sheet_close(struct sheet_book **bp, int commit, struct err *e)
{
    struct sheet_book *b = *bp;
    if (!b)
        return 0;
    *bp = NULL;
    set_widths(b);
    lxw_error rc = workbook_close(b->wb);
    int ok = 0;
    if (!commit) {
        outfile_abort(&b->out);
    } else if (rc != LXW_NO_ERROR) {
        err_set(e, "%s: %s", b->out.path, lxw_strerror(rc));
        outfile_abort(&b->out);
        ok = -1;
    } else {
        ok = outfile_commit(&b->out, e);
    }
    free(b);
    return ok;
}
