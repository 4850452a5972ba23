/* fuzz_text — the text layout both front ends draw with: wrapping, truncation, width and
 * sanitising, on any bytes. Properties: wrapped lines are in order, inside the text, start
 * and end on character boundaries and are never wider than asked (a character wider than
 * the whole line aside); truncation keeps a prefix that fits; the sanitised text is valid
 * UTF-8 with no control, bidi or zero-width space left (the joiners U+200C/U+200D are text,
 * kept), and as wide as the original. */
#include <locale.h>
#include <string.h>
#include <unistr.h>
#include "fuzz.h"
#include "gongfu/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (!setlocale(LC_ALL, "C.UTF-8"))
        fuzz_fail("no C.UTF-8 locale");
    return 0;
}

static int boundary(const char *s, size_t n, size_t i)
{
    size_t k = 0;
    while (k < i) {
        uint32_t c;
        k += (size_t)text_next(s + k, n - k, &c);
    }
    return k == i;
}

static void check_sanitized(const char *s, size_t n)
{
    char *clean = text_sanitize(s, n);
    if (!clean)
        return;
    size_t m = strlen(clean);
    if (u8_check((const uint8_t *)clean, m))
        fuzz_fail("sanitised text is not valid UTF-8");
    for (size_t i = 0; i < m;) {
        uint32_t c;
        i += (size_t)text_next(clean + i, m - i, &c);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
            (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C ||
            c == 0x200B || c == 0x2060 || c == 0xFEFF)
            fuzz_fail("U+%04X left in sanitised text", c);
    }
    if (text_width(clean, m) != text_width(s, n))
        fuzz_fail("sanitised width %d, original %d", text_width(clean, m), text_width(s, n));
    free(clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 1 << 14)
        return 0;
    int width = data[0] % 120;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    struct text_line *lines = NULL;
    size_t nl = text_wrap(s, n, width, &lines);
    int w = width < 2 ? 2 : width;
    size_t prev = 0;
    for (size_t i = 0; i < nl; i++) {
        const struct text_line *l = &lines[i];
        if (l->start < prev || l->start > l->end || l->end > n)
            fuzz_fail("width %d: line %zu [%zu,%zu) out of order or outside %zu bytes", width,
                      i, l->start, l->end, n);
        if (!boundary(s, n, l->start) || !boundary(s, n, l->end))
            fuzz_fail("width %d: line %zu [%zu,%zu) cuts a character", width, i, l->start,
                      l->end);
        int lw = text_width(s + l->start, l->end - l->start);
        if (lw != l->width)
            fuzz_fail("width %d: line %zu says %d columns, measures %d", width, i, l->width, lw);
        if (lw > w) {
            uint32_t c;
            int first = text_next(s + l->start, l->end - l->start, &c);
            if ((size_t)first != l->end - l->start)
                fuzz_fail("width %d: line %zu is %d columns wide", width, i, lw);
        }
        prev = l->end;
    }
    free(lines);
    int used = 0;
    size_t kept = text_truncate(s, n, width, &used);
    if (kept > n || !boundary(s, n, kept) || used > (width < 0 ? 0 : width))
        fuzz_fail("truncate to %d: kept %zu of %zu bytes, %d columns", width, kept, n, used);
    check_sanitized(s, n);
    return 0;
}
