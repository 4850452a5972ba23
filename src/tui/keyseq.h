/* keyseq.h — the escape sequences terminals send for keys, known whatever terminfo says.
 * PuTTY, Xshell and SecureCRT send Home and End as ESC[1~ ESC[4~ under TERM=xterm, rxvt
 * as ESC[7~ ESC[8~, xterm as ESC[H ESC[F or ESCOH ESCOF depending on its cursor-key
 * mode, and a keypad in application mode (which curses turns on) sends ESCOp … ESCOy for
 * its digits. A sequence curses does not know arrives as Esc and characters, and those
 * run as commands ([ is prev-target): every one here is given to curses at start-up. */
#ifndef GONGFU_TUI_KEYSEQ_H
#define GONGFU_TUI_KEYSEQ_H

#include <stdint.h>
#include <curses.h>
#include "keymap.h"

/* Tells curses every sequence of the table (define_key), on the screen in use. */
void keyseq_define(void);
/* From wget_wch's result: the key, as key_normalise gives it, with the codes that
 * keyseq_define gave curses turned into the keys they stand for. */
keycode keyseq_decode(int is_func, uint32_t value);

/* The codes keyseq_define gives curses lie below this one; other sequences curses must
 * read whole (the width probe's answers, term.c) take codes from here on. */
#define KEYSEQ_CODE_END (KEY_MAX + 1 + 64)

/* The table, for tests: the i-th sequence and its key; NULL past the end. */
const char *keyseq_at(size_t i, keycode *key);

#endif
