/* pdf_join.h — (private to pdf_layout.c) the lines of a PDF that are not page furniture,
 * as table rows and paragraphs. */
#ifndef GONGFU_PDF_JOIN_H
#define GONGFU_PDF_JOIN_H

#include <stddef.h>
#include "gongfu/pdf_layout.h"

/* drop[i] marks the furniture; pages[0, npages) are the pages' sizes (for their columns).
 * The text, one paragraph or row a line; NULL if out of memory. */
char *pdf_join(const struct pdf_line *lines, size_t n, const char *text,
               const unsigned char *drop, const struct pdf_page_size *pages, int npages,
               size_t *len);

#endif
