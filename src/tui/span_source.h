/* span_source.h — what the reader highlights, from whoever owns it: the target panel's
 * targets, the search's hits (later: related items). An owner registers a source once;
 * the reader asks each source for a document's spans and draws them, so it calls no
 * owner by name. The order of SPAN_LIST is the drawing order: a later source's span
 * is drawn over an earlier one's (a hit over a target). */
#ifndef GONGFU_TUI_SPAN_SOURCE_H
#define GONGFU_TUI_SPAN_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include "keymap.h"
#include "theme.h"

/*    id      drawn as     the current one      next / previous command */
#define SPAN_LIST(X) \
    X(TARGET, ROLE_TARGET, ROLE_TARGET_CURRENT, NEXT_TARGET, PREV_TARGET) \
    X(HIT,    ROLE_HIT,    ROLE_HIT_CURRENT,    NEXT_HIT,    PREV_HIT)

#define SPAN_ENUM(id, role, current, next, prev) SPAN_##id,
enum span_kind { SPAN_LIST(SPAN_ENUM) SPAN_COUNT };
#undef SPAN_ENUM

/* A stretch of a section's text (byte offsets into its paragraphs joined by "\n"); id is
 * the owner's name for it (a target's id, a result's index). */
struct secspan {
    int64_t node_id;
    long start, end;
    long id;
};

struct pane;

struct span_source {
    struct pane *owner;
    /* The spans in document doc, valid until the owner's next spans_changed. */
    size_t (*doc_spans)(struct pane *owner, int doc, const struct secspan **out);
    /* Next (dir 1) or previous (-1) found none further in the document: say so, or go
     * on elsewhere (the next result). */
    void (*beyond)(struct pane *owner, int dir);
    int enter_focuses;          /* Enter on one of its spans in the reader focuses owner */
    /* Optional. What the status line says while span id is under the reader's cursor
     * ("结果 2/3"); "" for nothing. */
    void (*describe)(struct pane *owner, long id, char *buf, size_t n);
};

struct span_registry {
    struct span_source src[SPAN_COUNT];   /* doc_spans NULL: none registered */
    unsigned gen;                         /* counts changes, so readers see them */
};

void spans_register(struct span_registry *r, enum span_kind k, const struct span_source *s);
/* The owner's spans changed (a new search): the reader maps them again. */
void spans_changed(struct span_registry *r);
enum role span_role(enum span_kind k, int current);
/* The source whose next (dir 1) or previous (-1) command c is; -1 if none. */
int span_kind_of_cmd(enum cmd c, int *dir);

#endif
