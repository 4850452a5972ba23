/* cmd_compare.c — `gongfu compare`: one row per indicator, one column per region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/export.h"
#include "gongfu/targets.h"

static int print_table(FILE *f, const struct compare_table *ct, const struct cli_args *a)
{
    size_t ncols = ct->nregions + 3;
    const char **cols = calloc(ncols, sizeof *cols);
    const char **v = calloc(ncols, sizeof *v);
    char **cells = calloc(ncols, sizeof *cells);
    if (!cols || !v || !cells) {
        free(cols), free(v), free(cells);
        return -1;
    }
    cols[0] = "indicator", cols[1] = "slug", cols[2] = "category";
    for (size_t r = 0; r < ct->nregions; r++)
        cols[r + 3] = ct->regions[r];
    struct table_out t;
    out_begin_args(&t, f, a, cols, (int)ncols);
    for (size_t i = 0; i < ct->nrows; i++) {
        const struct compare_row *row = &ct->rows[i];
        int with_year = export_mixed_years(ct, row);
        v[0] = row->name, v[1] = row->slug, v[2] = row->category;
        for (size_t r = 0; r < ct->nregions; r++)
            v[r + 3] = cells[r] = targets_format_cell(row->cells[r].t, row->cells[r].n,
                                                      with_year);
        out_row(&t, v);
        for (size_t r = 0; r < ct->nregions; r++)
            free(cells[r]);
    }
    out_end(&t);
    free(cols), free(v), free(cells);
    return 0;
}

/* csv and xlsx: the long form of export.h, one row per target of each cell (with its
 * sentence); xlsx adds the table as on screen as a second sheet. */
static int write_compare(struct export *x, struct store *s, const void *ct, struct err *e)
{
    return export_compare(x, s, ct, NULL, 0, 1, e);
}

static int export_table(const struct cli_args *a, struct store *s, const struct compare_table *ct)
{
    if (out_export_write(a, s, write_compare, ct) < 0)
        return -1;
    if (args_text(a, "output"))
        cli_say(stderr, "gongfu compare: %zu indicators × %zu regions written to %s\n", ct->nrows,
                ct->nregions, args_text(a, "output"));
    return 0;
}

/* tsv and json: the table as on screen. */
static int wide_table(const struct cli_args *a, const struct compare_table *ct)
{
    struct out_dest d;
    if (out_open(a, &d) < 0)
        return -1;
    int ok = print_table(d.f, ct, a) == 0;
    if (!ok)
        cli_error("compare", "out of memory");
    return out_close(a, &d, ok) < 0 || !ok ? -1 : 0;
}

static int run(const struct cli_args *a)
{
    int rc = out_check(a);
    if (rc >= 0)
        return rc;
    enum out_format fmt;
    int bom;
    out_format_of(a, &fmt, &bom);
    int year = (int)args_number(a, "year", 0);
    const char *category = args_text(a, "category");
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct compare_table ct;
    struct err e = {{0}};
    rc = EXIT_OK;
    if (targets_compare(store_db(s), year, category, &ct, &e) < 0) {
        cli_error("compare", "%s", e.msg);
        rc = EXIT_ERR;
    } else {
        if ((fmt == OUT_CSV || out_xlsx(a) ? export_table(a, s, &ct) : wide_table(a, &ct)) < 0)
            rc = EXIT_ERR;
        compare_table_free(&ct);
    }
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    {"year", ARG_NUMBER, "Y", "only targets set for year Y (e.g. 2025, 2035)", VAL_NONE, NULL,
     1900, 2200},
    {"category", ARG_TEXT, "C", "only one category (经济, 收入分配, 公共服务, 城乡区域, 文化, "
     "生态, 治理)", VAL_CATEGORY, NULL, 0, 0},
    OPT_FORMAT_SHEET, OPT_BOM, OPT_OUTPUT, OPT_FORCE, OPT_DB, OPT_END,
};

const struct cli_command cmd_compare = {
    .name = "compare", .summary = "indicators side by side across regions", .synopsis = "",
    .max_args = 0, .opts = opts, .run = run,
    .about =
        "The targets side by side: one row per catalogue indicator that at least one region\n"
        "sets, one column per region (provinces, then cities, each level in the order of\n"
        "data/region_order.tsv, then by name; then the others). A cell\n"
        "is the comparator (none for =) and the value with its unit, e.g. \">=4.5个\",\n"
        "\"~10%\", \"全覆盖\"; \"*\" marks a unit the source lost and the catalogue supplied;\n"
        "several targets are joined by \"; \", with their years when a row mixes years.\n"
        "That is the tsv (and json) table. csv is the long form, one row per target of each\n"
        "cell: region, indicator, its slug and category, phrase, kind, comparator, value, unit,\n"
        "year, frequency, flags, set_by, source (SLUG:PATH) and the sentence; xlsx (with\n"
        "--output) has that sheet and the table as on screen.\n"
        "Where each value comes from: gongfu targets --indicator SLUG.\n",
};
