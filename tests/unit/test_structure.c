/* Structure on small texts shaped like the real plans. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/structure.h"

struct parsed {
    struct decoded d;
    struct doc *docs;
    size_t n;
};

static void parse(const char *text, struct parsed *p)
{
    struct err e = {{0}};
    struct structure_opts o = {.fallback_title = "test.txt"};
    assert_int_equal(decode_bytes(text, strlen(text), NULL, &p->d, &e), 0);
    int rc = structure_parse(&p->d, &o, &p->docs, &p->n, &e);
    if (rc)
        fprintf(stderr, "%s\n", e.msg);
    assert_int_equal(rc, 0);
}

static void release(struct parsed *p)
{
    structure_free(&p->docs, p->n);
    decoded_free(&p->d);
}

static const struct node *by_path(const struct doc *d, const char *path)
{
    for (size_t i = 0; i < d->nnodes; i++)
        if (d->nodes[i].path && !strcmp(d->nodes[i].path, path))
            return &d->nodes[i];
    return NULL;
}

static int count(const struct doc *d, enum node_kind k)
{
    int n = 0;
    for (size_t i = 0; i < d->nnodes; i++)
        n += d->nodes[i].kind == k;
    return n;
}

/* The text of the n-th paragraph under the node with this path. */
static const char *para(const struct doc *d, const char *path, int nth)
{
    const struct node *sec = by_path(d, path);
    assert_non_null(sec);
    int idx = (int)(sec - d->nodes);
    for (size_t i = 0; i < d->nnodes; i++)
        if (d->nodes[i].parent == idx && d->nodes[i].kind == NODE_PARAGRAPH && nth-- == 0)
            return d->nodes[i].text;
    return NULL;
}

static void plain_text_is_one_chapter(void **state)
{
    (void)state;
    struct parsed p;
    parse("第一段话，没有标题。\n\n第二段话。\n", &p);
    assert_int_equal(p.n, 1);
    assert_int_equal(count(&p.docs[0], NODE_CHAPTER), 1);
    assert_int_equal(count(&p.docs[0], NODE_PARAGRAPH), 2);
    assert_string_equal(para(&p.docs[0], "1", 1), "第二段话。");
    release(&p);
}

static void empty_text_is_refused(void **state)
{
    (void)state;
    struct decoded d;
    struct doc *docs;
    size_t n;
    struct err e = {{0}};
    assert_int_equal(decode_bytes(" \n\n", 3, NULL, &d, &e), 0);
    assert_int_equal(structure_parse(&d, NULL, &docs, &n, &e), -1);
    assert_non_null(strstr(e.msg, "no text"));
    decoded_free(&d);
}

static void headings_inside_one_line(void **state)
{
    (void)state;
    struct parsed p;
    parse("某市行动方案\n为落实意见，特制定方案如下。 一、总体要求 1. 指导思想。以人民为中心。"
          " 2. 具体目标。城镇化率达到 70, 收入倍差缩小到1.6以内。覆盖率 80 3. 工作原则。坚持"
          "改革。 二、推动发展 发展是关键,要坚持。 4. 激发活力。深入实施。 6. 优化环境。全面"
          "深化改革。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_string_equal(d->title, "某市行动方案");
    assert_int_equal(count(d, NODE_CHAPTER), 2);
    assert_int_equal(count(d, NODE_ITEM), 5);
    assert_string_equal(by_path(d, "1")->title, "总体要求");
    assert_string_equal(by_path(d, "1.2")->title, "具体目标");
    assert_string_equal(para(d, "1.2", 0), "城镇化率达到70,收入倍差缩小到1.6以内。覆盖率80");
    assert_string_equal(by_path(d, "1.3")->title, "工作原则");
    assert_string_equal(by_path(d, "2")->title, "推动发展");
    assert_string_equal(para(d, "2", 0), "发展是关键,要坚持。");
    assert_non_null(by_path(d, "2.6"));
    assert_string_equal(para(d, "0", 0), "为落实意见，特制定方案如下。");
    release(&p);
}

static void page_breaks_rejoin(void **state)
{
    (void)state;
    struct parsed p;
    parse("省实施方案\n\n一、总则\n\n33.打造学习宣传实践习近平新时代中国特色社会主义\n\n"
          "思想的重要阵地。持续巩固。\n\n34.建设平安。构建网\n\n络综合治理体系。\n\n"
          "（下转第二版）\n", &p);
    const struct doc *d = &p.docs[0];
    assert_string_equal(by_path(d, "1.33")->title,
                        "打造学习宣传实践习近平新时代中国特色社会主义思想的重要阵地");
    assert_string_equal(para(d, "1.33", 0), "持续巩固。");
    assert_string_equal(para(d, "1.34", 0), "构建网络综合治理体系。");
    release(&p);
}

static void an_item_title_without_stop_keeps_its_bullets(void **state)
{
    (void)state;
    struct parsed p;
    parse("某某意见\n\n一、总体要求\n\n（二）工作原则\n\n——坚持党的领导。\n\n（三）发展目标\n\n"
          "到2025年，取得进展。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_string_equal(by_path(d, "1.2")->title, "工作原则");
    assert_string_equal(para(d, "1.2", 0), "——坚持党的领导。");
    assert_string_equal(by_path(d, "1.3")->title, "发展目标");
    assert_string_equal(para(d, "1.3", 0), "到2025年，取得进展。");
    release(&p);
}

static void two_documents_in_one_file(void **state)
{
    (void)state;
    struct parsed p;
    parse("2021 年浙江省工作要点\n\n总体要求是：坚持。\n\n一、聚焦重点\n\n（一）深化公开。内容。\n\n"
          "二、聚焦解读\n\n（一）做好解读。内容。\n\n中共中央 国务院\n\n关于支持浙江的意见\n\n"
          "——2021年5月20日\n\n共同富裕是要求。\n\n一、总体要求\n\n（一）指导思想。内容。\n\n"
          "二、提高质量\n\n（二）提升能力。内容。\n", &p);
    assert_int_equal(p.n, 2);
    assert_string_equal(p.docs[0].title, "2021年浙江省工作要点");
    assert_int_equal(count(&p.docs[0], NODE_CHAPTER), 2);
    assert_non_null(by_path(&p.docs[0], "2.1"));
    assert_string_equal(p.docs[1].title, "中共中央 国务院关于支持浙江的意见");
    assert_string_equal(p.docs[1].published, "2021-05-20");
    assert_string_equal(para(&p.docs[1], "0", 0), "共同富裕是要求。");
    assert_non_null(by_path(&p.docs[1], "2.2"));
    release(&p);
}

static void chrome_and_metadata(void **state)
{
    (void)state;
    struct parsed p;
    parse("浙大培训学院\n\n全国统一咨询热线:浙大培训基地\n\n0571-86971085\n\n舟山:高质量发展\n\n"
          "发布日期:2022-02-28\n舟山实施方案\n\n(2021-2025年)\n\n  为深入学习,特制定方案如下。\n\n"
          "  一、发展目标\n\n  到2025年,达到75%。\n\n  1.促进发展。内容。\n\n(来源:浙江日报\n"
          "相关新闻\n浙大培训 6870\nFOLLOW US @ SOCIAL MEDIA\n", &p);
    const struct doc *d = &p.docs[0];
    assert_string_equal(d->title, "舟山实施方案(2021-2025年)");
    assert_string_equal(d->published, "2022-02-28");
    for (size_t i = 0; i < d->nnodes; i++)
        if (d->nodes[i].text) {
            assert_null(strstr(d->nodes[i].text, "浙大"));
            assert_null(strstr(d->nodes[i].text, "FOLLOW"));
            assert_null(strstr(d->nodes[i].text, "来源"));
        }
    assert_string_equal(para(d, "0", 0), "为深入学习,特制定方案如下。");
    assert_string_equal(para(d, "1", 0), "到2025年,达到75%。");
    release(&p);
}

static void numbers_in_text_are_not_headings(void **state)
{
    (void)state;
    struct parsed p;
    parse("方案\n\n一、目标\n\n1.收入。倍差缩小到\n1.6以内。\n\n2.就业。失业率\n3.5以内。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_int_equal(count(d, NODE_ITEM), 2);
    assert_string_equal(para(d, "1.1", 0), "倍差缩小到1.6以内。");
    assert_string_equal(para(d, "1.2", 0), "失业率3.5以内。");
    release(&p);
}

/* A chapter title may begin with a year ("一、2025年工作回顾"). */
static void a_chapter_title_may_begin_with_a_year(void **state)
{
    (void)state;
    struct parsed p;
    parse("报告\n\n一、2025年工作回顾\n\n过去一年，增长5%。\n\n二、2026年重点工作\n\n"
          "（一）稳增长。今年增长5%左右。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_int_equal(count(d, NODE_CHAPTER), 2);
    assert_string_equal(by_path(d, "1")->title, "2025年工作回顾");
    assert_string_equal(by_path(d, "2")->title, "2026年重点工作");
    assert_non_null(by_path(d, "2.1"));
    release(&p);
}

static void raw_spans_point_into_the_source(void **state)
{
    (void)state;
    struct parsed p;
    const char *text = "方案\n\n一、目标\n\n1.收入。增长。\n";
    parse(text, &p);
    const struct doc *d = &p.docs[0];
    const struct node *item = by_path(d, "1.1");
    assert_memory_equal(text + item->raw_start, "1.收入", strlen("1.收入"));
    assert_int_equal(item->raw_end, strlen(text) - 1);
    for (size_t i = 0; i < d->nnodes; i++)
        assert_true(d->nodes[i].raw_start <= d->nodes[i].raw_end &&
                    d->nodes[i].raw_end <= strlen(text));
    release(&p);
}

/* （1）…（n） numbered across the parts of a document, as the central committee's
 * recommendations are; chapter titles may start with a year. */
static void bracket_items_numbered_across_chapters(void **state)
{
    (void)state;
    struct parsed p;
    parse("关于制定规划的建议\n"
          "一、2025年工作回顾\n"
          "（1）发展取得重大成就。经济运行稳中有进。\n"
          "（2）发展环境深刻变化。机遇和挑战并存。\n"
          "二、主要目标\n"
          "（3）指导思想。坚持稳中求进。\n"
          "（4）主要目标。经济稳定增长。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_int_equal(count(d, NODE_CHAPTER), 2);
    assert_int_equal(count(d, NODE_ITEM), 4);
    assert_string_equal(by_path(d, "1")->title, "2025年工作回顾");
    assert_string_equal(by_path(d, "1.2")->title, "发展环境深刻变化");
    assert_string_equal(by_path(d, "2.3")->label, "（3）");
    assert_string_equal(by_path(d, "2.4")->title, "主要目标");
    assert_string_equal(para(d, "2.4", 0), "经济稳定增长。");
    release(&p);
    /* Under "1." items, （1） stays a bullet of the item's text. */
    parse("实施方案\n一、任务\n1.推进改革。加快发展。\n（1）第一项。\n（2）第二项。\n"
          "2.扩大开放。深化合作。\n", &p);
    assert_int_equal(count(&p.docs[0], NODE_ITEM), 2);
    assert_string_equal(para(&p.docs[0], "1.1", 1), "（1）第一项。");
    release(&p);
}

/* An imported text that lost part of itself says so (doc_note.h): numbered items that skip
 * numbers, where numbering does not start again, are named as missing; a text that begins
 * past its first part says where it begins; a whole one, numbered per chapter, has no note. */
static void a_text_that_lost_items_says_so(void **state)
{
    (void)state;
    struct parsed p;
    parse("行动方案\n一、目标\n1.收入。增长。\n2.就业。稳定。\n二、任务\n5.教育。均衡。\n"
          "6.医疗。可及。\n8.养老。普惠。\n", &p);
    assert_non_null(p.docs[0].note);
    assert_string_equal(p.docs[0].note, "原文不完整：缺第3—4条、第7条");
    release(&p);
    parse("实施方案\n（紧接第二版）\n28.推进改革。加快发展。\n29.扩大开放。深化合作。\n"
          "31.优化环境。\n", &p);
    assert_string_equal(p.docs[0].note, "原文不完整：从“28.”开始，此前的部分未导入；缺第30条");
    release(&p);
    parse("行动方案\n一、目标\n1.收入。增长。\n2.就业。稳定。\n二、任务\n1.教育。均衡。\n"
          "2.医疗。可及。\n", &p);
    assert_null(p.docs[0].note);
    release(&p);
}

/* Outlines (纲要) and regulations number their parts 第一章 … 第一节 / 第一条; a table of
 * contents (leaders and page numbers) is no part of the outline, and the "一、" inside a
 * section of a 章 outline are no chapters. */
static void chapters_and_sections_named_in_words(void **state)
{
    (void)state;
    struct parsed p;
    parse("某省国民经济和社会发展第十四个五年规划纲要\n"
          "目  录\n"
          "第一章 发展基础 ………………………… 1\n"
          "第二章 总体要求 ………………………… 5\n"
          "第一篇 开启新征程\n"
          "第一章 发展基础\n"
          "全省经济持续健康发展。\n"
          "第一节 发展成就\n"
          "全省生产总值达到6.46万亿元。\n"
          "一、经济实力\n"
          "经济总量跃上新台阶。\n"
          "二、创新能力\n"
          "研发投入持续增加。\n"
          "第二节 发展环境\n"
          "当今世界正经历百年未有之大变局。\n"
          "第二章 总体要求\n"
          "第一节 指导思想\n"
          "坚持以习近平新时代中国特色社会主义思想为指导。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_int_equal(count(d, NODE_CHAPTER), 2);
    assert_int_equal(count(d, NODE_ITEM), 3);
    assert_string_equal(by_path(d, "1")->label, "第一章");
    assert_string_equal(by_path(d, "1")->title, "发展基础");
    assert_string_equal(by_path(d, "1.2")->label, "第二节");
    assert_string_equal(by_path(d, "1.2")->title, "发展环境");
    assert_string_equal(para(d, "1.1", 1), "一、经济实力");
    assert_string_equal(by_path(d, "2.1")->title, "指导思想");
    release(&p);
    parse("某市促进共同富裕条例\n第一章 总则\n第一条 为了促进共同富裕，制定本条例。\n"
          "第二条 本条例适用于本市行政区域。\n第二章 收入分配\n第三条 市人民政府应当提高居民收入。\n",
          &p);
    d = &p.docs[0];
    assert_int_equal(count(d, NODE_CHAPTER), 2);
    assert_int_equal(count(d, NODE_ITEM), 3);
    assert_string_equal(by_path(d, "2.3")->label, "第三条");
    release(&p);
}

/* A （一） heading stands on its line; the short sentence that opens the next paragraph
 * ("稳增长政策措施加快落地见效。全面落实…") is that paragraph's lead, not more title. */
static void a_paragraph_lead_is_no_title(void **state)
{
    (void)state;
    struct parsed p;
    parse("某市政府工作报告\n一、工作回顾\n（一）全力促进经济平稳健康发展\n"
          "稳增长政策措施加快落地见效。全面落实国家出台的存量政策和增量政策。\n"
          "（二）聚力落实国家重大战略任务\n“五个中心”建设扎实推进。加快构建现代化产业体系。\n", &p);
    const struct doc *d = &p.docs[0];
    assert_string_equal(by_path(d, "1.1")->title, "全力促进经济平稳健康发展");
    assert_string_equal(para(d, "1.1", 0),
                        "稳增长政策措施加快落地见效。全面落实国家出台的存量政策和增量政策。");
    assert_string_equal(by_path(d, "1.2")->title, "聚力落实国家重大战略任务");
    release(&p);
}

/* Past 999: items "1000." and "（1000）" continue the sequence like any other. */
static void more_than_999_items(void **state)
{
    (void)state;
    for (int paren = 0; paren < 2; paren++) {
        size_t cap = 1 << 20, len = 0;
        char *text = malloc(cap);
        assert_non_null(text);
        len += (size_t)snprintf(text + len, cap - len, "条目很多的实施方案\n一、任务\n");
        for (int i = 1; i <= 1205; i++)
            len += (size_t)snprintf(text + len, cap - len, paren ? "（%d）第%d项任务。内容。\n"
                                    : "%d.第%d项任务。内容。\n", i, i);
        struct parsed p;
        parse(text, &p);
        assert_int_equal(count(&p.docs[0], NODE_ITEM), 1205);
        assert_string_equal(by_path(&p.docs[0], "1.1000")->title, "第1000项任务");
        assert_string_equal(by_path(&p.docs[0], "1.1205")->title, "第1205项任务");
        release(&p);
        free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_is_one_chapter),
        cmocka_unit_test(empty_text_is_refused),
        cmocka_unit_test(headings_inside_one_line),
        cmocka_unit_test(page_breaks_rejoin),
        cmocka_unit_test(an_item_title_without_stop_keeps_its_bullets),
        cmocka_unit_test(two_documents_in_one_file),
        cmocka_unit_test(chrome_and_metadata),
        cmocka_unit_test(numbers_in_text_are_not_headings),
        cmocka_unit_test(a_chapter_title_may_begin_with_a_year),
        cmocka_unit_test(raw_spans_point_into_the_source),
        cmocka_unit_test(bracket_items_numbered_across_chapters),
        cmocka_unit_test(a_text_that_lost_items_says_so),
        cmocka_unit_test(chapters_and_sections_named_in_words),
        cmocka_unit_test(a_paragraph_lead_is_no_title),
        cmocka_unit_test(more_than_999_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
