/* targets_format_cell writes its pieces by copying (targets_compare.c): the text is the
 * one the format it replaced ("%s%s%s%s%s%s%s%s", " (%d)", " [%s]" into 64 bytes) gives,
 * over rows made of every combination of the fields it reads, one target and several. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/targets.h"

static char *by_format(const struct target_row *t, size_t n, int with_year)
{
    static char out[8192];
    size_t len = 0;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const struct target_row *r = &t[i];
        const char *cmp = r->comparator && strcmp(r->comparator, "=") ? r->comparator : "";
        int inferred = r->flags && strstr(r->flags, "inferred-unit");
        char year[16] = "", by[64] = "";
        if (with_year && r->year)
            snprintf(year, sizeof year, " (%d)", r->year);
        if (r->set_by && r->region && *r->set_by && strcmp(r->set_by, r->region))
            snprintf(by, sizeof by, " [%s]", r->set_by);
        const char *freq = r->freq == TFQ_ANNUAL ? " 每年" : r->freq == TFQ_CUMULATIVE ? " 累计" : "";
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s%s%s%s%s%s%s", i ? "; " : "",
                                cmp, r->value_text ? r->value_text : "", r->unit ? r->unit : "",
                                inferred ? "*" : "", freq, year, by);
    }
    return out;
}

static void test_same_text(void **st)
{
    (void)st;
    static char *const cmps[] = { NULL, "=", ">=", "<", "~" };
    static char *const values[] = { NULL, "", "4.5", "全覆盖" };
    static char *const units[] = { NULL, "", "个", "%" };
    static char *const flags[] = { NULL, "", "inferred-unit", "approx,inferred-unit" };
    static const int years[] = { 0, 2025, -7, 2147483647, -2147483647 - 1 };
    static const enum target_freq freqs[] = { TFQ_LEVEL, TFQ_ANNUAL, TFQ_CUMULATIVE };
    static char *const setters[][2] = {
        { NULL, "舟山市" }, { "全国", NULL }, { "", "舟山市" }, { "舟山市", "舟山市" },
        { "全国", "浙江省" },
        /* past the 64 bytes " [%s]" had: cut there, as it was */
        { "中华人民共和国国务院办公厅关于支持浙江高质量发展建设", "浙江省" },
    };
    struct target_row rows[3];
    size_t combos = 0;
    for (size_t a = 0; a < 5; a++)
        for (size_t b = 0; b < 4; b++)
            for (size_t u = 0; u < 4; u++)
                for (size_t f = 0; f < 4; f++)
                    for (size_t y = 0; y < 5; y++)
                        for (size_t q = 0; q < 3; q++)
                            for (size_t s = 0; s < 6; s++) {
                                memset(rows, 0, sizeof rows);
                                for (size_t k = 0; k < 3; k++) {
                                    struct target_row *r = &rows[k];
                                    r->comparator = cmps[(a + k) % 5];
                                    r->value_text = values[(b + k) % 4];
                                    r->unit = units[(u + 2 * k) % 4];
                                    r->flags = flags[(f + k) % 4];
                                    r->year = years[(y + k) % 5];
                                    r->freq = freqs[(q + k) % 3];
                                    r->set_by = setters[(s + k) % 6][0];
                                    r->region = setters[(s + k) % 6][1];
                                }
                                for (size_t n = 1; n <= 3; n++)
                                    for (int wy = 0; wy < 2; wy++) {
                                        char *got = targets_format_cell(rows, n, wy);
                                        assert_non_null(got);
                                        assert_string_equal(got, by_format(rows, n, wy));
                                        free(got);
                                        combos++;
                                    }
                            }
    assert_true(combos > 10000);
    char *none = targets_format_cell(rows, 0, 1);
    assert_non_null(none);
    assert_string_equal(none, "");
    free(none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
