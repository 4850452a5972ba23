/* format_module.h — the readers of web pages, Word documents and PDFs and the .xlsx writer,
 * kept in a shared module (gongfu-formats.so) that is loaded only when a file of those
 * formats is imported or a workbook exported. They bring libxml2, libzip, MuPDF and
 * libxlsxwriter with some twenty libraries of their own; mapping and relocating those at
 * every start was two thirds of the explorer's start-up and of a `gongfu search` (issue 15).
 *
 * Programs that link the module's objects in (the unit tests, the fuzzers) use them
 * directly; the program itself finds the module next to it (the build tree), in
 * ../lib/gongfu beside it (installed, wherever PREFIX and DESTDIR put it), else in the
 * configured LIBDIR. */
#ifndef GONGFU_FORMAT_MODULE_H
#define GONGFU_FORMAT_MODULE_H

#include <stddef.h>
#include "gongfu/err.h"
#include "gongfu/sheet.h"

#define FORMAT_MODULE_FILE "gongfu-formats.so"
/* Raised whenever struct format_module changes, so that a module from another build is
 * refused rather than called through the wrong table. */
#define FORMAT_MODULE_ABI 1

struct format_module {
    unsigned abi;                 /* FORMAT_MODULE_ABI */
    size_t size;                  /* sizeof (struct format_module) */
    const char *version;          /* GONGFU_VERSION */
    /* import_html.h, import_docx.h, import_pdf.h */
    char *(*html_extract)(const char *raw, size_t n, const char *encoding, size_t *len,
                          char charset[32], struct err *e);
    char *(*docx_extract)(const char *raw, size_t n, size_t *len, struct err *e);
    char *(*pdf_extract)(const char *raw, size_t n, size_t *len, struct err *e);
    /* sheet.h */
    int (*sheet_open)(const char *path, int force, struct sheet_book **out, struct err *e);
    int (*sheet_add)(struct sheet_book *b, const char *name, const char *const *cols,
                     int ncols, struct err *e);
    int (*sheet_row)(struct sheet_book *b, const struct sheet_cell *cells, struct err *e);
    int (*sheet_close)(struct sheet_book **b, int commit, struct err *e);
};

/* The module's table (format_entry.c), the one symbol gongfu-formats.so exports. */
extern const struct format_module gongfu_format_module;

/* The module: linked in, or loaded on the first call (later calls return the same table).
 * NULL with e naming the file, why it could not be used and what to do. */
const struct format_module *format_module(struct err *e);

#endif
