/* test_targets_lexicon.c — the extractor's word tables: every word is written folded (the
 * extractor compares with folded text, so an unfolded word could never match), none is
 * empty or repeated in its table, and the separator sets hold what their names say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/fold.h"
#include "../../src/core/lexicon.h"
#include "../../src/core/targets_int.h"

static void check_word(const char *table, const char *w)
{
    size_t n, *map = NULL;
    char *f = fold_utf8(w, strlen(w), &n, &map);
    assert_non_null(f);
    if (strcmp(f, w) != 0)
        fail_msg("%s: \"%s\" is not folded (folds to \"%s\")", table, w, f);
    assert_true(*w != 0);
    free(f);
    free(map);
}

static void check_words(const char *table, const char *const *words)
{
    assert_non_null(words[0]);
    for (size_t i = 0; words[i]; i++) {
        check_word(table, words[i]);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(words[i], words[j]))
                fail_msg("%s: \"%s\" twice", table, words[i]);
    }
}

static void check_lex_words(const char *table, const struct lex_word *words)
{
    assert_non_null(words[0].w);
    for (size_t i = 0; words[i].w; i++) {
        check_word(table, words[i].w);
        assert_true(words[i].cmp <= CMP_APPROX);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(words[i].w, words[j].w))
                fail_msg("%s: \"%s\" twice", table, words[i].w);
    }
}

#define WORDS(t) check_words(#t, t)
#define LEX_WORDS(t) check_lex_words(#t, t)

static void tables_are_folded_and_distinct(void **state)
{
    (void)state;
    LEX_WORDS(lex_cmp_verbs);
    LEX_WORDS(lex_level_verbs);
    LEX_WORDS(lex_closing_words);
    WORDS(lex_count_verbs);
    WORDS(lex_action_verbs);
    WORDS(lex_front_verbs);
    WORDS(lex_cover_words);
    WORDS(lex_cover_verbs);
    WORDS(lex_build_verbs);
    WORDS(lex_units);
    WORDS(lex_per_units);
    WORDS(lex_multipliers);
    WORDS(lex_classifiers);
    WORDS(lex_rate_heads);
    WORDS(lex_amount_heads);
    WORDS(lex_false_heads);
    WORDS(lex_year_preps);
    WORDS(lex_lead_words);
    WORDS(lex_tail_words);
    WORDS(lex_stretch_words);
    WORDS(lex_cumulative_words);
    WORDS(lex_member_joins);
    WORDS(lex_annual_words);
    WORDS(lex_count_openers);
    WORDS(lex_scope_words);
    WORDS(lex_counted_measures);
    WORDS(lex_past_times);
    WORDS(lex_coming_year_words);
    WORDS(lex_plan_words);
    WORDS(lex_deadline_preps);
    WORDS(lex_until_preps);
    WORDS(lex_baseline_preps);
}

/* Every character of a set is in it; nothing else is, not even the NUL that ends it. */
static void check_set(const char *set, const char *members)
{
    for (size_t i = 0; members[i];) {
        uint32_t c;
        i += fold_decode(members + i, strlen(members + i), &c);
        assert_true(lex_sep(set, c));
    }
    assert_false(lex_sep(set, 0));
    assert_false(lex_sep(set, ','));
    assert_false(lex_sep(set, 0x4E00));     /* 一 */
}

static void separator_sets(void **state)
{
    (void)state;
    check_set(LEX_SEP_ENUM, "、");
    check_set(LEX_SEP_JOIN, "和及与或");
    check_set(LEX_SEP_VALUES, "、和及与或");
    check_set(LEX_SEP_ITEMS, "、和及与");
    check_set(LEX_SEP_COUNTS, "、和及");
    check_set(LEX_SEP_LEVEL_END, "、并");
    assert_false(lex_sep(LEX_SEP_ITEMS, 0x6216));   /* 或 joins values, not items */
    assert_false(lex_sep(LEX_SEP_COUNTS, 0x4E0E));  /* 与 */
    check_set(LEX_NAME_MARKS, "的版号型代级类期星届");
    check_set(LEX_AVERAGE_PREFIXES, "年亩人户平");
    check_set(LEX_QUOTE_CLOSE, "”」』》’");
    assert_false(lex_sep(LEX_QUOTE_CLOSE, 0x201C));  /* “ opens */
    check_set(LEX_CLAUSE_JOINS, "并");
}

/* tx_at_any and lex_word_at at every position of a text made of a list's words (each
 * between other words, so longer and shorter ones overlap) against the definition: of
 * every word of the list that stands there, the longest, the first of equals. */
static void lookup_is_the_longest_first(const char *const *words, const struct lex_word *lw)
{
    size_t cap = 1, n = 0;
    for (size_t k = 0; lw ? lw[k].w != NULL : words[k] != NULL; k++)
        cap += strlen(lw ? lw[k].w : words[k]) + strlen("和2") + 1;
    char *text = malloc(cap);
    assert_non_null(text);
    text[0] = 0;
    for (size_t k = 0; lw ? lw[k].w != NULL : words[k] != NULL; k++, n++) {
        strcat(text, lw ? lw[k].w : words[k]);
        strcat(text, k % 3 ? "和" : k % 2 ? "2" : "");
    }
    struct ttext t;
    assert_int_equal(ttext_build(text, strlen(text), &t), 0);
    for (size_t i = 0; i <= t.n; i++) {
        size_t want = 0;
        int want_w = -1;
        for (size_t k = 0; k < n; k++) {
            size_t l = tx_at(&t, i, t.n, lw ? lw[k].w : words[k]);
            if (l > want)
                want = l, want_w = (int)k;
        }
        int got_w = -1;
        size_t got;
        if (lw) {
            const struct lex_word *hit = NULL;
            got = lex_word_at(&t, i, t.n, lw, &hit);
            got_w = hit ? (int)(hit - lw) : -1;
        } else {
            got = tx_at_any(&t, i, t.n, words, &got_w);
        }
        if (got != want || (want && got_w != want_w))
            fail_msg("at %zu of \"%s\": %zu (word %d), want %zu (word %d)", i, text, got,
                     got_w, want, want_w);
    }
    ttext_free(&t);
    free(text);
}

/* A unit after the number: multipliers (up to three) then a unit, a bare multiplier before
 * no Han, a unit per unit; 0 where none stands. */
static void units_after_numbers(void **state)
{
    (void)state;
    static const struct { const char *text; size_t len; } cases[] = {
        { "万元以上", 2 }, { "亿元", 2 }, { "万亿元", 3 }, { "千万千瓦", 4 }, { "%,", 1 },
        { "个百分点", 4 }, { "平方公里内", 4 }, { "亿,", 1 }, { "万", 1 }, { "万家企业", 2 },
        { "元/人", 3 }, { "万元/亩", 4 }, { "吨/年", 3 }, { "元/", 1 }, { "以上", 0 },
        { "万以上", 0 }, { "十百千万元", 0 },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        struct ttext t;
        assert_int_equal(ttext_build(cases[k].text, strlen(cases[k].text), &t), 0);
        size_t got = lex_unit(&t, 0, t.n);
        if (got != cases[k].len)
            fail_msg("unit of \"%s\": %zu, want %zu", cases[k].text, got, cases[k].len);
        ttext_free(&t);
    }
}

/* The folded text: spaces dropped and marked on the character after them, but for one
 * between two digits; ASCII and three-byte characters decoded as fold_decode does, an
 * ill-formed byte as U+FFFD, each with its bytes in the original. */
static void folded_text(void **state)
{
    (void)state;
    const char *s = "目标 3.5 16.\xE5\x9C A\t　年  \xE4\xB8";
    struct ttext t;
    assert_int_equal(ttext_build(s, strlen(s), &t), 0);
    const struct { uint32_t c; size_t off; int gap; } want[] = {
        { 0x76EE, 0, 0 }, { 0x6807, 3, 0 }, { '3', 7, 1 }, { '.', 8, 0 }, { '5', 9, 0 },
        { ' ', 10, 0 }, { '1', 11, 0 }, { '6', 12, 0 }, { '.', 13, 0 }, { 0xFFFD, 14, 0 },
        { 0xFFFD, 15, 0 }, { 'a', 17, 1 }, { 0x5E74, 22, 1 }, { 0xFFFD, 27, 1 },
        { 0xFFFD, 28, 0 },
    };
    assert_int_equal(t.n, sizeof want / sizeof *want);
    for (size_t k = 0; k < t.n; k++) {
        if (t.v[k].c != want[k].c || t.v[k].off != want[k].off || t.v[k].gap != want[k].gap)
            fail_msg("tchar %zu: U+%04X at %zu gap %d, want U+%04X at %zu gap %d", k,
                     (unsigned)t.v[k].c, t.v[k].off, t.v[k].gap, (unsigned)want[k].c,
                     want[k].off, want[k].gap);
    }
    assert_int_equal(t.v[t.n].c, 0);
    ttext_free(&t);
}

static void lists_looked_up(void **state)
{
    (void)state;
    const char *const *lists[] = { lex_units, lex_per_units, lex_multipliers, lex_count_verbs,
                                   lex_action_verbs, lex_past_times, lex_coming_year_words,
                                   lex_plan_words, lex_year_preps, lex_lead_words };
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++)
        lookup_is_the_longest_first(lists[k], NULL);
    const struct lex_word *wlists[] = { lex_closing_words, lex_cmp_verbs, lex_level_verbs };
    for (size_t k = 0; k < sizeof wlists / sizeof *wlists; k++)
        lookup_is_the_longest_first(NULL, wlists[k]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_are_folded_and_distinct),
        cmocka_unit_test(separator_sets),
        cmocka_unit_test(lists_looked_up),
        cmocka_unit_test(units_after_numbers),
        cmocka_unit_test(folded_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
