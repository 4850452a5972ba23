/* export.c — the exported tables, written once for csv and xlsx. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/csv.h"
#include "gongfu/export.h"
#include "gongfu/format_module.h"
#include "gongfu/outfile.h"
#include "gongfu/text.h"

struct export {
    enum export_format fmt;
    struct sheet_book *book;    /* xlsx */
    const struct format_module *writer;     /* its writer, in the format module */
    FILE *f;                    /* csv */
    struct outfile out;         /* csv to a file */
    int to_file, sheets;
    int tty;                    /* csv to a terminal: controls in the text made visible */
};

static const char *const long_cols[] = {
    "region", "indicator", "indicator_slug", "category", "phrase", "kind", "comparator",
    "value", "unit", "year", "frequency", "flags", "set_by", "source", "sentence",
};
#define NLONG (int)(sizeof long_cols / sizeof *long_cols)

int export_open_stream(FILE *f, enum export_format fmt, struct export **out, struct err *e)
{
    struct export *x = calloc(1, sizeof *x);
    if (!x || fmt == EXPORT_XLSX) {
        free(x);
        err_set(e, x ? "xlsx goes to a file, not a stream" : "out of memory");
        return -1;
    }
    x->fmt = fmt;
    x->f = f;
    x->tty = isatty(fileno(f));
    if (fmt == EXPORT_CSV_BOM)
        fputs("\xef\xbb\xbf", f);    /* Excel reads the file as UTF-8 only after it */
    *out = x;
    return 0;
}

int export_open(const char *path, enum export_format fmt, int force, struct export **out,
                struct err *e)
{
    if (fmt == EXPORT_XLSX) {
        struct export *x = calloc(1, sizeof *x);
        if (!x) {
            err_set(e, "out of memory");
            return -1;
        }
        x->fmt = fmt;
        x->writer = format_module(e);
        if (!x->writer || x->writer->sheet_open(path, force, &x->book, e) < 0) {
            free(x);
            return -1;
        }
        *out = x;
        return 0;
    }
    struct outfile of;
    if (outfile_begin(&of, path, force, e) < 0)
        return -1;
    FILE *f = fopen(of.tmp, "wx");
    if (!f || export_open_stream(f, fmt, out, e) < 0) {
        if (f)
            fclose(f);
        else
            err_set(e, "%s: cannot create it", path);
        outfile_abort(&of);
        return -1;
    }
    (*out)->out = of;
    (*out)->to_file = 1;
    return 0;
}

/* A new table: a sheet in xlsx; in csv only the first table goes out. */
static int begin(struct export *x, const char *name, const char *const *cols, int n,
                 struct err *e)
{
    if (x->sheets++ && x->fmt != EXPORT_XLSX)
        return 0;
    if (x->book)
        return x->writer->sheet_add(x->book, name, cols, n, e);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(',', x->f);
        csv_field(x->f, cols[i]);
    }
    fputc('\n', x->f);
    return 0;
}

static int row(struct export *x, const struct sheet_cell *c, int n, struct err *e)
{
    if (x->sheets > 1 && x->fmt != EXPORT_XLSX)
        return 0;
    if (x->book)
        return x->writer->sheet_row(x->book, c, e);
    for (int i = 0; i < n; i++) {
        if (i)
            fputc(',', x->f);
        char *clean = x->tty && c[i].text ? text_sanitize(c[i].text, strlen(c[i].text)) : NULL;
        csv_field(x->f, clean ? clean : c[i].text);
        free(clean);
    }
    fputc('\n', x->f);
    return ferror(x->f) ? (err_set(e, "write error"), -1) : 0;
}

char *export_sentence(const char *text, size_t start, size_t end)
{
    static const char *const stops[] = {"。", "！", "？", "；", "\n"};
    size_t n = strlen(text), from = 0, to = n;
    if (start > n)
        start = n;
    if (end > n || end < start)
        end = start;
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
        size_t k = strlen(stops[i]);
        for (size_t p = start; p >= k; p--)
            if (!memcmp(text + p - k, stops[i], k)) {
                if (p > from)
                    from = p;
                break;
            }
        const char *q = strstr(text + end, stops[i]);
        if (q && (size_t)(q - text) + (stops[i][0] == '\n' ? 0 : k) < to)
            to = (size_t)(q - text) + (stops[i][0] == '\n' ? 0 : k);
    }
    return strndup(text + from, to - from);
}

/* The section texts, read once per section while a table is written. */
struct texts {
    struct store *s;
    int64_t node;
    char *text;
};

static const char *section_text(struct texts *c, int64_t node)
{
    if (c->node != node || !c->text) {
        free(c->text);
        struct err ignored = {{0}};
        c->text = c->s ? store_section_text(c->s, node, &ignored) : NULL;
        c->node = node;
    }
    return c->text;
}

static int long_row(struct export *x, struct texts *tx, const struct target_row *r,
                    const char *region, struct err *e)
{
    char year[16] = "", source[512];
    if (r->year)
        snprintf(year, sizeof year, "%d", r->year);
    snprintf(source, sizeof source, "%s:%s", r->doc_slug ? r->doc_slug : "",
             r->path ? r->path : "");
    const char *text = section_text(tx, r->node_id);
    char *sentence = text ? export_sentence(text, (size_t)r->start, (size_t)r->end) : NULL;
    int number = !isnan(r->value);
    struct sheet_cell c[NLONG] = {
        {region ? region : r->region}, {r->indicator_name}, {r->indicator_slug},
        {r->category}, {r->phrase}, {target_kind_name(r->kind)}, {r->comparator},
        {r->value_text, r->value, number && x->book}, {r->unit},
        {year, r->year, r->year && x->book}, {target_freq_name(r->freq)}, {r->flags},
        {r->set_by}, {source}, {sentence},
    };
    int rc = row(x, c, NLONG, e);
    free(sentence);
    return rc;
}

int export_targets(struct export *x, struct store *s, const struct target_row *rows, size_t n,
                   struct err *e)
{
    struct texts tx = {s, 0, NULL};
    int rc = begin(x, "targets", long_cols, NLONG, e);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = long_row(x, &tx, &rows[i], NULL, e);
    free(tx.text);
    return rc;
}

int export_mixed_years(const struct compare_table *t, const struct compare_row *row)
{
    int y = 0;
    for (size_t r = 0; r < t->nregions; r++)
        for (size_t k = 0; k < row->cells[r].n; k++) {
            int ty = row->cells[r].t[k].year;
            if (y && ty != y)
                return 1;
            y = ty;
        }
    return 0;
}

/* The screen's layout: category headings, then the indicator and a cell per region. */
static int wide_sheet(struct export *x, const struct compare_table *t, const long *order,
                      size_t n, int headings, struct err *e)
{
    size_t ncols = t->nregions + 1;
    const char **cols = calloc(ncols, sizeof *cols);
    struct sheet_cell *c = calloc(ncols, sizeof *c);
    int rc = cols && c ? 0 : (err_set(e, "out of memory"), -1);
    if (rc == 0) {
        cols[0] = "indicator";
        for (size_t k = 0; k < t->nregions; k++)
            cols[k + 1] = t->regions[k];
        rc = begin(x, "compare", cols, (int)ncols, e);
    }
    const char *cat = NULL;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const struct compare_row *r = &t->rows[order ? order[i] : (long)i];
        memset(c, 0, ncols * sizeof *c);
        if (headings && r->category && (!cat || strcmp(cat, r->category))) {
            c[0].text = cat = r->category;
            if ((rc = row(x, c, (int)ncols, e)) < 0)
                break;
        }
        c[0].text = r->name;
        int with_year = export_mixed_years(t, r);
        for (size_t k = 0; k < t->nregions; k++)
            c[k + 1].text = r->cells[k].n
                                ? targets_format_cell(r->cells[k].t, r->cells[k].n, with_year)
                                : NULL;
        rc = row(x, c, (int)ncols, e);
        for (size_t k = 0; k < t->nregions; k++)
            free((char *)c[k + 1].text);
    }
    free(cols);
    free(c);
    return rc;
}

int export_compare(struct export *x, struct store *s, const struct compare_table *t,
                   const long *order, size_t n, int headings, struct err *e)
{
    struct texts tx = {s, 0, NULL};
    if (!order)
        n = t->nrows;
    int rc = begin(x, "targets", long_cols, NLONG, e);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const struct compare_row *r = &t->rows[order ? order[i] : (long)i];
        for (size_t k = 0; rc == 0 && k < t->nregions; k++)
            for (size_t j = 0; rc == 0 && j < r->cells[k].n; j++)
                rc = long_row(x, &tx, &r->cells[k].t[j], t->regions[k], e);
    }
    free(tx.text);
    if (rc == 0 && x->fmt == EXPORT_XLSX)
        rc = wide_sheet(x, t, order, n, headings, e);
    return rc;
}

static const char *const progress_cols[] = {
    "region", "indicator", "indicator_slug", "comparator", "target", "unit", "year",
    "frequency", "flags", "reported", "reported_unit", "reported_year", "status", "set_by",
    "target_source", "target_sentence", "reported_source", "reported_sentence",
};
#define NPROGRESS (int)(sizeof progress_cols / sizeof *progress_cols)

/* A value cell: the number where there is one (xlsx), else the text as written. */
static struct sheet_cell value_cell(const struct export *x, const struct target_row *r)
{
    struct sheet_cell c = {r ? r->value_text : NULL, 0, 0};
    if (r && !isnan(r->value) && x->book)
        c.number = r->value, c.is_number = 1;
    return c;
}

static struct sheet_cell year_cell(const struct export *x, const struct target_row *r,
                                   char *buf, size_t n)
{
    struct sheet_cell c = {NULL, 0, 0};
    if (r && r->year) {
        snprintf(buf, n, "%d", r->year);
        c = (struct sheet_cell){buf, r->year, x->book != NULL};
    }
    return c;
}

/* A row has a target, a reported value or both (a value no imported target names). */
static int progress_row(struct export *x, struct texts *tt, struct texts *rt,
                        const struct progress_row *p, struct err *e)
{
    const struct target_row *t = p->target, *r = p->reported, *what = t ? t : r;
    char ty[16], ry[16], tsrc[512] = "", rsrc[512] = "";
    if (t)
        snprintf(tsrc, sizeof tsrc, "%s:%s", t->doc_slug ? t->doc_slug : "",
                 t->path ? t->path : "");
    if (r)
        snprintf(rsrc, sizeof rsrc, "%s:%s", r->doc_slug ? r->doc_slug : "",
                 r->path ? r->path : "");
    const char *ttext = t ? section_text(tt, t->node_id) : NULL;
    const char *rtext = r ? section_text(rt, r->node_id) : NULL;
    char *tsent = ttext ? export_sentence(ttext, (size_t)t->start, (size_t)t->end) : NULL;
    char *rsent = rtext ? export_sentence(rtext, (size_t)r->start, (size_t)r->end) : NULL;
    struct sheet_cell c[NPROGRESS] = {
        {what->region}, {what->indicator_name ? what->indicator_name : what->phrase},
        {what->indicator_slug}, {t ? t->comparator : NULL}, value_cell(x, t),
        {t ? t->unit : NULL}, year_cell(x, t, ty, sizeof ty),
        {t ? target_freq_name(t->freq) : NULL}, {t ? t->flags : NULL}, value_cell(x, r),
        {r ? r->unit : NULL}, year_cell(x, r, ry, sizeof ry),
        {progress_status_name(p->status)}, {t ? t->set_by : NULL},
        {tsrc}, {tsent}, {rsrc}, {rsent},
    };
    int rc = row(x, c, NPROGRESS, e);
    free(tsent);
    free(rsent);
    return rc;
}

int export_progress(struct export *x, struct store *s, const struct progress_table *p,
                    struct err *e)
{
    struct texts tt = {s, 0, NULL}, rt = {s, 0, NULL};
    int rc = begin(x, "progress", progress_cols, NPROGRESS, e);
    for (size_t i = 0; rc == 0 && i < p->n; i++)
        rc = progress_row(x, &tt, &rt, &p->rows[i], e);
    free(tt.text);
    free(rt.text);
    return rc;
}

int export_close(struct export **xp, int commit, struct err *e)
{
    struct export *x = *xp;
    if (!x)
        return 0;
    *xp = NULL;
    int rc = 0;
    if (x->book) {
        rc = x->writer->sheet_close(&x->book, commit, e);
    } else if (x->to_file) {
        int bad = fclose(x->f) != 0;
        if (bad && commit)
            err_set(e, "%s: write error", x->out.path);
        if (commit && !bad)
            rc = outfile_commit(&x->out, e);
        else
            outfile_abort(&x->out), rc = commit ? -1 : 0;
    } else {
        rc = fflush(x->f) != 0 && commit ? (err_set(e, "write error"), -1) : 0;
    }
    free(x);
    return rc;
}
