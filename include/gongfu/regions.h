/* regions.h — the regions documents are for (data/regions.tsv): every province-level
 * division of China, every city and county-level division of Zhejiang, each with its level
 * (national, province, city, county), its parent and the ways texts write it. */
#ifndef GONGFU_REGIONS_H
#define GONGFU_REGIONS_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/err.h"

struct region {
    char *name, *slug, *level;
    char *parent;            /* the parent's name, NULL for 全国 */
    char **aliases;          /* the name first */
    size_t naliases;
};

struct region_alias;

struct regions {
    struct region *v;
    size_t n;
    /* Every alias by its first two bytes, for finding them in text (regions.c). */
    struct region_alias *alias;
    size_t nalias;
    uint32_t *bucket;        /* REGIONS_BUCKETS + 1 starts into alias */
    /* Bytes some alias begins with: a text is asked at every byte, nearly all no alias's. */
    unsigned char starts[256];
};

/* Reads "name<TAB>slug<TAB>level<TAB>alias|alias…[<TAB>parent]" lines; '#' starts a comment.
 * Errors name the file and line. */
int regions_load(const char *path, struct regions *out, struct err *e);
void regions_free(struct regions *r);

/* The region one of whose aliases is exactly name, or NULL. */
const struct region *regions_by_name(const struct regions *r, const char *name);
/* Its parent, or NULL at the top. */
const struct region *regions_parent(const struct regions *r, const struct region *g);
/* Is g the region a or inside it? */
int regions_within(const struct regions *r, const struct region *g, const struct region *a);

/* The region a title names: its earliest alias (the longest at that place), narrowed by
 * aliases of regions inside it that follow at once ("浙江省温州市龙港市…" → 龙港市). NULL when
 * none. */
const struct region *regions_in_title(const struct regions *r, const char *s, size_t n);

/* The region a body of text mentions most, at least min times and in at least half of all
 * its mentions of regions: provinces, cities and the full names of counties (a bare county
 * name is too often a common word); 全国 is left out, as every document mentions it. NULL
 * when none does. */
const struct region *regions_in_text(const struct regions *r, const char *s, size_t n, int min);

#endif
