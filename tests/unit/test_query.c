/* The query parser: every operator, every character FTS5 gives a meaning, vocabulary. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "gongfu/query.h"
#include "gongfu/tokenizer.h"

static struct vocab *voc;
static sqlite3 *db;

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    const char *tsv = "# comment\n"
                      "数字化\t數位化\tissue 3\n"
                      "优化\t最佳化\n"
                      "\n"
                      "网格\t格線\r\n";
    if (vocab_parse(tsv, strlen(tsv), &voc, &e))
        return -1;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || tokenizer_register(db, &e))
        return -1;
    return sqlite3_exec(db,
        "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='gongfu');"
        "INSERT INTO t(rowid, title, text) VALUES"
        " (1, '养老', '完善养老服务体系'),"
        " (2, '护理', '发展养老护理'),"
        " (3, '', '共同富裕示范区 2035年'),"
        " (4, '', '深化數位化改革,最佳化營商環境'),"
        " (5, '', 'PM2.5浓度 R&D投入'),"
        " (6, '', '共同 2035 富裕');", NULL, NULL, NULL);
}

static int teardown(void **state)
{
    (void)state;
    vocab_free(&voc);
    sqlite3_close(db);
    return 0;
}

/* The FTS5 expression for text ("" when nothing can match). */
static const char *fts(const char *text)
{
    static char buf[4096];
    struct query *q;
    struct err e = {{0}};
    assert_int_equal(query_parse(text, voc, &q, &e), 0);
    snprintf(buf, sizeof buf, "%s", q->fts ? q->fts : "");
    query_free(&q);
    return buf;
}

/* The rowids the query matches, as "1 2 3"; "" when none. Fails on any SQL error. */
static const char *hits(const char *text)
{
    static char buf[256];
    struct query *q;
    struct err e = {{0}};
    buf[0] = 0;
    assert_int_equal(query_parse(text, voc, &q, &e), 0);
    if (q->fts) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ? "
                                            "ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, q->fts, -1, SQLITE_STATIC);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld",
                     buf[0] ? " " : "", sqlite3_column_int64(st, 0));
        if (rc != SQLITE_DONE)
            fail_msg("%s: %s (for %s)", text, sqlite3_errmsg(db), q->fts);
        sqlite3_finalize(st);
    }
    query_free(&q);
    return buf;
}

static void test_words_and_or(void **state)
{
    (void)state;
    assert_string_equal(fts("托位"), "((\"托位\"))");
    assert_string_equal(fts("托"), "((\"托\"))");
    assert_string_equal(fts("托位数"), "((\"托位\" + \"位数\"))");
    assert_string_equal(fts("托位 养老"), "((\"托位\") AND (\"养老\"))");
    assert_string_equal(fts("托位 OR 托育 养老"),
                        "((\"托位\" OR \"托育\") AND (\"养老\"))");
    assert_string_equal(fts("托位 AND 养老"), "((\"托位\") AND (\"养老\"))");
    /* Lower-case "or" is a word. */
    assert_string_equal(fts("a or b"), "((\"a\") AND (\"or\") AND (\"b\"))");
    assert_string_equal(hits("养老"), "1 2");
    assert_string_equal(hits("养老 护理"), "2");
    assert_string_equal(hits("护理 OR 示范区"), "2 3");
}

static void test_exclude(void **state)
{
    (void)state;
    assert_string_equal(fts("养老 -护理"), "((\"养老\")) NOT (\"护理\")");
    assert_string_equal(fts("养老 NOT 护理 -服务"),
                        "((\"养老\")) NOT (\"护理\" OR \"服务\")");
    assert_string_equal(hits("养老 -护理"), "1");
    assert_string_equal(hits("养老 －护理"), "1");
    /* Only exclusions: nothing can match. */
    assert_string_equal(fts("-护理"), "");
    /* A lone or doubled minus is punctuation. */
    assert_string_equal(hits("养老 -"), "1 2");
    assert_string_equal(hits("养老 --护理"), "2");
    assert_string_equal(hits("2035-护理"), "");
}

static void test_phrases(void **state)
{
    (void)state;
    assert_string_equal(fts("\"共同富裕\" 2035"),
                        "((\"共同\" + \"同富\" + \"富裕\") AND (\"2035\"))");
    assert_string_equal(hits("\"共同富裕\" 2035"), "3");
    assert_string_equal(hits("“共同富裕” 2035"), "3");
    assert_string_equal(hits("「共同富裕」"), "3");
    assert_string_equal(hits("\"2035 富裕\""), "6");
    assert_string_equal(hits("\"共同 富裕\""), "3");
    /* An unclosed quote runs to the end. */
    assert_string_equal(hits("\"共同富裕"), "3");
    assert_string_equal(hits("-\"养老护理\" 养老"), "1");
}

static void test_parts(void **state)
{
    (void)state;
    /* Punctuation inside a word splits it into parts that must all appear... */
    assert_string_equal(fts("托位、养老"), "(((\"托位\" AND \"养老\")))");
    assert_string_equal(hits("养老、体系"), "1");
    /* ... letters, digits and CJK written together stay one phrase. */
    assert_string_equal(fts("PM2.5浓度"), "((\"pm2.5\" + \"浓度\"))");
    assert_string_equal(hits("PM2.5"), "5");
    assert_string_equal(hits("ｐｍ２．５"), "5");
    assert_string_equal(hits("R&D"), "5");
    assert_string_equal(hits("2035"), "3 6");
}

static void test_dangerous_characters(void **state)
{
    (void)state;
    const char *evil[] = {
        "\"", "\"\"", "\"\"\"", "*", "养老*", "(", ")", "(养老", "养老)", ":", "text:养老",
        "title:护理", "^养老", "NEAR", "NEAR(养老 护理)", "养老 NEAR 护理", "AND", "OR", "NOT",
        "OR 养老", "养老 OR", "养老 AND", "NOT 养老", "- 养老", "养老 OR -护理", "{title}: 养老",
        "'", "';DROP TABLE t;--", "\\", "养老\"护理", "+", "养老 + 护理", "\x01\x02", "\xFF\xFE",
        "，。！？（）【】", "   ", "", "\t\n", "\xE2\x80\x8B", "a..b", "&&", "...",
    };
    for (size_t i = 0; i < sizeof evil / sizeof evil[0]; i++)
        hits(evil[i]);
    /* The operator-looking text is taken literally where it is a word. */
    assert_string_equal(hits("养老*"), "1 2");
    assert_string_equal(hits("title:护理"), "");     /* "title" is a word here */
    assert_string_equal(hits("护理:"), "2");
    assert_string_equal(hits("(养老"), "1 2");
    assert_string_equal(fts("，。！？"), "");
    assert_string_equal(fts(""), "");
    assert_string_equal(fts("NEAR"), "((\"near\"))");
}

static void test_vocabulary(void **state)
{
    (void)state;
    assert_int_equal(vocab_size(voc), 3);
    assert_string_equal(fts("数字化"), "(((\"数字\" + \"字化\" OR \"数位\" + \"位化\")))");
    assert_string_equal(hits("数字化改革"), "4");
    assert_string_equal(hits("數位化改革"), "4");
    assert_string_equal(hits("优化营商环境"), "4");
    assert_string_equal(hits("優化"), "4");
    /* Excluded words are widened too. */
    assert_string_equal(hits("改革 -优化"), "");
    struct vocab *bad = NULL;
    struct err e = {{0}};
    assert_int_equal(vocab_parse("数字化 數位化\n", 20, &bad, &e), -1);
    assert_non_null(strstr(e.msg, "line 1"));
    assert_null(bad);
}

static void test_highlight_phrases(void **state)
{
    (void)state;
    struct query *q;
    struct err e = {{0}};
    assert_int_equal(query_parse("托位数 托位数 -护理 OR 优化", voc, &q, &e), 0);
    /* 托位数 once, 优化 and its variant; the excluded word is not highlighted. */
    assert_int_equal(q->nphrases, 3);
    assert_int_equal(q->phrases[0].ntok, 2);
    assert_int_equal(q->phrases[0].tok[1].n, 6);
    assert_memory_equal(q->phrases[0].tok[1].s, "位数", 6);
    assert_int_equal(q->phrases[2].ntok, 2);   /* 最佳 佳化 */
    query_free(&q);
}

static void test_limits(void **state)
{
    (void)state;
    /* 10,000 characters: one long word, many words, many parts. */
    size_t n = 10000;
    char *big = malloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + i * 3, i % 2 ? "位" : "托", 3);
    big[n * 3] = 0;
    assert_string_equal(hits(big), "");
    for (size_t i = 0; i < n; i++)
        big[i] = i % 2 ? ' ' : 'a' + (char)(i % 26);
    big[n] = 0;
    struct query *q;
    struct err e = {{0}};
    assert_int_equal(query_parse(big, voc, &q, &e), 0);
    assert_int_equal(q->nterms, QUERY_MAX_TERMS);
    assert_true(q->truncated);
    query_free(&q);
    hits(big);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 2 ? ',' : 'a';
    big[n] = 0;
    hits(big);
    memset(big, '"', n);
    hits(big);
    memset(big, '(', n);
    hits(big);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_and_or),  cmocka_unit_test(test_exclude),
        cmocka_unit_test(test_phrases),       cmocka_unit_test(test_parts),
        cmocka_unit_test(test_dangerous_characters), cmocka_unit_test(test_vocabulary),
        cmocka_unit_test(test_highlight_phrases), cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
