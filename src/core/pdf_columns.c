/* pdf_columns.c — finding the gutter of a page set in two columns (see pdf_columns.h).
 *
 * A gutter is a vertical line in the middle of the page that the page's lines stay clear
 * of: at least four lines wholly on each side, and fewer crossing it than standing beside
 * it. A page of one column has most lines across its middle; a table has short cells on
 * one side at least, so each side must also be a quarter of the page wide, a third of its
 * lines (two at least) filling it, as lines of running text fill their column. */
#include <stdlib.h>
#include "gongfu/array.h"
#include "pdf_columns.h"

#define MIN_SIDE 4

struct page_lines {
    const struct pdf_line *L;
    size_t *v, n;
    float gutter;
};

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static float percentile(float *v, size_t n, float p)
{
    qsort(v, n, sizeof *v, cmp_float);
    return n ? v[(size_t)(p * (float)(n - 1))] : 0;
}

/* 0 left of the gutter, 1 right, 2 across it. */
static int side(const struct pdf_line *l, float g)
{
    return l->x1 <= g ? 0 : l->x0 >= g ? 1 : 2;
}

/* The gutter of the page's lines, or a negative value when it has none. */
static float find_gutter(const struct page_lines *p, float width)
{
    float best = -1;
    size_t best_cross = (size_t)-1;
    float step = width > 300 ? 0.3f * width / 150 : 2;   /* 150 places, whatever the width */
    for (float g = 0.35f * width; g <= 0.65f * width; g += step) {
        size_t count[3] = {0, 0, 0};
        for (size_t k = 0; k < p->n; k++)
            count[side(&p->L[p->v[k]], g)]++;
        if (count[0] >= MIN_SIDE && count[1] >= MIN_SIDE && count[2] < count[0] + count[1] &&
            count[2] < best_cross)
            best_cross = count[2], best = g;
    }
    if (best < 0)
        return -1;
    for (int s = 0; s < 2; s++) {          /* running text on both sides */
        float lo = 1e30f, hi = -1e30f;
        for (size_t k = 0; k < p->n; k++) {
            const struct pdf_line *l = &p->L[p->v[k]];
            if (side(l, best) == s)
                lo = l->x0 < lo ? l->x0 : lo, hi = l->x1 > hi ? l->x1 : hi;
        }
        size_t full = 0, count = 0;
        for (size_t k = 0; k < p->n; k++) {
            const struct pdf_line *l = &p->L[p->v[k]];
            count += side(l, best) == s;
            full += side(l, best) == s && l->x1 - l->x0 >= 0.8f * (hi - lo);
        }
        if (hi - lo < 0.25f * width || full < 2 || 3 * full < count)
            return -1;
    }
    return best;
}

static const struct page_lines *sort_p;
static const struct pdf_column *sort_c;

/* Within a band (see pdf_columns.h) the left column, then the right, then the line across
 * that ends the band. */
static int by_reading(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const struct pdf_line *p = &sort_p->L[i], *q = &sort_p->L[j];
    if (sort_c[i].band != sort_c[j].band)
        return sort_c[i].band < sort_c[j].band ? -1 : 1;
    int sp = side(p, sort_p->gutter), sq = side(q, sort_p->gutter);
    if (sp != sq)
        return sp < sq ? -1 : 1;
    if (p->base != q->base)
        return p->base < q->base ? -1 : 1;
    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return (i > j) - (i < j);
}

/* Each line's band: the lines across the gutter with a baseline above its own (the
 * page's lines come sorted by baseline, so one pass counts them). */
static void set_bands(const struct page_lines *p, struct pdf_column *col)
{
    int band = 0, pending = 0;
    float at = p->n ? p->L[p->v[0]].base : 0;
    for (size_t k = 0; k < p->n; k++) {
        const struct pdf_line *l = &p->L[p->v[k]];
        if (l->base > at)
            band += pending, pending = 0, at = l->base;
        col[p->v[k]].band = band;
        pending += side(l, p->gutter) == 2;
    }
}

/* The margins of each column, for the paragraph rules: where its lines begin (a tenth of
 * them indented aside) and where the lines that fill it end (a punctuation mark hung past
 * the edge aside: the median). */
static void set_margins(const struct page_lines *p, struct pdf_column *col, float *tmp)
{
    for (int s = 0; s < 2; s++) {
        size_t m = 0;
        float lo = 1e30f, hi = -1e30f;
        for (size_t k = 0; k < p->n; k++) {
            const struct pdf_line *l = &p->L[p->v[k]];
            if (side(l, p->gutter) == s)
                tmp[m++] = l->x0, lo = l->x0 < lo ? l->x0 : lo, hi = l->x1 > hi ? l->x1 : hi;
        }
        float left = percentile(tmp, m, 0.1f);
        m = 0;
        for (size_t k = 0; k < p->n; k++) {
            const struct pdf_line *l = &p->L[p->v[k]];
            if (side(l, p->gutter) == s && l->x1 - l->x0 >= 0.8f * (hi - lo))
                tmp[m++] = l->x1;
        }
        float right = percentile(tmp, m, 0.5f);
        for (size_t k = 0; k < p->n; k++)
            if (side(&p->L[p->v[k]], p->gutter) == s)
                col[p->v[k]].left = left, col[p->v[k]].right = right;
    }
}

int pdf_columns_order(const struct pdf_line *L, size_t *order, size_t kept,
                      const struct pdf_page_size *pages, int npages, struct pdf_column *col)
{
    float *tmp = malloc((kept + 1) * sizeof *tmp);
    if (!tmp)
        return -1;
    for (size_t a = 0; a < kept;) {
        size_t b = a;
        while (b < kept && L[order[b]].page == L[order[a]].page)
            b++;
        int pg = L[order[a]].page;
        float width = pg >= 0 && pg < npages && pages[pg].width > 0 ? pages[pg].width : 595;
        struct page_lines p = {L, order + a, b - a, -1};
        for (size_t k = a; k < b; k++)
            col[order[k]] = (struct pdf_column){0, 0, 0};
        if (p.n >= 2 * MIN_SIDE && (p.gutter = find_gutter(&p, width)) >= 0) {
            set_bands(&p, col);
            sort_p = &p, sort_c = col;
            qsort(p.v, p.n, sizeof *p.v, by_reading);
            set_margins(&p, col, tmp);
        }
        a = b;
    }
    free(tmp);
    return 0;
}
