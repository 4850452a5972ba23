/* The search module through its store hooks on a small database made here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/search.h"
#include "search_db.h"

static sqlite3 *db;
static struct search *se;
static char vocab_path[] = "/tmp/gongfu-test-vocab-XXXXXX";

static const struct search_db_section secs[] = {
    {10, 1, "chapter", "1", "全面落实发展目标",
     "——公共服务优质共享。每千人口拥有3岁以下婴幼儿托位数4.5个。\n城市PM2.5平均浓度下降。"},
    {11, 1, "item", "4.15", "促进人口长期均衡发展", "发展普惠托育服务,增加托位供给。"},
    {12, 1, "item", "4.20", "构建幸福养老服务体系", "完善养老服务,发展养老护理。"},
    {20, 2, "item", "5.15", "打造全民安心醫保城市", "深化醫保數位化轉型,推動醫保移動支付。"},
    {21, 2, "item", "5.16", "構建育兒養老優質服務體系", "每千人口擁有嬰幼兒照護設施托位數達到4.5張。"},
    {22, 2, "chapter", "9", "推進治理", ""},
};

static int setup(void **state)
{
    (void)state;
    return search_db_open(&db, &se, secs, sizeof secs / sizeof *secs, vocab_path, "数字化\t數位化\n网格\t格線\n");
}

static int teardown(void **state)
{
    (void)state;
    search_db_close(&db, &se, vocab_path);
    return 0;
}

static size_t run(const char *q, const struct search_opts *o, const struct search_hit **h)
{
    size_t n;
    struct err e = {{0}};
    if (search_run(se, q, o, h, &n, &e))
        fail_msg("%s: %s", q, e.msg);
    return n;
}

/* The text of span i of a hit, as a string. */
static const char *spantext(const char *text, const struct search_span *sp)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(sp->end - sp->start), text + sp->start);
    return buf;
}

static void test_spans_and_snippet(void **state)
{
    (void)state;
    const struct search_hit *h;
    assert_int_equal(run("托位", NULL, &h), 3);
    for (size_t i = 0; i < 3; i++) {
        assert_true(h[i].nspans >= 1);
        assert_string_equal(spantext(h[i].text, &h[i].spans[0]), "托位");
        assert_true(h[i].nsnippet_spans >= 1);
        assert_string_equal(spantext(h[i].snippet, &h[i].snippet_spans[0]), "托位");
    }
    /* A Traditional hit is marked in the text as written, in text and title. */
    assert_int_equal(run("医保", NULL, &h), 1);
    assert_string_equal(h[0].slug, "jinhua-plan");
    assert_string_equal(h[0].region, "金华市");
    assert_string_equal(h[0].path, "5.15");
    assert_string_equal(h[0].kind, "item");
    assert_int_equal(h[0].nspans, 2);
    assert_int_equal(h[0].spans[0].start, 6);   /* after 深化 */
    assert_string_equal(spantext(h[0].text, &h[0].spans[1]), "醫保");
    assert_int_equal(h[0].ntitle_spans, 1);
    assert_string_equal(spantext(h[0].title, &h[0].title_spans[0]), "醫保");
    /* The newline between paragraphs is a space in the snippet. */
    assert_int_equal(run("PM2.5", NULL, &h), 1);
    assert_null(strchr(h[0].snippet, '\n'));
    assert_string_equal(spantext(h[0].snippet, &h[0].snippet_spans[0]), "PM2.5");
}

static void test_long_text_snippet(void **state)
{
    (void)state;
    const struct search_hit *h;
    struct search_opts o = {.snippet_chars = 8};
    assert_int_equal(run("托位", &o, &h), 3);
    for (size_t i = 0; i < 3; i++) {
        const char *s = h[i].snippet;
        assert_true(strlen(s) < strlen(h[i].text));
        assert_memory_equal(s, "…", 3);   /* every 托位 is far from the start */
        assert_string_equal(spantext(s, &h[i].snippet_spans[0]), "托位");
    }
}

static void test_rank_and_filters(void **state)
{
    (void)state;
    const struct search_hit *h;
    /* 养老 in the title and twice in the text ranks above 養老 in a title only. */
    assert_int_equal(run("养老", NULL, &h), 2);
    assert_string_equal(h[0].path, "4.20");
    assert_true(h[0].rank <= h[1].rank);
    struct search_opts o = {.region = "舟山"};
    assert_int_equal(run("托位", &o, &h), 2);
    o = (struct search_opts){.region = "金华市"};
    assert_int_equal(run("托位", &o, &h), 1);
    o = (struct search_opts){.doc = "zhoushan-plan", .limit = 1};
    assert_int_equal(run("托位", &o, &h), 1);
    assert_string_equal(h[0].slug, "zhoushan-plan");
    o = (struct search_opts){.region = "台州市"};
    assert_int_equal(run("托位", &o, &h), 0);
}

static void test_vocabulary_and_folding(void **state)
{
    (void)state;
    const struct search_hit *h;
    assert_int_equal(run("数字化", NULL, &h), 1);
    assert_string_equal(spantext(h[0].text, &h[0].spans[0]), "數位化");
    assert_int_equal(run("醫保 -移动", NULL, &h), 0);
    assert_int_equal(run("治理", NULL, &h), 1);   /* a chapter with a title only */
    assert_int_equal(h[0].nspans, 0);
    assert_string_equal(h[0].snippet, "");
}

/* The ranking is FTS5's bm25 (weights 2, 1): the same order as bm25() on a table that
 * keeps its own lengths. */
static void test_same_order_as_bm25(void **state)
{
    (void)state;
    struct err e = {{0}};
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE ref USING fts5(title, text, "
                                  "tokenize='gongfu');", NULL, NULL, NULL), SQLITE_OK);
    for (size_t i = 0; i < sizeof secs / sizeof *secs; i++) {
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "INSERT INTO ref(rowid, title, text) VALUES(?, ?, ?)", -1, &st,
                           NULL);
        sqlite3_bind_int64(st, 1, secs[i].id);
        sqlite3_bind_text(st, 2, secs[i].title, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, secs[i].text, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
    }
    const char *qs[][2] = {
        {"托位", "\"托位\""}, {"发展", "\"发展\""}, {"养老", "\"养老\""},
        {"托位 OR 养老", "\"托位\" OR \"养老\""}, {"服务 OR 发展", "\"服务\" OR \"发展\""},
        {"4.5 OR 每千人口", "\"4.5\" OR \"每千\" + \"千人\" + \"人口\""},
    };
    for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
        const struct search_hit *h;
        size_t n = run(qs[k][0], NULL, &h);
        sqlite3_stmt *st;
        sqlite3_prepare_v2(db, "SELECT rowid FROM ref WHERE ref MATCH ? "
                           "ORDER BY bm25(ref, 2.0, 1.0), rowid", -1, &st, NULL);
        sqlite3_bind_text(st, 1, qs[k][1], -1, SQLITE_STATIC);
        size_t i = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            assert_true(i < n);
            if (h[i].node_id != sqlite3_column_int64(st, 0))
                fail_msg("%s: hit %zu is %lld, bm25 says %lld", qs[k][0], i,
                         (long long)h[i].node_id, sqlite3_column_int64(st, 0));
            i++;
        }
        assert_int_equal(i, n);
        assert_true(n >= 2);
        sqlite3_finalize(st);
    }
    (void)e;
}

static void test_empty_queries(void **state)
{
    (void)state;
    const struct search_hit *h;
    const char *qs[] = {"", "   ", "，。", "-托位", "\"", "NEAR(", "*"};
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++)
        assert_int_equal(run(qs[i], NULL, &h), 0);
    assert_int_equal(run(NULL, NULL, &h), 0);
}

static void test_highlight_any_text(void **state)
{
    (void)state;
    const struct search_hit *h;
    const struct search_span *sp;
    size_t n;
    run("托位 OR 养老", NULL, &h);
    const char *t = "养老托位,托 位,托,位,養老";
    assert_int_equal(search_highlight(se, t, strlen(t), &sp, &n), 0);
    /* 养老托位 is one span; a space inside a word is not a break, a comma is. */
    assert_int_equal(n, 3);
    assert_int_equal(sp[0].start, 0);
    assert_int_equal(sp[0].end, 12);
    assert_string_equal(spantext(t, &sp[1]), "托 位");
    assert_string_equal(spantext(t, &sp[2]), "養老");
}

static void test_delete_doc(void **state)
{
    (void)state;
    const struct search_hit *h;
    struct err e = {{0}};
    assert_int_equal(search_hooks.on_delete_doc(search_hooks.ctx, db, 2, &e), 0);
    assert_int_equal(run("托位", NULL, &h), 2);
    assert_int_equal(run("医保", NULL, &h), 0);
}

static void test_open_errors(void **state)
{
    (void)state;
    sqlite3 *other;
    struct search *s = NULL;
    struct err e = {{0}};
    assert_int_equal(sqlite3_open(":memory:", &other), SQLITE_OK);
    assert_int_equal(search_open(other, NULL, &s, &e), -1);
    assert_non_null(strstr(e.msg, "no search index"));
    assert_null(s);
    memset(&e, 0, sizeof e);
    assert_int_equal(search_open(db, "/nonexistent/vocab.tsv", &s, &e), -1);
    assert_non_null(strstr(e.msg, "/nonexistent/vocab.tsv"));
    sqlite3_close(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spans_and_snippet), cmocka_unit_test(test_long_text_snippet),
        cmocka_unit_test(test_rank_and_filters),  cmocka_unit_test(test_vocabulary_and_folding),
        cmocka_unit_test(test_same_order_as_bm25), cmocka_unit_test(test_empty_queries),
        cmocka_unit_test(test_highlight_any_text),
        cmocka_unit_test(test_delete_doc),        cmocka_unit_test(test_open_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
