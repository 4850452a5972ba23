/* spans.c — the reader's highlights: each registered source's spans, given as stretches
 * of a section's text, mapped onto the drawn lines; and moving between them. */
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

/* Turns section stretches into drawn spans of the blocks they fall in. */
static void map_spans(struct reader *r, size_t *cap, enum span_kind k,
                      const struct secspan *ss, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t b = 0; b < r->d.nblocks; b++) {
            const struct rblock *bl = &r->d.blocks[b];
            if (bl->section < 0 || bl->sec_off < 0 ||
                r->d.nodes[bl->section].id != ss[i].node_id)
                continue;
            long len = (long)bl->len;
            long s = ss[i].start - bl->sec_off, e = ss[i].end - bl->sec_off;
            if (e <= 0 || s >= len)
                continue;
            size_t ds = (size_t)(s < 0 ? 0 : s), de = (size_t)(e > len ? len : e);
            add_span(r, cap, (struct rspan){ k, (int)b, ds, de, ss[i].id,
                                             reader_line_of(r, (int)b, ds),
                                             reader_line_of(r, (int)b, de > ds ? de - 1 : ds) });
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
    size_t cap = 0;
    free(r->spans);
    r->spans = NULL;
    r->nspans = 0;
    if (r->doc < 0)
        return;
    for (int k = 0; k < SPAN_COUNT; k++) {
        const struct span_source *src = &p->ui->spans.src[k];
        const struct secspan *ss = NULL;
        size_t n = src->doc_spans ? src->doc_spans(src->owner, r->doc, &ss) : 0;
        map_spans(r, &cap, (enum span_kind)k, ss, n);
    }
    if (r->nspans)
        qsort(r->spans, r->nspans, sizeof *r->spans, span_cmp);
    /* The current spans stay current where they are still shown. */
    for (size_t i = 0; i < r->nspans; i++) {
        enum span_kind k = r->spans[i].kind;
        if (r->spans[i].id == was[k] && r->current[k] < 0)
            r->current[k] = (long)i;
    }
    p->dirty |= PANE_REDRAW;
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
    for (size_t i = 0; i < r->nspans; i++)
        if (r->spans[i].kind == k && r->spans[i].id == id) {
            make_current(p, k, i);
            reader_show_cursor(p, 1);
            return;
        }
}
