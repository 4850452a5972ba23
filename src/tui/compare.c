/* compare.c — the compare view (compare_ops): every indicator × every region, as `gongfu
 * compare` prints it; grouped by category, sortable by any column, filtered by typing,
 * with a bar chart of the selected row, Enter to the source, and export to CSV. Lines
 * (category headings and rows) are rebuilt when the sort or the filter changes; the
 * table itself is read once, when the view first opens. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/fold.h"
#include "gongfu/targets.h"
#include "compare_csv.h"
#include "draw.h"
#include "prompt.h"
#include "ui.h"

struct compare {
    int loaded;
    struct compare_table t;
    struct cmp_line *lines;
    size_t nlines;
    int col;            /* the selected column: 0 the indicator, k the k-th region */
    int sort_col;       /* 0: catalogue order by category; k: by region k's value */
    int sort_desc;
    struct prompt filter;
    char filter_text[512];
    size_t cur, top;
};

static double cell_value(const struct compare_cell *c)
{
    return c->n && c->t && !isnan(c->t->value) ? c->t->value : NAN;
}

static int sort_col_g, sort_desc_g;
static const struct compare_table *sort_t;

static int row_cmp(const void *x, const void *y)
{
    long a = ((const struct cmp_line *)x)->row, b = ((const struct cmp_line *)y)->row;
    double va = cell_value(&sort_t->rows[a].cells[sort_col_g - 1]);
    double vb = cell_value(&sort_t->rows[b].cells[sort_col_g - 1]);
    if (isnan(va) != isnan(vb))
        return isnan(va) ? 1 : -1;     /* regions without a number go last either way */
    if (!isnan(va) && va != vb)
        return (va < vb) == !sort_desc_g ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Does the row match the filter, in folded form (繁體 finds 简体, case ignored)? */
static int matches(const struct compare_row *r, const char *folded)
{
    if (!*folded)
        return 1;
    const char *fields[] = { r->name, r->slug, r->category };
    for (size_t i = 0; i < 3; i++) {
        if (!fields[i])
            continue;
        char *f = fold_utf8(fields[i], strlen(fields[i]), NULL, NULL);
        int hit = f && strstr(f, folded);
        free(f);
        if (hit)
            return 1;
    }
    return 0;
}

static void push_line(struct compare *c, const char *category, long row)
{
    struct cmp_line *v = realloc(c->lines, (c->nlines + 1) * sizeof *v);
    if (!v)
        return;
    c->lines = v;
    v[c->nlines++] = (struct cmp_line){ category, row };
}

static unsigned rebuild(struct compare *c)
{
    long keep = c->cur < c->nlines ? c->lines[c->cur].row : -1;
    char *folded = fold_utf8(c->filter_text, strlen(c->filter_text), NULL, NULL);
    c->nlines = 0;
    const char *cat = NULL;
    for (size_t i = 0; i < c->t.nrows; i++) {
        const struct compare_row *r = &c->t.rows[i];
        if (!matches(r, folded ? folded : ""))
            continue;
        if (c->sort_col == 0 && r->category && (!cat || strcmp(cat, r->category)))
            push_line(c, cat = r->category, -1);
        push_line(c, r->category, (long)i);
    }
    free(folded);
    if (c->nlines && c->sort_col > 0 && (size_t)c->sort_col <= c->t.nregions) {
        sort_col_g = c->sort_col;
        sort_desc_g = c->sort_desc;
        sort_t = &c->t;
        qsort(c->lines, c->nlines, sizeof *c->lines, row_cmp);
    }
    c->cur = 0;
    for (size_t i = 0; i < c->nlines; i++)
        if (c->lines[i].row == keep && keep >= 0)
            c->cur = i;
    while (c->cur < c->nlines && c->lines[c->cur].row < 0)
        c->cur++;
    return PANE_REDRAW | PANE_STATUS;
}

/* The table is read the first time; without targets (the panel has none) it stays shut. */
static int compare_open(struct pane *p, const char *arg)
{
    struct compare *c = p->state;
    (void)arg;
    const char *why = ui_pane_why(p->ui, PANE_PANEL);
    if (why) {
        ui_message(p->ui, ROLE_ERROR, "没有指标数据：%s", why);
        return -1;
    }
    if (!c->loaded) {
        struct err e = { "" };
        if (targets_compare(store_db(p->ui->corpus->store), 0, NULL, &c->t, &e) < 0) {
            ui_message(p->ui, ROLE_ERROR, "无法读取指标对比表：%s", e.msg);
            return -1;
        }
        c->loaded = 1;
        rebuild(c);
    }
    return 0;
}

static void compare_free(struct pane *p)
{
    struct compare *c = p->state;
    if (c->loaded)
        compare_table_free(&c->t);
    free(c->lines);
    memset(c, 0, sizeof *c);
}

/* Column geometry: the indicator column, then equal region columns from `first`. */
struct geom {
    int name_w, reg_w, first, shown;
};

static struct geom geometry(const struct compare *c, int wd)
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
        double v = cell_value(&r->cells[k]);
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
        double v = cell_value(&r->cells[k]);
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

static void compare_draw(struct pane *p, int focused)
{
    struct compare *c = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    if (!c->loaded || h < 2)
        return;
    struct geom g = geometry(c, wd);
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

static unsigned step(struct compare *c, long delta)
{
    if (!c->nlines)
        return PANE_HANDLED;
    long i = (long)c->cur, step = delta > 0 ? 1 : -1, left = labs(delta);
    while (left > 0) {
        long j = i + step;
        while (j >= 0 && j < (long)c->nlines && c->lines[j].row < 0)
            j += step;
        if (j < 0 || j >= (long)c->nlines)
            break;
        i = j;
        left--;
    }
    c->cur = (size_t)i;
    return PANE_HANDLED | PANE_REDRAW;
}

static void open_source(struct pane *p)
{
    struct compare *c = p->state;
    if (c->cur >= c->nlines || c->lines[c->cur].row < 0)
        return;
    const struct compare_row *r = &c->t.rows[c->lines[c->cur].row];
    const struct compare_cell *cell = NULL;
    if (c->col > 0)
        cell = &r->cells[c->col - 1];
    for (size_t k = 0; (!cell || !cell->n) && k < c->t.nregions; k++)
        if (c->col == 0)
            cell = &r->cells[k];
    if (!cell || !cell->n) {
        ui_message(p->ui, ROLE_STATUS, "%s 没有设定这个指标",
                   c->col > 0 ? c->t.regions[c->col - 1] : r->name);
        return;
    }
    int d = corpus_doc_by_slug(p->ui->corpus, cell->t->doc_slug);
    if (d < 0)
        return;
    ui_view_home(p->ui);
    ui_show_span(p->ui, (struct loc){ d, cell->t->node_id, (long)cell->t->start }, SPAN_TARGET,
                 (long)cell->t->id);
    ui_focus(p->ui, PANE_READER);
}

/* The table as shown, to the current directory as a shell user expects, else home; never
 * a shared directory such as /tmp, where another user could plant the name. */
static void export(struct pane *p)
{
    struct compare *c = p->state;
    char msg[4400];
    const char *dir = access(".", W_OK) == 0 ? "." : getenv("HOME");
    if (!dir || !*dir) {
        ui_message(p->ui, ROLE_ERROR, "无法导出：当前目录不可写，也没有 HOME");
        return;
    }
    int rc = compare_csv_export(&c->t, c->lines, c->nlines, dir, msg, sizeof msg);
    ui_message(p->ui, rc < 0 ? ROLE_ERROR : ROLE_STATUS, "%s", msg);
}

/* Keys while the filter prompt is up. */
static unsigned filter_key(struct compare *c, enum cmd cmd, keycode k)
{
    enum prompt_result r = prompt_cmd(&c->filter, cmd, k);
    if (r == PROMPT_CANCEL)
        c->filter.buf[0] = '\0';
    if (r == PROMPT_CHANGED || r == PROMPT_CANCEL) {
        snprintf(c->filter_text, sizeof c->filter_text, "%s", c->filter.buf);
        rebuild(c);
    }
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
}

static unsigned compare_key(struct pane *p, enum cmd cmd, keycode k)
{
    struct compare *c = p->state;
    if (c->filter.active)
        return filter_key(c, cmd, k);
    int page = p->h > 4 ? p->h / 2 : 1, big;
    long d = cmd_motion(cmd, page, (long)c->nlines, &big);
    if (d)
        return step(c, d);
    switch (cmd) {
    case CMD_LEFT:
        if (c->col > 0)
            c->col--;
        return PANE_HANDLED | PANE_REDRAW;
    case CMD_RIGHT:
        if ((size_t)c->col < c->t.nregions)
            c->col++;
        return PANE_HANDLED | PANE_REDRAW;
    case CMD_SORT:
        if (c->sort_col == c->col && c->col > 0) {
            c->sort_desc = !c->sort_desc;
        } else {
            c->sort_col = c->col;
            c->sort_desc = 1;
        }
        return PANE_HANDLED | rebuild(c);
    case CMD_FILTER:
        prompt_start(&c->filter, c->filter_text);
        return PANE_HANDLED | PANE_STATUS;
    case CMD_ENTER:
        open_source(p);
        return PANE_HANDLED;
    case CMD_EXPORT:
        export(p);
        return PANE_HANDLED;
    default:
        return 0;
    }
}

static enum kctx compare_context(const struct pane *p)
{
    return ((const struct compare *)p->state)->filter.active ? KCTX_PROMPT : KCTX_COMPARE;
}

static struct prompt *compare_prompt(struct pane *p, const char **label)
{
    struct compare *c = p->state;
    *label = "筛选指标: ";
    return c->filter.active ? &c->filter : NULL;
}

static void compare_where(const struct pane *p, char *buf, size_t n)
{
    const struct compare *c = p->state;
    snprintf(buf, n, "%s%s", c->filter_text[0] ? "筛选: " : "", c->filter_text);
}

static unsigned compare_click(struct pane *p, int y, int x)
{
    struct compare *c = p->state;
    size_t li = c->top + (size_t)(y - 1);
    if (y < 1 || li >= c->nlines || c->lines[li].row < 0)
        return 0;
    struct geom g = geometry(c, p->w);
    c->cur = li;
    c->col = x < g.name_w ? 0 : g.first + (x - g.name_w) / g.reg_w + 1;
    if ((size_t)c->col > c->t.nregions)
        c->col = (int)c->t.nregions;
    return PANE_HANDLED | PANE_REDRAW;
}

static const struct hint hints[] = {
    { CMD_LEFT, CMD_RIGHT, "/", "选列" }, { CMD_SORT, CMD_NONE, "", "排序" },
    { CMD_FILTER, CMD_NONE, "", "筛选" }, { CMD_EXPORT, CMD_NONE, "", "导出" },
    { CMD_ENTER, CMD_NONE, "", "原文" }, { CMD_QUIT, CMD_NONE, "", "返回" },
    { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops compare_ops = {
    .name = "compare", .place = PLACE_VIEW, .open_cmd = CMD_COMPARE, .flags = PANE_WHEEL, .kctx = KCTX_COMPARE,
    .title = "指标对比：各地区目标", .hints = hints, .state_size = sizeof(struct compare),
    .free = compare_free, .open = compare_open, .draw = compare_draw, .key = compare_key,
    .click = compare_click, .context = compare_context, .prompt = compare_prompt,
    .where = compare_where,
};
