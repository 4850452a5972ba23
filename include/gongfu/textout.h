/* textout.h — the text a format reader (HTML, DOCX, PDF) yields: one paragraph, heading or
 * table row a line, UTF-8, as the plain-text path would have it. The cleaner and the
 * structure reader take it from there, so every format shares one code path. */
#ifndef GONGFU_TEXTOUT_H
#define GONGFU_TEXTOUT_H

#include <stddef.h>
#include <stdint.h>

/* Table cells on one line are separated by this, as web pages copied to text have them
 * ("| 指标 | 单位 | 2020年 |"); lines.c reads such rows. */
#define TEXTOUT_CELL " | "

struct textout {
    char *s;
    size_t len, cap;
    size_t line_start;      /* where the current line begins */
    int space;              /* a collapsed space is pending before the next character */
    int oom;
};

/* Appends UTF-8 text; runs of ASCII white space (and line breaks) become one space, which
 * is dropped at the start and end of a line. Invalid UTF-8 becomes U+FFFD; control
 * characters other than white space are dropped. */
void textout_put(struct textout *t, const char *s, size_t n);
/* Appends one code point (treated as textout_put treats it). */
void textout_putc(struct textout *t, uint32_t c);
/* Appends text whose line breaks are line breaks (<pre>, a paragraph with breaks in it). */
void textout_put_raw(struct textout *t, const char *s, size_t n);
/* Appends text that is lines already (as textout_finish made them), as it is. */
void textout_put_lines(struct textout *t, const char *s, size_t n);
/* Ends the current line, unless it is empty. */
void textout_break(struct textout *t);
/* Begins a table cell: rows are written "| a | b |", so that an empty cell keeps its place. */
void textout_cell(struct textout *t);
/* Ends a row of cells ("… |") and its line. */
void textout_row_end(struct textout *t);
/* Bytes on the current line so far. */
size_t textout_line_len(const struct textout *t);
/* Ends the text: a NUL-terminated malloc'd string in *out (length *n), or NULL when out of
 * memory. The textout is emptied. */
char *textout_finish(struct textout *t, size_t *n);
void textout_free(struct textout *t);

#endif
