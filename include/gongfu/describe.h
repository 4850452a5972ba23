/* describe.h — what a document is, from its own title: its kind (plan, opinions …), its
 * region and level, and a stable slug. Regions come from data/regions.tsv. */
#ifndef GONGFU_DESCRIBE_H
#define GONGFU_DESCRIBE_H

#include <stddef.h>
#include "gongfu/doc.h"
#include "gongfu/err.h"

struct region {
    char *name, *slug, *level;
    char **aliases;
    size_t naliases;
};

struct regions {
    struct region *v;
    size_t n;
};

/* Reads "name<TAB>slug<TAB>level<TAB>alias|alias…" lines; '#' starts a comment.
 * Errors name the file and line. */
int regions_load(const char *path, struct regions *out, struct err *e);
void regions_free(struct regions *r);

/* The kind of document a title names ("plan" for …实施方案, "opinions" for …的意见), or
 * NULL when the line does not end in a document type. */
const char *describe_title_kind(const char *s, size_t n);

/* Fills title (override, else as found, else fallback), region, level, kind and slug. */
int describe_doc(struct doc *d, const struct regions *r, const char *title, const char *region,
                 const char *fallback_title, struct err *e);

#endif
