/* reader.h — the reading pane: one document laid out as wrapped lines (headings,
 * paragraphs, spacing), a cursor line, and highlighted spans (targets, search hits). */
#ifndef GONGFU_TUI_READER_H
#define GONGFU_TUI_READER_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>
#include "keymap.h"
#include "theme.h"

struct app;

struct rblock {
    enum role role;
    int section;        /* reader.nodes index of its section, -1 for the title */
    long sec_off;       /* offset of the text in the section's text; -1 for a heading */
    int gap;            /* a blank line before it */
    char *own;          /* what text points to when the block made it */
    const char *text;   /* as drawn (ambiguous characters replaced when they are wide) */
    size_t len;
    size_t *map;        /* drawn byte → byte of the source paragraph; NULL: the same */
};

struct rline {
    int block;
    size_t start, end;  /* drawn bytes of the block's text; start == end for a blank */
};

/* A highlighted stretch of one block, in drawn bytes. */
enum span_kind { SPAN_TARGET, SPAN_HIT };
struct rspan {
    enum span_kind kind;
    int block;
    size_t start, end;
    size_t id;          /* the target's or the hit's index in its owner's list */
    size_t line, last;  /* the lines it starts and ends on */
};

/* What owners hand the reader: a stretch of a section's text. */
struct secspan {
    int64_t node_id;
    long start, end;
    size_t id;
};

/* A document laid out earlier, kept so going back to it costs nothing. */
struct reader_doc {
    struct node_row *nodes;
    size_t nnodes;
    struct rblock *blocks;
    size_t nblocks;
    struct rline *lines;
    size_t nlines;
    int width;
    size_t top, cur;
};

struct reader {
    struct reader_doc *cache;   /* per document */
    int doc;            /* index into app.docs, -1 before the first */
    struct node_row *nodes;
    size_t nnodes;
    struct rblock *blocks;
    size_t nblocks;
    struct rline *lines;
    size_t nlines;
    int width;          /* what the lines were wrapped to */
    size_t top, cur;
    struct rspan *spans;
    size_t nspans;
    long tcur, hcur;    /* the current target / hit span, -1 if none */
    /* Only the cursor moved, within the lines on screen: redraw its old and new line. */
    int partial;
    size_t drawn_top, drawn_cur;
};

/* Loads a document (no-op if it is already the reader's). 0 or -1 with a message set. */
int reader_open(struct app *a, int doc);
void reader_free(struct app *a);
/* Wraps to the pane's width if it changed; keeps the cursor on the same text. */
void reader_relayout(struct app *a);
/* Rebuilds the highlights from the target panel's and the search's lists. */
void reader_spans(struct app *a);
/* Puts the cursor on a place; the line is shown near the top of the pane. */
void reader_goto(struct app *a, int64_t node_id, long offset);
/* Where the cursor is: section and offset (node_id 0 before the first section). */
void reader_where(const struct app *a, int64_t *node_id, long *offset);
/* The section at the cursor as an index into the document's outline, -1 if none. */
int reader_outline_node(const struct app *a);
/* The span of that kind under the cursor: the current one if it touches the cursor line,
 * else the one holding the current search hit there, else the first touching it; its id,
 * or -1 if none. */
long reader_span_at_cursor(const struct app *a, enum span_kind k);
/* Moves to the next (dir 1) or previous (-1) span of a kind; 0, or -1 if there is none. */
int reader_next_span(struct app *a, enum span_kind k, int dir);
/* Makes the span with this id current and puts the cursor on it. */
void reader_select_span(struct app *a, enum span_kind k, size_t id);
void reader_draw(struct app *a, WINDOW *w, int focused);
int reader_key(struct app *a, enum cmd c);
void reader_click(struct app *a, int y);
/* "L120/800 15%": where the pane is, for the status line. */
void reader_position(const struct app *a, char *buf, size_t n);

#endif
