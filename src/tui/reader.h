/* reader.h — the reading pane (reader_ops in pane.h): one document laid out as wrapped
 * lines, a cursor line, and the spans of every registered span source highlighted. The
 * reader is where "the place" is, which the app owns (jumps, history, the state file):
 * these are what the app asks of it besides its ops. */
#ifndef GONGFU_TUI_READER_H
#define GONGFU_TUI_READER_H

#include <stdint.h>
#include "ui.h"

/* Loads a document (no-op if it is already the reader's). 0, or -1 with a message shown. */
int reader_open(struct pane *p, int doc);
/* Puts the cursor on a place; the line is shown near the top of the pane. */
void reader_goto(struct pane *p, int64_t node_id, long offset);
/* The document shown, -1 before the first. */
int reader_doc(const struct pane *p);
/* Where the cursor is: section and offset (node_id 0 before the first section). */
void reader_where(const struct pane *p, int64_t *node_id, long *offset);
/* The selection the other panes follow: document, section, each source's span there. */
void reader_select(const struct pane *p, struct selection *s);
/* Moves to the next (dir 1) or previous (-1) span of a source; 0, or -1 if none. */
int reader_next_span(struct pane *p, enum span_kind k, int dir);
/* Makes the span with this id current and puts the cursor on it. */
void reader_select_span(struct pane *p, enum span_kind k, long id);
/* What the app asks when no input waits: the rest of the document laid out (a screen is
 * drawn from the lines it shows, before the rest). 1 when there was some (the status
 * line's count is then known), else 0. */
int reader_idle(struct pane *p);
/* 1 when the whole document is laid out (or none is open). */
int reader_laid_out(const struct pane *p);

#endif
