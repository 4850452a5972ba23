#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"

const char *node_kind_name(enum node_kind k)
{
    static const char *const names[] = {"preamble", "chapter", "item", "paragraph"};
    return (unsigned)k < 4 ? names[k] : "?";
}

void doc_free(struct doc *d)
{
    for (size_t i = 0; i < d->nnodes; i++) {
        struct node *n = &d->nodes[i];
        free(n->label), free(n->path), free(n->title), free(n->text);
    }
    free(d->nodes);
    free(d->title), free(d->region), free(d->level), free(d->kind), free(d->issuer);
    free(d->published), free(d->slug), free(d->note);
    memset(d, 0, sizeof *d);
}

char *doc_section_text(const struct doc *d, size_t section)
{
    size_t len = 0;
    for (size_t i = section + 1; i < d->nnodes; i++)
        if (d->nodes[i].parent == (int)section && d->nodes[i].kind == NODE_PARAGRAPH)
            len += strlen(d->nodes[i].text) + 1;
    char *out = malloc(len + 1), *w = out;
    if (!out)
        return NULL;
    for (size_t i = section + 1; i < d->nnodes; i++) {
        const struct node *n = &d->nodes[i];
        if (n->parent != (int)section || n->kind != NODE_PARAGRAPH)
            continue;
        if (w != out)
            *w++ = '\n';
        size_t k = strlen(n->text);
        memcpy(w, n->text, k);
        w += k;
    }
    *w = '\0';
    return out;
}

char *node_heading(enum node_kind kind, const char *label, const char *title)
{
    const char *sep = "";
    if (!label || !*label)
        label = "";
    else if (kind == NODE_CHAPTER)
        sep = "、";
    else if (label[0] >= '0' && label[0] <= '9')
        sep = ".";
    char *out = NULL;
    if (asprintf(&out, "%s%s%s", label, sep, title ? title : "") < 0)
        return NULL;
    return out;
}
