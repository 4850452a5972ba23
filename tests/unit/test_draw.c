/* The explorer's narrow stand-ins for East Asian Ambiguous characters (src/tui/draw.c,
 * compiled in here; no screen is needed): what they become, that the offset map leads
 * back to the source, and the chrome's ASCII fallback. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "draw.c"

static void check(const char *in, const char *want)
{
    size_t n, *map;
    char *out = draw_subst(in, strlen(in), &n, &map);
    assert_non_null(out);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
    /* Each drawn byte maps into the source, never backwards, the end onto the end. */
    for (size_t i = 0; i < n; i++) {
        assert_true(map[i] < strlen(in));
        if (i)
            assert_true(map[i] >= map[i - 1]);
    }
    assert_int_equal(map[n], strlen(in));
    /* Nothing ambiguous is left. */
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)text_next(out + i, n - i, &c);
        assert_false(text_is_ambiguous(c));
    }
    free(out);
    free(map);
}

static void test_subst(void **st)
{
    (void)st;
    check("", "");
    check("中文", "中文");
    check("“四个舟山”", "\"四个舟山\"");
    check("——率先", "--率先");
    check("金华之心·数字", "金华之心\xe3\x83\xbb数字");
    check("Ⅲ类水", "III类水");
    check("9.6‰", "9.6o/oo");
    check("①②⑳", "(1)(2)(20)");
    check("……", "......");
    check("\xff“", "\xff\"");     /* an invalid byte passes through, as the reader draws it */
}

static void test_map(void **st)
{
    (void)st;
    const char *in = "达Ⅲ类“水”";
    size_t n, *map;
    char *out = draw_subst(in, strlen(in), &n, &map);
    assert_string_equal(out, "达III类\"水\"");
    assert_int_equal(map[0], 0);                 /* 达 */
    assert_int_equal(map[3], 3);                 /* I I I all from Ⅲ at byte 3 */
    assert_int_equal(map[5], 3);
    assert_int_equal(map[6], 6);                 /* 类 */
    assert_int_equal(map[9], 9);                 /* " from “ */
    assert_int_equal(map[10], 12);               /* 水 */
    free(out);
    free(map);
}

static void test_glyphs(void **st)
{
    (void)st;
    draw_init(0);
    assert_string_equal(glyph(G_VLINE), "│");
    assert_string_equal(glyph(G_SEP), "›");
    draw_init(1);
    assert_string_equal(glyph(G_VLINE), "|");
    assert_string_equal(glyph(G_HLINE), "-");
    assert_string_equal(glyph(G_ELLIPSIS), "~");
    /* Whatever a glyph becomes, it is never ambiguous when ambiguous is wide. */
    for (int g = 0; g < G_COUNT; g++) {
        const char *s = glyph((enum glyph)g);
        uint32_t c;
        text_next(s, strlen(s), &c);
        assert_false(text_is_ambiguous(c));
    }
    assert_int_equal(draw_width("“中”", strlen("“中”")), 4);
    draw_init(0);
    assert_int_equal(draw_width("“中”", strlen("“中”")), 4);
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_subst),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_glyphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
