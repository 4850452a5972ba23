/* test_targets_catalogue.c — the indicator catalogue: its format, its errors (file:line),
 * and linking phrases to it through folding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/catalogue.h"
#include "gongfu/targets.h"

#define HEADER "slug\tname\tunit\tdirection\tcategory\taliases\n"

static struct catalogue *parse_ok(const char *text)
{
    struct catalogue *c = NULL;
    struct err e = {0};
    if (catalogue_parse(text, strlen(text), "ind.tsv", &c, &e) != 0)
        fail_msg("unexpected error: %s", e.msg);
    return c;
}

/* Parses text that must fail and checks the message names file:line and says why. */
static void parse_bad(const char *text, const char *where, const char *why)
{
    struct catalogue *c = NULL;
    struct err e = {0};
    assert_int_equal(catalogue_parse(text, strlen(text), "ind.tsv", &c, &e), -1);
    assert_null(c);
    if (!strstr(e.msg, where) || !strstr(e.msg, why))
        fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", e.msg, where, why);
}

static void test_parse(void **state)
{
    (void)state;
    struct catalogue *c = parse_ok(
        "\xEF\xBB\xBF# the catalogue\r\n"
        HEADER
        "# 公共服务\n"
        "childcare\t每千人口拥有3岁以下婴幼儿托位数\t个\thigher\t公共服务\t"
        "每千人拥有婴幼儿照护设施托位|每千人口拥有婴幼儿照护设施托位数\r\n"
        "\n"
        "income-gap\t城乡居民收入倍差\t\tlower\t收入分配\n");
    assert_int_equal(catalogue_count(c), 2);
    const struct indicator *i = catalogue_at(c, 0);
    assert_string_equal(i->slug, "childcare");
    assert_string_equal(i->unit, "个");
    assert_string_equal(i->direction, "higher");
    assert_int_equal(i->naliases, 3);
    assert_string_equal(i->aliases[0], "每千人口拥有3岁以下婴幼儿托位数");
    assert_string_equal(i->aliases[2], "每千人口拥有婴幼儿照护设施托位数");
    assert_int_equal(i->line, 4);
    i = catalogue_by_slug(c, "income-gap");
    assert_non_null(i);
    assert_string_equal(i->unit, "");
    assert_int_equal(i->naliases, 1);
    assert_null(catalogue_by_slug(c, "nope"));
    assert_non_null(catalogue_digest(c));
    catalogue_free(&c);
    assert_null(c);
}

static void test_errors(void **state)
{
    (void)state;
    parse_bad("", "ind.tsv", "header");
    parse_bad("slug\tname\n", "ind.tsv:1", "header");
    parse_bad(HEADER "a-b\t名\t%\thigher\t经济\tx\textra\n", "ind.tsv:2", "6 fields");
    parse_bad(HEADER "a-b\t名\t%\n", "ind.tsv:2", "fields");
    parse_bad(HEADER "A B\t名\t%\thigher\t经济\t\n", "ind.tsv:2", "slug");
    parse_bad(HEADER "a\t\t%\thigher\t经济\t\n", "ind.tsv:2", "name");
    parse_bad(HEADER "a\t名\t%\tup\t经济\t\n", "ind.tsv:2", "direction");
    parse_bad(HEADER "a\t名\t%\thigher\t体育\t\n", "ind.tsv:2", "category");
    parse_bad(HEADER "a\t名\t%\thigher\t经济\tx||y\n", "ind.tsv:2", "empty alias");
    parse_bad(HEADER "a\t名\t%\thigher\t经济\t\n# x\nb\t别名\t%\thigher\t经济\t\na\t三\t\tlower\t经济\t\n",
              "ind.tsv:5", "line 2");
    /* One phrase naming two indicators would make linking a coin toss. */
    parse_bad(HEADER "a\t城镇化率\t%\thigher\t城乡区域\t\nb\t常住人口城镇化率\t%\thigher\t城乡区域\t城鎮化率\n",
              "ind.tsv:3", "城鎮化率");
    parse_bad(HEADER "a\t名\t%\thigher\t经济\t\xff\xfe\n", "ind.tsv:2", "UTF-8");
}

static void test_load_file(void **state)
{
    (void)state;
    struct catalogue *c = NULL;
    struct err e = {0};
    assert_int_equal(catalogue_load("/nonexistent/indicators.tsv", &c, &e), -1);
    assert_non_null(strstr(e.msg, "/nonexistent/indicators.tsv"));

    char path[] = "/tmp/gongfu-cat-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char body[] = HEADER "urban\t常住人口城镇化率\t%\thigher\t城乡区域\t\n"
                        "bad\t名\t%\tsideways\t经济\t\n";
    assert_int_equal(write(fd, body, sizeof body - 1), (ssize_t)(sizeof body - 1));
    close(fd);
    memset(&e, 0, sizeof e);
    assert_int_equal(catalogue_load(path, &c, &e), -1);
    char where[64];
    snprintf(where, sizeof where, "%s:3", path);
    assert_non_null(strstr(e.msg, where));
    unlink(path);
}

static void test_link(void **state)
{
    (void)state;
    struct catalogue *c = parse_ok(
        HEADER
        "childcare\t每千人口拥有3岁以下婴幼儿托位数\t个\thigher\t公共服务\t"
        "每千人口拥有婴幼儿照护设施托位数|每千人拥有婴幼儿照护设施托位\n"
        "income\t居民人均可支配收入\t万元\thigher\t收入分配\t\n"
        "income-gap-region\t地区人均可支配收入最高最低倍差\t\tlower\t收入分配\t\n"
        "rd\t研究与试验发展经费支出占地区生产总值比重\t%\thigher\t经济\tR&D经费支出占GDP比重\n");
    struct { const char *phrase, *slug; } cases[] = {
        { "每千人口擁有嬰幼兒照護設施托位數", "childcare" },
        { "每千人拥有 婴幼儿照护设施托位", "childcare" },
        { "全市居民人均可支配收入", "income" },
        { "地區人均可支配收入最高最低倍差", "income-gap-region" },
        { "R&D 经费支出占 GDP 比重", "rd" },
        { "ｒ＆ｄ经费支出占ＧＤＰ比重", "rd" },
        /* The alias must end where the phrase ends: this is a gap, not an income. */
        { "城乡居民人均可支配收入差距", NULL },
        { "", NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *key = targets_fold_key(cases[i].phrase, strlen(cases[i].phrase));
        size_t at = 99;
        const struct indicator *ind = catalogue_link(c, key, 0, strlen(key), &at);
        if (!cases[i].slug) {
            if (ind)
                fail_msg("%s linked to %s", cases[i].phrase, ind->slug);
        } else {
            if (!ind)
                fail_msg("%s not linked", cases[i].phrase);
            assert_string_equal(ind->slug, cases[i].slug);
            assert_true(at <= strlen(key));
        }
        free(key);
    }
    /* The alias must start within [min_start, max_start]. */
    char *key = targets_fold_key("全市居民人均可支配收入", strlen("全市居民人均可支配收入"));
    assert_null(catalogue_link(c, key, 0, 3, NULL));
    assert_non_null(catalogue_link(c, key, 0, 6, NULL));
    assert_null(catalogue_link(c, key, 7, 30, NULL));
    free(key);
    catalogue_free(&c);
}

/* The longest alias ending the phrase wins wherever it stands in the file, among aliases
 * that end in the same byte and aliases that do not (catalogue_link reads one chain of
 * keys by their last byte). */
static void test_link_longest(void **state)
{
    (void)state;
    struct catalogue *c = parse_ok(
        HEADER
        "short\t收入\t万元\thigher\t收入分配\t\n"
        "rate\t就业率\t%\thigher\t经济\t\n"
        "long\t居民人均可支配收入\t万元\thigher\t收入分配\t\n"
        "mid\t可支配收入\t万元\thigher\t收入分配\t\n");
    struct { const char *phrase, *slug; size_t at; } cases[] = {
        { "全市居民人均可支配收入", "long", strlen("全市") },
        { "农民可支配收入", "mid", strlen("农民") },
        { "财政收入", "short", strlen("财政") },
        { "城镇就业率", "rate", strlen("城镇") },
        { "收入", "short", 0 },
        { "入", NULL, 0 },
        { "收入水平", NULL, 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *key = targets_fold_key(cases[i].phrase, strlen(cases[i].phrase));
        size_t at = 99;
        const struct indicator *ind = catalogue_link(c, key, 0, strlen(key), &at);
        if (!cases[i].slug) {
            if (ind)
                fail_msg("%s linked to %s", cases[i].phrase, ind->slug);
        } else {
            if (!ind)
                fail_msg("%s not linked", cases[i].phrase);
            assert_string_equal(ind->slug, cases[i].slug);
            assert_int_equal(at, cases[i].at);
        }
        free(key);
    }
    /* A longer alias out of the range given leaves the shorter one that is in it. */
    char *key = targets_fold_key("全市居民人均可支配收入", strlen("全市居民人均可支配收入"));
    size_t at = 99;
    const struct indicator *ind = catalogue_link(c, key, strlen("全市居民人均"), 30, &at);
    assert_non_null(ind);
    assert_string_equal(ind->slug, "mid");
    assert_int_equal(at, strlen("全市居民人均"));
    free(key);
    catalogue_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_load_file),
        cmocka_unit_test(test_link),
        cmocka_unit_test(test_link_longest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
