/* corpus.h — the documents the explorer shows: each document's row, read at start-up in
 * the sidebar's order, its outline (sections without text), read when first asked for,
 * and places in them. */
#ifndef GONGFU_TUI_CORPUS_H
#define GONGFU_TUI_CORPUS_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/err.h"
#include "gongfu/state.h"
#include "gongfu/store.h"

/* A place in the plans: a section of a document (0: the document's start) and a byte
 * offset into the section's text. What history, bookmarks and the state file hold. */
struct loc {
    int doc;
    int64_t node_id;
    long offset;
};

/* One document's sections, without text: the sidebar and the title bar read them. */
struct outline {
    struct node_row *nodes;
    size_t n;
    int read;                   /* read from the store, or tried */
};

struct corpus {
    struct store *store;
    struct doc_row *docs;
    size_t ndocs;
    struct outline *outlines;   /* per document: reach them through corpus_outline */
    int *doc_order;             /* docs in sidebar order: national, province, cities */
    char *failed;               /* why an outline could not be read; "" when none */
};

/* Reads every document's row from the store (which stays the caller's). */
int corpus_load(struct corpus *c, struct store *s, struct err *e);
/* A document's outline, read the first time it is asked for (a start-up reads only the
 * outlines it shows, not a thousand documents'). One that cannot be read is empty, and
 * c->failed says why until the app has said it. */
const struct outline *corpus_outline(const struct corpus *c, int doc);
/* Gives a document its outline from its rows read with their text (the reader's), unless
 * it has one: the same sections, without a query of their own. */
void corpus_outline_from(const struct corpus *c, int doc, const struct node_row *rows,
                         size_t n);
/* The document holding a section, read from the store when no outline read holds it;
 * its index in docs, or -1. */
int corpus_doc_of_node(const struct corpus *c, int64_t node_id);
void corpus_free(struct corpus *c);

/* The level groups documents are shown in (国家, 省级, 市级, 其他), in order. */
int corpus_group_count(void);
int corpus_group_of(const char *level);
const char *corpus_group_label(int group);

/* What to say of a region that set no target for an indicator: "舟山市 没有设定这个指标", or,
 * where one of its documents is incomplete (its note says so), that the imported text has
 * none — the region may have set one in the part not imported. */
void corpus_no_target_text(const struct corpus *c, const char *region, char *buf, size_t n);
/* The document index of a slug, or -1. */
int corpus_doc_by_slug(const struct corpus *c, const char *slug);
/* The section's index in a document's outline, or -1. */
int corpus_outline_index(const struct corpus *c, int doc, int64_t node_id);
/* The state file's form of a place, and back; -1 when it names nothing known. */
int corpus_loc_to_pos(const struct corpus *c, struct loc l, struct state_pos *p);
int corpus_pos_to_loc(const struct corpus *c, const struct state_pos *p, struct loc *l);

#endif
