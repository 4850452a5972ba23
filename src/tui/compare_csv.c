/* compare_csv.c — the compare view's table as CSV, as it is shown (filtered, sorted). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/csv.h"
#include "compare_csv.h"

/* A new file in dir, never an existing one nor through a symlink. */
static FILE *create_new(const char *dir, char *path, size_t n)
{
    for (int k = 1; k < 100; k++) {
        if (k == 1)
            snprintf(path, n, "%s/gongfu-compare.csv", dir);
        else
            snprintf(path, n, "%s/gongfu-compare-%d.csv", dir, k);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd >= 0)
            return fdopen(fd, "w");
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}

int compare_csv_export(const struct compare_table *t, const struct cmp_line *lines,
                       size_t nlines, const char *dir, char *msg, size_t n)
{
    char path[PATH_MAX];
    FILE *f = create_new(dir, path, sizeof path);
    if (!f) {
        snprintf(msg, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    fputs("category,indicator,name", f);
    for (size_t k = 0; k < t->nregions; k++) {
        fputc(',', f);
        csv_field(f, t->regions[k]);
    }
    fputs("\r\n", f);
    size_t rows = 0;
    for (size_t i = 0; i < nlines; i++) {
        if (lines[i].row < 0)
            continue;
        const struct compare_row *r = &t->rows[lines[i].row];
        csv_field(f, r->category);
        fputc(',', f);
        csv_field(f, r->slug);
        fputc(',', f);
        csv_field(f, r->name);
        for (size_t k = 0; k < t->nregions; k++) {
            char *cell = r->cells[k].n ? targets_format_cell(r->cells[k].t, r->cells[k].n, 1)
                                       : NULL;
            fputc(',', f);
            csv_field(f, cell);
            free(cell);
        }
        fputs("\r\n", f);
        rows++;
    }
    if (fclose(f) != 0) {
        snprintf(msg, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    char full[PATH_MAX];
    snprintf(msg, n, "已导出 %zu 个指标到 %s", rows, realpath(path, full) ? full : path);
    return 0;
}
