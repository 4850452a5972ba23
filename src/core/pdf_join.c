/* pdf_join.c — rows and paragraphs from the lines of a PDF's pages. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/lines.h"
#include "gongfu/textout.h"
#include "pdf_columns.h"
#include "pdf_join.h"

struct row {
    int page;
    float x0, x1, base, size;
    float left, right;       /* the margins of its column; 0, 0: the text block's */
    size_t first, count;     /* its lines: order[first .. first+count) */
    int table;
};

struct join {
    const struct pdf_line *L;
    const char *text;
    size_t *order;           /* kept lines, by page, then row, then x */
    struct pdf_column *col;  /* [line]: its column's margins */
    struct row *rows;
    size_t nrows, cap;
    float left, right, size, pitch;
};

static const struct pdf_line *sort_l;

static int by_position(const void *a, const void *b)
{
    const struct pdf_line *p = &sort_l[*(const size_t *)a], *q = &sort_l[*(const size_t *)b];
    if (p->page != q->page)
        return p->page < q->page ? -1 : 1;
    if (p->base != q->base)
        return p->base < q->base ? -1 : 1;
    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static int by_x(const void *a, const void *b)
{
    const struct pdf_line *p = &sort_l[*(const size_t *)a], *q = &sort_l[*(const size_t *)b];
    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

/* Groups the lines, sorted by height on the page, into rows: lines whose baselines lie
 * within a third of a character of the first's. A row with a gap of two characters or more
 * is a table row. */
static int make_rows(struct join *j, size_t kept)
{
    for (size_t k = 0; k < kept;) {
        const struct pdf_line *a = &j->L[j->order[k]];
        size_t e = k + 1;
        while (e < kept && j->L[j->order[e]].page == a->page &&
               fabsf(j->L[j->order[e]].base - a->base) <= 0.35f * fmaxf(a->size, 1))
            e++;
        if (array_grow((void **)&j->rows, &j->cap, j->nrows + 1, sizeof *j->rows) < 0)
            return -1;
        qsort(j->order + k, e - k, sizeof *j->order, by_x);
        a = &j->L[j->order[k]];
        struct row *r = &j->rows[j->nrows++];
        const struct pdf_column *c = &j->col[j->order[k]];
        *r = (struct row){a->page, a->x0, a->x1, a->base, a->size, c->left, c->right, k, e - k, 0};
        for (size_t m = k + 1; m < e; m++) {
            const struct pdf_line *l = &j->L[j->order[m]], *prev = &j->L[j->order[m - 1]];
            if (l->x0 - prev->x1 >= 2 * fmaxf(prev->size, 1))
                r->table = 1;
            r->x1 = fmaxf(r->x1, l->x1);
        }
        k = e;
    }
    return 0;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static float percentile(float *v, size_t n, float p)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, cmp_float);
    return v[(size_t)(p * (float)(n - 1))];
}

/* The text block's margins, body size and line pitch, from the rows of running text. */
static int measure(struct join *j)
{
    float *v = malloc((j->nrows + 1) * sizeof *v);
    if (!v)
        return -1;
    size_t m = 0;
    for (size_t i = 0; i < j->nrows; i++)     /* the text block outside any column */
        if (!j->rows[i].table && j->rows[i].right == 0)
            v[m++] = j->rows[i].x0;
    j->left = percentile(v, m, 0.1f);
    m = 0;
    for (size_t i = 0; i < j->nrows; i++)
        if (!j->rows[i].table && j->rows[i].right == 0)
            v[m++] = j->rows[i].x1;
    j->right = percentile(v, m, 0.9f);
    m = 0;
    for (size_t i = 0; i < j->nrows; i++)
        if (!j->rows[i].table)
            v[m++] = j->rows[i].size;
    j->size = percentile(v, m, 0.5f);
    m = 0;
    for (size_t i = 1; i < j->nrows; i++)
        if (j->rows[i].page == j->rows[i - 1].page && j->rows[i].base > j->rows[i - 1].base)
            v[m++] = j->rows[i].base - j->rows[i - 1].base;
    j->pitch = percentile(v, m, 0.5f);
    free(v);
    for (size_t i = 0; i < j->nrows; i++)
        if (j->rows[i].left == 0 && j->rows[i].right == 0)
            j->rows[i].left = j->left, j->rows[i].right = j->right;
    return 0;
}

static const char *line_text(const struct join *j, size_t k, size_t *n)
{
    const struct pdf_line *l = &j->L[j->order[k]];
    *n = l->len;
    return j->text + l->text;
}

static int starts_indented(const char *s, size_t n)
{
    return n >= 3 && !memcmp(s, "\xE3\x80\x80", 3);      /* U+3000 */
}

static int ascii_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Is a space due between the line so far and the next? Only between Latin words in a
 * line of Latin words: Chinese typesetting breaks "PM2.5" as "P" / "M2.5" and "88万人" as
 * "8" / "8万人" with no space meant. */
static int word_break(const struct textout *t, const char *next, size_t n)
{
    size_t len = textout_line_len(t);
    if (!n || !len || !ascii_letter((unsigned char)t->s[t->len - 1]) ||
        !ascii_letter((unsigned char)next[0]))
        return 0;
    const char *line = t->s + t->len - len;
    return memchr(line + (len > 40 ? len - 40 : 0), ' ', len > 40 ? 40 : len) != NULL;
}

/* Does row i start a paragraph, or go on with the one of row i-1? */
static int starts_paragraph(const struct join *j, size_t i)
{
    if (i == 0)
        return 1;
    const struct row *r = &j->rows[i], *p = &j->rows[i - 1];
    size_t n;
    const char *s = line_text(j, r->first, &n);
    float size = j->size > 0 ? j->size : r->size;
    if (r->table || p->table || starts_indented(s, n))
        return 1;
    if (fabsf(r->size - p->size) > 0.15f * fmaxf(r->size, p->size))
        return 1;                                 /* another size: a title, a heading */
    float gap = r->base - p->base;
    if (r->page == p->page && j->pitch > 0 && gap > 1.6f * j->pitch * fmaxf(r->size / size, 1))
        return 1;                                 /* a blank line between */
    /* A title set larger than the text and broken over lines, centred: one paragraph. */
    if (r->size > 1.15f * size && r->page == p->page && gap > 0)
        return 0;
    return r->x0 > r->left + size || p->x1 < p->right - 1.5f * size;   /* indented; ended short */
}

static void put_trimmed(struct textout *t, const char *s, size_t n)
{
    size_t k;
    while (n && (k = lines_space_at(s, n)))
        s += k, n -= k;
    textout_put(t, s, n);
}

static void emit(struct join *j, struct textout *t)
{
    for (size_t i = 0; i < j->nrows; i++) {
        const struct row *r = &j->rows[i];
        if (r->table) {
            textout_break(t);
            for (size_t k = r->first; k < r->first + r->count; k++) {
                size_t n;
                const char *s = line_text(j, k, &n);
                textout_cell(t);
                put_trimmed(t, s, n);
            }
            textout_row_end(t);
            continue;
        }
        int fresh = starts_paragraph(j, i);
        if (fresh)
            textout_break(t);
        for (size_t k = r->first; k < r->first + r->count; k++) {
            size_t n;
            const char *s = line_text(j, k, &n);
            if (word_break(t, s, n))
                textout_putc(t, ' ');
            /* A space the text had where the line broke is kept ("。 18.建设…"). */
            if (fresh && k == r->first)
                put_trimmed(t, s, n);
            else
                textout_put(t, s, n);
        }
    }
}

char *pdf_join(const struct pdf_line *lines, size_t n, const char *text,
               const unsigned char *drop, const struct pdf_page_size *pages, int npages,
               size_t *len)
{
    struct join j = {.L = lines, .text = text};
    struct textout t = {0};
    char *out = NULL;
    size_t kept = 0;
    j.order = malloc((n + 1) * sizeof *j.order);
    j.col = calloc(n + 1, sizeof *j.col);
    if (!j.order || !j.col)
        return free(j.order), free(j.col), NULL;
    for (size_t i = 0; i < n; i++)
        if (!drop[i] && lines[i].len)
            j.order[kept++] = i;
    sort_l = lines;
    qsort(j.order, kept, sizeof *j.order, by_position);
    if (pdf_columns_order(lines, j.order, kept, pages, npages, j.col) == 0 &&
        make_rows(&j, kept) == 0 && measure(&j) == 0) {
        emit(&j, &t);
        out = textout_finish(&t, len);
    }
    textout_free(&t);
    free(j.order), free(j.rows), free(j.col);
    return out;
}
