/* html_article.c — which part of a web page is the article.
 *
 * Every element is weighed by the text in it (a Chinese character counts 1, a Latin
 * letter or digit a quarter) and by how much of that is link text. Text scores for the
 * block holding it, that block's parent and, half, its grandparent (the rule Mozilla's
 * Readability uses); the article is the element of best score times the share of its text
 * that is not links. The page's heading is taken from above the article when the page
 * <title> contains it (site and column names in the title are what differ). Inside the
 * article, link lists, share and print bars and other chrome are known by their link
 * density and their class names, never by a site's particular markup. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/clean.h"
#include "gongfu/lines.h"
#include "html_page.h"

static const char *const dropped_tags[] = {
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg",
    "canvas", "select", "option", "button", "input", "textarea", "map", "audio", "video",
    "math", "frameset", "frame", "applet",
};
static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
    "caption", "legend", "html",
};
/* Class and id words of page chrome (after Readability's "unlikely candidates") … */
static const char *const chrome_words[] = {
    "share", "print", "toolbar", "fontsize", "font-size", "zoom", "breadcrumb", "crumb",
    "comment", "footer", "copyright", "pagination", "pager", "related", "sidebar", "advert",
    "banner", "popup", "qrcode", "social", "menu", "nav",
};
/* … unless the name also says it holds the content. */
static const char *const content_words[] = {"content", "article", "main", "body", "text",
                                             "detail"};

static int in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(name, list[i]))
            return 1;
    return 0;
}
#define IN(name, list) in_list((name), (list), sizeof(list) / sizeof *(list))

static const char *tag(const xmlNode *n)
{
    return n->name ? (const char *)n->name : "";
}

static int attr_has(xmlNode *n, const char *attr, const char *const *words, size_t nw)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int hit = 0;
    if (v) {
        for (char *p = (char *)v; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        for (size_t i = 0; i < nw && !hit; i++)
            hit = strstr((char *)v, words[i]) != NULL;
        xmlFree(v);
    }
    return hit;
}

static int is_hidden(xmlNode *n)
{
    static const char *const none[] = {"display:none", "display: none", "visibility:hidden",
                                       "visibility: hidden"};
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return 1;
    return attr_has(n, "style", none, sizeof none / sizeof *none);
}

static int named_chrome(xmlNode *n)
{
    static const size_t nc = sizeof chrome_words / sizeof *chrome_words,
                        nk = sizeof content_words / sizeof *content_words;
    return (attr_has(n, "class", chrome_words, nc) || attr_has(n, "id", chrome_words, nc)) &&
           !attr_has(n, "class", content_words, nk) && !attr_has(n, "id", content_words, nk);
}

int html_page_index(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->_private ? (int)(intptr_t)n->_private - 1 : -1;
}

int html_page_is_block(const struct elem *e)
{
    return e->is_block;
}

/* Weight of a text: Chinese characters 1, Latin letters and digits 0.25. */
static double weigh(const char *s, size_t n, size_t *bytes)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    double w = 0;
    while (p < end) {
        ucs4_t c;
        int k = u8_mbtouc(&c, p, (size_t)(end - p));
        k = k > 0 ? k : 1;
        p += k;
        if (clean_is_han(c))
            w += 1;
        else if ((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
            w += 0.25;
        if (c > ' ')
            *bytes += (size_t)k;
    }
    return w;
}

static int add_elem(struct page *pg, xmlNode *n, int parent)
{
    if (array_grow((void **)&pg->v, &pg->cap, pg->n + 1, sizeof *pg->v) < 0)
        return pg->oom = 1, -1;
    int i = (int)pg->n++;
    struct elem *e = &pg->v[i];
    memset(e, 0, sizeof *e);
    e->node = n, e->parent = parent, e->last = i;
    e->is_block = IN(tag(n), block_tags);
    e->in_link = (parent >= 0 && pg->v[parent].in_link) || !strcasecmp(tag(n), "a");
    e->block = e->is_block || parent < 0 ? i : pg->v[parent].block;
    n->_private = (void *)(intptr_t)(i + 1);
    return i;
}

static void text_node(struct page *pg, int at, const xmlNode *t)
{
    if (at < 0 || !t->content)
        return;
    size_t bytes = 0;
    double w = weigh((const char *)t->content, strlen((const char *)t->content), &bytes);
    struct elem *e = &pg->v[at];
    e->own += w, e->bytes += bytes;
    if (e->in_link || w == 0)
        return;
    int b = e->block, p = pg->v[b].parent, g = p >= 0 ? pg->v[p].parent : -1;
    pg->v[b].score += w;
    if (p >= 0)
        pg->v[p].score += w;
    if (g >= 0)
        pg->v[g].score += w / 2;
}

char *html_page_squeezed_text(xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    size_t w = 0, len = strlen((char *)c);
    char *s = malloc(len + 1);
    for (size_t i = 0; s && i < len;) {
        size_t k = lines_space_at((char *)c + i, len - i);
        if (k)
            i += k;
        else
            s[w++] = (char)c[i++];
    }
    if (s)
        s[w] = '\0';
    xmlFree(c);
    return s;
}

static xmlNode *find_tag(xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcasecmp(tag(n), name))
            return n;
        xmlNode *in = find_tag(n->children, name);
        if (in)
            return in;
    }
    return NULL;
}

/* In document order, iteratively: pages nest deep. */
static void weigh_tree(struct page *pg, xmlNode *root)
{
    xmlNode *cur = root;
    int at = -1;                          /* the element cur is in */
    while (cur && !pg->oom) {
        int descend = 0;
        if (cur->type == XML_ELEMENT_NODE && !IN(tag(cur), dropped_tags) && !is_hidden(cur)) {
            int i = add_elem(pg, cur, at);
            if (i >= 0 && cur->children)
                at = i, descend = 1;
        } else if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            text_node(pg, at, cur);
        }
        if (descend) {
            cur = cur->children;
            continue;
        }
        while (cur != root && !cur->next) {
            cur = cur->parent;
            if (html_page_index(cur) == at && at >= 0) {
                pg->v[at].last = (int)pg->n - 1;
                at = pg->v[at].parent;
            }
        }
        cur = cur == root ? NULL : cur->next;
    }
    for (size_t k = pg->n; k-- > 0;) {   /* children come after their parents */
        struct elem *e = &pg->v[k];
        e->w += e->own;
        if (!strcasecmp(tag(e->node), "a"))
            e->linkw = e->w, e->links++;
        if (e->parent >= 0) {
            struct elem *p = &pg->v[e->parent];
            p->w += e->w, p->linkw += e->linkw, p->bytes += e->bytes, p->links += e->links;
            p->blocks += e->blocks + e->is_block;
        }
    }
}

int html_page_weigh(struct page *pg, htmlDocPtr doc)
{
    memset(pg, 0, sizeof *pg);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root)
        return 0;
    xmlNode *title = find_tag(root, "title");
    if (title)
        pg->title = html_page_squeezed_text(title);
    weigh_tree(pg, root);
    return pg->oom ? -1 : 0;
}

void html_page_free(struct page *pg)
{
    for (size_t i = 0; i < pg->n; i++)
        pg->v[i].node->_private = NULL;
    free(pg->v);
    free(pg->title);
    memset(pg, 0, sizeof *pg);
}

static double nonlink(const struct elem *e)
{
    return e->w - e->linkw;
}

int html_page_article(const struct page *pg)
{
    int best = 0;
    double top = -1;
    for (size_t i = 0; i < pg->n; i++) {
        const struct elem *e = &pg->v[i];
        double s = e->w > 0 ? e->score * (1 - e->linkw / e->w) : 0;
        if (s > top)
            top = s, best = (int)i;
    }
    if (!pg->n)
        return -1;
    /* An article split into several blocks of one parent: take the parent. */
    const struct elem *c = &pg->v[best];
    if (c->parent >= 0)
        for (int k = c->parent + 1; k <= pg->v[c->parent].last; k = pg->v[k].last + 1) {
            const struct elem *s = &pg->v[k];
            if (k != best && nonlink(s) > 0 && nonlink(s) >= 0.2 * nonlink(c) &&
                s->linkw < 0.25 * s->w)
                return c->parent;
        }
    return best;
}

int html_page_heading(const struct page *pg, int article)
{
    if (!pg->title || !pg->title[0] || article < 0)
        return -1;
    size_t tlen = strlen(pg->title);
    int found = -1;
    /* The last element that ends before the article and that the title names. */
    for (int i = 0; i < article; i++) {
        const struct elem *e = &pg->v[i];
        if (e->last >= article || e->w == 0 || e->bytes > 300 || e->linkw > 0.5 * e->w)
            continue;
        char *s = html_page_squeezed_text(e->node);
        size_t len = s ? strlen(s) : 0;
        /* The title begins with the article's heading ("标题_站名"), or holds it as most of
         * itself; a site's name alone is a small part at its end. */
        const char *at = len >= 6 ? strstr(pg->title, s) : NULL;
        if (at && (at == pg->title || len * 10 >= tlen * 4))
            found = i;
        free(s);
    }
    return found;
}

int html_page_is_chrome(const struct page *pg, int i, int root)
{
    const struct elem *e = &pg->v[i];
    if (nonlink(e) >= 0.3 * nonlink(&pg->v[root]) && nonlink(e) > 0)
        return 0;                 /* never drop the bulk of the article */
    if (e->is_block && e->links >= 2 && e->linkw >= 0.5 * e->w)
        return 1;                 /* a list of links, a bar of icons */
    return named_chrome(e->node);
}
