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
#include "compare_int.h"
#include "draw.h"

static int sort_col_g, sort_desc_g;
static const struct compare_table *sort_t;

static int row_cmp(const void *x, const void *y)
{
    long a = ((const struct cmp_line *)x)->row, b = ((const struct cmp_line *)y)->row;
    double va = compare_cell_value(&sort_t->rows[a].cells[sort_col_g - 1]);
    double vb = compare_cell_value(&sort_t->rows[b].cells[sort_col_g - 1]);
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

double compare_cell_value(const struct compare_cell *c)
{
    return c->n && c->t && !isnan(c->t->value) ? c->t->value : NAN;
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
    struct geom g = compare_geometry(c, p->w);
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
