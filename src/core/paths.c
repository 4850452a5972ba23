/* paths.c — where the database, the data files and the user's configuration are, for the
 * command line and the explorer alike. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/paths.h"

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

const char *paths_db(const char *opt)
{
    static char path[PATH_MAX];
    const char *env = getenv("GONGFU_DB");
    if (opt && *opt)
        return opt;
    if (env && *env)
        return env;
    /* Next to the program in the build tree; in ../share/gongfu once installed, wherever
     * PREFIX and DESTDIR put it; else where this build was configured to install. */
    static const char *const rel[] = {".", "../share/gongfu"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(path, sizeof path, "%s/%s/gongfu.db", exe_dir(), rel[i]);
        if (access(path, F_OK) == 0)
            return path;
    }
    snprintf(path, sizeof path, "%s/gongfu.db", GONGFU_DATADIR);
    return path;
}

/* Each name keeps its own buffer, so a path stays valid after later look-ups. */
static char *data_slot(const char *name)
{
    static struct { char name[64]; char path[PATH_MAX]; } slots[16];
    static size_t used;
    for (size_t i = 0; i < used; i++)
        if (!strcmp(slots[i].name, name))
            return slots[i].path;
    size_t i = used < 16 ? used++ : 15;
    snprintf(slots[i].name, sizeof slots[i].name, "%s", name);
    return slots[i].path;
}

const char *paths_data_file(const char *name)
{
    char *path = data_slot(name);
    const char *env = getenv("GONGFU_DATA");
    /* The source tree's data/ above build/ or build/asan/, or the installed share dir. */
    static const char *const rel[] = {"../data", "../../data", "../../../data", "../share/gongfu"};
    if (env && *env) {
        snprintf(path, PATH_MAX, "%s/%s", env, name);
        return path;
    }
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(path, PATH_MAX, "%s/%s/%s", exe_dir(), rel[i], name);
        if (access(path, R_OK) == 0)
            return path;
    }
    snprintf(path, PATH_MAX, "%s/%s", GONGFU_DATADIR, name);
    return path;
}

const char *paths_config_dir(void)
{
    static char dir[PATH_MAX];
    const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
    int n;
    if (x && x[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/gongfu", x);
    else if (h && h[0])
        n = snprintf(dir, sizeof dir, "%s/.config/gongfu", h);
    else
        return NULL;
    return n > 0 && (size_t)n < sizeof dir ? dir : NULL;
}

char *paths_read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len - 1, f);
        if (len < cap - 1)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[len] = '\0';
        if (n)
            *n = len;
    }
    return buf;
}

char *paths_config_read(const char *sub, const char *name)
{
    const char *dir = paths_config_dir();
    if (!dir)
        return NULL;
    char path[PATH_MAX];
    if (sub)
        snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
    else
        snprintf(path, sizeof path, "%s/%s", dir, name);
    return paths_read_file(path, NULL);
}
