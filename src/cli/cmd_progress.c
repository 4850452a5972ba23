/* cmd_progress.c — `gongfu progress`: each target beside the latest value reported for the
 * same indicator and region, and whether it is met. */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "gongfu/targets.h"

/* "zhejiang-report:1" */
static void source_of(const struct target_row *r, char *buf, size_t n)
{
    snprintf(buf, n, "%s:%s", r->doc_slug ? r->doc_slug : "", r->path ? r->path : "");
}

static int print_table(const struct progress_table *p, const struct cli_args *a)
{
    static const char *const cols[] = {"indicator", "region", "target", "year", "frequency",
                                       "reported", "reported_year", "status", "target_source",
                                       "reported_source", "set_by"};
    struct table_out t;
    out_begin_args(&t, stdout, a, cols, 11);
    out_numeric(&t, 1u << 3 | 1u << 6);
    for (size_t i = 0; i < p->n; i++) {
        const struct progress_row *row = &p->rows[i];
        const struct target_row *tg = row->target, *r = row->reported;
        char *target = targets_format_cell(tg, 1, 0);
        char *reported = r ? targets_format_cell(r, 1, 0) : NULL;
        char year[16], ryear[16], tsrc[512], rsrc[512] = "";
        snprintf(year, sizeof year, "%d", tg->year);
        snprintf(ryear, sizeof ryear, "%d", r ? r->year : 0);
        source_of(tg, tsrc, sizeof tsrc);
        if (r)
            source_of(r, rsrc, sizeof rsrc);
        if (!target || (r && !reported)) {
            free(target);
            free(reported);
            return -1;
        }
        const char *v[] = {tg->indicator_name ? tg->indicator_name : tg->phrase, tg->region,
                           target, tg->year ? year : NULL, target_freq_name(tg->freq),
                           reported ? reported : "", r && r->year ? ryear : NULL,
                           progress_status_name(row->status), tsrc, rsrc, tg->set_by};
        out_row(&t, v);
        free(target);
        free(reported);
    }
    out_end(&t);
    return 0;
}

static int run(const struct cli_args *a)
{
    struct target_filter f = {.indicator = args_text(a, "indicator"),
                              .region = args_text(a, "region"),
                              .year = (int)args_number(a, "year", 0)};
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct progress_table p;
    struct err e = {{0}};
    int rc = EXIT_OK;
    if (targets_progress(store_db(s), &f, &p, &e) < 0) {
        cli_error("progress", "%s", e.msg);
        rc = EXIT_ERR;
    } else {
        if (print_table(&p, a) < 0) {
            cli_error("progress", "out of memory");
            rc = EXIT_ERR;
        }
        progress_table_free(&p);
    }
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    {"region", ARG_TEXT, "R", "only targets for this region (浙江省, or 浙江)", VAL_REGION, NULL,
     0, 0},
    {"indicator", ARG_TEXT, "X", "only this indicator: a slug, a name or an alias",
     VAL_INDICATOR, NULL, 0, 0},
    {"year", ARG_NUMBER, "Y", "only targets for year Y", VAL_NONE, NULL, 1900, 2200},
    OPT_FORMAT(FORMATS_TEXT), OPT_BOM, OPT_DB, OPT_END,
};

const struct cli_command cmd_progress = {
    .name = "progress", .summary = "each target beside the latest value reported: met or not yet",
    .synopsis = "", .max_args = 0, .opts = opts, .run = run,
    .about =
        "Every target beside the latest value a document reports as reached for the same\n"
        "indicator and region, from any imported document, and its status: met, not yet,\n"
        "or no data. A value per year (an annual target, a growth rate) is compared with the\n"
        "value reported for that same year; any other with the latest reported at or before\n"
        "the target's year. The comparator decides (>= > <= <); for = and ~ the indicator's\n"
        "direction does (a 收入倍差 of 1.9 reported at 1.81 is met). Units are compared after\n"
        "万, 亿 … are scaled; a target in words, or units that count different things, give\n"
        "no data. Each row names its two sources as slug:path (gongfu show SLUG:PATH).\n",
};
