/* The explorer's wcrtomb and wctob (src/tui/encode.c, compiled in here) against libc's,
 * which they stand in for: in a UTF-8 locale the same bytes, lengths and errors for every
 * code point and for what is none; in another locale, and from a state left half done,
 * libc's own answers. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "encode.c"

static size_t (*libc_wcrtomb)(char *, wchar_t, mbstate_t *);
static int (*libc_wctob)(wint_t);

static void same_as_libc(wchar_t wc)
{
    char a[MB_LEN_MAX + 1] = { 0 }, b[MB_LEN_MAX + 1] = { 0 };
    mbstate_t sa, sb;
    memset(&sa, 0, sizeof sa);
    memset(&sb, 0, sizeof sb);
    errno = 0;
    size_t na = wcrtomb(a, wc, &sa);
    int ea = errno;
    errno = 0;
    size_t nb = libc_wcrtomb(b, wc, &sb);
    int eb = errno;
    if (na != nb || (na != (size_t)-1 && memcmp(a, b, na)) || (na == (size_t)-1 && ea != eb))
        fail_msg("wcrtomb U+%04X: %zd against libc's %zd", (unsigned)wc, (ssize_t)na,
                 (ssize_t)nb);
    if (wctob((wint_t)wc) != libc_wctob((wint_t)wc))
        fail_msg("wctob U+%04X: %d against libc's %d", (unsigned)wc, wctob((wint_t)wc),
                 libc_wctob((wint_t)wc));
}

static void test_every_code_point(void **st)
{
    (void)st;
    assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
    for (uint32_t c = 0; c <= 0x10FFFF; c++)
        same_as_libc((wchar_t)c);
    /* Not characters: past Unicode, negative. */
    static const uint32_t none[] = { 0x110000, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000 };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        same_as_libc((wchar_t)none[i]);
    assert_int_equal(wctob(WEOF), libc_wctob(WEOF));
    /* NULL for the buffer: the initial state's length, as libc says. */
    mbstate_t s;
    memset(&s, 0, sizeof s);
    assert_int_equal(wcrtomb(NULL, L'中', &s), libc_wcrtomb(NULL, L'中', &s));
    /* The literal bytes of 中 and of an emoji. */
    char buf[8];
    assert_int_equal(wcrtomb(buf, L'中', NULL), 3);
    assert_memory_equal(buf, "\xe4\xb8\xad", 3);
    assert_int_equal(wcrtomb(buf, 0x1F600, NULL), 4);
    assert_memory_equal(buf, "\xf0\x9f\x98\x80", 4);
}

static void test_other_locales(void **st)
{
    (void)st;
    /* In the C locale a character past ASCII has no bytes: libc's answer, not UTF-8's. */
    assert_non_null(setlocale(LC_ALL, "C"));
    for (uint32_t c = 0; c < 0x3000; c += 7)
        same_as_libc((wchar_t)c);
    same_as_libc(L'中');
    char buf[8];
    mbstate_t s;
    memset(&s, 0, sizeof s);
    assert_int_equal(wcrtomb(buf, L'中', &s), (size_t)-1);
    /* A state that a conversion left half done goes to libc. */
    assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
    mbstate_t half;
    memset(&half, 0, sizeof half);
    wchar_t wc;
    assert_int_equal(mbrtowc(&wc, "\xe4", 1, &half), (size_t)-2);
    assert_false(mbsinit(&half));
    mbstate_t twin = half;
    errno = 0;
    size_t ours = wcrtomb(buf, L'a', &half);
    int e1 = errno;
    errno = 0;
    size_t theirs = libc_wcrtomb(buf, L'a', &twin);
    assert_int_equal(ours, theirs);
    assert_int_equal(e1, errno);
}

int main(void)
{
    libc_wcrtomb = (size_t (*)(char *, wchar_t, mbstate_t *))dlsym(RTLD_NEXT, "wcrtomb");
    libc_wctob = (int (*)(wint_t))dlsym(RTLD_NEXT, "wctob");
    if (!libc_wcrtomb || !libc_wctob)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_code_point),
        cmocka_unit_test(test_other_locales),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
