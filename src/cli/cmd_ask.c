/* cmd_ask.c — `gongfu ask QUESTION`: a question in plain Chinese, answered from the
 * documents in one or two sentences and the rows they rest on, each with its source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/ask.h"
#include "gongfu/paths.h"
#include "gongfu/text.h"

static const char about[] =
    "Answers a question about the imported documents, in Simplified or Traditional\n"
    "characters, from their targets, reported values and text. It understands:\n";

/* What each kind of question asks, beside its examples (data/ask_examples.tsv). */
static const struct {
    enum ask_kind kind;
    const char *says[2];
} kinds[] = {
    {ASK_LOOKUP, {"a region's value", NULL}},
    {ASK_WHICH, {"the regions that set one", NULL}},
    {ASK_RANK, {"the highest, lowest or", "strictest (by direction)"}},
    {ASK_COMPARE, {"regions side by side", NULL}},
    {ASK_PROGRESS, {"a target beside the", "values reported for it"}},
    {ASK_MEASURES, {"the best item of each", "document on a topic"}},
};

static const char about_end[] =
    "The answer is one or two sentences, then the rows it rests on: the region, the value\n"
    "(* after a unit the source lost), its year, the source as SLUG:PATH (gongfu show\n"
    "SLUG:PATH) and the source's sentence. Where the question can be read more than one way\n"
    "the answer says which reading it took and names the others. What the documents cannot\n"
    "answer (a region with no document, an indicator or year nobody set, a topic nobody\n"
    "writes about) is said so, with no rows, and the exit status is 1.\n"
    "Regions come from data/regions.tsv, indicators from data/indicators.tsv and the\n"
    "documents, the question words from data/ask.tsv and the examples above from\n"
    "data/ask_examples.tsv.\n";

/* The kinds, each with what it asks and its example questions side by side. */
static void about_kinds(FILE *f)
{
    struct ask_examples x;
    struct err e = {{0}};
    int ok = ask_examples_load(paths_data_file("ask_examples.tsv"), &x, &e) == 0;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        for (size_t line = 0;; line++) {
            const char *q = ok ? ask_example_of(&x, kinds[i].kind, line) : NULL;
            const char *says = line < 2 ? kinds[i].says[line] : NULL;
            if (!q && !says && line)
                break;
            const char *name = line ? "" : ask_kind_name(kinds[i].kind);
            if (q)
                cli_say(f, "  %-10s%-26s%s\n", name, says ? says : "", q);
            else
                fprintf(f, "  %-10s%s\n", name, says ? says : "");
        }
    if (!ok)
        cli_say(f, "(no example questions: %s)\n", e.msg);
    ask_examples_free(&x);
    fputs(about_end, f);
}

/* Text for a terminal never carries a control character from a document. */
static void put(FILE *f, const char *s, int tty)
{
    char *clean = tty ? text_sanitize(s, strlen(s)) : NULL;
    fputs(clean ? clean : s, f);
    free(clean);
}

/* The source sentence with what the row rests on (the value, the hit) in 【】, as search
 * marks its hits. */
static void put_marked(FILE *f, const struct ask_row *r, int tty)
{
    size_t n = strlen(r->sentence), a = r->hl_start, z = r->hl_end;
    if (z <= a || z > n) {
        put(f, r->sentence, tty);
        return;
    }
    char *head = strndup(r->sentence, a), *mid = strndup(r->sentence + a, z - a);
    if (head && mid) {
        put(f, head, tty);
        fputs("【", f);
        put(f, mid, tty);
        fputs("】", f);
        put(f, r->sentence + z, tty);
    }
    free(head);
    free(mid);
}

static void print_text(const struct ask_answer *ans, FILE *f)
{
    int tty = isatty(fileno(f)), inferred = 0;
    for (size_t i = 0; i < ans->nrows; i++)
        inferred |= ans->rows[i].flags && strstr(ans->rows[i].flags, "inferred-unit") != NULL;
    put(f, ans->text ? ans->text : "", tty);
    fputc('\n', f);
    if (ans->reading || ans->nothers) {
        fputs(ans->reading ? "（" : "（其他：", f);
        if (ans->reading)
            put(f, ans->reading, tty);
        for (size_t i = 0; i < ans->nothers; i++) {
            fputs(i ? "；" : ans->reading ? "；其他：" : "", f);
            put(f, ans->others[i], tty);
        }
        fputs("）\n", f);
    }
    for (size_t i = 0; i < ans->nrows; i++) {
        const struct ask_row *r = &ans->rows[i];
        char year[16] = "";
        if (r->year)
            snprintf(year, sizeof year, "  %d", r->year);
        fputs(r->answer ? "\n" : "\n  ", f);
        put(f, r->region, tty);
        fputs("  ", f);
        if (strcmp(r->kind, "measure")) {
            char *v = ask_row_value(r);
            fprintf(f, "%s ", strcmp(r->kind, "reported") ? "目标" : "实际");
            put(f, v ? v : r->value, tty);
            free(v);
            fputs(year, f);
            if (r->status)
                fprintf(f, "  %s", r->status);
            fputs("  ", f);
        }
        put(f, r->slug, tty);
        fputc(':', f);
        put(f, r->path, tty);
        if (!strcmp(r->kind, "measure")) {
            fputs("  ", f);
            put(f, r->indicator, tty);
        }
        fputs("\n    ", f);
        put_marked(f, r, tty);
        fputc('\n', f);
    }
    if (inferred)
        fputs("\n* 原文丢了单位，按指标的单位补上。\n", f);
}

static const char *const cols[] = {"answer", "region", "indicator", "kind", "comparator",
                                   "value", "unit", "year", "frequency", "flags", "status",
                                   "slug", "path", "sentence"};
#define NCOLS (sizeof cols / sizeof *cols)

static void row_values(const struct ask_row *r, char *year, size_t ny, const char **v)
{
    snprintf(year, ny, "%d", r->year);
    const char *vals[NCOLS] = {r->answer ? "1" : "0", r->region, r->indicator, r->kind,
                               r->comparator, r->value, r->unit, r->year ? year : NULL,
                               r->frequency, r->flags, r->status, r->slug, r->path,
                               r->sentence};
    memcpy(v, vals, sizeof vals);
}

static void print_json(const char *question, const struct ask_answer *ans, FILE *f)
{
    fputs("{\"question\": ", f);
    out_json_string(f, question);
    fprintf(f, ", \"kind\": \"%s\", \"answered\": %s, \"text\": ", ask_kind_name(ans->kind),
            ans->answered ? "true" : "false");
    out_json_string(f, ans->text ? ans->text : "");
    fputs(", \"reading\": ", f);
    out_json_string(f, ans->reading);
    fputs(", \"others\": [", f);
    for (size_t i = 0; i < ans->nothers; i++) {
        fputs(i ? ", " : "", f);
        out_json_string(f, ans->others[i]);
    }
    fputs("],\n \"rows\": [", f);
    for (size_t i = 0; i < ans->nrows; i++) {
        char year[16];
        const char *v[NCOLS];
        row_values(&ans->rows[i], year, sizeof year, v);
        fputs(i ? ",\n  {" : "\n  {", f);
        for (size_t c = 0; c < NCOLS; c++) {
            fprintf(f, "%s\"%s\": ", c ? ", " : "", cols[c]);
            if (c == 0)
                fputs(ans->rows[i].answer ? "true" : "false", f);
            else if (c == 7 && v[c])
                fputs(v[c], f);
            else
                out_json_string(f, v[c]);
        }
        fputc('}', f);
    }
    fputs(ans->nrows ? "\n ]}\n" : "]}\n", f);
}

static void print_tsv(const struct cli_args *a, const struct ask_answer *ans)
{
    struct table_out t;
    out_begin_args(&t, stdout, a, cols, (int)NCOLS);
    for (size_t i = 0; i < ans->nrows; i++) {
        char year[16];
        const char *v[NCOLS];
        row_values(&ans->rows[i], year, sizeof year, v);
        out_row(&t, v);
    }
    out_end(&t);
}

static int run(const struct cli_args *a)
{
    char *question = cli_join_args(a->argc, a->argv);
    struct store *s = question ? cli_open_store(args_text(a, "db"), STORE_READ) : NULL;
    if (!s) {
        free(question);
        return EXIT_ERR;
    }
    struct ask_files files = ask_data_files();
    struct ask *ask = NULL;
    struct ask_answer ans;
    struct err e = {{0}};
    int rc = EXIT_ERR;
    if (ask_open(s, &files, &ask, &e) == 0 && ask_question(ask, question, &ans, &e) == 0) {
        const char *fmt = args_text(a, "format");
        if (fmt && !strcmp(fmt, "json"))
            print_json(question, &ans, stdout);
        else if (fmt && !strcmp(fmt, "tsv")) {
            print_tsv(a, &ans);
            if (!ans.answered)
                cli_error("ask", "%s", ans.text ? ans.text : "");
        } else {
            print_text(&ans, stdout);
        }
        rc = ans.answered ? EXIT_OK : EXIT_ERR;
        ask_answer_free(&ans);
    } else {
        cli_error("ask", "%s", e.msg);
    }
    ask_close(&ask);
    store_close(&s);
    free(question);
    return rc;
}

static const struct cli_opt opts[] = {
    {"format", ARG_CHOICE, "F", "text (the default: the answer, then its rows), tsv (the rows) "
     "or json", VAL_CHOICES, "text tsv json", 0, 0},
    OPT_DB, OPT_END,
};

const struct cli_command cmd_ask = {
    .name = "ask", .summary = "answer a question about the documents, with its sources",
    .synopsis = "QUESTION...", .min_args = 1, .max_args = -1, .opts = opts, .run = run,
    .about = about, .about_data = about_kinds,
};
