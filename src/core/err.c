#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "gongfu/err.h"

void err_set(struct err *e, const char *fmt, ...)
{
    if (!e || e->msg[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void err_prefix(struct err *e, const char *fmt, ...)
{
    if (!e)
        return;
    char old[sizeof e->msg];
    memcpy(old, e->msg, sizeof old);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof e->msg)
        memcpy(e->msg + n, old, strnlen(old, sizeof e->msg - 1 - (size_t)n)),
            e->msg[n + (int)strnlen(old, sizeof e->msg - 1 - (size_t)n)] = '\0';
}
