/* itable.h — tables of indicators (主要指标表), as the readers render tables: one row a
 * line, cells between '|' ("| 指标 | 单位 | 2020年 | 2025年 | 属性 |"), also typed so in a
 * text. The header names the columns: the indicator (指标, 指标名称, 项目), its unit (单位),
 * the years (2020年, 2025年目标, 2025年（基期）; a second header row may hold the years
 * under a spanning 目标值), its attribute (属性: 预期性/约束性) and a category. Each data row
 * gives, per year column, a value: a target for a year the document looks ahead to, a
 * reported value for one it looks back on (before the document's year; without a date,
 * the earliest of several year columns, or one its header calls 基期/现状). Values keep
 * their comparators (≥80, ＞5, <1.6, 5左右, 80以上), a cumulative five-year value stands in
 * brackets ([30], 〔30〕), a unit comes from the unit column, the indicator cell ("城镇化率
 * （%）"), the value ("75%") or, lost, the catalogue. Linked to the catalogue as the
 * sentence extractor links (targets_fold_key, catalogue_link). */
#ifndef GONGFU_ITABLE_H
#define GONGFU_ITABLE_H

#include <stddef.h>
#include "gongfu/targets.h"

/* Is this line a table row ("| a | b |", or "a | b | c" as copied text has it)? */
int itable_is_row(const char *s, size_t n);

/* Is this row the header of a table of indicators (an indicator column and a year)? When
 * the years stand in the row below (under a spanning 目标值), next is that row (else NULL). */
int itable_is_header(const char *s, size_t n, const char *next, size_t nnext);

/* Appends the targets and reported values of every table of indicators in text[0..n) (a
 * section's paragraphs joined by "\n"; spans are offsets into it). 0, or -1 when out of
 * memory. */
int itable_extract(const char *text, size_t n, const struct targets_opts *o,
                   struct target_list *out, struct err *e);

#endif
