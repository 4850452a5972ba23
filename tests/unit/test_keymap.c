/* The key bindings: the default data/keys.conf, the parser's errors, key names, the
 * contexts a key falls back through, and the hints named from the bindings. The keymap
 * and hints are part of the explorer (src/tui), compiled in here whole: no screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "keymap.c"
#include "hint.c"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 16);
    assert_true(fread(buf, 1, (1 << 16) - 1, f) > 0);
    fclose(f);
    return buf;
}

static void load_defaults(struct keymap *km)
{
    char *text = slurp("data/keys.conf");
    struct err e = { "" };
    int rc = keymap_load(km, text, "data/keys.conf", &e);
    if (rc)
        fprintf(stderr, "%s\n", e.msg);
    assert_int_equal(rc, 0);
    free(text);
}

static void test_defaults(void **st)
{
    (void)st;
    struct keymap km = { 0 };
    load_defaults(&km);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 'j'), CMD_DOWN);
    assert_int_equal(keymap_lookup(&km, KCTX_TREE, KEYF(KEY_DOWN)), CMD_DOWN);
    assert_int_equal(keymap_lookup(&km, KCTX_TREE, 'h'), CMD_LEFT);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 'h'), CMD_BACK);
    assert_int_equal(keymap_lookup(&km, KCTX_TREE, 'l'), CMD_RIGHT);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, KEYF(KEY_RIGHT)), CMD_FORWARD);
    assert_int_equal(keymap_lookup(&km, KCTX_COMPARE, 'l'), CMD_RIGHT);
    assert_int_equal(keymap_lookup(&km, KCTX_COMPARE, 's'), CMD_SORT);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 's'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_COMPARE, '/'), CMD_FILTER);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, '/'), CMD_SEARCH);
    assert_int_equal(keymap_lookup(&km, KCTX_HELP, ' '), CMD_PAGE_DOWN);
    assert_int_equal(keymap_lookup(&km, KCTX_GENERIC, '\''), CMD_JUMP_MARK);
    assert_int_equal(keymap_lookup(&km, KCTX_GENERIC, '<'), CMD_SIDEBAR_NARROWER);
    assert_int_equal(keymap_lookup(&km, KCTX_GENERIC, '>'), CMD_SIDEBAR_WIDER);
    /* Every command but "none" has a key somewhere, so the help lists it with one. */
    for (int c = 1; c < CMD_COUNT; c++) {
        size_t n = 0;
        keycode k[8];
        for (int x = 0; x < KCTX_COUNT; x++)
            n += keymap_keys(&km, (enum kctx)x, (enum cmd)c, k, 8);
        if (!n)
            fprintf(stderr, "no key for %s\n", cmd_name((enum cmd)c));
        assert_true(n > 0);
    }
    keymap_free(&km);
}

static void test_override(void **st)
{
    (void)st;
    struct keymap km = { 0 };
    struct err e = { "" };
    load_defaults(&km);
    assert_int_equal(keymap_load(&km, "# mine\n\nbind generic j none\n"
                                      "bind reader x quit  # trailing comment\r\n"
                                      "bind generic 中 help\n", "keys.conf", &e), 0);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 'j'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 'x'), CMD_QUIT);
    assert_int_equal(keymap_lookup(&km, KCTX_TREE, 'x'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_TREE, 0x4E2D), CMD_HELP);
    keycode k[8];
    assert_int_equal(keymap_keys(&km, KCTX_GENERIC, CMD_DOWN, k, 8), 2);   /* j is gone */
    assert_int_equal(k[0], KEYF(KEY_DOWN));
    assert_int_equal(k[1], 14);
    keymap_free(&km);
}

/* Keys typed into a prompt never reach the generic bindings; the search's own come first. */
static void test_contexts(void **st)
{
    (void)st;
    struct keymap km = { 0 };
    struct err e = { "" };
    load_defaults(&km);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, 'j'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, 'q'), CMD_NONE);
    /* ↑ and ↓ go through the search's history; C-n and C-p move in the results. */
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, KEYF(KEY_DOWN)), CMD_HISTORY_NEXT);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, KEYF(KEY_UP)), CMD_HISTORY_PREV);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, 14), CMD_DOWN);    /* <C-n> */
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, KEYF(KEY_LEFT)), CMD_LEFT);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, 1), CMD_LINE_START); /* <C-a> */
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, 27), CMD_ESCAPE);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, KEYF(KEY_BACKSPACE)), CMD_ERASE_CHAR);
    assert_int_equal(keymap_lookup(&km, KCTX_PROMPT, 21), CMD_ERASE_LINE);   /* <C-u> */
    assert_int_equal(keymap_lookup(&km, KCTX_READER, 21), CMD_HALF_UP);
    assert_int_equal(keymap_lookup(&km, KCTX_PROMPT, 'j'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_MARK, 'a'), CMD_NONE);
    assert_int_equal(keymap_lookup(&km, KCTX_MARK, 27), CMD_ESCAPE);
    assert_true(kctx_typing(KCTX_SEARCH) && kctx_typing(KCTX_PROMPT) && kctx_typing(KCTX_MARK));
    assert_false(kctx_typing(KCTX_READER) || kctx_typing(KCTX_GENERIC));
    assert_int_equal(keymap_load(&km, "bind search <F5> down\n", "keys.conf", &e), 0);
    assert_int_equal(keymap_lookup(&km, KCTX_SEARCH, KEYF(KEY_F(5))), CMD_DOWN);
    assert_int_equal(keymap_lookup(&km, KCTX_PROMPT, KEYF(KEY_F(5))), CMD_NONE);
    keymap_free(&km);
}

/* Hints name the key in force: the defaults' first, the user's own once there is one. */
static void test_hints(void **st)
{
    (void)st;
    struct keymap km = { 0 };
    struct err e = { "" };
    char buf[256];
    static const struct hint reader[] = {
        { CMD_NEXT_TARGET, CMD_PREV_TARGET, " ", "指标" }, { CMD_SEARCH, CMD_NONE, "", "搜索" },
        { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, { CMD_NONE, CMD_NONE, "", "" },
    };
    static const struct hint search[] = {
        { CMD_UP, CMD_DOWN, "/", "选择" }, { CMD_ESCAPE, CMD_NONE, "", "返回" },
        { CMD_NONE, CMD_NONE, "", "" },
    };
    load_defaults(&km);
    assert_string_equal(hint_line(&km, KCTX_READER, reader, "  ", buf, sizeof buf),
                        "] [ 指标  / 搜索  Tab 切换窗格");
    assert_string_equal(hint_line(&km, KCTX_SEARCH, search, "，", buf, sizeof buf),
                        "C-p/C-n 选择，Esc 返回");
    assert_string_equal(hint_key(&km, KCTX_TREE, CMD_LEFT, buf, sizeof buf), "h");
    assert_string_equal(hint_key(&km, KCTX_GENERIC, CMD_TOP, buf, sizeof buf), "g");
    assert_string_equal(hint_key(&km, KCTX_SEARCH, CMD_SORT, buf, sizeof buf), "");
    assert_int_equal(keymap_load(&km, "bind search <F5> down\n"
                                      "bind generic / none\nbind generic <F2> search\n"
                                      "bind reader <C-t> next-pane\n", "keys.conf", &e), 0);
    assert_string_equal(hint_line(&km, KCTX_SEARCH, search, "，", buf, sizeof buf),
                        "C-p/F5 选择，Esc 返回");
    assert_string_equal(hint_line(&km, KCTX_READER, reader, "  ", buf, sizeof buf),
                        "] [ 指标  F2 搜索  C-t 切换窗格");
    /* A key rebound to something else no longer counts for its old command. */
    assert_int_equal(keymap_load(&km, "bind reader ] none\n", "keys.conf", &e), 0);
    assert_string_equal(hint_line(&km, KCTX_READER, reader, "  ", buf, sizeof buf),
                        "F2 搜索  C-t 切换窗格");
    keymap_free(&km);
}

static void test_errors(void **st)
{
    (void)st;
    static const struct { const char *text, *msg; } cases[] = {
        { "bind generic j\n", "f:1: expected" },
        { "\nbind nowhere j down\n", "f:2: unknown context \"nowhere\"" },
        { "bind generic <Nope> down\n", "f:1: unknown key \"<Nope>\"" },
        { "bind generic jj down\n", "f:1: unknown key \"jj\"" },
        { "bind generic j fly\n", "f:1: unknown command \"fly\"" },
        { "unbind generic j\n", "f:1: expected" },
        { "bind generic j down extra\n", "f:1: expected" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct keymap km = { 0 };
        struct err e = { "" };
        assert_int_equal(keymap_load(&km, cases[i].text, "f", &e), -1);
        assert_memory_equal(e.msg, cases[i].msg, strlen(cases[i].msg));
        keymap_free(&km);
    }
}

/* A comment line is read whatever its length (a paragraph of notes, a ruler of #s). */
static void test_long_comment(void **st)
{
    (void)st;
    char text[3000];
    memset(text, '#', 2000);
    snprintf(text + 2000, sizeof text - 2000, "\n   # %0700d\nbind generic j none\n", 0);
    struct keymap km = { 0 };
    struct err e = { "" };
    assert_int_equal(keymap_load(&km, text, "keys.conf", &e), 0);
    keymap_free(&km);
    memset(text, 'x', 600);   /* a binding that long is still refused, with its line */
    strcpy(text + 600, "\n");
    assert_int_equal(keymap_load(&km, text, "f", &e), -1);
    assert_string_equal(e.msg, "f:1: line too long");
    keymap_free(&km);
}

static void test_key_names(void **st)
{
    (void)st;
    static const char *const names[] = { "j", "中", "<Enter>", "<Esc>", "<Tab>", "<S-Tab>",
        "<BS>", "<Space>", "<Up>", "<PgDn>", "<Home>", "<F1>", "<F12>", "<C-z>", "<lt>",
        "<Del>" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        keycode k;
        char buf[32];
        assert_int_equal(key_parse(names[i], &k), 0);
        key_format(k, buf, sizeof buf);
        assert_string_equal(buf, names[i]);
    }
    keycode k;
    assert_int_equal(key_parse("<c-Z>", &k), 0);
    assert_int_equal(k, 26);
    assert_int_equal(key_parse("<pgup>", &k), 0);
    assert_int_equal(k, KEYF(KEY_PPAGE));
    assert_int_equal(key_parse("<F0>", &k), -1);
    assert_int_equal(key_parse("<C-1>", &k), -1);
    assert_int_equal(key_parse("\x01", &k), -1);
    assert_int_equal(key_parse("\xff", &k), -1);
    assert_int_equal(key_parse("", &k), -1);
    /* The forms a terminal sends for Enter and Backspace fold into one each. */
    assert_int_equal(key_normalise(0, '\r'), '\n');
    assert_int_equal(key_normalise(1, KEY_ENTER), '\n');
    assert_int_equal(key_normalise(0, 127), KEYF(KEY_BACKSPACE));
    assert_int_equal(key_normalise(0, 'q'), 'q');
    assert_int_equal(key_normalise(1, KEY_UP), KEYF(KEY_UP));
}

static void test_commands(void **st)
{
    (void)st;
    enum cmd c;
    for (int i = 0; i < CMD_COUNT; i++) {
        assert_int_equal(cmd_parse(cmd_name((enum cmd)i), &c), 0);
        assert_int_equal(c, i);
        assert_true(strlen(cmd_help((enum cmd)i)) > 0);
    }
    assert_int_equal(cmd_parse("nope", &c), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_override),
        cmocka_unit_test(test_contexts),
        cmocka_unit_test(test_hints),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_long_comment),
        cmocka_unit_test(test_key_names),
        cmocka_unit_test(test_commands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
