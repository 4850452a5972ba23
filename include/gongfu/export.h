/* export.h — the tables gongfu exports, the same from the command line and the explorer:
 * the targets in long form, one row per target (region, indicator, its slug and category,
 * the phrase, kind, comparator, value — a number where there is one —, unit, year,
 * frequency, flags, the issuing region, the source as SLUG:PATH and the sentence it is in), and the compare table as the screen lays
 * it out (xlsx only, as a second sheet). As csv (plain UTF-8, or with the BOM Excel needs)
 * or as xlsx, to a new file (never an existing one unless forced) or csv to a stream. */
#ifndef GONGFU_EXPORT_H
#define GONGFU_EXPORT_H

#include <stdio.h>
#include "gongfu/err.h"
#include "gongfu/store.h"
#include "gongfu/targets.h"

enum export_format { EXPORT_CSV, EXPORT_CSV_BOM, EXPORT_XLSX };

struct export;

/* A new file at path; refused (-1, e naming it) when it exists unless force. */
int export_open(const char *path, enum export_format f, int force, struct export **out,
                struct err *e);
/* csv (or csv with the BOM) to an open stream, e.g. standard output. */
int export_open_stream(FILE *f, enum export_format fmt, struct export **out, struct err *e);
/* The targets, one row each, in the order given; sentences read from s. */
int export_targets(struct export *x, struct store *s, const struct target_row *rows, size_t n,
                   struct err *e);
/* The compare table: every target of every cell in long form, then (xlsx) the table as on
 * screen: category headings (when headings), one row per indicator, one column per region.
 * order: the rows in the order shown (indexes into t->rows; NULL for all in the table's
 * order). */
int export_compare(struct export *x, struct store *s, const struct compare_table *t,
                   const long *order, size_t n, int headings, struct err *e);
/* Progress: one row per target beside the value reported for it — region, indicator, its
 * slug, comparator, target (a number where there is one), unit, year, frequency, flags,
 * reported, its unit and year, status, set_by, and each side's source and sentence. */
int export_progress(struct export *x, struct store *s, const struct progress_table *p,
                    struct err *e);
/* commit: the file is complete, move it into place; else remove it. Frees *x. 0 or -1. */
int export_close(struct export **x, int commit, struct err *e);

/* 1 when the row's targets are set for more than one year: each cell then says its years. */
int export_mixed_years(const struct compare_table *t, const struct compare_row *row);

/* The sentence of text around [start, end): from after the previous 。！？；or line break to
 * the next one, inclusive. malloc'd. */
char *export_sentence(const char *text, size_t start, size_t end);

#endif
