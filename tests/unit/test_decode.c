/* Decoding: UTF-8, BOM, GB18030, refusals with byte offsets, raw offset map. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/decode.h"

static void utf8_passes_through(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    const char *s = "一、总体要求\r\n1.指导思想。";
    assert_int_equal(decode_bytes(s, strlen(s), NULL, &d, &e), 0);
    assert_string_equal(d.text, s);
    assert_string_equal(d.encoding, "UTF-8");
    assert_int_equal(decoded_raw_offset(&d, 9), 9);
    decoded_free(&d);
}

static void bom_is_dropped_and_offsets_shift(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    const char s[] = "\xEF\xBB\xBF舟山";
    assert_int_equal(decode_bytes(s, sizeof s - 1, NULL, &d, &e), 0);
    assert_string_equal(d.text, "舟山");
    assert_int_equal(decoded_raw_offset(&d, 3), 6);
    decoded_free(&d);
}

static void nul_byte_is_refused_with_offset(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    const char s[] = "abc\0def";
    assert_int_equal(decode_bytes(s, sizeof s - 1, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "byte 3"));
    assert_non_null(strstr(e.msg, "binary"));
}

static void invalid_utf8_names_the_offset(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    const char s[] = "共同富裕\xff\xfe end";
    assert_int_equal(decode_bytes(s, sizeof s - 1, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "byte 12"));
    struct err e2 = {{0}};
    assert_int_equal(decode_bytes(s, sizeof s - 1, "UTF-8", &d, &e2), -1);
    assert_non_null(strstr(e2.msg, "byte 12"));
}

static char *to_gb18030(const char *utf8, size_t *n)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    size_t inleft = strlen(utf8), outleft = inleft * 2 + 8;
    char *out = malloc(outleft), *o = out, *in = (char *)utf8;
    iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    *n = (size_t)(o - out);
    return out;
}

static void gb18030_is_detected_and_mapped(void **state)
{
    (void)state;
    const char *s = "到2025年,城镇化率达75%。";
    size_t n;
    char *gb = to_gb18030(s, &n);
    struct decoded d;
    struct err e = {{0}};
    assert_int_equal(decode_bytes(gb, n, NULL, &d, &e), 0);
    assert_string_equal(d.text, s);
    assert_string_equal(d.encoding, "GB18030");
    /* "2025" starts at text byte 3, raw byte 2 ("到" is 2 bytes in GB18030). */
    assert_int_equal(decoded_raw_offset(&d, 3), 2);
    /* "城" (after "年,") : text 3+4+3+1 = 11, raw 2+4+2+1 = 9. */
    assert_int_equal(decoded_raw_offset(&d, 11), 9);
    decoded_free(&d);
    struct err e2 = {{0}};
    assert_int_equal(decode_bytes(gb, n, "GB18030", &d, &e2), 0);
    decoded_free(&d);
    free(gb);
}

static void latin1_is_not_mistaken_for_gb18030(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    const char s[] = "caf\xe9 cr\xe8me br\xfbl\xe9";
    assert_int_equal(decode_bytes(s, sizeof s - 1, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "byte 3"));
}

static void empty_input_is_empty_text(void **state)
{
    (void)state;
    struct decoded d;
    struct err e = {{0}};
    assert_int_equal(decode_bytes("", 0, NULL, &d, &e), 0);
    assert_int_equal(d.len, 0);
    decoded_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_passes_through),
        cmocka_unit_test(bom_is_dropped_and_offsets_shift),
        cmocka_unit_test(nul_byte_is_refused_with_offset),
        cmocka_unit_test(invalid_utf8_names_the_offset),
        cmocka_unit_test(gb18030_is_detected_and_mapped),
        cmocka_unit_test(latin1_is_not_mistaken_for_gb18030),
        cmocka_unit_test(empty_input_is_empty_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
