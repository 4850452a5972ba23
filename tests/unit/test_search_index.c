/* The index's indexing pass (search_index.c): what it reads of each section is the view
 * search_text's content, in a database of either encoding, and the word list it counts
 * (search_word) is fts5vocab's; search_terms.c's count alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/search.h"
#include "../../src/core/search_terms.h"

/* Sections 1 … 6 and their paragraphs (NULL text, empty text, none at all, a title only,
 * nothing: not indexed), Latin words at a paragraph's end and the next one's start. */
static const char schema[] =
    "CREATE TABLE doc(id INTEGER PRIMARY KEY, slug TEXT, region TEXT);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE node(id INTEGER PRIMARY KEY, doc_id INTEGER, parent_id INTEGER,"
    " seq INTEGER, kind TEXT, path TEXT, title TEXT, text TEXT);"
    "CREATE INDEX node_parent ON node(parent_id, seq);"
    "INSERT INTO doc VALUES(1, 'a-plan', '舟山市');"
    "INSERT INTO node VALUES(1, 1, NULL, 0, 'chapter', '1', '发展目标', NULL),"
    " (2, 1, NULL, 1, 'item', '1.1', '托育服务', NULL),"
    " (3, 1, NULL, 2, 'item', '1.2', NULL, NULL),"
    " (4, 1, NULL, 3, 'item', '1.3', '只有标题', NULL),"
    " (5, 1, NULL, 4, 'item', '1.4', '', NULL),"
    " (6, 1, NULL, 5, 'item', '1.5', '醫保', NULL),"
    /* out of seq order by id: the text follows seq */
    " (101, 1, 1, 2, 'paragraph', NULL, NULL, '城市PM2.5浓度下降abc'),"
    " (100, 1, 1, 1, 'paragraph', NULL, NULL, '每千人口拥有托位数4.5个'),"
    " (102, 1, 1, 3, 'paragraph', NULL, NULL, NULL),"
    " (103, 1, 1, 4, 'paragraph', NULL, NULL, 'def托位'),"
    " (104, 1, 1, 5, 'paragraph', NULL, NULL, ''),"
    " (105, 1, 1, 6, 'paragraph', NULL, NULL, '养老'),"
    " (110, 1, 2, 1, 'paragraph', NULL, NULL, '发展普惠托育服务,增加托位供给。'),"
    " (120, 1, 3, 1, 'paragraph', NULL, NULL, '完善养老服务'),"
    " (150, 1, 5, 1, 'paragraph', NULL, NULL, ''),"
    " (160, 1, 6, 1, 'paragraph', NULL, NULL, '深化醫保數位化轉型');";

static sqlite3 *make(const char *encoding)
{
    sqlite3 *db;
    struct err e = {{0}};
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA encoding='%s'", encoding);
    void *ctx = search_hooks.ctx;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(search_hooks.on_open(ctx, db, &e), 0);
    assert_int_equal(sqlite3_exec(db, schema, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(search_hooks.on_create(ctx, db, &e), 0);
    if (search_hooks.on_commit(ctx, db, &e))
        fail_msg("%s", e.msg);
    return db;
}

static int64_t count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The view's rows indexed again the plain way, into a table of the same shape: its terms
 * at each position of each row and column, against the index's, the number that differ. */
static int64_t differences(sqlite3 *db)
{
    assert_int_equal(sqlite3_exec(db,
        "DROP TABLE IF EXISTS temp.again; DROP TABLE IF EXISTS temp.vi;"
        "DROP TABLE IF EXISTS temp.va;"
        "CREATE VIRTUAL TABLE temp.again USING fts5(text, title, tokenize='gongfu');"
        "INSERT INTO temp.again(rowid, text, title) SELECT id, text, title FROM search_text"
        "  WHERE text <> '' OR title <> '';"
        "CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, search_fts, instance);"
        "CREATE VIRTUAL TABLE temp.va USING fts5vocab(temp, again, instance);",
        NULL, NULL, NULL), SQLITE_OK);
    return count(db, "SELECT count(*) FROM (SELECT * FROM temp.vi EXCEPT SELECT * FROM "
                 "temp.va UNION ALL SELECT * FROM temp.va EXCEPT SELECT * FROM temp.vi)");
}

static void check_index(const char *encoding)
{
    sqlite3 *db = make(encoding);
    assert_int_equal(differences(db), 0);
    assert_true(count(db, "SELECT count(*) FROM temp.vi") > 60);
    /* Sections 1, 2, 3, 4 and 6, not 5 (nothing to index): five lengths of 12 bytes. */
    assert_int_equal(count(db, "SELECT length(lengths) FROM search_lengths"), 5 * 12);
    /* A line end between two paragraphs: abc and def are two words. */
    assert_int_equal(count(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'abc'"), 1);
    assert_int_equal(count(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'abcdef'"), 0);
    /* Every term of the index with its sections, and no other. */
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, "
                                  "search_fts, row)", NULL, NULL, NULL), SQLITE_OK);
    int64_t terms = count(db, "SELECT count(*) FROM temp.v");
    assert_true(terms > 40);
    assert_int_equal(count(db, "SELECT count(*) FROM search_word"), terms);
    assert_int_equal(count(db, "SELECT count(*) FROM search_word w JOIN temp.v v ON "
                           "v.term = w.word AND v.doc = w.sections"), terms);
    assert_int_equal(count(db, "SELECT sections FROM search_word WHERE word = '托位'"), 2);
    assert_int_equal(count(db, "SELECT sections FROM search_word WHERE word = '医保'"), 1);
    /* The comparison can fail: a paragraph changed under the index is found out. */
    assert_int_equal(sqlite3_exec(db, "UPDATE node SET text = '别的' WHERE id = 105", NULL,
                                  NULL, NULL), SQLITE_OK);
    assert_true(differences(db) > 0);
    sqlite3_close(db);
}

static void test_index_utf16(void **state)
{
    (void)state;
    check_index("UTF-16be");
}

static void test_index_utf8(void **state)
{
    (void)state;
    check_index("UTF-8");
}

struct seen {
    char terms[64][16];
    int64_t sections[64];
    int n;
};

static int collect(void *ctx, const char *term, size_t n, int64_t sections)
{
    struct seen *s = ctx;
    assert_true(s->n < 64 && n < 16);
    memcpy(s->terms[s->n], term, n);
    s->terms[s->n][n] = '\0';
    s->sections[s->n++] = sections;
    return 0;
}

static void test_terms(void **state)
{
    (void)state;
    struct search_terms *t;
    assert_int_equal(terms_new(&t), 0);
    static const char *const first[] = {"托位", "托", "pm2.5", "托位", "abcdefghij"};
    static const char *const second[] = {"托位", "abcdefghij", "abcdefghik", "a"};
    terms_section(t);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(terms_token(t, first[i], strlen(first[i])), 0);
    terms_section(t);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(terms_token(t, second[i], strlen(second[i])), 0);
    struct seen s = {.n = 0};
    assert_int_equal(terms_each(t, collect, &s), 0);
    /* In byte order, each counted once a section. */
    static const char *const want[] = {"a", "abcdefghij", "abcdefghik", "pm2.5", "托", "托位"};
    static const int64_t sections[] = {1, 2, 1, 1, 1, 2};
    assert_int_equal(s.n, 6);
    for (int i = 0; i < 6; i++) {
        assert_string_equal(s.terms[i], want[i]);
        assert_int_equal(s.sections[i], sections[i]);
    }
    terms_free(&t);
}

static int count_terms(void *ctx, const char *term, size_t n, int64_t sections)
{
    (void)term, (void)n;
    int64_t *c = ctx;
    c[0]++;
    c[1] += sections;
    return 0;
}

/* Past the table's first size: every term kept through the growth. */
static void test_terms_many(void **state)
{
    (void)state;
    struct search_terms *t;
    assert_int_equal(terms_new(&t), 0);
    char buf[32];
    for (int sec = 0; sec < 3; sec++) {
        terms_section(t);
        for (int i = 0; i < 20000; i++) {
            int n = snprintf(buf, sizeof buf, i % 2 ? "w%d" : "longer-word-%d", i);
            assert_int_equal(terms_token(t, buf, (size_t)n), 0);
        }
    }
    int64_t c[2] = {0, 0};
    assert_int_equal(terms_each(t, count_terms, c), 0);
    assert_int_equal(c[0], 20000);
    assert_int_equal(c[1], 60000);
    terms_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_index_utf16),
        cmocka_unit_test(test_index_utf8),
        cmocka_unit_test(test_terms),
        cmocka_unit_test(test_terms_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
