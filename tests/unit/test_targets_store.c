/* test_targets_store.c — targets through the store: the hooks at import (catalogue copied
 * in, sections extracted, spans in the section text, re-imports, relinking after a
 * catalogue change) and the queries the command line and explorer use. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/targets.h"

static char dir[] = "/tmp/gongfu-targets-XXXXXX";
static char db_path[256], cat1[256], cat2[256];
static struct store *st;

static const char cat_head[] = "slug\tname\tunit\tdirection\tcategory\taliases\n";
static const char cat_rows[] =
    "gdp-pc\t人均地区生产总值\t万元\thigher\t经济\t人均生产总值\n"
    "childcare\t每千人口拥有3岁以下婴幼儿托位数\t个\thigher\t公共服务\t每千人口拥有婴幼儿照护设施托位数\n"
    "urban\t常住人口城镇化率\t%\thigher\t城乡区域\t\n";
/* The second catalogue adds an indicator that the first left unlinked. */
static const char cat_more[] = "forest\t森林覆盖率\t%\thigher\t生态\t\n";

struct sec {
    enum node_kind kind;
    const char *path, *title, *text;   /* text: paragraphs separated by '\n' */
};

static void write_file(const char *path, const char *a, const char *b, const char *c)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(a, f), fputs(b, f), fputs(c, f);
    fclose(f);
}

static void add_node(struct doc *d, enum node_kind k, int parent, const char *path,
                     const char *title, const char *text)
{
    d->nodes = realloc(d->nodes, (d->nnodes + 1) * sizeof *d->nodes);
    assert_non_null(d->nodes);
    d->nodes[d->nnodes++] = (struct node){ .kind = k, .parent = parent,
                                           .path = path ? strdup(path) : NULL,
                                           .title = title ? strdup(title) : NULL,
                                           .text = text ? strdup(text) : NULL };
}

/* One document made of the given sections. */
static struct doc make_doc(const char *slug, const char *region, const char *level,
                           const char *title, const struct sec *secs, size_t n)
{
    struct doc d = { .title = strdup(title), .region = strdup(region), .level = strdup(level),
                     .kind = strdup("plan"), .slug = strdup(slug) };
    int chapter = -1;
    for (size_t i = 0; i < n; i++) {
        int parent = secs[i].kind == NODE_ITEM ? chapter : -1;
        if (secs[i].kind == NODE_CHAPTER)
            chapter = (int)d.nnodes;
        int self = (int)d.nnodes;
        add_node(&d, secs[i].kind, parent, secs[i].path, secs[i].title, NULL);
        char *text = strdup(secs[i].text);
        for (char *p = strtok(text, "\n"); p; p = strtok(NULL, "\n"))
            add_node(&d, NODE_PARAGRAPH, self, NULL, NULL, p);
        free(text);
    }
    return d;
}

/* Imports one source holding one document made of the given sections. */
static void import(const char *source, const char *slug, const char *region, const char *level,
                   const char *title, const struct sec *secs, size_t n)
{
    struct doc d = make_doc(slug, region, level, title, secs, n);
    struct source_file src = { .name = source, .raw = title, .size = strlen(title),
                               .encoding = "UTF-8" };
    struct err e = {{0}};
    if (store_begin(st, &e) || store_put_source(st, &src, &d, 1, &e) || store_commit(st, &e))
        fail_msg("import %s: %s", source, e.msg);
    doc_free(&d);
}

static const struct sec zhoushan[] = {
    { NODE_CHAPTER, "1", "全面落实发展目标",
      "——人均地区生产总值达到20万元,每千人口拥有3岁以下婴幼儿托位数4.5个。\n"
      "展望到2035年,人均地区生产总值突破30万元,常住人口城镇化率达到80%左右。" },
    { NODE_ITEM, "1.1", "打造生态", "森林覆盖率达到51%,新增美丽河湖10个。" },
};
static const struct sec jinhua[] = {
    { NODE_CHAPTER, "1", "發展目標",
      "人均生產總值達到中等發達經濟體水平。每千人口擁有嬰幼兒照護設施托位數達到4.5張。" },
};
static const struct sec taizhou[] = {
    { NODE_CHAPTER, "1", "总体要求", "常住人口城镇化率达到 70,城乡融合。" },
};
static const struct sec province[] = {
    { NODE_CHAPTER, "7", "生态", "常住人口城镇化率达到72%。" },
};
static const struct sec national[] = {
    { NODE_CHAPTER, "1", "总体要求", "到2035年,人均地区生产总值争取达到发达经济体水平。" },
};

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(db_path, sizeof db_path, "%s/t.db", dir);
    snprintf(cat1, sizeof cat1, "%s/ind1.tsv", dir);
    snprintf(cat2, sizeof cat2, "%s/ind2.tsv", dir);
    write_file(cat1, cat_head, cat_rows, "");
    write_file(cat2, cat_head, cat_rows, cat_more);
    targets_set_catalogue(cat1);
    store_add_hooks(&targets_hooks);
    struct err e = {{0}};
    if (store_open(db_path, STORE_WRITE, &st, &e))
        return -1;
    /* Imported out of the order they are compared in. */
    import("jinhua.txt", "jinhua-plan", "金华市", "city", "金華實施方案", jinhua, 1);
    import("national.txt", "national-opinions", "全国", "national", "意见", national, 1);
    import("zhoushan.txt", "zhoushan-plan", "舟山市", "city", "舟山实施方案(2021-2025年)",
           zhoushan, 2);
    import("taizhou.txt", "taizhou-plan", "台州市", "city", "台州行动方案(2021-2025年)",
           taizhou, 1);
    import("zhejiang.txt", "zhejiang-plan", "浙江省", "province", "浙江实施方案(2021—2025年)",
           province, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    store_close(&st);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static size_t query(const struct target_filter *f, struct target_row **rows)
{
    size_t n = 0;
    struct err e = {{0}};
    if (targets_query(store_db(st), f, rows, &n, &e))
        fail_msg("query: %s", e.msg);
    return n;
}

static int64_t node_id(const char *slug, const char *path)
{
    sqlite3_stmt *s;
    int64_t id = 0;
    sqlite3_prepare_v2(store_db(st), "SELECT n.id FROM node n JOIN doc d ON d.id = n.doc_id "
                       "WHERE d.slug = ? AND n.path = ?", -1, &s, NULL);
    sqlite3_bind_text(s, 1, slug, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, path, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW)
        id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return id;
}

static void test_section_targets_and_spans(void **state)
{
    (void)state;
    struct target_row *r;
    struct target_filter f = { .node_id = node_id("zhoushan-plan", "1") };
    assert_true(f.node_id > 0);
    size_t n = query(&f, &r);
    assert_int_equal(n, 4);
    assert_string_equal(r[0].indicator_slug, "gdp-pc");
    assert_string_equal(r[0].value_text, "20");
    assert_int_equal(r[0].year, 2025);                  /* from the title's period */
    assert_string_equal(r[2].value_text, "30");
    assert_int_equal(r[2].year, 2035);
    assert_string_equal(r[2].comparator, ">");
    assert_string_equal(r[3].comparator, "~");
    assert_string_equal(r[3].flags, "approx");
    assert_string_equal(r[0].path, "1");
    assert_string_equal(r[0].region, "舟山市");
    /* Spans are in the section text: its paragraphs joined by "\n". */
    struct err e = {{0}};
    char *text = store_section_text(st, f.node_id, &e);
    assert_non_null(text);
    assert_true(r[3].end <= (int64_t)strlen(text));
    char *frag = strndup(text + r[3].start, (size_t)(r[3].end - r[3].start));
    assert_string_equal(frag, "常住人口城镇化率达到80%左右");
    free(frag);
    free(text);
    target_rows_free(&r, n);
    assert_null(r);
}

/* A document's spans, for the reader: its targets, section by section in the text's order,
 * as targets_query gives each section's. */
static void test_doc_spans(void **state)
{
    (void)state;
    struct target_span *sp;
    size_t nsp = 0, k = 0;
    struct err e = {{0}};
    assert_int_equal(targets_doc_spans(store_db(st), "zhoushan-plan", &sp, &nsp, &e), 0);
    const char *paths[] = { "1", "1.1" };
    for (size_t p = 0; p < 2; p++) {
        struct target_row *r;
        struct target_filter f = { .node_id = node_id("zhoushan-plan", paths[p]),
                                   .kind = TARGET_KIND_ALL };
        size_t n = query(&f, &r);
        assert_true(n > 0);
        for (size_t i = 0; i < n; i++, k++) {
            assert_true(k < nsp);
            assert_int_equal(sp[k].id, r[i].id);
            assert_int_equal(sp[k].node_id, f.node_id);
            assert_int_equal(sp[k].start, r[i].start);
            assert_int_equal(sp[k].end, r[i].end);
        }
        target_rows_free(&r, n);
    }
    assert_int_equal(k, nsp);
    free(sp);
    assert_int_equal(targets_doc_spans(store_db(st), "no-such-doc", &sp, &nsp, &e), 0);
    assert_int_equal(nsp, 0);
    assert_null(sp);
}

/* Whether the targets can be read is told without reading them, as a query would fail: a
 * database without the tables, or with the targets of a gongfu before kinds. */
static void test_readable(void **state)
{
    (void)state;
    struct err e = {{0}};
    assert_int_equal(targets_readable(store_db(st), &e), 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(targets_readable(db, &e), -1);
    assert_non_null(strstr(e.msg, "holds no targets"));
    assert_int_equal(sqlite3_exec(db,
        "CREATE TABLE indicator(id INTEGER PRIMARY KEY, slug, name, unit, direction, category,"
        " seq);"
        "CREATE TABLE target(id INTEGER PRIMARY KEY, node_id, indicator_id, phrase, value,"
        " value_text, unit, comparator, year, qualifier, flags, start, \"end\", key)",
        NULL, NULL, NULL), SQLITE_OK);
    e.msg[0] = '\0';
    assert_int_equal(targets_readable(db, &e), -1);
    assert_non_null(strstr(e.msg, "have no kind"));
    assert_int_equal(sqlite3_exec(db,
        "ALTER TABLE target ADD COLUMN kind; ALTER TABLE target ADD COLUMN frequency;"
        "ALTER TABLE target ADD COLUMN for_region", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(targets_readable(db, &e), 0);
    sqlite3_close(db);
}

static void test_indicator_across_regions(void **state)
{
    (void)state;
    struct target_row *r;
    struct target_filter f = { .indicator = "人均生產總值" };    /* an alias, Traditional */
    size_t n = query(&f, &r);
    assert_int_equal(n, 4);
    /* The province has none here; then 舟山, 金华, then the national opinions. */
    assert_string_equal(r[0].region, "舟山市");
    assert_string_equal(r[1].region, "舟山市");
    assert_string_equal(r[2].region, "金华市");
    assert_string_equal(r[2].value_text, "中等發達經濟體水平");
    assert_true(isnan(r[2].value));
    assert_string_equal(r[2].flags, "qualitative");
    assert_string_equal(r[3].region, "全国");
    assert_int_equal(r[3].year, 2035);
    target_rows_free(&r, n);

    f = (struct target_filter){ .indicator = "urban" };
    n = query(&f, &r);
    assert_int_equal(n, 3);
    assert_string_equal(r[0].region, "浙江省");
    assert_string_equal(r[1].region, "舟山市");
    assert_string_equal(r[2].region, "台州市");
    assert_string_equal(r[2].unit, "%");
    assert_string_equal(r[2].flags, "inferred-unit");
    target_rows_free(&r, n);

    f = (struct target_filter){ .indicator = "城镇化" };        /* part of a name */
    n = query(&f, &r);
    assert_int_equal(n, 3);
    target_rows_free(&r, n);

    struct err e = {{0}};
    f = (struct target_filter){ .indicator = "没有这个指标" };
    assert_int_equal(targets_query(store_db(st), &f, &r, &n, &e), -1);
    assert_non_null(strstr(e.msg, "没有这个指标"));
}

static void test_filters(void **state)
{
    (void)state;
    struct target_row *r;
    struct target_filter f = { .region = "舟山", .unlinked = 1 };
    size_t n = query(&f, &r);
    assert_int_equal(n, 2);                 /* 森林覆盖率, 美丽河湖: not in this catalogue */
    assert_null(r[0].indicator_slug);
    assert_string_equal(r[0].phrase, "森林覆盖率");
    target_rows_free(&r, n);
    f = (struct target_filter){ .year = 2035 };
    n = query(&f, &r);
    assert_int_equal(n, 3);
    target_rows_free(&r, n);
    f = (struct target_filter){ .category = "城乡区域", .region = "臺州" };
    n = query(&f, &r);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].value_text, "70");
    target_rows_free(&r, n);
}

static void test_compare(void **state)
{
    (void)state;
    struct compare_table t;
    struct err e = {{0}};
    assert_int_equal(targets_compare(store_db(st), 0, NULL, &t, &e), 0);
    assert_int_equal(t.nregions, 5);
    const char *order[] = { "浙江省", "舟山市", "台州市", "金华市", "全国" };
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(t.regions[i], order[i]);
    assert_int_equal(t.nrows, 3);           /* catalogue order: gdp-pc, childcare, urban */
    assert_string_equal(t.rows[0].slug, "gdp-pc");
    assert_string_equal(t.rows[1].slug, "childcare");
    assert_string_equal(t.rows[2].slug, "urban");
    const struct compare_row *u = &t.rows[2];
    char *c = targets_format_cell(u->cells[1].t, u->cells[1].n, 1);
    assert_string_equal(c, "~80% (2035)");
    free(c);
    c = targets_format_cell(u->cells[2].t, u->cells[2].n, 0);
    assert_string_equal(c, "70%*");
    free(c);
    const struct compare_row *g = &t.rows[0];
    c = targets_format_cell(g->cells[1].t, g->cells[1].n, 1);
    assert_string_equal(c, "20万元 (2025); >30万元 (2035)");
    free(c);
    assert_int_equal(g->cells[0].n, 0);
    c = targets_format_cell(g->cells[0].t, g->cells[0].n, 0);
    assert_string_equal(c, "");
    free(c);
    compare_table_free(&t);

    assert_int_equal(targets_compare(store_db(st), 2035, "经济", &t, &e), 0);
    assert_int_equal(t.nrows, 1);
    assert_int_equal(t.rows[0].cells[4].n, 1);
    compare_table_free(&t);
}

/* Re-importing a source replaces its targets; a new catalogue relinks the old ones. */
static void test_reimport_and_relink(void **state)
{
    (void)state;
    struct target_row *r;
    struct target_filter all = {0};
    size_t before = query(&all, &r);
    target_rows_free(&r, before);
    import("zhoushan.txt", "zhoushan-plan", "舟山市", "city", "舟山实施方案(2021-2025年)",
           zhoushan, 2);
    size_t after = query(&all, &r);
    target_rows_free(&r, after);
    assert_int_equal(after, before);

    targets_set_catalogue(cat2);
    import("taizhou.txt", "taizhou-plan", "台州市", "city", "台州行动方案(2021-2025年)",
           taizhou, 1);
    struct target_filter f = { .indicator = "forest" };
    size_t n = query(&f, &r);
    assert_int_equal(n, 1);
    assert_string_equal(r[0].region, "舟山市");
    target_rows_free(&r, n);

    /* A catalogue that cannot be read stops the import, naming the file. */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/none.tsv", dir);
    targets_set_catalogue(missing);
    struct doc d = { .title = strdup("台州"), .region = strdup("台州市"), .level = strdup("city"),
                     .slug = strdup("taizhou-plan") };
    add_node(&d, NODE_CHAPTER, -1, "1", "目标", NULL);
    add_node(&d, NODE_PARAGRAPH, 0, NULL, NULL, "常住人口城镇化率达到70%。");
    struct source_file src = { .name = "taizhou.txt", .raw = "x", .size = 1, .encoding = "UTF-8" };
    struct err e = {{0}};
    assert_int_equal(store_begin(st, &e), 0);
    assert_int_equal(store_put_source(st, &src, &d, 1, &e), -1);
    store_rollback(st);
    assert_non_null(strstr(e.msg, "none.tsv"));
    doc_free(&d);
    targets_set_catalogue(cat1);
}

/* A rolled-back import leaves nothing cached in the hooks: on the same connection the next
 * import copies the catalogue in again (it failed with a foreign-key error while the targets
 * hooks took the rolled-back copy for done). */
static void test_rollback_then_import(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/rollback.db", dir);
    struct store *s;
    struct err e = {{0}};
    assert_int_equal(store_open(path, STORE_WRITE, &s, &e), 0);
    struct source_file src = { .name = "zhoushan.txt", .raw = "z", .size = 1, .encoding = "UTF-8" };
    for (int round = 0; round < 2; round++) {
        struct doc d = make_doc("zhoushan-plan", "舟山市", "city", "舟山实施方案(2021-2025年)",
                                zhoushan, 2);
        assert_int_equal(store_begin(s, &e), 0);
        if (store_put_source(s, &src, &d, 1, &e))
            fail_msg("round %d: %s", round, e.msg);
        if (round == 0)
            store_rollback(s);
        else if (store_commit(s, &e))
            fail_msg("commit: %s", e.msg);
        doc_free(&d);
    }
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM target WHERE "
                                        "indicator_id IS NOT NULL", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_true(sqlite3_column_int(q, 0) > 0);
    sqlite3_finalize(q);
    store_close(&s);
}

/* Targets are extracted on the import's worker thread and stored in the order of the
 * sections, however far the worker is behind (more sections than it holds at once); a
 * source put twice in one import has its first documents' targets, stored or not yet,
 * deleted with them. */
static void test_many_sections_and_replaced(void **state)
{
    (void)state;
    enum { N = 150 };
    char path[300];
    snprintf(path, sizeof path, "%s/many.db", dir);
    struct store *s;
    struct err e = {{0}};
    assert_int_equal(store_open(path, STORE_WRITE, &s, &e), 0);
    assert_int_equal(store_begin(s, &e), 0);
    for (int round = 0; round < 2; round++) {
        struct doc d = { .title = strdup("舟山方案(2021-2025年)"), .region = strdup("舟山市"),
                         .level = strdup("city"), .kind = strdup("plan"),
                         .slug = strdup("zhoushan-plan") };
        for (int i = 0; i < N; i++) {
            char label[16], text[96];
            snprintf(label, sizeof label, "%d", i + 1);
            snprintf(text, sizeof text, "常住人口城镇化率达到%d%%。", round * 1000 + i);
            add_node(&d, NODE_CHAPTER, -1, label, "目标", NULL);
            add_node(&d, NODE_PARAGRAPH, (int)d.nnodes - 1, NULL, NULL, text);
        }
        char raw[16];
        snprintf(raw, sizeof raw, "r%d", round);
        struct source_file src = { .name = "many.txt", .raw = raw, .size = strlen(raw),
                                   .encoding = "UTF-8", .path = "/plans/many.txt" };
        if (store_put_source(s, &src, &d, 1, &e))
            fail_msg("round %d: %s", round, e.msg);
        doc_free(&d);
    }
    if (store_commit(s, &e))
        fail_msg("commit: %s", e.msg);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), "SELECT t.node_id, t.value, n.id IS NULL "
                                        "FROM target t LEFT JOIN node n ON n.id = t.node_id "
                                        "ORDER BY t.id", -1, &q, NULL), SQLITE_OK);
    int i = 0;
    int64_t last = 0;
    for (; sqlite3_step(q) == SQLITE_ROW; i++) {
        assert_int_equal(sqlite3_column_int(q, 2), 0);          /* a node that is there */
        assert_true(sqlite3_column_int64(q, 0) > last);
        last = sqlite3_column_int64(q, 0);
        assert_true(sqlite3_column_double(q, 1) == 1000 + i);   /* the second round's */
    }
    sqlite3_finalize(q);
    assert_int_equal(i, N);
    store_close(&s);
}

/* A region's name is data: one with a quote or a backslash in it is still a column. */
static void test_compare_region_with_quote(void **state)
{
    (void)state;
    static const struct sec county[] = {
        { NODE_CHAPTER, "1", "目标", "常住人口城镇化率达到66%。" },
    };
    import("county.txt", "county-plan", "定\"海\\区", "county", "定海方案", county, 1);
    struct compare_table t;
    struct err e = {{0}};
    if (targets_compare(store_db(st), 0, NULL, &t, &e) < 0)
        fail_msg("compare: %s", e.msg);
    int found = 0;
    for (size_t i = 0; i < t.nregions; i++)
        found += strcmp(t.regions[i], "定\"海\\区") == 0;
    assert_int_equal(found, 1);
    compare_table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_section_targets_and_spans),
        cmocka_unit_test(test_doc_spans),
        cmocka_unit_test(test_readable),
        cmocka_unit_test(test_indicator_across_regions),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_reimport_and_relink),
        cmocka_unit_test(test_rollback_then_import),
        cmocka_unit_test(test_many_sections_and_replaced),
        cmocka_unit_test(test_compare_region_with_quote),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    targets_set_catalogue(NULL);
    return rc;
}
