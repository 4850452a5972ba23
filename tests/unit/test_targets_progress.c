/* test_targets_progress.c — progress: a province's plan (goals for 2025) and its 2026
 * report (the 2025 results, goals for 2026 and 2030) imported through the store; each
 * target is paired with the value reported for the same indicator and region and judged
 * by its comparator and the indicator's direction. */
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

static char dir[] = "/tmp/gongfu-progress-XXXXXX";
static char db_path[256], cat_path[256];
static struct store *st;

static const char catalogue[] =
    "slug\tname\tunit\tdirection\tcategory\taliases\n"
    "urban\t常住人口城镇化率\t%\thigher\t城乡区域\t\n"
    "income-gap\t城乡居民收入倍差\t\tlower\t收入分配\t收入倍差\n"
    "gdp-pc\t人均地区生产总值\t万元\thigher\t经济\t\n"
    "gdp-growth\t地区生产总值增长\t%\thigher\t经济\t全省生产总值增长\n"
    "childcare\t每千人口3岁以下婴幼儿托位数\t个\thigher\t公共服务\t\n";

/* A document of one or two chapters, each one paragraph. */
static void import(const char *name, const char *slug, const char *region, const char *title,
                   const char *published, const char *const *chapters, size_t n)
{
    struct doc d = { .title = strdup(title), .region = strdup(region), .level = strdup("province"),
                     .kind = strdup("plan"), .slug = strdup(slug),
                     .published = published ? strdup(published) : NULL };
    d.nodes = calloc(2 * n, sizeof *d.nodes);
    assert_non_null(d.nodes);
    for (size_t i = 0; i < n; i++) {
        char path[24];
        snprintf(path, sizeof path, "%zu", i + 1);
        d.nodes[d.nnodes++] = (struct node){ .kind = NODE_CHAPTER, .parent = -1,
                                             .path = strdup(path), .title = strdup(chapters[2 * i]) };
        d.nodes[d.nnodes++] = (struct node){ .kind = NODE_PARAGRAPH, .parent = (int)(2 * i),
                                             .text = strdup(chapters[2 * i + 1]) };
    }
    struct source_file src = { .name = name, .raw = title, .size = strlen(title),
                               .encoding = "UTF-8" };
    struct err e = {{0}};
    if (store_begin(st, &e) || store_put_source(st, &src, &d, 1, &e) || store_commit(st, &e))
        fail_msg("import %s: %s", name, e.msg);
    doc_free(&d);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(db_path, sizeof db_path, "%s/p.db", dir);
    snprintf(cat_path, sizeof cat_path, "%s/indicators.tsv", dir);
    FILE *f = fopen(cat_path, "w");
    if (!f)
        return -1;
    fputs(catalogue, f);
    fclose(f);
    targets_set_catalogue(cat_path);
    store_add_hooks(&targets_hooks);
    struct err e = {{0}};
    if (store_open(db_path, STORE_WRITE, &st, &e))
        return -1;
    static const char *const plan[] = {
        "主要目标", "到2025年,常住人口城镇化率达到75%,城乡居民收入倍差缩小到1.9以内,"
                    "人均地区生产总值达到15万元,人均地区生产总值达到中等发达经济体水平。",
    };
    static const char *const report[] = {
        "2025年工作回顾", "全省生产总值增长5.5%,常住人口城镇化率达到76%,收入倍差从1.96缩小至"
                          "1.81,人均地区生产总值达到14万元,每千人口3岁以下婴幼儿托位数达4.76个。",
        "2026年重点工作", "全省生产总值增长5%左右。到2030年,常住人口城镇化率达到78%左右。",
    };
    import("plan.txt", "province-plan", "某省", "某省实施方案(2021—2025年)", "2021-07-01", plan, 1);
    import("report.txt", "province-report", "某省", "2026年某省政府工作报告", "2026-01-14",
           report, 2);
    static const char *const city[] = { "主要目标", "到2025年,常住人口城镇化率达到70%。" };
    import("city.txt", "city-plan", "某市", "某市实施方案(2021-2025年)", "2022-01-01", city, 1);
    /* A measure no indicator links, set in one document and reported in another. */
    static const char *const port[] = { "主要目标", "到2025年,集装箱吞吐量达到1000万标箱。" };
    static const char *const port_report[] = { "2025年工作回顾", "集装箱吞吐量达到1200万标箱。" };
    import("port.txt", "port-plan", "某港", "某港实施方案(2021—2025年)", "2021-07-01", port, 1);
    import("port-report.txt", "port-report", "某港", "2026年某港政府工作报告", "2026-01-14",
           port_report, 1);
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

/* The row of the target of this indicator, year and value (NULL target: a no-target row). */
static const struct progress_row *row(const struct progress_table *p, const char *slug, int year,
                                      const char *value)
{
    for (size_t i = 0; i < p->n; i++) {
        const struct target_row *t = p->rows[i].target ? p->rows[i].target : p->rows[i].reported;
        if (t->indicator_slug && !strcmp(t->indicator_slug, slug) &&
            (!p->rows[i].target || (t->year == year && !strcmp(t->value_text, value))))
            if (!!p->rows[i].target == !!value)
                return &p->rows[i];
    }
    fail_msg("no progress row for %s %d %s", slug, year, value ? value : "(no target)");
    return NULL;
}

static void met_and_not_yet(void **state)
{
    (void)state;
    struct progress_table p;
    struct err e = {{0}};
    struct target_filter f = { .region = "某省" };
    assert_int_equal(targets_progress(store_db(st), &f, &p, &e), 0);

    const struct progress_row *r = row(&p, "urban", 2025, "75");
    assert_string_equal(progress_status_name(r->status), "met");
    assert_non_null(r->reported);
    assert_string_equal(r->reported->value_text, "76");
    assert_string_equal(r->reported->doc_slug, "province-report");
    assert_string_equal(r->target->doc_slug, "province-plan");

    /* A ratio of at most 1.9 reported at 1.81 (lower is better, and the comparator says). */
    r = row(&p, "income-gap", 2025, "1.9");
    assert_string_equal(progress_status_name(r->status), "met");
    assert_string_equal(r->reported->comparator, "=");   /* 缩小至 reached: the value itself */

    /* 2030's goal measured by 2025's value; 14万元 short of 15万元. */
    r = row(&p, "urban", 2030, "78");
    assert_string_equal(progress_status_name(r->status), "not yet");
    r = row(&p, "gdp-pc", 2025, "15");
    assert_string_equal(progress_status_name(r->status), "not yet");

    /* A growth is compared with the same year's only; a level in words with nothing. */
    r = row(&p, "gdp-growth", 2026, "5");
    assert_string_equal(progress_status_name(r->status), "no data");
    assert_null(r->reported);
    r = row(&p, "gdp-pc", 2025, "中等发达经济体水平");
    assert_string_equal(progress_status_name(r->status), "no data");

    /* Reported where no target was set. */
    r = row(&p, "childcare", 0, NULL);
    assert_string_equal(progress_status_name(r->status), "no target");
    assert_string_equal(r->reported->value_text, "4.76");
    progress_table_free(&p);
}

/* The city's target is not measured by the province's value. */
static void regions_apart(void **state)
{
    (void)state;
    struct progress_table p;
    struct err e = {{0}};
    struct target_filter f = { .region = "某市" };
    assert_int_equal(targets_progress(store_db(st), &f, &p, &e), 0);
    assert_int_equal(p.n, 1);
    assert_string_equal(progress_status_name(p.rows[0].status), "no data");
    progress_table_free(&p);

    f = (struct target_filter){ .region = "某省", .year = 2030 };
    assert_int_equal(targets_progress(store_db(st), &f, &p, &e), 0);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.rows[0].target->value_text, "78");
    progress_table_free(&p);
}


/* The status and value reported of target id in a progress table, as text ("met 76"). */
static void status_of(const struct progress_row *rows, size_t n, int64_t id, char *buf,
                      size_t len)
{
    snprintf(buf, len, "(none)");
    for (size_t i = 0; i < n; i++)
        if (rows[i].target && rows[i].target->id == id)
            snprintf(buf, len, "%s %s %s", progress_status_name(rows[i].status),
                     rows[i].reported ? rows[i].reported->value_text : "-",
                     rows[i].reported ? rows[i].reported->doc_slug : "-");
}

/* Every target's measure read alone (the target panel's read) pairs it as the progress of
 * every target does; a linked target's measure is its indicator's rows, every region. */
static void measure_pairs_as_all(void **state)
{
    (void)state;
    struct err e = {{0}};
    struct target_filter all = { .kind = TARGET_KIND_ALL };
    struct progress_table p;
    struct target_row *rows;
    size_t n;
    struct target_keys keys;
    assert_int_equal(targets_progress(store_db(st), &(struct target_filter){ 0 }, &p, &e), 0);
    assert_int_equal(targets_query(store_db(st), &all, &rows, &n, &e), 0);
    assert_int_equal(targets_reported_keys(store_db(st), &keys, &e), 0);
    int unlinked_met = 0;
    for (size_t i = 0; i < n; i++) {
        struct target_row *m;
        size_t nm;
        struct progress_row *mp;
        size_t nmp;
        assert_int_equal(targets_measure_rows(store_db(st), rows[i].id, &keys, &m, &nm, &e), 0);
        assert_true(nm >= 1);
        assert_int_equal(targets_progress_rows(m, nm, &mp, &nmp, &e), 0);
        if (rows[i].indicator_slug) {
            struct target_filter f = { .indicator = rows[i].indicator_slug,
                                       .kind = TARGET_KIND_ALL };
            struct target_row *ind;
            size_t nind;
            assert_int_equal(targets_query(store_db(st), &f, &ind, &nind, &e), 0);
            assert_int_equal(nm, nind);
            for (size_t k = 0; k < nm; k++)
                assert_int_equal(m[k].id, ind[k].id);        /* the same rows, in order */
            target_rows_free(&ind, nind);
        } else {
            assert_int_equal(m[0].id, rows[i].id);          /* the target first */
        }
        for (size_t k = 0; k < nm; k++) {
            if (m[k].kind != TK_TARGET)
                continue;
            char alone[200], every[200];
            status_of(mp, nmp, m[k].id, alone, sizeof alone);
            status_of(p.rows, p.n, m[k].id, every, sizeof every);
            assert_string_equal(alone, every);
            if (!m[k].indicator_slug && !strcmp(alone, "met 1200 port-report"))
                unlinked_met = 1;
        }
        free(mp);
        target_rows_free(&m, nm);
    }
    assert_true(unlinked_met);      /* the port's throughput, found under its phrase */
    /* Without the phrases of values reported, an unlinked target is read alone. */
    for (size_t i = 0; i < n; i++)
        if (!rows[i].indicator_slug && rows[i].kind == TK_TARGET) {
            struct target_row *m;
            size_t nm;
            assert_int_equal(targets_measure_rows(store_db(st), rows[i].id, NULL, &m, &nm, &e), 0);
            assert_int_equal(nm, 1);
            target_rows_free(&m, nm);
        }
    struct target_row *none;
    size_t nnone;
    assert_int_equal(targets_measure_rows(store_db(st), 1 << 30, &keys, &none, &nnone, &e), 0);
    assert_int_equal(nnone, 0);
    target_keys_free(&keys);
    target_rows_free(&rows, n);
    progress_table_free(&p);
}

/* A document's measures are its indicators' rows, one indicator after another, each as
 * its targets' measure. */
static void doc_measures(void **state)
{
    (void)state;
    struct err e = {{0}};
    struct target_row *rows;
    size_t n, groups = 0;
    assert_int_equal(targets_doc_measures(store_db(st), "province-report", &rows, &n, &e), 0);
    assert_true(n > 0);
    for (size_t i = 0, j; i < n; i = j, groups++) {
        for (j = i; j < n && !strcmp(rows[j].indicator_slug, rows[i].indicator_slug); j++)
            ;
        struct target_row *m;
        size_t nm;
        assert_int_equal(targets_measure_rows(store_db(st), rows[i].id, NULL, &m, &nm, &e), 0);
        assert_int_equal(nm, j - i);
        for (size_t k = 0; k < nm; k++)
            assert_int_equal(m[k].id, rows[i + k].id);
        target_rows_free(&m, nm);
    }
    assert_int_equal(groups, 5);    /* 增长, 城镇化率, 倍差, 人均生产总值, 托位数 */
    target_rows_free(&rows, n);
    assert_int_equal(targets_doc_measures(store_db(st), "no-such-doc", &rows, &n, &e), 0);
    assert_int_equal(n, 0);
}

/* The compare view's one read gives the table and the statuses the two reads gave, and
 * its columns are the regions targets_regions reads without rows. */
static void compare_progress_as_apart(void **state)
{
    (void)state;
    struct err e = {{0}};
    struct compare_table a, b;
    struct progress_table pa, pb;
    assert_int_equal(targets_compare(store_db(st), 0, NULL, &a, &e), 0);
    assert_int_equal(targets_progress(store_db(st), &(struct target_filter){ 0 }, &pa, &e), 0);
    assert_int_equal(targets_compare_progress(store_db(st), &b, &pb, &e), 0);
    assert_int_equal(a.nregions, b.nregions);
    for (size_t r = 0; r < a.nregions; r++)
        assert_string_equal(a.regions[r], b.regions[r]);
    char **regions;
    size_t nregions;
    assert_int_equal(targets_regions(store_db(st), &regions, &nregions, &e), 0);
    assert_int_equal(nregions, a.nregions);
    for (size_t r = 0; r < nregions; r++) {
        assert_string_equal(regions[r], a.regions[r]);
        free(regions[r]);
    }
    free(regions);
    assert_int_equal(a.ntargets, b.ntargets);
    assert_int_equal(a.nrows, b.nrows);
    for (size_t i = 0; i < a.nrows; i++) {
        assert_string_equal(a.rows[i].slug, b.rows[i].slug);
        for (size_t r = 0; r < a.nregions; r++) {
            assert_int_equal(a.rows[i].cells[r].n, b.rows[i].cells[r].n);
            for (size_t k = 0; k < a.rows[i].cells[r].n; k++)
                assert_int_equal(a.rows[i].cells[r].t[k].id, b.rows[i].cells[r].t[k].id);
        }
    }
    for (size_t i = 0; i < b.ntargets; i++) {
        char apart[200], one[200];
        status_of(pa.rows, pa.n, b.targets[i].id, apart, sizeof apart);
        status_of(pb.rows, pb.n, b.targets[i].id, one, sizeof one);
        assert_string_equal(apart, one);
    }
    /* The values reported where no target is set: the same, for the indicators linked. */
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < pa.n; i++)
        na += !pa.rows[i].target && pa.rows[i].reported->indicator_slug;
    for (size_t i = 0; i < pb.n; i++) {
        assert_true(pb.rows[i].target || pb.rows[i].reported->indicator_slug);
        nb += !pb.rows[i].target;
    }
    assert_int_equal(na, nb);
    assert_true(nb > 0);
    compare_table_free(&a);
    compare_table_free(&b);
    progress_table_free(&pa);
    progress_table_free(&pb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(met_and_not_yet),
        cmocka_unit_test(regions_apart),
        cmocka_unit_test(measure_pairs_as_all),
        cmocka_unit_test(doc_measures),
        cmocka_unit_test(compare_progress_as_apart),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
