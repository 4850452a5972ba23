/* store_text.c — text as the database holds it: UTF-16BE made UTF-8 and UTF-8 made
 * UTF-16BE without SQLite's conversion, and SQLite's BINARY order of texts reproduced on
 * their UTF-8. */
#include <stdint.h>
#include <string.h>
#include "gongfu/text.h"
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

size_t store_utf8_to_utf16be(const char *in, size_t n, unsigned char *out)
{
    const unsigned char *s = (const unsigned char *)in, *end = s + n;
    unsigned char *o = out;
    while (s < end) {
        uint32_t c = s[0];
        if (c < 0x80) {
            s++;
        } else if ((c & 0xF0) == 0xE0 && end - s >= 3 && (s[1] & 0xC0) == 0x80 &&
                   (s[2] & 0xC0) == 0x80) {
            c = (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
            if (c < 0x800 || (c >= 0xD800 && c < 0xE000))
                return (size_t)-1;
            s += 3;
        } else if ((c & 0xE0) == 0xC0 && end - s >= 2 && (s[1] & 0xC0) == 0x80 && c >= 0xC2) {
            c = (c & 0x1F) << 6 | (s[1] & 0x3F);
            s += 2;
        } else if ((c & 0xF8) == 0xF0 && end - s >= 4 && (s[1] & 0xC0) == 0x80 &&
                   (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
            c = (c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
                (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF)
                return (size_t)-1;
            s += 4;
            c -= 0x10000;
            o[0] = (unsigned char)(0xD8 | c >> 18), o[1] = (unsigned char)(c >> 10);
            c = 0xDC00 | (c & 0x3FF);
            o += 2;
        } else {
            return (size_t)-1;
        }
        o[0] = (unsigned char)(c >> 8), o[1] = (unsigned char)c;
        o += 2;
    }
    return (size_t)(o - out);
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
    size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j] && (unsigned char)a[i] < 0x80) {
            i++, j++;
            continue;
        }
        uint32_t x, y;
        i += (size_t)text_next(a + i, na - i, &x);
        j += (size_t)text_next(b + j, nb - j, &y);
        if ((x = utf16_rank(x)) != (y = utf16_rank(y)))
            return x < y ? -1 : 1;
    }
    return (i < na) - (j < nb);
}
