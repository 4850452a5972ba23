/* tree.c — the sidebar (tree_ops): documents grouped by level, then chapters, then items.
 * Rows are rebuilt from the open/closed flags whenever one changes; drawing reads the
 * rows, so the two never disagree. It follows the reader through the selection: the
 * section shown is marked, and a jump opens the chapters down to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "draw.h"
#include "ui.h"

enum trow_kind { TR_GROUP, TR_DOC, TR_NODE };

struct trow {
    enum trow_kind kind;
    int group;          /* index into the level groups */
    int doc;            /* index into the corpus's docs, -1 for a group */
    int node;           /* index into the document's outline, -1 for a group or document */
    int depth;
};

struct tree {
    struct trow *rows;
    size_t n, cap;
    unsigned char *group_closed;   /* per level group */
    unsigned char *doc_open;       /* per document */
    unsigned char **node_open;     /* per document, per outline node (chapters) */
    size_t cur, top;
    /* What each row of the window shows, as last drawn: the row and its role (-1: blank).
     * A row that would be drawn the same is left as it is (a jump redrew all forty, a
     * tenth of the key). Valid while the rows are the same build (gen) in the same
     * window (a new one is blank: UI_RESIZED). */
    struct drawn_row { size_t i; int role; } *drawn;
    int drawn_h, drawn_w, drawn_valid;
    unsigned gen, drawn_gen;
};

static int push(struct tree *t, struct trow r)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct trow *v = realloc(t->rows, cap * sizeof *v);
        if (!v)
            return -1;
        t->rows = v;
        t->cap = cap;
    }
    t->rows[t->n++] = r;
    return 0;
}

/* A document's open/closed flags per outline node, made when its outline is first shown;
 * NULL when memory ran out (every chapter then shows closed). */
static unsigned char *node_flags(struct tree *t, const struct outline *o, int d)
{
    if (!t->node_open[d])
        t->node_open[d] = calloc(o->n + 1, 1);
    return t->node_open[d];
}

/* Is outline node i of a document a section that can be folded (a chapter with items)? */
static int has_children(const struct outline *o, size_t i)
{
    return i + 1 < o->n && o->nodes[i + 1].parent_id == o->nodes[i].id;
}

static void rebuild(struct pane *p)
{
    struct tree *t = p->state;
    const struct corpus *c = p->ui->corpus;
    struct trow keep = t->n ? t->rows[t->cur] : (struct trow){ TR_GROUP, 0, -1, -1, 0 };
    t->n = 0;
    t->gen++;
    int last_group = -1;
    for (size_t k = 0; k < c->ndocs; k++) {
        int d = c->doc_order[k];
        int g = corpus_group_of(c->docs[d].level);
        if (g != last_group) {
            push(t, (struct trow){ TR_GROUP, g, -1, -1, 0 });
            last_group = g;
        }
        if (t->group_closed[g])
            continue;
        push(t, (struct trow){ TR_DOC, g, d, -1, 1 });
        if (!t->doc_open[d])
            continue;
        const struct outline *o = corpus_outline(c, d);
        const unsigned char *flags = node_flags(t, o, d);
        int chapter_open = 1;
        for (size_t i = 0; i < o->n; i++) {
            const struct node_row *nr = &o->nodes[i];
            /* The preamble is reached through its document's row. */
            if (nr->kind == NODE_PARAGRAPH || nr->kind == NODE_PREAMBLE)
                continue;
            if (nr->depth == 0) {
                chapter_open = flags && flags[i];
                push(t, (struct trow){ TR_NODE, g, d, (int)i, 2 });
            } else if (chapter_open || nr->parent_id == 0) {
                push(t, (struct trow){ TR_NODE, g, d, (int)i, nr->parent_id ? 3 : 2 });
            }
        }
    }
    t->cur = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].kind == keep.kind && t->rows[i].doc == keep.doc &&
            t->rows[i].node == keep.node && t->rows[i].group == keep.group)
            t->cur = i;
}

static int tree_init(struct pane *p)
{
    struct tree *t = p->state;
    const struct corpus *c = p->ui->corpus;
    t->group_closed = calloc((size_t)corpus_group_count(), 1);
    t->doc_open = calloc(c->ndocs ? c->ndocs : 1, 1);
    t->node_open = calloc(c->ndocs ? c->ndocs : 1, sizeof *t->node_open);
    if (!t->group_closed || !t->doc_open || !t->node_open)
        return -1;
    rebuild(p);
    return 0;
}

static void tree_free(struct pane *p)
{
    struct tree *t = p->state;
    for (size_t d = 0; t->node_open && d < p->ui->corpus->ndocs; d++)
        free(t->node_open[d]);
    free(t->node_open);
    free(t->doc_open);
    free(t->group_closed);
    free(t->rows);
    free(t->drawn);
    memset(t, 0, sizeof *t);
}

/* The outline index of the chapter that holds outline node i (itself if a chapter). */
static int chapter_of(const struct outline *o, int i)
{
    while (i > 0 && o->nodes[i].parent_id) {
        int p = i - 1;
        while (p >= 0 && o->nodes[p].id != o->nodes[i].parent_id)
            p--;
        if (p < 0)
            break;
        i = p;
    }
    return i;
}

/* The row to mark as "shown in the reader": the section, or what folds it away. */
static size_t marked_row(const struct pane *p)
{
    const struct tree *t = p->state;
    const struct selection *s = &p->ui->sel;
    size_t best = (size_t)-1;
    for (size_t i = 0; i < t->n; i++) {
        const struct trow *r = &t->rows[i];
        if (r->doc != s->doc)
            continue;
        if (r->kind == TR_DOC && best == (size_t)-1)
            best = i;
        if (r->kind == TR_NODE && s->node >= 0 &&
            (r->node == s->node ||
             r->node == chapter_of(corpus_outline(p->ui->corpus, s->doc), s->node)))
            best = i;
    }
    return best;
}

static void row_label(const struct corpus *c, const struct trow *r, char *buf, size_t n)
{
    if (r->kind == TR_GROUP) {
        snprintf(buf, n, "%s", corpus_group_label(r->group));
    } else if (r->kind == TR_DOC) {
        /* A document's title in 《》, as Chinese writes the name of a document. */
        const struct doc_row *d = &c->docs[r->doc];
        snprintf(buf, n, "《%s》", d->title && *d->title ? d->title : d->slug);
    } else {
        const struct node_row *nr = &corpus_outline(c, r->doc)->nodes[r->node];
        char *h = node_heading(nr->kind, nr->label, nr->title);
        snprintf(buf, n, "%s", h ? h : "");
        free(h);
    }
}

/* The fold marker of a row, or NULL for a leaf. */
static const char *marker(const struct pane *p, const struct trow *r)
{
    const struct tree *t = p->state;
    if (r->kind == TR_GROUP)
        return glyph(t->group_closed[r->group] ? G_CLOSED : G_OPEN);
    if (r->kind == TR_DOC)
        return glyph(t->doc_open[r->doc] ? G_OPEN : G_CLOSED);
    if (!has_children(corpus_outline(p->ui->corpus, r->doc), (size_t)r->node))
        return NULL;
    return glyph(t->node_open[r->doc] && t->node_open[r->doc][r->node] ? G_OPEN : G_CLOSED);
}

static void clamp_view(struct tree *t, int h)
{
    if (t->cur >= t->n)
        t->cur = t->n ? t->n - 1 : 0;
    if (h <= 0)
        return;
    if (t->cur < t->top)
        t->top = t->cur;
    if (t->cur >= t->top + (size_t)h)
        t->top = t->cur - (size_t)h + 1;
    if (t->top + (size_t)h > t->n)
        t->top = t->n > (size_t)h ? t->n - (size_t)h : 0;
}

/* Row y of the window: row i of the tree in role, or blank (role -1). */
static void draw_row(struct pane *p, int y, size_t i, int role)
{
    const struct tree *t = p->state;
    WINDOW *w = p->win;
    int wd = getmaxx(w);
    if (role < 0) {
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        return;
    }
    const struct trow *r = &t->rows[i];
    attr_t at = theme_attr((enum role)role);
    draw_fill(w, y, 0, wd, at);
    /* Each level two columns in from the one above: group, document, chapter, item. */
    int x = r->depth ? 2 * r->depth - 1 : 0;
    const char *m = marker(p, r);
    if (m)
        draw_text(w, y, x, m, strlen(m), wd - x, at);
    x += 2;
    char label[1024];
    row_label(p->ui->corpus, r, label, sizeof label);
    if (x < wd)
        draw_trunc(w, y, x, label, strlen(label), wd - x, at);
}

static void tree_draw(struct pane *p, int focused)
{
    struct tree *t = p->state;
    int h = getmaxy(p->win), wd = getmaxx(p->win);
    size_t mark = marked_row(p);
    /* While the reader has the focus the sidebar's cursor follows what it shows, so the
     * place is in view here and Tab lands on it. */
    if (!focused && mark != (size_t)-1)
        t->cur = mark;
    clamp_view(t, h);
    int keep = t->drawn_valid && t->drawn_gen == t->gen && t->drawn_h == h && t->drawn_w == wd;
    if (!keep && h > 0) {
        struct drawn_row *d = realloc(t->drawn, (size_t)h * sizeof *d);
        t->drawn_valid = d != NULL;
        if (d) {
            t->drawn = d;
            t->drawn_h = h, t->drawn_w = wd, t->drawn_gen = t->gen;
        }
    }
    for (int y = 0; y < h; y++) {
        size_t i = t->top + (size_t)y;
        int role = -1;
        if (i < t->n) {
            const struct trow *r = &t->rows[i];
            role = r->kind == TR_GROUP ? ROLE_TREE_GROUP
                   : r->kind == TR_DOC ? ROLE_TREE_DOC : ROLE_TREE;
            if (i == mark)
                role = ROLE_TREE_CURRENT;
            if (i == t->cur)
                role = focused ? ROLE_CURSOR : ROLE_CURSOR_IDLE;
            if (i == t->cur && focused)
                pane_cursor(p, y, 0);
        }
        if (t->drawn_valid) {
            if (keep && t->drawn[y].i == i && t->drawn[y].role == role)
                continue;
            t->drawn[y] = (struct drawn_row){ i, role };
        }
        draw_row(p, y, i, role);
    }
}

/* Opens the row's document, chapter or item in the reader. */
static void open_row(struct pane *p, const struct trow *r)
{
    struct loc to = { r->doc, 0, 0 };
    if (r->kind == TR_NODE)
        to.node_id = corpus_outline(p->ui->corpus, r->doc)->nodes[r->node].id;
    ui_jump(p->ui, to);
}

static int toggle(struct pane *p, const struct trow *r, int open)
{
    struct tree *t = p->state;
    if (r->kind == TR_NODE && (!t->node_open[r->doc] ||
                               !has_children(corpus_outline(p->ui->corpus, r->doc), (size_t)r->node)))
        return 0;
    unsigned char *flag = r->kind == TR_GROUP ? &t->group_closed[r->group]
                          : r->kind == TR_DOC ? &t->doc_open[r->doc]
                          : &t->node_open[r->doc][r->node];
    int is_open = r->kind == TR_GROUP ? !*flag : *flag;
    if (is_open == open)
        return 0;
    *flag = r->kind == TR_GROUP ? !open : open;
    rebuild(p);
    return 1;
}

/* The row above r one level up, for "collapse" on something already folded. */
static void to_parent(struct tree *t)
{
    int depth = t->rows[t->cur].depth;
    for (size_t i = t->cur; i-- > 0;)
        if (t->rows[i].depth < depth) {
            t->cur = i;
            return;
        }
}

/* The row's whole title on the status line (the sidebar cuts titles short): a document's
 * with its region and date. */
static void show_title(struct pane *p, const struct trow *r)
{
    char label[1024];
    row_label(p->ui->corpus, r, label, sizeof label);
    if (r->kind != TR_DOC) {
        ui_message(p->ui, ROLE_STATUS, "%s", label);
        return;
    }
    const struct doc_row *d = &p->ui->corpus->docs[r->doc];
    ui_message(p->ui, ROLE_STATUS, "%s  %s%s%s", label, d->region ? d->region : "",
               d->published && *d->published ? " " : "", d->published ? d->published : "");
}

static unsigned tree_key(struct pane *p, enum cmd c, keycode k)
{
    struct tree *t = p->state;
    int page = p->h > 1 ? p->h - 1 : 1, big;
    (void)k;
    if (!t->n)
        return 0;
    struct trow r = t->rows[t->cur];
    long d = cmd_motion(c, page, (long)t->n, &big);
    if (d) {
        long to = (long)t->cur + d;
        t->cur = to < 0 ? 0 : (size_t)to >= t->n ? t->n - 1 : (size_t)to;
        return PANE_HANDLED | PANE_REDRAW;
    }
    switch (c) {
    case CMD_LEFT:
        if (!toggle(p, &r, 0))
            to_parent(t);
        break;
    case CMD_RIGHT:
        if (!toggle(p, &r, 1) && r.kind == TR_NODE)
            open_row(p, &r);
        break;
    case CMD_SHOW_TITLE:
        show_title(p, &r);
        return PANE_HANDLED;
    case CMD_ENTER:
        if (r.kind == TR_GROUP) {
            toggle(p, &r, t->group_closed[r.group]);
            break;
        }
        toggle(p, &r, 1);
        open_row(p, &r);
        ui_focus(p->ui, PANE_READER);
        break;
    default:
        return 0;
    }
    return PANE_HANDLED | PANE_REDRAW;
}

/* Opens the chapters above a section and moves the sidebar's cursor to it. */
static void reveal(struct pane *p, int doc, int64_t node_id)
{
    struct tree *t = p->state;
    const struct corpus *c = p->ui->corpus;
    if (doc < 0 || (size_t)doc >= c->ndocs)
        return;
    int g = corpus_group_of(c->docs[doc].level);
    int changed = !t->doc_open[doc] || t->group_closed[g];
    t->doc_open[doc] = 1;
    t->group_closed[g] = 0;
    int node = corpus_outline_index(c, doc, node_id);
    unsigned char *flags = node_flags(t, corpus_outline(c, doc), doc);
    if (node >= 0 && flags) {
        int ch = chapter_of(corpus_outline(c, doc), node);
        if (ch != node && !flags[ch]) {
            flags[ch] = 1;
            changed = 1;
        }
    }
    if (changed || !t->n)
        rebuild(p);
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].doc == doc &&
            ((node < 0 && t->rows[i].kind == TR_DOC) || (node >= 0 && t->rows[i].node == node)))
            t->cur = i;
}

static unsigned tree_notify(struct pane *p, unsigned events)
{
    if (events & (UI_RESIZED | UI_GLYPHS))     /* a new window, or other glyphs */
        ((struct tree *)p->state)->drawn_valid = 0;
    if (events & UI_JUMPED)
        reveal(p, p->ui->sel.jumped.doc, p->ui->sel.jumped.node_id);
    return events & (UI_PLACE | UI_JUMPED) ? PANE_REDRAW : 0;
}

static unsigned tree_click(struct pane *p, int y, int x)
{
    struct tree *t = p->state;
    size_t i = t->top + (size_t)y;
    (void)x;
    if (y < 0 || i >= t->n)
        return 0;
    t->cur = i;
    return tree_key(p, CMD_ENTER, 0) | PANE_REDRAW;
}

static const struct hint hints[] = {
    { CMD_ENTER, CMD_NONE, "", "打开" }, { CMD_LEFT, CMD_RIGHT, "/", "折叠/展开" },
    { CMD_SHOW_TITLE, CMD_NONE, "", "完整标题" },
    { CMD_SIDEBAR_NARROWER, CMD_SIDEBAR_WIDER, " ", "宽窄" },
    { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops tree_ops = {
    .name = "tree", .place = PLACE_SIDEBAR, .flags = PANE_WHEEL | PANE_CLICK_FOCUS,
    .kctx = KCTX_TREE, .hint_lead = "侧栏", .hints = hints, .state_size = sizeof(struct tree),
    .init = tree_init, .free = tree_free, .draw = tree_draw, .key = tree_key,
    .click = tree_click, .notify = tree_notify,
};
