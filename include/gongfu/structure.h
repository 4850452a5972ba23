/* structure.h — decoded text of one file to documents → chapters → items → paragraphs,
 * dropping page chrome and keeping metadata as document fields. No file-specific code:
 * the rules follow the grammar of Chinese plan documents. */
#ifndef GONGFU_STRUCTURE_H
#define GONGFU_STRUCTURE_H

#include "gongfu/decode.h"
#include "gongfu/describe.h"
#include "gongfu/doc.h"
#include "gongfu/err.h"

struct structure_opts {
    const struct regions *regions;  /* known regions (data/regions.tsv), may be NULL */
    const char *region;             /* overrides what the title says, NULL to derive */
    const char *title;              /* overrides the first document's title */
    const char *fallback_title;     /* for a text with no title at all: the file name */
};

/* Fills *docs (malloc'd array of *ndocs). A text with no headings is one document with
 * one chapter. Returns 0, or -1 with e set. */
int structure_parse(const struct decoded *text, const struct structure_opts *opts,
                    struct doc **docs, size_t *ndocs, struct err *e);
void structure_free(struct doc **docs, size_t ndocs);

#endif
