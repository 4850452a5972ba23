/* panel.h — the target panel: the indicator under the reading cursor, set by every
 * region side by side (the province first), each value one key from its source. */
#ifndef GONGFU_TUI_PANEL_H
#define GONGFU_TUI_PANEL_H

#include <curses.h>
#include <stddef.h>
#include "keymap.h"
#include "reader.h"

struct app;
struct target_row;

/* One region's entry in the panel: its targets for the indicator (n may be 0). */
struct panel_entry {
    const char *region;
    const struct target_row *const *t;
    size_t n;
};

struct panel {
    int available;              /* the database holds targets */
    char why[256];
    struct target_row *all;     /* every target, the reader's highlights */
    size_t nall;
    struct secspan **doc_spans; /* per document; a span's id is its index in all */
    size_t *ndoc_spans;
    char **regions;             /* the order regions are compared in */
    size_t nregions;
    long shown;                 /* index in all of the target on show, -1 if none */
    const struct target_row **across;  /* the shown target's indicator, every region */
    size_t nacross;
    struct panel_entry *entries;
    size_t nentries, sel;
};

int panel_init(struct app *a);
void panel_free(struct app *a);
size_t panel_doc_spans(struct app *a, int doc, const struct secspan **out);
/* Follows the reading cursor: loads the indicator of the target under it. */
void panel_follow(struct app *a);
void panel_draw(struct app *a, WINDOW *w, int focused);
int panel_key(struct app *a, enum cmd c);
void panel_click(struct app *a, int y, int x);
/* The index in all of the target with this id, -1 if none. */
long panel_find(const struct app *a, int64_t target_id);

#endif
