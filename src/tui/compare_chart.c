/* compare_chart.c — the selected row's numbers as bars. Values are drawn together only
 * when their units measure the same thing (units.h: 万元 and 萬元, 个 and 張), scaled to
 * one base; the regions left out are named with the reason, and a row with nothing to
 * draw (words only: 全覆盖, 发达经济体水平) says so. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/units.h"
#include "compare_int.h"
#include "draw.h"

int compare_chart_rows(const struct compare *c) { return (int)c->t.nregions + 1; }

/* The region whose unit the chart draws: the focused column's if it has a number, else
 * the unit most regions share (the first region's on a tie); -1 when none has a number. */
static int chart_unit(const struct compare *c, char **keys)
{
    size_t nreg = c->t.nregions;
    if (c->col > 0 && keys[c->col - 1])
        return c->col - 1;
    int best = -1, best_n = 0;
    for (size_t k = 0; k < nreg; k++) {
        int same = 0;
        for (size_t j = 0; keys[k] && j < nreg; j++)
            same += keys[j] && !strcmp(keys[j], keys[k]);
        if (same > best_n) {
            best = (int)k;
            best_n = same;
        }
    }
    return best;
}

/* "万元、萬元": the units the drawn values are written in. */
static void units_written(const struct compare *c, const struct compare_row *r,
                          const int *drawn, char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < c->t.nregions && o < n; k++) {
        if (!drawn[k])
            continue;
        const char *u = r->cells[k].t->unit && *r->cells[k].t->unit ? r->cells[k].t->unit
                                                                     : "无单位";
        int seen = 0;
        for (size_t j = 0; j < k; j++)
            seen |= drawn[j] && !strcmp(r->cells[j].t->unit ? r->cells[j].t->unit : "",
                                        r->cells[k].t->unit ? r->cells[k].t->unit : "");
        if (!seen)
            o += (size_t)snprintf(buf + o, n - o, "%s%s", o ? "、" : "", u);
    }
}

/* Why the regions that set this indicator are not drawn: "浙江省 文字目标；台州市 单位 %". */
static void left_out(const struct compare *c, const struct compare_row *r, const int *drawn,
                     char *buf, size_t n)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < c->t.nregions && o < n; k++) {
        const struct compare_cell *cell = &r->cells[k];
        if (drawn[k] || !cell->n)
            continue;
        int words = isnan(compare_cell_value(cell));
        o += (size_t)snprintf(buf + o, n - o, "%s%s %s%s", o ? "；" : "", c->t.regions[k],
                              words ? "文字目标" : "单位 ",
                              words ? "" : *cell->t->unit ? cell->t->unit : "无");
    }
}

static void draw_bars(const struct compare *c, const struct compare_row *r, const int *drawn,
                      const double *scaled, WINDOW *w, int y, int rows, int wd)
{
    double max = 0;
    for (size_t k = 0; k < c->t.nregions; k++)
        if (drawn[k] && fabs(scaled[k]) > max)
            max = fabs(scaled[k]);
    int label_w = 10, room = wd - label_w - 14;
    for (size_t k = 0; k < c->t.nregions && room > 0 && rows > 0; k++) {
        if (!drawn[k])
            continue;
        draw_trunc(w, y, 1, c->t.regions[k], strlen(c->t.regions[k]), label_w - 1,
                   theme_attr(ROLE_PANEL_LABEL));
        int len = max > 0 ? (int)(fabs(scaled[k]) / max * room + 0.5) : 0;
        draw_glyphs(w, y, label_w, G_BAR, len, theme_attr(ROLE_BAR));
        const struct target_row *t = r->cells[k].t;
        char num[128];
        snprintf(num, sizeof num, " %s%s", t->value_text, t->unit ? t->unit : "");
        draw_trunc(w, y, label_w + len, num, strlen(num), wd - label_w - len,
                   theme_attr(ROLE_VALUE));
        y++;
        rows--;
    }
}

void compare_chart_draw(const struct compare *c, WINDOW *w, int y0, int rows, int wd)
{
    size_t nreg = c->t.nregions;
    draw_hline(w, y0, 0, wd, theme_attr(ROLE_BORDER));
    if (c->cur >= c->nlines || c->lines[c->cur].row < 0 || !nreg)
        return;
    const struct compare_row *r = &c->t.rows[c->lines[c->cur].row];
    char **keys = calloc(nreg, sizeof *keys);
    int *drawn = calloc(nreg, sizeof *drawn);
    double *scaled = calloc(nreg, sizeof *scaled);
    if (!keys || !drawn || !scaled)
        goto out;
    for (size_t k = 0; k < nreg; k++) {
        double v = compare_cell_value(&r->cells[k]);
        const char *base;
        if (!isnan(v)) {
            keys[k] = units_key(r->cells[k].t->unit);
            scaled[k] = v * units_scale(r->cells[k].t->unit, &base);
        }
    }
    int u = chart_unit(c, keys);
    for (size_t k = 0; u >= 0 && k < nreg; k++)
        drawn[k] = keys[k] && !strcmp(keys[k], keys[u]);
    char head[600], units[256], out[1024];
    units_written(c, r, drawn, units, sizeof units);
    snprintf(head, sizeof head, u >= 0 ? " %s（%s）" : " %s ", r->name, units);
    draw_trunc(w, y0, 1, head, strlen(head), wd - 2, theme_attr(ROLE_PANEL_LABEL));
    left_out(c, r, drawn, out, sizeof out);
    char note[1200];
    if (u < 0)
        snprintf(note, sizeof note, "没有可画的数值：%s", *out ? out : "没有地区设定这个指标");
    else
        snprintf(note, sizeof note, "%s%s", *out ? "未画：" : "", out);
    int bars = 0;
    for (size_t k = 0; k < nreg; k++)
        bars += drawn[k];
    draw_bars(c, r, drawn, scaled, w, y0 + 1, rows - 1, wd);
    if (*note && 1 + bars < rows)
        draw_trunc(w, y0 + 1 + bars, 1, note, strlen(note), wd - 2, theme_attr(ROLE_DIM));
out:
    for (size_t k = 0; keys && k < nreg; k++)
        free(keys[k]);
    free(keys);
    free(drawn);
    free(scaled);
}
