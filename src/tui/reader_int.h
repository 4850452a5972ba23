/* reader_int.h — what reader.c shares with spans.c, the reader's highlights. */
#ifndef GONGFU_TUI_READER_INT_H
#define GONGFU_TUI_READER_INT_H

#include <stddef.h>
#include "reader.h"

struct app;

/* The source byte a drawn byte of a block comes from, and back (the first drawn byte from
 * src or later). */
size_t reader_src_of(const struct rblock *b, size_t drawn);
size_t reader_drawn_of(const struct rblock *b, size_t src);
/* The line holding drawn offset pos of block b. */
size_t reader_line_of(const struct reader *r, int b, size_t pos);
/* Scrolls so the cursor line shows; near_top puts it a quarter down the pane. */
void reader_show_cursor(struct app *a, int near_top);

#endif
