/* cmd_compare.c — `gongfu compare`: one row per indicator, one column per region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/targets.h"

/* 1 when the row's targets are set for more than one year: each value then says its year. */
static int mixed_years(const struct compare_table *t, const struct compare_row *row)
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

static int print_table(const struct compare_table *ct, const struct cli_args *a)
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
    out_begin_args(&t, stdout, a, cols, (int)ncols);
    for (size_t i = 0; i < ct->nrows; i++) {
        const struct compare_row *row = &ct->rows[i];
        int with_year = mixed_years(ct, row);
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

static int run(const struct cli_args *a)
{
    int year = (int)args_number(a, "year", 0);
    const char *category = args_text(a, "category");
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct compare_table ct;
    struct err e = {{0}};
    int rc = EXIT_OK;
    if (targets_compare(store_db(s), year, category, &ct, &e) < 0) {
        cli_error("compare", "%s", e.msg);
        rc = EXIT_ERR;
    } else {
        if (print_table(&ct, a) < 0) {
            cli_error("compare", "out of memory");
            rc = EXIT_ERR;
        }
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
    OPT_FORMAT(FORMATS_TEXT), OPT_BOM, OPT_DB, OPT_END,
};

const struct cli_command cmd_compare = {
    .name = "compare", .summary = "indicators side by side across regions", .synopsis = "",
    .max_args = 0, .opts = opts, .run = run,
    .about =
        "The targets side by side: one row per catalogue indicator that at least one region\n"
        "sets, one column per region (浙江省, 舟山市, 台州市, 金华市, then the others). A cell\n"
        "is the comparator (none for =) and the value with its unit, e.g. \">=4.5个\",\n"
        "\"~10%\", \"全覆盖\"; \"*\" marks a unit the source lost and the catalogue supplied;\n"
        "several targets are joined by \"; \", with their years when a row mixes years.\n"
        "Where each value comes from: gongfu targets --indicator SLUG.\n",
};
