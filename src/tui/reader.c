/* reader.c — a document as wrapped lines. The blocks are built once per document; the
 * lines are rebuilt only when the pane's width changes, and laid out as far as they are
 * needed: a first screen wraps what it shows, the rest is laid out when the app is idle
 * or a key needs the whole (the line count, the end, a span further on). Offsets in the
 * highlights and in the places the reader is asked to go to are offsets into a section's
 * text (its paragraphs joined by "\n"), so they survive any width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/text.h"
#include "draw.h"
#include "reader_int.h"

#define MARGIN READER_MARGIN

static void rdoc_free(struct reader_doc *d)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        free(d->blocks[i].own);
    }
    free(d->blocks);
    store_nodes_free(&d->nodes, d->nnodes);
    free(d->lines);
    memset(d, 0, sizeof *d);
}

/* Moves the reader's document into d (its cache), or back out of it. */
static void stash(struct reader *r, struct reader_doc *d)
{
    *d = r->d;
    memset(&r->d, 0, sizeof r->d);
}

static void unstash(struct reader *r, struct reader_doc *d)
{
    r->d = *d;
    memset(d, 0, sizeof *d);
}

static void clear_current(struct reader *r)
{
    for (int k = 0; k < SPAN_COUNT; k++)
        r->current[k] = -1;
}

static int reader_init(struct pane *p)
{
    struct reader *r = p->state;
    r->doc = -1;
    r->spans_gen = p->ui->spans.gen - 1;   /* none mapped yet */
    clear_current(r);
    return 0;
}

static void reader_free(struct pane *p)
{
    struct reader *r = p->state;
    rdoc_free(&r->d);
    for (size_t d = 0; r->cache && d < p->ui->corpus->ndocs; d++)
        rdoc_free(&r->cache[d]);
    free(r->cache);
    free(r->spans);
    memset(r, 0, sizeof *r);
}

/* Adds a block; text is copied. */
static int add_block(struct reader *r, size_t *cap, enum role role, int section, long off,
                     int gap, const char *text)
{
    if (r->d.nblocks == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        struct rblock *v = realloc(r->d.blocks, c * sizeof *v);
        if (!v)
            return -1;
        r->d.blocks = v;
        *cap = c;
    }
    struct rblock *b = &r->d.blocks[r->d.nblocks];
    memset(b, 0, sizeof *b);
    b->role = role;
    b->section = section;
    b->sec_off = off;
    b->gap = gap;
    size_t n = strlen(text);
    if (!(b->own = strdup(text)))
        return -1;
    b->len = n;
    b->text = b->own;
    r->d.nblocks++;
    return 0;
}

static int build_blocks(struct pane *p)
{
    struct reader *r = p->state;
    const struct doc_row *d = &p->ui->corpus->docs[r->doc];
    size_t cap = 0;
    char meta[1024];
    snprintf(meta, sizeof meta, "%s%s%s%s%s", d->region ? d->region : "",
             d->issuer && *d->issuer ? "  " : "", d->issuer ? d->issuer : "",
             d->published && *d->published ? "  " : "", d->published ? d->published : "");
    if (add_block(r, &cap, ROLE_HEADING, -1, -1, 0, d->title ? d->title : d->slug) < 0 ||
        add_block(r, &cap, ROLE_META, -1, -1, 0, meta) < 0)
        return -1;
    int section = -1;
    long off = 0;
    int after_heading = 0;
    for (size_t i = 0; i < r->d.nnodes; i++) {
        const struct node_row *nr = &r->d.nodes[i];
        if (nr->kind != NODE_PARAGRAPH) {
            section = (int)i;
            off = 0;
            after_heading = 0;
            if (nr->kind == NODE_PREAMBLE)
                continue;
            char *h = node_heading(nr->kind, nr->label, nr->title);
            int rc = h ? add_block(r, &cap, nr->kind == NODE_CHAPTER ? ROLE_HEADING
                                                                      : ROLE_SUBHEADING,
                                   section, -1, 1, h) : -1;
            free(h);
            if (rc < 0)
                return -1;
            after_heading = 1;
            continue;
        }
        const char *t = nr->text ? nr->text : "";
        if (add_block(r, &cap, ROLE_NORMAL, section, off, !after_heading, t) < 0)
            return -1;
        off += (long)strlen(t) + 1;
        after_heading = 0;
    }
    return 0;
}

static int relayout(struct pane *p);

int reader_open(struct pane *p, int doc)
{
    struct reader *r = p->state;
    const struct corpus *c = p->ui->corpus;
    if (r->doc == doc && r->d.nodes)
        return 0;
    if (!r->cache && !(r->cache = calloc(c->ndocs + 1, sizeof *r->cache)))
        return -1;
    if (r->doc >= 0)
        stash(r, &r->cache[r->doc]);
    r->doc = doc;
    clear_current(r);
    p->dirty |= PANE_REDRAW | PANE_STATUS;
    if (r->cache[doc].nodes) {
        unstash(r, &r->cache[doc]);
        if (!relayout(p))
            reader_spans(p);
        return 0;
    }
    struct err e = { "" };
    r->failed[0] = '\0';
    if (store_nodes(c->store, c->docs[doc].id, 1, &r->d.nodes, &r->d.nnodes, &e) < 0) {
        ui_message(p->ui, ROLE_ERROR, "%s", e.msg);
        snprintf(r->failed, sizeof r->failed, "%.290s", e.msg);
        r->doc = -1;
        return -1;
    }
    corpus_outline_from(c, doc, r->d.nodes, r->d.nnodes);
    if (build_blocks(p) < 0) {
        ui_message(p->ui, ROLE_ERROR, "out of memory");
        snprintf(r->failed, sizeof r->failed, "out of memory");
        struct reader_doc d;
        stash(r, &d);
        rdoc_free(&d);
        r->doc = -1;
        return -1;
    }
    r->d.width = 0;
    r->d.top = r->d.cur = 0;
    relayout(p);   /* the width was 0: it lays out anew and maps the spans */
    return 0;
}

static int push_line(struct reader *r, struct rline l)
{
    if (r->d.nlines == r->d.cap) {
        size_t c = r->d.cap ? r->d.cap * 2 : 256;
        struct rline *v = realloc(r->d.lines, c * sizeof *v);
        if (!v)
            return -1;
        r->d.lines = v;
        r->d.cap = c;
    }
    r->d.lines[r->d.nlines++] = l;
    return 0;
}

/* Block i's lines after those there are. -1 when memory ran out. */
static int wrap_block(struct reader *r, size_t i, int width)
{
    const struct rblock *b = &r->d.blocks[i];
    int failed = 0;
    if (b->gap)
        failed |= push_line(r, (struct rline){ (int)i, 0, 0 });
    struct text_line *tl = NULL;
    size_t n = text_wrap(b->text, b->len, width, &tl);
    if (!n && b->len)   /* text always makes a line: none is memory gone */
        failed = 1;
    if (!n)
        failed |= push_line(r, (struct rline){ (int)i, 0, 0 });
    for (size_t k = 0; k < n && !failed; k++)
        failed |= push_line(r, (struct rline){ (int)i, tl[k].start, tl[k].end });
    free(tl);
    return failed ? -1 : 0;
}

/* Starts the layout anew at a width: no line yet. */
static void unlay(struct reader *r, int width)
{
    r->d.nlines = 0;
    r->d.laid = 0;
    r->d.width = width;
}

/* Lays out blocks until there are `need` lines and block `block` is laid out. */
static int lay_out(struct pane *p, size_t need, size_t block)
{
    struct reader *r = p->state;
    size_t from = r->d.laid;
    if (r->doc < 0 || !r->d.width)
        return 0;
    while (r->d.laid < r->d.nblocks && (r->d.nlines < need || r->d.laid <= block)) {
        if (wrap_block(r, r->d.laid, r->d.width) < 0) {
            /* No line at all, never a document with paragraphs missing. */
            unlay(r, 0);
            reader_spans_laid(r, 0, 0);
            r->d.cur = r->d.top = 0;
            snprintf(r->failed, sizeof r->failed,
                     "out of memory: the document cannot be laid out");
            ui_message(p->ui, ROLE_ERROR, "%s", r->failed);
            p->dirty |= PANE_REDRAW | PANE_STATUS;
            return -1;
        }
        r->d.laid++;
    }
    if (r->d.laid > from)
        reader_spans_laid(r, from, r->d.laid);
    return 0;
}

int reader_lay_out(struct pane *p, size_t need)
{
    return lay_out(p, need, 0);
}

int reader_laid_out(const struct pane *p)
{
    const struct reader *r = p->state;
    return r->doc < 0 || !r->d.width || r->d.laid >= r->d.nblocks;
}

int reader_idle(struct pane *p)
{
    if (reader_laid_out(p))
        return 0;
    reader_lay_out(p, SIZE_MAX);
    p->dirty |= PANE_STATUS;
    return 1;
}

int reader_text_width(const struct pane *p)
{
    const struct reader *r = p->state;
    int width = p->w - 2 * MARGIN, measure = p->ui->measure;
    if (!r->full && measure > 0 && width > measure)
        width = measure;
    return width < 2 ? 2 : width;
}

/* Wraps to the text's width if it changed, keeping the cursor on the same text; 1 if it
 * did (the spans mapped again with it), 0 if the lines were already at that width. */
static int relayout(struct pane *p)
{
    struct reader *r = p->state;
    int width = reader_text_width(p);
    if (r->doc < 0 || width == r->d.width)
        return 0;
    int64_t node = 0;
    long off = 0;
    int had = r->d.nlines > 0;
    if (had)
        reader_where(p, &node, &off);
    size_t top_gap = r->d.cur >= r->d.top ? r->d.cur - r->d.top : 0;
    unlay(r, width);
    r->d.cur = r->d.top = 0;
    r->failed[0] = '\0';
    reader_spans(p);
    if (had) {
        reader_goto(p, node, off);
        r->d.top = r->d.cur > top_gap ? r->d.cur - top_gap : 0;
    }
    return 1;
}

/* The line holding drawn offset pos of block b: the last of b's lines starting at or
 * before pos (a block's blank line and its first line both start at 0). */
size_t reader_line_of(const struct reader *r, int b, size_t pos)
{
    size_t lo = 0, hi = r->d.nlines;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct rline *l = &r->d.lines[mid];
        if (l->block < b || (l->block == b && l->start <= pos))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

static int section_index(const struct reader *r, int64_t node_id)
{
    for (size_t i = 0; i < r->d.nnodes; i++)
        if (r->d.nodes[i].id == node_id)
            return (int)i;
    return -1;
}

void reader_show_cursor(struct pane *p, int near_top)
{
    struct reader *r = p->state;
    int h = p->h;
    if (h <= 0)
        return;
    size_t ctx = near_top ? (size_t)(h / 4) : 0;
    if (near_top)
        r->d.top = r->d.cur > ctx ? r->d.cur - ctx : 0;
    if (r->d.cur < r->d.top)
        r->d.top = r->d.cur;
    if (r->d.cur >= r->d.top + (size_t)h)
        r->d.top = r->d.cur - (size_t)h + 1;
}

void reader_goto(struct pane *p, int64_t node_id, long offset)
{
    struct reader *r = p->state;
    int s = node_id ? section_index(r, node_id) : -1;
    size_t line = 0;
    if (s >= 0) {
        int best = -1;
        for (size_t b = 0; b < r->d.nblocks; b++) {
            const struct rblock *bl = &r->d.blocks[b];
            if (bl->section != s)
                continue;
            if (best < 0 || (bl->sec_off >= 0 && bl->sec_off <= offset && offset > 0))
                best = (int)b;
        }
        if (best >= 0 && lay_out(p, 0, (size_t)best) == 0 && r->d.nlines) {
            const struct rblock *bl = &r->d.blocks[best];
            long within = bl->sec_off >= 0 ? offset - bl->sec_off : 0;
            size_t pos = (size_t)(within > 0 ? within : 0);
            line = reader_line_of(r, best, pos < bl->len ? pos : bl->len);
        }
    }
    int h = p->h;
    /* The lines a screen from there shows, for the clamp at the end below. */
    lay_out(p, line + (size_t)(h > 0 ? h : 1), 0);
    r->d.cur = line < r->d.nlines ? line : 0;
    if (!r->d.nlines)   /* nothing laid out (memory ran out: the error line says so) */
        return;
    /* A section's heading goes to the top; a place inside a paragraph gets context. */
    int at_heading = s >= 0 && r->d.blocks[r->d.lines[r->d.cur].block].sec_off < 0;
    r->d.top = r->d.cur;
    if (!at_heading)
        reader_show_cursor(p, 1);
    else if (h > 0 && r->d.top + (size_t)h > r->d.nlines)
        r->d.top = r->d.nlines > (size_t)h ? r->d.nlines - (size_t)h : 0;
    p->dirty |= PANE_REDRAW | PANE_STATUS;
}

int reader_doc(const struct pane *p)
{
    return ((const struct reader *)p->state)->doc;
}

void reader_where(const struct pane *p, int64_t *node_id, long *offset)
{
    const struct reader *r = p->state;
    *node_id = 0;
    *offset = 0;
    if (r->d.cur >= r->d.nlines)
        return;
    const struct rline *l = &r->d.lines[r->d.cur];
    const struct rblock *b = &r->d.blocks[l->block];
    if (b->section < 0)
        return;
    *node_id = r->d.nodes[b->section].id;
    if (b->sec_off >= 0)
        *offset = b->sec_off + (long)l->start;
}

void reader_select(const struct pane *p, struct selection *s)
{
    const struct reader *r = p->state;
    int64_t node;
    long off;
    reader_where(p, &node, &off);
    s->doc = r->doc;
    s->node = node ? corpus_outline_index(p->ui->corpus, r->doc, node) : -1;
    for (int k = 0; k < SPAN_COUNT; k++)
        s->span[k] = reader_span_at_cursor(p, (enum span_kind)k);
}

static unsigned step(struct pane *p, long delta, int scroll)
{
    struct reader *r = p->state;
    int h = p->h;
    long c = (long)r->d.cur + delta;
    long last = r->d.nlines ? (long)r->d.nlines - 1 : 0;
    r->d.cur = (size_t)(c < 0 ? 0 : c > last ? last : c);
    /* Paging moves the view with the cursor, as less does. */
    if (scroll && h > 0) {
        long t = (long)r->d.top + delta;
        long maxtop = (long)r->d.nlines - h;
        if (maxtop < 0)
            maxtop = 0;
        r->d.top = (size_t)(t < 0 ? 0 : t > maxtop ? maxtop : t);
    }
    return PANE_HANDLED | PANE_STATUS | (scroll ? PANE_REDRAW : PANE_MOVED);
}

static unsigned reader_key(struct pane *p, enum cmd c, keycode k)
{
    struct reader *r = p->state;
    (void)k;
    int big;
    /* A motion may go to the end, or clamp there: it needs every line. */
    if (cmd_motion(c, 1, 1, &big))
        reader_lay_out(p, SIZE_MAX);
    long d = cmd_motion(c, p->h > 0 ? p->h : 1, (long)r->d.nlines, &big);
    if (d)
        return step(p, d, big);
    if (c == CMD_TEXT_WIDTH) {
        char key[32];
        r->full = !r->full;
        relayout(p);
        hint_key(p->ui->keys, KCTX_READER, CMD_TEXT_WIDTH, key, sizeof key);
        if (r->full)
            ui_message(p->ui, ROLE_STATUS, "文字用满阅读区的宽度（%s 回到每行最多 %d 列）", key,
                       p->ui->measure);
        else
            ui_message(p->ui, ROLE_STATUS, "每行最多 %d 列（%s 用满宽度；--text-width 设定）",
                       p->ui->measure, key);
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    }
    /* Enter on a highlighted span goes to the pane that owns it (a target: its panel). */
    if (c == CMD_ENTER)
        for (int s = 0; s < SPAN_COUNT; s++) {
            const struct span_source *src = &p->ui->spans.src[s];
            if (src->enter_focuses && src->owner &&
                reader_span_at_cursor(p, (enum span_kind)s) >= 0) {
                ui_focus(p->ui, src->owner->id);
                return PANE_HANDLED;
            }
        }
    return 0;
}

static unsigned reader_click(struct pane *p, int y, int x)
{
    struct reader *r = p->state;
    size_t li = r->d.top + (size_t)y;
    (void)x;
    if (y < 0 || li >= r->d.nlines)
        return 0;
    r->d.cur = li;
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
}

/* Ambiguous characters' width became known after the first screen: every document is
 * laid out anew for it, at the same place. */
static void reglyph(struct pane *p)
{
    struct reader *r = p->state;
    for (size_t d = 0; r->cache && d < p->ui->corpus->ndocs; d++)
        rdoc_free(&r->cache[d]);
    if (r->doc < 0 || !r->d.nodes)
        return;
    int64_t node = 0;
    long off = 0;
    if (r->d.nlines)
        reader_where(p, &node, &off);
    for (size_t i = 0; i < r->d.nblocks; i++)
        free(r->d.blocks[i].own);
    free(r->d.blocks), free(r->d.lines);
    r->d.blocks = NULL, r->d.lines = NULL;
    r->d.nblocks = r->d.nlines = r->d.cap = r->d.laid = 0;
    r->d.width = 0;
    if (build_blocks(p) < 0) {
        snprintf(r->failed, sizeof r->failed, "out of memory");
        ui_message(p->ui, ROLE_ERROR, "%s", r->failed);
        return;
    }
    relayout(p);
    reader_goto(p, node, off);
}

static unsigned reader_notify(struct pane *p, unsigned events)
{
    const struct reader *r = p->state;
    if (events & UI_GLYPHS) {
        reglyph(p);
        return PANE_REDRAW;
    }
    if (events & UI_RESIZED)
        relayout(p);
    /* Not again for the registry's change the spans were mapped at: opening the first
     * document maps them after the sources registered, before the first sync tells. */
    if ((events & UI_SPANS) && r->spans_gen != p->ui->spans.gen) {
        reader_spans(p);
        return PANE_REDRAW;
    }
    return 0;
}

/* The pane drawn: the lines it shows laid out first. */
static void draw(struct pane *p, int focused)
{
    struct reader *r = p->state;
    reader_show_cursor(p, 0);
    reader_lay_out(p, r->d.top + (size_t)(p->h > 0 ? p->h : 1));
    reader_draw(p, focused);
}

/* "120/800 15%": where the pane is, for the status line ("120/…" until the count is
 * known: a first screen is drawn before the whole document is laid out). */
static void reader_position(const struct pane *p, char *buf, size_t n)
{
    const struct reader *r = p->state;
    int h = p->h;
    if (r->d.laid < r->d.nblocks && r->d.nlines) {   /* the count is not known yet */
        snprintf(buf, n, "%zu/…", r->d.cur + 1);
        return;
    }
    size_t bottom = r->d.top + (size_t)(h > 0 ? h : 0);
    if (bottom > r->d.nlines)
        bottom = r->d.nlines;
    int pct = r->d.nlines ? (int)(bottom * 100 / r->d.nlines) : 100;
    snprintf(buf, n, "%zu/%zu %d%%", r->d.nlines ? r->d.cur + 1 : 0, r->d.nlines, pct);
}

static const struct hint hints[] = {
    { CMD_NEXT_TARGET, CMD_PREV_TARGET, " ", "指标" }, { CMD_SEARCH, CMD_NONE, "", "搜索" },
    { CMD_COMPARE, CMD_NONE, "", "对比" }, { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" },
    { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops reader_ops = {
    .name = "reader", .place = PLACE_MAIN, .flags = PANE_WHEEL | PANE_CLICK_FOCUS,
    .kctx = KCTX_READER, .hint_lead = "阅读", .hints = hints,
    .state_size = sizeof(struct reader),
    .init = reader_init, .free = reader_free, .draw = draw, .key = reader_key,
    .click = reader_click, .notify = reader_notify, .where = reader_position,
};
