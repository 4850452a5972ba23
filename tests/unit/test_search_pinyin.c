/* Search by pinyin through the search module's hooks, on a small database made here: the
 * word list rebuilt at commit, the reading rules (not found as written, found too rarely,
 * forced, off), polyphonic characters, vocabulary variants, an older database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/query.h"
#include "gongfu/search.h"
#include "search_db.h"

static sqlite3 *db;
static struct search *se;
static char vocab_path[] = "/tmp/gongfu-test-vocab-XXXXXX";

static const struct search_db_section secs[] = {
    {10, 1, "item", "10", "", "每千人口拥有3岁以下婴幼儿托位数4.5个。"},
    {11, 1, "item", "11", "", "发展普惠托育服务,增加托位供给。"},
    {12, 1, "item", "12", "", "深化数字化改革,推进数字政府建设。"},
    {13, 1, "item", "13", "", "深化两山银行试点。"},
    {14, 1, "item", "14", "", "实施碳达峰行动方案。"},
    {15, 1, "item", "15", "", "突出重点领域。"},
    {16, 1, "item", "16", "", "拆除重建老旧小区。"},
    {17, 1, "item", "17", "", "R&D经费支出占GDP比重。"},
    {18, 1, "item", "18", "", "简称TW。"},
    {20, 2, "item", "20", "", "深化數位化改革,推動醫保移動支付。"},
    {21, 2, "item", "21", "", "建设生态文明。"},
    {22, 2, "item", "22", "", "生态文明建设。"},
    {23, 2, "item", "23", "", "推进生态文明。"},
    {24, 2, "item", "24", "", "生态文明示范。"},
    {25, 2, "item", "25", "", "生态文明先行。"},
    {26, 2, "item", "26", "", "弘扬生态文明。"},
    {27, 2, "item", "27", "", "生态文明制度。"},
    {28, 2, "item", "28", "", "生态文明高地。"},
    {29, 2, "item", "29", "", "共建生态文明。"},
};

static int setup(void **state)
{
    (void)state;
    return search_db_open(&db, &se, secs, sizeof secs / sizeof *secs, vocab_path, "数字化\t數位化\n");
}

static int teardown(void **state)
{
    (void)state;
    search_db_close(&db, &se, vocab_path);
    return 0;
}

/* The node ids of the hits, sorted, as "10 11". */
static const char *hit_ids(const char *q, const struct search_opts *o)
{
    static char buf[512];
    const struct search_hit *h;
    size_t n;
    struct err e = {{0}};
    if (search_run(se, q, o, &h, &n, &e))
        fail_msg("%s: %s", q, e.msg);
    int64_t v[64];
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        for (; j > 0 && v[j - 1] > h[i].node_id; j--)
            v[j] = v[j - 1];
        v[j] = h[i].node_id;
    }
    buf[0] = 0;
    for (size_t i = 0; i < n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld", i ? " " : "",
                 (long long)v[i]);
    return buf;
}

/* The same with the pinyin option mode. */
static const char *ids(const char *q, enum search_pinyin_mode mode)
{
    struct search_opts o = {.pinyin = mode};
    return hit_ids(q, &o);
}

/* What the last query's pinyin words became: "typed=w1,w2[+]" joined by "; " (+: also
 * as written). */
static const char *readings(void)
{
    static char buf[512];
    const struct query_pinyin *p;
    size_t n = search_pinyin(se, &p);
    buf[0] = 0;
    for (size_t i = 0; i < n; i++) {
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s=", i ? "; " : "",
                 p[i].typed);
        for (size_t k = 0; k < p[i].nwords; k++)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s%s", k ? "," : "",
                     (long)k == p[i].chosen ? "*" : "", p[i].words[k]);
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s", p[i].literal ? "+" : "");
    }
    return buf;
}

static void test_syllables_and_initials(void **state)
{
    (void)state;
    assert_string_equal(ids("托位", SEARCH_PINYIN_AUTO), "10 11");
    assert_string_equal(ids("tuowei", SEARCH_PINYIN_AUTO), "10 11");
    assert_string_equal(readings(), "tuowei=托位");
    assert_string_equal(ids("tuo'wei", SEARCH_PINYIN_AUTO), "10 11");
    assert_string_equal(ids("tuo1wei4", SEARCH_PINYIN_AUTO), "10 11");
    assert_string_equal(ids("tuo wei", SEARCH_PINYIN_AUTO), "10 11");
    assert_string_equal(readings(), "tuo wei=托位");
    assert_string_equal(ids("TUOWEI", SEARCH_PINYIN_AUTO), "10 11");
    /* The hit is marked where 托位 is written. */
    const struct search_hit *h;
    size_t n;
    struct err e = {{0}};
    assert_int_equal(search_run(se, "tuowei", NULL, &h, &n, &e), 0);
    assert_int_equal(n, 2);
    assert_int_equal(h[0].nspans, 1);
    assert_int_equal(h[0].spans[0].end - h[0].spans[0].start, strlen("托位"));
    assert_memory_equal(h[0].text + h[0].spans[0].start, "托位", strlen("托位"));
    /* With other words, and excluded. */
    assert_string_equal(ids("tuowei 供给", SEARCH_PINYIN_AUTO), "11");
    assert_string_equal(ids("托位 -gongji", SEARCH_PINYIN_AUTO), "10");
    /* A quoted word is as written. */
    assert_string_equal(ids("\"tuowei\"", SEARCH_PINYIN_AUTO), "");
}

static void test_longer_words_and_folding(void **state)
{
    (void)state;
    /* 数字化改革, and 數位化改革 through the vocabulary and folding. */
    assert_string_equal(ids("szhgg", SEARCH_PINYIN_AUTO), "12 20");
    assert_string_equal(readings(), "szhgg=数字化改革");
    assert_string_equal(ids("shuzihuagaige", SEARCH_PINYIN_AUTO), "12 20");
    assert_string_equal(ids("shu zi hua gai ge", SEARCH_PINYIN_AUTO), "12 20");
}

static void test_polyphonic(void **state)
{
    (void)state;
    assert_string_equal(ids("yinhang", SEARCH_PINYIN_AUTO), "13");     /* 行 háng */
    assert_string_equal(ids("xingdong", SEARCH_PINYIN_AUTO), "14");    /* 行 xíng */
    assert_string_equal(ids("zhongdian", SEARCH_PINYIN_AUTO), "15");   /* 重 zhòng */
    assert_string_equal(ids("chongjian", SEARCH_PINYIN_AUTO), "16");   /* 重 chóng */
}

static void test_latin_as_written(void **state)
{
    (void)state;
    /* Found as written: not read as pinyin. */
    assert_string_equal(ids("gdp", SEARCH_PINYIN_AUTO), "17");
    assert_string_equal(readings(), "");
    assert_string_equal(ids("GDP", SEARCH_PINYIN_AUTO), "17");
    assert_string_equal(ids("pm2.5", SEARCH_PINYIN_AUTO), "");
    /* Found, but in far fewer sections than its readings (托位, then 态文 of 生态文明):
     * both. */
    assert_string_equal(ids("tw", SEARCH_PINYIN_AUTO), "10 11 18 21 22 23 24 25 26 27 28 29");
    assert_string_equal(readings(), "tw=托位,态文+");
    /* Forced: the reading only. Off: as written only. */
    assert_string_equal(ids("tw", SEARCH_PINYIN_FORCE), "10 11 21 22 23 24 25 26 27 28 29");
    assert_string_equal(readings(), "tw=托位,态文");
    assert_string_equal(ids("tw", SEARCH_PINYIN_OFF), "18");
    assert_string_equal(readings(), "");
    assert_string_equal(ids("tuowei", SEARCH_PINYIN_OFF), "");
    /* Forced, with no reading: as written. */
    assert_string_equal(ids("gdp", SEARCH_PINYIN_FORCE), "17");
}

/* The same with one word picked for a pinyin word. */
static const char *picked(const char *q, const char *typed, const char *word)
{
    struct query_choice c = {typed, word};
    struct search_opts o = {.pinyin_choice = &c, .npinyin_choice = 1};
    return hit_ids(q, &o);
}

static void test_picking_a_word(void **state)
{
    (void)state;
    /* tw is 托位 or 态文 (and TW as written); picking 托位 searches it alone. */
    assert_string_equal(picked("tw", "tw", "托位"), "10 11");
    assert_string_equal(readings(), "tw=*托位,态文");
    assert_string_equal(picked("tw 供给", "tw", "托位"), "11");
    /* A pick for another word, or a word it does not become, changes nothing. */
    char all[512];
    snprintf(all, sizeof all, "%s", ids("tw", SEARCH_PINYIN_AUTO));
    assert_string_equal(picked("tw", "tuowei", "托位"), all);
    assert_string_equal(picked("tw", "tw", "数字化改革"), all);
    assert_string_equal(readings(), "tw=托位,态文+");
    /* Syllables read together are picked as typed. */
    assert_string_equal(picked("tuo wei", "tuo wei", "托位"), "10 11");
}

static void test_rebuilt_and_older_database(void **state)
{
    (void)state;
    struct err e = {{0}};
    struct search *s2;
    assert_true(search_has_pinyin(se));
    /* The words follow the index: a document removed, its words go at the commit. */
    assert_int_equal(search_hooks.on_delete_doc(search_hooks.ctx, db, 2, &e), 0);
    /* and its nodes, as the store deletes them after the hook */
    assert_int_equal(sqlite3_exec(db, "DELETE FROM node WHERE doc_id = 2", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(search_hooks.on_commit(search_hooks.ctx, db, &e), 0);
    assert_int_equal(search_open(db, vocab_path, &s2, &e), 0);
    struct search *keep = se;
    se = s2;
    assert_string_equal(ids("tw", SEARCH_PINYIN_AUTO), "18");   /* as written alone now */
    assert_string_equal(ids("tuowei", SEARCH_PINYIN_AUTO), "10 11");
    search_close(&s2);
    /* A database from before the word list: no pinyin, the rest as before. */
    assert_int_equal(sqlite3_exec(db, "DROP TABLE search_word", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(search_open(db, vocab_path, &s2, &e), 0);
    se = s2;
    assert_false(search_has_pinyin(se));
    assert_string_equal(ids("tuowei", SEARCH_PINYIN_AUTO), "");
    assert_string_equal(ids("托位", SEARCH_PINYIN_AUTO), "10 11");
    search_close(&s2);
    se = keep;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syllables_and_initials),
        cmocka_unit_test(test_longer_words_and_folding),
        cmocka_unit_test(test_polyphonic),
        cmocka_unit_test(test_latin_as_written),
        cmocka_unit_test(test_picking_a_word),
        cmocka_unit_test(test_rebuilt_and_older_database),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
