/* fold.c — character folding for matching by table lookup (see gen_fold.c). */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "fold_table.h"

size_t fold_char(uint32_t c, uint32_t out[FOLD_MAX])
{
    if (c < 0x80) {
        out[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        return 1;
    }
    if (c >= 0x110000) {
        out[0] = 0xFFFD;
        return 1;
    }
    uint32_t v = fold_vals[fold_stage2[fold_stage1[c / FOLD_BLOCK]][c % FOLD_BLOCK]];
    if (v == 0) {
        out[0] = c;
        return 1;
    }
    if (!(v & 0x80000000u)) {
        out[0] = v;
        return 1;
    }
    size_t n = (v >> 24) & 7, off = v & 0xFFFFFF;
    memcpy(out, fold_pool + off, n * sizeof out[0]);
    return n;
}

const char *fold_table_id(void)
{
    return FOLD_TABLE_ID;
}

size_t fold_decode(const char *s, size_t n, uint32_t *c)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char b = u[0];
    if (b < 0x80) {
        *c = b;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (b >= 0xC2 && b <= 0xDF) {
        len = 2, v = b & 0x1F, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3, v = b & 0x0F, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4, v = b & 0x07, min = 0x10000;
    } else {
        *c = 0xFFFD;
        return 1;
    }
    if (len > n)
        goto bad;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto bad;
        v = v << 6 | (u[i] & 0x3F);
    }
    /* Overlong forms, surrogates and code points past U+10FFFF are not characters. */
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *c = v;
    return len;
bad:
    *c = 0xFFFD;
    return 1;
}

size_t fold_encode(uint32_t c, char out[4])
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) {
        o[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | c >> 6);
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | c >> 12);
        o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | c >> 18);
    o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
    o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

char *fold_utf8(const char *in, size_t n, size_t *outlen, size_t **map)
{
    /* An invalid byte becomes a 3-byte U+FFFD, so 3n covers most text; the loop grows
     * the buffer for the rare characters that expand (ligatures, ß, ㎡). */
    size_t cap = n * 3 + 1;
    char *out = malloc(cap);
    size_t *m = map ? malloc(cap * sizeof *m) : NULL;
    if (!out || (map && !m))
        goto oom;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c, f[FOLD_MAX];
        size_t len = fold_decode(in + i, n - i, &c);
        size_t k = fold_char(c, f);
        for (size_t j = 0; j < k; j++) {
            if (o + 4 >= cap) {
                cap = cap * 2 + 16;
                char *no = realloc(out, cap);
                if (!no)
                    goto oom;
                out = no;
                if (m) {
                    size_t *nm = realloc(m, cap * sizeof *m);
                    if (!nm)
                        goto oom;
                    m = nm;
                }
            }
            size_t e = fold_encode(f[j], out + o);
            if (m)
                for (size_t b = 0; b < e; b++)
                    m[o + b] = i;
            o += e;
        }
        i += len;
    }
    out[o] = 0;
    if (m)
        m[o] = n;
    if (outlen)
        *outlen = o;
    if (map)
        *map = m;
    return out;
oom:
    free(out);
    free(m);
    return NULL;
}
