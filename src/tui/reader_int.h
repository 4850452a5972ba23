/* reader_int.h — the reader's state, shared by reader.c (layout, drawing, keys) and
 * spans.c (its highlights). */
#ifndef GONGFU_TUI_READER_INT_H
#define GONGFU_TUI_READER_INT_H

#include <stddef.h>
#include "reader.h"

struct rblock {
    enum role role;
    int section;        /* reader.nodes index of its section, -1 for the title */
    long sec_off;       /* offset of the text in the section's text; -1 for a heading */
    int gap;            /* a blank line before it */
    char *own;          /* what text points to when the block made it */
    const char *text;   /* the paragraph (or heading) as written */
    size_t len;
};

struct rline {
    int block;
    size_t start, end;  /* bytes of the block's text; start == end for a blank */
};

/* A highlighted stretch of one block, in bytes of its text. */
struct rspan {
    enum span_kind kind;
    int block;
    size_t start, end;
    long id;            /* the owner's id for it */
    size_t line, last;  /* the lines it starts and ends on; LINE_UNKNOWN while its block
                         * is not laid out yet */
};
#define LINE_UNKNOWN ((size_t)-1)

/* A document laid out: the one shown, and those shown before, kept so that going back
 * to one costs nothing. */
struct reader_doc {
    struct node_row *nodes;
    size_t nnodes;
    struct rblock *blocks;
    size_t nblocks;
    struct rline *lines;        /* the lines of blocks [0, laid): a prefix of the whole */
    size_t nlines, cap;
    size_t laid;                /* blocks laid out so far (nblocks: all, nlines the count) */
    int width;
    size_t top, cur;
};

struct reader {
    struct reader_doc *cache;   /* per document */
    int doc;            /* index into the corpus's docs, -1 before the first */
    struct reader_doc d;        /* the document shown (width: what its lines fit) */
    struct rspan *spans;
    size_t nspans;
    long current[SPAN_COUNT];   /* each source's current span (index in spans), -1 */
    unsigned spans_gen; /* the span registry's count of changes the spans were mapped at */
    size_t drawn_top, drawn_cur;
    char failed[300];   /* why the document shows no line (it could not be read), or "" */
    int full;           /* the text takes the pane's width, not the measure (ui.measure) */
};

/* Columns left blank at each side of the text. */
#define READER_MARGIN 1

/* The width the text is wrapped to: the pane's, within the measure unless full. */
int reader_text_width(const struct pane *p);
/* Lays out blocks until there are at least `need` lines (SIZE_MAX: the whole document,
 * and with it the line count) or none is left; the lines are those the whole layout has.
 * 0, or -1 when memory ran out (then no line at all, and failed says why). */
int reader_lay_out(struct pane *p, size_t need);
/* Gives the spans of blocks [from, to), just laid out, their lines. */
void reader_spans_laid(struct reader *r, size_t from, size_t to);
/* Draws the pane (its ops->draw). */
void reader_draw(struct pane *p, int focused);
/* The line holding offset pos of block b. */
size_t reader_line_of(const struct reader *r, int b, size_t pos);
/* Scrolls so the cursor line shows; near_top puts it a quarter down the pane. */
void reader_show_cursor(struct pane *p, int near_top);
/* Maps every source's spans in the document onto the lines again. */
void reader_spans(struct pane *p);
/* The span of source k under the cursor: the current one if it touches the cursor line,
 * else the one holding a later source's current span there (the target around a search
 * hit), else the first touching it; its id, or -1 if none. */
long reader_span_at_cursor(const struct pane *p, enum span_kind k);

#endif
