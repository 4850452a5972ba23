/* err.c — error messages, made safe to print: whatever a message quotes from outside (a
 * file name, a line of a config file, a document's text) goes through the text module's
 * sanitiser, so no message can carry a control sequence to a terminal. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/err.h"
#include "gongfu/text.h"

/* msg into e->msg, sanitised, cut on a character boundary. */
static void keep(struct err *e, const char *msg)
{
    char *clean = text_sanitize(msg, strlen(msg));
    const char *s = clean ? clean : msg;
    size_t n = strlen(s);
    if (n >= sizeof e->msg) {
        n = sizeof e->msg - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(e->msg, s, n);
    e->msg[n] = '\0';
    if (!clean)   /* no memory for the sanitiser: at least no C0 control or DEL */
        for (char *p = e->msg; *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                *p = '?';
    free(clean);
}

void err_set(struct err *e, const char *fmt, ...)
{
    if (!e || e->msg[0])
        return;
    char buf[sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    keep(e, buf);
}

void err_prefix(struct err *e, const char *fmt, ...)
{
    if (!e)
        return;
    char buf[2 * sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof e->msg, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof e->msg)
        n = (int)sizeof e->msg - 1;
    snprintf(buf + n, sizeof buf - (size_t)n, "%s", e->msg);
    keep(e, buf);
}
