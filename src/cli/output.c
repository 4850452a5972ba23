/* output.c — tables for scripts: tsv, csv (RFC 4180) and json. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/csv.h"
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
