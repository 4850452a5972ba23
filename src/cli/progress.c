/* progress.c — the import's progress line on a terminal (progress.h). */
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
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

/* The line, overwriting the last one: "\r", the text, then erase to the end of the line.
 * `what`, or at_once, draws at once (not REDRAW after the last); a stream's name is the
 * user's, so the text is said sanitised. */
static void draw(struct progress *p, const char *what, int at_once)
{
    double t = now(), spent = t - p->t0;
    if (!p->on || spent < DELAY || (p->shown && t - p->last < REDRAW && !what && !at_once))
        return;
    uint64_t done = p->bytes + p->streamed;
    double mb = (double)done / 1e6, rate = spent > 0 ? mb / spent : 0;
    char left[48] = "";
    if (what)
        snprintf(left, sizeof left, ", %s", what);
    else if (p->stream)
        snprintf(left, sizeof left, ", reading %.30s", p->stream);
    else if (rate > 0 && p->total > done)
        snprintf(left, sizeof left, ", %.0f s left", (double)(p->total - done) / 1e6 / rate);
    fputc('\r', stderr);
    cli_say(stderr, "gongfu import: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s%s", p->files,
            p->nfiles, mb, (double)(p->total > done ? p->total : done) / 1e6, rate, left);
    fputs("\033[K", stderr);
    fflush(stderr);
    p->shown = 1;
    p->last = t;
}

void progress_reading(struct progress *p, const char *name, uint64_t bytes)
{
    if (!p)
        return;
    p->stream = name, p->streamed = bytes;
    draw(p, NULL, 0);
}

void progress_file(struct progress *p, size_t n)
{
    int read_a_stream = p->stream != NULL;   /* the line's "reading" is over: say so now */
    p->stream = NULL, p->streamed = 0;
    p->files++;
    p->bytes += n;
    draw(p, NULL, read_a_stream);
}

void progress_committing(struct progress *p)
{
    draw(p, "indexing and relating the sections", 1);
}

void progress_end(struct progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr), fflush(stderr);
    p->shown = 0;
}
