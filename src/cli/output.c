/* output.c — tables for scripts: tsv, csv (RFC 4180) and json, to standard output or to
 * --output FILE; the exports (long-form csv, xlsx) through export.h. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/csv.h"
#include "gongfu/export.h"
#include "gongfu/text.h"

void out_format_of(const struct cli_args *a, enum out_format *fmt, int *bom)
{
    const char *f = args_find(a->cmd->opts, "format") ? args_text(a, "format") : NULL;
    *fmt = !f || !strcmp(f, "tsv") ? OUT_TSV : !strcmp(f, "json") ? OUT_JSON : OUT_CSV;
    *bom = *fmt == OUT_CSV && ((f && !strcmp(f, "csv-excel")) ||
                               (args_find(a->cmd->opts, "bom") && args_flag(a, "bom")));
}

void out_begin_args(struct table_out *t, FILE *f, const struct cli_args *a,
                    const char *const *cols, int ncols)
{
    enum out_format fmt;
    int bom;
    out_format_of(a, &fmt, &bom);
    if (bom)
        fputs("\xef\xbb\xbf", f);     /* before the header: Excel reads UTF-8 only after it */
    out_begin(t, f, fmt, cols, ncols);
    t->bom = bom;
}

static void put_tsv(FILE *f, const char *v)
{
    for (; v && *v; v++)
        fputc(*v == '\t' || *v == '\n' || *v == '\r' ? ' ' : *v, f);
}

void out_json_string(FILE *f, const char *v)
{
    if (!v) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\t')
            fputs("\\t", f);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void header(struct table_out *t)
{
    for (int i = 0; i < t->ncols; i++) {
        if (i)
            fputc(t->fmt == OUT_TSV ? '\t' : ',', t->f);
        fputs(t->cols[i], t->f);
    }
    fputc('\n', t->f);
}

void out_begin(struct table_out *t, FILE *f, enum out_format fmt, const char *const *cols,
               int ncols)
{
    *t = (struct table_out){f, fmt, 0, cols, ncols, 0, 0, isatty(fileno(f))};
    if (fmt == OUT_JSON)
        fputc('[', f);
    else
        header(t);
}

void out_numeric(struct table_out *t, unsigned mask)
{
    t->numeric = mask;
}

static void row(struct table_out *t, const char *const *v);

/* Document text never sends a control sequence (ESC, C1, bidi overrides …) to a terminal;
 * to a file or pipe it goes byte for byte. */
void out_row(struct table_out *t, const char *const *v)
{
    if (!t->tty)
        return row(t, v);
    char *clean[32] = {0};
    const char *vals[32] = {0};
    int n = t->ncols < 32 ? t->ncols : 32;
    for (int i = 0; i < n; i++)
        vals[i] = v[i] ? (clean[i] = text_sanitize(v[i], strlen(v[i]))) ? clean[i] : "" : NULL;
    row(t, vals);
    for (int i = 0; i < n; i++)
        free(clean[i]);
}

static void row(struct table_out *t, const char *const *v)
{
    if (t->fmt == OUT_JSON) {
        fputs(t->nrows ? ",\n {" : "\n {", t->f);
        for (int i = 0; i < t->ncols; i++) {
            if (i)
                fputs(", ", t->f);
            out_json_string(t->f, t->cols[i]);
            fputs(": ", t->f);
            if ((t->numeric >> i & 1) && v[i] && *v[i])
                fputs(v[i], t->f);
            else
                out_json_string(t->f, v[i]);
        }
        fputc('}', t->f);
    } else {
        for (int i = 0; i < t->ncols; i++) {
            if (i)
                fputc(t->fmt == OUT_TSV ? '\t' : ',', t->f);
            (t->fmt == OUT_TSV ? put_tsv : csv_field)(t->f, v[i]);
        }
        fputc('\n', t->f);
    }
    t->nrows++;
}

void out_end(struct table_out *t)
{
    if (t->fmt == OUT_JSON)
        fputs(t->nrows ? "\n]\n" : "]\n", t->f);
    fflush(t->f);
}

int out_open(const struct cli_args *a, struct out_dest *d)
{
    *d = (struct out_dest){stdout, {{0}}, 0};
    const char *path = args_find(a->cmd->opts, "output") ? args_text(a, "output") : NULL;
    if (!path || !strcmp(path, "-"))
        return 0;
    struct err e = {{0}};
    int force = args_find(a->cmd->opts, "force") && args_flag(a, "force");
    if (outfile_begin(&d->file, path, force, &e) < 0) {
        cli_error(a->cmd->name, "%s", e.msg);
        return -1;
    }
    d->f = fopen(d->file.tmp, "wx");
    if (!d->f) {
        cli_error(a->cmd->name, "%s: %m", path);
        outfile_abort(&d->file);
        return -1;
    }
    d->to_file = 1;
    return 0;
}

int out_close(const struct cli_args *a, struct out_dest *d, int ok)
{
    if (!d->to_file)
        return fflush(stdout) == 0 || !ok ? 0 : -1;
    struct err e = {{0}};
    int bad = fclose(d->f) != 0;
    if (!ok || bad) {
        outfile_abort(&d->file);
        if (ok)
            cli_error(a->cmd->name, "%s: write error; nothing was written", d->file.path);
        return -1;
    }
    if (outfile_commit(&d->file, &e) < 0) {
        cli_error(a->cmd->name, "%s", e.msg);
        return -1;
    }
    return 0;
}

int out_xlsx(const struct cli_args *a)
{
    const char *f = args_find(a->cmd->opts, "format") ? args_text(a, "format") : NULL;
    return f && !strcmp(f, "xlsx");
}

int out_check(const struct cli_args *a)
{
    const char *path = args_find(a->cmd->opts, "output") ? args_text(a, "output") : NULL;
    if (out_xlsx(a) && (!path || !strcmp(path, "-")))
        return args_error(a->cmd, "--format xlsx needs --output FILE (a spreadsheet is not "
                          "for a terminal or a pipe)");
    return -1;
}

int out_export(const struct cli_args *a, struct out_dest *d, struct export **x)
{
    struct err e = {{0}};
    enum out_format fmt;
    int bom, rc;
    out_format_of(a, &fmt, &bom);
    if (out_xlsx(a)) {
        int force = args_find(a->cmd->opts, "force") && args_flag(a, "force");
        *d = (struct out_dest){NULL, {{0}}, 0};
        rc = export_open(args_text(a, "output"), EXPORT_XLSX, force, x, &e);
    } else {
        if (out_open(a, d) < 0)
            return -1;
        rc = export_open_stream(d->f, bom ? EXPORT_CSV_BOM : EXPORT_CSV, x, &e);
        if (rc < 0)
            out_close(a, d, 0);
    }
    if (rc < 0)
        cli_error(a->cmd->name, "%s", e.msg);
    return rc;
}

int out_export_close(const struct cli_args *a, struct out_dest *d, struct export **x, int ok)
{
    struct err e = {{0}};
    int rc = export_close(x, ok, &e);
    if (rc < 0 && ok)
        cli_error(a->cmd->name, "%s", e.msg);
    if (d->f)
        rc |= out_close(a, d, ok && rc == 0);
    return rc;
}

int out_export_write(const struct cli_args *a, struct store *s, out_export_fn write,
                     const void *table)
{
    struct out_dest d;
    struct export *x;
    struct err e = {{0}};
    if (out_export(a, &d, &x) < 0)
        return -1;
    int ok = write(x, s, table, &e) == 0;
    if (!ok)
        cli_error(a->cmd->name, "%s", e.msg);
    return out_export_close(a, &d, &x, ok) < 0 || !ok ? -1 : 0;
}
