/* progress.h — the line `gongfu import` keeps up to date on a terminal while it works:
 * files and megabytes done, the rate and the time left, and while a stream (standard
 * input, a pipe) is read, how much of it has come. The import's one progress line: shown
 * only when standard error is a terminal and the import has taken more than a second;
 * nothing at all on a pipe. */
#ifndef GONGFU_CLI_PROGRESS_H
#define GONGFU_CLI_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

struct progress {
    int on;                 /* standard error is a terminal */
    int shown;              /* a line is on the screen (to be cleared) */
    double t0, last;        /* start, last drawn (monotonic seconds) */
    size_t files, nfiles;
    uint64_t bytes, total;  /* read so far; the files' sizes (regular files only) */
    uint64_t streamed;      /* of the stream being read, so far (0: none is) */
    const char *stream;     /* its name ("standard input") while one is read */
};

/* Starts timing an import of the files named (their sizes taken now). */
void progress_start(struct progress *p, char *const *files, int nfiles);
/* A stream being read (import_read.c): `bytes` of it have come so far. p may be NULL. */
void progress_reading(struct progress *p, const char *name, uint64_t bytes);
/* One file read and stored, of n bytes. */
void progress_file(struct progress *p, size_t n);
/* Every file read: the commit (search index, relations) runs now. */
void progress_committing(struct progress *p);
/* Clears the line, before the summary or an error is said. */
void progress_end(struct progress *p);

#endif
