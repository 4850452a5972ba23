/* related.c — the related list (related_ops): the items of the other documents that carry
 * out the measure at the reading cursor (the relation table, computed at import), per
 * document, best first, each with its path, title and score.
 * It shares the bottom with the target panel (r toggles); Enter on an item reads the two
 * side by side (related_pair.c), with the phrases the two share. The list is read when
 * the cursor's section changes and the list shows: one indexed query of a few rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/relations_store.h"
#include "draw.h"
#include "ui.h"

/* A line of the list: a document's head, or one of its related items. */
struct rel_line {
    int head;
    size_t row;                 /* the item (or the head's first item) in rows */
};

struct related {
    int stored;                 /* the database has the relation table; -1: not asked yet */
    int64_t want;               /* the section at the reading cursor (0: none) */
    int64_t listed;             /* the section rows are of (0: none read yet) */
    char *what;                 /* its heading ("29.大力实施强村惠民行动") */
    struct relation_row *rows;
    size_t n;
    char failed[300];           /* why the rows could not be read, or "" */
    struct rel_line *lines;
    size_t nlines;
    size_t sel;                 /* the selected item, in rows */
    size_t top;                 /* the first line shown */
};

static void drop_rows(struct related *r)
{
    relations_rows_free(&r->rows, r->n);
    r->n = 0;
    free(r->lines);
    r->lines = NULL;
    r->nlines = r->sel = r->top = 0;
    free(r->what);
    r->what = NULL;
}

static int add_line(struct related *r, int head, size_t row)
{
    struct rel_line *v = realloc(r->lines, (r->nlines + 1) * sizeof *v);
    if (!v)
        return -1;
    r->lines = v;
    v[r->nlines++] = (struct rel_line){ head, row };
    return 0;
}

/* Whether the database has relations, asked when the list first needs to know: the list
 * is not on the first screen, and the question was a query (issue 15). */
static int stored(const struct pane *p)
{
    struct related *r = p->state;
    if (r->stored < 0)
        r->stored = relations_stored(store_db(p->ui->corpus->store));
    return r->stored;
}

/* Reads the rows of the section at the cursor, if they are not the ones listed. */
static void load(struct pane *p)
{
    struct related *r = p->state;
    if (r->listed == r->want)
        return;
    drop_rows(r);
    r->failed[0] = '\0';
    r->listed = r->want;
    const struct selection *s = &p->ui->sel;
    if (!r->want || !stored(p))
        return;
    const struct node_row *nr = &corpus_outline(p->ui->corpus, s->doc)->nodes[s->node];
    r->what = node_heading(nr->kind, nr->label, nr->title);
    struct err e = { "" };
    /* Without the phrases (computed when read): the side-by-side view has them for its pair. */
    if (relations_list(store_db(p->ui->corpus->store), r->want, NULL, 0, &r->rows, &r->n, &e) < 0) {
        snprintf(r->failed, sizeof r->failed, "%.250s", e.msg);
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        int first = !i || strcmp(r->rows[i].slug, r->rows[i - 1].slug);
        if ((first && add_line(r, 1, i) < 0) || add_line(r, 0, i) < 0)
            break;
    }
}

static int related_init(struct pane *p)
{
    struct related *r = p->state;
    r->stored = -1;
    return 0;
}

static void related_free(struct pane *p)
{
    drop_rows(p->state);
}

/* The section at the reading cursor, as a node id (0 for none). */
static int64_t cursor_section(const struct pane *p)
{
    const struct selection *s = &p->ui->sel;
    const struct corpus *c = p->ui->corpus;
    if (s->doc < 0 || (size_t)s->doc >= c->ndocs || s->node < 0 ||
        (size_t)s->node >= corpus_outline(c, s->doc)->n)
        return 0;
    return corpus_outline(c, s->doc)->nodes[s->node].id;
}

static unsigned related_notify(struct pane *p, unsigned events)
{
    struct related *r = p->state;
    if (!(events & (UI_PLACE | UI_RESIZED)))
        return 0;
    int64_t now = cursor_section(p);
    if (now == r->want && !(events & UI_RESIZED))
        return 0;
    r->want = now;
    return PANE_REDRAW | PANE_STATUS;
}

/* The line of item i. */
static size_t line_of(const struct related *r, size_t i)
{
    for (size_t k = 0; k < r->nlines; k++)
        if (!r->lines[k].head && r->lines[k].row == i)
            return k;
    return 0;
}

/* A document's head: "舟山市《舟山高质量发展建设…》". */
static void head_text(const struct pane *p, const struct relation_row *row, char *buf, size_t n)
{
    int d = corpus_doc_by_slug(p->ui->corpus, row->slug);
    const char *title = d >= 0 && p->ui->corpus->docs[d].title ? p->ui->corpus->docs[d].title
                                                                 : row->slug;
    snprintf(buf, n, "%s《%s》", row->region, title);
}

/* What the list says when it lists nothing. */
static void empty_text(const struct pane *p, char *buf, size_t n)
{
    const struct related *r = p->state;
    if (r->failed[0])
        snprintf(buf, n, "相关措施读不出来：%s", r->failed);
    else if (!stored(p))
        snprintf(buf, n, "这个数据库没有相关措施：用 gongfu import 重新导入文件即可算出");
    else if (!r->want)
        snprintf(buf, n, "光标处没有条目");
    else
        snprintf(buf, n, "其他文件里没有和这一条明显相关的条目");
}

static void draw_item(struct pane *p, int y, const struct relation_row *row, int sel, int wd)
{
    WINDOW *w = p->win;
    attr_t base = theme_attr(sel ? ROLE_CURSOR : ROLE_NORMAL);
    draw_fill(w, y, 0, wd, base);
    char score[16];
    snprintf(score, sizeof score, "%.2f", row->score);
    int sw = (int)strlen(score), room = wd - sw - 3;
    int x = 3;
    x += draw_text(w, y, x, row->path, strlen(row->path), room - x,
                   sel ? base : theme_attr(ROLE_VALUE));
    x += draw_text(w, y, x, "  ", 2, room - x, base);
    draw_trunc(w, y, x, row->title, strlen(row->title), room - x, base);
    draw_text(w, y, wd - sw - 1, score, (size_t)sw, sw, sel ? base : theme_attr(ROLE_FLAG));
    if (sel)
        pane_cursor(p, y, 3);
}

static void related_draw(struct pane *p, int focused)
{
    struct related *r = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    load(p);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    draw_hline(w, 0, 0, wd, theme_attr(ROLE_BORDER));
    char head[1024], key[32];
    char count[32] = "";
    if (r->n)
        snprintf(count, sizeof count, " %zu/%zu", r->sel + 1, r->n);
    snprintf(head, sizeof head, " 相关措施%s%s%s ", count, r->what ? " · " : "",
             r->what ? r->what : "");
    int used = draw_trunc(w, 0, 1, head, strlen(head), wd * 2 / 3, theme_attr(ROLE_PANEL_LABEL));
    snprintf(head, sizeof head, " %s 指标栏 ",
             hint_key(p->ui->keys, KCTX_RELATED, CMD_RELATED, key, sizeof key));
    int hw = draw_width(head, strlen(head));
    if (*key && 1 + used + hw < wd)
        draw_text(w, 0, wd - hw - 1, head, strlen(head), hw, theme_attr(ROLE_DIM));
    if (h < 2)
        return;
    if (!r->nlines) {
        empty_text(p, head, sizeof head);
        draw_trunc(w, 1, 1, head, strlen(head), wd - 1,
                   theme_attr(r->failed[0] ? ROLE_ERROR : ROLE_DIM));
        return;
    }
    /* The selected item in view, with its document's head when there is room. */
    size_t at = line_of(r, r->sel), rows = (size_t)(h - 1);
    size_t want_top = at > 0 && r->lines[at - 1].head ? at - 1 : at;
    if (want_top < r->top)
        r->top = want_top;
    if (at >= r->top + rows)
        r->top = at - rows + 1;
    for (size_t k = r->top; k < r->nlines && k < r->top + rows; k++) {
        int y = (int)(k - r->top) + 1;
        const struct relation_row *row = &r->rows[r->lines[k].row];
        if (r->lines[k].head) {
            head_text(p, row, head, sizeof head);
            draw_trunc(w, y, 1, head, strlen(head), wd - 2, theme_attr(ROLE_PANEL_LABEL));
        } else {
            draw_item(p, y, row, focused && r->lines[k].row == r->sel, wd);
        }
    }
}

/* The selected item beside the section at the cursor, in the side-by-side view. */
static void open_pair(struct pane *p)
{
    struct related *r = p->state;
    if (r->sel >= r->n)
        return;
    char arg[64];
    snprintf(arg, sizeof arg, "%lld %lld", (long long)r->listed,
             (long long)r->rows[r->sel].node_id);
    ui_view_push(p->ui, PANE_PAIR, arg);
}

static unsigned related_key(struct pane *p, enum cmd c, keycode k)
{
    struct related *r = p->state;
    (void)k;
    load(p);
    if (c == CMD_ENTER) {
        open_pair(p);
        return PANE_HANDLED;
    }
    int big;
    long d = cmd_motion(c, p->h > 2 ? p->h - 2 : 1, (long)r->n, &big);
    if (!d || !r->n)
        return 0;
    long to = (long)r->sel + d;
    r->sel = (size_t)(to < 0 ? 0 : to >= (long)r->n ? (long)r->n - 1 : to);
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
}

/* A click on an item reads it side by side. */
static unsigned related_click(struct pane *p, int y, int x)
{
    struct related *r = p->state;
    size_t k = r->top + (size_t)(y - 1);
    (void)x;
    if (y < 1 || k >= r->nlines || r->lines[k].head)
        return 0;
    r->sel = r->lines[k].row;
    ui_focus(p->ui, p->id);
    open_pair(p);
    return PANE_HANDLED | PANE_REDRAW;
}

static const struct hint hints[] = {
    { CMD_DOWN, CMD_UP, "/", "选择" }, { CMD_ENTER, CMD_NONE, "", "并排阅读" },
    { CMD_RELATED, CMD_NONE, "", "指标栏" }, { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" },
    { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops related_ops = {
    .name = "related", .place = PLACE_BOTTOM, .flags = PANE_WHEEL, .kctx = KCTX_RELATED,
    .body_share = 30, .hint_lead = "相关措施", .hints = hints,
    .state_size = sizeof(struct related), .init = related_init, .free = related_free,
    .draw = related_draw, .key = related_key, .click = related_click,
    .notify = related_notify,
};
