/* pdf_layout.h — the lines a PDF page shows, put back together as text: page furniture
 * dropped, paragraphs rejoined, tables as rows. Kept apart from MuPDF (import_pdf.c) so that
 * the rules can be tested on lines made by hand.
 *
 * - Page numbers ("— 3 —", "- 3 -", "第3页", "第3页 共9页", "3/9", "3") in the top or bottom
 *   band of a page, and running headers and footers (a line repeated, digits aside, at the
 *   same height on at least half the pages, and on two or more) are dropped.
 * - Lines on one baseline with gaps between them are a table row: "| a | b | c |".
 * - A line continues the paragraph above it unless the line above ended short of the right
 *   margin, or this one is indented (by its x offset or by leading full-width spaces), or
 *   set in another size, or far below. Chinese is joined without a space; Latin words with
 *   one. A paragraph runs on across a page break the same way. */
#ifndef GONGFU_PDF_LAYOUT_H
#define GONGFU_PDF_LAYOUT_H

#include <stddef.h>

struct pdf_line {
    int page;
    float x0, y0, x1, y1;    /* the line's box, y down from the top of the page */
    float base;              /* its baseline (fonts' boxes are taller than their lines) */
    float size;              /* font size of its first character */
    size_t text, len;        /* its UTF-8 text in the shared buffer */
};

struct pdf_page_size {
    float width, height;
};

/* Lines in reading order (pages ascending). Returns the text (malloc'd, one paragraph a
 * line, *len bytes), or NULL when out of memory. */
char *pdf_layout(const struct pdf_line *lines, size_t n, const char *text,
                 const struct pdf_page_size *pages, int npages, size_t *len);

/* Is this line's text a page number as official documents print them? */
int pdf_is_page_number(const char *s, size_t n);

#endif
