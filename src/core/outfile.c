/* outfile.c — exports written beside their destination and moved into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gongfu/outfile.h"

int outfile_begin(struct outfile *o, const char *path, int force, struct err *e)
{
    memset(o, 0, sizeof *o);
    o->force = force;
    struct stat st;
    if (!*path || snprintf(o->path, sizeof o->path, "%s", path) >= (int)sizeof o->path) {
        err_set(e, "%s: not a usable file name", path);
        return -1;
    }
    if (lstat(path, &st) == 0 && !force) {
        err_set(e, "%s: the file exists; --force replaces it", path);
        return -1;
    }
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        err_set(e, "%s: is a directory", path);
        return -1;
    }
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    char parent[PATH_MAX];
    if (!slash)
        snprintf(parent, sizeof parent, ".");
    else
        snprintf(parent, sizeof parent, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    if (!*base) {
        err_set(e, "%s: names a directory, not a file", path);
        return -1;
    }
    /* A private directory: nobody else can put a symlink where the file is written. */
    int n = snprintf(o->dir, sizeof o->dir, "%s/.gongfu-export-XXXXXX", parent);
    if (n < 0 || (size_t)n >= sizeof o->dir || strlen(o->dir) + strlen(base) + 2 > sizeof o->tmp) {
        err_set(e, "%s: the name is too long", path);
        o->dir[0] = '\0';
        return -1;
    }
    if (!mkdtemp(o->dir)) {
        err_set(e, "%s: cannot write in %s: %s", path, parent, strerror(errno));
        o->dir[0] = '\0';
        return -1;
    }
    memcpy(o->tmp, o->dir, strlen(o->dir));
    o->tmp[strlen(o->dir)] = '/';
    strcpy(o->tmp + strlen(o->dir) + 1, base);
    return 0;
}

void outfile_abort(struct outfile *o)
{
    if (!o->dir[0])
        return;
    unlink(o->tmp);
    rmdir(o->dir);
    o->dir[0] = '\0';
}

int outfile_commit(struct outfile *o, struct err *e)
{
    int fd = open(o->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    int synced = fd >= 0 && fsync(fd) == 0;
    if (fd >= 0)
        close(fd);
    int rc = !synced ? -1 : o->force ? rename(o->tmp, o->path) : link(o->tmp, o->path);
    if (rc != 0) {
        err_set(e, "%s: %s", o->path, errno == EEXIST ? "the file exists; --force replaces it"
                                                       : strerror(errno));
        outfile_abort(o);
        return -1;
    }
    outfile_abort(o);    /* the private copy (after link) and the directory */
    return 0;
}
