/* compare.c — the compare view over targets_compare's table. Lines (category headings and
 * rows) are rebuilt when the sort or the filter changes; the table itself is read once. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/csv.h"
#include "gongfu/fold.h"
#include "app.h"
#include "draw.h"

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

static void rebuild(struct app *a)
{
    struct compare *c = &a->compare;
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
    a->dirty |= DIRTY(W_VIEW) | DIRTY(W_STATUS);
}

void compare_open(struct app *a)
{
    struct compare *c = &a->compare;
    if (!c->loaded) {
        struct err e = { "" };
        if (targets_compare(store_db(a->corpus.store), 0, NULL, &c->t, &e) < 0) {
            app_message(a, ROLE_ERROR, "无法读取指标对比表：%s", e.msg);
            return;
        }
        c->loaded = 1;
        rebuild(a);
    }
    app_view(a, VIEW_COMPARE);
}

void compare_free(struct app *a)
{
    struct compare *c = &a->compare;
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

static void draw_header(struct app *a, WINDOW *w, const struct geom *g, int wd)
{
    struct compare *c = &a->compare;
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

static void draw_row(struct app *a, WINDOW *w, int y, size_t li, const struct geom *g, int wd)
{
    struct compare *c = &a->compare;
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
        app_cursor(a, w, y, 0);
}

/* The selected row's numbers as bars, when they are all in one unit. */
static int draw_chart(struct app *a, WINDOW *w, int y0, int wd)
{
    struct compare *c = &a->compare;
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

void compare_draw(struct app *a, WINDOW *w)
{
    struct compare *c = &a->compare;
    int h = getmaxy(w), wd = getmaxx(w);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    if (!c->loaded || h < 2)
        return;
    struct geom g = geometry(c, wd);
    draw_header(a, w, &g, wd);
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
            draw_row(a, w, 1 + y, c->top + (size_t)y, &g, wd);
    if (!c->nlines) {
        const char *none = c->filter_text[0] ? "没有指标符合筛选条件" : "没有可对比的指标";
        draw_trunc(w, 1, 1, none, strlen(none), wd - 1, theme_attr(ROLE_DIM));
    }
    if (rows < h - 1)
        draw_chart(a, w, 1 + rows, wd);
}

static void step(struct app *a, long delta)
{
    struct compare *c = &a->compare;
    if (!c->nlines)
        return;
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
    a->dirty |= DIRTY(W_VIEW);
}

static void open_source(struct app *a)
{
    struct compare *c = &a->compare;
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
        app_message(a, ROLE_STATUS, "%s 没有设定这个指标",
                    c->col > 0 ? c->t.regions[c->col - 1] : r->name);
        return;
    }
    int d = corpus_doc_by_slug(&a->corpus, cell->t->doc_slug);
    long id = panel_find(a, cell->t->id);
    if (d < 0)
        return;
    app_view(a, VIEW_MAIN);
    app_jump(a, (struct loc){ d, cell->t->node_id, (long)cell->t->start });
    if (id >= 0)
        reader_select_span(a, SPAN_TARGET, (size_t)id);
    app_focus(a, PANE_READER);
}

int compare_key(struct app *a, enum cmd cmd)
{
    struct compare *c = &a->compare;
    int page = a->rect[W_VIEW].h > 4 ? a->rect[W_VIEW].h / 2 : 1, big;
    long d = cmd_motion(cmd, page, (long)c->nlines, &big);
    if (d) {
        step(a, d);
        return 1;
    }
    switch (cmd) {
    case CMD_LEFT:
        if (c->col > 0)
            c->col--;
        a->dirty |= DIRTY(W_VIEW);
        return 1;
    case CMD_RIGHT:
        if ((size_t)c->col < c->t.nregions)
            c->col++;
        a->dirty |= DIRTY(W_VIEW);
        return 1;
    case CMD_SORT:
        if (c->sort_col == c->col && c->col > 0) {
            c->sort_desc = !c->sort_desc;
        } else {
            c->sort_col = c->col;
            c->sort_desc = 1;
        }
        rebuild(a);
        return 1;
    case CMD_FILTER:
        prompt_start(&c->filter, c->filter_text);
        a->dirty |= DIRTY(W_STATUS);
        return 1;
    case CMD_ENTER:
        open_source(a);
        return 1;
    default:
        return 0;
    }
}

void compare_filter_key(struct app *a, enum cmd cmd, keycode k)
{
    struct compare *c = &a->compare;
    enum prompt_result r = prompt_cmd(&c->filter, cmd, k);
    if (r == PROMPT_CANCEL)
        c->filter.buf[0] = '\0';
    if (r == PROMPT_CHANGED || r == PROMPT_CANCEL) {
        snprintf(c->filter_text, sizeof c->filter_text, "%s", c->filter.buf);
        rebuild(a);
    }
    a->dirty |= DIRTY(W_STATUS);
}

void compare_draw_prompt(struct app *a, WINDOW *w)
{
    prompt_draw(&a->compare.filter, a, w, 0, "筛选指标: ");
}

void compare_click(struct app *a, int y, int x)
{
    struct compare *c = &a->compare;
    size_t li = c->top + (size_t)(y - 1);
    if (y < 1 || li >= c->nlines || c->lines[li].row < 0)
        return;
    struct geom g = geometry(c, a->rect[W_VIEW].w);
    c->cur = li;
    c->col = x < g.name_w ? 0 : g.first + (x - g.name_w) / g.reg_w + 1;
    if ((size_t)c->col > c->t.nregions)
        c->col = (int)c->t.nregions;
    a->dirty |= DIRTY(W_VIEW);
}

/* A new file in dir, never an existing one nor through a symlink. */
static FILE *create_new(const char *dir, char *path, size_t n)
{
    for (int k = 1; k < 100; k++) {
        if (k == 1)
            snprintf(path, n, "%s/gongfu-compare.csv", dir);
        else
            snprintf(path, n, "%s/gongfu-compare-%d.csv", dir, k);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0)
            return fdopen(fd, "w");
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

int compare_export(struct app *a, const char *dir, char *msg, size_t n)
{
    struct compare *c = &a->compare;
    char path[PATH_MAX];
    FILE *f = create_new(dir, path, sizeof path);
    if (!f) {
        snprintf(msg, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    fputs("category,indicator,name", f);
    for (size_t k = 0; k < c->t.nregions; k++) {
        fputc(',', f);
        csv_field(f, c->t.regions[k]);
    }
    fputs("\r\n", f);
    size_t rows = 0;
    for (size_t i = 0; i < c->nlines; i++) {
        if (c->lines[i].row < 0)
            continue;
        const struct compare_row *r = &c->t.rows[c->lines[i].row];
        csv_field(f, r->category);
        fputc(',', f);
        csv_field(f, r->slug);
        fputc(',', f);
        csv_field(f, r->name);
        for (size_t k = 0; k < c->t.nregions; k++) {
            char *cell = r->cells[k].n ? targets_format_cell(r->cells[k].t, r->cells[k].n, 1)
                                       : NULL;
            fputc(',', f);
            csv_field(f, cell);
            free(cell);
        }
        fputs("\r\n", f);
        rows++;
    }
    if (fclose(f) != 0) {
        snprintf(msg, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    char full[PATH_MAX];
    snprintf(msg, n, "已导出 %zu 个指标到 %s", rows, realpath(path, full) ? full : path);
    return 0;
}
