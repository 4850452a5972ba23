/* East Asian Ambiguous characters in the explorer (src/tui/draw.c and width.c, compiled
 * in here; no screen is needed): when the terminal draws them wide, the chrome turns to
 * ASCII and the text is measured with them two columns wide (so curses, which asks
 * wcwidth, places them as the terminal draws them), never replaced. And text put into a
 * window a run at a time leaves the cells and the cursor that putting it a character at
 * a time did (a curses screen into /dev/null). */
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

/* Text into a window as draw.c put it before runs: each character visible, by itself
 * (a combining mark onto the cell before). */
static int put_each(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a)
{
    int used = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        c = text_visible(c);
        int cw = text_char_width(c);
        if (used + cw > maxw)
            break;
        i += (size_t)len;
        if (cw == 0 && used == 0)
            continue;
        put_char(w, y, x + used - (cw == 0), c, a);
        used += cw;
    }
    return used;
}

/* The row as text, attributes and colour pair, a cell at a time. */
static void row_cells(WINDOW *w, int y, char *out, size_t n)
{
    size_t o = 0;
    for (int x = 0; x < getmaxx(w) && o + 64 < n; x++) {
        cchar_t cc;
        wchar_t wc[CCHARW_MAX + 1] = { 0 };
        attr_t at;
        short pair;
        mvwin_wch(w, y, x, &cc);
        getcchar(&cc, wc, &at, &pair, NULL);
        o += (size_t)snprintf(out + o, n - o, "[%x %x %lx %d]", (unsigned)wc[0],
                              (unsigned)wc[1], (unsigned long)at, pair);
    }
}

/* What the row held before: blanks, or wide characters that a run may cut in two. */
static void prefill(WINDOW *w, int y, int wides)
{
    wmove(w, y, 0);
    for (int x = 0; x < getmaxx(w); x += wides ? 2 : 1)
        mvwaddnwstr(w, y, x, wides ? L"宽" : L".", 1);
}

static void test_runs(void **st)
{
    (void)st;
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    assert_non_null(out);
    assert_non_null(in);
    SCREEN *scr = newterm("xterm-256color", out, in);
    assert_non_null(scr);
    start_color();
    use_default_colors();
    init_pair(3, COLOR_GREEN, -1);
    draw_init(0);
    static const char *const texts[] = {
        "到2025年，城乡居民收入比缩小到1.9以内", "ab\tc\001d\x7f", "e\xcc\x81 a\xcc\x81\xcc\x82",
        "\xcc\x81lead", "“两个先行”—— ①②", "ｆｕｌｌ宽ｗｉｄｔｈ", "\xe2\x80\x8bzw\xe2\x80\xae",
        "█████▌", "a", "", "混合mixed文本 with ascii 和标点、。",
        /* longer than a run's cells */
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
    };
    WINDOW *a = newwin(3, 50, 0, 0), *b = newwin(3, 50, 0, 0);
    static const int xs[] = { 0, 1, 3, 47, 49 }, maxws[] = { 0, 1, 2, 5, 50 };
    char ra[4096], rb[4096];
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
        for (int wides = 0; wides < 2; wides++)
            for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++)
                for (size_t m = 0; m < sizeof maxws / sizeof maxws[0]; m++) {
                    int x = xs[i], mw = maxws[m] < 50 - x ? maxws[m] : 50 - x;
                    attr_t at = A_UNDERLINE | COLOR_PAIR(3);
                    prefill(a, 1, wides);
                    prefill(b, 1, wides);
                    int ua = draw_text(a, 1, x, texts[t], strlen(texts[t]), mw, at);
                    int ub = mw > 0 ? put_each(b, 1, x, texts[t], strlen(texts[t]), mw, at) : 0;
                    assert_int_equal(ua, ub);
                    row_cells(a, 1, ra, sizeof ra);
                    row_cells(b, 1, rb, sizeof rb);
                    if (strcmp(ra, rb))
                        fail_msg("text %zu wide %d x %d maxw %d:\n%s\n%s", t, wides, x, mw, ra, rb);
                    assert_int_equal(getcury(a), getcury(b));
                    assert_int_equal(getcurx(a), getcurx(b));
                }
    /* A rule and bars: the glyph, a cell each, as many as asked. */
    prefill(a, 2, 1);
    prefill(b, 2, 1);
    assert_int_equal(draw_glyphs(a, 2, 3, G_BAR, 20, A_BOLD), 20);
    for (int i = 0; i < 20; i++)
        put_each(b, 2, 3 + i, glyph(G_BAR), strlen(glyph(G_BAR)), 1, A_BOLD);
    row_cells(a, 2, ra, sizeof ra);
    row_cells(b, 2, rb, sizeof rb);
    assert_string_equal(ra, rb);
    delwin(a);
    delwin(b);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8"))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyphs),
        cmocka_unit_test(test_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
