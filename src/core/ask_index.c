/* ask_index.c — what an asker reads once: the grammar, the regions, the catalogue, the
 * documents, and every target and reported value grouped by what it measures (a catalogue
 * indicator, or the phrase of an unlinked one), each with the texts a subject is matched
 * against. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/paths.h"
#include "ask_int.h"

struct ask_files ask_data_files(void)
{
    return (struct ask_files){paths_data_file("ask.tsv"), paths_data_file("regions.tsv"),
                              paths_data_file("indicators.tsv"), paths_data_file("vocab.tsv")};
}

int ask_level_rank(const char *level)
{
    static const char *const order[] = {"national", "province", "city", "county"};
    for (int i = 0; level && i < 4; i++)
        if (!strcmp(level, order[i]))
            return i;
    return 4;
}

const struct region *ask_region(const struct ask *a, const char *name)
{
    for (size_t i = 0; name && i < a->regions.n; i++)
        if (!strcmp(a->regions.v[i].name, name))
            return &a->regions.v[i];
    return NULL;
}

int ask_region_has_docs(const struct ask *a, const char *region)
{
    for (size_t i = 0; i < a->ndocs; i++)
        if ((a->docs[i].row->region && !strcmp(a->docs[i].row->region, region)) ||
            (a->docs[i].subject && !strcmp(a->docs[i].subject, region)))
            return 1;
    return 0;
}

/* The region a document's targets are for: its own, unless its title names exactly one
 * region inside its own ("中共中央 国务院关于支持浙江…的意见" is about 浙江省). */
static const char *doc_subject(const struct ask *a, const struct doc_row *d)
{
    const struct region *own = ask_region(a, d->region);
    if (!own || !d->title)
        return d->region;
    size_t n;
    uint32_t *t = ask_fold_cps(d->title, strlen(d->title), &n);
    const struct region *found = NULL;
    int several = 0;
    for (size_t i = 0; t && i < n; i++) {
        const struct ask_word *w = ask_grammar_at(a->grammar, t, i, n);
        if (!w || w->role != AR_REGION)
            continue;
        const struct region *g = &a->regions.v[w->value];
        if (g != own && g != found && regions_within(&a->regions, g, own))
            several |= found != NULL, found = g;
        i += w->n - 1;
    }
    free(t);
    return found && !several ? found->name : d->region;
}

static int by_slug(const void *x, const void *y)
{
    const struct ask_doc *a = x, *b = y;
    return strcmp(a->row->slug, b->row->slug);
}

static size_t doc_of(const struct ask *a, const char *slug)
{
    size_t lo = 0, hi = a->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(a->docs[mid].row->slug, slug);
        if (!c)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return a->ndocs;
}

const struct ask_doc *ask_doc_by_slug(const struct ask *a, const char *slug)
{
    size_t d = doc_of(a, slug);
    return d < a->ndocs ? &a->docs[d] : NULL;
}

static int by_id(const void *x, const void *y, void *ctx)
{
    const struct ask *s = ctx;
    int64_t a = s->docs[*(const size_t *)x].row->id, b = s->docs[*(const size_t *)y].row->id;
    return a < b ? -1 : a > b;
}

const struct ask_doc *ask_doc_by_id(const struct ask *a, int64_t id)
{
    size_t lo = 0, hi = a->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int64_t m = a->docs[a->doc_by_id[mid]].row->id;
        if (m == id)
            return &a->docs[a->doc_by_id[mid]];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int load_docs(struct ask *a, struct err *e)
{
    size_t n;
    if (store_docs(a->store, &a->docrows, &n, e) < 0)
        return -1;
    if (!(a->docs = calloc(n + 1, sizeof *a->docs)))
        return err_set(e, "out of memory"), -1;
    for (size_t i = 0; i < n; i++)
        a->docs[i].row = &a->docrows[i];
    a->ndocs = n;
    qsort(a->docs, n, sizeof *a->docs, by_slug);
    if (!(a->doc_by_id = malloc((n + 1) * sizeof *a->doc_by_id)))
        return err_set(e, "out of memory"), -1;
    for (size_t i = 0; i < n; i++) {
        a->docs[i].subject = doc_subject(a, a->docs[i].row);
        a->doc_by_id[i] = i;
    }
    qsort_r(a->doc_by_id, n, sizeof *a->doc_by_id, by_id, a);
    return 0;
}

/* ---- keys: a small open-addressing table from a key string to its index ---- */

struct key_table {
    char **names;       /* "slug" or "=phrase key", owned */
    size_t *index;
    size_t cap;
};

static size_t hash(const char *s)
{
    size_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static int text_add(struct ask_key *k, const char *s)
{
    size_t n;
    uint32_t *cp = ask_fold_cps(s, strlen(s), &n);
    if (!cp)
        return -1;
    for (size_t i = 0; i < k->ntexts; i++)
        if (k->ntext[i] == n && !memcmp(k->texts[i], cp, n * sizeof *cp)) {
            free(cp);
            return 0;
        }
    uint32_t **t = realloc(k->texts, (k->ntexts + 1) * sizeof *t);
    size_t *nt = t ? realloc(k->ntext, (k->ntexts + 1) * sizeof *nt) : NULL;
    if (t)
        k->texts = t;
    if (!nt)
        return free(cp), -1;
    k->ntext = nt;
    k->texts[k->ntexts] = cp;
    k->ntext[k->ntexts++] = n;
    return 0;
}

static long key_for(struct ask *a, struct key_table *kt, size_t *kcap,
                    const struct target_row *r)
{
    char *name = NULL;
    if (r->indicator_slug)
        name = strdup(r->indicator_slug);
    else {
        /* The folded phrase the linker matched, as targets_progress pairs by it. */
        char *k = r->key && *r->key ? strdup(r->key) : targets_fold_key(r->phrase,
                                                                         strlen(r->phrase));
        if (k && (name = malloc(strlen(k) + 2)))
            name[0] = '=', strcpy(name + 1, k);
        free(k);
    }
    if (!name)
        return -1;
    size_t h = hash(name) & (kt->cap - 1);
    while (kt->names[h] && strcmp(kt->names[h], name))
        h = (h + 1) & (kt->cap - 1);
    if (kt->names[h]) {
        free(name);
        return (long)kt->index[h];
    }
    if (array_grow((void **)&a->keys, kcap, a->nkeys + 1, sizeof *a->keys) < 0)
        return free(name), -1;
    struct ask_key *k = &a->keys[a->nkeys];
    memset(k, 0, sizeof *k);
    k->ind = r->indicator_slug ? catalogue_by_slug(a->cat, r->indicator_slug) : NULL;
    k->name = strdup(r->indicator_name ? r->indicator_name : r->phrase);
    k->id = strdup(name + (name[0] == '='));
    if (!k->name || !k->id)
        return free(name), -1;
    for (size_t i = 0; k->ind && i < k->ind->naliases; i++)
        if (text_add(k, k->ind->aliases[i]) < 0)
            return free(name), -1;
    kt->names[h] = name;
    kt->index[h] = a->nkeys;
    return (long)a->nkeys++;
}

static int load_rows(struct ask *a, struct err *e)
{
    struct target_filter f = {.kind = TARGET_KIND_ALL};
    if (targets_query(store_db(a->store), &f, &a->rows, &a->nrows, e) < 0)
        return -1;
    struct key_table kt = {0};
    for (kt.cap = 64; kt.cap < a->nrows * 2 + 2; kt.cap *= 2)
        ;
    kt.names = calloc(kt.cap, sizeof *kt.names);
    kt.index = calloc(kt.cap, sizeof *kt.index);
    a->row_key = calloc(a->nrows + 1, sizeof *a->row_key);
    a->row_region = calloc(a->nrows + 1, sizeof *a->row_region);
    a->row_doc = calloc(a->nrows + 1, sizeof *a->row_doc);
    a->row_reg = calloc(a->nrows + 1, sizeof *a->row_reg);
    size_t kcap = 0;
    int rc = kt.names && kt.index && a->row_key && a->row_region && a->row_doc && a->row_reg
             ? 0 : -1;
    const char *last = NULL;
    const struct region *last_reg = NULL;
    for (size_t i = 0; rc == 0 && i < a->nrows; i++) {
        const struct target_row *r = &a->rows[i];
        long k = key_for(a, &kt, &kcap, r);
        if (k < 0 || text_add(&a->keys[k], r->phrase) < 0) {
            rc = -1;
            break;
        }
        a->row_key[i] = (size_t)k;
        size_t d = doc_of(a, r->doc_slug);
        a->row_doc[i] = d;
        /* A target the text sets for another region keeps that region; one the document
         * sets for itself is for the region the document is about. */
        int own = r->region && r->set_by && !strcmp(r->region, r->set_by);
        a->row_region[i] = own && d < a->ndocs && a->docs[d].subject ? a->docs[d].subject
                           : r->region;
        /* Rows come grouped by region: look each up once. */
        if (!last || !a->row_region[i] || strcmp(last, a->row_region[i]))
            last = a->row_region[i], last_reg = ask_region(a, last);
        a->row_reg[i] = last_reg;
    }
    for (size_t i = 0; i < kt.cap; i++)
        free(kt.names ? kt.names[i] : NULL);
    free(kt.names);
    free(kt.index);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}

char *ask_section_text(struct ask *a, int64_t node_id)
{
    struct err e = {{0}};
    char *text = store_section_text(a->store, node_id, &e);
    if (!text && !a->read_failed) {
        a->read_failed = 1;
        err_set(&a->read_err, "%s", e.msg[0] ? e.msg : "out of memory");
    }
    return text;
}

int ask_index_load(struct ask *a, struct err *e)
{
    return load_docs(a, e) < 0 || load_rows(a, e) < 0 ? -1 : 0;
}

void ask_index_free(struct ask *a)
{
    for (size_t i = 0; i < a->nkeys; i++) {
        for (size_t t = 0; t < a->keys[i].ntexts; t++)
            free(a->keys[i].texts[t]);
        free(a->keys[i].texts);
        free(a->keys[i].ntext);
        free(a->keys[i].name);
        free(a->keys[i].id);
    }
    free(a->keys);
    target_rows_free(&a->rows, a->nrows);
    progress_table_free(&a->progress);
    free(a->row_key);
    free(a->row_region);
    free(a->row_doc);
    free(a->row_reg);
    store_docs_free(&a->docrows, a->ndocs);
    free(a->docs);
    free(a->doc_by_id);
}
