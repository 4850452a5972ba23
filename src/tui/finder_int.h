/* finder_int.h — the search view's state, shared by finder.c (the engine, the prompt,
 * the hit spans, keys) and finder_draw.c (the heading, the pinyin line, the results). */
#ifndef GONGFU_TUI_FINDER_INT_H
#define GONGFU_TUI_FINDER_INT_H

#include <stddef.h>
#include "gongfu/search.h"
#include "prompt.h"
#include "ui.h"

#define MAX_PICKS 8

/* A Chinese word picked for a pinyin word of the query, by what was typed. */
struct pick {
    char typed[128], word[64];
};

struct finder {
    struct search *engine;      /* opened at the first search; NULL before, or when the
                                 * database has no search index */
    struct prompt prompt;
    const struct search_hit *hits;
    size_t nhits;
    size_t cur, top;
    long opened;                /* the result last opened in the reader, -1 if none */
    struct secspan **doc_spans; /* per document: its hits, for the reader */
    size_t *ndoc_spans;
    double last_ms;             /* time of the last query */
    struct pick pick[MAX_PICKS];
    size_t npick;
    char note[160];             /* said in the heading until the next query */
    char failed[256];           /* why the last query could not be answered, or "" */
    struct prompt_history history;  /* the queries entered, for ↑ and ↓ */
};

/* Draws the view (its ops->draw). */
void finder_draw(struct pane *p, int focused);

#endif
