/* main.c — `gongfu COMMAND …` for scripts, or the full-screen explorer. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"
#include "../tui/tui.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"import", cmd_import, "import plan texts into the database"},
    {"docs", cmd_docs, "list the documents"},
    {"tree", cmd_tree, "the outline of a document"},
    {"show", cmd_show, "the text of a document, chapter or item"},
    {"search", cmd_search, "search every measure (Simplified and Traditional alike)"},
    {"targets", cmd_targets, "the targets the plans set, one row each"},
    {"compare", cmd_compare, "indicators side by side across regions"},
};

void cli_register_hooks(void)
{
    targets_set_catalogue(paths_data_file("indicators.tsv"));
    store_add_hooks(&search_hooks);
    store_add_hooks(&targets_hooks);
}

static void usage(FILE *f)
{
    fputs("usage: gongfu [--db PATH] [--ambiwidth=1|2] [--theme NAME] [SLUG[:PATH] | --search WORDS]\n"
          "       gongfu COMMAND [OPTIONS] [ARGS]\n\n"
          "With no command, gongfu opens the full-screen explorer (where you left off, at a\n"
          "document or item, or with search results). Commands:\n", f);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'gongfu COMMAND --help' tells more. The database is --db PATH, else $GONGFU_DB,\n"
          "else the embedded one.\n", f);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Output is UTF-8 whatever the locale; widths need a UTF-8 LC_CTYPE to be right. */
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return EXIT_OK;
    }
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--version")) {
            puts("gongfu " GONGFU_VERSION);
            return EXIT_OK;
        }
    for (size_t i = 0; argc >= 2 && i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    /* Anything else is for the explorer: options, a SLUG[:PATH], or nothing at all. */
    cli_register_hooks();
    return tui_main(argc, argv);
}
