/* html_render.c — the chosen parts of a page as lines: blocks and <br> end lines, data
 * tables become one row a line, layout tables (a page built of tables) are blocks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "gongfu/chrome.h"
#include "html_page.h"

#define MAX_COLUMNS 256

struct render {
    const struct page *pg;
    struct textout *t;
    int root;            /* the element being rendered: chrome is judged against it */
    int in_cell, in_pre;
};

static const char *tag(const xmlNode *n)
{
    return n->name ? (const char *)n->name : "";
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcasecmp(tag(n), name);
}

static void line_break(struct render *r)
{
    if (r->in_cell)
        textout_putc(r->t, ' ');
    else
        textout_break(r->t);
}

/* A table of data, not of layout: no table inside it, and no cell holding more than a few
 * lines or a long text. */
static int is_data_table(const struct page *pg, int t)
{
    for (int k = t + 1; k <= pg->v[t].last; k++) {
        const struct elem *e = &pg->v[k];
        if (is(e->node, "table"))
            return 0;
        if ((is(e->node, "td") || is(e->node, "th")) && (e->bytes > 1000 || e->blocks > 3))
            return 0;
    }
    return 1;
}

static int span_attr(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    int k = v ? atoi((const char *)v) : 1;
    xmlFree(v);
    return k < 1 ? 1 : k > 64 ? 64 : k;
}

static void render_node(struct render *r, xmlNode *n);

static void render_children(struct render *r, xmlNode *n)
{
    for (xmlNode *c = n->children; c; c = c->next)
        render_node(r, c);
}

/* One row: each cell after a separator; a cell spanning k columns leaves k-1 empty ones,
 * and rows below a cell spanning rows leave its place empty, so columns stay aligned. */
static void render_row(struct render *r, xmlNode *tr, int *carry)
{
    int col = 0;
    for (xmlNode *c = tr->children; c; c = c->next) {
        if (!(is(c, "td") || is(c, "th")) || html_page_index(c) < 0)
            continue;
        while (col < MAX_COLUMNS && carry[col] > 0)
            carry[col++]--, textout_cell(r->t);
        if (col >= MAX_COLUMNS)
            break;
        textout_cell(r->t);
        r->in_cell++;
        render_children(r, c);
        r->in_cell--;
        int cs = span_attr(c, "colspan"), rs = span_attr(c, "rowspan");
        for (int k = 0; k < cs && col < MAX_COLUMNS; k++, col++) {
            carry[col] = rs - 1;
            if (k > 0)
                textout_cell(r->t);
        }
    }
    for (; col < MAX_COLUMNS && carry[col] > 0; col++)
        carry[col]--, textout_cell(r->t);
    textout_row_end(r->t);
}

static void render_rows(struct render *r, xmlNode *n, int *carry)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (html_page_index(c) < 0)
            continue;
        if (is(c, "tr"))
            render_row(r, c, carry);
        else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot"))
            render_rows(r, c, carry);
        else if (is(c, "caption")) {
            render_children(r, c);
            textout_break(r->t);
        }
    }
}

static void render_table(struct render *r, xmlNode *table)
{
    int carry[MAX_COLUMNS] = {0};
    textout_break(r->t);
    render_rows(r, table, carry);
    textout_break(r->t);
}

static void render_node(struct render *r, xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (!n->content)
            return;
        size_t len = strlen((const char *)n->content);
        if (r->in_pre && !r->in_cell)
            textout_put_raw(r->t, (const char *)n->content, len);
        else
            textout_put(r->t, (const char *)n->content, len);
        return;
    }
    int i = html_page_index(n);
    if (i < 0 || (i != r->root && html_page_is_chrome(r->pg, i, r->root)))
        return;
    if (is(n, "br") || is(n, "hr")) {
        line_break(r);
        return;
    }
    if (is(n, "table") && !r->in_cell && is_data_table(r->pg, i)) {
        render_table(r, n);
        return;
    }
    int block = html_page_is_block(&r->pg->v[i]), pre = is(n, "pre");
    if (block)
        line_break(r);
    r->in_pre += pre;
    render_children(r, n);
    r->in_pre -= pre;
    if (block)
        line_break(r);
}

void html_render(const struct page *pg, int i, struct textout *t)
{
    struct render r = {.pg = pg, .t = t, .root = i};
    render_node(&r, pg->v[i].node);
    textout_break(t);
}

/* The first line of a text, white space removed, into buf. */
static void first_line(const char *s, size_t n, char *buf, size_t cap)
{
    size_t w = 0;
    for (size_t i = 0; i < n && s[i] != '\n' && w + 1 < cap; i++)
        if (s[i] != ' ')
            buf[w++] = s[i];
    buf[w] = '\0';
}

/* Short lines between the heading and the article (date, source, author), at most a few. */
static void render_byline(const struct page *pg, int heading, int article, struct textout *t)
{
    int lines = 0;
    for (int k = pg->v[heading].last + 1; k < article && lines < 6; k++) {
        const struct elem *e = &pg->v[k];
        if (!e->is_block || e->blocks > 0 || e->last >= article || e->w == 0 ||
            e->bytes > 300 || e->linkw > 0.5 * e->w || html_page_is_chrome(pg, k, article))
            continue;
        struct textout line = {0};
        size_t n = 0;
        html_render(pg, k, &line);
        char *s = textout_finish(&line, &n);
        /* a tool bar ("【字体：大 中 小】 浏览次数：") is no byline */
        if (s && !chrome_is_toolbar(s, n))
            textout_put_lines(t, s, n), lines++;
        free(s);
    }
}

char *html_article_text(htmlDocPtr doc, size_t *len)
{
    struct page pg;
    struct textout body = {0}, out = {0};
    if (html_page_weigh(&pg, doc) < 0) {
        html_page_free(&pg);
        return NULL;
    }
    int article = html_page_article(&pg);
    if (article < 0) {
        html_page_free(&pg);
        return textout_finish(&out, len);
    }
    html_render(&pg, article, &body);
    size_t blen = 0;
    char *btext = textout_finish(&body, &blen);
    int heading = html_page_heading(&pg, article);
    if (heading >= 0 && btext) {
        /* The heading is left out when the article begins with (a part of) it already. */
        char *h = html_page_squeezed_text(pg.v[heading].node), first[1024];
        first_line(btext, blen, first, sizeof first);
        if (h && !(first[0] && (strstr(h, first) || strstr(first, h))))
            html_render(&pg, heading, &out);
        render_byline(&pg, heading, article, &out);
        free(h);
    }
    html_page_free(&pg);
    if (!btext) {
        textout_free(&out);
        return NULL;
    }
    textout_put_lines(&out, btext, blen);
    free(btext);
    return textout_finish(&out, len);
}
