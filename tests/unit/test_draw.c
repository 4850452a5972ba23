/* East Asian Ambiguous characters in the explorer (src/tui/draw.c and width.c, compiled
 * in here; no screen is needed): when the terminal draws them wide, the chrome turns to
 * ASCII and the text is measured with them two columns wide (so curses, which asks
 * wcwidth, places them as the terminal draws them), never replaced. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "draw.c"
#include "width.c"

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
    /* The text as written, its ambiguous characters two columns wide, as curses sees it. */
    assert_int_equal(draw_width("“中”", strlen("“中”")), 6);
    assert_int_equal(text_width("——率先", strlen("——率先")), 8);
    assert_int_equal(wcwidth(0x201C), 2);
    assert_int_equal(wcwidth(L'中'), 2);
    assert_int_equal(wcwidth(L'a'), 1);
    assert_int_equal(wcwidth(0x0301), 0);       /* a combining mark stays 0 */
    draw_init(0);
    assert_int_equal(draw_width("“中”", strlen("“中”")), 4);
    assert_int_equal(wcwidth(0x201C), 1);
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
