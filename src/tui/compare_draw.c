/* compare_draw.c — the compare view on screen: the header (with marks where columns are
 * off screen), the rows, the focused cell whole in a detail line with the marks' legend,
 * and the chart of the selected row (compare_chart.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/text.h"
#include "compare_int.h"
#include "corpus.h"
#include "draw.h"

/* Rows the detail takes below the table: a rule (with the legend) and at least two lines,
 * more when a cell of the selected row needs them, while the table keeps 6 rows. */
#define DETAIL_ROWS 3
#define TABLE_MIN_ROWS 6

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

struct geom compare_geometry(const struct compare *c, int wd)
{
    struct geom g;
    int nreg = (int)c->t.nregions;
    g.name_w = clamp(wd * 3 / 10, 10, 36);
    /* A wide terminal gives the indicator names what the regions' cells do not need. */
    int cells = nreg * (c->cell_need > 12 ? c->cell_need : 12);
    if (c->name_need > g.name_w && wd - cells > g.name_w)
        g.name_w = c->name_need < wd - cells ? c->name_need : wd - cells;
    g.reg_w = nreg ? (wd - g.name_w) / nreg : 0;
    if (g.reg_w < 12)
        g.reg_w = 12;
    g.shown = clamp((wd - g.name_w) / g.reg_w, nreg ? 1 : 0, nreg);
    g.first = c->col > g.shown ? c->col - g.shown : 0;
    return g;
}

/* The header; "←" where columns are off screen to the left, "更多 →" to the right. */
static void draw_header(const struct compare *c, WINDOW *w, const struct geom *g, int wd)
{
    attr_t h = theme_attr(ROLE_TABLE_HEADER);
    draw_fill(w, 0, 0, wd, h);
    for (int k = -1; k < g->shown; k++) {
        int col = k < 0 ? 0 : g->first + k + 1;
        int x = k < 0 ? 0 : g->name_w + k * g->reg_w;
        int cw = k < 0 ? g->name_w : g->reg_w;
        char label[256];
        const char *arrow = c->sort_col == col && col > 0
                                ? glyph(c->sort_desc ? G_DOWN : G_UP) : "";
        snprintf(label, sizeof label, " %s%s", col ? c->t.regions[col - 1] : "指标", arrow);
        attr_t at = col == c->col ? h | A_UNDERLINE : h;
        draw_trunc(w, 0, x, label, strlen(label), cw - 1, at);
    }
    attr_t mark = theme_attr(ROLE_FLAG);
    if (g->first > 0) {
        const char *l = glyph(G_LEFT);
        draw_text(w, 0, g->name_w - 2, l, strlen(l), 2, mark);
    }
    if (g->first + g->shown < (int)c->t.nregions) {
        char more[32];
        snprintf(more, sizeof more, " 更多 %s", glyph(G_RIGHT));
        int mw = draw_width(more, strlen(more));
        draw_fill(w, 0, wd - mw - 1, mw + 1, h);
        draw_text(w, 0, wd - mw - 1, more, strlen(more), mw, mark);
    }
}

static int by_target_id(const void *x, const void *y)
{
    int64_t a = (*(const struct progress_row *const *)x)->target->id;
    int64_t b = (*(const struct progress_row *const *)y)->target->id;
    return a < b ? -1 : a > b;
}

/* A value reported for an indicator and region that no target names. */
static int reported_only(const struct progress_row *pr)
{
    return pr->status == PROGRESS_NO_TARGET && pr->reported && pr->reported->indicator_slug &&
           pr->reported->region;
}

static int cmp_slug_region(const struct progress_row *pr, const char *slug, const char *region)
{
    int d = strcmp(pr->reported->indicator_slug, slug);
    return d ? d : strcmp(pr->reported->region, region);
}

/* By indicator, region, then place in c->prog: the first of equals is the one a walk over
 * c->prog finds first. */
static int by_slug_region(const void *x, const void *y)
{
    const struct progress_row *a = *(const struct progress_row *const *)x;
    const struct progress_row *b = *(const struct progress_row *const *)y;
    int d = cmp_slug_region(a, b->reported->indicator_slug, b->reported->region);
    return d ? d : (a > b) - (a < b);
}

int compare_progress_index(struct compare *c)
{
    free(c->prog_by_id);
    free(c->reported_only);
    c->prog_by_id = NULL;
    c->reported_only = NULL;
    c->nprog_by_id = c->nreported_only = 0;
    if (!c->prog.n)
        return 0;
    if (!(c->prog_by_id = malloc(c->prog.n * sizeof *c->prog_by_id)) ||
        !(c->reported_only = malloc(c->prog.n * sizeof *c->reported_only)))
        return -1;
    for (size_t i = 0; i < c->prog.n; i++) {
        if (c->prog.rows[i].target)
            c->prog_by_id[c->nprog_by_id++] = &c->prog.rows[i];
        if (reported_only(&c->prog.rows[i]))
            c->reported_only[c->nreported_only++] = &c->prog.rows[i];
    }
    qsort(c->prog_by_id, c->nprog_by_id, sizeof *c->prog_by_id, by_target_id);
    qsort(c->reported_only, c->nreported_only, sizeof *c->reported_only, by_slug_region);
    return 0;
}

const struct progress_row *compare_progress_of(const struct compare *c, int64_t id)
{
    size_t lo = 0, hi = c->nprog_by_id;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int64_t m = c->prog_by_id[mid]->target->id;
        if (m == id)
            return c->prog_by_id[mid];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct target_row *compare_reported_only(const struct compare *c,
                                               const struct compare_row *r, size_t k)
{
    if (!r->slug || k >= c->t.nregions)
        return NULL;
    /* The first of the rows for the indicator and region (a lower bound). */
    size_t lo = 0, hi = c->nreported_only;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_slug_region(c->reported_only[mid], r->slug, c->t.regions[k]) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->nreported_only &&
                   !cmp_slug_region(c->reported_only[lo], r->slug, c->t.regions[k])
               ? c->reported_only[lo]->reported : NULL;
}

static const char *status_word(const struct progress_row *pr)
{
    return !pr ? "" : pr->status == PROGRESS_MET ? " 已达"
         : pr->status == PROGRESS_NOT_YET ? " 未达" : "";
}

char *compare_cell_text(const struct compare *c, const struct compare_cell *cell, int cols)
{
    size_t cap = 64, len = 0;
    char *out = malloc(cap), *reported = NULL;
    for (size_t i = 0; out && i < cell->n; i++) {
        /* Wider than the cell already: what follows is never shown (at 1000× a cell holds
         * thousands of targets, formatted whole at every redraw before). */
        if (i && draw_width(out, len) > cols)
            break;
        char *t = targets_format_cell(&cell->t[i], 1, 0);
        const struct progress_row *pr = compare_progress_of(c, cell->t[i].id);
        if (pr && pr->reported && !reported)
            reported = targets_format_cell(pr->reported, 1, 0);
        size_t need = len + (t ? strlen(t) : 0) + (reported ? strlen(reported) : 0) + 64;
        if (need > cap) {
            char *no = realloc(out, cap = need * 2);
            if (!no) {
                free(out), free(t), free(reported);
                return NULL;
            }
            out = no;
        }
        len += (size_t)sprintf(out + len, "%s%s%s", i ? "; " : "", t ? t : "", status_word(pr));
        free(t);
    }
    if (out && reported)
        sprintf(out + len, "（实际%s）", reported);
    if (out && !cell->n)
        out[0] = 0;
    free(reported);
    return out;
}

static void draw_row(struct pane *p, int y, size_t li, const struct geom *g, int wd)
{
    const struct compare *c = p->state;
    WINDOW *w = p->win;
    const struct cmp_line *l = &c->lines[li];
    int sel = li == c->cur;
    if (l->row < 0) {
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        draw_trunc(w, y, 0, l->category, strlen(l->category), wd, theme_attr(ROLE_TREE_GROUP));
        return;
    }
    const struct compare_row *r = &c->t.rows[l->row];
    attr_t base = theme_attr(sel ? ROLE_CURSOR : ROLE_NORMAL);
    draw_fill(w, y, 0, wd, base);
    draw_trunc(w, y, 1, r->name, strlen(r->name), g->name_w - 2, base);
    for (int k = 0; k < g->shown; k++) {
        int col = g->first + k + 1;
        const struct compare_cell *cell = &r->cells[col - 1];
        char *text = cell->n ? compare_cell_text(c, cell, g->reg_w - 2) : NULL;
        const struct target_row *got = cell->n ? NULL : compare_reported_only(c, r, (size_t)col - 1);
        char *v = got ? targets_format_cell(got, 1, 0) : NULL;
        if (v && asprintf(&text, "%s（实际%s）", glyph(G_DASH), v) < 0)
            text = NULL;        /* no target, a value reported: "—（实际1.81）" */
        free(v);
        const char *s = text ? text : glyph(G_DASH);
        attr_t at = sel && col == c->col ? theme_attr(ROLE_TARGET_CURRENT)
                    : cell->n && !sel ? theme_attr(ROLE_VALUE) : base;
        draw_trunc(w, y, g->name_w + k * g->reg_w + 1, s, strlen(s), g->reg_w - 2, at);
        free(text);
    }
    if (sel)
        pane_cursor(p, y, 0);
}

/* How a value is counted, and the flags, as the detail line names them. */
static const char *freq_label(enum target_freq f)
{
    return f == TFQ_ANNUAL ? "每年" : f == TFQ_CUMULATIVE ? "累计" : "到期水平";
}

static const struct { const char *flag, *label; } flag_labels[] = {
    { "inferred-unit", "原文缺单位，据指标目录补" }, { "distributed", "“分别”列举" },
    { "approx", "左右" }, { "stretch", "力争" }, { "qualitative", "文字目标" },
};

/* One target in full: ">=4.5个（2025年，到期水平，力争）[全国] 舟山…:4.15". */
static size_t target_detail(const struct compare *c, const struct target_row *t, char *buf,
                            size_t n)
{
    char *cell = targets_format_cell(t, 1, 0);
    size_t o = (size_t)snprintf(buf, n, "%s（", cell ? cell : "");
    free(cell);
    if (t->year && o < n)
        o += (size_t)snprintf(buf + o, n - o, "%d年，", t->year);
    if (o < n)
        o += (size_t)snprintf(buf + o, n - o, "%s", freq_label(t->freq));
    for (size_t i = 0; i < sizeof flag_labels / sizeof *flag_labels && o < n; i++)
        if (t->flags && strstr(t->flags, flag_labels[i].flag))
            o += (size_t)snprintf(buf + o, n - o, "，%s", flag_labels[i].label);
    const struct progress_row *pr = compare_progress_of(c, t->id);
    if (pr && pr->reported && o < n) {
        char *got = targets_format_cell(pr->reported, 1, 0);
        o += (size_t)snprintf(buf + o, n - o, "，%s，实际%s", *status_word(pr) ?
                              status_word(pr) + 1 : "进度未判", got ? got : "");
        if (pr->reported->year && o < n)
            o += (size_t)snprintf(buf + o, n - o, "（%d年）", pr->reported->year);
        free(got);
    }
    if (o < n)
        o += (size_t)snprintf(buf + o, n - o, "） %s:%s", t->doc_slug ? t->doc_slug : "",
                              t->path ? t->path : "");
    return o < n ? o : n;
}

/* A cell whole (column col of row r): every target with its year, how it is counted and its flags;
 * on the indicator column, the indicator itself. */
static void detail_text(const struct compare *c, const struct corpus *corpus,
                        const struct compare_row *r, int col, char *buf, size_t n)
{
    if (col == 0) {
        size_t o = (size_t)snprintf(buf, n, "%s", r->name);
        if (r->category && o < n)
            o += (size_t)snprintf(buf + o, n - o, " · %s", r->category);
        size_t set = 0;
        for (size_t k = 0; k < c->t.nregions; k++)
            set += r->cells[k].n > 0;
        if (o < n)
            snprintf(buf + o, n - o, " · %zu 个地区设定（%s）", set, r->slug);
        return;
    }
    const struct compare_cell *cell = &r->cells[col - 1];
    if (!cell->n) {
        /* The region's document may be incomplete; what it reported is shown all the
         * same ("how far has it got"), Enter opens it. */
        corpus_no_target_text(corpus, c->t.regions[col - 1], buf, n);
        const struct target_row *got = compare_reported_only(c, r, (size_t)col - 1);
        size_t o = strlen(buf);
        char *v = got ? targets_format_cell(got, 1, 0) : NULL;
        if (v && o < n)
            snprintf(buf + o, n - o, "；实际%s（%d年） %s:%s", v, got->year,
                     got->doc_slug ? got->doc_slug : "", got->path ? got->path : "");
        free(v);
        return;
    }
    size_t o = 0;
    for (size_t i = 0; i < cell->n && o < n; i++) {
        if (i)
            o += (size_t)snprintf(buf + o, n - o, "；");
        if (o < n)
            o += target_detail(c, &cell->t[i], buf + o, n - o);
    }
}

/* The legend of the marks the table uses, for the detail's rule. */
static void legend(const struct compare *c, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s", c->marks & MARK_INFERRED ? " * 原文缺单位，据目录补 " : "",
             c->marks == (MARK_INFERRED | MARK_SET_ABOVE) ? " " : "",
             c->marks & MARK_SET_ABOVE ? " [全国] 上级设定 " : "");
}

/* The lines the widest detail of the selected row's cells takes at width wd, up to most
 * (what the screen gives it): the detail's height stays the same while h and l move
 * along the row. A text that needs most lines by its width alone is not wrapped (at 100×
 * the corpus a cell of hundreds of targets filled its 4 KB; wrapping it was half a key's
 * instructions), and the count is kept for each row, with the width and most it was
 * made for. */
static int detail_lines(struct compare *c, const struct corpus *corpus, int wd, int most)
{
    if (c->cur >= c->nlines || c->lines[c->cur].row < 0 || wd < 3 || most < 1)
        return 0;
    long row = c->lines[c->cur].row;
    struct detail_need key = { row, wd, most, draw_ambi2(), 0 };
    if (!c->details)
        c->details = calloc(c->t.nrows ? c->t.nrows : 1, sizeof *c->details);
    struct detail_need *kept = c->details ? &c->details[row] : NULL;
    if (kept && kept->row == key.row && kept->wd == wd && kept->most == most &&
        kept->ambi2 == key.ambi2 && kept->valid)
        return kept->lines;
    const struct compare_row *r = &c->t.rows[row];
    char text[4096];
    int need = 0;
    for (int col = 0; col <= (int)c->t.nregions && need < most; col++) {
        detail_text(c, corpus, r, col, text, sizeof text);
        size_t len = strlen(text);
        int nl = 1, tw = len ? text_width(text, len) : 0;
        /* Most regions' text fits a line (hundreds of regions at 100×): measured, then,
         * not wrapped; one whose width alone needs most lines, neither. */
        if (tw > wd - 2 && (tw + wd - 3) / (wd - 2) >= most)
            nl = most;
        else if (!len || memchr(text, '\n', len) || tw > wd - 2) {
            struct text_line *tl = NULL;
            nl = (int)text_wrap(text, len, wd - 2, &tl);
            free(tl);
        }
        if (nl > need)
            need = nl;
    }
    key.lines = need < most ? need : most;
    key.valid = 1;
    if (kept)
        *kept = key;
    return key.lines;
}

static void draw_detail(const struct compare *c, const struct corpus *corpus, WINDOW *w,
                        int y0, int rows, int wd)
{
    attr_t norm = theme_attr(ROLE_NORMAL), label = theme_attr(ROLE_PANEL_LABEL);
    draw_hline(w, y0, 0, wd, theme_attr(ROLE_BORDER));
    char leg[256];
    legend(c, leg, sizeof leg);
    int lw = draw_width(leg, strlen(leg));
    if (lw && lw < wd - 20)
        draw_text(w, y0, wd - lw - 1, leg, strlen(leg), lw, theme_attr(ROLE_DIM));
    for (int y = 1; y < rows; y++)
        draw_fill(w, y0 + y, 0, wd, norm);
    if (c->cur >= c->nlines || c->lines[c->cur].row < 0)
        return;
    const struct compare_row *r = &c->t.rows[c->lines[c->cur].row];
    char head[512], text[4096];
    snprintf(head, sizeof head, " %s · %s ", c->col ? c->t.regions[c->col - 1] : "指标",
             r->name);
    draw_trunc(w, y0, 1, head, strlen(head), wd - lw - 3, label);
    detail_text(c, corpus, r, c->col, text, sizeof text);
    struct text_line *tl = NULL;
    size_t nl = text_wrap(text, strlen(text), wd - 2, &tl);
    for (size_t i = 0; i < nl && (int)i + 1 < rows; i++) {
        size_t end = (int)i + 2 == rows ? strlen(text) : tl[i].end;
        draw_trunc(w, y0 + 1 + (int)i, 1, text + tl[i].start, end - tl[i].start, wd - 2,
                   theme_attr(ROLE_VALUE));
    }
    free(tl);
}

/* Which table rows are to be drawn as they were (keep[y]), and what each row of the
 * window shows from now on. */
static void rows_kept(struct pane *p, const struct geom *g, int rows, int h, int wd,
                      unsigned char *keep)
{
    struct compare *c = p->state;
    int geom[4] = { g->name_w, g->reg_w, g->first, g->shown };
    int valid = c->drawn_ok && !(p->dirty & PANE_BLANK) && c->drawn_h == h &&
                c->drawn_wd == wd && !memcmp(c->drawn_geom, geom, sizeof geom) &&
                c->drawn_gen == c->lines_gen;
    memset(keep, 0, (size_t)h);
    if (!valid) {
        struct cmp_drawn *d = realloc(c->drawn, (size_t)h * sizeof *d);
        c->drawn_ok = d != NULL;
        if (!d)
            return;
        c->drawn = d;
        c->drawn_h = h, c->drawn_wd = wd, c->drawn_gen = c->lines_gen;
        memcpy(c->drawn_geom, geom, sizeof geom);
    }
    for (int y = 0; y < h; y++) {
        size_t li = c->top + (size_t)(y - 1);
        struct cmp_drawn now = { (size_t)-1, 0, 0 };
        if (y >= 1 && y <= rows && c->top + (size_t)(y - 1) < c->nlines) {
            int sel = li == c->cur;
            now = (struct cmp_drawn){ li, sel, sel ? c->col : 0 };
        }
        keep[y] = valid && now.li != (size_t)-1 && c->drawn[y].li == now.li &&
                  c->drawn[y].sel == now.sel && c->drawn[y].col == now.col;
        c->drawn[y] = now;
    }
}

void compare_draw(struct pane *p, int focused)
{
    struct compare *c = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    if (!c->loaded || h < 2) {
        for (int y = 0; y < h; y++)
            draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        c->drawn_ok = 0;
        return;
    }
    struct geom g = compare_geometry(c, wd);
    /* Below the table: the detail, then the chart, each where the table keeps 6 rows. */
    int chart = c->chart_off || !c->nlines ? 0 : compare_chart_rows(c);
    int detail = c->nlines && h - 1 - DETAIL_ROWS >= TABLE_MIN_ROWS ? DETAIL_ROWS : 0;
    if (detail) {
        int need = 1 + detail_lines(c, p->ui->corpus, wd, h - 2 - TABLE_MIN_ROWS);
        if (need > h - 1 - TABLE_MIN_ROWS)
            need = h - 1 - TABLE_MIN_ROWS;
        if (need > detail)
            detail = need;
    }
    if (h - 1 - detail - chart < TABLE_MIN_ROWS)
        chart = 0;
    int rows = h - 1 - detail - chart;
    c->table_rows = rows;
    if (c->cur < c->top)
        c->top = c->cur;
    if (rows > 0 && c->cur >= c->top + (size_t)rows)
        c->top = c->cur - (size_t)rows + 1;
    /* Keep a row's category heading in view above it where there is room. */
    if (c->top > 0 && c->top == c->cur && c->lines[c->top - 1].row < 0)
        c->top--;
    unsigned char keep[1024];
    if (h > (int)sizeof keep) {
        c->drawn_ok = 0;
        memset(keep, 0, sizeof keep);
    } else {
        rows_kept(p, &g, rows, h, wd, keep);
    }
    for (int y = 0; y < h; y++)
        if (y >= (int)sizeof keep || !keep[y])
            draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    draw_header(c, w, &g, wd);
    for (int y = 0; y < rows; y++) {
        size_t li = c->top + (size_t)y;
        if (li >= c->nlines)
            continue;
        if (1 + y < (int)sizeof keep && keep[1 + y]) {
            if (li == c->cur)
                pane_cursor(p, 1 + y, 0);
            continue;
        }
        draw_row(p, 1 + y, li, &g, wd);
    }
    if (!c->nlines) {
        const char *none = c->filter_text[0] ? "没有指标符合筛选条件" : "没有可对比的指标";
        draw_trunc(w, 1, 1, none, strlen(none), wd - 1, theme_attr(ROLE_DIM));
    }
    if (detail)
        draw_detail(c, p->ui->corpus, w, 1 + rows, detail, wd);
    if (chart)
        compare_chart_draw(c, w, 1 + rows + detail, chart, wd);
}
