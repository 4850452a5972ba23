/* encode.c — wcrtomb and wctob for curses. Sending a cell, curses asks wctob whether the
 * character is one byte, then wcrtomb for its bytes; libc answers both through its
 * generic converter (gconv), about 450 instructions a character: a quarter of sending a
 * full screen of Chinese. The explorer runs in a UTF-8 locale (term_check_locale), where
 * the answers are the UTF-8 encoding itself, written here; in any other locale, and for
 * a conversion left half done (a state that is not the initial one), libc answers as
 * before. The definitions here are the ones curses' calls reach, as width.c's wcwidth. */
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/* UTF-8 is the one character set of glibc whose characters take up to 6 bytes. */
static int in_utf8(void)
{
    return MB_CUR_MAX == 6;
}

static void *libc_fn(const char *name)
{
    return dlsym(RTLD_NEXT, name);
}

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps)
{
    static size_t (*libc)(char *, wchar_t, mbstate_t *);
    uint32_t c = (uint32_t)wc;
    if (!s || (ps && !mbsinit(ps)) || !in_utf8() || (c >= 0xD800 && c < 0xE000) ||
        c > 0x10FFFF) {
        if (!libc)
            libc = (size_t (*)(char *, wchar_t, mbstate_t *))libc_fn("wcrtomb");
        if (libc)
            return libc(s, wc, ps);
        errno = EILSEQ;
        return (size_t)-1;
    }
    if (c < 0x80) {
        s[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        s[0] = (char)(0xC0 | (c >> 6));
        s[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        s[0] = (char)(0xE0 | (c >> 12));
        s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    s[0] = (char)(0xF0 | (c >> 18));
    s[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    s[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    s[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

int wctob(wint_t c)
{
    static int (*libc)(wint_t);
    if (c < 0x80)
        return (int)c;
    if (c != WEOF && in_utf8())
        return EOF;             /* past ASCII every character is two bytes or more */
    if (!libc)
        libc = (int (*)(wint_t))libc_fn("wctob");
    return libc ? libc(c) : EOF;
}
