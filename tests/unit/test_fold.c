/* Folding: Traditional → Simplified, NFKC, case, default-ignorables, UTF-8 errors, maps. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/fold.h"

/* Folds a UTF-8 string and returns it (static buffer). */
static const char *f(const char *s)
{
    static char buf[256];
    size_t n;
    char *r = fold_utf8(s, strlen(s), &n, NULL);
    assert_non_null(r);
    assert_int_equal(n, strlen(r));
    assert_true(n < sizeof buf);
    memcpy(buf, r, n + 1);
    free(r);
    return buf;
}

static void test_traditional(void **state)
{
    (void)state;
    assert_string_equal(f("醫保"), "医保");
    assert_string_equal(f("數位化"), "数位化");
    assert_string_equal(f("金華高質量發展"), "金华高质量发展");
    assert_string_equal(f("幼稚園"), "幼稚园");
    assert_string_equal(f("網路"), "网路");
    assert_string_equal(f("優化"), "优化");
    /* Simplified text is left as it is. */
    assert_string_equal(f("共同富裕示范区"), "共同富裕示范区");
}

static void test_width_and_case(void **state)
{
    (void)state;
    assert_string_equal(f("ＡＢＣ１２３"), "abc123");
    assert_string_equal(f("PM2.5"), "pm2.5");
    assert_string_equal(f("Ｒ＆Ｄ"), "r&d");
    assert_string_equal(f("Straße"), "strasse");
    /* A compatibility ideograph becomes its unified form, then Simplified. */
    uint32_t out[FOLD_MAX];
    assert_int_equal(fold_char(0xF900, out), 1);   /* 豈 (compat) → 豈 → 岂 */
    assert_int_equal(out[0], 0x5C82);
}

static void test_fold_away(void **state)
{
    (void)state;
    uint32_t out[FOLD_MAX];
    assert_int_equal(fold_char(0x200B, out), 0);   /* zero-width space */
    assert_int_equal(fold_char(0x00AD, out), 0);   /* soft hyphen */
    assert_int_equal(fold_char(0xFE0F, out), 0);   /* variation selector */
    assert_string_equal(f("网\xE2\x80\x8B格"), "网格");
}

static void test_idempotent(void **state)
{
    (void)state;
    /* Folding a folded character changes nothing: index and query agree. */
    for (uint32_t c = 0; c < 0x30000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        uint32_t a[FOLD_MAX], b[FOLD_MAX];
        size_t n = fold_char(c, a);
        assert_true(n <= FOLD_MAX);
        for (size_t i = 0; i < n; i++) {
            size_t m = fold_char(a[i], b);
            if (m != 1 || b[0] != a[i])
                fail_msg("U+%04X folds to U+%04X which folds again", c, a[i]);
        }
    }
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* A lone continuation byte, an overlong '/', a surrogate, a truncated sequence. */
    const char in[] = "a\x80" "b\xC0\xAF" "c\xED\xA0\x80" "d\xE6\x89";
    size_t n;
    char *r = fold_utf8(in, sizeof in - 1, &n, NULL);
    assert_non_null(r);
    assert_string_equal(r, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD"
                           "c\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                           "d\xEF\xBF\xBD\xEF\xBF\xBD");
    free(r);
    uint32_t c;
    assert_int_equal(fold_decode("\xF0\x9F\x98\x80", 4, &c), 4);
    assert_int_equal(c, 0x1F600);
    assert_int_equal(fold_decode("\xF0\x9F\x98", 3, &c), 1);
    assert_int_equal(c, 0xFFFD);
}

static void test_map(void **state)
{
    (void)state;
    /* "Ａ醫ß" : Ａ is 3 bytes → "a" (1), 醫 3 → 医 3, ß 2 → "ss" 2. */
    const char *in = "\xEF\xBC\xA1醫ß";
    size_t n, *map;
    char *r = fold_utf8(in, strlen(in), &n, &map);
    assert_non_null(r);
    assert_string_equal(r, "a医ss");
    assert_int_equal(n, 6);
    size_t want[] = {0, 3, 3, 3, 6, 6, 8};
    for (size_t i = 0; i <= n; i++)
        assert_int_equal(map[i], want[i]);
    free(r);
    free(map);
    r = fold_utf8("", 0, &n, &map);
    assert_non_null(r);
    assert_int_equal(n, 0);
    assert_int_equal(map[0], 0);
    free(r);
    free(map);
}

static void test_encode_roundtrip(void **state)
{
    (void)state;
    uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x4E2D};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char b[4];
        uint32_t c;
        size_t k = fold_encode(cps[i], b);
        assert_int_equal(fold_decode(b, k, &c), k);
        assert_int_equal(c, cps[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_traditional),     cmocka_unit_test(test_width_and_case),
        cmocka_unit_test(test_fold_away),       cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_invalid_utf8),    cmocka_unit_test(test_map),
        cmocka_unit_test(test_encode_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
