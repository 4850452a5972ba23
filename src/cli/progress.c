/* progress.c — the import's progress line on a terminal (progress.h). */
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "progress.h"

/* Drawn no sooner than this after the start, nor more often than every REDRAW seconds:
 * a short import says nothing but its summary, and a slow link gets a few bytes a second. */
#define DELAY 1.0
#define REDRAW 0.25

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, char *const *files, int nfiles)
{
    *p = (struct progress){ .on = isatty(STDERR_FILENO), .nfiles = (size_t)nfiles };
    p->t0 = p->last = now();
    for (int i = 0; p->on && i < nfiles; i++) {
        struct stat st;
        if (stat(files[i], &st) == 0 && S_ISREG(st.st_mode))
            p->total += (uint64_t)st.st_size;
    }
}

/* The line, overwriting the last one: "\r", the text, then erase to the end of the line. */
static void draw(struct progress *p, const char *what)
{
    double t = now(), spent = t - p->t0;
    if (!p->on || spent < DELAY || (p->shown && t - p->last < REDRAW && !what))
        return;
    double mb = (double)p->bytes / 1e6, rate = spent > 0 ? mb / spent : 0;
    char left[48] = "";
    if (what)
        snprintf(left, sizeof left, ", %s", what);
    else if (rate > 0 && p->total > p->bytes)
        snprintf(left, sizeof left, ", %.0f s left", (double)(p->total - p->bytes) / 1e6 / rate);
    fprintf(stderr, "\rgongfu import: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s%s\033[K", p->files,
            p->nfiles, mb, (double)(p->total > p->bytes ? p->total : p->bytes) / 1e6, rate, left);
    fflush(stderr);
    p->shown = 1;
    p->last = t;
}

void progress_file(struct progress *p, size_t n)
{
    p->files++;
    p->bytes += n;
    draw(p, NULL);
}

void progress_committing(struct progress *p)
{
    draw(p, "indexing and relating the sections");
}

void progress_end(struct progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr), fflush(stderr);
    p->shown = 0;
}
