/* corpus.c — the documents and outlines, and the places in them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "corpus.h"

/* The level groups, and how the sidebar names them. */
static const struct { const char *level, *label; } groups[] = {
    { "national", "国家" }, { "province", "省级" }, { "city", "市级" }, { NULL, "其他" },
};
#define NGROUPS (int)(sizeof groups / sizeof groups[0])

int corpus_group_count(void) { return NGROUPS; }

int corpus_group_of(const char *level)
{
    for (int g = 0; g < NGROUPS - 1; g++)
        if (level && !strcmp(level, groups[g].level))
            return g;
    return NGROUPS - 1;
}

const char *corpus_group_label(int group)
{
    return group >= 0 && group < NGROUPS ? groups[group].label : "";
}

/* Room for why an outline could not be read. */
#define FAILED_SIZE 300

int corpus_load(struct corpus *c, struct store *s, struct err *e)
{
    c->store = s;
    if (store_docs_uncounted(s, &c->docs, &c->ndocs, e) < 0)
        return -1;
    c->outlines = calloc(c->ndocs + 1, sizeof *c->outlines);
    c->doc_order = calloc(c->ndocs + 1, sizeof *c->doc_order);
    c->failed = calloc(1, FAILED_SIZE);
    if (!c->outlines || !c->doc_order || !c->failed) {
        err_set(e, "out of memory");
        return -1;
    }
    /* The sidebar's order: by level, then as the database lists them. */
    size_t k = 0;
    for (int g = 0; g < NGROUPS; g++)
        for (size_t d = 0; d < c->ndocs; d++)
            if (corpus_group_of(c->docs[d].level) == g)
                c->doc_order[k++] = (int)d;
    return 0;
}

const struct outline *corpus_outline(const struct corpus *c, int doc)
{
    static const struct outline none = { NULL, 0, 1 };
    if (doc < 0 || (size_t)doc >= c->ndocs)
        return &none;
    struct outline *o = &c->outlines[doc];
    if (o->read)
        return o;
    o->read = 1;
    struct err e = { "" };
    if (store_nodes(c->store, c->docs[doc].id, 0, &o->nodes, &o->n, &e) < 0 && !c->failed[0])
        snprintf(c->failed, FAILED_SIZE, "%.290s", e.msg);
    return o;
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

void corpus_outline_from(const struct corpus *c, int doc, const struct node_row *rows,
                         size_t n)
{
    if (doc < 0 || (size_t)doc >= c->ndocs || c->outlines[doc].read)
        return;
    struct outline *o = &c->outlines[doc];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += rows[i].kind != NODE_PARAGRAPH;
    if (!(o->nodes = calloc(k + 1, sizeof *o->nodes)))
        return;   /* read by its own query when asked for */
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].kind == NODE_PARAGRAPH)
            continue;
        struct node_row *r = &o->nodes[o->n++];
        *r = rows[i];
        r->text = NULL;
        r->label = dup(rows[i].label), r->path = dup(rows[i].path), r->title = dup(rows[i].title);
        failed |= (rows[i].label && !r->label) || (rows[i].path && !r->path) ||
                  (rows[i].title && !r->title);
    }
    if (failed) {
        store_nodes_free(&o->nodes, o->n);
        o->n = 0;
        return;
    }
    o->read = 1;
}

int corpus_doc_of_node(const struct corpus *c, int64_t node_id)
{
    for (size_t d = 0; d < c->ndocs; d++)
        if (c->outlines[d].read && corpus_outline_index(c, (int)d, node_id) >= 0)
            return (int)d;
    int64_t id;
    struct err e = { "" };
    int rc = store_node_doc(c->store, node_id, &id, &e);
    if (rc < 0 && !c->failed[0])
        snprintf(c->failed, FAILED_SIZE, "%.290s", e.msg);
    for (size_t d = 0; rc == 1 && d < c->ndocs; d++)
        if (c->docs[d].id == id)
            return (int)d;
    return -1;
}

void corpus_free(struct corpus *c)
{
    for (size_t d = 0; c->outlines && d < c->ndocs; d++)
        store_nodes_free(&c->outlines[d].nodes, c->outlines[d].n);
    free(c->outlines);
    free(c->doc_order);
    free(c->failed);
    store_docs_free(&c->docs, c->ndocs);
    memset(c, 0, sizeof *c);
}

int corpus_doc_by_slug(const struct corpus *c, const char *slug)
{
    for (size_t i = 0; slug && i < c->ndocs; i++)
        if (!strcmp(c->docs[i].slug, slug))
            return (int)i;
    return -1;
}

int corpus_outline_index(const struct corpus *c, int doc, int64_t node_id)
{
    if (doc < 0 || (size_t)doc >= c->ndocs || !node_id)
        return -1;
    const struct outline *o = corpus_outline(c, doc);
    for (size_t i = 0; i < o->n; i++)
        if (o->nodes[i].id == node_id)
            return (int)i;
    return -1;
}

int corpus_loc_to_pos(const struct corpus *c, struct loc l, struct state_pos *p)
{
    if (l.doc < 0 || (size_t)l.doc >= c->ndocs)
        return -1;
    int i = corpus_outline_index(c, l.doc, l.node_id);
    const struct outline *o = corpus_outline(c, l.doc);
    const char *path = i >= 0 && o->nodes[i].path ? o->nodes[i].path : "";
    return state_pos_set(p, c->docs[l.doc].slug, path, i >= 0 ? l.offset : 0);
}

int corpus_pos_to_loc(const struct corpus *c, const struct state_pos *p, struct loc *l)
{
    int d = corpus_doc_by_slug(c, p->slug);
    if (d < 0)
        return -1;
    *l = (struct loc){ d, 0, 0 };
    if (!p->path[0])
        return 0;
    const struct outline *o = corpus_outline(c, d);
    for (size_t i = 0; i < o->n; i++)
        if (o->nodes[i].path && !strcmp(o->nodes[i].path, p->path)) {
            l->node_id = o->nodes[i].id;
            l->offset = p->offset;
            return 0;
        }
    return -1;
}

void corpus_no_target_text(const struct corpus *c, const char *region, char *buf, size_t n)
{
    for (size_t d = 0; region && d < c->ndocs; d++)
        if (c->docs[d].note && c->docs[d].region && !strcmp(c->docs[d].region, region)) {
            snprintf(buf, n, "%s：导入的文本中没有这个指标（%s %s）", region, c->docs[d].slug,
                     c->docs[d].note);
            return;
        }
    snprintf(buf, n, "%s 没有设定这个指标", region ? region : "");
}
