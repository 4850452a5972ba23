/* panel_int.h — the target panel's state, shared by panel.c (its ops: following the
 * reader, keys, clicks), panel_data.c (what it reads and the entries made of it) and
 * panel_draw.c (the entries on screen). */
#ifndef GONGFU_TUI_PANEL_INT_H
#define GONGFU_TUI_PANEL_INT_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/targets.h"
#include "ui.h"

/* One entry of the panel: a region's targets for the indicator (n may be 0: it set none),
 * or the latest value the region reported for it, after them ("实际 76% (2025)"). Its
 * text and width are made once, when first laid out (panel_entry_width), not at each
 * layout and redraw. */
struct panel_entry {
    const char *region;
    const char *label;          /* what the entry shows first: the region, or 实际 */
    const struct target_row *const *t;
    size_t n;
    char *text;                 /* "舟山市 >=4.5个 (2025) 力争 已达成"; NULL: not made yet */
    int width;                  /* its columns as drawn, once text is made */
};

/* What one target is shown with: the rows of its indicator, every region (or the target
 * alone, with the values reported under its phrase), and each target's status, read by
 * index when the cursor first reaches one of them (targets_measure_rows). */
struct panel_measure {
    struct target_row *rows;
    size_t n;
    enum progress_status *status;   /* per row: a target's against its reported value */
    size_t *by_id;                  /* indexes into rows by id */
    unsigned used;                  /* when it was last shown, for the cache's order */
};

/* Measures kept of targets read one by one (an unlinked target, or one of another
 * document than the reader's): going back and forth between a few reads none again. */
#define PANEL_MEASURES 8

struct panel {
    unsigned char *doc_read;    /* per document: its spans are in doc_spans */
    struct secspan **doc_spans; /* per document */
    size_t *ndoc_spans;
    int regions_read;           /* regions read, or tried */
    int keys_read;              /* keys read, or tried */
    char **regions;             /* the order regions are compared in */
    size_t nregions;
    struct target_keys keys;    /* the phrases of values reported under no indicator */
    /* The measures of every indicator the reader's document links, read in one query at
     * its first target: a key within the document reads nothing (issue 15: at 100× the
     * corpus a read per indicator was 10–45 M instructions, and some forty keys over a
     * plan, where one read of them all is one key). */
    struct panel_measure *doc_measures;
    size_t ndoc_measures;
    int measures_doc;           /* the document they are of, -1 none */
    struct panel_measure cache[PANEL_MEASURES];
    unsigned clock;
    const struct target_row *shown;    /* the target on show, NULL if none */
    const struct target_row **across;  /* the shown target's indicator, every region */
    size_t nacross;
    struct panel_entry *entries;
    size_t nentries, sel;
    size_t first;               /* the first entry shown: the selected one stays in view */
    int texts_ambi2;            /* draw_ambi2() when the entries' texts were made */
};

/* panel_data.c */
/* The span source's doc_spans: document doc's targets, read when the reader first shows it. */
size_t panel_doc_spans(struct pane *pn, int doc, const struct secspan **out);
/* Shows the indicator of target id (-1: none): reads what it needs the first time; a
 * database that fails clears pn->usable with why. */
void panel_follow(struct pane *pn, long id);
/* The status of a row on show (PROGRESS_NO_DATA for a value reported). */
enum progress_status panel_status(const struct panel *p, const struct target_row *t);
/* Does the entry show this row? */
int panel_entry_has(const struct panel_entry *en, const struct target_row *t);
void panel_drop_entries(struct panel *p);
void panel_data_free(struct panel *p);

/* panel_draw.c */
/* The entries' texts and widths are to be made (again, when ambiguous characters changed
 * width): each when first asked for. */
void panel_entry_texts(struct panel *p);
/* Entry k's columns as drawn, its text made if it was not. */
int panel_entry_width(struct panel *p, size_t k);
/* Where an entry goes on the panel's rows. */
struct panel_slot {
    int y, x, w;
};
/* Lays out the entries from first (see panel_draw.c); returns how many fit (at most max). */
size_t panel_layout(const struct pane *pn, size_t first, struct panel_slot *slot, size_t max);
void panel_draw(struct pane *pn, int focused);

#endif
