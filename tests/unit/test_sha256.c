/* SHA-256, the identity of an imported file (the same bytes under another name are the
 * same source), against FIPS 180-4's examples: padding in the message's last block and
 * in a block of its own, and a message of many blocks; with the processor's SHA
 * instructions and in C alone, which give the same digest for every length of a block and
 * more, so that a source's digest is the same on every machine. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/sha256.h"

static void expect(const void *data, size_t n, const char *want)
{
    char got[65], c[65];
    sha256_hex(data, n, got);
    sha256_hex_portable(data, n, c);
    assert_string_equal(got, want);
    assert_string_equal(c, want);
}

static void test_fips_examples(void **state)
{
    (void)state;
    expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    expect(two, strlen(two), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    expect(four, strlen(four), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    char *million = malloc(1000000);
    assert_non_null(million);
    memset(million, 'a', 1000000);
    expect(million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(million);
}

static void test_same_both_ways(void **state)
{
    (void)state;
    enum { N = 1000 };
    unsigned char *buf = malloc(N);
    assert_non_null(buf);
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (unsigned char)x;
    }
    for (size_t n = 0; n <= N; n += n < 260 ? 1 : 37) {
        char fast[65], c[65];
        sha256_hex(buf, n, fast);
        sha256_hex_portable(buf, n, c);
        assert_string_equal(fast, c);
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_examples),
        cmocka_unit_test(test_same_both_ways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
