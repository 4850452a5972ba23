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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(met_and_not_yet),
        cmocka_unit_test(regions_apart),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
