/* decode.c — raw bytes to UTF-8: BOM, strict UTF-8 validation, UTF-16 with a byte-order
 * mark, GB18030 fallback through iconv (Shift_JIS and EUC-KR refused, decode_guess.c),
 * refusal of binary input. Line ends are left as they are (the cleaner reads CR,
 * LF and CRLF alike), so UTF-8 input maps to raw offsets one to one. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>
#include "gongfu/decode.h"
#include "decode_int.h"

/* A UTF-16 surrogate encoded as if it were a character (ED A0..BF 80..BF), as text that
 * went through JavaScript or Windows APIs carries: not UTF-8, but no reason to refuse a
 * whole document. decode_utf8 makes each one U+FFFD, which has the same length. */
static int surrogate_at(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return n >= 3 && u[0] == 0xED && u[1] >= 0xA0 && u[1] <= 0xBF && u[2] >= 0x80 &&
           u[2] <= 0xBF;
}

/* Byte offset of the first invalid UTF-8 sequence (surrogates aside), or n when all is
 * valid. */
static size_t utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        const uint8_t *bad = u8_check((const uint8_t *)s + i, n - i);
        if (!bad)
            return n;
        i = (size_t)(bad - (const uint8_t *)s);
        if (!surrogate_at(s + i, n - i))
            return i;
        i += 3;
    }
}

static int push_seg(struct decoded *d, size_t *cap, size_t text_off, size_t raw_off)
{
    if (d->nseg == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        struct decode_seg *p = realloc(d->seg, ncap * sizeof *p);
        if (!p)
            return -1;
        d->seg = p;
        *cap = ncap;
    }
    d->seg[d->nseg++] = (struct decode_seg){text_off, raw_off};
    return 0;
}

static int decode_utf8(const char *raw, size_t n, struct decoded *out, struct err *e)
{
    size_t skip = (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    out->len = n - skip;
    out->text = malloc(out->len + 1);
    out->seg = malloc(sizeof *out->seg);
    if (!out->text || !out->seg) {
        err_set(e, "out of memory");
        return -1;
    }
    memcpy(out->text, raw + skip, out->len);
    out->text[out->len] = '\0';
    for (char *p = memchr(out->text, 0xED, out->len); p;
         p = memchr(p + 1, 0xED, out->len - (size_t)(p + 1 - out->text)))
        if (surrogate_at(p, out->len - (size_t)(p - out->text)))
            memcpy(p, "\xEF\xBF\xBD", 3);
    out->seg[0] = (struct decode_seg){0, skip};
    out->nseg = 1;
    out->encoding = "UTF-8";
    return 0;
}

/* Converts one character at a time through iconv so that each character's raw offset is
 * known; a segment is recorded wherever raw and text lengths stop agreeing. */
static int decode_iconv(const char *raw, size_t n, const char *enc, struct decoded *out,
                        struct err *e)
{
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1) {
        err_set(e, "unknown encoding '%s'", enc);
        return -1;
    }
    size_t cap = n * 2 + 16, segcap = 0, i = 0;
    out->text = malloc(cap);
    if (!out->text) {
        iconv_close(cd);
        err_set(e, "out of memory");
        return -1;
    }
    out->len = 0;
    int rc = 0;
    while (i < n) {
        if (out->len + 16 > cap) {
            char *p = realloc(out->text, cap * 2);
            if (!p) { rc = -1; err_set(e, "out of memory"); break; }
            out->text = p;
            cap *= 2;
        }
        if ((unsigned char)raw[i] < 0x80) {          /* ASCII is the same in both */
            if (out->nseg == 0 || out->seg[out->nseg - 1].text_off + (i - out->seg[out->nseg - 1].raw_off) != out->len)
                if (push_seg(out, &segcap, out->len, i) < 0) { rc = -1; break; }
            out->text[out->len++] = raw[i++];
            continue;
        }
        /* A multi-byte character: try lengths 2 and 4 (GB18030's forms). */
        size_t used = 0;
        for (size_t len = 2; len <= 4 && !used; len += 2) {
            if (i + len > n)
                break;
            char *in = (char *)raw + i, *o = out->text + out->len;
            size_t inleft = len, outleft = 16;
            iconv(cd, NULL, NULL, NULL, NULL);
            if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0) {
                if (push_seg(out, &segcap, out->len, i) < 0) { rc = -1; break; }
                out->len = (size_t)(o - out->text);
                used = len;
            }
        }
        if (rc < 0)
            break;
        if (!used) {
            err_set(e, "byte %zu: not valid %s", i, enc);
            rc = -1;
            break;
        }
        i += used;
    }
    iconv_close(cd);
    /* The end of the text is the end of the raw bytes: without this mark an offset at or
     * inside a last character whose UTF-8 is longer than its raw form maps past the file. */
    if (rc == 0 && push_seg(out, &segcap, out->len, n) < 0) {
        rc = -1;
        err_set(e, "out of memory");
    }
    if (rc == 0) {
        out->text[out->len] = '\0';
        out->encoding = strcasecmp(enc, "GB18030") == 0 ? "GB18030" : enc;
    }
    return rc;
}

/* UTF-16 (Windows' "Unicode"), big- or little-endian: every character a segment of its
 * own, as its raw and UTF-8 lengths differ. Lone surrogates become U+FFFD, as in UTF-8;
 * a NUL character is refused, as a NUL byte is. start: where the text begins (after a
 * byte-order mark). */
static int decode_utf16(const char *raw, size_t n, size_t start, int big, struct decoded *out,
                        struct err *e)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t segcap = 0;
    if ((n - start) % 2) {
        err_set(e, "byte %zu: not valid UTF-16 (an odd number of bytes)", n - 1);
        return -1;
    }
    if (!(out->text = malloc((n - start) / 2 * 3 + 4)))
        return err_set(e, "out of memory"), -1;
    out->len = 0;
    for (size_t i = start; i < n;) {
        unsigned unit = big ? (unsigned)u[i] << 8 | u[i + 1] : (unsigned)u[i + 1] << 8 | u[i];
        size_t used = 2;
        ucs4_t c = unit;
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 4 <= n) {
            unsigned lo = big ? (unsigned)u[i + 2] << 8 | u[i + 3] : (unsigned)u[i + 3] << 8 | u[i + 2];
            if (lo >= 0xDC00 && lo <= 0xDFFF)
                c = 0x10000 + ((unit - 0xD800) << 10) + (lo - 0xDC00), used = 4;
        }
        if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
        if (c == 0) {
            err_set(e, "byte %zu: NUL character: this looks like a binary file, not text", i);
            return -1;
        }
        if (push_seg(out, &segcap, out->len, i) < 0)
            return err_set(e, "out of memory"), -1;
        int k = u8_uctomb((uint8_t *)out->text + out->len, c, 4);
        out->len += (size_t)(k > 0 ? k : 0);
        i += used;
    }
    if (push_seg(out, &segcap, out->len, n) < 0)
        return err_set(e, "out of memory"), -1;
    out->text[out->len] = '\0';
    out->encoding = big ? "UTF-16BE" : "UTF-16LE";
    return 0;
}

/* A UTF-16 byte-order mark, or the encoding forced as UTF-16: 1 (big-endian) or 0
 * (little-endian) in *big and the text's start; -1 when it is not UTF-16. */
static int utf16_form(const char *raw, size_t n, const char *forced, int *big, size_t *start)
{
    const unsigned char *u = (const unsigned char *)raw;
    int bom_le = n >= 2 && u[0] == 0xFF && u[1] == 0xFE, bom_be = n >= 2 && u[0] == 0xFE && u[1] == 0xFF;
    *start = bom_le || bom_be ? 2 : 0;
    if (forced && strcasecmp(forced, "auto") != 0) {
        if (!strcasecmp(forced, "UTF-16LE") || !strcasecmp(forced, "UTF16LE"))
            return *big = 0, *start = bom_le ? 2 : 0, 0;
        if (!strcasecmp(forced, "UTF-16BE") || !strcasecmp(forced, "UTF16BE"))
            return *big = 1, *start = bom_be ? 2 : 0, 0;
        if (strcasecmp(forced, "UTF-16") && strcasecmp(forced, "UTF16"))
            return -1;
        return *big = !bom_le, 0;   /* no mark: big-endian, as the standard says */
    }
    return bom_le || bom_be ? (*big = bom_be, 0) : -1;
}

/* UTF-16 text without a mark has its NUL bytes (the high halves of ASCII characters, line
 * ends) at odd offsets (little-endian) or at even ones (big-endian), but for the few
 * characters such as 一 (U+4E00) whose other half is NUL: 1, 0, or -1 when the NULs fall
 * both ways, as in a binary file. Judged on the first 64 KB. */
static int utf16_nul_parity(const char *raw, size_t n)
{
    size_t at[2] = {0, 0}, lim = n < 65536 ? n : 65536;
    for (size_t i = 0; i < lim; i++)
        at[i & 1] += raw[i] == '\0';
    return at[0] >= 4 && at[0] >= 9 * at[1] ? 0 : at[1] >= 4 && at[1] >= 9 * at[0] ? 1 : -1;
}

/* GB18030 accepts most byte soup; demand that what it yields reads as Chinese. */
static int looks_chinese(const struct decoded *d)
{
    size_t han = 0, other = 0;
    const uint8_t *s = (const uint8_t *)d->text, *end = s + d->len;
    while (s < end) {
        ucs4_t c;
        int k = u8_mbtouc(&c, s, (size_t)(end - s));
        s += k;
        if (c < 0x80)
            continue;
        if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
            (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F))
            han++;
        else
            other++;
    }
    return han >= other * 4;
}

int decode_bytes(const char *raw, size_t n, const char *encoding, struct decoded *out,
                 struct err *e)
{
    memset(out, 0, sizeof *out);
    int big;
    size_t start;
    if (utf16_form(raw, n, encoding, &big, &start) == 0) {
        int rc = decode_utf16(raw, n, start, big, out, e);
        if (rc < 0)
            decoded_free(out);
        return rc;
    }
    const char *nul = memchr(raw, '\0', n);
    if (nul) {
        int parity = utf16_nul_parity(raw, n);
        err_set(e, "byte %zu: NUL byte: this looks like a binary file, not text%s",
                (size_t)(nul - raw), parity < 0 ? "" : parity ? "; if it is UTF-16 without a "
                "byte-order mark, say --encoding UTF-16LE" : "; if it is UTF-16 without a "
                "byte-order mark, say --encoding UTF-16BE");
        return -1;
    }
    int rc;
    if (encoding && strcasecmp(encoding, "auto") != 0) {
        if (strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0) {
            size_t bad = utf8_invalid_at(raw, n);
            if (bad < n) {
                err_set(e, "byte %zu: not valid UTF-8", bad);
                return -1;
            }
            rc = decode_utf8(raw, n, out, e);
        } else {
            rc = decode_iconv(raw, n, encoding, out, e);
        }
    } else {
        size_t bad = utf8_invalid_at(raw, n);
        if (bad == n)
            return decode_utf8(raw, n, out, e);
        const char *other = decode_guess_other(raw, n);
        if (other) {
            err_set(e, "byte %zu: not valid UTF-8; the text reads as %s, which gongfu does not "
                    "import (it reads Chinese plans): convert it to UTF-8 first, or say "
                    "--encoding GB18030 if it is Chinese", bad, other);
            return -1;
        }
        struct err gb = {{0}};
        rc = decode_iconv(raw, n, "GB18030", out, &gb);
        if (rc == 0 && !looks_chinese(out)) {
            decoded_free(out);
            rc = -1;
        }
        if (rc < 0) {
            decoded_free(out);
            err_set(e, "byte %zu: not valid UTF-8, nor GB18030 text (use --encoding)", bad);
        }
    }
    if (rc < 0)
        decoded_free(out);
    return rc;
}

size_t decoded_raw_offset(const struct decoded *d, size_t text_off)
{
    size_t lo = 0, hi = d->nseg;
    if (hi == 0)
        return text_off;
    while (hi - lo > 1) {        /* the last segment starting at or before text_off */
        size_t mid = (lo + hi) / 2;
        if (d->seg[mid].text_off <= text_off)
            lo = mid;
        else
            hi = mid;
    }
    const struct decode_seg *s = &d->seg[lo];
    size_t delta = text_off - s->text_off;
    /* Inside a converted multi-byte character, point at its start. Such a character is a
     * segment of its own whose text and raw lengths differ; elsewhere they agree. */
    if (lo + 1 < d->nseg && delta > 0 &&
        d->seg[lo + 1].text_off - s->text_off != d->seg[lo + 1].raw_off - s->raw_off)
        delta = 0;
    return s->raw_off + delta;
}

void decoded_free(struct decoded *d)
{
    free(d->text);
    free(d->seg);
    memset(d, 0, sizeof *d);
}
