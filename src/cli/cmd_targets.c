/* cmd_targets.c — `gongfu targets`: every target the plans set, one row each. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "gongfu/targets.h"

int cmd_targets(int argc, char **argv)
{
    static const char usage[] =
        "usage: gongfu targets [--indicator NAME|SLUG] [--region R] [--unlinked]\n"
        "                      [--format tsv|csv|json] [--db PATH]\n"
        "Every target the plans set: the catalogue indicator it measures (empty when\n"
        "unlinked), the phrase as written, region, comparator (= >= > <= < ~), value (a\n"
        "number as written, or the words of a qualitative target), unit, year, flags\n"
        "(inferred-unit, distributed, approx, stretch, cumulative, qualitative), and the\n"
        "document slug and outline path it comes from. The province first, then 舟山市,\n"
        "台州市, 金华市, then the others.\n"
        "  --indicator X  only this indicator: a slug, a name or an alias (Simplified or\n"
        "                 Traditional), else every indicator whose name contains X\n"
        "  --region R     only this region (舟山市, or 舟山)\n"
        "  --unlinked     only targets no catalogue indicator names\n";
    static const struct option opts[] = {
        {"indicator", required_argument, 0, 'i'}, {"region", required_argument, 0, 'r'},
        {"unlinked", no_argument, 0, 'u'},        {"format", required_argument, 0, 'f'},
        {"db", required_argument, 0, 'd'},        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    struct target_filter f = {0};
    const char *db = NULL;
    enum out_format fmt = OUT_TSV;
    int c;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (c == 'i')
            f.indicator = optarg;
        else if (c == 'r')
            f.region = optarg;
        else if (c == 'u')
            f.unlinked = 1;
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
    struct target_row *rows = NULL;
    size_t n = 0;
    struct err e = {{0}};
    if (targets_query(store_db(s), &f, &rows, &n, &e) < 0) {
        cli_error("targets", "%s", e.msg);
        store_close(&s);
        return EXIT_ERR;
    }
    static const char *const cols[] = {"indicator", "phrase", "region", "comparator", "value",
                                       "unit", "year", "flags", "slug", "path"};
    struct table_out t;
    out_begin(&t, stdout, fmt, cols, 10);
    out_numeric(&t, 1u << 6);
    for (size_t i = 0; i < n; i++) {
        const struct target_row *r = &rows[i];
        char year[16] = "";
        if (r->year)
            snprintf(year, sizeof year, "%d", r->year);
        const char *v[] = {r->indicator_name ? r->indicator_name : "", r->phrase, r->region,
                           r->comparator, r->value_text, r->unit, r->year ? year : NULL,
                           r->flags, r->doc_slug, r->path};
        out_row(&t, v);
    }
    out_end(&t);
    target_rows_free(&rows, n);
    store_close(&s);
    return EXIT_OK;
}
