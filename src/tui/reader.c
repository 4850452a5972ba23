/* reader.c — a document as wrapped lines. The blocks are built once per document; the
 * lines are rebuilt only when the pane's width changes. Offsets in the highlights and in
 * the places the reader is asked to go to are offsets into a section's text (its
 * paragraphs joined by "\n"), so they survive any width. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/text.h"
#include "app.h"
#include "draw.h"
#include "reader_int.h"

#define MARGIN 1

static void rdoc_free(struct reader_doc *d)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        free(d->blocks[i].own);
        free(d->blocks[i].map);
    }
    free(d->blocks);
    store_nodes_free(&d->nodes, d->nnodes);
    free(d->lines);
    memset(d, 0, sizeof *d);
}

/* Moves the reader's document into d, or back out of it. */
static void stash(struct reader *r, struct reader_doc *d)
{
    *d = (struct reader_doc){ r->nodes, r->nnodes, r->blocks, r->nblocks, r->lines,
                              r->nlines, r->width, r->top, r->cur };
    r->nodes = NULL;
    r->blocks = NULL;
    r->lines = NULL;
    r->nnodes = r->nblocks = r->nlines = 0;
    r->width = 0;
}

static void unstash(struct reader *r, struct reader_doc *d)
{
    r->nodes = d->nodes;
    r->nnodes = d->nnodes;
    r->blocks = d->blocks;
    r->nblocks = d->nblocks;
    r->lines = d->lines;
    r->nlines = d->nlines;
    r->width = d->width;
    r->top = d->top;
    r->cur = d->cur;
    memset(d, 0, sizeof *d);
}

void reader_free(struct app *a)
{
    struct reader *r = &a->reader;
    struct reader_doc here;
    stash(r, &here);
    rdoc_free(&here);
    for (size_t d = 0; r->cache && d < a->corpus.ndocs; d++)
        rdoc_free(&r->cache[d]);
    free(r->cache);
    free(r->spans);
    memset(r, 0, sizeof *r);
    r->doc = -1;
    r->tcur = r->hcur = -1;
}

/* Adds a block; text is copied, and made narrow-safe when ambiguous characters are wide. */
static int add_block(struct reader *r, size_t *cap, enum role role, int section, long off,
                     int gap, const char *text)
{
    if (r->nblocks == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        struct rblock *v = realloc(r->blocks, c * sizeof *v);
        if (!v)
            return -1;
        r->blocks = v;
        *cap = c;
    }
    struct rblock *b = &r->blocks[r->nblocks];
    memset(b, 0, sizeof *b);
    b->role = role;
    b->section = section;
    b->sec_off = off;
    b->gap = gap;
    size_t n = strlen(text);
    b->own = draw_ambi2() ? draw_subst(text, n, &b->len, &b->map) : strdup(text);
    if (!b->own)
        return -1;
    if (!b->map)
        b->len = n;
    b->text = b->own;
    r->nblocks++;
    return 0;
}

static int build_blocks(struct app *a)
{
    struct reader *r = &a->reader;
    const struct doc_row *d = &a->corpus.docs[r->doc];
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
    for (size_t i = 0; i < r->nnodes; i++) {
        const struct node_row *nr = &r->nodes[i];
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

int reader_open(struct app *a, int doc)
{
    struct reader *r = &a->reader;
    if (r->doc == doc && r->nodes)
        return 0;
    if (!r->cache && !(r->cache = calloc(a->corpus.ndocs + 1, sizeof *r->cache)))
        return -1;
    if (r->doc >= 0)
        stash(r, &r->cache[r->doc]);
    r->doc = doc;
    r->tcur = r->hcur = -1;
    a->dirty |= DIRTY(W_READER) | DIRTY(W_TITLE) | DIRTY(W_TREE) | DIRTY(W_STATUS);
    if (r->cache[doc].nodes) {
        unstash(r, &r->cache[doc]);
        reader_relayout(a);
        reader_spans(a);
        return 0;
    }
    struct err e = { "" };
    if (store_nodes(a->corpus.store, a->corpus.docs[doc].id, 1, &r->nodes, &r->nnodes, &e) < 0) {
        app_message(a, ROLE_ERROR, "%s", e.msg);
        r->doc = -1;
        return -1;
    }
    if (build_blocks(a) < 0) {
        app_message(a, ROLE_ERROR, "out of memory");
        struct reader_doc d;
        stash(r, &d);
        rdoc_free(&d);
        r->doc = -1;
        return -1;
    }
    r->width = 0;
    r->top = r->cur = 0;
    reader_relayout(a);
    reader_spans(a);
    return 0;
}

static int push_line(struct reader *r, size_t *cap, struct rline l)
{
    if (r->nlines == *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        struct rline *v = realloc(r->lines, c * sizeof *v);
        if (!v)
            return -1;
        r->lines = v;
        *cap = c;
    }
    r->lines[r->nlines++] = l;
    return 0;
}

size_t reader_src_of(const struct rblock *b, size_t drawn)
{
    return b->map ? b->map[drawn] : drawn;
}

/* The drawn offset of a source offset: the first drawn byte that comes from it or later. */
size_t reader_drawn_of(const struct rblock *b, size_t src)
{
    if (!b->map)
        return src < b->len ? src : b->len;
    size_t lo = 0, hi = b->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->map[mid] < src)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void wrap_all(struct app *a, int width)
{
    struct reader *r = &a->reader;
    size_t cap = 0;
    r->nlines = 0;
    for (size_t i = 0; i < r->nblocks; i++) {
        const struct rblock *b = &r->blocks[i];
        if (b->gap)
            push_line(r, &cap, (struct rline){ (int)i, 0, 0 });
        struct text_line *tl = NULL;
        size_t n = text_wrap(b->text, b->len, width, &tl);
        if (!n)
            push_line(r, &cap, (struct rline){ (int)i, 0, 0 });
        for (size_t k = 0; k < n; k++)
            push_line(r, &cap, (struct rline){ (int)i, tl[k].start, tl[k].end });
        free(tl);
    }
    r->width = width;
}

void reader_relayout(struct app *a)
{
    struct reader *r = &a->reader;
    int width = a->rect[W_READER].w - 2 * MARGIN;
    if (width < 2)
        width = 2;
    if (r->doc < 0 || width == r->width)
        return;
    int64_t node = 0;
    long off = 0;
    int had = r->nlines > 0;
    if (had)
        reader_where(a, &node, &off);
    size_t top_gap = r->cur >= r->top ? r->cur - r->top : 0;
    wrap_all(a, width);
    if (had) {
        reader_goto(a, node, off);
        r->top = r->cur > top_gap ? r->cur - top_gap : 0;
    }
    reader_spans(a);
}

/* The line holding drawn offset pos of block b: the last of b's lines starting at or
 * before pos (a block's blank line and its first line both start at 0). */
size_t reader_line_of(const struct reader *r, int b, size_t pos)
{
    size_t lo = 0, hi = r->nlines;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const struct rline *l = &r->lines[mid];
        if (l->block < b || (l->block == b && l->start <= pos))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

static int section_index(const struct reader *r, int64_t node_id)
{
    for (size_t i = 0; i < r->nnodes; i++)
        if (r->nodes[i].id == node_id)
            return (int)i;
    return -1;
}

void reader_show_cursor(struct app *a, int near_top)
{
    struct reader *r = &a->reader;
    int h = a->rect[W_READER].h;
    if (h <= 0)
        return;
    size_t ctx = near_top ? (size_t)(h / 4) : 0;
    if (near_top)
        r->top = r->cur > ctx ? r->cur - ctx : 0;
    if (r->cur < r->top)
        r->top = r->cur;
    if (r->cur >= r->top + (size_t)h)
        r->top = r->cur - (size_t)h + 1;
}

void reader_goto(struct app *a, int64_t node_id, long offset)
{
    struct reader *r = &a->reader;
    int s = node_id ? section_index(r, node_id) : -1;
    size_t line = 0;
    if (s >= 0) {
        int best = -1;
        for (size_t b = 0; b < r->nblocks; b++) {
            const struct rblock *bl = &r->blocks[b];
            if (bl->section != s)
                continue;
            if (best < 0 || (bl->sec_off >= 0 && bl->sec_off <= offset && offset > 0))
                best = (int)b;
        }
        if (best >= 0) {
            const struct rblock *bl = &r->blocks[best];
            long within = bl->sec_off >= 0 ? offset - bl->sec_off : 0;
            line = reader_line_of(r, best, reader_drawn_of(bl, (size_t)(within > 0 ? within : 0)));
        }
    }
    r->cur = line < r->nlines ? line : 0;
    /* A section's heading goes to the top; a place inside a paragraph gets context. */
    int at_heading = s >= 0 && r->blocks[r->lines[r->cur].block].sec_off < 0;
    int h = a->rect[W_READER].h;
    r->top = r->cur;
    if (!at_heading)
        reader_show_cursor(a, 1);
    else if (h > 0 && r->top + (size_t)h > r->nlines)
        r->top = r->nlines > (size_t)h ? r->nlines - (size_t)h : 0;
    a->dirty |= DIRTY(W_READER) | DIRTY(W_TITLE) | DIRTY(W_TREE) | DIRTY(W_STATUS) |
                DIRTY(W_PANEL);
}

void reader_where(const struct app *a, int64_t *node_id, long *offset)
{
    const struct reader *r = &a->reader;
    *node_id = 0;
    *offset = 0;
    if (r->cur >= r->nlines)
        return;
    const struct rline *l = &r->lines[r->cur];
    const struct rblock *b = &r->blocks[l->block];
    if (b->section < 0)
        return;
    *node_id = r->nodes[b->section].id;
    if (b->sec_off >= 0)
        *offset = b->sec_off + (long)reader_src_of(b, l->start);
}

int reader_outline_node(const struct app *a)
{
    int64_t node;
    long off;
    reader_where(a, &node, &off);
    return node ? corpus_outline_index(&a->corpus, a->reader.doc, node) : -1;
}

/* The role of drawn byte pos, from the spans on its line: a hit over a target over the
 * base. */
static enum role role_at(const struct reader *r, const size_t *on, size_t n, size_t pos,
                         enum role base)
{
    enum role role = base;
    for (size_t k = 0; k < n; k++) {
        const struct rspan *s = &r->spans[on[k]];
        if (pos < s->start || pos >= s->end)
            continue;
        int current = (long)on[k] == (s->kind == SPAN_TARGET ? r->tcur : r->hcur);
        if (s->kind == SPAN_HIT)
            return current ? ROLE_HIT_CURRENT : ROLE_HIT;
        role = current ? ROLE_TARGET_CURRENT : ROLE_TARGET;
    }
    return role;
}

/* The spans that touch line li (spans are sorted by block and start). */
static size_t spans_on(const struct reader *r, size_t li, size_t *on, size_t max)
{
    const struct rline *l = &r->lines[li];
    size_t lo = 0, hi = r->nspans, n = 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->spans[mid].block < l->block)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < r->nspans && r->spans[i].block == l->block && n < max; i++)
        if (r->spans[i].start < l->end && r->spans[i].end > l->start)
            on[n++] = i;
    return n;
}

static void draw_line(struct app *a, WINDOW *w, int y, size_t li, enum role base, int wd)
{
    const struct reader *r = &a->reader;
    const struct rline *l = &r->lines[li];
    const struct rblock *b = &r->blocks[l->block];
    size_t on[64];
    size_t non = spans_on(r, li, on, sizeof on / sizeof on[0]);
    draw_fill(w, y, 0, wd, theme_attr(base));
    int x = MARGIN;
    size_t p = l->start;
    while (p < l->end && x < wd) {
        enum role role = role_at(r, on, non, p, base);
        size_t q = p;
        while (q < l->end && role_at(r, on, non, q, base) == role) {
            uint32_t c;
            q += (size_t)text_next(b->text + q, l->end - q, &c);
        }
        x += draw_text(w, y, x, b->text + p, q - p, wd - x, theme_attr(role));
        p = q;
    }
}

void reader_draw(struct app *a, WINDOW *w, int focused)
{
    struct reader *r = &a->reader;
    int h = getmaxy(w), wd = getmaxx(w);
    reader_show_cursor(a, 0);
    int partial = r->partial && r->top == r->drawn_top;
    r->partial = 0;
    r->drawn_top = r->top;
    size_t was = r->drawn_cur;
    r->drawn_cur = r->cur;
    for (int y = 0; y < h; y++) {
        size_t li = r->top + (size_t)y;
        if (partial && li != was && li != r->cur)
            continue;
        if (li >= r->nlines) {
            draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
            continue;
        }
        enum role base = r->blocks[r->lines[li].block].role;
        if (li == r->cur)
            base = focused ? ROLE_CURSOR : ROLE_CURSOR_IDLE;
        draw_line(a, w, y, li, base, wd);
        if (li == r->cur && focused)
            app_cursor(a, w, y, MARGIN);
    }
}

static void step(struct app *a, long delta, int scroll)
{
    struct reader *r = &a->reader;
    int h = a->rect[W_READER].h;
    r->partial = !scroll;
    long c = (long)r->cur + delta;
    long last = r->nlines ? (long)r->nlines - 1 : 0;
    r->cur = (size_t)(c < 0 ? 0 : c > last ? last : c);
    /* Paging moves the view with the cursor, as less does. */
    if (scroll && h > 0) {
        long t = (long)r->top + delta;
        long maxtop = (long)r->nlines - h;
        if (maxtop < 0)
            maxtop = 0;
        r->top = (size_t)(t < 0 ? 0 : t > maxtop ? maxtop : t);
    }
    a->dirty |= DIRTY(W_READER) | DIRTY(W_STATUS);
}

int reader_key(struct app *a, enum cmd c)
{
    int h = a->rect[W_READER].h > 0 ? a->rect[W_READER].h : 1, big;
    long d = cmd_motion(c, h, (long)a->reader.nlines, &big);
    if (!d)
        return 0;
    step(a, d, big);
    return 1;
}

void reader_click(struct app *a, int y)
{
    struct reader *r = &a->reader;
    size_t li = r->top + (size_t)y;
    if (y >= 0 && li < r->nlines) {
        r->cur = li;
        a->dirty |= DIRTY(W_READER) | DIRTY(W_STATUS) | DIRTY(W_TITLE) | DIRTY(W_TREE) |
                    DIRTY(W_PANEL);
    }
}

void reader_position(const struct app *a, char *buf, size_t n)
{
    const struct reader *r = &a->reader;
    int h = a->rect[W_READER].h;
    size_t bottom = r->top + (size_t)(h > 0 ? h : 0);
    if (bottom > r->nlines)
        bottom = r->nlines;
    int pct = r->nlines ? (int)(bottom * 100 / r->nlines) : 100;
    snprintf(buf, n, "%zu/%zu %d%%", r->nlines ? r->cur + 1 : 0, r->nlines, pct);
}
