/* spans.c — the reader's highlights: each registered source's spans, given as stretches
 * of a section's text, mapped onto the drawn lines; and moving between them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "reader_int.h"

static void add_span(struct reader *r, size_t *cap, struct rspan s)
{
    if (r->nspans == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        struct rspan *v = realloc(r->spans, c * sizeof *v);
        if (!v)
            return;
        r->spans = v;
        *cap = c;
    }
    r->spans[r->nspans++] = s;
}

/* A block of section text, found by its section and offset: the blocks sorted so, each
 * stretch is placed by a binary search, not by a walk over every block (a 50 MB plan has
 * a hundred thousand blocks and as many targets). */
struct block_key {
    int64_t node_id;
    long sec_off;
    int block;
};

static int key_cmp(const void *x, const void *y)
{
    const struct block_key *p = x, *q = y;
    if (p->node_id != q->node_id)
        return p->node_id < q->node_id ? -1 : 1;
    return p->sec_off < q->sec_off ? -1 : p->sec_off > q->sec_off;
}

/* The blocks holding section text, by (section, offset); NULL when there are none or
 * memory ran out (*n 0). */
static struct block_key *block_index(const struct reader *r, size_t *n)
{
    struct block_key *v = malloc((r->d.nblocks + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t b = 0; b < r->d.nblocks; b++) {
        const struct rblock *bl = &r->d.blocks[b];
        if (bl->section >= 0 && bl->sec_off >= 0)
            v[(*n)++] = (struct block_key){ r->d.nodes[bl->section].id, bl->sec_off, (int)b };
    }
    qsort(v, *n, sizeof *v, key_cmp);
    return v;
}

/* The first key at or after (node_id, off) in index order. */
static size_t lower_bound(const struct block_key *v, size_t n, int64_t node_id, long off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].node_id < node_id || (v[mid].node_id == node_id && v[mid].sec_off < off))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Turns section stretches into drawn spans of the blocks they fall in: from the block
 * that holds the stretch's start (the last one starting at or before it) on, while the
 * blocks start before its end. */
static void map_spans(struct reader *r, size_t *cap, enum span_kind k,
                      const struct secspan *ss, size_t n, const struct block_key *idx,
                      size_t nidx)
{
    for (size_t i = 0; i < n; i++) {
        size_t j = lower_bound(idx, nidx, ss[i].node_id, ss[i].start + 1);
        if (j > 0 && idx[j - 1].node_id == ss[i].node_id)
            j--;
        for (; j < nidx && idx[j].node_id == ss[i].node_id && idx[j].sec_off < ss[i].end; j++) {
            int b = idx[j].block;
            long len = (long)r->d.blocks[b].len;
            long s = ss[i].start - idx[j].sec_off, e = ss[i].end - idx[j].sec_off;
            if (e <= 0 || s >= len)
                continue;
            size_t ds = (size_t)(s < 0 ? 0 : s), de = (size_t)(e > len ? len : e);
            add_span(r, cap, (struct rspan){ k, b, ds, de, ss[i].id, LINE_UNKNOWN,
                                             LINE_UNKNOWN });
        }
    }
}

static int span_cmp(const void *x, const void *y)
{
    const struct rspan *p = x, *q = y;
    if (p->block != q->block)
        return p->block < q->block ? -1 : 1;
    return p->start < q->start ? -1 : p->start > q->start;
}

void reader_spans(struct pane *p)
{
    struct reader *r = p->state;
    long was[SPAN_COUNT];
    for (int k = 0; k < SPAN_COUNT; k++) {
        long c = r->current[k];
        was[k] = c >= 0 && (size_t)c < r->nspans ? r->spans[c].id : -1;
        r->current[k] = -1;
    }
    r->spans_gen = p->ui->spans.gen;
    size_t cap = 0;
    free(r->spans);
    r->spans = NULL;
    r->nspans = 0;
    if (r->doc < 0)
        return;
    size_t nidx;
    struct block_key *idx = block_index(r, &nidx);
    for (int k = 0; k < SPAN_COUNT; k++) {
        const struct span_source *src = &p->ui->spans.src[k];
        const struct secspan *ss = NULL;
        size_t n = src->doc_spans ? src->doc_spans(src->owner, r->doc, &ss) : 0;
        map_spans(r, &cap, (enum span_kind)k, ss, n, idx, nidx);
    }
    free(idx);
    if (r->nspans)
        qsort(r->spans, r->nspans, sizeof *r->spans, span_cmp);
    reader_spans_laid(r, 0, r->d.laid);
    /* The current spans stay current where they are still shown. */
    for (size_t i = 0; i < r->nspans; i++) {
        enum span_kind k = r->spans[i].kind;
        if (r->spans[i].id == was[k] && r->current[k] < 0)
            r->current[k] = (long)i;
    }
    p->dirty |= PANE_REDRAW;
}

void reader_spans_laid(struct reader *r, size_t from, size_t to)
{
    for (size_t i = 0; i < r->nspans; i++) {
        struct rspan *s = &r->spans[i];
        size_t b = (size_t)s->block;
        if (b < from || b >= to) {
            if (b >= to || !r->d.nlines)
                s->line = s->last = LINE_UNKNOWN;
            continue;
        }
        s->line = reader_line_of(r, s->block, s->start);
        s->last = reader_line_of(r, s->block, s->end > s->start ? s->end - 1 : s->start);
    }
}

static int touches(const struct rspan *s, size_t line)
{
    return s->line <= line && line <= s->last;
}

long reader_span_at_cursor(const struct pane *p, enum span_kind k)
{
    const struct reader *r = p->state;
    long cur = r->current[k];
    if (cur >= 0 && touches(&r->spans[cur], r->d.cur))
        return r->spans[cur].id;
    /* A later source's current span here points at the span around it: a search that
     * lands on a target shows that target. */
    const struct rspan *inner = NULL;
    for (int j = SPAN_COUNT - 1; j > (int)k && !inner; j--)
        if (r->current[j] >= 0 && touches(&r->spans[r->current[j]], r->d.cur))
            inner = &r->spans[r->current[j]];
    long first = -1;
    for (size_t i = 0; i < r->nspans; i++) {
        const struct rspan *s = &r->spans[i];
        if (s->kind != k || !touches(s, r->d.cur))
            continue;
        if (inner && s->block == inner->block && s->start <= inner->start &&
            inner->start < s->end)
            return s->id;
        if (first < 0)
            first = s->id;
    }
    return first;
}

static void make_current(struct pane *p, enum span_kind k, size_t i)
{
    struct reader *r = p->state;
    r->current[k] = (long)i;
    r->d.cur = r->spans[i].line;
    reader_show_cursor(p, 0);
    p->dirty |= PANE_REDRAW | PANE_STATUS;
}

int reader_next_span(struct pane *p, enum span_kind k, int dir)
{
    struct reader *r = p->state;
    reader_lay_out(p, SIZE_MAX);   /* every span's line */
    long cur = r->current[k];
    /* From the current span if the cursor is still on it, else from the cursor line. */
    int from_cur = cur >= 0 && touches(&r->spans[cur], r->d.cur);
    for (long i = dir > 0 ? 0 : (long)r->nspans - 1; i >= 0 && (size_t)i < r->nspans;
         i += dir) {
        const struct rspan *s = &r->spans[i];
        if (s->kind != k)
            continue;
        int after = from_cur ? (dir > 0 ? i > cur : i < cur)
                             : (dir > 0 ? s->line > r->d.cur : s->line < r->d.cur);
        if (after) {
            make_current(p, k, (size_t)i);
            return 0;
        }
    }
    return -1;
}

void reader_select_span(struct pane *p, enum span_kind k, long id)
{
    struct reader *r = p->state;
    reader_lay_out(p, SIZE_MAX);
    for (size_t i = 0; i < r->nspans; i++)
        if (r->spans[i].kind == k && r->spans[i].id == id) {
            make_current(p, k, i);
            reader_show_cursor(p, 1);
            return;
        }
}
