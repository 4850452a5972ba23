/* test_store.c — the store's writing rules: sources are identified by full path and by
 * content, never by base name; slugs are unique without a limit and stay the same when a
 * source is imported again; a database of schema version 1 is read as it is and upgraded
 * by the next import. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "gongfu/store.h"
#include "store_new.h"
#include "../../src/core/store_int.h"

static char dir[] = "/tmp/gongfu-store-XXXXXX";

static struct doc one_doc(const char *slug, const char *text)
{
    struct doc d = { .title = strdup(text), .region = strdup("舟山市"), .level = strdup("city"),
                     .kind = strdup("plan"), .slug = strdup(slug) };
    d.nodes = calloc(2, sizeof *d.nodes);
    d.nnodes = 2;
    d.nodes[0] = (struct node){ .kind = NODE_CHAPTER, .parent = -1, .path = strdup("1"),
                                .title = strdup("目标") };
    d.nodes[1] = (struct node){ .kind = NODE_PARAGRAPH, .parent = 0, .text = strdup(text) };
    return d;
}

/* Imports one source of ndocs documents, all with the given slug; the slugs they got. */
static char **put(struct store *s, const char *name, const char *path, const char *raw,
                  size_t ndocs, const char *slug)
{
    struct doc *docs = calloc(ndocs, sizeof *docs);
    char **slugs = calloc(ndocs + 1, sizeof *slugs);
    struct err e = {{0}};
    for (size_t i = 0; i < ndocs; i++)
        docs[i] = one_doc(slug, raw);
    struct source_file src = { .name = name, .raw = raw, .size = strlen(raw),
                               .encoding = "UTF-8", .path = path };
    if (store_begin(s, &e) || store_put_source(s, &src, docs, ndocs, &e) || store_commit(s, &e))
        fail_msg("import %s: %s", name, e.msg);
    for (size_t i = 0; i < ndocs; i++) {
        slugs[i] = strdup(docs[i].slug);
        doc_free(&docs[i]);
    }
    free(docs);
    return slugs;
}

static void free_slugs(char **v)
{
    for (size_t i = 0; v[i]; i++)
        free(v[i]);
    free(v);
}

/* The documents' slugs, sorted, joined by spaces. */
static char *slugs_of(struct store *s)
{
    static char buf[4096];
    sqlite3_stmt *st;
    buf[0] = '\0';
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT slug FROM doc ORDER BY slug", -1,
                                        &st, NULL), SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW && strlen(buf) < sizeof buf - 200) {
        strcat(buf, buf[0] ? " " : "");
        strcat(buf, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    return buf;
}

/* The same base name in two directories is two sources; the same path again, or the same
 * bytes anywhere, is the same source, whose documents keep their slugs. */
static void test_sources_by_path_and_content(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "identity.db");
    free_slugs(put(s, "plan.txt", "/a/plan.txt", "甲方案", 1, "doc-plan"));
    free_slugs(put(s, "plan.txt", "/b/plan.txt", "乙方案", 1, "doc-plan"));
    assert_string_equal(slugs_of(s), "doc-plan doc-plan-2");
    /* /b/plan.txt changed: its document replaced, its slug kept. */
    free_slugs(put(s, "plan.txt", "/b/plan.txt", "乙方案，修订", 1, "doc-plan"));
    assert_string_equal(slugs_of(s), "doc-plan doc-plan-2");
    /* The first file's bytes, moved elsewhere: the same source. */
    free_slugs(put(s, "moved.txt", "/c/moved.txt", "甲方案", 1, "doc-plan"));
    assert_string_equal(slugs_of(s), "doc-plan doc-plan-2");
    /* Standard input: by content alone. */
    free_slugs(put(s, "-", NULL, "丙方案", 1, "doc-plan"));
    free_slugs(put(s, "-", NULL, "丁方案", 1, "doc-plan"));
    free_slugs(put(s, "-", NULL, "丙方案", 1, "doc-plan"));
    assert_string_equal(slugs_of(s), "doc-plan doc-plan-2 doc-plan-3 doc-plan-4");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM source", -1, &st,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 4);
    sqlite3_finalize(st);
    store_close(&s);
}

/* 10,001 documents of one base slug in one import: each its own slug, the last
 * base-10001 (a limit of 9,999 failed on the UNIQUE constraint); imported again, the
 * same slugs. */
static void test_slugs_without_limit(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "slugs.db");
    char **a = put(s, "many.txt", "/many.txt", "多", 10001, "doc-plan");
    assert_string_equal(a[0], "doc-plan");
    assert_string_equal(a[1], "doc-plan-2");
    assert_string_equal(a[10000], "doc-plan-10001");
    char **b = put(s, "many.txt", "/many.txt", "多，再", 10001, "doc-plan");
    for (size_t i = 0; i < 10001; i++)
        assert_string_equal(a[i], b[i]);
    free_slugs(a), free_slugs(b);
    /* Another source's document takes the next free number. */
    char **c = put(s, "other.txt", "/other.txt", "另", 1, "doc-plan");
    assert_string_equal(c[0], "doc-plan-10002");
    free_slugs(c);
    store_close(&s);
}

/* A file of one plan made as an older gongfu left it: a current file changed by sql. */
static void make_older(const char *name, const char *sql, char *path, size_t cap)
{
    snprintf(path, cap, "%s/%s", dir, name);
    struct store *s = open_new(dir, name);
    free_slugs(put(s, "plan.txt", "/x/plan.txt", "旧方案", 1, "zhoushan-plan"));
    store_close(&s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* A reader of the file sees its one document, from plan.txt. */
static void reads_one_doc(const char *path)
{
    struct err e = {{0}};
    struct store *r;
    assert_int_equal(store_open(path, STORE_READ, &r, &e), 0);
    struct doc_row *rows;
    size_t n;
    assert_int_equal(store_docs(r, &rows, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].source, "plan.txt");
    store_docs_free(&rows, n);
    store_close(&r);
}

/* A version 1 file (source.name UNIQUE, no path): readers read it; an import upgrades it,
 * knowing its sources by base name as version 1 did, and keeps their slugs. */
static void test_version_1_upgraded(void **state)
{
    (void)state;
    char path[300];
    make_older("v1.db",
        "PRAGMA foreign_keys=OFF; BEGIN;"
        "CREATE TABLE source_v1(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sha256 TEXT"
        " NOT NULL, encoding TEXT NOT NULL, size INTEGER NOT NULL, raw BLOB NOT NULL);"
        "INSERT INTO source_v1 SELECT id, name, sha256, encoding, size, CAST('旧方案' AS BLOB)"
        " FROM source;"
        "DROP TABLE source; ALTER TABLE source_v1 RENAME TO source;"
        "UPDATE meta SET value = '1' WHERE key = 'schema_version'; COMMIT;", path, sizeof path);
    reads_one_doc(path);
    struct err e = {{0}};
    struct store *s;
    assert_int_equal(store_open(path, STORE_WRITE, &s, &e), 0);
    free_slugs(put(s, "plan.txt", "/y/plan.txt", "新方案", 1, "zhoushan-plan"));
    assert_string_equal(slugs_of(s), "zhoushan-plan");
    free_slugs(put(s, "plan.txt", "/z/plan.txt", "又一方案", 1, "zhoushan-plan"));
    assert_string_equal(slugs_of(s), "zhoushan-plan zhoushan-plan-2");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT value FROM meta WHERE key = "
                                        "'schema_version'", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "3");
    sqlite3_finalize(st);
    store_close(&s);
}

/* A version 2 file (the file's bytes kept in source.raw): readers read it; an import makes
 * it version 3, whose sources keep no bytes, and the space they took is given back. */
static void test_version_2_upgraded(void **state)
{
    (void)state;
    char path[300];
    make_older("v2.db",
        "ALTER TABLE source ADD COLUMN raw BLOB NOT NULL DEFAULT x'';"
        "UPDATE source SET raw = zeroblob(2000000);"
        "UPDATE meta SET value = '2' WHERE key = 'schema_version';", path, sizeof path);
    struct stat before;
    assert_int_equal(stat(path, &before), 0);
    reads_one_doc(path);
    struct err e = {{0}};
    struct store *s;
    assert_int_equal(store_open(path, STORE_WRITE, &s, &e), 0);
    free_slugs(put(s, "plan.txt", "/x/plan.txt", "新方案", 1, "zhoushan-plan"));
    assert_string_equal(slugs_of(s), "zhoushan-plan");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT (SELECT value FROM meta WHERE key ="
                                        " 'schema_version'), (SELECT count(*) FROM "
                                        "pragma_table_info('source') WHERE name = 'raw')", -1,
                                        &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "3");
    assert_int_equal(sqlite3_column_int(st, 1), 0);
    sqlite3_finalize(st);
    store_close(&s);
    struct stat after;
    assert_int_equal(stat(path, &after), 0);
    assert_true(after.st_size < before.st_size / 2);
}

/* A copy of the file at from in UTF-8, the encoding of an earlier gongfu's files: the core
 * tables made again and their rows copied (a copy of the pages would keep UTF-16). */
static void copy_as_utf8(const char *from, const char *to)
{
    sqlite3 *src, *dst;
    sqlite3_stmt *tables, *rows, *ins;
    assert_int_equal(sqlite3_open(from, &src), SQLITE_OK);
    assert_int_equal(sqlite3_open(to, &dst), SQLITE_OK);
    assert_int_equal(sqlite3_exec(dst, "PRAGMA encoding='UTF-8'; BEGIN", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(src, "SELECT name, sql FROM sqlite_master WHERE sql"
                                        " IS NOT NULL ORDER BY type = 'index'", -1, &tables,
                                        NULL), SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        assert_int_equal(sqlite3_exec(dst, (const char *)sqlite3_column_text(tables, 1), NULL,
                                      NULL, NULL), SQLITE_OK);
        char sql[1024];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
        if (sqlite3_prepare_v2(src, sql, -1, &rows, NULL) != SQLITE_OK)
            continue;   /* an index */
        int nc = sqlite3_column_count(rows);
        char q[256] = "";
        for (int c = 0; c < nc; c++)
            strcat(q, c ? ",?" : "?");
        snprintf(sql, sizeof sql, "INSERT INTO \"%s\" VALUES(%s)", name, q);
        assert_int_equal(sqlite3_prepare_v2(dst, sql, -1, &ins, NULL), SQLITE_OK);
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < nc; c++)
                sqlite3_bind_value(ins, c + 1, sqlite3_column_value(rows, c));
            assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
            sqlite3_reset(ins);
        }
        sqlite3_finalize(ins);
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    assert_int_equal(sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(src);
    sqlite3_close(dst);
}

static const char *const texts[] = {
    "plain ASCII, 123", "Ünïcödé café ½", "共同富裕示范区，“十四五”时期。",
    "𠀀𪚥 beyond the BMP 😀, then 中文", "① ·—… ～ end",
};

/* A reader gets each section's text back as it was written, byte for byte, from a file
 * in UTF-16BE (the one gongfu writes, read without SQLite's conversion) and from one in
 * UTF-8. */
static void test_text_read_back(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "texts.db");
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char name[32];
        snprintf(name, sizeof name, "/t/%zu.txt", i);
        free_slugs(put(s, name + 3, name, texts[i], 1, "text-plan"));
    }
    store_close(&s);
    char utf16[300], utf8[300];
    snprintf(utf16, sizeof utf16, "%s/texts.db", dir);
    snprintf(utf8, sizeof utf8, "%s/texts-utf8.db", dir);
    copy_as_utf8(utf16, utf8);
    const char *files[] = { utf16, utf8 };
    for (int f = 0; f < 2; f++) {
        struct err e = {{0}};
        struct store *r;
        assert_int_equal(store_open(files[f], STORE_READ, &r, &e), 0);
        struct doc_row *docs;
        size_t nd;
        assert_int_equal(store_docs(r, &docs, &nd, &e), 0);
        assert_int_equal(nd, sizeof texts / sizeof *texts);
        for (size_t d = 0; d < nd; d++) {
            struct node_row *nodes;
            size_t nn;
            assert_int_equal(store_nodes(r, docs[d].id, 1, &nodes, &nn, &e), 0);
            assert_int_equal(nn, 2);
            assert_string_equal(nodes[0].title, "目标");
            assert_string_equal(nodes[0].path, "1");
            assert_null(nodes[0].text);
            assert_null(nodes[1].title);
            assert_string_equal(nodes[1].text, docs[d].title);   /* both were the text */
            size_t k = 0;
            while (k < nd && strcmp(texts[k], nodes[1].text))
                k++;
            assert_true(k < nd);
            store_nodes_free(&nodes, nn);
        }
        store_docs_free(&docs, nd);
        store_close(&r);
    }
}

/* The store's UTF-8 to UTF-16BE is SQLite's for valid text (texts above, every length of
 * sequence); it refuses what is not valid UTF-8, which SQLite is left to translate. */
static void test_utf16_as_sqlite(void **state)
{
    (void)state;
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT ?", -1, &st, NULL), SQLITE_OK);
    unsigned char out[600];
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t n = store_utf8_to_utf16be(texts[i], strlen(texts[i]), out);
        sqlite3_bind_text(st, 1, texts[i], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        sqlite3_value *v = sqlite3_column_value(st, 0);
        const void *want = sqlite3_value_text16be(v);
        assert_int_equal(n, (size_t)sqlite3_value_bytes16(v));
        assert_memory_equal(out, want, n);
        sqlite3_reset(st);
    }
    static const char *const invalid[] = {
        "a\xed\xa0\x80" "b",   /* a surrogate */
        "\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf",   /* overlong */
        "\xf4\x90\x80\x80",    /* past U+10FFFF */
        "\x80", "\xe4\xb8", "ab\xff",
    };
    for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++)
        assert_int_equal(store_utf8_to_utf16be(invalid[i], strlen(invalid[i]), out), (size_t)-1);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

/* The documents' list is in SQLite's order of their level, region, source and place,
 * whatever the file's encoding (in UTF-16 a character beyond the BMP sorts before U+FF21,
 * in UTF-8 after it); a missing region first. */
static void test_docs_order(void **state)
{
    (void)state;
    static const struct { const char *region, *level, *name, *path; size_t n; } src[] = {
        { "舟山市", "city", "b.txt", "/o/1/b.txt", 1 }, { NULL, "county", "a.txt", "/o/2/a.txt", 1 },
        { "浙江省", "province", "c.txt", "/o/3/c.txt", 1 }, { "ＡＢ市", "city", "d.txt", "/o/4/d.txt", 1 },
        { "𠀀市", "city", "e.txt", "/o/5/e.txt", 1 }, { "舟山市", "city", "a.txt", "/o/6/a.txt", 2 },
        { NULL, NULL, "f.txt", "/o/7/f.txt", 1 }, { "全国", "national", "g.txt", "/o/8/g.txt", 1 },
        { "舟山市", "city", "a.txt", "/o/9/a.txt", 1 }, { "舟山", "city", "h.txt", "/o/10/h.txt", 1 },
    };
    struct store *s = open_new(dir, "order.db");
    struct err e = {{0}};
    for (size_t i = 0; i < sizeof src / sizeof *src; i++) {
        struct doc d[2];
        char raw[64];
        snprintf(raw, sizeof raw, "方案%zu", i);
        for (size_t k = 0; k < src[i].n; k++) {
            d[k] = one_doc("order-plan", raw);
            free(d[k].region), free(d[k].level);
            d[k].region = src[i].region ? strdup(src[i].region) : NULL;
            d[k].level = src[i].level ? strdup(src[i].level) : NULL;
        }
        struct source_file f = { .name = src[i].name, .raw = raw, .size = strlen(raw),
                                 .encoding = "UTF-8", .path = src[i].path };
        if (store_begin(s, &e) || store_put_source(s, &f, d, src[i].n, &e) || store_commit(s, &e))
            fail_msg("import %s: %s", src[i].path, e.msg);
        for (size_t k = 0; k < src[i].n; k++)
            doc_free(&d[k]);
    }
    store_close(&s);
    char utf16[300], utf8[300];
    snprintf(utf16, sizeof utf16, "%s/order.db", dir);
    snprintf(utf8, sizeof utf8, "%s/order-utf8.db", dir);
    copy_as_utf8(utf16, utf8);
    const char *files[] = { utf16, utf8 };
    int64_t firsts[2][2];
    for (int f = 0; f < 2; f++) {
        sqlite3 *db;
        sqlite3_stmt *q;
        assert_int_equal(sqlite3_open(files[f], &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT d.id FROM doc d JOIN source s ON s.id ="
            " d.source_id ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN 'province' THEN 1"
            " WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq, d.id", -1, &q, NULL),
            SQLITE_OK);
        struct store *r;
        assert_int_equal(store_open(files[f], STORE_READ, &r, &e), 0);
        for (int counted = 0; counted < 2; counted++) {
            struct doc_row *rows;
            size_t n, i = 0;
            assert_int_equal((counted ? store_docs : store_docs_uncounted)(r, &rows, &n, &e), 0);
            assert_int_equal(n, 11);
            sqlite3_reset(q);
            for (; sqlite3_step(q) == SQLITE_ROW; i++)
                assert_int_equal(rows[i].id, sqlite3_column_int64(q, 0));
            assert_int_equal(i, n);
            for (i = 0; i < n; i++)
                if (rows[i].region && strstr(rows[i].region, "市") &&
                    (!strcmp(rows[i].region, "ＡＢ市") || !strcmp(rows[i].region, "𠀀市")))
                    break;
            firsts[f][counted] = rows[i].id;
            store_docs_free(&rows, n);
        }
        store_close(&r);
        sqlite3_finalize(q);
        sqlite3_close(db);
    }
    /* The two encodings do order them otherwise, so both orders were checked. */
    assert_true(firsts[0][0] != firsts[1][0]);
    assert_true(firsts[0][1] == firsts[0][0] && firsts[1][1] == firsts[1][0]);
}

static int64_t pragma(struct store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A source of long documents replaced by a short one: the pages its documents held are
 * not published free, the file is rewritten without them. */
static void test_freed_pages_not_published(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "freed.db");
    size_t n = 200000;
    char *text = malloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 3 * i, i % 2 ? "划" : "规", 3);
    text[3 * n] = '\0';
    free_slugs(put(s, "plan.txt", "/a/plan.txt", text, 4, "long"));
    int64_t full = pragma(s, "PRAGMA page_count");
    assert_int_equal(pragma(s, "PRAGMA freelist_count"), 0);
    free_slugs(put(s, "plan.txt", "/a/plan.txt", "短的方案", 1, "short"));
    assert_int_equal(pragma(s, "PRAGMA freelist_count"), 0);
    assert_true(pragma(s, "PRAGMA page_count") * 4 < full);
    store_close(&s);
    free(text);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sources_by_path_and_content),
        cmocka_unit_test(test_slugs_without_limit),
        cmocka_unit_test(test_version_1_upgraded),
        cmocka_unit_test(test_version_2_upgraded),
        cmocka_unit_test(test_text_read_back),
        cmocka_unit_test(test_utf16_as_sqlite),
        cmocka_unit_test(test_docs_order),
        cmocka_unit_test(test_freed_pages_not_published),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
