/* textout.c — building the one-paragraph-a-line text that the format readers yield. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/textout.h"

static void append(struct textout *t, const char *s, size_t n)
{
    if (t->oom || array_grow((void **)&t->s, &t->cap, t->len + n + 1, 1) < 0) {
        t->oom = 1;
        return;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t textout_line_len(const struct textout *t)
{
    return t->len - t->line_start;
}

/* A visible character: the pending space goes first, unless the line is empty. */
static void visible(struct textout *t, const char *s, size_t n)
{
    if (t->space && textout_line_len(t) > 0 && t->s[t->len - 1] != ' ')
        append(t, " ", 1);               /* not twice, nor after a cell's separator */
    t->space = 0;
    append(t, s, n);
}

void textout_putc(struct textout *t, uint32_t c)
{
    if (c < 0x80 && is_ascii_space((unsigned char)c)) {
        t->space = 1;
        return;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
        return;                       /* controls carry nothing a reader should see */
    uint8_t buf[6];
    int k = u8_uctomb(buf, c, (int)sizeof buf);
    if (k > 0)
        visible(t, (const char *)buf, (size_t)k);
}

void textout_put(struct textout *t, const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        if (*p < 0x80) {
            const uint8_t *q = p;
            while (q < end && *q >= 0x20 && *q < 0x7F && *q != ' ')
                q++;
            if (q > p) {                      /* a run of printable ASCII at once */
                visible(t, (const char *)p, (size_t)(q - p));
                p = q;
                continue;
            }
            textout_putc(t, *p++);
            continue;
        }
        ucs4_t c;
        int k = u8_mbtouc(&c, p, (size_t)(end - p));
        textout_putc(t, c);
        p += k > 0 ? k : 1;
    }
}

void textout_put_raw(struct textout *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        textout_put(t, s + i, j - i);
        if (j == n)
            break;
        textout_break(t);
        i = j + 1 + (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n');
    }
}

void textout_put_lines(struct textout *t, const char *s, size_t n)
{
    textout_break(t);
    append(t, s, n);
    if (n && s[n - 1] != '\n')
        append(t, "\n", 1);
    t->line_start = t->len;
}

void textout_break(struct textout *t)
{
    t->space = 0;
    while (t->len > t->line_start && t->s[t->len - 1] == ' ')
        t->len--;                     /* after an empty last cell */
    if (textout_line_len(t) == 0)
        return;
    append(t, "\n", 1);
    t->line_start = t->len;
}

void textout_cell(struct textout *t)
{
    t->space = 0;
    if (textout_line_len(t) == 0)
        append(t, "| ", 2);
    else
        append(t, TEXTOUT_CELL, sizeof TEXTOUT_CELL - 1);
}

void textout_row_end(struct textout *t)
{
    t->space = 0;
    if (textout_line_len(t) > 0)
        append(t, " |", 2);
    textout_break(t);
}

char *textout_finish(struct textout *t, size_t *n)
{
    textout_break(t);
    append(t, "", 0);
    if (t->oom) {
        textout_free(t);
        return NULL;
    }
    if (!t->s)
        append(t, "", 0);
    if (t->oom) {
        textout_free(t);
        return NULL;
    }
    char *s = t->s;
    s[t->len] = '\0';
    *n = t->len;
    memset(t, 0, sizeof *t);
    return s;
}

void textout_free(struct textout *t)
{
    free(t->s);
    memset(t, 0, sizeof *t);
}
