/* doc.h — the in-memory shape of an imported document: what structure builds and
 * store writes. Nodes are kept in reading order; parent is an index into nodes. */
#ifndef GONGFU_DOC_H
#define GONGFU_DOC_H

#include <stddef.h>

enum node_kind { NODE_PREAMBLE, NODE_CHAPTER, NODE_ITEM, NODE_PARAGRAPH };

struct node {
    enum node_kind kind;
    int parent;          /* index in doc.nodes, -1 for top level */
    char *label;         /* as written: "四", "15", "（三）"; NULL for preamble/paragraph */
    int ordinal;         /* the number the label means (四 → 4), 0 if none */
    char *path;          /* "4", "4.15", "0.28" (item before any chapter), "0" preamble */
    char *title;         /* heading text without label; NULL for paragraphs */
    char *text;          /* paragraphs only: cleaned text */
    size_t raw_start, raw_end;  /* byte span in the text the source was read as */
};

struct doc {
    char *title, *region, *level, *kind, *issuer, *published, *slug;
    char *note;          /* what a reader must know of the source (doc_note.h), or NULL */
    struct node *nodes;
    size_t nnodes, cap;
};

const char *node_kind_name(enum node_kind k);
/* A heading as a reader sees it: "四、title", "15.title", "（三）title"; malloc'd. */
char *node_heading(enum node_kind kind, const char *label, const char *title);
/* A section's (preamble, chapter, item) own paragraphs joined by "\n"; malloc'd. */
char *doc_section_text(const struct doc *d, size_t section);
void doc_free(struct doc *d);

#endif
