/* import_docx.h — a Word document (.docx) to its text, one paragraph a line.
 *
 * The archive is opened with libzip and its parts read with libxml2's streaming reader:
 * paragraphs (w:p) in order, with the labels Word generates for numbered paragraphs
 * (numbering.xml, also through heading styles); tables (w:tbl) as one row a line with
 * cells joined by " | "; text boxes once (not their fallback copies); deleted revisions,
 * field codes and docProps (whose title is often a template's) left out. */
#ifndef GONGFU_IMPORT_DOCX_H
#define GONGFU_IMPORT_DOCX_H

#include <stddef.h>
#include "gongfu/err.h"

/* The document's text (malloc'd, *len bytes), or NULL with e saying why: a truncated or
 * damaged archive, a part that is missing or not well-formed XML. */
char *docx_extract(const char *raw, size_t n, size_t *len, struct err *e);

#endif
