/* Units compared across plans (units.h): multipliers scaled, Traditional and Simplified
 * alike, every classifier counting the same thing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "gongfu/units.h"

static void test_scale(void **state)
{
    (void)state;
    const char *base;
    assert_true(units_scale("万元", &base) == 1e4);
    assert_string_equal(base, "元");
    assert_true(units_scale("萬元", &base) == 1e4);
    assert_string_equal(base, "元");
    assert_true(units_scale("亿元", &base) == 1e8);
    assert_true(units_scale("%", &base) == 1);
    assert_string_equal(base, "%");
    assert_true(units_scale("千米", &base) == 1);   /* a unit of its own */
    assert_string_equal(base, "千米");
    assert_true(units_scale("", &base) == 1);
    assert_true(units_scale(NULL, &base) == 1);
    assert_string_equal(base, "");
}

static void test_same(void **state)
{
    (void)state;
    assert_true(units_same("萬元", "万元"));
    assert_true(units_same("万元", "元"));          /* the same thing, once scaled */
    assert_true(units_same("張", "个"));            /* classifiers count alike */
    assert_true(units_same("个", "家"));
    assert_true(units_same("萬名", "万名"));
    assert_true(units_same("萬人", "人"));
    assert_true(units_same("%", "%"));
    assert_false(units_same("%", "个"));
    assert_false(units_same("元", "%"));
    assert_false(units_same("人", "元/年"));
    assert_false(units_same("个", ""));
    assert_true(units_same("", ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale),
        cmocka_unit_test(test_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
