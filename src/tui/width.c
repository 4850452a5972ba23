/* width.c — wcwidth for curses and the core: libc's, with ambiguous characters wide when
 * the terminal draws them so. */
#include <dlfcn.h>
#include <wchar.h>
#include "gongfu/text.h"
#include "width.h"

static int wide;

/* The core remembers what wcwidth answered (text_char_width): a change is asked again. */
void width_ambiguous_wide(int w)
{
    if (w != wide)
        text_width_reset();
    wide = w;
}

int wcwidth(wchar_t c)
{
    static int (*libc)(wchar_t);
    if (!libc)
        libc = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
    int w = libc ? libc(c) : (c >= 0x20 && c < 0x7f ? 1 : -1);
    return wide && w == 1 && c >= 0x80 && text_is_ambiguous((uint32_t)c) ? 2 : w;
}
