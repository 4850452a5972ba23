/* panel_data.c — what the target panel reads, and its entries. A document's spans are
 * read when the reader first shows it. When the cursor reaches a target, the rows of its
 * indicator are read through the indicator's index (targets_measure_rows), with their
 * progress paired among them, and kept for the next few indicators: a key costs the
 * indicator it leads to, never every target of the corpus (issue 15: at 100× that read
 * was seconds, and the first follow sorted every target). The regions' order is read at
 * the first target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "panel_int.h"

/* Document doc's spans alone, for the reader (one query of four columns). */
static void read_doc_spans(struct pane *pn, int doc)
{
    struct panel *p = pn->state;
    struct target_span *ts = NULL;
    size_t n = 0;
    struct err e = { "" };
    p->doc_read[doc] = 1;
    if (targets_doc_spans(store_db(pn->ui->corpus->store), pn->ui->corpus->docs[doc].slug,
                          &ts, &n, &e) < 0) {
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
        return;
    }
    struct secspan *v = n ? malloc(n * sizeof *v) : NULL;
    for (size_t i = 0; v && i < n; i++)
        v[i] = (struct secspan){ ts[i].node_id, (long)ts[i].start, (long)ts[i].end,
                                 (long)ts[i].id };
    free(ts);
    if (v || !n) {
        p->doc_spans[doc] = v;
        p->ndoc_spans[doc] = v ? n : 0;
    }
}

size_t panel_doc_spans(struct pane *pn, int doc, const struct secspan **out)
{
    struct panel *p = pn->state;
    *out = NULL;
    if (!p->doc_spans || doc < 0 || (size_t)doc >= pn->ui->corpus->ndocs || !pn->usable)
        return 0;
    if (!p->doc_read[doc])
        read_doc_spans(pn, doc);
    *out = p->doc_spans[doc];
    return p->ndoc_spans[doc];
}

/* The regions in the order the compare table has them; once. Not needed to read a
 * target: without them the panel lists only the regions that set it. */
static void read_regions(struct pane *pn)
{
    struct panel *p = pn->state;
    struct err e = { "" };
    if (p->regions_read)
        return;
    p->regions_read = 1;
    if (targets_regions(store_db(pn->ui->corpus->store), &p->regions, &p->nregions, &e) < 0)
        p->regions = NULL, p->nregions = 0;
}

/* The phrases of values reported under no indicator, read once and only when a target is
 * read alone (the document's own measures pair their progress without them); without
 * them an unlinked target shows no status. */
static const struct target_keys *reported_keys(struct pane *pn)
{
    struct panel *p = pn->state;
    struct err e = { "" };
    if (!p->keys_read) {
        p->keys_read = 1;
        if (targets_reported_keys(store_db(pn->ui->corpus->store), &p->keys, &e) < 0)
            memset(&p->keys, 0, sizeof p->keys);
    }
    return &p->keys;
}

/* ---- the measures read, a few kept ---- */

static void measure_free(struct panel_measure *m)
{
    target_rows_free(&m->rows, m->n);
    free(m->status);
    free(m->by_id);
    memset(m, 0, sizeof *m);
}

static const struct target_row *sort_rows;

static int by_id_cmp(const void *x, const void *y)
{
    int64_t a = sort_rows[*(const size_t *)x].id, b = sort_rows[*(const size_t *)y].id;
    return a < b ? -1 : a > b;
}

/* The row of m with this id, NULL if none. */
static const struct target_row *measure_row(const struct panel_measure *m, long id)
{
    size_t lo = 0, hi = m->rows ? m->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t at = m->rows[m->by_id[mid]].id;
        if (at == id)
            return &m->rows[m->by_id[mid]];
        if (at < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Each target's status, paired among the measure's own rows as targets_progress pairs
 * it among every row; the index by id. 0 or -1. */
static int measure_index(struct panel_measure *m, struct err *e)
{
    struct progress_row *prog = NULL;
    size_t nprog = 0;
    m->status = calloc(m->n + 1, sizeof *m->status);
    m->by_id = malloc((m->n + 1) * sizeof *m->by_id);
    if (!m->status || !m->by_id || targets_progress_rows(m->rows, m->n, &prog, &nprog, e) < 0)
        return err_set(e, "out of memory"), -1;
    for (size_t i = 0; i < nprog; i++)
        if (prog[i].target)
            m->status[prog[i].target - m->rows] = prog[i].status;
    free(prog);
    for (size_t i = 0; i < m->n; i++)
        m->by_id[i] = i;
    sort_rows = m->rows;
    qsort(m->by_id, m->n, sizeof *m->by_id, by_id_cmp);
    return 0;
}

static void doc_measures_free(struct panel *p)
{
    for (size_t i = 0; i < p->ndoc_measures; i++)
        measure_free(&p->doc_measures[i]);
    free(p->doc_measures);
    p->doc_measures = NULL;
    p->ndoc_measures = 0;
    p->measures_doc = -1;
}

/* The rows of one indicator, moved out of rows[i..j) into a measure of their own. */
static int take_measure(struct panel_measure *m, struct target_row *rows, size_t i, size_t j,
                        struct err *e)
{
    memset(m, 0, sizeof *m);
    if (!(m->rows = malloc((j - i + 1) * sizeof *m->rows)))
        return err_set(e, "out of memory"), -1;
    memcpy(m->rows, rows + i, (j - i) * sizeof *m->rows);
    m->n = j - i;
    memset(rows + i, 0, (j - i) * sizeof *rows);    /* their strings are m's now */
    return measure_index(m, e);
}

/* The measures of document doc's indicators, in place of another document's. */
static int read_doc_measures(struct pane *pn, int doc, struct err *e)
{
    struct panel *p = pn->state;
    struct target_row *rows;
    size_t n, nm = 0;
    doc_measures_free(p);
    p->measures_doc = doc;
    if (targets_doc_measures(store_db(pn->ui->corpus->store), pn->ui->corpus->docs[doc].slug,
                             &rows, &n, e) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        nm += !i || strcmp(rows[i].indicator_slug, rows[i - 1].indicator_slug);
    int rc = (p->doc_measures = calloc(nm + 1, sizeof *p->doc_measures)) ? 0 : -1;
    for (size_t i = 0, j; rc == 0 && i < n; i = j) {
        for (j = i + 1; j < n && !strcmp(rows[j].indicator_slug, rows[i].indicator_slug); j++)
            ;
        rc = take_measure(&p->doc_measures[p->ndoc_measures++], rows, i, j, e);
    }
    target_rows_free(&rows, n);
    if (rc < 0)
        err_set(e, "out of memory");
    return rc;
}

/* The measure holding target id: the reader's document's (read at its first target), one
 * kept, else one read into the place of the one shown longest ago. NULL when no target
 * has the id or the database fails (then why is set). */
static struct panel_measure *measure_of(struct pane *pn, long id, const struct target_row **row)
{
    struct panel *p = pn->state;
    struct panel_measure *m = NULL;
    struct err e = { "" };
    int doc = pn->ui->sel.doc;
    if (doc >= 0 && doc != p->measures_doc && read_doc_measures(pn, doc, &e) < 0) {
        doc_measures_free(p);
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
        return NULL;
    }
    for (size_t i = 0; i < p->ndoc_measures; i++)
        if ((*row = measure_row(&p->doc_measures[i], id)))
            return &p->doc_measures[i];
    for (size_t i = 0; i < PANEL_MEASURES; i++)
        if (p->cache[i].rows && (*row = measure_row(&p->cache[i], id))) {
            m = &p->cache[i];
            m->used = ++p->clock;
            return m;
        }
    m = &p->cache[0];
    for (size_t i = 1; i < PANEL_MEASURES; i++)
        if (p->cache[i].used < m->used)
            m = &p->cache[i];
    measure_free(m);
    if (targets_measure_rows(store_db(pn->ui->corpus->store), id, reported_keys(pn),
                             &m->rows, &m->n, &e) < 0 || measure_index(m, &e) < 0) {
        measure_free(m);
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
        return NULL;
    }
    if (!(*row = measure_row(m, id))) {
        measure_free(m);
        return NULL;
    }
    m->used = ++p->clock;
    return m;
}

static int holds(const struct panel_measure *m, const struct target_row *t)
{
    return m->rows && t >= m->rows && t < m->rows + m->n;
}

/* The measure the shown row is one of. */
static const struct panel_measure *shown_measure(const struct panel *p)
{
    for (size_t i = 0; p->shown && i < p->ndoc_measures; i++)
        if (holds(&p->doc_measures[i], p->shown))
            return &p->doc_measures[i];
    for (size_t i = 0; p->shown && i < PANEL_MEASURES; i++)
        if (holds(&p->cache[i], p->shown))
            return &p->cache[i];
    return NULL;
}

enum progress_status panel_status(const struct panel *p, const struct target_row *t)
{
    const struct panel_measure *m = shown_measure(p);
    if (!m || !holds(m, t))
        return PROGRESS_NO_DATA;
    return m->status[t - m->rows];
}

/* ---- the entries ---- */

void panel_drop_entries(struct panel *p)
{
    free(p->across);
    p->across = NULL;
    p->nacross = 0;
    for (size_t i = 0; i < p->nentries; i++)
        free(p->entries[i].text);
    free(p->entries);
    p->entries = NULL;
    p->nentries = p->sel = p->first = 0;
}

void panel_data_free(struct panel *p)
{
    panel_drop_entries(p);
    doc_measures_free(p);
    for (size_t i = 0; i < PANEL_MEASURES; i++)
        measure_free(&p->cache[i]);
    target_keys_free(&p->keys);
    for (size_t i = 0; i < p->nregions; i++)
        free(p->regions[i]);
    free(p->regions);
}

static int add_entry(struct panel *p, const char *region, const char *label,
                     const struct target_row *const *t, size_t n)
{
    struct panel_entry *v = realloc(p->entries, (p->nentries + 1) * sizeof *v);
    if (!v)
        return -1;
    p->entries = v;
    v[p->nentries++] = (struct panel_entry){ region, label, t, n, NULL, 0 };
    return 0;
}

/* A region's rows (from across[i], n of them, targets first): its targets' entry, then
 * its latest reported value's. */
static void add_region(struct panel *p, const char *region, size_t i, size_t n)
{
    size_t nt = 0;
    while (nt < n && p->across[i + nt]->kind == TK_TARGET)
        nt++;
    add_entry(p, region, region, nt ? &p->across[i] : NULL, nt);
    size_t latest = 0;
    for (size_t k = nt; k < n; k++)
        if (!latest || p->across[i + k]->year >= p->across[latest]->year)
            latest = i + k;
    if (n > nt)
        add_entry(p, region, "实际", &p->across[latest], 1);
}

/* Within each region's run of across, the targets before the reported values, each in
 * its order: a stable partition through a copy (moving each target back past the values
 * before it was quadratic: at 1000× one region's run of an indicator is thousands). */
static void targets_first(struct panel *p)
{
    const struct target_row **tmp = malloc((p->nacross + 1) * sizeof *tmp);
    if (!tmp)
        return;
    for (size_t i = 0; i < p->nacross;) {
        size_t n = 1, k = 0;
        while (i + n < p->nacross && !strcmp(p->across[i + n]->region, p->across[i]->region))
            n++;
        for (int kind = TK_TARGET; kind <= TK_REPORTED; kind++)
            for (size_t a = i; a < i + n; a++)
                if ((int)p->across[a]->kind == kind)
                    tmp[k++] = p->across[a];
        memcpy(p->across + i, tmp, n * sizeof *tmp);
        i += n;
    }
    free(tmp);
}

/* A run of across of one region. */
struct run {
    const char *region;
    size_t i, n;
    int known;          /* a compared region's */
};

static const struct run *sort_runs;

static int by_region_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    int d = strcmp(sort_runs[a].region, sort_runs[b].region);
    return d ? d : (a > b) - (a < b);
}

/* One entry per compared region, in order (empty where a region sets no target), then
 * any other region that does. across is sorted by region already. Each region's run is
 * found by binary search over the runs by name: at 100× the corpus there are hundreds
 * of regions, and a walk over across for each was a key's milliseconds. */
static void build_entries(struct panel *p)
{
    targets_first(p);
    struct run *runs = malloc((p->nacross + 1) * sizeof *runs);
    size_t *order = malloc((p->nacross + 1) * sizeof *order), nruns = 0;
    if (!runs || !order) {
        free(runs), free(order);
        return;
    }
    for (size_t i = 0; i < p->nacross;) {
        size_t n = 1;
        while (i + n < p->nacross && !strcmp(p->across[i + n]->region, p->across[i]->region))
            n++;
        runs[nruns] = (struct run){ p->across[i]->region, i, n, 0 };
        order[nruns] = nruns;
        nruns++;
        i += n;
    }
    sort_runs = runs;
    qsort(order, nruns, sizeof *order, by_region_cmp);
    for (size_t r = 0; r < p->nregions; r++) {
        size_t lo = 0, hi = nruns;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(runs[order[mid]].region, p->regions[r]) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        int found = lo < nruns && !strcmp(runs[order[lo]].region, p->regions[r]);
        add_region(p, p->regions[r], found ? runs[order[lo]].i : p->nacross,
                   found ? runs[order[lo]].n : 0);
        for (size_t k = lo; k < nruns && !strcmp(runs[order[k]].region, p->regions[r]); k++)
            runs[order[k]].known = 1;
    }
    for (size_t g = 0; g < nruns; g++)
        if (!runs[g].known)
            add_region(p, runs[g].region, runs[g].i, runs[g].n);
    free(runs);
    free(order);
}

int panel_entry_has(const struct panel_entry *en, const struct target_row *t)
{
    for (size_t i = 0; i < en->n; i++)
        if (en->t[i] == t)
            return 1;
    return 0;
}

static void select_shown(struct panel *p)
{
    for (size_t k = 0; p->shown && k < p->nentries; k++)
        if (panel_entry_has(&p->entries[k], p->shown))
            p->sel = k;
}

/* The entries of the shown row's measure: for an indicator its rows, which are in the
 * compare order already (region, document, position); a row no indicator links alone. */
static void make_entries(struct panel *p, const struct panel_measure *m)
{
    p->across = malloc((m->n + 1) * sizeof *p->across);
    if (!p->across)
        return;
    if (!p->shown->indicator_slug)
        p->across[p->nacross++] = p->shown;
    else
        for (size_t i = 0; i < m->n; i++)
            p->across[p->nacross++] = &m->rows[i];
    build_entries(p);
    panel_entry_texts(p);
}

void panel_follow(struct pane *pn, long id)
{
    struct panel *p = pn->state;
    const struct target_row *t = NULL;
    const struct panel_measure *m = NULL;
    if (id >= 0 && pn->usable) {
        read_regions(pn);
        if (pn->ui->sel.doc != p->measures_doc) {   /* the entries point into them */
            panel_drop_entries(p);
            p->shown = NULL;
        }
        m = measure_of(pn, id, &t);
    }
    if (t == p->shown)
        return;
    const struct panel_measure *old = shown_measure(p);
    int same = t && old == m && t->indicator_slug && p->shown->indicator_slug;
    p->shown = t;
    if (same) {             /* another target of the indicator on show */
        select_shown(p);
        return;
    }
    panel_drop_entries(p);
    if (t) {
        make_entries(p, m);
        select_shown(p);
    }
}
