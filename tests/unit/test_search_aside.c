/* The search index an import into an empty index builds aside as it stores the sections
 * (search_aside.h) is the index its commit would have made from the tables, byte for byte:
 * the same FTS5 rows, lengths and word list as the index made anew from the stored
 * sections; and an import that cannot build it so (sections of an earlier import, a
 * document replaced within the import, a text the stored UTF-16 does not give back) makes
 * the same index as before, from the tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/search.h"
#include "gongfu/store.h"
#include "../../src/core/search_index.h"
#include "store_new.h"

static char dir[] = "/tmp/gongfu-searchaside-XXXXXX";

/* A chapter with paragraphs (the first one empty: search_text still puts a line end after
 * it), items with a title and text, one with a title only, one with neither (not indexed),
 * Traditional characters, Latin words at a paragraph's end and the next one's start. */
struct para_spec {
    const char *title;
    const char *paras[4];
};

static const struct para_spec plan[] = {
    {"发展目标", {"", "每千人口拥有托位数4.5个abc", "def城市PM2.5浓度下降", NULL}},
    {"发展普惠托育服务", {"增加婴幼儿托位供给,推进托育机构建设,落实育儿补贴。", NULL}},
    {"深化醫保改革", {"推進醫保市級統籌,發展商業健康保險。", "另起一段。", NULL}},
    {"只有标题", {NULL}},
    {"", {NULL}},
    {NULL, {"完善养老服务,建设老年食堂。", NULL}},
};
enum { NSEC = sizeof plan / sizeof *plan };

/* Document k: its sections under one chapter; `odd` replaces the first item's text. */
static struct doc make_doc(int k, const char *odd)
{
    char title[64];
    snprintf(title, sizeof title, "规划%d", k);
    struct doc d = { .title = strdup(title), .region = strdup("舟山市"), .level = strdup("city"),
                     .kind = strdup("plan"), .slug = strdup(title) };
    d.nodes = calloc(64, sizeof *d.nodes);
    for (int i = 0; i < NSEC; i++) {
        int at = (int)d.nnodes++;
        d.nodes[at] = (struct node){ .kind = i ? NODE_ITEM : NODE_CHAPTER, .parent = i ? 0 : -1,
                                     .path = strdup(i ? "1.1" : "1"),
                                     .title = plan[i].title ? strdup(plan[i].title) : NULL };
        for (int p = 0; plan[i].paras[p]; p++) {
            const char *text = i == 1 && odd ? odd : plan[i].paras[p];
            d.nodes[d.nnodes++] = (struct node){ .kind = NODE_PARAGRAPH, .parent = at,
                                                 .text = strdup(text) };
        }
    }
    return d;
}

static void put(struct store *s, const char *name, int first, int n, const char *odd)
{
    put_docs(s, dir, name, first, n, odd, make_doc);
}

/* The rows of the queries, as text. malloc'd. */
static char *rows(sqlite3 *db, const char *const *q, size_t nq)
{
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < nq; i++) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, q[i], -1, &st, NULL) != SQLITE_OK)
            fail_msg("%s: %s", q[i], sqlite3_errmsg(db));
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const char *t = (const char *)sqlite3_column_text(st, c);
                size_t n = t ? strlen(t) : 4;
                if (len + n + 2 > cap)
                    out = realloc(out, cap = 2 * (cap + n));
                len += (size_t)snprintf(out + len, cap - len, "%s%c", t ? t : "NULL",
                                        c + 1 < sqlite3_column_count(st) ? ' ' : '\n');
            }
        sqlite3_finalize(st);
        len += (size_t)snprintf(out + len, cap - len, "--\n");
    }
    return out;
}

/* What the index holds, as queries read it: each term at each place, the lengths, the
 * word list. */
static const char *const logical[] = {
    "SELECT term, doc, col, offset FROM temp.v ORDER BY 1, 2, 3, 4",
    "SELECT hex(lengths) FROM search_lengths",
    "SELECT word, sections, contexts FROM search_word ORDER BY 1",
};
/* Its rows, byte for byte. */
static const char *const stored[] = {
    "SELECT id, hex(block) FROM search_fts_data ORDER BY id",
    "SELECT segid, hex(term), pgno FROM search_fts_idx ORDER BY 1, 2",
    "SELECT k, v FROM search_fts_config ORDER BY k",
};

/* The index the import wrote, against the one made anew from the stored sections (in a
 * transaction rolled back, on a connection of its own: the store's reads the published
 * file as immutable): the same terms, lengths and words; when `exactly`, the same rows. */
static void same_as_remade(struct store *s, int exactly)
{
    struct err e = {{0}};
    sqlite3 *db;
    void *ctx = search_hooks.ctx;
    assert_int_equal(sqlite3_open_v2(sqlite3_db_filename(store_db(s), "main"), &db,
                                     SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    if (search_hooks.on_open(ctx, db, &e))
        fail_msg("%s", e.msg);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, "
                                  "search_fts, instance)", NULL, NULL, NULL), SQLITE_OK);
    char *written = rows(db, logical, 3), *written_rows = rows(db, stored, 3);
    assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(search_reindex(db, &e), 0);
    if (search_hooks.on_commit(ctx, db, &e))
        fail_msg("%s", e.msg);
    char *again = rows(db, logical, 3), *again_rows = rows(db, stored, 3);
    assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    search_hooks.on_rollback(ctx, db);
    sqlite3_close(db);
    assert_true(strlen(written) > 2000);
    assert_string_equal(written, again);
    if (exactly)
        assert_string_equal(written_rows, again_rows);
    free(written), free(again), free(written_rows), free(again_rows);
}

/* Three sources of one import into a new database: built aside, the rows the commit
 * would write. A second import adds to them: indexed at its commit, as before. */
static void test_aside_then_added(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "aside.db");
    begin(s);
    put(s, "a", 0, 3, NULL);
    put(s, "b", 3, 2, NULL);
    put(s, "c", 5, 4, NULL);
    commit(s);
    assert_true(search_index_built_aside());
    same_as_remade(s, 1);
    begin(s);
    put(s, "d", 9, 2, NULL);
    commit(s);
    assert_false(search_index_built_aside());
    same_as_remade(s, 0);
    store_close(&s);
}

/* More sections than the workers hold at once, and more text, with a section longer than
 * all they hold (given on its own) and longer than a slot keeps its buffers for: the
 * same rows as the commit's. */
static void test_many_ahead(void **state)
{
    (void)state;
    const char unit[] = "托位供给abc12 ";
    size_t n = (600u << 10) / (sizeof unit - 1);
    char *long_text = malloc(n * (sizeof unit - 1) + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(long_text + i * (sizeof unit - 1), unit, sizeof unit - 1);
    long_text[n * (sizeof unit - 1)] = '\0';
    struct store *s = open_new(dir, "ahead.db");
    begin(s);
    for (int k = 0; k < 12; k++) {      /* 8 documents a source, 6 sections a document */
        char name[16];
        snprintf(name, sizeof name, "s%d", k);
        put(s, name, 8 * k, 8, NULL);
        if (k == 5)
            put(s, "long", 96, 1, long_text);
    }
    commit(s);
    assert_true(search_index_built_aside());
    same_as_remade(s, 1);
    store_close(&s);
    free(long_text);
}

/* A source put twice in one import: the first one's documents, given aside, are deleted. */
static void test_replaced_within_import(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "replaced.db");
    begin(s);
    put(s, "a", 0, 2, NULL);
    put(s, "b", 2, 2, NULL);
    put(s, "a", 4, 2, "托育服务体系。");
    commit(s);
    assert_false(search_index_built_aside());
    same_as_remade(s, 1);
    store_close(&s);
}

/* A UTF-8 surrogate (which the text decoder lets through) comes back from the stored
 * UTF-16 as U+FFFD: the index is made from the stored text, as before. */
static void test_text_not_round_tripping(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "surrogate.db");
    begin(s);
    put(s, "a", 0, 2, NULL);
    put(s, "b", 2, 2, "增加婴幼儿\xed\xa0\x80托位供给,推进托育机构建设。");
    commit(s);
    assert_false(search_index_built_aside());
    same_as_remade(s, 1);
    store_close(&s);
}

/* An import rolled back leaves nothing of its index to the next one, built aside. */
static void test_rolled_back(void **state)
{
    (void)state;
    struct store *s = open_new(dir, "rollback.db");
    begin(s);
    put(s, "a", 0, 2, NULL);
    store_rollback(s);
    begin(s);
    put(s, "b", 2, 3, NULL);
    commit(s);
    assert_true(search_index_built_aside());
    same_as_remade(s, 1);
    store_close(&s);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    store_add_hooks(&search_hooks);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aside_then_added),
        cmocka_unit_test(test_many_ahead),
        cmocka_unit_test(test_replaced_within_import),
        cmocka_unit_test(test_text_not_round_tripping),
        cmocka_unit_test(test_rolled_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
