/* spans.c — the reader's highlights: targets and search hits, given as stretches of a
 * section's text, mapped onto the drawn lines; and moving between them. */
#include <stdlib.h>
#include <string.h>
#include "app.h"
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
        for (size_t b = 0; b < r->nblocks; b++) {
            const struct rblock *bl = &r->blocks[b];
            if (bl->section < 0 || bl->sec_off < 0 ||
                r->nodes[bl->section].id != ss[i].node_id)
                continue;
            long len = (long)reader_src_of(bl, bl->len);
            long s = ss[i].start - bl->sec_off, e = ss[i].end - bl->sec_off;
            if (e <= 0 || s >= len)
                continue;
            size_t ds = reader_drawn_of(bl, (size_t)(s < 0 ? 0 : s));
            size_t de = reader_drawn_of(bl, (size_t)(e > len ? len : e));
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

void reader_spans(struct app *a)
{
    struct reader *r = &a->reader;
    long tid = r->tcur >= 0 && (size_t)r->tcur < r->nspans ? (long)r->spans[r->tcur].id : -1;
    long hid = r->hcur >= 0 && (size_t)r->hcur < r->nspans ? (long)r->spans[r->hcur].id : -1;
    size_t cap = 0;
    free(r->spans);
    r->spans = NULL;
    r->nspans = 0;
    r->tcur = r->hcur = -1;
    if (r->doc < 0)
        return;
    const struct secspan *ss;
    size_t n = panel_doc_spans(a, r->doc, &ss);
    map_spans(r, &cap, SPAN_TARGET, ss, n);
    n = finder_doc_spans(a, r->doc, &ss);
    map_spans(r, &cap, SPAN_HIT, ss, n);
    if (r->nspans)
        qsort(r->spans, r->nspans, sizeof *r->spans, span_cmp);
    for (size_t i = 0; i < r->nspans; i++) {
        if (r->spans[i].kind == SPAN_TARGET && (long)r->spans[i].id == tid && r->tcur < 0)
            r->tcur = (long)i;
        if (r->spans[i].kind == SPAN_HIT && (long)r->spans[i].id == hid && r->hcur < 0)
            r->hcur = (long)i;
    }
    a->dirty |= DIRTY(W_READER);
}

static int touches(const struct rspan *s, size_t line)
{
    return s->line <= line && line <= s->last;
}

long reader_span_at_cursor(const struct app *a, enum span_kind k)
{
    const struct reader *r = &a->reader;
    long cur = k == SPAN_TARGET ? r->tcur : r->hcur;
    if (cur >= 0 && touches(&r->spans[cur], r->cur))
        return (long)r->spans[cur].id;
    /* A search that lands here points at the target around its hit. */
    const struct rspan *hit = r->hcur >= 0 && k == SPAN_TARGET ? &r->spans[r->hcur] : NULL;
    long first = -1;
    for (size_t i = 0; i < r->nspans; i++) {
        const struct rspan *s = &r->spans[i];
        if (s->kind != k || !touches(s, r->cur))
            continue;
        if (hit && touches(hit, r->cur) && s->block == hit->block &&
            s->start <= hit->start && hit->start < s->end)
            return (long)s->id;
        if (first < 0)
            first = (long)s->id;
    }
    return first;
}

static void make_current(struct app *a, enum span_kind k, size_t i)
{
    struct reader *r = &a->reader;
    *(k == SPAN_TARGET ? &r->tcur : &r->hcur) = (long)i;
    r->cur = r->spans[i].line;
    reader_show_cursor(a, 0);
    a->dirty |= DIRTY(W_READER) | DIRTY(W_PANEL) | DIRTY(W_TITLE) | DIRTY(W_TREE) |
                DIRTY(W_STATUS);
}

int reader_next_span(struct app *a, enum span_kind k, int dir)
{
    struct reader *r = &a->reader;
    long cur = k == SPAN_TARGET ? r->tcur : r->hcur;
    /* From the current span if the cursor is still on it, else from the cursor line. */
    int from_cur = cur >= 0 && touches(&r->spans[cur], r->cur);
    for (long i = dir > 0 ? 0 : (long)r->nspans - 1; i >= 0 && (size_t)i < r->nspans;
         i += dir) {
        const struct rspan *s = &r->spans[i];
        if (s->kind != k)
            continue;
        int after = from_cur ? (dir > 0 ? i > cur : i < cur)
                             : (dir > 0 ? s->line > r->cur : s->line < r->cur);
        if (after) {
            make_current(a, k, (size_t)i);
            return 0;
        }
    }
    return -1;
}

void reader_select_span(struct app *a, enum span_kind k, size_t id)
{
    struct reader *r = &a->reader;
    for (size_t i = 0; i < r->nspans; i++)
        if (r->spans[i].kind == k && r->spans[i].id == id) {
            make_current(a, k, i);
            reader_show_cursor(a, 1);
            return;
        }
}

