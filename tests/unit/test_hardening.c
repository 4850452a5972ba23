/* Regressions found by fuzzing the importer (tests/fuzz/fuzz_import.c). Each input is also
 * in tests/fuzz/regress/import/, which every fuzz run replays; here they run in the normal
 * and the ASan+UBSan build of `make check`. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/decode.h"
#include "gongfu/structure.h"

/* Every node of every document lies inside the n raw bytes, and inside its parent. */
static void parse_within(const char *raw, size_t n)
{
    struct decoded d;
    struct err e = {{0}};
    struct structure_opts o = {.fallback_title = "t.txt"};
    struct doc *docs = NULL;
    size_t ndocs = 0;
    assert_int_equal(decode_bytes(raw, n, NULL, &d, &e), 0);
    assert_int_equal(structure_parse(&d, &o, &docs, &ndocs, &e), 0);
    assert_true(ndocs >= 1);
    for (size_t i = 0; i < ndocs; i++)
        for (size_t k = 0; k < docs[i].nnodes; k++) {
            assert_true(docs[i].nodes[k].raw_start <= docs[i].nodes[k].raw_end);
            assert_true(docs[i].nodes[k].raw_end <= n);
            int p = docs[i].nodes[k].parent;
            if (p >= 0) {
                assert_true(docs[i].nodes[k].raw_start >= docs[i].nodes[p].raw_start);
                assert_true(docs[i].nodes[k].raw_end <= docs[i].nodes[p].raw_end);
            }
        }
    structure_free(&docs, ndocs);
    decoded_free(&d);
}

/* GB18030 "中" is 2 raw bytes and 3 UTF-8 bytes: the end of the text is the end of the
 * file, not one byte past it. */
static void test_gb18030_end_maps_to_file_end(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    assert_int_equal(decode_bytes("\xd6\xd0", 2, NULL, &d, &e), 0);
    assert_string_equal(d.encoding, "GB18030");
    assert_int_equal(d.len, 3);
    assert_int_equal(decoded_raw_offset(&d, 3), 2);
    decoded_free(&d);
    parse_within("\xd6\xd0", 2);
}

/* Offsets inside a character whose raw and UTF-8 lengths differ map to its start, so the
 * map never goes backwards. */
static void test_gb18030_map_is_monotonic(void **state)
{
    (void)state;
    /* "ab", U+20087 (4 raw bytes in GB18030, 4 in UTF-8), 中 (2 → 3), "c" */
    static const char raw[] = "ab\x95\x32\x82\x36\xd6\xd0" "c";
    struct decoded d;
    struct err e = {{0}};
    assert_int_equal(decode_bytes(raw, sizeof raw - 1, "GB18030", &d, &e), 0);
    size_t prev = 0;
    for (size_t t = 0; t <= d.len; t++) {
        size_t r = decoded_raw_offset(&d, t);
        assert_true(r >= prev);
        assert_true(r <= sizeof raw - 1);
        prev = r;
    }
    assert_int_equal(decoded_raw_offset(&d, d.len - 1), sizeof raw - 2);  /* "c" */
    assert_int_equal(decoded_raw_offset(&d, d.len - 2), 6);               /* inside 中 */
    decoded_free(&d);
}

/* A one-byte line under a title line: the "(2021—2025年)" check read 3 bytes of it. */
static void test_short_line_under_title(void **state)
{
    (void)state;
    parse_within("# Thbus\n\nB", 10);
}

/* A bare item label ending a line ("39.") opens a title with no text at all. */
static void test_bare_label_without_title(void **state)
{
    (void)state;
    static const char raw[] = "\f\f\fcleane\f\f\f3\f\f39.\f\f\f";
    parse_within(raw, sizeof raw - 1);
    static const char raw2[] = "标题\n一、第一章\n前言。 1.\n正文。\n2.\n";
    parse_within(raw2, sizeof raw2 - 1);
    /* The label alone still belongs to the item, and so to its chapter. */
    static const char raw3[] = "\f\f\f\f\f\f\f3\f\f\f\f\f31.9.\f\f\f\f\f\f\f\f\f\f\f\f"
                               "二、\f\f\f\x03\f\f" "39.\f\f\f\f\f\f\f\f\f\f";
    parse_within(raw3, sizeof raw3 - 1);
}

/* Lone surrogates encoded in UTF-8 (from JavaScript or Windows text) become U+FFFD, byte
 * for byte, instead of failing the whole file; anything else invalid still fails. */
static void test_encoded_surrogates_become_replacement(void **state)
{
    (void)state;
    static const char raw[] = "a\xed\xa0\x80" "b\xed\xbf\xbf\xed\x9f\xbf";
    struct decoded d;
    struct err e = {{0}};
    assert_int_equal(decode_bytes(raw, sizeof raw - 1, NULL, &d, &e), 0);
    assert_string_equal(d.encoding, "UTF-8");
    assert_string_equal(d.text, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xed\x9f\xbf");
    assert_int_equal(decoded_raw_offset(&d, 4), 4);
    decoded_free(&d);
    assert_int_equal(decode_bytes("a\xed\xa0\x80\xff", 5, "UTF-8", &d, &e), -1);
    assert_non_null(strstr(e.msg, "byte 4"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gb18030_end_maps_to_file_end),
        cmocka_unit_test(test_gb18030_map_is_monotonic),
        cmocka_unit_test(test_short_line_under_title),
        cmocka_unit_test(test_bare_label_without_title),
        cmocka_unit_test(test_encoded_surrogates_become_replacement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
