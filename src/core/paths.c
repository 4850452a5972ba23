/* paths.c — where the database, the data files and the user's configuration are, for the
 * command line and the explorer alike. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

const char *paths_lib_file(const char *name)
{
    static char path[PATH_MAX];
    /* Next to the program in the build tree; in ../lib/gongfu beside it once installed. */
    static const char *const rel[] = {"", "/../lib/gongfu"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(path, sizeof path, "%s%s/%s", exe_dir(), rel[i], name);
        if (access(path, F_OK) == 0)
            return path;
    }
    snprintf(path, sizeof path, "%s/%s", GONGFU_LIBDIR, name);
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

/* Opens path for reading only if it is a regular file: O_NONBLOCK first, so that a FIFO
 * cannot hang the open, then fstat. */
static int open_regular(const char *path, struct stat *st, struct err *e)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int saved = errno;
        err_set(e, "%s: %s", path, strerror(errno));
        errno = saved;
        return -1;
    }
    if (fstat(fd, st) < 0) {
        int saved = errno;
        err_set(e, "%s: %s", path, strerror(errno));
        close(fd);
        errno = saved;
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        int dir = S_ISDIR(st->st_mode);
        err_set(e, "%s: %s", path, dir ? "is a directory" : S_ISFIFO(st->st_mode) ? "is a FIFO, "
                "not a regular file" : "is a device or socket, not a regular file");
        close(fd);
        errno = dir ? EISDIR : EINVAL;
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

char *paths_read(const char *path, size_t cap, size_t *n, struct err *e)
{
    struct stat st;
    int fd = open_regular(path, &st, e);
    if (fd < 0)
        return NULL;
    if ((uintmax_t)st.st_size > cap) {
        err_set(e, "%s: %lld bytes, more than the %zu a file of this kind may have", path,
                (long long)st.st_size, cap);
        close(fd);
        errno = EFBIG;
        return NULL;
    }
    /* Read to the end, but never past cap: a file may grow while it is read. */
    size_t len = 0, size = (size_t)st.st_size + 1;
    char *buf = malloc(size + 1);
    while (buf) {
        ssize_t got = read(fd, buf + len, size - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (got < 0) {
                err_set(e, "%s: %s", path, strerror(errno));
                free(buf), buf = NULL;
            }
            break;
        }
        len += (size_t)got;
        if (len == size) {
            char *bigger = size < cap ? realloc(buf, (size = size * 2 < cap ? size * 2 : cap) + 1)
                                      : NULL;
            if (!bigger) {
                err_set(e, size < cap ? "out of memory" : "%s: more than the %zu bytes a file "
                        "of this kind may have", path, cap);
                free(buf), buf = NULL;
                errno = size < cap ? ENOMEM : EFBIG;
                break;
            }
            buf = bigger;
        }
    }
    if (!buf && !e->msg[0])
        err_set(e, "out of memory");
    close(fd);
    if (buf) {
        buf[len] = '\0';
        if (n)
            *n = len;
    }
    return buf;
}

char *paths_read_file(const char *path, size_t *n)
{
    struct err e = {{0}};
    return paths_read(path, PATHS_FILE_MAX, n, &e);
}

char *paths_config_read(const char *sub, const char *name, struct err *e)
{
    const char *dir = paths_config_dir();
    if (!dir)
        return NULL;
    char path[PATH_MAX];
    if (sub)
        snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
    else
        snprintf(path, sizeof path, "%s/%s", dir, name);
    struct err mine = {{0}};
    char *text = paths_read(path, PATHS_CONFIG_MAX, NULL, &mine);
    if (!text && errno != ENOENT)
        err_set(e, "%s", mine.msg);
    return text;
}
