/* compare.c — the compare view (compare_ops): every indicator × every region, as `gongfu
 * compare` prints it; grouped by category, sortable by any column, filtered by typing,
 * with a bar chart of the selected row, Enter to the source, and export (xlsx or csv). Lines
 * (category headings and rows) are rebuilt when the sort or the filter changes; the
 * table and its progress are read once, when the view first opens, and kept (the database
 * a session reads does not change under it). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/fold.h"
#include "gongfu/targets.h"
#include "gongfu/units.h"
#include "compare_int.h"
#include "draw.h"

/* ---- the lines: category headings and rows, filtered and sorted ---- */

/* A row as it sorts: its group (a category, or what region k's value counts) and, in a
 * sort by a region, the value scaled to its unit's base (万元 → 元). */
struct sortrow {
    long row;
    long group;
    double v;
};

static int sort_desc_g;

static int sortrow_cmp(const void *x, const void *y)
{
    const struct sortrow *a = x, *b = y;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (!isnan(a->v) && !isnan(b->v) && a->v != b->v)
        return (a->v < b->v) == !sort_desc_g ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

/* Does the row match the filter, in folded form (繁體 finds 简体, case ignored)? The
 * indicator's name and slug, or its category. */
static int matches(const struct compare *c, const struct compare_row *r, const char *folded)
{
    if (!*folded)
        return 1;
    const char *fields[] = { c->filter_category ? r->category : r->name,
                             c->filter_category ? NULL : r->slug };
    for (size_t i = 0; i < 2; i++) {
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

static void drop_headings(struct compare *c)
{
    for (size_t i = 0; i < c->nheadings; i++)
        free(c->headings[i]);
    free(c->headings);
    c->headings = NULL;
    c->nheadings = 0;
}

/* Groups by category, in the order the catalogue first names each (so every category
 * has one heading, wherever its indicators come in the catalogue). */
static void group_by_category(const struct compare *c, struct sortrow *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *cat = c->t.rows[v[i].row].category;
        v[i].group = (long)c->t.nrows;
        for (size_t j = 0; cat && j < c->t.nrows; j++)
            if (c->t.rows[j].category && !strcmp(c->t.rows[j].category, cat)) {
                v[i].group = (long)j;
                break;
            }
    }
}

/* Groups by what region k's value counts (units_key), the units with the most rows first,
 * rows without a number last; gives each group its heading ("单位：万元、萬元"). */
static void group_by_unit(struct compare *c, struct sortrow *v, size_t n, size_t k)
{
    char **key = calloc(n + 1, sizeof *key);
    size_t *count = calloc(n + 1, sizeof *count);
    long *first = calloc(n + 1, sizeof *first);
    if (!key || !count || !first)
        goto out;
    for (size_t i = 0; i < n; i++) {
        const struct compare_cell *cell = &c->t.rows[v[i].row].cells[k];
        const char *base;
        v[i].v = compare_cell_value(cell);
        if (!isnan(v[i].v)) {
            v[i].v *= units_scale(cell->t->unit, &base);
            key[i] = units_key(cell->t->unit);
        }
        first[i] = (long)i;
        for (size_t j = 0; j < i; j++)
            if (key[i] && key[j] && !strcmp(key[i], key[j])) {
                first[i] = first[j];
                break;
            }
        count[first[i]]++;
    }
    /* A group's rank: rows without a number last, then by size, then by first row. */
    for (size_t i = 0; i < n; i++) {
        long f = first[i];
        size_t above = 0;
        for (size_t j = 0; j < n; j++)
            if ((long)j == first[j] && key[j] && (!key[f] || count[j] > count[f] ||
                                                  (count[j] == count[f] && (long)j < f)))
                above++;
        v[i].group = (long)above;
    }
out:
    for (size_t i = 0; i < n; i++)
        free(key[i]);
    free(key);
    free(count);
    free(first);
}

/* The heading of a unit group: the units its rows write, as written. */
static char *unit_heading(const struct compare *c, const struct sortrow *v, size_t n,
                          size_t k)
{
    const char *seen[4];
    size_t units = 0;
    char buf[256] = "";
    size_t o = 0;
    for (size_t i = 0; i < n && units < 4; i++) {
        const struct compare_cell *cell = &c->t.rows[v[i].row].cells[k];
        if (isnan(compare_cell_value(cell)))
            return strdup("没有数值（文字目标或未设定）");
        const char *u = cell->t->unit && *cell->t->unit ? cell->t->unit : "无单位";
        size_t j = 0;
        while (j < units && strcmp(seen[j], u))
            j++;
        if (j < units)
            continue;
        seen[units] = u;
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", units++ ? "、" : "", u);
        if (o >= sizeof buf)
            break;
    }
    char *h = malloc(strlen(buf) + 16);
    if (h)
        sprintf(h, "单位：%s", buf);
    return h;
}

static void add_heading(struct compare *c, char *h)
{
    char **v = h ? realloc(c->headings, (c->nheadings + 1) * sizeof *v) : NULL;
    if (!v) {
        free(h);
        return;
    }
    c->headings = v;
    v[c->nheadings++] = h;
    push_line(c, h, -1);
}

static unsigned rebuild(struct compare *c)
{
    long keep = c->cur < c->nlines ? c->lines[c->cur].row : -1;
    char *folded = fold_utf8(c->filter_text, strlen(c->filter_text), NULL, NULL);
    struct sortrow *v = malloc((c->t.nrows + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; v && i < c->t.nrows; i++)
        if (matches(c, &c->t.rows[i], folded ? folded : ""))
            v[n++] = (struct sortrow){ (long)i, 0, NAN };
    free(folded);
    int by_unit = c->sort_col > 0 && (size_t)c->sort_col <= c->t.nregions;
    if (by_unit)
        group_by_unit(c, v, n, (size_t)c->sort_col - 1);
    else
        group_by_category(c, v, n);
    sort_desc_g = c->sort_desc;
    if (n)
        qsort(v, n, sizeof *v, sortrow_cmp);
    c->nlines = 0;
    c->lines_gen++;
    drop_headings(c);
    for (size_t i = 0; i < n; i++) {
        const struct compare_row *r = &c->t.rows[v[i].row];
        size_t same = 1;
        if (!i || v[i].group != v[i - 1].group) {
            while (i + same < n && v[i + same].group == v[i].group)
                same++;
            if (by_unit)
                add_heading(c, unit_heading(c, v + i, same, (size_t)c->sort_col - 1));
            else if (r->category)
                push_line(c, r->category, -1);
        }
        push_line(c, r->category, v[i].row);
    }
    free(v);
    c->cur = 0;
    for (size_t i = 0; i < c->nlines; i++)
        if (c->lines[i].row == keep && keep >= 0)
            c->cur = i;
    while (c->cur < c->nlines && c->lines[c->cur].row < 0)
        c->cur++;
    return PANE_REDRAW | PANE_STATUS;
}

/* ---- opening ---- */

/* What the cells need on screen: the widest name and cell, and the marks they carry. */
static void measure(struct compare *c)
{
    for (size_t i = 0; i < c->t.nrows; i++) {
        const struct compare_row *r = &c->t.rows[i];
        int w = draw_width(r->name, strlen(r->name)) + 3;
        if (w > c->name_need)
            c->name_need = w;
        for (size_t k = 0; k < c->t.nregions; k++) {
            const struct compare_cell *cell = &r->cells[k];
            char *text = cell->n ? compare_cell_text(c, cell, COMPARE_CELL_MAX) : NULL;
            if (!text)
                continue;
            w = draw_width(text, strlen(text)) + 2;
            if (w > c->cell_need)
                c->cell_need = w < COMPARE_CELL_MAX ? w : COMPARE_CELL_MAX;
            free(text);
            for (size_t j = 0; j < cell->n; j++) {
                const struct target_row *t = &cell->t[j];
                if (t->flags && strstr(t->flags, "inferred-unit"))
                    c->marks |= MARK_INFERRED;
                if (t->set_by && t->region && *t->set_by && strcmp(t->set_by, t->region))
                    c->marks |= MARK_SET_ABOVE;
            }
        }
    }
}

/* The row and column of target id (the one under the reader's cursor): the compare view
 * opens there. 0, or -1 when the table does not hold it. */
static int place_at_target(struct compare *c, long id)
{
    const struct target_row *t = NULL;
    for (size_t i = 0; i < c->t.ntargets && !t; i++)
        if (c->t.targets[i].id == id)
            t = &c->t.targets[i];
    if (!t || !t->indicator_slug)
        return -1;
    long row = -1;
    for (size_t i = 0; i < c->t.nrows && row < 0; i++)
        if (!strcmp(c->t.rows[i].slug, t->indicator_slug))
            row = (long)i;
    if (row < 0)
        return -1;
    size_t li = 0;
    while (li < c->nlines && c->lines[li].row != row)
        li++;
    if (li == c->nlines && c->filter_text[0]) {
        c->filter_text[0] = '\0';           /* the filter hid it: show everything */
        rebuild(c);
        return place_at_target(c, id);
    }
    if (li == c->nlines)
        return -1;
    c->cur = li;
    for (size_t k = 0; k < c->t.nregions; k++)
        if (t->region && !strcmp(c->t.regions[k], t->region))
            c->col = (int)k + 1;
    return 0;
}

/* The table is read the first time; without targets (the panel has none) it stays shut.
 * It opens at the indicator of the target under the reader's cursor, if there is one. */
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
        /* The table and its progress from one read of the rows an indicator links (not
         * every target and value again for the progress). */
        if (targets_compare_progress(store_db(p->ui->corpus->store), &c->t, &c->prog, &e) < 0) {
            ui_message(p->ui, ROLE_ERROR, "无法读取指标对比表：%s", e.msg);
            return -1;
        }
        c->loaded = 1;
        if (compare_progress_index(c) < 0)
            progress_table_free(&c->prog), memset(&c->prog, 0, sizeof c->prog);
        measure(c);
        rebuild(c);
    }
    long id = p->ui->sel.span[SPAN_TARGET];
    if (id >= 0)
        place_at_target(c, id);
    return 0;
}

static void compare_free(struct pane *p)
{
    struct compare *c = p->state;
    if (c->loaded) {
        compare_table_free(&c->t);
        progress_table_free(&c->prog);
        free(c->prog_by_id);
        free(c->reported_only);
    }
    free(c->lines);
    free(c->drawn);
    free(c->details);
    drop_headings(c);
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

/* The reader at value t's sentence (a target, or a value reported), over the view. */
static void open_value(struct pane *p, const struct target_row *t)
{
    int d = corpus_doc_by_slug(p->ui->corpus, t->doc_slug);
    if (d < 0)
        return;
    ui_show_span(p->ui, (struct loc){ d, t->node_id, (long)t->start }, SPAN_TARGET, (long)t->id);
    ui_view_main(p->ui);
    ui_focus(p->ui, PANE_READER);
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
    if (cell && cell->n) {
        open_value(p, cell->t);
        return;
    }
    /* An empty cell with a value reported: Enter opens where it was reported. */
    const struct target_row *got = c->col > 0 ? compare_reported_only(c, r, (size_t)c->col - 1)
                                              : NULL;
    if (got) {
        open_value(p, got);
        return;
    }
    char why[800];
    if (c->col > 0)
        corpus_no_target_text(p->ui->corpus, c->t.regions[c->col - 1], why, sizeof why);
    else
        snprintf(why, sizeof why, "%s 没有设定这个指标", r->name);
    ui_message(p->ui, ROLE_STATUS, "%s", why);
}

/* The export asks where: a new file in the current directory as a shell user expects, else
 * home (never a shared directory such as /tmp, where another user could plant the name);
 * .xlsx or .csv says the format. */
static void export_ask(struct pane *p)
{
    struct compare *c = p->state;
    char path[4200];
    const char *dir = access(".", W_OK) == 0 ? "." : getenv("HOME");
    if (!dir || !*dir) {
        ui_message(p->ui, ROLE_ERROR, "无法导出：当前目录不可写，也没有 HOME");
        return;
    }
    compare_export_name(dir, path, sizeof path);
    prompt_start(&c->save, !strncmp(path, "./", 2) ? path + 2 : path);
}

/* "~/x" is the user's home, as in a shell. */
static void export_write(struct pane *p)
{
    struct compare *c = p->state;
    char path[4200], msg[4400];
    const char *home = getenv("HOME");
    if (!strncmp(c->save.buf, "~/", 2) && home)
        snprintf(path, sizeof path, "%s/%s", home, c->save.buf + 2);
    else
        snprintf(path, sizeof path, "%s", c->save.buf);
    int rc = compare_export(p->ui->corpus->store, &c->t, c->lines, c->nlines, path, msg,
                            sizeof msg);
    ui_message(p->ui, rc < 0 ? ROLE_ERROR : ROLE_STATUS, "%s", msg);
}

/* s: by the selected region's values, within each unit (again: the other way); on the
 * indicator column, back to the catalogue's order, saying how to sort by a region. */
static unsigned sort(struct pane *p)
{
    struct compare *c = p->state;
    if (c->col == 0) {
        char right[32], key[32];
        hint_key(p->ui->keys, KCTX_COMPARE, CMD_RIGHT, right, sizeof right);
        hint_key(p->ui->keys, KCTX_COMPARE, CMD_SORT, key, sizeof key);
        ui_message(p->ui, ROLE_STATUS, "%s按 %s 选一个地区列，再按 %s 按它的数值排序（同一单位内比较）",
                   c->sort_col ? "已按指标目录的顺序排列。" : "", right, key);
        if (!c->sort_col)
            return 0;
        c->sort_col = 0;
        return rebuild(c);
    }
    if (c->sort_col == c->col) {
        c->sort_desc = !c->sort_desc;
    } else {
        c->sort_col = c->col;
        c->sort_desc = 1;
    }
    return rebuild(c);
}

/* Keys while the file name prompt is up. */
static unsigned save_key(struct pane *p, enum cmd cmd, keycode k)
{
    struct compare *c = p->state;
    enum prompt_result r = prompt_cmd(&c->save, cmd, k);
    if (r == PROMPT_DONE && c->save.buf[0])
        export_write(p);
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
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
    if (c->save.active)
        return save_key(p, cmd, k);
    int page = p->h > 4 ? p->h / 2 : 1, big;
    long d = cmd_motion(cmd, page, (long)c->nlines, &big);
    if (d)
        return step(c, d);
    switch (cmd) {
    case CMD_LEFT:
    case CMD_PREV_PANE:     /* Tab goes left to right through the columns, as on screen */
        if (c->col > 0)
            c->col--;
        return PANE_HANDLED | PANE_REDRAW;
    case CMD_RIGHT:
    case CMD_NEXT_PANE:
        if ((size_t)c->col < c->t.nregions)
            c->col++;
        return PANE_HANDLED | PANE_REDRAW;
    case CMD_SORT:
        return PANE_HANDLED | sort(p);
    case CMD_FILTER:
    case CMD_FILTER_CATEGORY:
        /* Each filter starts from its own text: a category is not an indicator's name. */
        if (c->filter_category != (cmd == CMD_FILTER_CATEGORY)) {
            c->filter_category = cmd == CMD_FILTER_CATEGORY;
            c->filter_text[0] = '\0';
            rebuild(c);
        }
        prompt_start(&c->filter, c->filter_text);
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case CMD_TOGGLE_PANEL:
        c->chart_off = !c->chart_off;
        return PANE_HANDLED | PANE_REDRAW;
    case CMD_ENTER:
        open_source(p);
        return PANE_HANDLED;
    case CMD_EXPORT:
        export_ask(p);
        return PANE_HANDLED | PANE_STATUS;
    default:
        return 0;
    }
}

static enum kctx compare_context(const struct pane *p)
{
    const struct compare *c = p->state;
    return c->filter.active || c->save.active ? KCTX_PROMPT : KCTX_COMPARE;
}

static struct prompt *compare_prompt(struct pane *p, const char **label)
{
    struct compare *c = p->state;
    if (c->save.active) {
        *label = "导出到 (.xlsx 或 .csv): ";
        return &c->save;
    }
    *label = c->filter_category ? "筛选类别: " : "筛选指标名称: ";
    return c->filter.active ? &c->filter : NULL;
}

static void compare_where(const struct pane *p, char *buf, size_t n)
{
    const struct compare *c = p->state;
    snprintf(buf, n, "%s%s", !c->filter_text[0] ? "" : c->filter_category ? "类别: " : "指标: ",
             c->filter_text);
}

static unsigned compare_click(struct pane *p, int y, int x)
{
    struct compare *c = p->state;
    size_t li = c->top + (size_t)(y - 1);
    /* Only the table's rows: the detail and the chart below it select nothing. */
    if (y < 1 || y > c->table_rows || li >= c->nlines || c->lines[li].row < 0)
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
    { CMD_FILTER, CMD_NONE, "", "筛选" }, { CMD_FILTER_CATEGORY, CMD_NONE, "", "类别" },
    { CMD_EXPORT, CMD_NONE, "", "导出" },
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
