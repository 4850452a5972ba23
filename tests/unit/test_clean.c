/* Cleaning and headings on small strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/chrome.h"
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
        /* Bytes that begin a space only sometimes (E3, EF, C2): 。《》，… are no space. */
        {"目标。《规划》，2025 年", "目标。《规划》，2025年"},
        {"\xEF\xBB\xBF" "开头 和\xC2\xA0" "中间", "开头和中间"},
        {"a\tb  c\xC2\xA0\xC2\xA0" "d", "a b c d"},
        {"全角　　空格。结束", "全角空格。结束"},
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

/* A line is prose when it holds any of 。 ， ； ！ ？ , ; within the bytes given. */
static void prose_marks(void **state)
{
    (void)state;
    const char *yes[] = { "句号。", "逗号，后", "分号；", "叹号！", "问号？", "a,b", "a;b", "。" };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!clean_is_prose(yes[i], strlen(yes[i])))
            fail_msg("\"%s\" is prose", yes[i]);
    const char *no[] = { "第一章 总则", "《规划》“十四五”", "a.b:c", "", "（一）", "：" };
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (clean_is_prose(no[i], strlen(no[i])))
            fail_msg("\"%s\" is no prose", no[i]);
    const char *cut = "标题。";
    assert_false(clean_is_prose(cut, strlen(cut) - 1));
    assert_false(clean_is_prose("标题，", strlen("标题") + 2));
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
    s = "（12）推进";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.kind, HEADING_ITEM_PAREN_ARABIC);
    assert_int_equal(h.number, 12);
    assert_int_equal(h.label_end, strlen("（12）"));
    s = "一、2018年工作回顾";
    assert_true(heading_at(s, strlen(s), &h));
    assert_int_equal(h.kind, HEADING_CHAPTER);
    s = "(0)不是";
    assert_false(heading_at(s, strlen(s), &h));
    s = "1.2018年";
    assert_false(heading_at(s, strlen(s), &h));
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

static void toolbars(void **state)
{
    (void)state;
    static const char *const bars[] = {
        "下载", "【字号：", "】", "下载 打印 全屏 收藏 【字号：加大 还原 减小】", "查看原文",
        "【打印本页】【关闭窗口】", "返回顶部", "分享到：", "字体：大 中 小", "閱讀原文", "——",
    };
    for (size_t i = 0; i < sizeof bars / sizeof *bars; i++)
        assert_true(chrome_is_toolbar(bars[i], strlen(bars[i])));
    static const char *const text[] = {"下载中心", "大中小学", "打印机产业", "2025", "一、"};
    for (size_t i = 0; i < sizeof text / sizeof *text; i++)
        assert_false(chrome_is_toolbar(text[i], strlen(text[i])));
}

static void navigation_and_breadcrumbs(void **state)
{
    (void)state;
    static const struct { const char *line, *rest; } cases[] = {
        {"您现在的位置:首页>今日温州>政务要闻温州打造“五个示范”", "温州打造“五个示范”"},
        {"手机版广电网首页浙江省政府下达2025年民生实事", "浙江省政府下达2025年民生实事"},
        {"当前位置：首页 > 党建引领> 学习专栏", ""},
        {"首页 » 新闻中心 » 通知公告", ""},
        {"您的位置：首页 > 政务公开 > 关于印发舟山市共同富裕实施方案的通知",
         "关于印发舟山市共同富裕实施方案的通知"},
        {"浙江省人民政府关于推进共同富裕的意见", "浙江省人民政府关于推进共同富裕的意见"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].line), k = chrome_prefix(cases[i].line, n);
        assert_string_equal(cases[i].line + k, cases[i].rest);
    }
    const char *by = "贾毛相心 发表于2025-3-7 22:50:57";
    assert_string_equal(by + chrome_byline_date(by, strlen(by)), "2025-3-7 22:50:57");
    assert_int_equal(chrome_byline_date("论文发表于核心期刊", strlen("论文发表于核心期刊")), 0);
}

static void chrome_lines(void **state)
{
    (void)state;
    const char *t = "\xE2\x80\x8B\n"
                    "时间:2023-05-27 16:10:03来源:法律常识\n"
                    "时间：三个阶段\n"
                    "贾毛相心 发表于2025-3-7 22:50:57\n"
                    "下载 打印 全屏 收藏\n"
                    "您现在的位置:首页>今日温州>政务要闻温州打造\n";
    struct lines L;
    assert_int_equal(lines_split(t, strlen(t), &L), 0);
    assert_int_equal(L.n, 5);                           /* the zero-width line is no line */
    assert_int_equal(L.v[0].kind, LINE_META);
    assert_int_equal(L.v[0].field[0].key, META_PUBLISHED);
    assert_memory_equal(t + L.v[0].field[0].vstart, "2023-05-27", 10);
    assert_int_equal(L.v[1].kind, LINE_TEXT);           /* 时间 is a field only before a date */
    assert_int_equal(L.v[2].kind, LINE_META);
    assert_memory_equal(t + L.v[2].field[0].vstart, "2025-3-7", 8);
    assert_int_equal(L.v[3].kind, LINE_CHROME);
    assert_int_equal(L.v[4].kind, LINE_TEXT);
    assert_memory_equal(t + L.v[4].start, "温州打造", L.v[4].end - L.v[4].start);
    lines_free(&L);
    /* A line of phone numbers (digits and "-+() /" alone) is chrome. */
    const char *p = "0576-88888888 (0576) 12345678/+86 1234567\n";
    assert_int_equal(lines_split(p, strlen(p), &L), 0);
    assert_int_equal(L.n, 1);
    assert_int_equal(L.v[0].kind, LINE_CHROME);
    lines_free(&L);
}

/* A line ends at '\n', at '\r' or at both; a text may use any of them, mixed. */
static void line_ends(void **state)
{
    (void)state;
    const char *t = "一\r二\r\n三\n\r四\n五\r\r六";
    const char *want[] = { "一", "二", "三", "四", "五", "六" };
    struct lines L;
    assert_int_equal(lines_split(t, strlen(t), &L), 0);
    assert_int_equal(L.n, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(L.v[i].end - L.v[i].start, strlen(want[i]));
        assert_memory_equal(t + L.v[i].start, want[i], strlen(want[i]));
    }
    lines_free(&L);
    /* Only the n bytes given: the '\n' past them ends nothing. */
    assert_int_equal(lines_split(t, strlen("一\r二"), &L), 0);
    assert_int_equal(L.n, 2);
    assert_int_equal(L.v[1].end, strlen("一\r二"));
    lines_free(&L);
}

/* What counts as a space (lines_space_at): ASCII blanks, U+3000, U+00A0, U+FEFF, each only
 * whole within the n bytes given. */
static void spaces(void **state)
{
    (void)state;
    static const char *const one[] = {" x", "\tx", "\fx", "\vx"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(lines_space_at(one[i], 2), 1);
    assert_int_equal(lines_space_at("\xE3\x80\x80x", 4), 3);        /* U+3000 */
    assert_int_equal(lines_space_at("\xE3\x80\x80", 2), 0);         /* cut short */
    assert_int_equal(lines_space_at("\xE3\x80\x81", 3), 0);         /* 、 */
    assert_int_equal(lines_space_at("\xC2\xA0", 2), 2);              /* U+00A0 */
    assert_int_equal(lines_space_at("\xC2\xA0", 1), 0);
    assert_int_equal(lines_space_at("\xC2\xA9", 2), 0);              /* © */
    assert_int_equal(lines_space_at("\xEF\xBB\xBF", 3), 3);         /* U+FEFF */
    assert_int_equal(lines_space_at("\xEF\xBC\x8C", 3), 0);         /* ， */
    assert_int_equal(lines_space_at("\n", 1), 0);
    assert_int_equal(lines_space_at("\xE4\xB8\xAD", 3), 0);         /* 中 */
    assert_int_equal(lines_space_at(" ", 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spaces),
        cmocka_unit_test(line_ends),
        cmocka_unit_test(prose_marks),
        cmocka_unit_test(stray_spaces_go),
        cmocka_unit_test(page_broken_pieces_join),
        cmocka_unit_test(sentence_ends),
        cmocka_unit_test(jump_markers),
        cmocka_unit_test(chinese_numbers),
        cmocka_unit_test(heading_shapes),
        cmocka_unit_test(lines_and_metadata),
        cmocka_unit_test(toolbars),
        cmocka_unit_test(navigation_and_breadcrumbs),
        cmocka_unit_test(chrome_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
