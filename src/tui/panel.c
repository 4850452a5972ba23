/* panel.c — the target panel. Every target is read once at start-up (a few hundred rows)
 * for the reader's highlights; the cross-region rows of one indicator are queried when the
 * cursor reaches a target of another indicator. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/targets.h"
#include "app.h"
#include "draw.h"
#include "hint.h"

static void file_spans(struct app *a)
{
    struct panel *p = &a->panel;
    for (size_t i = 0; i < p->nall; i++) {
        int d = corpus_doc_by_slug(&a->corpus, p->all[i].doc_slug);
        if (d < 0)
            continue;
        struct secspan *v = realloc(p->doc_spans[d], (p->ndoc_spans[d] + 1) * sizeof *v);
        if (!v)
            return;
        p->doc_spans[d] = v;
        v[p->ndoc_spans[d]++] = (struct secspan){ p->all[i].node_id, (long)p->all[i].start,
                                                  (long)p->all[i].end, i };
    }
}

/* The regions in the order the targets module compares them (its compare table's). */
static void load_regions(struct app *a)
{
    struct panel *p = &a->panel;
    struct compare_table t;
    struct err e = { "" };
    memset(&t, 0, sizeof t);
    if (targets_compare(store_db(a->corpus.store), 0, NULL, &t, &e) < 0)
        return;
    p->regions = calloc(t.nregions + 1, sizeof *p->regions);
    for (size_t i = 0; p->regions && i < t.nregions; i++)
        if ((p->regions[p->nregions] = strdup(t.regions[i])))
            p->nregions++;
    compare_table_free(&t);
}

int panel_init(struct app *a)
{
    struct panel *p = &a->panel;
    struct target_filter f;
    struct err e = { "" };
    memset(&f, 0, sizeof f);
    p->shown = -1;
    p->doc_spans = calloc(a->corpus.ndocs + 1, sizeof *p->doc_spans);
    p->ndoc_spans = calloc(a->corpus.ndocs + 1, sizeof *p->ndoc_spans);
    if (!p->doc_spans || !p->ndoc_spans)
        return -1;
    if (targets_query(store_db(a->corpus.store), &f, &p->all, &p->nall, &e) < 0) {
        snprintf(p->why, sizeof p->why, "%.200s", e.msg);
        p->all = NULL;
        p->nall = 0;
        return 0;
    }
    p->available = 1;
    file_spans(a);
    load_regions(a);
    return 0;
}

static void drop_across(struct panel *p)
{
    free(p->across);
    p->across = NULL;
    p->nacross = 0;
    free(p->entries);
    p->entries = NULL;
    p->nentries = p->sel = 0;
}

void panel_free(struct app *a)
{
    struct panel *p = &a->panel;
    drop_across(p);
    for (size_t d = 0; p->doc_spans && d < a->corpus.ndocs; d++)
        free(p->doc_spans[d]);
    free(p->doc_spans);
    free(p->ndoc_spans);
    target_rows_free(&p->all, p->nall);
    for (size_t i = 0; i < p->nregions; i++)
        free(p->regions[i]);
    free(p->regions);
    memset(p, 0, sizeof *p);
}

size_t panel_doc_spans(struct app *a, int doc, const struct secspan **out)
{
    struct panel *p = &a->panel;
    *out = NULL;
    if (!p->doc_spans || doc < 0 || (size_t)doc >= a->corpus.ndocs)
        return 0;
    *out = p->doc_spans[doc];
    return p->ndoc_spans[doc];
}

long panel_find(const struct app *a, int64_t target_id)
{
    for (size_t i = 0; i < a->panel.nall; i++)
        if (a->panel.all[i].id == target_id)
            return (long)i;
    return -1;
}

static int add_entry(struct panel *p, const char *region, const struct target_row *const *t,
                     size_t n)
{
    struct panel_entry *v = realloc(p->entries, (p->nentries + 1) * sizeof *v);
    if (!v)
        return -1;
    p->entries = v;
    v[p->nentries++] = (struct panel_entry){ region, t, n };
    return 0;
}

/* One entry per compared region, in order (empty where a region sets no target), then
 * any other region that does. across is sorted by region already. */
static void build_entries(struct panel *p)
{
    for (size_t r = 0; r < p->nregions; r++) {
        size_t i = 0, n = 0;
        while (i < p->nacross && strcmp(p->across[i]->region, p->regions[r]))
            i++;
        while (i + n < p->nacross && !strcmp(p->across[i + n]->region, p->regions[r]))
            n++;
        add_entry(p, p->regions[r], n ? &p->across[i] : NULL, n);
    }
    for (size_t i = 0; i < p->nacross;) {
        size_t n = 1;
        while (i + n < p->nacross && !strcmp(p->across[i + n]->region, p->across[i]->region))
            n++;
        int known = 0;
        for (size_t r = 0; r < p->nregions; r++)
            known |= !strcmp(p->regions[r], p->across[i]->region);
        if (!known)
            add_entry(p, p->across[i]->region, &p->across[i], n);
        i += n;
    }
}

void panel_follow(struct app *a)
{
    struct panel *p = &a->panel;
    if (!p->available)
        return;
    long id = reader_span_at_cursor(a, SPAN_TARGET);
    if (id == p->shown)
        return;
    const char *old = p->shown >= 0 ? p->all[p->shown].indicator_slug : NULL;
    const char *now = id >= 0 ? p->all[id].indicator_slug : NULL;
    int same = old && now && !strcmp(old, now);
    p->shown = id;
    a->dirty |= DIRTY(W_PANEL);
    if (same) {
        for (size_t e = 0; e < p->nentries; e++)
            if (p->entries[e].region && !strcmp(p->entries[e].region, p->all[id].region))
                p->sel = e;
        return;
    }
    drop_across(p);
    if (id < 0)
        return;
    /* all is in the compare order already (region, document, position): the rows of one
     * indicator, picked out of it, are too. */
    p->across = malloc((p->nall + 1) * sizeof *p->across);
    if (!p->across)
        return;
    for (size_t i = 0; i < p->nall; i++)
        if (now ? p->all[i].indicator_slug && !strcmp(p->all[i].indicator_slug, now)
                : (long)i == id)
            p->across[p->nacross++] = &p->all[i];
    build_entries(p);
    for (size_t k = 0; k < p->nentries; k++)
        if (p->entries[k].region && !strcmp(p->entries[k].region, p->all[id].region))
            p->sel = k;
}

/* "舟山市 >=4.5个 (2025) 力争": each target as the command line's compare formats it,
 * with the words that qualify it (力争, 左右 …) after it. */
static void entry_text(const struct panel_entry *en, char *buf, size_t n)
{
    size_t o = (size_t)snprintf(buf, n, "%s ", en->region);
    if (o >= n)                /* a region longer than the buffer: the entry is the region */
        return;
    if (!en->n)
        snprintf(buf + o, n - o, "%s", glyph(G_DASH));
    for (size_t i = 0; i < en->n && o < n; i++) {
        char *cell = targets_format_cell(en->t[i], 1, 1);
        const char *q = en->t[i]->qualifier;
        o += (size_t)snprintf(buf + o, n - o, "%s%s%s%s", i ? "; " : "", cell ? cell : "",
                              q && *q ? " " : "", q && *q ? q : "");
        free(cell);
    }
}

void panel_draw(struct app *a, WINDOW *w, int focused)
{
    struct panel *p = &a->panel;
    int h = getmaxy(w), wd = getmaxx(w);
    attr_t norm = theme_attr(ROLE_NORMAL), border = theme_attr(ROLE_BORDER);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, norm);
    draw_hline(w, 0, 0, wd, border);
    const struct target_row *t = p->shown >= 0 ? &p->all[p->shown] : NULL;
    char head[1024];
    if (!p->available)
        snprintf(head, sizeof head, " 指标栏不可用：%s ", p->why);
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
        if (p->available)
            snprintf(hint, sizeof hint, " 光标处没有指标。%s",
                     hint_line(&a->keys, KCTX_PANEL, keys, "，", line, sizeof line));
        draw_trunc(w, 1, 0, hint, strlen(hint), wd, theme_attr(ROLE_DIM));
        return;
    }
    int y = 1, x = 1;
    for (size_t k = 0; k < p->nentries && y < h; k++) {
        char text[1024];
        entry_text(&p->entries[k], text, sizeof text);
        int need = draw_width(text, strlen(text));
        if (x > 1 && x + need > wd) {
            y++;
            x = 1;
            if (y >= h)
                break;
        }
        int sel = focused && k == p->sel;
        int mine = p->entries[k].n && p->shown >= 0 &&
                   !strcmp(p->entries[k].region, p->all[p->shown].region);
        attr_t at = theme_attr(sel ? ROLE_CURSOR : mine ? ROLE_TARGET_CURRENT : ROLE_VALUE);
        /* The region leads the entry text, which may have cut a very long one short. */
        size_t tl = strlen(text), rl = strlen(p->entries[k].region);
        if (rl > tl)
            rl = tl;
        int used = draw_text(w, y, x, text, rl, wd - x, sel ? at : theme_attr(ROLE_PANEL_LABEL));
        used += draw_trunc(w, y, x + used, text + rl, tl - rl, wd - x - used, at);
        if (sel)
            app_cursor(a, w, y, x);
        x += used + 3;
    }
}

/* Opens the selected region's target in the reader, highlighted. */
static void open_entry(struct app *a)
{
    struct panel *p = &a->panel;
    if (p->sel >= p->nentries)
        return;
    const struct panel_entry *en = &p->entries[p->sel];
    if (!en->n) {
        app_message(a, ROLE_STATUS, "%s 没有设定这个指标", en->region);
        return;
    }
    const struct target_row *t = en->t[0];
    int d = corpus_doc_by_slug(&a->corpus, t->doc_slug);
    long id = panel_find(a, t->id);
    if (d < 0 || id < 0)
        return;
    app_jump(a, (struct loc){ d, t->node_id, (long)t->start });
    reader_select_span(a, SPAN_TARGET, (size_t)id);
    p->shown = -2;     /* reload on the next follow, keeping the selected region */
    panel_follow(a);
}

int panel_key(struct app *a, enum cmd c)
{
    struct panel *p = &a->panel;
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
        open_entry(a);
        break;
    default:
        return 0;
    }
    a->dirty |= DIRTY(W_PANEL);
    return 1;
}

void panel_click(struct app *a, int y, int x)
{
    struct panel *p = &a->panel;
    int row = 1, col = 1, wd = a->rect[W_PANEL].w;
    for (size_t k = 0; k < p->nentries; k++) {
        char text[1024];
        entry_text(&p->entries[k], text, sizeof text);
        int need = draw_width(text, strlen(text));
        if (col > 1 && col + need > wd) {
            row++;
            col = 1;
        }
        if (row == y && x >= col && x < col + need) {
            p->sel = k;
            app_focus(a, PANE_PANEL);
            open_entry(a);
            return;
        }
        col += need + 3;
    }
}
