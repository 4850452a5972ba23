/* The word list found by pinyin: whole syllables and initials, ranking, chains of pairs
 * checked against the documents, longer phrases, polyphonic characters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/pinyin_words.h"

/* The terms an index of a few plans might hold, with their section counts and, for some
 * two-character ones, their contexts (word_contexts.h; 0: not known). */
static const struct {
    const char *w;
    double n;
    unsigned contexts;
} terms[] = {
    {"托", 23}, {"位", 30}, {"托位", 3, 2}, {"态", 15}, {"文", 40}, {"态文", 11, 1},
    {"体", 50}, {"为", 90}, {"体为", 4, 1}, {"拓", 29}, {"税", 13}, {"妥", 6},
    {"数", 70}, {"字", 60}, {"化", 200}, {"改", 80}, {"革", 70},
    {"数字", 59}, {"字化", 36}, {"化改", 18}, {"改革", 70}, {"化工", 5}, {"工", 90},
    {"化公", 2}, {"公", 100}, {"公共", 60}, {"共", 120},
    {"银", 5}, {"行", 158}, {"银行", 3}, {"动", 90}, {"行动", 40, 11}, {"兴", 9}, {"东", 20},
    {"兴东", 3, 30},
    {"重", 130}, {"点", 60}, {"重点", 50}, {"建", 90}, {"重建", 2},
    {"西", 10}, {"安", 40}, {"西安", 2}, {"先", 81}, {"现", 135}, {"省", 94},
    {"人均地区生产总值", 2},
    {"gdp", 4}, {"pm2.5", 5}, {"托位3", 1},
};

/* The documents, for exists(). */
static const char *docs = "推进数字化改革,建设数字化工厂。人均地区生产总值。";
static struct pinyin_words *w;
static int checks;

static int setup(void **state)
{
    (void)state;
    if (pinyin_words_new(&w))
        return -1;
    for (size_t i = 0; i < sizeof terms / sizeof *terms; i++)
        if (pinyin_words_add(w, terms[i].w, strlen(terms[i].w), terms[i].n, terms[i].contexts))
            return -1;
    return pinyin_words_finish(w);
}

static int teardown(void **state)
{
    (void)state;
    pinyin_words_free(&w);
    return 0;
}

static int exists(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    char phrase[256];
    snprintf(phrase, sizeof phrase, "%.*s", (int)n, s);
    checks++;
    return strstr(docs, phrase) != NULL;
}

/* The candidates for key as "a b c" (best first), at most max. */
static const char *find(const char *key, size_t max)
{
    static char buf[512];
    struct pinyin_key k;
    struct pinyin_candidate c[16];
    assert_int_equal(pinyin_key_parse(key, strlen(key), &k), 1);
    int n = pinyin_words_find(w, &k, exists, NULL, c, max);
    assert_true(n >= 0);
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        assert_int_equal(strlen(c[i].s), c[i].n);
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? " " : "", c[i].s);
    }
    return buf;
}

static void test_list(void **state)
{
    (void)state;
    /* Latin words and words with other characters are not pinyin's business. */
    assert_int_equal(pinyin_words_size(w), sizeof terms / sizeof *terms - 3);
}

static void test_two_characters(void **state)
{
    (void)state;
    assert_string_equal(find("tuowei", 8), "托位");
    assert_string_equal(find("tuo'wei", 8), "托位");
    assert_string_equal(find("tuo1wei4", 8), "托位");
    assert_string_equal(find("tuow", 8), "托位");
    /* Initials: a word used in more contexts first — 托位 in two, 态文 (生态文明) and
     * 体为 (主体为) in one each — then by how many sections hold them. */
    assert_string_equal(find("tw", 8), "托位 态文 体为");
    assert_string_equal(find("tw", 2), "托位 态文");
    /* Every reading of a polyphonic character. */
    assert_string_equal(find("yinhang", 8), "银行");
    /* Both free (PINYIN_FREE contexts or more, 兴东 as the start of many names): by
     * sections. */
    assert_string_equal(find("xingdong", 8), "行动 兴东");
    assert_string_equal(find("zhongdian", 8), "重点");
    assert_string_equal(find("chongjian", 8), "重建");
    assert_string_equal(find("xd", 8), "行动 兴东");
    assert_string_equal(find("hd", 8), "行动");
    assert_string_equal(find("gdp", 8), "");
}

static void test_single_and_full_first(void **state)
{
    (void)state;
    /* One whole syllable: characters. */
    assert_string_equal(find("tuo", 8), "拓 托 妥 税");     /* 税 tuō is classical */
    /* Whole syllables before rare readings (省 xiǎn is classical) and before initials. */
    assert_string_equal(find("xian", 8), "现 先 西安 省");
    /* An initial alone is not a word. */
    assert_string_equal(find("t", 8), "");
}

static void test_chains(void **state)
{
    (void)state;
    checks = 0;
    assert_string_equal(find("szhgg", 8), "数字化改革");
    /* 数字化公共 is never checked: its rarest pair, 化公, is in 2 sections, fewer than one
     * in PINYIN_SHARE of 数字化改革's 18 (化改). */
    assert_int_equal(checks, 1);
    assert_string_equal(find("shuzihuagaige", 8), "数字化改革");
    assert_string_equal(find("shuzhgg", 8), "数字化改革");
    /* Chains of pairs that follow each other, best estimate first: 数字 字化 化改 holds
     * more than 数字 字化 化工; 数字化公 is in no document. */
    assert_string_equal(find("szhg", 8), "数字化改 数字化工");
    /* A longer phrase of the list is found whole, and no chain as long is checked. */
    checks = 0;
    assert_string_equal(find("rjdqsczz", 8), "人均地区生产总值");
    assert_int_equal(checks, 0);
    assert_string_equal(find("renjundiqushengchanzongzhi", 8), "人均地区生产总值");
}

/* With no contexts known (a database from before them), by sections alone. */
static void test_without_contexts(void **state)
{
    (void)state;
    struct pinyin_words *o;
    struct pinyin_key k;
    struct pinyin_candidate c[4];
    assert_int_equal(pinyin_words_new(&o), 0);
    for (size_t i = 0; i < sizeof terms / sizeof *terms; i++)
        assert_int_equal(pinyin_words_add(o, terms[i].w, strlen(terms[i].w), terms[i].n, 0), 0);
    assert_int_equal(pinyin_words_finish(o), 0);
    assert_int_equal(pinyin_key_parse("tw", 2, &k), 1);
    assert_int_equal(pinyin_words_find(o, &k, exists, NULL, c, 4), 3);
    assert_string_equal(c[0].s, "态文");
    assert_string_equal(c[1].s, "体为");
    assert_string_equal(c[2].s, "托位");
    pinyin_words_free(&o);
}

static void test_empty_list(void **state)
{
    (void)state;
    struct pinyin_words *e;
    struct pinyin_key k;
    struct pinyin_candidate c[4];
    assert_int_equal(pinyin_words_new(&e), 0);
    assert_int_equal(pinyin_words_finish(e), 0);
    assert_int_equal(pinyin_key_parse("tw", 2, &k), 1);
    assert_int_equal(pinyin_words_find(e, &k, exists, NULL, c, 4), 0);
    pinyin_words_free(&e);
    assert_null(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_two_characters),
        cmocka_unit_test(test_single_and_full_first),
        cmocka_unit_test(test_chains),
        cmocka_unit_test(test_without_contexts),
        cmocka_unit_test(test_empty_list),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
