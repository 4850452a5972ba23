/* env.c — where the database and the data files are, and opening the store. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"

/* The directory holding the running program, or "." */
static const char *exe_dir(void)
{
    static char dir[PATH_MAX];
    if (!dir[0]) {
        ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
        if (n <= 0)
            return strcpy(dir, ".");
        dir[n] = '\0';
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = '\0';
    }
    return dir;
}

const char *cli_db_path(const char *db_opt)
{
    static char path[PATH_MAX];
    const char *env = getenv("GONGFU_DB");
    if (db_opt && *db_opt)
        return db_opt;
    if (env && *env)
        return env;
    /* Next to the program in the build tree; in ../share/gongfu once installed, wherever
     * PREFIX and DESTDIR put it; else where this build was configured to install. */
    const char *const rel[] = {".", "../share/gongfu"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s/gongfu.db", exe_dir(), rel[i]);
        if (access(path, F_OK) == 0)
            return path;
    }
    snprintf(path, sizeof path, "%s/gongfu.db", GONGFU_DATADIR);
    return path;
}

const char *cli_data_file(const char *name)
{
    static char path[PATH_MAX];
    const char *env = getenv("GONGFU_DATA");
    const char *const rel[] = {"../data", "../../data", "../share/gongfu"};
    if (env && *env) {
        snprintf(path, sizeof path, "%s/%s", env, name);
        return path;
    }
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", exe_dir(), rel[i], name);
        if (access(path, R_OK) == 0)
            return path;
    }
    snprintf(path, sizeof path, "%s/%s", GONGFU_DATADIR, name);
    return path;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "gongfu%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

struct store *cli_open_store(const char *db_opt, enum store_mode mode)
{
    struct store *s;
    struct err e = {{0}};
    const char *path = cli_db_path(db_opt);
    cli_register_hooks();
    if (mode == STORE_READ && access(path, F_OK) != 0) {
        cli_error(NULL, "%s: no database here; build the default one with 'make', or import "
                  "documents with 'gongfu import --db %s FILE...'", path, path);
        return NULL;
    }
    if (store_open(path, mode, &s, &e) < 0) {
        cli_error(NULL, "%s", e.msg);
        return NULL;
    }
    return s;
}
