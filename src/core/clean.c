/* clean.c — the text of a paragraph as a reader should see it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/clean.h"
#include "gongfu/lines.h"

int clean_is_han(unsigned int c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3007;
}

int clean_is_wide_context(unsigned int c)
{
    return clean_is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x2010 && c <= 0x206F);
}

/* The code point at s (U+FFFD for a bad byte). */
static ucs4_t at(const char *s, size_t n)
{
    ucs4_t c = 0xFFFD;
    if (n)
        u8_mbtouc(&c, (const uint8_t *)s, n);
    return c;
}

/* The code point ending just before s+i. */
static ucs4_t before(const char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
        j--;
    return j > 0 ? at(s + j - 1, i - j + 1) : 0;
}

/* A run of spaces between a and b is an extraction artefact when either side is Chinese:
 * the texts never separate words with spaces. Returns 1 to keep one space. */
static int keep_space(ucs4_t a, ucs4_t b, int keep_han_spaces)
{
    if (!a || !b)
        return 0;
    if (keep_han_spaces && clean_is_han(a) && clean_is_han(b))
        return 1;
    return !clean_is_wide_context(a) && !clean_is_wide_context(b);
}

char *clean_join(const char *t, const struct span *spans, size_t n, int keep_han_spaces)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += spans[i].end - spans[i].start;
    char *out = malloc(total + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(out + o, t + spans[i].start, spans[i].end - spans[i].start);
        o += spans[i].end - spans[i].start;
    }
    out[o] = '\0';
    /* Second pass in place: collapse or drop runs of spaces. */
    /* The first byte of every space lines_space_at knows: the bytes between are moved as
     * one run, not asked about one by one. */
    static const unsigned char may_be_space[256] = {
        [' '] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1, [0xE3] = 1, [0xC2] = 1, [0xEF] = 1,
    };
    size_t r = 0, w = 0;
    while (r < o) {
        size_t run = r;
        while (run < o && !may_be_space[(unsigned char)out[run]])
            run++;
        if (run > r) {
            if (w != r)
                memmove(out + w, out + r, run - r);
            w += run - r;
            r = run;
            continue;
        }
        size_t sp = lines_space_at(out + r, o - r);
        if (!sp) {
            out[w++] = out[r++];
            continue;
        }
        size_t e = r;
        while (e < o && (sp = lines_space_at(out + e, o - e)))
            e += sp;
        ucs4_t a = before(out, w), b = e < o ? at(out + e, o - e) : 0;
        if (keep_space(a, b, keep_han_spaces))
            out[w++] = ' ';
        r = e;
    }
    out[w] = '\0';
    return out;
}

static const char *const enders[] = {"。", "！", "？", "；", "：", "…", ".", "!", "?", ";", ":"};
static const char *const closers[] = {"”", "’", "」", "』", "）", ")", "》", "\"", "】"};

static int ends_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s + n - k, p, k) == 0;
}

int clean_ends_sentence(const char *s, size_t n)
{
    /* Closing quotes and brackets after the full stop: "…来。”", "（…负责）". */
    int stripped = 1;
    while (stripped) {
        stripped = 0;
        for (size_t i = 0; i < sizeof closers / sizeof *closers; i++)
            if (ends_with(s, n, closers[i])) {
                /* A bracket closing a parenthetical note ends a paragraph by itself. */
                if (!strcmp(closers[i], "）") || !strcmp(closers[i], ")"))
                    return 1;
                n -= strlen(closers[i]);
                stripped = 1;
            }
    }
    for (size_t i = 0; i < sizeof enders / sizeof *enders; i++)
        if (ends_with(s, n, enders[i]))
            return 1;
    return 0;
}

int clean_is_prose(const char *s, size_t n)
{
    /* Any of 。 ， ； ！ ？ , ; at any byte: one pass that stops at the first, not a search
     * of the whole line for each. 。 is E3 80 82; ，；！？ are EF BC and 8C, 9B, 81, 9F. */
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        if (c == ',' || c == ';')
            return 1;
        if (c == 0xE3 && i + 3 <= n && u[i + 1] == 0x80 && u[i + 2] == 0x82)
            return 1;
        if (c == 0xEF && i + 3 <= n && u[i + 1] == 0xBC &&
            (u[i + 2] == 0x8C || u[i + 2] == 0x9B || u[i + 2] == 0x81 || u[i + 2] == 0x9F))
            return 1;
    }
    return 0;
}

/* 一 … 十, as page numbers are written. */
static const uint32_t cn_digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                     0x516B, 0x4E5D, 0x5341, 0};

size_t clean_jump_marker(const char *s, size_t n)
{
    size_t i;
    if (n >= 1 && s[0] == '(')
        i = 1;
    else if (n >= 3 && memcmp(s, "（", 3) == 0)
        i = 3;
    else
        return 0;
    static const char *const verbs[] = {"紧接第", "緊接第", "上接第", "下转第", "下轉第",
                                        "接第", "转第", "轉第"};
    size_t k = 0;
    for (size_t v = 0; v < sizeof verbs / sizeof *verbs && !k; v++)
        if (n - i >= strlen(verbs[v]) && memcmp(s + i, verbs[v], strlen(verbs[v])) == 0)
            k = strlen(verbs[v]);
    if (!k)
        return 0;
    i += k;
    size_t digits = 0;           /* 二 / 十二 / 3 */
    while (i < n && i < 64) {
        ucs4_t c = at(s + i, n - i);
        if (!(c >= '0' && c <= '9') && !u32_strchr(cn_digits, c))
            break;
        i += (size_t)u8_mblen((const uint8_t *)s + i, n - i);
        digits++;
    }
    if (!digits || n - i < 3 || memcmp(s + i, "版", 3) != 0)
        return 0;
    i += 3;
    if (i < n && s[i] == ')')
        return i + 1;
    if (n - i >= 3 && memcmp(s + i, "）", 3) == 0)
        return i + 3;
    return 0;
}
