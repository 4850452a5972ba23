/* The question parser: regions, years, the kind of question, the level and order asked
 * for, the words whose role depends on their neighbours, the subject left over; the
 * grammar file's errors; the matcher that covers a subject with a phrase. Questions here
 * are written for the rules, not taken from the test set of tests/golden/ask. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/ask.h"
#include "../../src/core/ask_int.h"

static struct regions regions;
static struct ask_grammar *grammar;

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    if (regions_load("data/regions.tsv", &regions, &e) < 0 ||
        ask_grammar_load("data/ask.tsv", &regions, &grammar, &e) < 0) {
        fprintf(stderr, "%s\n", e.msg);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ask_grammar_free(&grammar);
    regions_free(&regions);
    return 0;
}

static struct ask_intent parse(const char *question)
{
    struct ask_intent q;
    struct err e = {{0}};
    assert_int_equal(ask_parse(grammar, question, &q, &e), 0);
    return q;
}

static void test_regions_and_aliases(void **state)
{
    (void)state;
    struct ask_intent q = parse("舟山市和臺州的养老护理员数目标是多少");
    assert_int_equal(q.nplaces, 2);
    assert_string_equal(q.places[0].region, "舟山市");
    assert_string_equal(q.places[1].region, "台州市");
    assert_int_equal(q.kind, ASK_COMPARE);
    assert_string_equal(q.subject, "养老护理员数");
    ask_intent_free(&q);
    /* A region written twice is one place. */
    q = parse("金华和金華市的托位");
    assert_int_equal(q.nplaces, 1);
    assert_int_equal(q.kind, ASK_LOOKUP);
    ask_intent_free(&q);
}

static void test_years(void **state)
{
    (void)state;
    struct ask_intent q = parse("到2030年，金华的研发人员数要达到多少？");
    assert_int_equal(q.year, 2030);
    assert_int_equal(q.kind, ASK_LOOKUP);
    ask_intent_free(&q);
    /* A period names its last year; 末 and 期间 are words around it. */
    q = parse("“十四五”期间舟山的新增就业目标");
    assert_int_equal(q.year, 2025);
    assert_string_equal(q.subject, "新增就业");
    ask_intent_free(&q);
    /* A range names its end; digits that are no year stay in the subject. */
    q = parse("2021—2025年台州家庭年收入10万—50万元群体比例");
    assert_int_equal(q.year, 2025);
    assert_string_equal(q.subject, "家庭年收入10万—50万元群体比例");
    ask_intent_free(&q);
    q = parse("舟山的3岁以下婴幼儿托位数");
    assert_int_equal(q.year, 0);
    ask_intent_free(&q);
}

static void test_year_per_region(void **state)
{
    (void)state;
    struct ask_intent q = parse("金华2025年的研发投入和浙江省2030年的相比");
    assert_int_equal(q.kind, ASK_COMPARE);
    assert_int_equal(q.nplaces, 2);
    assert_int_equal(q.places[0].year, 2025);
    assert_int_equal(q.places[1].year, 2030);
    assert_int_equal(q.year, 0);
    ask_intent_free(&q);
    /* One region with its year: the question's year. */
    q = parse("台州2035年的人均生产总值");
    assert_int_equal(q.year, 2035);
    ask_intent_free(&q);
    /* A year before the region is the question's. */
    q = parse("2026年浙江省的就业目标");
    assert_int_equal(q.year, 2026);
    assert_int_equal(q.places[0].year, 0);
    ask_intent_free(&q);
}

static void test_kinds(void **state)
{
    (void)state;
    static const struct {
        const char *q;
        enum ask_kind kind;
    } cases[] = {
        {"哪些地方提出了森林覆盖率目标", ASK_WHICH},
        {"哪几个城市设定了医师数目标？", ASK_WHICH},
        {"哪个城市的森林覆盖率目标最高", ASK_RANK},
        {"空气优良天数比例，哪个地方更高？", ASK_RANK},
        {"对比舟山与台州的律师数", ASK_COMPARE},
        {"舟山、台州、金华三市的医师数分别是多少", ASK_COMPARE},
        {"金华的森林覆盖率目标实现了没有", ASK_PROGRESS},
        {"台州的就业目标进展如何？", ASK_PROGRESS},
        /* Reaching asked as yes or no, in its other spellings. */
        {"舟山托位目标达到了没有", ASK_PROGRESS},
        {"金华的城乡居民收入倍差目标实现了没", ASK_PROGRESS},
        {"浙江省的城镇化率目标有没有完成", ASK_PROGRESS},
        {"舟山的托位目标能否达标", ASK_PROGRESS},
        /* 是不是 before the verb, 了 after it or not: 达到了 alone says a value reached. */
        {"浙江省研发投入强度是不是达到了目标", ASK_PROGRESS},
        {"台州的城镇登记失业率是不是达标", ASK_PROGRESS},
        {"金华的医师数目标是不是实现了", ASK_PROGRESS},
        {"舟山的律师数目标是不是达成了", ASK_PROGRESS},
        {"哪些地方把劳动报酬占比作为目标", ASK_WHICH},
        {"舟山、金华两地的城镇登记失业率哪个更低", ASK_RANK},
        {"关于数字乡村有哪些举措", ASK_MEASURES},
        {"舟山在海洋经济方面有什么措施", ASK_MEASURES},
        {"政务公开工作的考核权重要求是多少", ASK_WHICH},
        {"舟山的医师数是多少", ASK_LOOKUP},
        /* 最低 in 最低生活保障标准 orders nothing: no which word. */
        {"台州最低生活保障标准是多少", ASK_LOOKUP},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct ask_intent q = parse(cases[i].q);
        if (q.kind != cases[i].kind)
            fail_msg("%s: %s, expected %s", cases[i].q, ask_kind_name(q.kind),
                     ask_kind_name(cases[i].kind));
        ask_intent_free(&q);
    }
}

static void test_order_and_level(void **state)
{
    (void)state;
    struct ask_intent q = parse("哪个城市的失业率目标最严格？");
    assert_int_equal(q.order, ASK_STRICT);
    assert_string_equal(q.level, "city");
    ask_intent_free(&q);
    q = parse("两个省份中，谁的覆盖率更低");
    assert_int_equal(q.order, ASK_LOW);
    assert_string_equal(q.level, "province");
    ask_intent_free(&q);
    /* 地方 asks for any level; a class word away from 哪个 names none. */
    q = parse("哪些地方的城市空气质量优良天数比例最多");
    assert_int_equal(q.order, ASK_HIGH);
    assert_null(q.level);
    assert_string_equal(q.subject, "空气质量优良天数比例");
    ask_intent_free(&q);
    /* 各 before a class word or a counter names the level (each city); elsewhere it
     * carries no subject. */
    q = parse("各市的居民人均可支配收入目标分别是多少");
    assert_string_equal(q.level, "city");
    assert_string_equal(q.subject, "居民人均可支配收入");
    ask_intent_free(&q);
    q = parse("各个城市的托位目标");
    assert_string_equal(q.level, "city");
    assert_string_equal(q.subject, "托位");
    ask_intent_free(&q);
    q = parse("关于托位有哪些措施，各地区分别是什么");
    assert_null(q.level);
    ask_intent_free(&q);
    q = parse("舟山、金华两地的城镇登记失业率哪个更低");
    assert_string_equal(q.subject, "城镇登记失业率");
    ask_intent_free(&q);
    q = parse("各项托位措施");
    assert_null(q.level);
    assert_string_equal(q.subject, "托位");
    ask_intent_free(&q);
    /* An order word outside a rank is part of the subject. */
    q = parse("舟山最低生活保障标准");
    assert_int_equal(q.order, ASK_ORDER_NONE);
    assert_string_equal(q.subject, "最低生活保障标准");
    ask_intent_free(&q);
}

static void test_words_by_neighbours(void **state)
{
    (void)state;
    /* 和 joins regions, and is a character of 碳中和 elsewhere (no cut). */
    struct ask_intent q = parse("舟山和金华碳达峰碳中和有哪些部署");
    assert_int_equal(q.nplaces, 2);
    assert_int_equal(q.kind, ASK_MEASURES);
    int cut_inside = 0;
    for (size_t i = 0; i < q.ntok; i++)
        if (q.tok[i].role == AR_AND && q.tok[i].start > 4)
            cut_inside = 1;
    assert_false(cut_inside);
    ask_intent_free(&q);
    /* A character of the subject where no subject follows it (碳中和 before the comma,
     * 和美乡村 at its start), and joining two subjects between them. */
    q = parse("关于碳达峰碳中和，各地有什么措施");
    assert_string_equal(q.subject, "碳达峰碳中和");
    ask_intent_free(&q);
    q = parse("和美乡村有哪些措施");
    assert_string_equal(q.subject, "和美乡村");
    ask_intent_free(&q);
    q = parse("舟山的教育和医疗措施");
    for (size_t i = 0; i < q.ntok; i++)
        if (q.text[q.tok[i].start] == 0x548C)   /* 和 */
            assert_int_equal(q.tok[i].role, AR_FILLER);
    ask_intent_free(&q);
    q = parse("关于碳达峰碳中和，各地有什么措施");
    for (size_t i = 0; i < q.ntok; i++)
        if (q.text[q.tok[i].start] == 0x548C)
            assert_int_equal(q.tok[i].role, AR_CONTENT);
    ask_intent_free(&q);
    /* 三 counts regions before 个 or 市; in 三甲医院 it is a character of the subject. */
    q = parse("三个城市中，哪个的三甲医院目标最多");
    assert_string_equal(q.level, "city");
    assert_string_equal(q.subject, "三甲医院");
    ask_intent_free(&q);
    /* 个 after no numeral is a character (个人卫生支出). */
    q = parse("金华个人卫生支出占比目标");
    assert_string_equal(q.subject, "个人卫生支出占比");
    ask_intent_free(&q);
}

static void test_wants_and_issuer(void **state)
{
    (void)state;
    struct ask_intent q = parse("浙江省的城镇化率实际达到了多少");
    assert_int_equal(q.wants, ASK_WANT_REPORTED);
    ask_intent_free(&q);
    q = parse("中央意见为浙江设定了什么目标");
    assert_int_equal(q.wants, ASK_WANT_TARGETS);
    assert_string_equal(q.issuer, "national");
    ask_intent_free(&q);
}

static void test_traditional_and_width(void **state)
{
    (void)state;
    /* Traditional and full-width forms read as Simplified ones. */
    struct ask_intent a = parse("哪個城市的ＧＤＰ目標最高？"), b = parse("哪个城市的GDP目标最高?");
    assert_int_equal(a.kind, ASK_RANK);
    assert_int_equal(a.kind, b.kind);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.text, b.text, a.n * sizeof *a.text);
    assert_string_equal(a.subject, "ＧＤＰ");
    ask_intent_free(&a);
    ask_intent_free(&b);
}

static void test_hostile_input(void **state)
{
    (void)state;
    struct ask_intent q = parse("");
    assert_string_equal(q.subject, "");
    assert_int_equal(q.kind, ASK_WHICH);
    ask_intent_free(&q);
    q = parse("\xff\xfe舟山\x1b[2J的\xe6托位");
    assert_int_equal(q.nplaces, 1);
    ask_intent_free(&q);
    /* A long question is read up to its limit, and says so. */
    size_t n = ASK_MAX_CHARS * 3 + 30;
    char *big = malloc(n + 1);
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(big + i, "托", 3);
    big[n - n % 3] = 0;
    q = parse(big);
    assert_true(q.truncated);
    assert_int_equal(q.n, ASK_MAX_CHARS);
    ask_intent_free(&q);
    free(big);
}

static void test_grammar_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } bad[] = {
        {"哪些\twhich\n最\tbest\n", "g.tsv:2: unknown role 'best'"},
        {"# c\n十四五\tperiod\n", "g.tsv:2: a period needs its last year"},
        {"城市\tclass\ntown\n", "g.tsv:1: a class word needs a level"},
        {"哪些\n", "g.tsv:1: expected a word and its role"},
        {"报告\treport\n", "g.tsv:1: a report word needs the document kind"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct ask_grammar *g = NULL;
        struct err e = {{0}};
        assert_int_equal(ask_grammar_parse(bad[i].text, strlen(bad[i].text), "g.tsv", NULL, &g,
                                           &e), -1);
        assert_null(g);
        if (strncmp(e.msg, bad[i].msg, strlen(bad[i].msg)))
            fail_msg("got '%s', expected '%s'", e.msg, bad[i].msg);
    }
    struct ask_grammar *g = NULL;
    struct err e = {{0}};
    const char nul[] = "哪些\twhich\n多\0少\tamount\n";
    assert_int_equal(ask_grammar_parse(nul, sizeof nul - 1, "g.tsv", NULL, &g, &e), -1);
    assert_string_equal(e.msg, "g.tsv:2: a NUL byte");
    assert_int_equal(ask_grammar_load("/nonexistent/ask.tsv", &regions, &g, &e), -1);
}

/* The longest word wins: 完成了吗 over 完成了, a region over a grammar word. */
static void test_longest_word(void **state)
{
    (void)state;
    struct ask_intent q = parse("舟山的目标完成了吗");
    assert_int_equal(q.kind, ASK_PROGRESS);
    int found = 0;
    for (size_t i = 0; i < q.ntok; i++)
        if (q.tok[i].role == AR_PROGRESS)
            found = (int)(q.tok[i].end - q.tok[i].start);
    assert_int_equal(found, 4);
    ask_intent_free(&q);
}

static struct ask_score match(const char *question, const char *phrase)
{
    struct ask_intent q = parse(question);
    size_t n;
    uint32_t *p = ask_fold_cps(phrase, strlen(phrase), &n);
    struct ask_score s = ask_match(&q, p, n, NULL);
    free(p);
    ask_intent_free(&q);
    return s;
}

static void test_match(void **state)
{
    (void)state;
    /* A short name covered by a long one: full recall, low precision. */
    struct ask_score s = match("舟山的托位目标", "每千人口拥有3岁以下婴幼儿托位数");
    assert_float_equal(s.recall, 1.0, 1e-9);
    assert_float_equal(s.precision, 2.0 / 16, 1e-9);
    /* Pieces in another order, and characters left out in between. */
    s = match("台州的持证养老护理员数", "每万老年人拥有持证护理员");
    assert_float_equal(s.recall, 5.0 / 8, 1e-9);
    /* Single characters in common do not count. */
    s = match("舟山的森林蓄积量", "森林覆盖率");
    assert_float_equal(s.recall, 2.0 / 5, 1e-9);
    assert_false(s.head);
    s = match("浙江省城乡居民收入倍差", "收入倍差");
    assert_float_equal(s.recall, 0.5, 1e-9);
    assert_true(s.head);
    /* A run never crosses a region: 舟山 is no part of the subject. */
    s = match("舟山托位", "舟山托位");
    assert_float_equal(s.recall, 1.0, 1e-9);
    assert_float_equal(s.precision, 0.5, 1e-9);
    /* Grammar words may sit inside a run; they do not count for recall. */
    s = match("地表水达到或好于III类水体比例是多少", "地表水达到或好于Ⅲ类水体比例");
    assert_float_equal(s.recall, 1.0, 1e-9);
    assert_float_equal(s.precision, 1.0, 1e-9);
    s = match("哪些城市", "城市");
    assert_float_equal(s.score, 0.0, 1e-9);
}

/* The example questions: each kind's in the file's order; a line without a known kind or
 * with more than two columns is an error naming the line. */
static void test_examples(void **state)
{
    (void)state;
    struct ask_examples x;
    struct err e = {{0}};
    const char *t = "# comment\nrank\tQ1\r\nlookup\tQ2\n\nrank\tQ3";
    assert_int_equal(ask_examples_parse(t, strlen(t), "x.tsv", &x, &e), 0);
    assert_int_equal(x.n, 3);
    assert_string_equal(ask_example_of(&x, ASK_RANK, 0), "Q1");
    assert_string_equal(ask_example_of(&x, ASK_RANK, 1), "Q3");
    assert_string_equal(ask_example_of(&x, ASK_LOOKUP, 0), "Q2");
    assert_null(ask_example_of(&x, ASK_RANK, 2));
    assert_null(ask_example_of(&x, ASK_MEASURES, 0));
    ask_examples_free(&x);
    static const char *const bad[] = {"lookup\tQ\nranks\tQ\n", "lookup\tQ\nrank\n",
                                      "lookup\tQ\nrank\t\n", "lookup\tQ\nrank\tQ\tmore\n"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(ask_examples_parse(bad[i], strlen(bad[i]), "x.tsv", &x, &e), -1);
        assert_non_null(strstr(e.msg, "x.tsv:2:"));
        assert_int_equal(x.n, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regions_and_aliases), cmocka_unit_test(test_years),
        cmocka_unit_test(test_year_per_region),     cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_order_and_level),     cmocka_unit_test(test_words_by_neighbours),
        cmocka_unit_test(test_wants_and_issuer),    cmocka_unit_test(test_traditional_and_width),
        cmocka_unit_test(test_hostile_input),       cmocka_unit_test(test_grammar_errors),
        cmocka_unit_test(test_longest_word),        cmocka_unit_test(test_match),
        cmocka_unit_test(test_examples),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
