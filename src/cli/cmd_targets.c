/* cmd_targets.c — `gongfu targets`: every target the plans set, one row each. */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "gongfu/targets.h"

static int run(const struct cli_args *a)
{
    struct target_filter f = {.indicator = args_text(a, "indicator"),
                              .region = args_text(a, "region"),
                              .unlinked = args_flag(a, "unlinked")};
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
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
    out_begin_args(&t, stdout, a, cols, 10);
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

static const struct cli_opt opts[] = {
    {"indicator", ARG_TEXT, "X", "only this indicator: a slug, a name or an alias (Simplified "
     "or\n                  Traditional), else every indicator whose name contains X",
     VAL_INDICATOR, NULL, 0, 0},
    {"region", ARG_TEXT, "R", "only this region (舟山市, or 舟山)", VAL_REGION, NULL, 0, 0},
    {"unlinked", ARG_FLAG, NULL, "only targets no catalogue indicator names", VAL_NONE, NULL, 0,
     0},
    OPT_FORMAT(FORMATS_TEXT), OPT_BOM, OPT_DB, OPT_END,
};

const struct cli_command cmd_targets = {
    .name = "targets", .summary = "the targets the plans set, one row each", .synopsis = "",
    .max_args = 0, .opts = opts, .run = run,
    .about =
        "Every target the plans set: the catalogue indicator it measures (empty when\n"
        "unlinked), the phrase as written, region, comparator (= >= > <= < ~), value (a\n"
        "number as written, or the words of a qualitative target), unit, year, flags\n"
        "(inferred-unit, distributed, approx, stretch, cumulative, qualitative), and the\n"
        "document slug and outline path it comes from. The province first, then 舟山市,\n"
        "台州市, 金华市, then the others.\n",
};
