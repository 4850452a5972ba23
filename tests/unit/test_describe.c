/* Titles, regions, dates and kinds of whole small texts wrapped in the page chrome real
 * copies carry: each shape the importer met on documents nobody tuned it to. The regions
 * are the shipped data/regions.tsv (tests run from the source tree). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/describe.h"
#include "gongfu/structure.h"

static struct regions regions;

struct parsed {
    struct decoded d;
    struct doc *docs;
    size_t n;
};

static const struct doc *parse(const char *text, struct parsed *p)
{
    struct err e = {{0}};
    struct structure_opts o = {.regions = &regions, .fallback_title = "test.txt"};
    assert_int_equal(decode_bytes(text, strlen(text), NULL, &p->d, &e), 0);
    int rc = structure_parse(&p->d, &o, &p->docs, &p->n, &e);
    if (rc)
        fprintf(stderr, "%s\n", e.msg);
    assert_int_equal(rc, 0);
    assert_true(p->n >= 1);
    return &p->docs[0];
}

static void release(struct parsed *p)
{
    structure_free(&p->docs, p->n);
    decoded_free(&p->d);
}

/* Checks title, region (NULL: none), level and published date (NULL: none). */
static void expect(const char *text, const char *title, const char *region, const char *level,
                   const char *date)
{
    struct parsed p;
    const struct doc *d = parse(text, &p);
    assert_string_equal(d->title, title);
    if (region) {
        assert_non_null(d->region);
        assert_string_equal(d->region, region);
        assert_string_equal(d->level, level);
    } else {
        assert_null(d->region);
    }
    if (date) {
        assert_non_null(d->published);
        assert_string_equal(d->published, date);
    } else {
        assert_null(d->published);
    }
    release(&p);
}

static const char body[] = "一、总体要求\n坚持以人民为中心，扎实推动共同富裕。\n"
                           "二、主要任务\n加快发展，提高收入。\n";

static char *with_body(const char *head)
{
    char *s = malloc(strlen(head) + sizeof body);
    strcpy(s, head);
    strcat(s, body);
    return s;
}

#define EXPECT(head, title, region, level, date)                                            \
    do {                                                                                    \
        char *t_ = with_body(head);                                                         \
        expect(t_, title, region, level, date);                                             \
        free(t_);                                                                           \
    } while (0)

static void navigation_glued_to_the_title(void **state)
{
    (void)state;
    EXPECT("手机版广电网首页浙江省政府下达2025年十方面民生实事\n发布时间：2025-03-10 09:00\n",
           "浙江省政府下达2025年十方面民生实事", "浙江省", "province", "2025-03-10");
}

static void breadcrumbs_and_a_column_name(void **state)
{
    (void)state;
    EXPECT("您现在的位置:首页>今日温州>政务要闻温州打造共同富裕示范区市域样板\n",
           "温州打造共同富裕示范区市域样板", "温州市", "city", NULL);
    EXPECT("当前位置：首页 > 新闻中心 > 通知公告\n湖州市人民政府关于推进共同富裕的实施意见\n",
           "湖州市人民政府关于推进共同富裕的实施意见", "湖州市", "city", NULL);
}

static void time_and_source_line(void **state)
{
    (void)state;
    EXPECT("时间:2023-05-27 16:10:03来源:法律常识\n宁波市促进共同富裕条例\n",
           "宁波市促进共同富裕条例", "宁波市", "city", "2023-05-27");
}

static void forum_byline(void **state)
{
    (void)state;
    EXPECT("贾毛相心 发表于2025-3-7 22:50:57\n龙港市2025年政府工作报告\n",
           "龙港市2025年政府工作报告", "龙港市", "county", "2025-03-07");
}

static void toolbars_and_link_labels(void **state)
{
    (void)state;
    EXPECT("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年安徽省政府工作报告\n"
           "——2026年2月5日在安徽省第十四届人民代表大会第四次会议上\n来源：安徽日报\n",
           "2026年安徽省政府工作报告", "安徽省", "province", "2026-02-05");
    EXPECT("查看原文\n【打印本页】【关闭窗口】\n丽水市山区共同富裕行动方案\n",
           "丽水市山区共同富裕行动方案", "丽水市", "city", NULL);
    EXPECT("【字体：大 中 小】\xE3\x80\x80浏览次数：1234\n衢州打造“四省边际”共同富裕先行区\n",
           "衢州打造“四省边际”共同富裕先行区", "衢州市", "city", NULL);
}

static void zero_width_is_no_title(void **state)
{
    (void)state;
    EXPECT("\xE2\x80\x8B\n\xE2\x80\x8B\xE2\x80\x8B \n舟山市共同富裕\xE2\x80\x8B实施方案\n",
           "舟山市共同富裕实施方案", "舟山市", "city", NULL);
}

static void title_over_several_lines(void **state)
{
    (void)state;
    EXPECT("浙江省人民政府关于印发\n浙江省数字经济发展规划\n的通知\n",
           "浙江省人民政府关于印发浙江省数字经济发展规划的通知", "浙江省", "province", NULL);
    EXPECT("温州打造\n“五个示范”\n共同富裕先行市\n",
           "温州打造“五个示范”共同富裕先行市", "温州市", "city", NULL);
}

static void traditional_and_county_names(void **state)
{
    (void)state;
    EXPECT("嘉興市高質量發展建設共同富裕示範區實施方案\n", "嘉興市高質量發展建設共同富裕示範區實施方案",
           "嘉兴市", "city", NULL);
    EXPECT("浙江省温州市龙港市共同富裕先行区建设方案\n", "浙江省温州市龙港市共同富裕先行区建设方案",
           "龙港市", "county", NULL);
    EXPECT("景寧畲族自治縣山區共同富裕行動方案\n", "景寧畲族自治縣山區共同富裕行動方案", "景宁畲族自治县",
           "county", NULL);
}

static void region_from_the_byline(void **state)
{
    (void)state;
    EXPECT("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n",
           "政府工作报告", "全国", "national", "2024-03-05");
    EXPECT("2026年政府工作报告\n2026年1月14日在浙江省第十四届人民代表大会第四次会议上\n",
           "2026年政府工作报告", "浙江省", "province", "2026-01-14");
    EXPECT("政府工作报告\n国务院总理 李克强\n", "政府工作报告", "全国", "national", NULL);
}

static void region_from_issuer_or_text(void **state)
{
    (void)state;
    EXPECT("关于推进共同富裕的实施意见\n发布机构：绍兴市发改委\n", "关于推进共同富裕的实施意见",
           "绍兴市", "city", NULL);
    expect("关于推进山区共同富裕的实施意见\n为推进安吉县共同富裕，制定本意见。\n一、目标\n"
           "安吉县到2025年收入增长。\n",
           "关于推进山区共同富裕的实施意见", "安吉县", "county", NULL);
    /* A text naming several places evenly is about none of them. */
    expect("关于推进共同富裕的实施意见\n北京、上海、广东各有经验。\n一、目标\n学习北京、上海、广东。\n",
           "关于推进共同富裕的实施意见", NULL, NULL, NULL);
}

static void dates_in_their_order(void **state)
{
    (void)state;
    /* 成文日期 before the byline's date, the byline's before the page's 发布日期. */
    EXPECT("台州市共同富裕实施方案\n发布日期：2022-06-01\n成文日期：2022-05-30\n",
           "台州市共同富裕实施方案", "台州市", "city", "2022-05-30");
    EXPECT("台州市共同富裕实施方案\n（2022年5月20日市委常委会议通过）\n公开日期：2022-06-01\n",
           "台州市共同富裕实施方案", "台州市", "city", "2022-05-20");
    EXPECT("台州市共同富裕实施方案\n公开日期：2022-06-01\n", "台州市共同富裕实施方案", "台州市",
           "city", "2022-06-01");
}

static void kinds(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"2025年政府工作报告", "work-report"},
        {"中共中央关于制定国民经济和社会发展第十五个五年规划的建议", "recommendations"},
        {"浙江省国民经济和社会发展第十四个五年规划纲要", "outline"},
        {"2021年浙江省政务公开工作要点", "keypoints"},
        {"2024年浙江省国民经济和社会发展统计公报", "bulletin"},
        {"关于支持浙江高质量发展建设共同富裕示范区的意见", "opinions"},
        {"舟山市实施方案(2021-2025年)", "plan"},
        {"关于浙江省共同富裕示范区建设的请示", "request"},
        {"国务院关于同意设立龙港市的批复", "reply"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_string_equal(describe_title_kind(cases[i][0], strlen(cases[i][0])), cases[i][1]);
    assert_null(describe_title_kind("各位代表：", strlen("各位代表：")));
}

static void region_table(void **state)
{
    (void)state;
    const struct region *lg = regions_by_name(&regions, "龍港市"), *wz = regions_by_name(&regions, "温州市");
    assert_non_null(lg);
    assert_string_equal(lg->name, "龙港市");
    assert_string_equal(lg->level, "county");
    assert_ptr_equal(regions_parent(&regions, lg), wz);
    assert_true(regions_within(&regions, lg, regions_by_name(&regions, "浙江省")));
    assert_false(regions_within(&regions, wz, lg));
    size_t provinces = 0, cities = 0, counties = 0;
    for (size_t i = 0; i < regions.n; i++) {
        provinces += !strcmp(regions.v[i].level, "province");
        cities += !strcmp(regions.v[i].level, "city");
        counties += !strcmp(regions.v[i].level, "county");
        if (strcmp(regions.v[i].level, "national"))
            assert_non_null(regions_parent(&regions, &regions.v[i]));
    }
    assert_int_equal(provinces, 34);
    assert_int_equal(cities, 11);
    assert_int_equal(counties, 90);
    /* A bare county name that is a common word is no alias. */
    assert_null(regions_in_title(&regions, "江山就是人民", strlen("江山就是人民")));
}

/* Regions named in running text, wherever their bytes stand (after ASCII, after Han, at
 * the start and the end); a county counts by its full name only, and the most named wins. */
static void regions_in_running_text(void **state)
{
    (void)state;
    const char *t = "温州市2025年GDP增长，鹿城区与溫州的发展a温州";
    const struct region *g = regions_in_text(&regions, t, strlen(t), 2);
    assert_non_null(g);
    assert_string_equal(g->slug, "wenzhou");
    t = "鹿城区的产业，鹿城区的学校，温州市";
    g = regions_in_text(&regions, t, strlen(t), 2);
    assert_non_null(g);
    assert_string_equal(g->slug, "lucheng");
    t = "鹿城的产业，鹿城的学校";
    assert_null(regions_in_text(&regions, t, strlen(t), 1));
    t = "abc 2025 年的工作，没有地名";
    assert_null(regions_in_text(&regions, t, strlen(t), 1));
    /* Only the n bytes given: a name cut short is none. */
    t = "温州市";
    assert_null(regions_in_text(&regions, t, 5, 1));
}

static void date_shapes(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"——2024年3月5日在第十四届全国人民代表大会第二次会议上", "2024-03-05"},
        {"（2025年10月23日中国共产党第二十届中央委员会第四次全体会议通过）", "2025-10-23"},
        {"2021年5月20日", "2021-05-20"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *d = describe_line_date(cases[i][0], strlen(cases[i][0]));
        assert_non_null(d);
        assert_string_equal(d, cases[i][1]);
        free(d);
    }
    assert_null(describe_line_date("到2025年，收入增长", strlen("到2025年，收入增长")));
    assert_null(describe_line_date("2025年收入增长", strlen("2025年收入增长")));
}

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    return regions_load("data/regions.tsv", &regions, &e);
}

static int teardown(void **state)
{
    (void)state;
    regions_free(&regions);
    return 0;
}

/* A notice that forwards a plan: the plan's title, never the note in brackets above it. */
static void a_note_in_brackets_is_no_title(void **state)
{
    (void)state;
    EXPECT("浙江省人民政府关于印发浙江省碳达峰实施方案的通知\n浙政发〔2022〕23号\n"
           "各市、县（市、区）人民政府：\n现将《浙江省碳达峰实施方案》印发给你们，请认真贯彻执行。\n"
           "浙江省人民政府\n2022年7月26日\n（此件公开发布）\n浙江省碳达峰实施方案\n",
           "浙江省碳达峰实施方案", "浙江省", "province", "2022-07-26");
}

/* A report copied without its title and byline: the speaker's address names the issuer
 * ("我代表国务院，向大会报告政府工作"), and so the region and the kind. */
static void region_and_kind_from_the_address(void **state)
{
    (void)state;
    struct parsed p;
    const struct doc *d = parse("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
                                "一、2018年工作回顾\n过去一年，全国各族人民砥砺奋进。\n"
                                "二、2019年工作任务\n推动高质量发展。\n", &p);
    assert_string_equal(d->title, "test.txt");
    assert_non_null(d->region);
    assert_string_equal(d->region, "全国");
    assert_string_equal(d->kind, "work-report");
    release(&p);
    d = parse("各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n"
              "安徽省经济运行稳中有进，安徽省居民收入增长。\n二、今年工作安排\n推动发展。\n", &p);
    assert_non_null(d->region);
    assert_string_equal(d->region, "安徽省");
    assert_string_equal(d->kind, "work-report");
    release(&p);
}

/* An official document's masthead (发文机关标志 "…文件"), its number (浙政发〔2021〕12号) and
 * signer (签发人) stand above the title and are no part of it; the masthead names the
 * issuer. */
static void masthead_and_document_number(void **state)
{
    (void)state;
    EXPECT("浙江省人民政府文件\n浙政发〔2021〕12号\n"
           "浙江省人民政府关于印发浙江省数字经济发展“十四五”规划的通知\n"
           "各市、县（市、区）人民政府，省政府直属各单位：\n"
           "现将《浙江省数字经济发展“十四五”规划》印发给你们，请结合实际认真贯彻执行。\n"
           "浙江省人民政府\n2021年6月29日\n",
           "浙江省人民政府关于印发浙江省数字经济发展“十四五”规划的通知", "浙江省", "province",
           "2021-06-29");
    EXPECT("中共浙江省委办公厅文件\n浙委办发〔2022〕5号\n签发人：张三\n"
           "关于推进山区26县跨越式高质量发展的实施意见\n",
           "关于推进山区26县跨越式高质量发展的实施意见", "浙江省", "province", NULL);
    EXPECT("国务院文件\n国发[2021]23号\n关于推进共同富裕的若干意见\n", "关于推进共同富裕的若干意见",
           "全国", "national", NULL);
    EXPECT("浙江省发展和改革委员会文件\n浙发改规划〔2021〕12号\xE3\x80\x80\xE3\x80\x80签发人：张三\n"
           "关于浙江省共同富裕示范区建设的请示\n省政府：\n",
           "关于浙江省共同富裕示范区建设的请示", "浙江省", "province", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(navigation_glued_to_the_title),
        cmocka_unit_test(breadcrumbs_and_a_column_name),
        cmocka_unit_test(time_and_source_line),
        cmocka_unit_test(forum_byline),
        cmocka_unit_test(toolbars_and_link_labels),
        cmocka_unit_test(zero_width_is_no_title),
        cmocka_unit_test(title_over_several_lines),
        cmocka_unit_test(traditional_and_county_names),
        cmocka_unit_test(region_from_the_byline),
        cmocka_unit_test(region_from_issuer_or_text),
        cmocka_unit_test(dates_in_their_order),
        cmocka_unit_test(kinds),
        cmocka_unit_test(region_table),
        cmocka_unit_test(regions_in_running_text),
        cmocka_unit_test(date_shapes),
        cmocka_unit_test(a_note_in_brackets_is_no_title),
        cmocka_unit_test(region_and_kind_from_the_address),
        cmocka_unit_test(masthead_and_document_number),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
