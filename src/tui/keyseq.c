/* keyseq.c — key sequences of the common terminals, for curses' key decoder. Each gets a
 * code of its own above KEY_MAX, so the terminfo entry can neither hide nor change what
 * it means: the code is turned into the key here. */
#include <curses.h>
#include <stddef.h>
#include "keyseq.h"

#define K(k) KEYF(k)

static const struct { const char *seq; keycode key; } table[] = {
    /* Home and End: PuTTY and the VT220 (1~ 4~), rxvt (7~ 8~), xterm's normal and
     * application cursor modes (H F, OH OF). */
    { "\033[1~", K(KEY_HOME) }, { "\033[4~", K(KEY_END) },
    { "\033[7~", K(KEY_HOME) }, { "\033[8~", K(KEY_END) },
    { "\033[H", K(KEY_HOME) },  { "\033[F", K(KEY_END) },
    { "\033OH", K(KEY_HOME) },  { "\033OF", K(KEY_END) },
    /* The arrows in both cursor modes (a terminal that ignored the switch). */
    { "\033[A", K(KEY_UP) },    { "\033[B", K(KEY_DOWN) },
    { "\033[C", K(KEY_RIGHT) }, { "\033[D", K(KEY_LEFT) },
    { "\033OA", K(KEY_UP) },    { "\033OB", K(KEY_DOWN) },
    { "\033OC", K(KEY_RIGHT) }, { "\033OD", K(KEY_LEFT) },
    /* The editing keys. */
    { "\033[2~", K(KEY_IC) },   { "\033[3~", K(KEY_DC) },
    { "\033[5~", K(KEY_PPAGE) }, { "\033[6~", K(KEY_NPAGE) },
    /* F1–F4: PuTTY's default (11~ … 14~) and the VT100's (OP … OS). */
    { "\033[11~", K(KEY_F(1)) }, { "\033[12~", K(KEY_F(2)) },
    { "\033[13~", K(KEY_F(3)) }, { "\033[14~", K(KEY_F(4)) },
    { "\033OP", K(KEY_F(1)) },  { "\033OQ", K(KEY_F(2)) },
    { "\033OR", K(KEY_F(3)) },  { "\033OS", K(KEY_F(4)) },
    /* The keypad in application mode: with Num Lock on it sends these for what is
     * printed on its keys (off, it sends the cursor and editing keys above). */
    { "\033Op", '0' }, { "\033Oq", '1' }, { "\033Or", '2' }, { "\033Os", '3' },
    { "\033Ot", '4' }, { "\033Ou", '5' }, { "\033Ov", '6' }, { "\033Ow", '7' },
    { "\033Ox", '8' }, { "\033Oy", '9' }, { "\033On", '.' }, { "\033Ol", ',' },
    { "\033Ok", '+' }, { "\033Om", '-' }, { "\033Oj", '*' }, { "\033Oo", '/' },
    { "\033OX", '=' }, { "\033OM", '\n' },
    /* The keypad's middle key without Num Lock: a key that does nothing, rather than
     * Esc and a letter. */
    { "\033[E", K(KEY_B2) }, { "\033OE", K(KEY_B2) }, { "\033[G", K(KEY_B2) },
};

#define NSEQ (sizeof table / sizeof table[0])
#define CODE0 (KEY_MAX + 1)
_Static_assert(CODE0 + NSEQ <= KEYSEQ_CODE_END, "keyseq's codes run into the ones after them");

void keyseq_define(void)
{
    for (size_t i = 0; i < NSEQ; i++)
        define_key(table[i].seq, CODE0 + (int)i);
}

keycode keyseq_decode(int is_func, uint32_t value)
{
    if (is_func && value >= (uint32_t)CODE0 && value < (uint32_t)CODE0 + NSEQ)
        return table[value - CODE0].key;
    return key_normalise(is_func, value);
}

const char *keyseq_at(size_t i, keycode *key)
{
    if (i >= NSEQ)
        return NULL;
    *key = table[i].key;
    return table[i].seq;
}
