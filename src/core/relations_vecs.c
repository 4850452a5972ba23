/* relations_vecs.c — where the import's model keeps its vectors: a temporary file (unlinked
 * as soon as it is made, in $TMPDIR or /tmp), read back a document or a section at a time
 * into a window. The file's pages are the kernel's cache, not the process's memory: at
 * 1000× the corpus the vectors are hundreds of megabytes, while the documents being
 * compared at any moment are a few. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/array.h"
#include "relations_int.h"

int rel_spill_open(struct rel_spill *s)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/gongfu-relations-XXXXXX", dir && *dir ? dir : "/tmp");
    s->nent = 0;
    s->fd = mkstemp(path);
    if (s->fd >= 0)
        unlink(path);
    return s->fd >= 0 ? 0 : -1;
}

/* pread/pwrite until every byte is moved (they may move fewer on a large request). */
static int move_all(int fd, void *buf, size_t n, off_t at, int writing)
{
    char *p = buf;
    while (n) {
        ssize_t k = writing ? pwrite(fd, p, n, at) : pread(fd, p, n, at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k, n -= (size_t)k, at += k;
    }
    return 0;
}

int rel_spill_write(struct rel_spill *s, const struct rel_entry *v, size_t n, size_t at)
{
    if (move_all(s->fd, (void *)v, n * sizeof *v, (off_t)(at * sizeof *v), 1) < 0)
        return -1;
    if (at + n > s->nent)
        s->nent = at + n;
    return 0;
}

int rel_spill_read(const struct rel_spill *s, struct rel_entry *v, size_t n, size_t at)
{
    return move_all(s->fd, v, n * sizeof *v, (off_t)(at * sizeof *v), 0);
}

void rel_spill_close(struct rel_spill *s)
{
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
}

/* Entries [from, to) into the window. */
static int load(const struct relations *m, struct rel_window *w, size_t from, size_t to)
{
    if (m->spill.fd < 0) {
        w->buf = m->vec, w->from = 0;
        return 0;
    }
    if (array_grow((void **)&w->own, &w->cap, to - from + 1, sizeof *w->own) < 0 ||
        rel_spill_read(&m->spill, w->own, to - from, from) < 0)
        return -1;
    w->buf = w->own, w->from = from;
    return 0;
}

int rel_window_doc(const struct relations *m, struct rel_window *w, size_t k)
{
    const struct rel_docs *d = &m->docs;
    if (d->off[k] == d->off[k + 1])
        return load(m, w, 0, 0);
    size_t first = d->sec[d->off[k]], last = d->sec[d->off[k + 1] - 1];
    return load(m, w, m->vec_off[first], m->vec_off[last + 1]);
}

int rel_window_sec(const struct relations *m, struct rel_window *w, size_t i)
{
    return load(m, w, m->vec_off[i], m->vec_off[i + 1]);
}

void rel_window_free(struct rel_window *w)
{
    free(w->own);
    *w = (struct rel_window){0};
}
