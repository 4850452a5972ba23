/* Tables of indicators: headers, the kind and year of each value, comparators, brackets,
 * units and links, on section texts shaped as the readers write tables. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/itable.h"
#include "../../src/core/targets_int.h"

/* A small catalogue in the file's format; it names indicators, never values. */
static const char test_cat[] = "slug\tname\tunit\tdirection\tcategory\taliases\n"
                               "urban\t常住人口城镇化率\t%\thigher\t城乡区域\t城镇化率\n"
                               "life\t人均预期寿命\t岁\thigher\t公共服务\t\n";
static struct catalogue *cat;

static struct target_list run(const char *text, int doc_year)
{
    struct targets_opts o = {.doc_year = doc_year, .cat = cat};
    struct target_list l = {0};
    struct err e = {{0}};
    assert_int_equal(itable_extract(text, strlen(text), &o, &l, &e), 0);
    return l;
}

static void headers(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "| 指标 | 单位 | 2020年 | 2025年 | 属性 |", "指标名称 | 2025年目标值", "| 类别 | 主要指标 | 2030年 |",
        "| 項目 | 單位 | 2025年（預期） |",
    };
    static const char *const no[] = {
        "| 发布机构: | 区发改局 | 成文日期: | 2022-05-30 |", "| 指标 | 单位 | 属性 |",
        "| 2020年 | 2025年 |", "不是表格，指标2025年",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(itable_is_header(yes[i], strlen(yes[i]), NULL, 0));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(itable_is_header(no[i], strlen(no[i]), NULL, 0));
    const char *h = "| 指标 | 单位 | 目标值 |  |", *y = "|  |  | 2020年 | 2025年 |";
    assert_false(itable_is_header(h, strlen(h), NULL, 0));
    assert_true(itable_is_header(h, strlen(h), y, strlen(y)));
    assert_true(itable_is_row("a | b | c", 9));
    assert_false(itable_is_row("a|b", 3));
    /* " | " anywhere inside, or a '|' at either end; never past the n bytes given. */
    assert_true(itable_is_row("a | ", 4));
    assert_true(itable_is_row("ab|cd | e", 9));
    assert_false(itable_is_row("a |b c| d", 9));
    assert_false(itable_is_row("a | b", 2));
    assert_false(itable_is_row("ab | c", 3));
    assert_false(itable_is_row("a  | c", 3));
    assert_true(itable_is_row("a  | c", 5));
    assert_false(itable_is_row("x", 1));
    assert_false(itable_is_row("", 0));
}

static void kinds_years_and_values(void **state)
{
    (void)state;
    const char *text = "主要指标如下。\n"
                       "| 指标 | 单位 | 2020年 | 2025年 | 属性 |\n"
                       "| 城镇化率 | % | 72 | ≥75 | 预期性 |\n"
                       "| 人均预期寿命 |  | 80.4 | 81.8左右 | 预期性 |\n"
                       "| 研发投入强度（%） |  | 2.77 | 3.3以上 | 预期性 |\n"
                       "| 新增城镇就业 | 万人 | — | [500] | 预期性 |\n"
                       "| 城乡居民收入倍差 |  | 1.96 | <1.9 | 约束性 |\n"
                       "| 学前教育普及 |  | / | 全覆盖 | 约束性 |\n"
                       "表后的文字。\n"
                       "| 不在表里 | % | 1 | 2 |\n";
    struct target_list l = run(text, 0);
    assert_int_equal(l.n, 10);
    /* Without a date the earliest of two year columns looks back. */
    const struct target *t = &l.v[0];
    assert_string_equal(t->phrase, "城镇化率");
    assert_int_equal(t->kind, TK_REPORTED);
    assert_int_equal(t->year, 2020);
    assert_true(t->value == 72);
    assert_string_equal(t->unit, "%");
    assert_non_null(t->indicator);
    assert_string_equal(t->indicator->slug, "urban");
    assert_memory_equal(text + t->value_start, "72", 2);
    assert_memory_equal(text + t->phrase_start, "城镇化率", t->phrase_end - t->phrase_start);
    t = &l.v[1];
    assert_int_equal(t->kind, TK_TARGET);
    assert_int_equal(t->year, 2025);
    assert_int_equal(t->cmp, CMP_GE);
    t = &l.v[3];                                      /* 81.8左右, the unit from the catalogue */
    assert_int_equal(t->cmp, CMP_APPROX);
    assert_true(t->flags & TF_APPROX);
    assert_string_equal(t->unit, "岁");
    assert_true(t->flags & TF_INFERRED_UNIT);
    t = &l.v[4];                                      /* the unit in the indicator's brackets */
    assert_string_equal(t->phrase, "研发投入强度");
    assert_string_equal(t->unit, "%");
    assert_int_equal(l.v[5].cmp, CMP_GE);
    t = &l.v[6];                                      /* [500]: a five-year total; — is none */
    assert_string_equal(t->phrase, "新增城镇就业");
    assert_int_equal(t->freq, TFQ_CUMULATIVE);
    assert_true(t->value == 500);
    assert_int_equal(l.v[8].cmp, CMP_LT);
    t = &l.v[9];                                      /* words for the future: qualitative */
    assert_string_equal(t->phrase, "学前教育普及");
    assert_true(isnan(t->value));
    assert_true(t->flags & TF_QUALITATIVE);
    assert_int_equal(t->kind, TK_TARGET);
    target_list_free(&l);
}

static void the_documents_year_decides(void **state)
{
    (void)state;
    const char *text = "| 指标 | 2025年 | 2026年 | 2030年 |\n| 城镇化率 | 76 | 76.5 | 78左右 |\n";
    struct target_list l = run(text, 2026);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].kind, TK_REPORTED);
    assert_int_equal(l.v[1].kind, TK_TARGET);      /* 今年 is ahead */
    assert_int_equal(l.v[2].kind, TK_TARGET);
    target_list_free(&l);
    /* A header that says which column is the base decides without a date. */
    text = "| 指标 | 2025年目标 | 2020年基期 |\n| 城镇化率 | 75 | 72 |\n";
    l = run(text, 0);
    assert_int_equal(l.v[0].kind, TK_TARGET);
    assert_int_equal(l.v[1].kind, TK_REPORTED);
    target_list_free(&l);
    /* Two header rows: the years under a spanning 目标值. */
    text = "| 指标 | 单位 | 目标值 |  |\n|  |  | 2020年 | 2025年 |\n| 城镇化率 | % | 72 | 75 |\n";
    l = run(text, 0);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[1].year, 2025);
    assert_int_equal(l.v[1].kind, TK_TARGET);
    target_list_free(&l);
}

/* One goal cell after a one-row header, read as a table of indicators. */
static struct target_list one_cell(const char *cell)
{
    char text[256];
    snprintf(text, sizeof text, "| 指标 | 2030年 |\n| 城镇化率 | %s |\n", cell);
    return run(text, 2026);
}

/* A cell reads its comparator from the lexicon the prose's extractor reads, folded: each of
 * its comparator words before a number and each closing word after one, the symbols tables
 * write (≥, full-width ＞＝), Traditional spellings; a word of change or of a total
 * (提高, 年均增长) does not make a level, so the cell stays words. */
static void comparators_are_the_lexicons(void **state)
{
    (void)state;
    char cell[64];
    for (const struct lex_word *w = lex_cmp_verbs; w->w; w++) {
        snprintf(cell, sizeof cell, "%s5", w->w);
        struct target_list l = one_cell(cell);
        assert_int_equal(l.n, 1);
        if (w->flags & (TF_GROWTH | TF_ANNUAL | TF_CUMULATIVE)) {
            assert_true(l.v[0].flags & TF_QUALITATIVE);
        } else {
            if (l.v[0].cmp != w->cmp || l.v[0].value != 5)
                fail_msg("\"%s\": comparator %d value %g", cell, l.v[0].cmp, l.v[0].value);
        }
        target_list_free(&l);
    }
    for (const struct lex_word *w = lex_closing_words; w->w; w++) {
        snprintf(cell, sizeof cell, "5%%%s", w->w);
        struct target_list l = one_cell(cell);
        assert_int_equal(l.n, 1);
        if (l.v[0].cmp != w->cmp || strcmp(l.v[0].unit, "%"))
            fail_msg("\"%s\": comparator %d unit \"%s\"", cell, l.v[0].cmp, l.v[0].unit);
        target_list_free(&l);
    }
    static const struct { const char *cell; enum target_cmp cmp; } cases[] = {
        {"≥75", CMP_GE}, {"≧75", CMP_GE}, {"＞＝75", CMP_GE}, {">75", CMP_GT}, {"＜1.9", CMP_LT},
        {"≤5", CMP_LE}, {"<= 5", CMP_LE}, {"～80", CMP_APPROX}, {"不低於75", CMP_GE},
        {"不超過5", CMP_LE}, {"大于等于75", CMP_GE}, {"80左右", CMP_APPROX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct target_list l = one_cell(cases[i].cell);
        assert_int_equal(l.n, 1);
        if (l.v[0].cmp != cases[i].cmp || isnan(l.v[0].value))
            fail_msg("\"%s\": comparator %d value %g", cases[i].cell, l.v[0].cmp, l.v[0].value);
        target_list_free(&l);
    }
    /* 降至 sets at most the value for a goal, and is the value once reached. */
    const char *text = "| 指标 | 2020年 | 2030年 |\n| 单位能耗 | 降至0.5 | 降至0.4 |\n";
    struct target_list l = run(text, 2026);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].kind, TK_REPORTED);
    assert_int_equal(l.v[0].cmp, CMP_EQ);
    assert_int_equal(l.v[1].cmp, CMP_LE);
    assert_int_equal(l.v[0].flags & ~(unsigned)TF_INFERRED_UNIT, 0);
    target_list_free(&l);
}

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    return catalogue_parse(test_cat, strlen(test_cat), "test.tsv", &cat, &e);
}

static int teardown(void **state)
{
    (void)state;
    catalogue_free(&cat);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headers),
        cmocka_unit_test(kinds_years_and_values),
        cmocka_unit_test(the_documents_year_decides),
        cmocka_unit_test(comparators_are_the_lexicons),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
