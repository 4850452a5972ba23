/* store_text.c — text as the database holds it: UTF-16BE made UTF-8 without SQLite's
 * conversion, and SQLite's BINARY order of texts reproduced on their UTF-8. */
#include <stdint.h>
#include <string.h>
#include "store_int.h"

/* The common case first: a character of the BMP past U+07FF (Chinese). */
void store_utf16be_to_utf8(const unsigned char *in, size_t n, char *out)
{
    unsigned char *o = (unsigned char *)out;
    const unsigned char *end = in + (n & ~(size_t)1);
    while (in < end) {
        uint32_t c = (uint32_t)in[0] << 8 | in[1];
        in += 2;
        if (c >= 0x800 && c - 0xD800 >= 0x800) {
            o[0] = (unsigned char)(0xE0 | c >> 12);
            o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            o[2] = (unsigned char)(0x80 | (c & 0x3F));
            o += 3;
        } else if (c < 0x80) {
            if (!c)
                break;
            *o++ = (unsigned char)c;
        } else if (c < 0x800) {
            o[0] = (unsigned char)(0xC0 | c >> 6);
            o[1] = (unsigned char)(0x80 | (c & 0x3F));
            o += 2;
        } else if (c < 0xDC00 && end - in >= 2 && in[0] >= 0xDC && in[0] < 0xE0) {
            c = 0x10000 + ((c - 0xD800) << 10 | ((uint32_t)(in[0] - 0xDC) << 8 | in[1]));
            in += 2;
            o[0] = (unsigned char)(0xF0 | c >> 18);
            o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
            o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            o[3] = (unsigned char)(0x80 | (c & 0x3F));
            o += 4;
        } else {   /* a lone surrogate */
            o[0] = 0xEF, o[1] = 0xBF, o[2] = 0xBD;
            o += 3;
        }
    }
    *o = '\0';
}

/* The character at *s, which is advanced past it (never past the NUL). */
static uint32_t next_code(const unsigned char **s)
{
    const unsigned char *p = *s;
    uint32_t c = *p++;
    int more = c < 0xC0 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    if (more)
        c &= 0x3Fu >> more;
    for (; more && (*p & 0xC0) == 0x80; more--)
        c = c << 6 | (*p++ & 0x3F);
    *s = p;
    return c;
}

/* A character's place in UTF-16's code-unit order: U+E000–U+FFFF come after the
 * characters beyond the BMP, whose surrogates (D800–DFFF) sort before them. */
static uint32_t utf16_rank(uint32_t c)
{
    return c >= 0xE000 && c < 0x10000 ? c + 0x110000 : c;
}

int store_text_cmp(const char *a, const char *b, int utf16)
{
    if (!utf16)
        return strcmp(a, b);
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *q) {
        if (*p == *q && *p < 0x80) {
            p++, q++;
            continue;
        }
        uint32_t x = utf16_rank(next_code(&p)), y = utf16_rank(next_code(&q));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return (*p != 0) - (*q != 0);
}
