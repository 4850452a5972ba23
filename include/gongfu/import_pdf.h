/* import_pdf.h — a PDF's text layer, one paragraph a line.
 *
 * MuPDF (libmupdf) opens the file, repairing a broken cross-reference table as viewers do,
 * and gives each page's characters with their positions (fz_stext); pdf_layout.h puts
 * them back together. A PDF with no text layer (a scan) or one that needs a password is
 * refused with a message saying so; a page MuPDF cannot read fails the whole file. */
#ifndef GONGFU_IMPORT_PDF_H
#define GONGFU_IMPORT_PDF_H

#include <stddef.h>
#include "gongfu/err.h"

/* The text (malloc'd, *len bytes), or NULL with e set. */
char *pdf_extract(const char *raw, size_t n, size_t *len, struct err *e);

#endif
