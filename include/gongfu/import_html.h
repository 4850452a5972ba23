/* import_html.h — a web page to the text of its article, one paragraph a line.
 *
 * Parsed with libxml2's HTML parser (the DOCX reader needs libxml2 anyway; it recovers from
 * the tag soup of real pages and is fuzzed upstream). The page is decoded first: a BOM,
 * else the charset it declares (<meta charset>, http-equiv, <?xml encoding>; GB2312/GBK
 * read as their superset GB18030), else detected as plain text is. The article is the
 * block holding most text that is not links, with the page heading above it when the page
 * title names it; scripts, styles, forms, navigation, link lists, share bars and hidden
 * elements are dropped. <p>, <div>, <br> and other blocks end lines; a data table is one
 * line per row with cells joined by " | ". */
#ifndef GONGFU_IMPORT_HTML_H
#define GONGFU_IMPORT_HTML_H

#include <stddef.h>
#include "gongfu/err.h"

/* The charset a page declares in its first bytes (lower-case, as written), or "" when it
 * declares none. */
void html_declared_charset(const char *raw, size_t n, char out[32]);

/* The article's text (malloc'd, *len bytes), or NULL with e set: a page whose bytes do not
 * match its declared charset is refused, naming the charset and the byte. encoding
 * overrides what the page declares; charset receives the one used. */
char *html_extract(const char *raw, size_t n, const char *encoding, size_t *len,
                   char charset[32], struct err *e);

#endif
