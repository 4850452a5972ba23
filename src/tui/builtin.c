/* builtin.c — lookup in the generated table of built-in files. */
#include <stdio.h>
#include <string.h>
#include "builtin.h"
#include "tui_builtin.h"

#define NFILES (sizeof builtin_files / sizeof builtin_files[0])

const char *builtin_text(const char *name)
{
    for (size_t i = 0; i < NFILES; i++)
        if (!strcmp(builtin_files[i].name, name))
            return builtin_files[i].text;
    return NULL;
}

const char *builtin_list(const char *suffix)
{
    static char buf[512];
    size_t o = 0, sl = strlen(suffix);
    buf[0] = '\0';
    for (size_t i = 0; i < NFILES; i++) {
        const char *n = builtin_files[i].name;
        size_t nl = strlen(n);
        if (nl <= sl || strcmp(n + nl - sl, suffix))
            continue;
        int w = snprintf(buf + o, sizeof buf - o, "%s%.*s", o ? ", " : "", (int)(nl - sl), n);
        if (w < 0 || (size_t)w >= sizeof buf - o)
            break;
        o += (size_t)w;
    }
    return buf;
}
