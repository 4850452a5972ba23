/* related_pair.c — the side-by-side view (pair_ops): the section at the reading cursor on
 * the left, one of its related items on the right (opened from the related list, with
 * "FROM TO" node ids), the phrases the two share highlighted in both. The two sides
 * scroll together or each alone (s; h and l pick the side), ] and [ put the next or
 * previous related item on the right, Enter opens the chosen side in the reader (q comes
 * back here), q closes the view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/relations_store.h"
#include "gongfu/text.h"
#include "draw.h"
#include "ui.h"

/* Rows above the texts: the heads, the shared phrases, a rule. */
#define PAIR_TOP 3

struct pair_line {
    size_t start, end;          /* bytes of the side's text; start == end: a blank */
    int heading;
};

/* One side: a section's heading and text (joined by "\n"), where the shared phrases are
 * in it, and its lines for the width it was laid out for. */
struct pair_side {
    int doc;
    int64_t node;
    char *text;
    char *head;                 /* "舟山市《舟山高质量发展…》" */
    struct search_span *spans;
    size_t nspans;
    struct pair_line *lines;
    size_t nlines;
    int laid_w;
    size_t top;
};

struct pair {
    int64_t from;
    struct relation_row *rows;  /* the left side's related items; the right shows rows[at] */
    size_t n, at;
    struct pair_side side[2];
    int together;               /* one key scrolls both */
    int focus;                  /* the side that scrolls alone, and that Enter opens */
};

static void side_free(struct pair_side *s)
{
    free(s->text);
    free(s->head);
    free(s->spans);
    free(s->lines);
    *s = (struct pair_side){ .doc = -1 };
}

static void pair_clear(struct pair *v)
{
    side_free(&v->side[0]);
    side_free(&v->side[1]);
    relations_rows_free(&v->rows, v->n);
    v->n = v->at = 0;
}

/* The document and outline entry of a section, or -1. */
static int find_node(const struct corpus *c, int64_t id, const struct node_row **out)
{
    int d = corpus_doc_of_node(c, id);
    int i = d >= 0 ? corpus_outline_index(c, d, id) : -1;
    if (i < 0)
        return -1;
    *out = &corpus_outline(c, d)->nodes[i];
    return d;
}

/* Reads section id into s. 0, or -1 with a message. */
static int side_load(struct pane *p, struct pair_side *s, int64_t id)
{
    const struct corpus *c = p->ui->corpus;
    const struct node_row *nr = NULL;
    struct err e = { "" };
    side_free(s);
    int d = find_node(c, id, &nr);
    if (d < 0) {
        ui_message(p->ui, ROLE_ERROR, "没有这一节（%lld）", (long long)id);
        return -1;
    }
    char *heading = node_heading(nr->kind, nr->label, nr->title);
    char *body = store_section_text(c->store, id, &e);
    const struct doc_row *dr = &c->docs[d];
    int bad = !heading || !body ||
              asprintf(&s->text, "%s\n%s", heading, body) < 0 ||
              asprintf(&s->head, "%s《%s》", dr->region ? dr->region : "",
                       dr->title ? dr->title : dr->slug) < 0;
    free(heading);
    free(body);
    if (bad) {
        s->text = s->head = NULL;
        ui_message(p->ui, ROLE_ERROR, "这一节读不出来：%s", e.msg[0] ? e.msg : "内存不足");
        return -1;
    }
    s->doc = d;
    s->node = id;
    return 0;
}

/* Where the shared phrases are in side s. */
static void side_spans(struct pair_side *s, const char *shared)
{
    free(s->spans);
    if (relations_spans(shared, s->text, strlen(s->text), &s->spans, &s->nspans) < 0)
        s->spans = NULL, s->nspans = 0;   /* out of memory: shown without highlights */
}

/* The related item at on the right (the left is read once): both highlight the phrases
 * they share. */
static int show_item(struct pane *p, size_t at)
{
    struct pair *v = p->state;
    struct relation_row *r = &v->rows[at];
    struct err e = { "" };
    if (relations_phrases(store_db(p->ui->corpus->store), v->from, r, 1, &e) < 0) {
        ui_message(p->ui, ROLE_ERROR, "共同的词组读不出来：%s", e.msg);
        return -1;
    }
    if ((v->side[0].node != v->from && side_load(p, &v->side[0], v->from) < 0) ||
        side_load(p, &v->side[1], r->node_id) < 0)
        return -1;
    side_spans(&v->side[0], r->shared);
    side_spans(&v->side[1], r->shared);
    v->at = at;
    return 0;
}

static int pair_open(struct pane *p, const char *arg)
{
    struct pair *v = p->state;
    long long from = 0, to = 0;
    struct err e = { "" };
    if (!arg || sscanf(arg, "%lld %lld", &from, &to) != 2)
        return -1;
    pair_clear(v);
    v->from = from;
    if (relations_list(store_db(p->ui->corpus->store), from, NULL, 0, &v->rows, &v->n, &e) < 0) {
        ui_message(p->ui, ROLE_ERROR, "相关措施读不出来：%s", e.msg);
        return -1;
    }
    size_t at = 0;
    while (at < v->n && v->rows[at].node_id != to)
        at++;
    if (at == v->n || show_item(p, at) < 0) {
        pair_clear(v);
        return -1;
    }
    v->together = 1;
    v->focus = 1;
    p->dirty |= PANE_REDRAW | PANE_STATUS;
    return 0;
}

static void pair_free(struct pane *p)
{
    pair_clear(p->state);
}

static int add_line(struct pair_side *s, size_t *cap, struct pair_line l)
{
    if (s->nlines == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        struct pair_line *v = realloc(s->lines, nc * sizeof *v);
        if (!v)
            return -1;
        s->lines = v, *cap = nc;
    }
    s->lines[s->nlines++] = l;
    return 0;
}

/* The side's lines at width w: the heading, then each paragraph after a blank line. */
static void lay_out(struct pair_side *s, int w)
{
    size_t cap = 0, at = 0, len = strlen(s->text);
    free(s->lines);
    s->lines = NULL;
    s->nlines = 0;
    s->laid_w = w;
    for (int para = 0; at <= len; para++) {
        size_t end = at + strcspn(s->text + at, "\n");
        struct text_line *tl = NULL;
        size_t n = text_wrap(s->text + at, end - at, w > 4 ? w : 4, &tl);
        if (para > 0)
            add_line(s, &cap, (struct pair_line){ at, at, 0 });
        for (size_t i = 0; i < n; i++)
            add_line(s, &cap, (struct pair_line){ at + tl[i].start, at + tl[i].end, !para });
        free(tl);
        at = end + 1;
    }
}

/* Line l of a side at (y, x), at most wd columns: the shared phrases in the hit colour. */
static void draw_line(WINDOW *w, int y, int x, int wd, const struct pair_side *s,
                      const struct pair_line *l)
{
    attr_t base = theme_attr(l->heading ? ROLE_SUBHEADING : ROLE_NORMAL);
    size_t pos = l->start;
    for (size_t k = 0; k < s->nspans && pos < l->end && wd > 0; k++) {
        size_t a = s->spans[k].start, z = s->spans[k].end;
        if (z <= pos || a >= l->end)
            continue;
        if (a > pos) {
            int used = draw_text(w, y, x, s->text + pos, a - pos, wd, base);
            x += used, wd -= used, pos = a;
        }
        size_t stop = z < l->end ? z : l->end;
        int used = draw_text(w, y, x, s->text + pos, stop - pos, wd, theme_attr(ROLE_HIT));
        x += used, wd -= used, pos = stop;
    }
    if (pos < l->end && wd > 0)
        draw_text(w, y, x, s->text + pos, l->end - pos, wd, base);
}

/* The columns of side i: where it starts and how wide it is. */
static void side_cols(int wd, int i, int *x, int *w)
{
    int left = (wd - 1) / 2;
    *x = i ? left + 1 : 0;
    *w = i ? wd - left - 1 : left;
}

static int text_rows(const struct pane *p)
{
    return p->h > PAIR_TOP ? p->h - PAIR_TOP : 0;
}

/* "共同的词组：强村富民 集体经济 …", the phrases in the hit colour. */
static void draw_shared(struct pane *p, WINDOW *w, int wd)
{
    const struct pair *v = p->state;
    const char *shared = v->rows[v->at].shared;
    const char *label = *shared ? " 共同的词组：" : " 没有共同的词组（相关来自共同的词）";
    int x = draw_text(w, 1, 0, label, strlen(label), wd, theme_attr(ROLE_DIM));
    for (const char *s = shared; *s && x < wd;) {
        size_t n = strcspn(s, " ");
        x += draw_text(w, 1, x, s, n, wd - x, theme_attr(ROLE_HIT));
        s += n;
        if (*s == ' ') {
            x += draw_text(w, 1, x, " ", 1, wd - x, theme_attr(ROLE_NORMAL));
            s++;
        }
    }
}

static void pair_draw(struct pane *p, int focused)
{
    struct pair *v = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    if (!v->n)
        return;
    const struct relation_row *r = &v->rows[v->at];
    for (int i = 0; i < 2; i++) {
        struct pair_side *s = &v->side[i];
        int x, sw;
        side_cols(wd, i, &x, &sw);
        if (s->laid_w != sw - 2)
            lay_out(s, sw - 2);
        char head[1200];
        if (i)
            snprintf(head, sizeof head, " 相关 %zu/%zu · %.2f · %s", v->at + 1, v->n, r->score,
                     s->head);
        else
            snprintf(head, sizeof head, " %s", s->head);
        attr_t at = theme_attr(!v->together && v->focus == i ? ROLE_CURSOR : ROLE_PANEL_LABEL);
        draw_fill(w, 0, x, sw, at);
        draw_trunc(w, 0, x, head, strlen(head), sw, at);
        for (int y = 0; y < text_rows(p) && s->top + (size_t)y < s->nlines; y++)
            draw_line(w, PAIR_TOP + y, x + 1, sw - 2, s, &s->lines[s->top + (size_t)y]);
    }
    draw_shared(p, w, wd);
    int mid, sw;
    side_cols(wd, 1, &mid, &sw);
    mid--;
    attr_t border = theme_attr(ROLE_BORDER);
    if (h > 2) {
        draw_hline(w, 2, 0, wd, border);
        draw_text(w, 2, mid, glyph(G_TEE_DOWN), strlen(glyph(G_TEE_DOWN)), 1, border);
    }
    for (int y = PAIR_TOP; y < h; y++)
        draw_text(w, y, mid, glyph(G_VLINE), strlen(glyph(G_VLINE)), 1, border);
    draw_text(w, 0, mid, glyph(G_VLINE), strlen(glyph(G_VLINE)), 1, border);
}

/* Scrolls side i by d lines (within its text); 1 if it moved. */
static int side_scroll(const struct pane *p, struct pair_side *s, long d)
{
    long last = (long)s->nlines - text_rows(p);
    long to = (long)s->top + d;
    to = to > last ? last : to;
    to = to < 0 ? 0 : to;
    int moved = (size_t)to != s->top;
    s->top = (size_t)to;
    return moved;
}

/* The next (dir 1) or previous (-1) related item on the right, round the list. */
static void cycle(struct pane *p, int dir)
{
    struct pair *v = p->state;
    size_t to = dir > 0 ? (v->at + 1) % v->n : (v->at + v->n - 1) % v->n;
    if (show_item(p, to) < 0) {
        show_item(p, v->at);
        return;
    }
    if (v->n > 1 && to == (dir > 0 ? 0 : v->n - 1))
        ui_message(p->ui, ROLE_STATUS, dir > 0 ? "回到第一个相关的条目" : "到了最后一个相关的条目");
}

/* The chosen side in the reader, over this view (q comes back). */
static void open_side(struct pane *p)
{
    struct pair *v = p->state;
    const struct pair_side *s = &v->side[v->focus];
    char key[32];
    ui_jump(p->ui, (struct loc){ s->doc, s->node, 0 });
    ui_view_main(p->ui);
    ui_focus(p->ui, PANE_READER);
    ui_message(p->ui, ROLE_STATUS, "%s 回到并排阅读 · %s",
               hint_key(p->ui->keys, KCTX_GENERIC, CMD_QUIT, key, sizeof key), s->head);
}

static unsigned pair_key(struct pane *p, enum cmd c, keycode k)
{
    struct pair *v = p->state;
    (void)k;
    if (!v->n)
        return 0;
    char key[32];
    switch (c) {
    case CMD_LEFT: case CMD_RIGHT: case CMD_NEXT_PANE: case CMD_PREV_PANE:
        v->focus = c == CMD_LEFT ? 0 : c == CMD_RIGHT ? 1 : !v->focus;
        if (v->together)
            ui_message(p->ui, ROLE_STATUS, "两边一起滚动：按 %s 各自滚动，才只滚%s边",
                       hint_key(p->ui->keys, KCTX_PAIR, CMD_SCROLL_TOGETHER, key, sizeof key),
                       v->focus ? "右" : "左");
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case CMD_SCROLL_TOGETHER:
        v->together = !v->together;
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case CMD_NEXT_RELATED: case CMD_PREV_RELATED:
        cycle(p, c == CMD_NEXT_RELATED ? 1 : -1);
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case CMD_ENTER:
        open_side(p);
        return PANE_HANDLED;
    default:
        break;
    }
    int big;
    long most = (long)(v->side[0].nlines > v->side[1].nlines ? v->side[0].nlines
                                                              : v->side[1].nlines);
    long d = cmd_motion(c, text_rows(p), most, &big);
    if (!d)
        return 0;
    int moved = 0;
    for (int i = 0; i < 2; i++)
        if (v->together || v->focus == i)
            moved |= side_scroll(p, &v->side[i], d);
    return PANE_HANDLED | (moved ? PANE_REDRAW | PANE_STATUS : 0);
}

/* A click picks the side under it. */
static unsigned pair_click(struct pane *p, int y, int x)
{
    struct pair *v = p->state;
    int mid, sw;
    (void)y;
    side_cols(p->w, 1, &mid, &sw);
    v->focus = x >= mid;
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
}

static void pair_where(const struct pane *p, char *buf, size_t n)
{
    const struct pair *v = p->state;
    if (!v->n) {
        buf[0] = '\0';
        return;
    }
    const struct pair_side *s = &v->side[v->focus];
    size_t rows = (size_t)text_rows(p);
    size_t seen = s->top + rows < s->nlines ? s->top + rows : s->nlines;
    snprintf(buf, n, "%s %zu/%zu", v->together ? "一起" : v->focus ? "右" : "左", seen,
             s->nlines);
}

static const struct hint hints[] = {
    { CMD_DOWN, CMD_UP, "/", "滚动" }, { CMD_SCROLL_TOGETHER, CMD_NONE, "", "一起/各自" },
    { CMD_LEFT, CMD_RIGHT, "/", "选边" }, { CMD_NEXT_RELATED, CMD_PREV_RELATED, " ", "换右边" },
    { CMD_ENTER, CMD_NONE, "", "原文" }, { CMD_QUIT, CMD_NONE, "", "返回" },
    { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops pair_ops = {
    .name = "pair", .place = PLACE_VIEW, .flags = PANE_WHEEL, .kctx = KCTX_PAIR,
    .title = "并排阅读：左边是光标处的条目，右边是和它相关的条目", .hints = hints,
    .state_size = sizeof(struct pair), .open = pair_open, .free = pair_free,
    .draw = pair_draw, .key = pair_key, .click = pair_click, .where = pair_where,
};
