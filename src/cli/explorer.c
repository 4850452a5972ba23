/* explorer.c — the explorer's command line (`gongfu [OPTIONS] [SLUG[:PATH] | --search
 * WORDS]`) parsed with the same table-driven parser as the commands, so its options go
 * anywhere too, then handed to the explorer in the order it reads them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../tui/tui.h"

static const struct cli_opt opts[] = {
    OPT_DB,
    {"theme", ARG_TEXT, "NAME", "default, light, mono, high-contrast, or "
     "~/.config/gongfu/themes/NAME.theme", VAL_THEME, NULL, 0, 0},
    {"ambiwidth", ARG_CHOICE, "N", "2 if the terminal draws “ ” — · ① two columns wide",
     VAL_CHOICES, "1 2", 0, 0},
    {"text-width", ARG_NUMBER, "N", "the reading column's lines at most N columns wide "
     "(default 90; 0: as wide as the pane)", VAL_NONE, NULL, 0, 1000},
    {"search", ARG_FLAG, NULL, "open with the search results for the WORDS showing", VAL_NONE,
     NULL, 0, 0},
    OPT_END,
};

/* The explorer reads options first, then "--", then its arguments. */
/* A first argument that names no document: a misspelt command or slug, said before the
 * screen opens. -1 when it names one. (With one argument the explorer asks this of its
 * own documents, through tui_main's unknown, and opens the database once.) */
static int check_start(const struct cli_args *a)
{
    char slug[256];
    snprintf(slug, sizeof slug, "%.*s", (int)strcspn(a->argv[0], ":"), a->argv[0]);
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct doc_row *doc = NULL;
    struct err e = {{0}};
    int found = store_doc_by_slug(s, slug, &doc, &e);
    int rc = found == 0 ? -1 : found > 0 ? cli_unknown_word(s, slug) : EXIT_ERR;
    if (found < 0)
        cli_error(NULL, "%s", e.msg);
    if (doc)
        store_docs_free(&doc, 1);
    store_close(&s);
    return rc;
}

static int run(const struct cli_args *a)
{
    int rc = !args_flag(a, "search") && a->argc > 1 ? check_start(a) : -1;
    if (rc >= 0)
        return rc;
    if (!args_flag(a, "search") && a->argc == 1 && (rc = cli_db_missing(args_text(a, "db"))) >= 0)
        return rc;
    if (!args_flag(a, "search") && a->argc > 1)
        return args_error(&cmd_explorer, "unexpected argument '%s' (wanted one SLUG[:PATH], "
                          "or --search WORDS)", a->argv[1]);
    char **v = calloc((size_t)a->argc + 8, sizeof *v);
    char buf[4][4200];
    if (!v)
        return EXIT_ERR;
    int n = 0, k = 0;
    v[n++] = "gongfu";
    static const char *const with_value[] = {"db", "theme", "ambiwidth", "text-width"};
    for (size_t i = 0; i < 4; i++) {
        const char *val = args_text(a, with_value[i]);
        if (val) {
            snprintf(buf[k], sizeof buf[k], "--%s=%s", with_value[i], val);
            v[n++] = buf[k++];
        }
    }
    if (args_flag(a, "search"))
        v[n++] = "--search";
    v[n++] = "--";
    for (int i = 0; i < a->argc; i++)
        v[n++] = a->argv[i];
    cli_register_hooks();
    rc = tui_main(n, v, cli_unknown_word);
    free(v);
    return rc;
}

const struct cli_command cmd_explorer = {
    .name = "", .summary = "the full-screen explorer", .synopsis = "[SLUG[:PATH] | --search WORDS]",
    .max_args = -1, .arg_values = VAL_SLUG_PATH, .dash_words = 0, .opts = opts, .run = run,
    .about = "The full-screen explorer: read, compare and search the plans. ? inside shows every "
             "key.\n",
};
