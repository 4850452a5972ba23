/* html_page.h — (private to the HTML reader) a parsed page weighed element by element, so
 * that the article, its heading and the chrome inside it can be told apart; and the
 * rendering of the chosen parts as lines. */
#ifndef GONGFU_HTML_PAGE_H
#define GONGFU_HTML_PAGE_H

#include <stddef.h>
#include <libxml/HTMLparser.h>
#include "gongfu/textout.h"

struct elem {
    xmlNode *node;
    int parent, block, last;     /* indices: parent, nearest block (or self), last descendant */
    double own, w, linkw, score; /* text weight: direct, in all, in links; article score */
    size_t bytes;                /* bytes of visible text in it */
    int links, blocks;           /* <a> elements and block elements inside it */
    unsigned in_link : 1, is_block : 1;
};

/* Elements in document order: an element's descendants are the indices after it up to
 * its `last`. */
struct page {
    struct elem *v;
    size_t n, cap;
    int oom;
    char *title;                 /* the <title>, white space removed; NULL if none */
};

/* Weighs every element that can be seen (scripts, forms, hidden elements left out). */
int html_page_weigh(struct page *pg, htmlDocPtr doc);
void html_page_free(struct page *pg);
/* The index of an element of the page, -1 for one left out or a non-element. */
int html_page_index(const xmlNode *n);
/* The element holding the article. */
int html_page_article(const struct page *pg);
/* The page heading above the article (the element before it that the <title> names), or
 * -1 when the page has none. */
int html_page_heading(const struct page *pg, int article);
/* Chrome inside the article: a block that is mostly links, or named for chrome. */
int html_page_is_chrome(const struct page *pg, int i, int root);
/* Is the element a block (a line of its own)? */
int html_page_is_block(const struct elem *e);
/* The element's text with white space removed, malloc'd. */
char *html_page_squeezed_text(xmlNode *n);

/* The article's lines (see import_html.h), malloc'd; NULL when out of memory. */
char *html_article_text(htmlDocPtr doc, size_t *len);

/* Renders element i's content as lines into t (tables as rows of " | " cells). */
void html_render(const struct page *pg, int i, struct textout *t);

#endif
