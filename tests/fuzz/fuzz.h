/* fuzz.h — what the libFuzzer targets share: a property failure aborts with a message
 * (so libFuzzer saves the input), and data files are found as the command line finds
 * them. */
#ifndef GONGFU_FUZZ_H
#define GONGFU_FUZZ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/regions.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((format(printf, 1, 2), noreturn)) static inline void fuzz_fail(const char *fmt,
                                                                             ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("PROPERTY FAILED: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* $GONGFU_DATA/name, else data/name under the current directory (the source tree). */
static inline const char *fuzz_data_file(const char *name)
{
    static char path[4096];
    const char *dir = getenv("GONGFU_DATA");
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "data", name);
    return path;
}

/* The shipped region table, or the run fails. */
static inline void fuzz_load_regions(struct regions *r)
{
    struct err e = {{0}};
    if (regions_load(fuzz_data_file("regions.tsv"), r, &e) < 0)
        fuzz_fail("%s", e.msg);
}

/* The input as a NUL-terminated string (a NUL inside ends it, as for a C string). */
static inline char *fuzz_strdup(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    for (size_t i = 0; i < size; i++)
        s[i] = (char)data[i];
    s[size] = '\0';
    return s;
}

/* What a format reader (HTML, DOCX, PDF) hands the cleaner: valid UTF-8 without NUL or
 * control characters, one non-empty line each ended by '\n', no line starting or ending with
 * a space; then it goes through structure as an import does. */
static inline void fuzz_check_text(const char *what, const char *s, size_t n)
{
    if (u8_check((const uint8_t *)s, n) || strlen(s) != n)
        fuzz_fail("%s: text is not NUL-free UTF-8", what);
    if (n && s[n - 1] != '\n')
        fuzz_fail("%s: the last line has no end", what);
    for (size_t i = 0, start = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') {
            if (i == start || s[start] == ' ' || s[i - 1] == ' ')
                fuzz_fail("%s: line at %zu is empty or has spaces at an edge", what, start);
            start = i + 1;
        } else if (c < 0x20 || c == 0x7F) {
            fuzz_fail("%s: control character 0x%02x at %zu", what, c, i);
        }
    }
}

#endif
