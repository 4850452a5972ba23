/* cmd_targets.c — `gongfu targets`: every target the documents set (or every value they
 * report), one row each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/export.h"
#include "gongfu/targets.h"

/* --format xlsx: the spreadsheet of export.h, one row per target with its sentence. */
struct rows { const struct target_row *v; size_t n; };

static int write_targets(struct export *x, struct store *s, const void *rows, struct err *e)
{
    const struct rows *r = rows;
    return export_targets(x, s, r->v, r->n, e);
}

static int write_sheet(const struct cli_args *a, struct store *s, const struct target_row *rows,
                       size_t n)
{
    if (out_export_write(a, s, write_targets, &(struct rows){rows, n}) < 0)
        return EXIT_ERR;
    cli_say(stderr, "gongfu targets: %zu targets written to %s\n", n, args_text(a, "output"));
    return EXIT_OK;
}

static int run(const struct cli_args *a)
{
    int rc = out_check(a);
    if (rc >= 0)
        return rc;
    struct target_filter f = {.indicator = args_text(a, "indicator"),
                              .region = args_text(a, "region"),
                              .unlinked = args_flag(a, "unlinked"),
                              .year = (int)args_number(a, "year", 0)};
    const char *kind = args_text(a, "kind");
    enum target_kind k = TK_TARGET;
    if (kind && !strcmp(kind, "all"))
        f.kind = TARGET_KIND_ALL;
    else if (kind && target_kind_parse(kind, &k) == 0)
        f.kind = (int)k;
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    if ((rc = cli_check_region(s, a->cmd, f.region)) >= 0) {
        store_close(&s);
        return rc;
    }
    struct target_row *rows = NULL;
    size_t n = 0;
    struct err e = {{0}};
    if (targets_query(store_db(s), &f, &rows, &n, &e) < 0) {
        cli_error("targets", "%s", e.msg);
        store_close(&s);
        return EXIT_ERR;
    }
    struct out_dest d;
    if (out_xlsx(a) || out_open(a, &d) < 0) {
        rc = out_xlsx(a) ? write_sheet(a, s, rows, n) : EXIT_ERR;
        target_rows_free(&rows, n);
        store_close(&s);
        return rc;
    }
    static const char *const cols[] = {"indicator", "phrase", "kind", "region", "comparator",
                                       "value", "unit", "year", "frequency", "flags",
                                       "set_by", "slug", "path"};
    struct table_out t;
    out_begin_args(&t, d.f, a, cols, 13);
    out_numeric(&t, 1u << 7);
    for (size_t i = 0; i < n; i++) {
        const struct target_row *r = &rows[i];
        char year[16] = "";
        if (r->year)
            snprintf(year, sizeof year, "%d", r->year);
        const char *v[] = {r->indicator_name ? r->indicator_name : "", r->phrase,
                           target_kind_name(r->kind), r->region, r->comparator, r->value_text,
                           r->unit, r->year ? year : NULL, target_freq_name(r->freq), r->flags,
                           r->set_by, r->doc_slug, r->path};
        out_row(&t, v);
    }
    out_end(&t);
    rc = out_close(a, &d, 1) < 0 ? EXIT_ERR : EXIT_OK;
    target_rows_free(&rows, n);
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    {"kind", ARG_CHOICE, "K", "target (the default), reported, or all", VAL_CHOICES,
     "target reported all", 0, 0},
    {"indicator", ARG_TEXT, "X", "only this indicator: a slug, a name or an alias (Simplified "
     "or\n                  Traditional), else every indicator whose name contains X",
     VAL_INDICATOR, NULL, 0, 0},
    {"region", ARG_TEXT, "R", "only values for this region (舟山市, or 舟山)", VAL_REGION, NULL,
     0, 0},
    {"year", ARG_NUMBER, "Y", "only values for year Y", VAL_NONE, NULL, 1900, 2200},
    {"unlinked", ARG_FLAG, NULL, "only values no catalogue indicator names", VAL_NONE, NULL, 0,
     0},
    OPT_FORMAT_SHEET, OPT_BOM, OPT_OUTPUT, OPT_FORCE, OPT_DB, OPT_END,
};

const struct cli_command cmd_targets = {
    .name = "targets", .summary = "the targets the documents set (or the values reported)",
    .synopsis = "", .max_args = 0, .opts = opts, .run = run,
    .about =
        "Every target the documents set (or, with --kind, every value they report as\n"
        "reached): the catalogue indicator it measures (empty when unlinked), the phrase as\n"
        "written, its kind (target, reported), the region it is for, comparator (= >= > <= <\n"
        "~), value (a number as written, or the words of a qualitative target), unit, year\n"
        "(a target's year, or the year a reported value refers to), frequency (level,\n"
        "annual, cumulative), flags (inferred-unit, distributed, approx, stretch,\n"
        "qualitative), the region of the document that set it (set_by: 全国 for a target the\n"
        "central government sets for a province), and the document slug and outline path it\n"
        "comes from. Provinces first, then cities, each level in the order of\n"
        "data/region_order.tsv, then by name; then the others.\n",
};
