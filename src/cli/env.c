/* env.c — errors and opening the store for the subcommands. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/text.h"

void cli_vsay(FILE *f, const char *fmt, va_list ap)
{
    char buf[4096];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0)
        return;
    /* Line ends are the message's own; everything between them is sanitised. */
    for (char *line = buf, *nl;; line = nl + 1) {
        nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        char *clean = text_sanitize(line, len);
        fputs(clean ? clean : "(out of memory)", f);
        free(clean);
        if (!nl)
            break;
        fputc('\n', f);
    }
}

void cli_say(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vsay(f, fmt, ap);
    va_end(ap);
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "gongfu%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    cli_vsay(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_db_missing(const char *db_opt)
{
    const char *path = paths_db(db_opt);
    if (access(path, F_OK) == 0)
        return -1;
    cli_error(NULL, "%s: no database here; build the default one with 'make', or import "
              "documents with 'gongfu import --db %s FILE...'", path, path);
    return EXIT_ERR;
}

struct store *cli_open_store(const char *db_opt, enum store_mode mode)
{
    struct store *s;
    struct err e = {{0}};
    const char *path = paths_db(db_opt);
    cli_register_hooks();
    if (mode == STORE_READ && cli_db_missing(db_opt) >= 0)
        return NULL;
    if (store_open(path, mode, &s, &e) < 0) {
        cli_error(NULL, "%s", e.msg);
        return NULL;
    }
    return s;
}

char *cli_join_args(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *q = malloc(n), *p = q;
    if (!q)
        return NULL;
    for (int i = 0; i < argc; i++) {
        size_t k = strlen(argv[i]);
        if (i)
            *p++ = ' ';
        memcpy(p, argv[i], k);
        p += k;
    }
    *p = 0;
    return q;
}
