/* compare_export.c — the compare view's table to a file the user names, through export.h. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "gongfu/export.h"
#include "compare_export.h"

void compare_export_name(const char *dir, char *path, size_t n)
{
    struct stat st;
    for (int k = 1; k < 1000; k++) {
        if (k == 1)
            snprintf(path, n, "%s/gongfu-compare.xlsx", dir);
        else
            snprintf(path, n, "%s/gongfu-compare-%d.xlsx", dir, k);
        if (lstat(path, &st) != 0)
            return;
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcasecmp(s + n - k, suffix);
}

int compare_export(struct store *s, const struct compare_table *t, const struct cmp_line *lines,
                   size_t nlines, const char *path, char *msg, size_t n)
{
    enum export_format fmt;
    if (ends_with(path, ".xlsx"))
        fmt = EXPORT_XLSX;
    else if (ends_with(path, ".csv"))
        fmt = EXPORT_CSV_BOM;    /* what people open a csv with is Excel or WPS */
    else {
        snprintf(msg, n, "%s: 文件名请以 .xlsx 或 .csv 结尾", path);
        return -1;
    }
    long *order = malloc((nlines + 1) * sizeof *order);
    size_t rows = 0;
    int headings = 0;
    for (size_t i = 0; order && i < nlines; i++) {
        if (lines[i].row >= 0)
            order[rows++] = lines[i].row;
        headings |= lines[i].row < 0;
    }
    struct export *x = NULL;
    struct err e = {{0}};
    int rc = !order ? (err_set(&e, "out of memory"), -1)
                    : export_open(path, fmt, 0, &x, &e);
    if (rc == 0)
        rc = export_compare(x, s, t, order, rows, headings, &e);
    if (x && export_close(&x, rc == 0, &e) < 0)
        rc = -1;
    free(order);
    if (rc < 0) {
        snprintf(msg, n, "%s", e.msg);
        return -1;
    }
    char full[PATH_MAX];
    snprintf(msg, n, "已导出 %zu 个指标到 %s", rows, realpath(path, full) ? full : path);
    return 0;
}
