/* import_read.c — the bytes of one file to import: a regular file read at its size, or
 * standard input, a pipe or a device read to its end, never past --max-size (so that
 * `import /dev/zero` stops with a message instead of eating memory), telling the import's
 * progress line (progress.h) how much of a stream has come. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "progress.h"

int import_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || s[0] == '-')
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10, end++; break;
    case 'm': case 'M': shift = 20, end++; break;
    case 'g': case 'G': shift = 30, end++; break;
    default: break;
    }
    if (*end == 'B' || *end == 'b')
        end++;
    if (*end || v > (~0ULL >> shift) || v == 0)
        return -1;
    *out = (size_t)(v << shift);
    return 0;
}

/* "1.5 MB" for messages, in the units --max-size takes (1 MB = 1024 KB). */
static const char *mb(size_t n, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.1f MB", (double)n / (1 << 20));
    return buf;
}

/* Reads fd to its end into a buffer grown as needed, at most max bytes. */
static char *read_stream(int fd, const char *name, size_t max, struct progress *pg, size_t *n,
                         struct err *e)
{
    size_t cap = max < (1 << 16) ? max + 1 : 1 << 16, len = 0;
    char *buf = malloc(cap), b1[32];
    if (!buf)
        err_set(e, "out of memory");
    while (buf) {
        if (len > max) {
            err_set(e, "more than --max-size %s: not imported (a bigger file needs a larger "
                    "--max-size)", mb(max, b1, sizeof b1));
            break;
        }
        if (len == cap) {
            size_t bigger = cap > max / 2 ? max + 1 : cap * 2;
            char *p = realloc(buf, bigger);
            if (!p) {
                err_set(e, "out of memory after %s", mb(len, b1, sizeof b1));
                break;
            }
            buf = p, cap = bigger;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            err_set(e, "%s", errno == EISDIR ? "is a directory" : strerror(errno));
            break;
        }
        if (got == 0) {
            *n = len;
            return buf;
        }
        len += (size_t)got;
        progress_reading(pg, name, len);
    }
    free(buf);
    return NULL;
}

char *import_read(const char *path, size_t max, struct progress *pg, size_t *n, struct err *e)
{
    int stdin_ = !strcmp(path, "-");
    /* A FIFO named on the command line waits for its writer, as cat would: the user asked
     * for it (config files, which nobody names, are opened without waiting: paths.c). */
    int fd = stdin_ ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    char b1[32], b2[32];
    if (fd < 0) {
        err_set(e, "cannot open: %s", strerror(errno));
        return NULL;
    }
    int bad = fstat(fd, &st) < 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
    if (bad) {
        err_set(e, "%s", bad == EISDIR ? "is a directory, not a file to import" : strerror(bad));
        if (!stdin_)
            close(fd);
        return NULL;
    }
    char *buf = NULL;
    if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
        err_set(e, "%s, more than --max-size %s: not imported (a bigger file needs a larger "
                "--max-size)", mb((size_t)st.st_size, b1, sizeof b1), mb(max, b2, sizeof b2));
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        /* Exactly its size: read once, no doubling. One byte more to see it did not grow. */
        size_t size = (size_t)st.st_size, len = 0;
        if (!(buf = malloc(size + 1)))
            err_set(e, "out of memory for %s", mb(size, b1, sizeof b1));
        while (buf && len <= size) {
            ssize_t got = read(fd, buf + len, size + 1 - len);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                if (got < 0)
                    err_set(e, "%s", strerror(errno)), free(buf), buf = NULL;
                break;
            }
            len += (size_t)got;
        }
        if (buf && len > size) {   /* it grew while read: read the rest as a stream */
            free(buf);
            buf = NULL;
            lseek(fd, 0, SEEK_SET);
            buf = read_stream(fd, path, max, pg, &len, e);
        }
        if (buf)
            *n = len;
    } else {
        buf = read_stream(fd, stdin_ ? "standard input" : path, max, pg, n, e);
    }
    if (!stdin_)
        close(fd);
    return buf;
}
