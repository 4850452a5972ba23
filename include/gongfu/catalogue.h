/* catalogue.h — the hand-made catalogue of indicators (data/indicators.tsv) and the
 * linker that names the indicator an extracted target's phrase refers to.
 *
 * File format: UTF-8, tab-separated, one header row, '#' starts a comment line:
 *   slug  name  unit  direction  category  aliases
 * aliases are phrasings separated by '|', written in Simplified; the name is an alias too.
 * Matching folds both sides (Traditional → Simplified, NFKC, case) and ignores spaces,
 * so 每千人口擁有嬰幼兒照護設施托位數 finds an alias written 每千人口拥有婴幼儿照护设施托位数.
 * The catalogue names indicators; it never holds values. */
#ifndef GONGFU_CATALOGUE_H
#define GONGFU_CATALOGUE_H

#include <stddef.h>
#include "gongfu/err.h"

struct indicator {
    char *slug, *name, *unit, *direction, *category;
    char **aliases;        /* as written in the file, the name first */
    size_t naliases;
    int line;              /* line in the file, for messages */
};

struct catalogue;

/* Parses a catalogue held in memory; `name` is used in messages ("indicators.tsv:12: …").
 * Any malformed line is an error naming the file and line. 0 or -1. */
int catalogue_parse(const char *text, size_t n, const char *name, struct catalogue **out,
                    struct err *e);
/* Reads and parses a file. 0 or -1 (a missing file is an error naming it). */
int catalogue_load(const char *path, struct catalogue **out, struct err *e);
void catalogue_free(struct catalogue **c);

size_t catalogue_count(const struct catalogue *c);
const struct indicator *catalogue_at(const struct catalogue *c, size_t i);
const struct indicator *catalogue_by_slug(const struct catalogue *c, const char *slug);
/* A digest of the file's content, to notice that a database was linked with another one. */
const char *catalogue_digest(const struct catalogue *c);

/* The indicator whose alias is the longest one that ends exactly where `key` ends and
 * starts at or after byte `min_start` and at or before byte `max_start`; `key` is
 * folded text (see targets_fold_key). NULL when none. *match_start gets where the
 * alias begins in key (may be NULL). */
const struct indicator *catalogue_link(const struct catalogue *c, const char *key,
                                       size_t min_start, size_t max_start,
                                       size_t *match_start);

#endif
