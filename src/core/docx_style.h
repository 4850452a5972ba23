/* docx_style.h — (private to the DOCX reader) paragraph styles and list numbering of a
 * Word document, so that a paragraph numbered by Word ("一、" "（一）" "1." generated from
 * numbering.xml, not typed) is read with the label a reader of the document sees. */
#ifndef GONGFU_DOCX_STYLE_H
#define GONGFU_DOCX_STYLE_H

#include <stddef.h>

#define DOCX_LEVELS 9

struct docx_style {
    char *id, *based_on;
    int heading;             /* 1..9 for a heading style ("heading 1", "标题 1", outline level) */
    int contents;            /* a table of contents' style: "toc 1" … "toc 9", "TOC Heading" */
    int num_id, ilvl;        /* numbering the style brings, num_id 0 when none */
};

struct docx_level {
    int start;
    char fmt[32];            /* w:numFmt: decimal, chineseCounting, … */
    char *text;              /* w:lvlText: "%1、" */
    int legal;               /* w:isLgl: every level's number in decimal */
    int suffix;              /* ' ' after the label, or 0 for none */
};

struct docx_abstract {
    int id;
    struct docx_level lvl[DOCX_LEVELS];
};

struct docx_num {
    int id, abstract;
    int start_override[DOCX_LEVELS];     /* -1 when none */
    int count[DOCX_LEVELS];              /* the running counters, 0 before a level starts */
};

struct docx_styles {
    struct docx_style *style;
    size_t nstyle, capstyle;
    struct docx_abstract *abs;
    size_t nabs, capabs;
    struct docx_num *num;
    size_t nnum, capnum;
    int oom;
};

/* Reads word/styles.xml and word/numbering.xml (either may be NULL). 0, or -1 when out of
 * memory; what cannot be parsed is left out (a document reads without its numbering). */
int docx_styles_load(struct docx_styles *s, const char *styles, size_t ns,
                     const char *numbering, size_t nn);
void docx_styles_free(struct docx_styles *s);

/* The heading level a style gives (0 none), following based-on styles. */
int docx_style_heading(const struct docx_styles *s, const char *style_id);
/* Is it a style of the table of contents (following based-on styles)? Such paragraphs
 * repeat the headings with page numbers. */
int docx_style_contents(const struct docx_styles *s, const char *style_id);
/* The numbering a style gives: *num_id (0 none) and *ilvl. */
void docx_style_numbering(const struct docx_styles *s, const char *style_id, int *num_id,
                          int *ilvl);

/* A list number as numFmt writes it: decimal 12, chineseCounting 十二, ideographTraditional
 * 乙, decimalEnclosedCircle ⑫, upperRoman XII, lowerLetter l …; returns the bytes written
 * (NUL-terminated, truncated to cap). */
size_t docx_format_number(int value, const char *fmt, char *buf, size_t cap);

/* Advances list num_id at level ilvl and writes the paragraph's label ("一、", "（3）",
 * "2.1") with its suffix into buf; "" for a bullet or unknown list. */
void docx_number_next(struct docx_styles *s, int num_id, int ilvl, char *buf, size_t cap);

#endif
