/* units.h — what a target's unit measures, so values of one indicator can be put side by
 * side: the scale of its multipliers (万元 is 10⁴ × 元) and a key for what it counts,
 * folded as search folds text (萬元 and 万元, 張 and 张 alike), every measure word that
 * counts things (个 张 家 名 …, the extractor's classifiers) being one key: the
 * places of one indicator are 4.5个 in one plan and 4.5張 in another. */
#ifndef GONGFU_UNITS_H
#define GONGFU_UNITS_H

/* The unit's multipliers (十 百 千 万 亿, also 萬 億) as a factor; *base gets the rest of
 * the unit, unscaled ("万元" → 10000, "元"; "千米" stays a unit of its own). */
double units_scale(const char *unit, const char **base);

/* What a unit counts, as a key: equal keys measure the same thing once scaled by
 * units_scale. malloc'd; NULL when out of memory. */
char *units_key(const char *unit);

/* Do two units measure the same thing (their keys are equal)? */
int units_same(const char *a, const char *b);

/* Can a value written in `unit` be a value of an indicator measured in `ind_unit`? Not
 * when the indicator is a rate (%, ‰, 百分点) and the value counts or measures something
 * ("新建…生活圈2415个" is no 覆盖率); a value whose unit the source lost fits. */
int units_fit(const char *ind_unit, const char *unit);

#endif
