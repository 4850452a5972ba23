/* cmd_compare.c — `gongfu compare`: one row per indicator, one column per region. */
#include <getopt.h>
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

static int print_table(const struct compare_table *ct, enum out_format fmt)
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
    out_begin(&t, stdout, fmt, cols, (int)ncols);
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

int cmd_compare(int argc, char **argv)
{
    static const char usage[] =
        "usage: gongfu compare [--year Y] [--category C] [--format tsv|csv|json] [--db PATH]\n"
        "The targets side by side: one row per catalogue indicator that at least one region\n"
        "sets, one column per region (浙江省, 舟山市, 台州市, 金华市, then the others). A cell\n"
        "is the comparator (none for =) and the value with its unit, e.g. \">=4.5个\",\n"
        "\"~10%\", \"全覆盖\"; \"*\" marks a unit the source lost and the catalogue supplied;\n"
        "several targets are joined by \"; \", with their years when a row mixes years.\n"
        "  --year Y       only targets set for year Y (e.g. 2025, 2035)\n"
        "  --category C   only one category (经济, 收入分配, 公共服务, 城乡区域, 文化, 生态, 治理)\n"
        "Where each value comes from: gongfu targets --indicator SLUG.\n";
    static const struct option opts[] = {
        {"year", required_argument, 0, 'y'}, {"category", required_argument, 0, 'c'},
        {"format", required_argument, 0, 'f'}, {"db", required_argument, 0, 'd'},
        {"help", no_argument, 0, 'h'},       {0, 0, 0, 0},
    };
    int year = 0, c;
    const char *category = NULL, *db = NULL;
    enum out_format fmt = OUT_TSV;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        char *end = NULL;
        if (c == 'y' && (year = (int)strtol(optarg, &end, 10)) > 0 && !*end)
            ;
        else if (c == 'c')
            category = optarg;
        else if (c == 'd')
            db = optarg;
        else if (c == 'f' && out_parse_format(optarg, &fmt) == 0)
            ;
        else if (c == 'h')
            return fputs(usage, stdout), EXIT_OK;
        else
            return fputs(usage, stderr), EXIT_USAGE;
    }
    if (optind != argc)
        return fputs(usage, stderr), EXIT_USAGE;
    struct store *s = cli_open_store(db, STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct compare_table ct;
    struct err e = {{0}};
    int rc = EXIT_OK;
    if (targets_compare(store_db(s), year, category, &ct, &e) < 0) {
        cli_error("compare", "%s", e.msg);
        rc = EXIT_ERR;
    } else {
        if (print_table(&ct, fmt) < 0) {
            cli_error("compare", "out of memory");
            rc = EXIT_ERR;
        }
        compare_table_free(&ct);
    }
    store_close(&s);
    return rc;
}
