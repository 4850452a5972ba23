/* width.c — wcwidth for curses and the core: libc's, with ambiguous characters wide when
 * the terminal draws them so. */
#include <dlfcn.h>
#include <string.h>
#include <wchar.h>
#include "gongfu/text.h"
#include "width.h"

static int wide;

/* The answers for the Basic Multilingual Plane, + 2 (0: not asked yet). curses asks of
 * every cell it puts in a window and again of every cell it sends: asking libc each time
 * was a twentieth of a full repaint's instructions. */
static signed char known[0x10000];
/* Whether answers are kept (only once width_ambiguous_wide has said how ambiguous
 * characters are drawn: curses asks a few while it starts), and whether any is: clearing
 * the 64 KB at start would touch (fault in) sixteen pages of zeros for nothing. */
static int keeping, kept;

/* The core remembers what wcwidth answered (text_char_width): a change is asked again.
 * Every call starts afresh here: it comes once the locale is the terminal's. */
void width_ambiguous_wide(int w)
{
    if (w != wide)
        text_width_reset();
    wide = w;
    if (kept)
        memset(known, 0, sizeof known);
    kept = 0;
    keeping = 1;
}

static int ask(wchar_t c)
{
    static int (*libc)(wchar_t);
    if (!libc)
        libc = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
    int w = libc ? libc(c) : (c >= 0x20 && c < 0x7f ? 1 : -1);
    return wide && w == 1 && c >= 0x80 && text_is_ambiguous((uint32_t)c) ? 2 : w;
}

int wcwidth(wchar_t c)
{
    if (c < 0 || c >= 0x10000)
        return ask(c);
    if (!known[c]) {
        int w = ask(c);
        if (w < -1 || w > 2 || !keeping)
            return w;
        known[c] = (signed char)(w + 2);
        kept = 1;
    }
    return known[c] - 2;
}
