/* Cleaning and headings on small strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/clean.h"
#include "gongfu/heading.h"
#include "gongfu/lines.h"

static char *join1(const char *s, int keep)
{
    struct span sp = {0, strlen(s)};
    return clean_join(s, &sp, 1, keep);
}

static void stray_spaces_go(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"到 2025年", "到2025年"},
        {"两 慢病", "两慢病"},
        {"达到 70, 收入", "达到70,收入"},
        {"2021 年浙江省", "2021年浙江省"},
        {"PM2.5 and R&D", "PM2.5 and R&D"},
        {"重点 　人群", "重点人群"},
        {"  前后  ", "前后"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out = join1(cases[i][0], 0);
        assert_string_equal(out, cases[i][1]);
        free(out);
    }
    char *title = join1("中共中央 国务院关于", 1);
    assert_string_equal(title, "中共中央 国务院关于");
    free(title);
}

static void page_broken_pieces_join(void **state)
{
    (void)state;
    const char *t = "构建网\n\n络综合治理体系";
    struct span sp[2] = {{0, 9}, {11, strlen(t)}};
    char *out = clean_join(t, sp, 2, 0);
    assert_string_equal(out, "构建网络综合治理体系");
    free(out);
}

static void sentence_ends(void **state)
{
    (void)state;
    assert_true(clean_ends_sentence("发展。", strlen("发展。")));
    assert_true(clean_ends_sentence("如下:", strlen("如下:")));
    assert_true(clean_ends_sentence("“来。”", strlen("“来。”")));
    assert_true(clean_ends_sentence("（省政府办公厅牵头）", strlen("（省政府办公厅牵头）")));
    assert_false(clean_ends_sentence("构建网", strlen("构建网")));
    assert_false(clean_ends_sentence("覆盖率80", strlen("覆盖率80")));
}

static void jump_markers(void **state)
{
    (void)state;
    assert_int_equal(clean_jump_marker("(紧接第二版)全面", strlen("(紧接第二版)全面")),
                     strlen("(紧接第二版)"));
    assert_int_equal(clean_jump_marker("（下转第3版）", strlen("（下转第3版）")), strlen("（下转第3版）"));
    assert_int_equal(clean_jump_marker("(二)工作", strlen("(二)工作")), 0);
}

static void chinese_numbers(void **state)
{
    (void)state;
    static const struct { const char *s; int v; } cases[] = {
        {"一", 1}, {"十", 10}, {"十一", 11}, {"二十", 20}, {"二十八", 28}, {"九十九", 99},
        {"十十", -1}, {"一二", -1}, {"", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(heading_cn_number(cases[i].s, strlen(cases[i].s)), cases[i].v);
}

static void heading_shapes(void **state)
{
    (void)state;
    struct heading h;
    const char *s;
    s = "十一、全面加强";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.kind, HEADING_CHAPTER);
    assert_int_equal(h.number, 11);
    s = "28.率先探索";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.kind, HEADING_ITEM_ARABIC);
    assert_int_equal(h.number, 28);
    s = "1. 指导思想";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.end, 3);
    s = "(十三) 建立健全";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.kind, HEADING_ITEM_PAREN);
    assert_int_equal(h.number, 13);
    assert_int_equal(h.label_end, strlen("(十三)"));
    s = "（一）深化";
    assert_true(heading_at(s, strlen(s), &h));
    /* Numbers, not headings. */
    s = "1.6以内";
    assert_false(heading_at(s, strlen(s), &h));
    s = "2025年";
    assert_false(heading_at(s, strlen(s), &h));
    s = "一、二、三产业";
    assert_false(heading_at(s, strlen(s), &h));
    s = "3.3 ——";
    assert_false(heading_at(s, strlen(s), &h));
}

static void lines_and_metadata(void **state)
{
    (void)state;
    const char *t = "发布机构: | 区发改局 | 成文日期: | 2022-05-30 |\r\n"
                    "标题方案 | ||||\n"
                    "||||\n"
                    "公開日期:\n2021-08-02 10:15\n"
                    "0571-86971085\n"
                    "相关新闻\n";
    struct lines L;
    assert_int_equal(lines_split(t, strlen(t), &L), 0);
    assert_int_equal(L.n, 6);
    assert_int_equal(L.v[0].kind, LINE_META);
    assert_int_equal(L.v[0].nfields, 2);
    assert_int_equal(L.v[0].field[0].key, META_ISSUER);
    assert_memory_equal(t + L.v[0].field[0].vstart, "区发改局", strlen("区发改局"));
    assert_int_equal(L.v[0].field[1].key, META_WRITTEN);
    assert_int_equal(L.v[1].kind, LINE_TEXT);
    assert_int_equal(L.v[1].end - L.v[1].start, strlen("标题方案"));
    assert_int_equal(L.v[2].kind, LINE_META);           /* 公開日期: */
    assert_memory_equal(t + L.v[2].field[0].vstart, "2021-08-02", 10);
    assert_int_equal(L.v[3].kind, LINE_META);           /* its value */
    assert_int_equal(L.v[4].kind, LINE_CHROME);
    assert_int_equal(L.v[5].kind, LINE_TRAILER);
    lines_free(&L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stray_spaces_go),
        cmocka_unit_test(page_broken_pieces_join),
        cmocka_unit_test(sentence_ends),
        cmocka_unit_test(jump_markers),
        cmocka_unit_test(chinese_numbers),
        cmocka_unit_test(heading_shapes),
        cmocka_unit_test(lines_and_metadata),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
