/* panel.c — the target panel (panel_ops): the indicator of the value under the reading
 * cursor, set by every region side by side (the province first), each target with the
 * value reported for it and its status, each value one key from its source. It is the
 * reader's target span source: a document's spans are read when the reader first shows
 * it. Every target and reported value, with their progress, is read when the cursor first
 * reaches one (at 100× the corpus that is seconds, which the first screen does not wait
 * for, issue 15); the cross-region rows of one indicator are picked out of them when the
 * cursor reaches a value of another indicator. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/targets.h"
#include "draw.h"
#include "ui.h"

/* One entry of the panel: a region's targets for the indicator (n may be 0: it set none),
 * or the latest value the region reported for it, after them ("实际 76% (2025)"). */
struct panel_entry {
    const char *region;
    const char *label;          /* what the entry shows first: the region, or 实际 */
    const struct target_row *const *t;
    size_t n;
};

struct panel {
    struct target_row *all;     /* every target and reported value; a span's id is its id */
    size_t nall;
    int all_read;               /* all (and prog, regions) read, or tried */
    unsigned char *doc_read;    /* per document: its spans are in doc_spans */
    struct progress_table prog; /* each target's reported value and status */
    const struct progress_row **progress;  /* by index in all; NULL for no target */
    size_t *by_id;              /* indexes into all, by target id */
    size_t *by_slug;            /* indexes into all, by indicator (made at the first follow) */
    struct secspan **doc_spans; /* per document */
    size_t *ndoc_spans;
    char **regions;             /* the order regions are compared in */
    size_t nregions;
    long shown;                 /* index in all of the target on show, -1 if none */
    const struct target_row **across;  /* the shown target's indicator, every region */
    size_t nacross;
    struct panel_entry *entries;
    size_t nentries, sel;
    size_t first;               /* the first entry shown: the selected one stays in view */
};

static const struct target_row *sort_all;

static int by_id_cmp(const void *x, const void *y)
{
    int64_t a = sort_all[*(const size_t *)x].id, b = sort_all[*(const size_t *)y].id;
    return a < b ? -1 : a > b;
}

/* The index in all of the target with this id, -1 if none. */
static long find(const struct panel *p, long id)
{
    size_t lo = 0, hi = p->nall;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int64_t m = p->all[p->by_id[mid]].id;
        if (m == id)
            return (long)p->by_id[mid];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static const struct target_row *sort_slug;

/* By indicator, the rows of none (a phrase no indicator links) last; all's order within. */
static int by_slug_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    const char *sa = sort_slug[a].indicator_slug, *sb = sort_slug[b].indicator_slug;
    int d = sa && sb ? strcmp(sa, sb) : (!sa) - (!sb);
    return d ? d : (a > b) - (a < b);
}

static int index_slugs(struct panel *p)
{
    if (!(p->by_slug = malloc((p->nall + 1) * sizeof *p->by_slug)))
        return -1;
    for (size_t i = 0; i < p->nall; i++)
        p->by_slug[i] = i;
    sort_slug = p->all;
    qsort(p->by_slug, p->nall, sizeof *p->by_slug, by_slug_cmp);
    return 0;
}

/* The first place in by_slug of the rows of indicator slug. */
static size_t first_of_slug(const struct panel *p, const char *slug)
{
    size_t lo = 0, hi = p->nall;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *m = p->all[p->by_slug[mid]].indicator_slug;
        if (m && strcmp(m, slug) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Each document's spans from all, but for those read already. */
static void file_spans(struct pane *pn)
{
    struct panel *p = pn->state;
    for (size_t i = 0; i < p->nall; i++) {
        int d = corpus_doc_by_slug(pn->ui->corpus, p->all[i].doc_slug);
        if (d < 0 || p->doc_read[d])
            continue;
        struct secspan *v = realloc(p->doc_spans[d], (p->ndoc_spans[d] + 1) * sizeof *v);
        if (!v)
            return;
        p->doc_spans[d] = v;
        v[p->ndoc_spans[d]++] = (struct secspan){ p->all[i].node_id, (long)p->all[i].start,
                                                  (long)p->all[i].end, (long)p->all[i].id };
    }
    memset(p->doc_read, 1, pn->ui->corpus->ndocs);
}

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

/* The regions in the order the targets module compares them (its compare table's). */
static void load_regions(struct pane *pn)
{
    struct panel *p = pn->state;
    struct compare_table t;
    struct err e = { "" };
    memset(&t, 0, sizeof t);
    if (targets_compare(store_db(pn->ui->corpus->store), 0, NULL, &t, &e) < 0)
        return;
    p->regions = calloc(t.nregions + 1, sizeof *p->regions);
    for (size_t i = 0; p->regions && i < t.nregions; i++)
        if ((p->regions[p->nregions] = strdup(t.regions[i])))
            p->nregions++;
    compare_table_free(&t);
}

/* Each target's pairing with a reported value (targets_progress), by index in all. */
static void load_progress(struct pane *pn)
{
    struct panel *p = pn->state;
    struct target_filter f;
    struct err e = { "" };
    memset(&f, 0, sizeof f);
    if (targets_progress(store_db(pn->ui->corpus->store), &f, &p->prog, &e) < 0)
        return;
    p->progress = calloc(p->nall + 1, sizeof *p->progress);
    for (size_t i = 0; p->progress && i < p->prog.n; i++) {
        const struct progress_row *r = &p->prog.rows[i];
        long at = r->target ? find(p, (long)r->target->id) : -1;
        if (at >= 0)
            p->progress[at] = r;
    }
}

static size_t doc_spans(struct pane *pn, int doc, const struct secspan **out)
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

static void beyond(struct pane *pn, int dir)
{
    if (!pn->usable)   /* the targets could not be read: say so, not "none" */
        ui_message(pn->ui, ROLE_ERROR, "指标栏不可用：%s", pn->why);
    else
        ui_message(pn->ui, ROLE_STATUS, dir > 0 ? "后面没有指标了" : "前面没有指标了");
}

/* Nothing is read but whether the targets can be: a database without them says so on
 * the first screen, as before. */
static int panel_init(struct pane *pn)
{
    struct panel *p = pn->state;
    const struct corpus *c = pn->ui->corpus;
    struct err e = { "" };
    p->shown = -1;
    p->doc_spans = calloc(c->ndocs + 1, sizeof *p->doc_spans);
    p->ndoc_spans = calloc(c->ndocs + 1, sizeof *p->ndoc_spans);
    p->doc_read = calloc(c->ndocs + 1, 1);
    if (!p->doc_spans || !p->ndoc_spans || !p->doc_read)
        return -1;
    spans_register(&pn->ui->spans, SPAN_TARGET,
                   &(struct span_source){ pn, doc_spans, beyond, 1 });
    if (targets_readable(store_db(c->store), &e) < 0) {
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
    }
    return 0;
}

/* Every target and reported value, their progress and the regions' order, once. */
static void read_all(struct pane *pn)
{
    struct panel *p = pn->state;
    struct target_filter f;
    struct err e = { "" };
    if (p->all_read || !pn->usable)
        return;
    p->all_read = 1;
    memset(&f, 0, sizeof f);
    f.kind = TARGET_KIND_ALL;
    if (targets_query(store_db(pn->ui->corpus->store), &f, &p->all, &p->nall, &e) < 0) {
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
        p->all = NULL;
        p->nall = 0;
        return;
    }
    if (!(p->by_id = malloc((p->nall + 1) * sizeof *p->by_id))) {
        snprintf(pn->why, sizeof pn->why, "out of memory");
        pn->usable = 0;
        return;
    }
    for (size_t i = 0; i < p->nall; i++)
        p->by_id[i] = i;
    sort_all = p->all;
    qsort(p->by_id, p->nall, sizeof *p->by_id, by_id_cmp);
    file_spans(pn);
    load_regions(pn);
    load_progress(pn);
}

static void drop_across(struct panel *p)
{
    free(p->across);
    p->across = NULL;
    p->nacross = 0;
    free(p->entries);
    p->entries = NULL;
    p->nentries = p->sel = p->first = 0;
}

static void panel_free(struct pane *pn)
{
    struct panel *p = pn->state;
    drop_across(p);
    for (size_t d = 0; p->doc_spans && d < pn->ui->corpus->ndocs; d++)
        free(p->doc_spans[d]);
    free(p->doc_spans);
    free(p->ndoc_spans);
    free(p->doc_read);
    free(p->by_id);
    free(p->by_slug);
    free(p->progress);
    progress_table_free(&p->prog);
    target_rows_free(&p->all, p->nall);
    for (size_t i = 0; i < p->nregions; i++)
        free(p->regions[i]);
    free(p->regions);
    memset(p, 0, sizeof *p);
}

static int add_entry(struct panel *p, const char *region, const char *label,
                     const struct target_row *const *t, size_t n)
{
    struct panel_entry *v = realloc(p->entries, (p->nentries + 1) * sizeof *v);
    if (!v)
        return -1;
    p->entries = v;
    v[p->nentries++] = (struct panel_entry){ region, label, t, n };
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

/* Within each region's run of across, the targets before the reported values (stable). */
static void targets_first(struct panel *p)
{
    for (size_t i = 0; i < p->nacross;) {
        size_t n = 1;
        while (i + n < p->nacross && !strcmp(p->across[i + n]->region, p->across[i]->region))
            n++;
        for (size_t a = i + 1; a < i + n; a++)
            for (size_t b = a; b > i && p->across[b]->kind == TK_TARGET &&
                               p->across[b - 1]->kind == TK_REPORTED; b--) {
                const struct target_row *x = p->across[b];
                p->across[b] = p->across[b - 1];
                p->across[b - 1] = x;
            }
        i += n;
    }
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

/* Does the entry show this row? */
static int entry_has(const struct panel_entry *en, const struct target_row *t)
{
    for (size_t i = 0; i < en->n; i++)
        if (en->t[i] == t)
            return 1;
    return 0;
}

static void select_shown(struct panel *p)
{
    const struct target_row *t = p->shown >= 0 ? &p->all[p->shown] : NULL;
    for (size_t k = 0; t && k < p->nentries; k++)
        if (entry_has(&p->entries[k], t))
            p->sel = k;
}

/* Shows the indicator of target `at` (an index in all, -1: none). */
static void follow(struct panel *p, long at)
{
    if (at == p->shown)
        return;
    const char *old = p->shown >= 0 ? p->all[p->shown].indicator_slug : NULL;
    const char *now = at >= 0 ? p->all[at].indicator_slug : NULL;
    int same = old && now && !strcmp(old, now);
    p->shown = at;
    if (same) {
        select_shown(p);
        return;
    }
    drop_across(p);
    if (at < 0)
        return;
    /* all is in the compare order already (region, document, position): the rows of one
     * indicator, picked out of it, are too. */
    p->across = malloc((p->nall + 1) * sizeof *p->across);
    if (!p->across)
        return;
    if (!now) {
        p->across[p->nacross++] = &p->all[at];
    } else if (p->by_slug || index_slugs(p) == 0) {
        for (size_t k = first_of_slug(p, now); k < p->nall; k++) {
            const struct target_row *t = &p->all[p->by_slug[k]];
            if (!t->indicator_slug || strcmp(t->indicator_slug, now))
                break;
            p->across[p->nacross++] = t;
        }
    }
    build_entries(p);
    select_shown(p);
}

/* The panel follows the target under the reading cursor. */
static unsigned panel_notify(struct pane *pn, unsigned events)
{
    struct panel *p = pn->state;
    if (!pn->usable || !(events & UI_SPAN_AT(SPAN_TARGET)))
        return 0;
    long id = pn->ui->sel.span[SPAN_TARGET];
    if (id >= 0 && !p->all_read) {
        read_all(pn);
        if (!pn->usable) {   /* the targets could not be read: say why, show none */
            ui_message(pn->ui, ROLE_ERROR, "指标栏不可用：%s", pn->why);
            spans_changed(&pn->ui->spans);
        }
    }
    follow(p, id >= 0 && pn->usable ? find(p, id) : -1);
    return PANE_REDRAW;
}

/* The index in all of a row of the entry (the rows are all's). */
static size_t index_of(const struct panel *p, const struct target_row *t)
{
    return (size_t)(t - p->all);
}

/* "舟山市 >=4.5个 (2025) 力争 已达成": each target as the command line's compare formats
 * it, with the words that qualify it (力争, 左右 …) and its status against the value the
 * region reported; "实际 4.76个 (2025)": the value reported. */
static void entry_text(const struct panel *p, const struct panel_entry *en, char *buf, size_t n)
{
    size_t o = (size_t)snprintf(buf, n, "%s ", en->label);
    if (o >= n)                /* a region longer than the buffer: the entry is the region */
        return;
    if (!en->n)
        snprintf(buf + o, n - o, "%s", glyph(G_DASH));
    for (size_t i = 0; i < en->n && o < n; i++) {
        const struct target_row *t = en->t[i];
        char *cell = targets_format_cell(t, 1, 1);
        const char *q = t->kind == TK_TARGET ? t->qualifier : NULL;
        const struct progress_row *pr = p->progress ? p->progress[index_of(p, t)] : NULL;
        const char *st = !pr ? "" : pr->status == PROGRESS_MET ? " 已达成"
                       : pr->status == PROGRESS_NOT_YET ? " 未达成" : "";
        o += (size_t)snprintf(buf + o, n - o, "%s%s%s%s%s", i ? "; " : "", cell ? cell : "",
                              q && *q ? " " : "", q && *q ? q : "", st);
        free(cell);
    }
}

/* Where an entry goes on the panel's rows. */
struct slot {
    int y, x, w;
};

/* Lays out the entries from first, as many as fit the rows below the heading (an entry
 * wider than a row is cut short on a row of its own); when some are left over, the last
 * row keeps room for "更多 →". Returns how many fit (at most max). */
static size_t layout(const struct pane *pn, size_t first, struct slot *slot, size_t max)
{
    const struct panel *p = pn->state;
    char more[32];
    snprintf(more, sizeof more, " 更多 %s", glyph(G_RIGHT));
    int h = pn->h, wd = pn->w, mw = draw_width(more, strlen(more));
    size_t n = 0;
    for (int reserve = 0; reserve < 2; reserve++) {
        int y = 1, x = 1;
        n = 0;
        for (size_t k = first; k < p->nentries && n < max; k++) {
            char text[1024];
            entry_text(p, &p->entries[k], text, sizeof text);
            int need = draw_width(text, strlen(text));
            int room = wd - (reserve && y == h - 1 ? mw : 0);
            if (x > 1 && x + need > room) {
                y++;
                x = 1;
                room = wd - (reserve && y == h - 1 ? mw : 0);
            }
            if (y >= h || (x > 1 && x + need > room))
                break;
            slot[n++] = (struct slot){ y, x, room - x };
            x += need + 3;
        }
        if (first + n >= p->nentries || n == max)
            break;
    }
    return n;
}

static void panel_draw(struct pane *pn, int focused)
{
    struct panel *p = pn->state;
    WINDOW *w = pn->win;
    int h = getmaxy(w), wd = getmaxx(w);
    attr_t norm = theme_attr(ROLE_NORMAL), border = theme_attr(ROLE_BORDER);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, norm);
    draw_hline(w, 0, 0, wd, border);
    const struct target_row *t = p->shown >= 0 ? &p->all[p->shown] : NULL;
    char head[1024];
    if (!pn->usable)
        snprintf(head, sizeof head, " 指标栏不可用：%s ", pn->why);
    else if (!t)
        snprintf(head, sizeof head, " 指标 ");
    else if (t->indicator_name)
        snprintf(head, sizeof head, " 指标 %s%s%s ", t->indicator_name,
                 t->category ? " · " : "", t->category ? t->category : "");
    else
        snprintf(head, sizeof head, " 指标 %s（未归入指标目录）", t->phrase);
    draw_trunc(w, 0, 1, head, strlen(head), wd - 2, theme_attr(ROLE_PANEL_LABEL));
    if (h < 2)
        return;
    if (!t) {
        static const struct hint keys[] = {
            { CMD_NEXT_TARGET, CMD_NONE, "", "下一个指标" },
            { CMD_PREV_TARGET, CMD_NONE, "", "上一个" },
            { CMD_COMPARE, CMD_NONE, "", "对比全部指标" }, { CMD_NONE, CMD_NONE, "", "" },
        };
        char line[256], hint[300] = "";
        if (pn->usable)
            snprintf(hint, sizeof hint, " 光标处没有指标。%s",
                     hint_line(pn->ui->keys, KCTX_PANEL, keys, "，", line, sizeof line));
        draw_trunc(w, 1, 0, hint, strlen(hint), wd, theme_attr(ROLE_DIM));
        return;
    }
    if (p->first > p->sel)
        p->first = p->sel;
    struct slot slot[64];
    size_t n;
    while ((n = layout(pn, p->first, slot, 64)) && p->first + n <= p->sel)
        p->first++;
    attr_t mark = theme_attr(ROLE_FLAG);
    if (p->first > 0)
        draw_text(w, 1, 0, glyph(G_LEFT), strlen(glyph(G_LEFT)), 1, mark);
    if (p->first + n < p->nentries) {
        char more[32];
        snprintf(more, sizeof more, "更多 %s", glyph(G_RIGHT));
        int mw = draw_width(more, strlen(more));
        draw_text(w, h - 1, wd - mw, more, strlen(more), mw, mark);
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = p->first + i;
        char text[1024];
        entry_text(p, &p->entries[k], text, sizeof text);
        int sel = focused && k == p->sel, y = slot[i].y, x = slot[i].x;
        int mine = p->shown >= 0 && entry_has(&p->entries[k], &p->all[p->shown]);
        attr_t at = theme_attr(sel ? ROLE_CURSOR : mine ? ROLE_TARGET_CURRENT : ROLE_VALUE);
        /* The region leads the entry text, which may have cut a very long one short. */
        size_t tl = strlen(text), rl = strlen(p->entries[k].label);
        if (rl > tl)
            rl = tl;
        int used = draw_text(w, y, x, text, rl, slot[i].w, sel ? at : theme_attr(ROLE_PANEL_LABEL));
        draw_trunc(w, y, x + used, text + rl, tl - rl, slot[i].w - used, at);
        if (sel)
            pane_cursor(pn, y, x);
    }
}

/* Opens the selected region's target (or reported value) in the reader, highlighted. */
static void open_entry(struct pane *pn)
{
    struct panel *p = pn->state;
    if (p->sel >= p->nentries)
        return;
    const struct panel_entry *en = &p->entries[p->sel];
    if (!en->n) {
        char why[800];
        corpus_no_target_text(pn->ui->corpus, en->region, why, sizeof why);
        ui_message(pn->ui, ROLE_STATUS, "%s", why);
        return;
    }
    const struct target_row *t = en->t[0];
    int d = corpus_doc_by_slug(pn->ui->corpus, t->doc_slug);
    if (d < 0)
        return;
    ui_show_span(pn->ui, (struct loc){ d, t->node_id, (long)t->start }, SPAN_TARGET,
                 (long)t->id);
}

static unsigned panel_key(struct pane *pn, enum cmd c, keycode k)
{
    struct panel *p = pn->state;
    (void)k;
    switch (c) {
    case CMD_DOWN:
    case CMD_RIGHT:
        if (p->sel + 1 < p->nentries)
            p->sel++;
        break;
    case CMD_UP:
    case CMD_LEFT:
        if (p->sel > 0)
            p->sel--;
        break;
    case CMD_TOP:
        p->sel = 0;
        break;
    case CMD_BOTTOM:
        p->sel = p->nentries ? p->nentries - 1 : 0;
        break;
    case CMD_ENTER:
        open_entry(pn);
        break;
    default:
        return 0;
    }
    return PANE_HANDLED | PANE_REDRAW;
}

static unsigned panel_click(struct pane *pn, int y, int x)
{
    struct panel *p = pn->state;
    struct slot slot[64];
    size_t n = layout(pn, p->first, slot, 64);
    for (size_t i = 0; i < n; i++) {
        char text[1024];
        entry_text(p, &p->entries[p->first + i], text, sizeof text);
        int need = draw_width(text, strlen(text));
        if (slot[i].y == y && x >= slot[i].x && x < slot[i].x + need) {
            p->sel = p->first + i;
            ui_focus(pn->ui, pn->id);
            open_entry(pn);
            return PANE_HANDLED | PANE_REDRAW;
        }
    }
    return 0;
}

static const struct hint hints[] = {
    { CMD_LEFT, CMD_RIGHT, "/", "选地区" }, { CMD_ENTER, CMD_NONE, "", "跳到原文" },
    { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops panel_ops = {
    .name = "panel", .place = PLACE_BOTTOM, .kctx = KCTX_PANEL, .hint_lead = "指标栏",
    .hints = hints, .state_size = sizeof(struct panel),
    .init = panel_init, .free = panel_free, .draw = panel_draw, .key = panel_key,
    .click = panel_click, .notify = panel_notify,
};
