/* lines.h — the first look at decoded text: lines, trimmed, with web-page tables, metadata
 * fields and page chrome recognised. Offsets are into the decoded text. */
#ifndef GONGFU_LINES_H
#define GONGFU_LINES_H

#include <stddef.h>

enum line_kind {
    LINE_TEXT,      /* ordinary content: headings, paragraphs, titles */
    LINE_META,      /* metadata fields ("发布日期:2022-02-28", a "|" table row) */
    LINE_CHROME,    /* page furniture: phone numbers, infobox bullets */
    LINE_TRAILER,   /* starts the chrome after an article: 相关新闻, FOLLOW US, (来源: … */
    LINE_TABLE,     /* a row of a table of indicators (itable.h): content, a paragraph of its own */
};

enum meta_key { META_NONE, META_ISSUER, META_WRITTEN, META_PUBLISHED, META_OTHER };

#define LINE_MAX_FIELDS 4

struct meta_field {
    enum meta_key key;
    size_t vstart, vend;        /* the value's span, empty when it is on the next line */
};

struct line {
    size_t start, end;          /* trimmed content */
    size_t whole_start, whole_end;  /* the whole trimmed line, before chrome or a "|" frame
                                     * narrowed it */
    enum line_kind kind;
    int nfields;
    struct meta_field field[LINE_MAX_FIELDS];
};

struct lines {
    struct line *v;
    size_t n;
};

/* Splits on LF, CRLF and CR; drops empty lines. 0, or -1 when out of memory. */
int lines_split(const char *text, size_t len, struct lines *out);
void lines_free(struct lines *l);

/* True when s starts with whitespace as the texts use it (ASCII, U+3000, U+00A0, U+FEFF);
 * returns its byte length, else 0. Inline: the parser asks at nearly every byte (at 10x the
 * corpus, 11 million calls, 2.5% of an import's instructions as a function). */
static inline size_t lines_space_at(const char *s, size_t n)
{
    if (!n)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    switch (u[0]) {
    case ' ': case '\t': case '\f': case '\v':
        return 1;
    case 0xE3:                                          /* U+3000 */
        return n >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
    case 0xC2:                                          /* U+00A0 */
        return n >= 2 && u[1] == 0xA0 ? 2 : 0;
    case 0xEF:                                          /* U+FEFF */
        return n >= 3 && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
    default:
        return 0;
    }
}

#endif
