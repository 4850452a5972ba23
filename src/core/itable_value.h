/* itable_value.h — (private to itable.c) what a cell of a table of indicators says: a value
 * with its comparator, brackets and unit, or words. */
#ifndef GONGFU_ITABLE_VALUE_H
#define GONGFU_ITABLE_VALUE_H

#include <stddef.h>
#include "gongfu/targets.h"

struct cell_value {
    int number;              /* a number was read */
    int words;               /* words (全覆盖, 达到中等发达经济体水平), not a number */
    double value;
    enum target_cmp cmp;
    unsigned flags;          /* TF_APPROX for 左右 and ranges */
    int change_to;           /* a verb that changes a level to the value (降至): at most the
                                value for a goal, the value itself once reached */
    int cumulative;          /* [30], 〔30〕: a five-year total, as plans' tables mark it */
    size_t vs, ve;           /* the number (or the words) */
    size_t us, ue;           /* a unit written with it ("75%", "8万人"), empty when none */
};

/* Reads the cell t[a..b). A dash, a slash or nothing is no value (number and words 0). */
void itable_cell_value(const char *t, size_t a, size_t b, struct cell_value *v);

/* An indicator cell with its unit in brackets at the end ("城镇化率（%）", "人均GDP(万元)"):
 * *pe is where the phrase ends and [*us, *ue) the unit; else *pe = b and the unit empty. */
void itable_phrase_unit(const char *t, size_t a, size_t b, size_t *pe, size_t *us, size_t *ue);

#endif
