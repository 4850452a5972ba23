/* compare_draw.c — the compare view on screen: the header, the rows, the chart of the
 * selected row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compare_int.h"
#include "draw.h"

struct geom compare_geometry(const struct compare *c, int wd)
{
    struct geom g;
    int nreg = (int)c->t.nregions;
    g.name_w = wd * 3 / 10;
    if (g.name_w < 10)
        g.name_w = 10;
    if (g.name_w > 36)
        g.name_w = 36;
    g.reg_w = nreg ? (wd - g.name_w) / nreg : 0;
    if (g.reg_w < 12)
        g.reg_w = 12;
    g.shown = (wd - g.name_w) / g.reg_w;
    if (g.shown > nreg)
        g.shown = nreg;
    if (g.shown < 1)
        g.shown = nreg ? 1 : 0;
    g.first = 0;
    if (c->col > g.shown)
        g.first = c->col - g.shown;
    return g;
}

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
        char *text = cell->n ? targets_format_cell(cell->t, cell->n, 0) : NULL;
        const char *s = text ? text : glyph(G_DASH);
        attr_t at = sel && col == c->col ? theme_attr(ROLE_TARGET_CURRENT)
                    : cell->n && !sel ? theme_attr(ROLE_VALUE) : base;
        draw_trunc(w, y, g->name_w + k * g->reg_w + 1, s, strlen(s), g->reg_w - 2, at);
        free(text);
    }
    if (sel)
        pane_cursor(p, y, 0);
}

/* The selected row's numbers as bars, when they are all in one unit. */
static int draw_chart(const struct compare *c, WINDOW *w, int y0, int wd)
{
    if (c->cur >= c->nlines || c->lines[c->cur].row < 0)
        return 0;
    const struct compare_row *r = &c->t.rows[c->lines[c->cur].row];
    const char *unit = NULL;
    double max = 0;
    int n = 0;
    for (size_t k = 0; k < c->t.nregions; k++) {
        double v = compare_cell_value(&r->cells[k]);
        if (isnan(v))
            continue;
        const char *u = r->cells[k].t->unit ? r->cells[k].t->unit : "";
        if (unit && strcmp(unit, u))
            return 0;
        unit = u;
        if (fabs(v) > max)
            max = fabs(v);
        n++;
    }
    if (!n || y0 + n + 1 > getmaxy(w))
        return 0;
    draw_hline(w, y0, 0, wd, theme_attr(ROLE_BORDER));
    char head[512];
    snprintf(head, sizeof head, " %s（%s）", r->name, *unit ? unit : "无单位");
    draw_trunc(w, y0, 1, head, strlen(head), wd - 2, theme_attr(ROLE_PANEL_LABEL));
    int y = y0 + 1, label_w = 10, room = wd - label_w - 14;
    for (size_t k = 0; k < c->t.nregions && room > 0; k++) {
        double v = compare_cell_value(&r->cells[k]);
        if (isnan(v))
            continue;
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        draw_trunc(w, y, 1, c->t.regions[k], strlen(c->t.regions[k]), label_w - 1,
                   theme_attr(ROLE_PANEL_LABEL));
        int len = max > 0 ? (int)(fabs(v) / max * room + 0.5) : 0;
        const char *bar = glyph(G_BAR);
        for (int i = 0; i < len; i++)
            draw_text(w, y, label_w + i, bar, strlen(bar), 1, theme_attr(ROLE_BAR));
        char num[64];
        snprintf(num, sizeof num, " %s%s", r->cells[k].t->value_text, unit);
        draw_trunc(w, y, label_w + len, num, strlen(num), wd - label_w - len, theme_attr(ROLE_VALUE));
        y++;
    }
    return y - y0;
}

void compare_draw(struct pane *p, int focused)
{
    struct compare *c = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    if (!c->loaded || h < 2)
        return;
    struct geom g = compare_geometry(c, wd);
    draw_header(c, w, &g, wd);
    int chart = (int)c->t.nregions + 2;
    int rows = h - 1 - (h - 1 - chart >= 6 ? chart : 0);
    if (c->cur < c->top)
        c->top = c->cur;
    if (rows > 0 && c->cur >= c->top + (size_t)rows)
        c->top = c->cur - (size_t)rows + 1;
    /* Keep a row's category heading in view above it where there is room. */
    if (c->top > 0 && c->top == c->cur && c->lines[c->top - 1].row < 0)
        c->top--;
    for (int y = 0; y < rows; y++)
        if (c->top + (size_t)y < c->nlines)
            draw_row(p, 1 + y, c->top + (size_t)y, &g, wd);
    if (!c->nlines) {
        const char *none = c->filter_text[0] ? "没有指标符合筛选条件" : "没有可对比的指标";
        draw_trunc(w, 1, 1, none, strlen(none), wd - 1, theme_attr(ROLE_DIM));
    }
    if (rows < h - 1)
        draw_chart(c, w, 1 + rows, wd);
}

