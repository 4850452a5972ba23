/* cmd_progress.c — `gongfu progress`: each target beside the latest value reported for the
 * same indicator and region, and whether it is met. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/export.h"
#include "gongfu/targets.h"

/* "zhejiang-report:1" */
static void source_of(const struct target_row *r, char *buf, size_t n)
{
    snprintf(buf, n, "%s:%s", r->doc_slug ? r->doc_slug : "", r->path ? r->path : "");
}

/* For a region that set no target: the note of a document of its that is incomplete
 * ("zhejiang-plan: 原文不完整…"), since the target may be in what was not imported. */
static void incomplete_note(const struct doc_row *docs, size_t ndocs, const char *region,
                            char *buf, size_t n)
{
    buf[0] = 0;
    for (size_t i = 0; i < ndocs && !buf[0]; i++)
        if (docs[i].note && docs[i].region && !strcmp(docs[i].region, region))
            snprintf(buf, n, "%s: %s", docs[i].slug, docs[i].note);
}

static int print_table(FILE *f, const struct progress_table *p, const struct doc_row *docs,
                       size_t ndocs, const struct cli_args *a)
{
    static const char *const cols[] = {"indicator", "region", "target", "year", "frequency",
                                       "reported", "reported_year", "status", "target_source",
                                       "reported_source", "set_by", "note"};
    struct table_out t;
    out_begin_args(&t, f, a, cols, 12);
    out_numeric(&t, 1u << 3 | 1u << 6);
    for (size_t i = 0; i < p->n; i++) {
        const struct progress_row *row = &p->rows[i];
        const struct target_row *tg = row->target, *r = row->reported;
        const struct target_row *what = tg ? tg : r;   /* a row has one or both */
        char *target = tg ? targets_format_cell(tg, 1, 0) : NULL;
        char *reported = r ? targets_format_cell(r, 1, 0) : NULL;
        char year[16], ryear[16], tsrc[512] = "", rsrc[512] = "", note[600] = "";
        if (!tg)
            incomplete_note(docs, ndocs, what->region, note, sizeof note);
        snprintf(year, sizeof year, "%d", tg ? tg->year : 0);
        snprintf(ryear, sizeof ryear, "%d", r ? r->year : 0);
        if (tg)
            source_of(tg, tsrc, sizeof tsrc);
        if (r)
            source_of(r, rsrc, sizeof rsrc);
        if ((tg && !target) || (r && !reported)) {
            free(target);
            free(reported);
            return -1;
        }
        const char *v[] = {what->indicator_name ? what->indicator_name : what->phrase,
                           what->region, target ? target : "", tg && tg->year ? year : NULL,
                           tg ? target_freq_name(tg->freq) : "", reported ? reported : "",
                           r && r->year ? ryear : NULL, progress_status_name(row->status), tsrc,
                           rsrc, tg ? tg->set_by : "", note};
        out_row(&t, v);
        free(target);
        free(reported);
    }
    out_end(&t);
    return 0;
}

/* csv and xlsx: export.h's long form, value, unit, comparator and year in columns of their
 * own, with each side's sentence. */
static int write_progress(struct export *x, struct store *s, const void *p, struct err *e)
{
    return export_progress(x, s, p, e);
}

static int export_table(const struct cli_args *a, struct store *s, const struct progress_table *p)
{
    if (out_export_write(a, s, write_progress, p) < 0)
        return -1;
    if (args_text(a, "output"))
        cli_say(stderr, "gongfu progress: %zu targets written to %s\n", p->n,
                args_text(a, "output"));
    return 0;
}

/* tsv and json: one cell per side, as the terminal reads it. */
static int text_table(const struct cli_args *a, const struct progress_table *p,
                      const struct doc_row *docs, size_t ndocs)
{
    struct out_dest d;
    if (out_open(a, &d) < 0)
        return -1;
    int ok = print_table(d.f, p, docs, ndocs, a) == 0;
    if (!ok)
        cli_error("progress", "out of memory");
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
    struct target_filter f = {.indicator = args_text(a, "indicator"),
                              .region = args_text(a, "region"),
                              .year = (int)args_number(a, "year", 0)};
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    if ((rc = cli_check_region(s, a->cmd, f.region)) >= 0) {
        store_close(&s);
        return rc;
    }
    struct progress_table p;
    struct doc_row *docs = NULL;
    size_t ndocs = 0;
    struct err e = {{0}};
    rc = EXIT_OK;
    if (store_docs(s, &docs, &ndocs, &e) < 0 || targets_progress(store_db(s), &f, &p, &e) < 0) {
        cli_error("progress", "%s", e.msg);
        rc = EXIT_ERR;
    } else {
        if ((fmt == OUT_CSV || out_xlsx(a) ? export_table(a, s, &p)
                                           : text_table(a, &p, docs, ndocs)) < 0)
            rc = EXIT_ERR;
        progress_table_free(&p);
    }
    store_docs_free(&docs, ndocs);
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    {"region", ARG_TEXT, "R", "only targets for this region (浙江省, or 浙江)", VAL_REGION, NULL,
     0, 0},
    {"indicator", ARG_TEXT, "X", "only this indicator: a slug, a name or an alias",
     VAL_INDICATOR, NULL, 0, 0},
    {"year", ARG_NUMBER, "Y", "only targets for year Y", VAL_NONE, NULL, 1900, 2200},
    OPT_FORMAT_SHEET, OPT_BOM, OPT_OUTPUT, OPT_FORCE, OPT_DB, OPT_END,
};

const struct cli_command cmd_progress = {
    .name = "progress", .summary = "each target beside the latest value reported: met or not yet",
    .synopsis = "", .max_args = 0, .opts = opts, .run = run,
    .about =
        "Every target beside the latest value a document reports as reached for the same\n"
        "indicator and region, from any imported document, and its status: met, not yet, or\n"
        "no data. A value per year (an annual target, a growth rate, what a year adds: 新增…)\n"
        "is compared with the value reported for that same year; any other with the latest\n"
        "reported at or before the target's year. Measures are followed (rates, amounts, the\n"
        "catalogue's indicators), things counted (省级中试平台10家) are not. The comparator\n"
        "decides (>= > <= <); for = and ~ the indicator's direction does (a 收入倍差 of 1.9\n"
        "reported at 1.81 is met). Units are compared after 万, 亿 … are scaled; a target in\n"
        "words, or units that count different things, give no data. Then, as \"no target\",\n"
        "the latest value reported for each catalogue indicator and region that no imported\n"
        "target names, with the note of an incomplete document of that region (its target\n"
        "may be in the part not imported). Each row names its sources as slug:path (gongfu\n"
        "show SLUG:PATH).\n"
        "That is the tsv (and json) table. csv, and xlsx with --output, are the long form:\n"
        "region, indicator, its slug, comparator, target, unit, year, frequency, flags,\n"
        "reported, its unit and year, status, set_by, each side's source and sentence.\n",
};
