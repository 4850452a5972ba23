/* format.h — what kind of file an import is given, told from its bytes (never from its
 * name), and the one call that turns any of them into the text the importer cleans and
 * structures: plain text is decoded (decode.h); web pages, Word documents and PDFs are
 * read by their own modules (import_html.h, import_docx.h, import_pdf.h) into one
 * paragraph a line. */
#ifndef GONGFU_FORMAT_H
#define GONGFU_FORMAT_H

#include <stddef.h>
#include "gongfu/decode.h"
#include "gongfu/err.h"

enum format { FORMAT_AUTO, FORMAT_TEXT, FORMAT_HTML, FORMAT_DOCX, FORMAT_PDF };

/* "auto", "text", "html", "docx", "pdf" → *f; 0, or -1 for another name. */
int format_from_name(const char *name, enum format *f);
const char *format_name(enum format f);

/* The format of a file from its content: %PDF- in the first KB; a zip archive holding
 * word/document.xml; markup as browsers sniff it (<!DOCTYPE html, <html, <head, <body,
 * <p, <div … after white space and comments); anything else is text. */
enum format format_detect(const char *raw, size_t n);

struct format_text {
    struct decoded text;     /* what the user is shown; offsets map into `shown` */
    enum format format;      /* the format it was read as */
    const char *shown;       /* the bytes node offsets point into: the file itself for text,
                              * text.text for the other formats (stored as the source) */
    size_t shown_len;
    char encoding[48];       /* "UTF-8", "GB18030", "html UTF-8", "docx", "pdf" */
};

/* Reads a whole file as format f (FORMAT_AUTO: detected); encoding applies to text and
 * HTML (NULL: detected, for HTML from its BOM or its declared charset). A file that
 * cannot be read gets one message saying why (truncated zip, encrypted PDF, a charset
 * the bytes do not match …). 0 or -1. raw must outlive *out. */
int format_read(const char *raw, size_t n, enum format f, const char *encoding,
                struct format_text *out, struct err *e);
void format_text_free(struct format_text *t);

#endif
