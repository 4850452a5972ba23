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

/* Bytes from UTF-8 text through iconv, for the encodings under test. */
static size_t encode(const char *to, const char *text, char *out, size_t cap)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *in = (char *)text, *o = out;
    size_t inleft = strlen(text), left = cap;
    assert_true(iconv(cd, &in, &inleft, &o, &left) != (size_t)-1);
    iconv_close(cd);
    return cap - left;
}

/* UTF-16 with a byte-order mark (either order) decodes; every character maps back to its
 * raw bytes (the mark, then two bytes a character, four for one beyond the BMP). */
static void utf16_with_bom_is_decoded(void **state)
{
    (void)state;
    const char *text = "一、舟山A\n𠀀b";
    for (int big = 0; big < 2; big++) {
        char raw[128] = { big ? '\xFE' : '\xFF', big ? '\xFF' : '\xFE' };
        size_t n = 2 + encode(big ? "UTF-16BE" : "UTF-16LE", text, raw + 2, sizeof raw - 2);
        struct decoded d;
        struct err e = {{0}};
        assert_int_equal(decode_bytes(raw, n, NULL, &d, &e), 0);
        assert_string_equal(d.text, text);
        assert_string_equal(d.encoding, big ? "UTF-16BE" : "UTF-16LE");
        assert_int_equal(decoded_raw_offset(&d, 0), 2);        /* 一 */
        assert_int_equal(decoded_raw_offset(&d, 9), 8);        /* 山 */
        assert_int_equal(decoded_raw_offset(&d, 13), 12);      /* \n */
        assert_int_equal(decoded_raw_offset(&d, 18), 18);      /* b, after the pair */
        assert_int_equal(decoded_raw_offset(&d, d.len), n);
        decoded_free(&d);
    }
}

/* --encoding UTF-16 without a mark is big-endian; UTF-16LE is forced. An odd byte count,
 * a NUL character are refused; a lone surrogate becomes U+FFFD. */
static void utf16_forced_and_refused(void **state)
{
    (void)state;
    char raw[64];
    struct decoded d;
    struct err e = {{0}};
    size_t n = encode("UTF-16BE", "舟山", raw, sizeof raw);
    assert_int_equal(decode_bytes(raw, n, "UTF-16", &d, &e), 0);
    assert_string_equal(d.text, "舟山");
    decoded_free(&d);
    n = encode("UTF-16LE", "舟山", raw, sizeof raw);
    assert_int_equal(decode_bytes(raw, n, "utf-16le", &d, &e), 0);
    assert_string_equal(d.text, "舟山");
    decoded_free(&d);
    assert_int_equal(decode_bytes(raw, n - 1, "UTF-16LE", &d, &e), -1);
    assert_non_null(strstr(e.msg, "odd number of bytes"));
    e.msg[0] = '\0';
    static const char nul[] = "\xFF\xFE" "A\0\0\0";
    assert_int_equal(decode_bytes(nul, sizeof nul - 1, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "byte 4: NUL character"));
    static const char lone[] = "\xFF\xFE" "\x00\xD8" "A\0";
    assert_int_equal(decode_bytes(lone, sizeof lone - 1, NULL, &d, &e), 0);
    assert_string_equal(d.text, "\xEF\xBF\xBD" "A");
    decoded_free(&d);
}

/* Japanese in Shift_JIS and Korean in EUC-KR are refused with a hint, not decoded as
 * GB18030; Chinese in GB18030 and GB2312 still is. */
static void other_east_asian_encodings_refused(void **state)
{
    (void)state;
    char raw[512];
    struct decoded d;
    struct err e = {{0}};
    size_t n = encode("SHIFT_JIS", "この計画は市民の生活を豊かにするための施策をまとめたものです。", raw,
                      sizeof raw);
    assert_int_equal(decode_bytes(raw, n, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "Japanese in Shift_JIS"));
    assert_non_null(strstr(e.msg, "--encoding GB18030"));
    e.msg[0] = '\0';
    n = encode("EUC-KR", "이 계획은 시민의 삶을 풍요롭게 하기 위한 정책을 정리한 것입니다.", raw, sizeof raw);
    assert_int_equal(decode_bytes(raw, n, NULL, &d, &e), -1);
    assert_non_null(strstr(e.msg, "Korean in EUC-KR"));
    const char *zh = "一、总体要求。坚持以人民为中心的发展思想，推动共同富裕，促进人的全面发展。";
    for (int k = 0; k < 2; k++) {
        n = encode(k ? "GB2312" : "GB18030", zh, raw, sizeof raw);
        e.msg[0] = '\0';
        assert_int_equal(decode_bytes(raw, n, NULL, &d, &e), 0);
        assert_string_equal(d.text, zh);
        decoded_free(&d);
    }
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
        cmocka_unit_test(utf16_with_bom_is_decoded),
        cmocka_unit_test(utf16_forced_and_refused),
        cmocka_unit_test(other_east_asian_encodings_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
