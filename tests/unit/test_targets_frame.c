/* test_targets_frame.c — targets told from reported values by the time the text speaks
 * of (headings, opening clauses, clause openings, deadlines, a value's own year), the
 * years they get, and the signals of the sentence (baselines, growth of the value
 * before, counts before their nouns), on sentences shaped like the work reports'. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/targets.h"
#include "../../src/core/targets_int.h"

/* Extracts from text as a section of a document issued in doc_year (0: unknown) under
 * the given headings (outermost first, NULL-terminated). */
static struct target_list run(const char *text, int doc_year, const char *const *headings)
{
    size_t nh = 0;
    while (headings && headings[nh])
        nh++;
    struct targets_opts o = { .default_year = doc_year ? doc_year : 2025, .doc_year = doc_year,
                              .headings = headings, .nheadings = nh };
    struct target_list l = {0};
    struct err e = {0};
    assert_int_equal(targets_extract(text, strlen(text), &o, &l, &e), 0);
    return l;
}

/* Target i: its value as written, kind and year. */
static void check(const struct target_list *l, size_t i, const char *value,
                  enum target_kind kind, int year)
{
    if (i >= l->n)
        fail_msg("only %zu values, wanted value %zu (%s)", l->n, i, value);
    const struct target *t = &l->v[i];
    assert_string_equal(t->value_text, value);
    if (t->kind != kind)
        fail_msg("%s: kind %s, want %s", value, target_kind_name(t->kind),
                 target_kind_name(kind));
    assert_int_equal(t->year, year);
}

static void a_review_chapter_reports(void **state)
{
    (void)state;
    const char *h[] = { "2025年主要工作和“十四五”发展成就", "（一）强化创新驱动发展", NULL };
    struct target_list l = run("全省生产总值增长5.5%,新增高新技术企业超6000家。", 2026, h);
    assert_int_equal(l.n, 2);
    check(&l, 0, "5.5", TK_REPORTED, 2025);
    check(&l, 1, "6000", TK_REPORTED, 2025);
    target_list_free(&l);

    /* A plan period before the document's year is a review too; its year is its last. */
    const char *h2[] = { "“十四五”时期和2025年工作回顾", NULL };
    l = run("研发投入强度达到3.3%。", 2026, h2);
    check(&l, 0, "3.3", TK_REPORTED, 2025);
    target_list_free(&l);
}

static void a_chapter_of_goals_sets_targets(void **state)
{
    (void)state;
    const char *h[] = { "“十五五”时期的主要目标任务", NULL };
    struct target_list l = run("居民人均可支配收入达到9万元左右。", 2026, h);
    check(&l, 0, "9", TK_TARGET, 2030);
    target_list_free(&l);

    const char *h2[] = { "2026年重点工作", "（五）着力抓项目优投资促招商", NULL };
    l = run("新增公园100座。", 2026, h2);
    check(&l, 0, "100", TK_TARGET, 2026);
    target_list_free(&l);

    /* The same words in the document of 2025: 2025's work is the future. */
    const char *h3[] = { "2025年政府工作任务", NULL };
    l = run("新增公园100座。", 2025, h3);
    check(&l, 0, "100", TK_TARGET, 2025);
    target_list_free(&l);
}

/* A word of an item's title ("任务") yields to the year of the chapter around it. */
static void a_titles_word_yields_to_the_chapters_year(void **state)
{
    (void)state;
    const char *h[] = { "2025年工作回顾", "（二）聚力落实国家重大战略任务", NULL };
    struct target_list l = run("上海港集装箱吞吐量5506.3万标准箱。", 2026, h);
    check(&l, 0, "5506.3", TK_REPORTED, 2025);
    target_list_free(&l);
}

static void an_opening_clause_holds_for_its_paragraph_and_the_next(void **state)
{
    (void)state;
    const char *h[] = { "关于《国民经济和社会发展第十五个五年规划纲要(草案)》的说明", NULL };
    struct target_list l = run("“十四五”时期,常住人口城镇化率从72%提升至76%左右。\n"
                               "——人均预期寿命从80.2岁提升至82.5岁。\n"
                               "到2030年,常住人口城镇化率达到78%左右。", 2026, h);
    assert_int_equal(l.n, 3);          /* 72% and 80.2岁 are baselines */
    check(&l, 0, "76", TK_REPORTED, 2025);
    check(&l, 1, "82.5", TK_REPORTED, 2025);
    check(&l, 2, "78", TK_TARGET, 2030);
    target_list_free(&l);

    /* 五年来 and 过去一年: the last year reviewed. */
    l = run("五年来,全省刑事案件总量下降35.9%。\n过去一年,城镇新增就业1256万人。", 2025, NULL);
    check(&l, 0, "35.9", TK_REPORTED, 2024);
    check(&l, 1, "1256", TK_REPORTED, 2024);
    target_list_free(&l);
}

static void a_clause_opening_with_a_time_holds_for_its_sentence(void **state)
{
    (void)state;
    const char *h[] = { "2026年重点工作", NULL };
    struct target_list l = run("2025年,全省生产总值增长5.5%,城镇新增就业120万人。"
                               "今年城镇新增就业100万人以上。", 2026, h);
    check(&l, 0, "5.5", TK_REPORTED, 2025);
    check(&l, 1, "120", TK_REPORTED, 2025);
    check(&l, 2, "100", TK_TARGET, 2026);
    target_list_free(&l);

    /* 今年's goals inside the review chapter are goals. */
    const char *h2[] = { "2021年工作回顾", NULL };
    l = run("国内生产总值增长8.1%。今年发展主要预期目标是:国内生产总值增长5.5%左右;"
            "城镇新增就业1100万人以上,城镇调查失业率全年控制在5.5%以内。", 2022, h2);
    assert_int_equal(l.n, 4);
    check(&l, 0, "8.1", TK_REPORTED, 2021);
    check(&l, 1, "5.5", TK_TARGET, 2022);
    check(&l, 2, "1100", TK_TARGET, 2022);
    check(&l, 3, "5.5", TK_TARGET, 2022);
    target_list_free(&l);
}

/* "2025年的14万元": the value's own year; "提高到2025年" is not a deadline. */
static void a_values_own_year(void **state)
{
    (void)state;
    const char *h[] = { "“十四五”发展成就", NULL };
    struct target_list l = run("人均地区生产总值从2020年的10.5万元提高到2025年的14万元左右。",
                               2026, h);
    assert_int_equal(l.n, 1);
    check(&l, 0, "14", TK_REPORTED, 2025);
    assert_string_equal(l.v[0].phrase, "人均地区生产总值");
    target_list_free(&l);

    /* A deadline holds wherever it stands, also in a review. */
    const char *h2[] = { "2025年工作回顾", NULL };
    l = run("我们提出,到2027年研发投入强度达到3.5%。", 2026, h2);
    check(&l, 0, "3.5", TK_TARGET, 2027);
    target_list_free(&l);
}

/* A plan with no date of its own: goals, for the plan's horizon or the year said. */
static void a_plan_without_a_date_sets_goals(void **state)
{
    (void)state;
    struct target_list l = run("到2025年,常住人口城镇化率达到75%。\n展望到2035年,城镇化率达到80%左右。",
                               0, NULL);
    check(&l, 0, "75", TK_TARGET, 2025);
    check(&l, 1, "80", TK_TARGET, 2035);
    target_list_free(&l);
}

/* A level in words that was reached compares with nothing: not kept; one to reach is. */
static void levels_in_words(void **state)
{
    (void)state;
    const char *past[] = { "2025年工作回顾", NULL }, *future[] = { "2026年重点工作", NULL };
    struct target_list l = run("专门学校建设实现设区市全覆盖。", 2026, past);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
    l = run("婴幼儿照护服务机构实现乡镇全覆盖。", 2026, future);
    assert_int_equal(l.n, 1);
    check(&l, 0, "全覆盖", TK_TARGET, 2026);
    target_list_free(&l);
}

/* "7232亿元、增长5.6%": the growth is the value before's; "增长5%" alone measures nothing. */
static void a_growth_borrows_the_subject_before_it(void **state)
{
    (void)state;
    const char *h[] = { "2025年工作回顾", NULL };
    struct target_list l = run("全省科技创新投入7232亿元、增长5.6%。", 2026, h);
    assert_int_equal(l.n, 2);
    check(&l, 1, "5.6", TK_REPORTED, 2025);
    assert_string_equal(l.v[1].phrase, "全省科技创新投入增长");
    target_list_free(&l);
    l = run("(增长5%)", 2026, h);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
}

static void counts_before_their_nouns(void **state)
{
    (void)state;
    const char *h[] = { "2026年重点工作", NULL };
    struct target_list l = run("抓好550个省重大项目,完成全省1000所学校周边道路拥堵治理,"
                               "为80万重点群体提供就业帮扶,建设8万亩高标准农田。", 2026, h);
    assert_int_equal(l.n, 4);
    check(&l, 0, "550", TK_TARGET, 2026);
    check(&l, 1, "1000", TK_TARGET, 2026);
    check(&l, 2, "80", TK_TARGET, 2026);
    assert_string_equal(l.v[2].unit, "万");
    check(&l, 3, "8", TK_TARGET, 2026);
    target_list_free(&l);

    /* Campaign names and thresholds are not counts. */
    l = run("实施千个单位扶千村行动,打造300万以上人口规模的区域中心城市,"
            "推进新增百万亩国土绿化行动。", 2026, h);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
}

/* 并 opens the next predicate, so the value before it ends its clause. */
static void a_value_before_bing(void **state)
{
    (void)state;
    const char *h[] = { "2026年重点工作", NULL };
    struct target_list l = run("民间资本参与重大项目参股比例不低于10%并逐步提升。", 2026, h);
    assert_int_equal(l.n, 1);
    check(&l, 0, "10", TK_TARGET, 2026);
    assert_int_equal(l.v[0].cmp, CMP_GE);
    target_list_free(&l);
}

/* A verb with no subject measures what the values before it in the sentence measure. */
static void a_verb_without_subject_borrows_the_sentences(void **state)
{
    (void)state;
    const char *h[] = { "2025年工作回顾", NULL };
    struct target_list l = run("上海机场航空旅客吞吐量1.35亿人次、货邮吞吐量453.8万吨,"
                               "分别增长8.3%、7.9%。新增公园127座,累计达到1100座。", 2026, h);
    assert_int_equal(l.n, 6);
    check(&l, 2, "8.3", TK_REPORTED, 2025);
    assert_string_equal(l.v[2].phrase, "上海机场航空旅客吞吐量增长");
    check(&l, 3, "7.9", TK_REPORTED, 2025);
    assert_string_equal(l.v[3].phrase, "货邮吞吐量增长");
    check(&l, 5, "1100", TK_REPORTED, 2025);
    assert_string_equal(l.v[5].phrase, "新增公园");
    assert_string_equal(target_freq_name(l.v[5].freq), "cumulative");
    target_list_free(&l);
}

/* "300项…实现", "8000多个": a count opening its clause, and more than a number. */
static void counts_opening_a_clause(void **state)
{
    (void)state;
    const char *h[] = { "2025年工作回顾", NULL };
    struct target_list l = run("300项政务事项实现“跨省通办”,实施对口支援协作项目8000多个。",
                               2026, h);
    assert_int_equal(l.n, 2);
    check(&l, 0, "300", TK_REPORTED, 2025);
    check(&l, 1, "8000", TK_REPORTED, 2025);
    assert_int_equal(l.v[1].cmp, CMP_GT);
    assert_string_equal(l.v[1].unit, "个");
    target_list_free(&l);
}

/* With no date for the document, a heading's year and its word of review or plan say
 * together: "2021年工作回顾" reviews 2021, "2022年政府工作任务" sets 2022's goals. */
static void a_headings_year_and_word_without_a_document_date(void **state)
{
    (void)state;
    const char *past[] = { "2021年工作回顾", NULL }, *future[] = { "2022年政府工作任务", NULL };
    struct target_list l = run("上亿市场主体承载着就业。新增减税降费超过1万亿元。", 0, past);
    check(&l, 0, "1", TK_REPORTED, 2021);
    target_list_free(&l);
    l = run("新建高标准农田1亿亩。", 0, future);
    check(&l, 0, "1", TK_TARGET, 2022);
    target_list_free(&l);
}

/* A paragraph's time reaches the "——" bullets after it, no other paragraph. */
static void a_paragraphs_time_reaches_its_bullets(void **state)
{
    (void)state;
    const char *h[] = { "关于“十五五”规划纲要的说明", NULL };
    struct target_list l = run("五年来,成绩来之不易:\n——全省生产总值年均增长5.9%。\n"
                               "城镇化率达到78%。", 2026, h);
    check(&l, 0, "5.9", TK_REPORTED, 2025);
    check(&l, 1, "78", TK_TARGET, 2030);
    target_list_free(&l);
}

/* "在“十五五”基础上再奋斗五年": a period (or year) named as the basis of another is not
 * the time the sentence speaks of; the deadline before it holds. */
static void a_time_named_as_a_basis_is_no_frame(void **state)
{
    (void)state;
    const char *h[] = { "二、“十五五”时期的主要目标任务", NULL };
    struct target_list l = run("还展望了到2035年的奋斗目标,在“十五五”基础上再奋斗五年,"
                               "城镇化率达到85%。\n在2025年基础上,城镇化率达到80%。", 2026, h);
    check(&l, 0, "85", TK_TARGET, 2035);
    check(&l, 1, "80", TK_TARGET, 2030);
    target_list_free(&l);
}

/* "按增长5%安排", "拟按3%安排": a value arranged for names what stands before 按, and the
 * verb after the value does not make it a share of a noun. */
static void a_value_arranged_for(void **state)
{
    (void)state;
    const char *h[] = { "三、2026年重点工作", NULL };
    struct target_list l = run("今年主要预期目标是:地区生产总值按增长5%安排,在实际工作中努力"
                               "争取更好结果。赤字率拟按4%左右安排、比上年提高1个百分点。", 2026, h);
    check(&l, 0, "5", TK_TARGET, 2026);
    assert_string_equal(l.v[0].phrase, "地区生产总值增长");
    check(&l, 1, "4", TK_TARGET, 2026);
    assert_string_equal(l.v[1].phrase, "赤字率");
    assert_int_equal(l.v[1].cmp, CMP_APPROX);
    target_list_free(&l);
    /* 今年 says the year, which the target has; the phrase is what is measured. */
    l = run("今年赤字率拟按3%安排。", 2026, h);
    check(&l, 0, "3", TK_TARGET, 2026);
    assert_string_equal(l.v[0].phrase, "赤字率");
    target_list_free(&l);
}

/* 年均 right before a value, or before a count's verb, says a value per year. */
static void an_average_per_year(void **state)
{
    (void)state;
    const char *h[] = { "一、过去五年工作回顾", NULL };
    struct target_list l = run("城镇新增就业年均1270多万人。年均新增涉税企业1100万户。"
                               "农村居民年均收入达到2万元。", 2023, h);
    check(&l, 0, "1270", TK_REPORTED, 2022);
    assert_string_equal(target_freq_name(l.v[0].freq), "annual");
    check(&l, 1, "1100", TK_REPORTED, 2022);
    assert_string_equal(target_freq_name(l.v[1].freq), "annual");
    check(&l, 2, "2", TK_REPORTED, 2022);
    assert_string_equal(target_freq_name(l.v[2].freq), "level");
    target_list_free(&l);
}

/* A Chinese numeral's value in digits, its 万/亿 kept with the unit as digits' are
 * ("突破万亿元" is 1 万亿元, not 1.0001e12 元); a count that heads the subject of
 * another value ("17个重点传统制造业增加值增长5.3%") is no count of its own. */
static void chinese_numerals_and_counts_in_a_subject(void **state)
{
    (void)state;
    const char *h[] = { "一、2025年工作回顾", NULL };
    struct target_list l = run("进出口总额突破万亿元,整车出口突破百万辆,中欧班列全年发运突破千列。"
                               "17个重点传统制造业增加值增长5.3%。", 2026, h);
    assert_int_equal(l.n, 4);
    check(&l, 0, "1", TK_REPORTED, 2025);
    assert_string_equal(l.v[0].unit, "万亿元");
    assert_true(l.v[0].value == 1);
    check(&l, 1, "100", TK_REPORTED, 2025);
    assert_string_equal(l.v[1].unit, "万辆");
    check(&l, 2, "1000", TK_REPORTED, 2025);
    assert_string_equal(l.v[2].unit, "列");
    check(&l, 3, "5.3", TK_REPORTED, 2025);
    target_list_free(&l);
    /* "7万多家": more than 7 万家 (多 after the multiplier). */
    l = run("专精特新中小企业达7万多家。", 2026, h);
    check(&l, 0, "7", TK_REPORTED, 2025);
    assert_string_equal(l.v[0].unit, "万家");
    assert_int_equal(l.v[0].cmp, CMP_GT);
    target_list_free(&l);
}

/* Every way of saying a time is found, at the start of a text and after other words
 * (frame_at looks only where a time's first character stands). */
static void every_time_is_found(void **state)
{
    (void)state;
    const char *const *lists[] = {lex_coming_year_words, lex_past_times, lex_plan_words};
    char buf[128];
    struct frame f;
    for (size_t k = 0; k < 3; k++)
        for (const char *const *w = lists[k]; *w; w++) {
            snprintf(buf, sizeof buf, "%s", *w);
            assert_true(frame_of_text(buf, 2026, &f));
            snprintf(buf, sizeof buf, "全面推进%s", *w);
            assert_true(frame_of_text(buf, 2026, &f));
        }
    static const char *const more[] = {"“十四五”时期", "第十五个五年规划", "到2030年", "建设十五五"};
    for (size_t k = 0; k < sizeof more / sizeof *more; k++)
        assert_true(frame_of_text(more[k], 2026, &f));
    assert_true(frame_of_text("2030年", 2026, &f) && f.year == 2030);
    assert_false(frame_of_text("全面推进共同富裕", 2026, &f));
}

/* The readers of a plan period and of a year, each over every form it reads (十一五 …
 * 十九五, 第十一个五年 … 第十九个五年, 1900年 … 2100年), at a text's start and after other
 * words: frame_at's filter, made from where they begin, turns none of them away. */
static void every_period_and_year_is_found(void **state)
{
    (void)state;
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    char buf[128];
    struct frame f;
    for (int d = 0; d < 9; d++)
        for (int ordinal = 0; ordinal < 2; ordinal++)
            for (int after = 0; after < 2; after++) {
                snprintf(buf, sizeof buf, "%s%s十%s%s规划", after ? "全面推进" : "",
                         ordinal ? "第" : "", digits[d], ordinal ? "个五年" : "五");
                if (!frame_of_text(buf, 2026, &f) || f.year != 1955 + 5 * (11 + d))
                    fail_msg("%s: not found as a plan period", buf);
            }
    for (int y = 1900; y <= 2100; y++)
        for (int after = 0; after < 2; after++) {
            snprintf(buf, sizeof buf, "%s%d年", after ? "全面推进" : "", y);
            if (!frame_of_text(buf, 2026, &f) || f.year != y)
                fail_msg("%s: not found as a year", buf);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_time_is_found),
        cmocka_unit_test(every_period_and_year_is_found),
        cmocka_unit_test(a_review_chapter_reports),
        cmocka_unit_test(a_chapter_of_goals_sets_targets),
        cmocka_unit_test(a_titles_word_yields_to_the_chapters_year),
        cmocka_unit_test(an_opening_clause_holds_for_its_paragraph_and_the_next),
        cmocka_unit_test(a_clause_opening_with_a_time_holds_for_its_sentence),
        cmocka_unit_test(a_values_own_year),
        cmocka_unit_test(a_plan_without_a_date_sets_goals),
        cmocka_unit_test(levels_in_words),
        cmocka_unit_test(a_growth_borrows_the_subject_before_it),
        cmocka_unit_test(counts_before_their_nouns),
        cmocka_unit_test(a_value_before_bing),
        cmocka_unit_test(a_verb_without_subject_borrows_the_sentences),
        cmocka_unit_test(counts_opening_a_clause),
        cmocka_unit_test(a_headings_year_and_word_without_a_document_date),
        cmocka_unit_test(a_paragraphs_time_reaches_its_bullets),
        cmocka_unit_test(a_time_named_as_a_basis_is_no_frame),
        cmocka_unit_test(a_value_arranged_for),
        cmocka_unit_test(an_average_per_year),
        cmocka_unit_test(chinese_numerals_and_counts_in_a_subject),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
