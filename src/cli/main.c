/* main.c — `gongfu COMMAND …` for scripts, or the full-screen explorer. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "../tui/tui.h"

/* Every command's name, in the order the usage lists them. */
static size_t command_list(const struct cli_command **out, size_t cap)
{
    const char *names[32];
    size_t n = cli_command_names(names, cap < 32 ? cap : 32);
    for (size_t i = 0; i < n; i++)
        out[i] = cli_command_named(names[i]);
    return n;
}

static void usage(FILE *f)
{
    fputs("usage: gongfu [--db PATH] [--ambiwidth=1|2] [--theme NAME] [--text-width N]\n"
          "              [SLUG[:PATH] | --search WORDS]\n"
          "       gongfu COMMAND [OPTIONS] [ARGS]\n\n"
          "With no command, gongfu opens the full-screen explorer (where you left off, at a\n"
          "document or item, or with search results). Commands:\n", f);
    const struct cli_command *cmds[32];
    size_t n = command_list(cmds, 32);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  %-9s %s\n", cmds[i]->name, cmds[i]->summary);
    fputs("\n'gongfu COMMAND --help' tells more. Options go anywhere on the line (-- ends\n"
          "them). The database is --db PATH, else $GONGFU_DB, else the embedded one.\n", f);
}

/* Does --name take a value in the explorer's or any command's table? */
static int takes_value(const char *name)
{
    const struct cli_opt *o = args_find(cmd_explorer.opts, name);
    const struct cli_command *cmds[32];
    size_t n = command_list(cmds, 32);
    for (size_t i = 0; (!o || o->kind == ARG_FLAG) && i < n; i++)
        o = args_find(cmds[i]->opts, name);
    return o && o->kind != ARG_FLAG;
}

/* Where the command word is: the first argument that is neither an option nor its value,
 * so that `gongfu --db x.db docs` is `gongfu docs --db x.db`; -1 if none. */
static int command_word(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "--"))
            return -1;
        if (s[0] != '-' || !s[1])
            return i;
        i += s[1] == '-' && !strchr(s, '=') && takes_value(s + 2);
    }
    return -1;
}

/* Runs a command with the options that came before its name moved after it. */
static int run_command(const struct cli_command *c, int argc, char **argv, int at)
{
    char **v = malloc((size_t)argc * sizeof *v);
    if (!v) {
        cli_error(NULL, "out of memory");
        return EXIT_ERR;
    }
    int n = 0;
    v[n++] = argv[at];
    for (int i = 1; i < argc; i++)
        if (i != at)
            v[n++] = argv[i];
    struct cli_args a;
    int rc = args_parse(c, n, v, &a);
    if (rc < 0)
        rc = c->run(&a);
    free(v);
    return rc;
}

int main(int argc, char **argv)
{
    /* Only the categories gongfu uses are taken from the environment: LC_CTYPE (the
     * terminal's characters and their widths) and LC_MESSAGES (strerror's language). The
     * others stay "C": LC_NUMERIC because numbers in the documents, the database, JSON and
     * CSV are written with a point (a locale's decimal comma, de_DE, fr_FR, ru_RU, made
     * strtod read 4.5 as 4); LC_COLLATE, LC_TIME, LC_MONETARY and the rest because nothing
     * here reads them (no strcoll, no strftime of names), and each is a file to open and
     * map at every start (issue 15). */
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
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
    int at = command_word(argc, argv);
    const struct cli_command *c = at > 0 ? cli_command_named(argv[at]) : NULL;
    if (c)
        return run_command(c, argc, argv, at);
    if (at > 0 && !strcmp(argv[at], "complete"))
        return run_command(&cmd_complete, argc, argv, at);
    /* Anything else is for the explorer: options, a SLUG[:PATH], or nothing at all. */
    return run_command(&cmd_explorer, argc, argv, 0);
}
