/* fuzz_import — a whole file through decode, lines, headings, clean and structure, as
 * `gongfu import` does before it writes to the database. Beyond "no crash" it checks
 * what the rest of gongfu relies on: every node's raw span lies inside the input, a
 * child's inside its parent's, siblings' spans do not overlap, outline paths are unique
 * within a document, and every string handed on is valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "fuzz.h"
#include "gongfu/decode.h"
#include "gongfu/describe.h"
#include "gongfu/structure.h"

static struct regions regions;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_load_regions(&regions);
    return 0;
}

static void check_utf8(const char *what, const char *s)
{
    if (s && u8_check((const uint8_t *)s, strlen(s)))
        fuzz_fail("%s is not valid UTF-8: %s", what, s);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_doc(const struct doc *d, size_t size)
{
    check_utf8("title", d->title), check_utf8("issuer", d->issuer);
    check_utf8("region", d->region), check_utf8("published", d->published);
    if (!d->title || !d->slug || !d->kind)
        fuzz_fail("document without title, slug or kind");
    char **paths = malloc((d->nnodes + 1) * sizeof *paths);
    size_t npaths = 0;
    /* last[p + 1]: the previous child of node p (p = -1: top level), for the overlap check */
    int *last = malloc((d->nnodes + 1) * sizeof *last);
    if (!paths || !last)
        fuzz_fail("out of memory");
    for (size_t i = 0; i <= d->nnodes; i++)
        last[i] = -1;
    for (size_t i = 0; i < d->nnodes; i++) {
        const struct node *n = &d->nodes[i];
        if (n->raw_start > n->raw_end || n->raw_end > size)
            fuzz_fail("node %zu (%s %s): span [%zu,%zu) outside the input of %zu bytes", i,
                      node_kind_name(n->kind), n->path ? n->path : "", n->raw_start,
                      n->raw_end, size);
        if (n->parent >= (int)i || n->parent < -1)
            fuzz_fail("node %zu: parent %d not before it", i, n->parent);
        if (n->parent >= 0) {
            const struct node *p = &d->nodes[n->parent];
            if (p->kind == NODE_PARAGRAPH)
                fuzz_fail("node %zu: parent is a paragraph", i);
            if (n->raw_start < p->raw_start || n->raw_end > p->raw_end)
                fuzz_fail("node %zu (%s) [%zu,%zu) outside its parent %d [%zu,%zu)", i,
                          node_kind_name(n->kind), n->raw_start, n->raw_end, n->parent,
                          p->raw_start, p->raw_end);
        }
        int prev = last[n->parent + 1];
        if (prev >= 0 && d->nodes[prev].raw_end > n->raw_start)
            fuzz_fail("nodes %d [%zu,%zu) and %zu [%zu,%zu) overlap (siblings)", prev,
                      d->nodes[prev].raw_start, d->nodes[prev].raw_end, i, n->raw_start,
                      n->raw_end);
        last[n->parent + 1] = (int)i;
        if (n->kind == NODE_PARAGRAPH) {
            if (!n->text || !n->text[0] || n->parent < 0)
                fuzz_fail("paragraph %zu: no text or no section", i);
            check_utf8("paragraph", n->text);
        } else {
            if (!n->path)
                fuzz_fail("section %zu has no outline path", i);
            paths[npaths++] = n->path;
            check_utf8("heading", n->title), check_utf8("label", n->label);
        }
    }
    qsort(paths, npaths, sizeof *paths, cmp_str);
    for (size_t i = 1; i < npaths; i++)
        if (!strcmp(paths[i - 1], paths[i]))
            fuzz_fail("outline path %s appears twice in %s", paths[i], d->slug);
    free(paths);
    free(last);
}

/* The text-to-raw map never goes backwards and never leaves the input. */
static void check_map(const struct decoded *d, size_t size)
{
    size_t step = d->len > 4096 ? d->len / 4096 : 1, prev = 0;
    for (size_t t = 0; t <= d->len; t += step) {
        size_t r = decoded_raw_offset(d, t);
        if (r > size || r < prev)
            fuzz_fail("text offset %zu maps to raw %zu (previous %zu, size %zu)", t, r, prev,
                      size);
        prev = r;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct err e = {{0}};
    struct decoded d;
    if (decode_bytes((const char *)data, size, NULL, &d, &e) < 0)
        return 0;
    if (u8_check((const uint8_t *)d.text, d.len) || strlen(d.text) != d.len)
        fuzz_fail("decoded text is not NUL-free UTF-8 (%s)", d.encoding);
    check_map(&d, size);
    struct structure_opts o = {.regions = &regions, .fallback_title = "fuzz.txt"};
    struct doc *docs = NULL;
    size_t ndocs = 0;
    if (structure_parse(&d, &o, &docs, &ndocs, &e) == 0) {
        size_t prev_end = 0;
        for (size_t i = 0; i < ndocs; i++) {
            check_doc(&docs[i], size);
            /* Documents follow each other in the file. */
            for (size_t k = 0; k < docs[i].nnodes; k++)
                if (docs[i].nodes[k].parent < 0 && docs[i].nodes[k].raw_start < prev_end)
                    fuzz_fail("document %zu starts inside document %zu", i, i - 1);
            for (size_t k = 0; k < docs[i].nnodes; k++)
                if (docs[i].nodes[k].raw_end > prev_end)
                    prev_end = docs[i].nodes[k].raw_end;
        }
        structure_free(&docs, ndocs);
    }
    decoded_free(&d);
    return 0;
}
