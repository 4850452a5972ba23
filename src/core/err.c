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
    char pre[256], old[sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pre, sizeof pre, fmt, ap);
    va_end(ap);
    memcpy(old, e->msg, sizeof old);
    snprintf(e->msg, sizeof e->msg, "%s%s", pre, old);
}
