/* script.h — the headless mode's input: a script of keys and commands instead of a
 * keyboard, and screen dumps read back from curses (the tig approach to UI tests).
 *
 *   GONGFU_HEADLESS=COLSxLINES   curses draws into /dev/null at that size
 *   GONGFU_HEADLESS_OUT=FILE     … or into FILE: the bytes a terminal would get
 *   GONGFU_SCRIPT=FILE           the script; gongfu quits (saving its state) at its end
 *   GONGFU_TIMING=FILE           per input: handling + drawing time in µs, and the key
 *
 * Script lines:
 *   keys j j <Enter> <C-d>       keys by name (keys.conf names); other words are typed
 *                                character by character
 *   ahead j j G                  the same keys typed ahead, as on a slow link: handled
 *                                one after the other with no screen drawn between them
 *                                and nothing left for when the explorer is idle
 *   type 托位 养老               the rest of the line typed as is, spaces included
 *   resize COLS LINES            the terminal changes size
 *   click X Y | wheel-up X Y | wheel-down X Y    mouse events at a screen cell
 *   dump FILE                    the screen's text, one line per row
 *   mem FILE                     appends the resident memory in kB to FILE
 *   dumproles FILE               per cell, the theme role drawn there ('A' + role, '.'
 *                                for none; lower case: a highlight over that role's
 *                                background, a target on the cursor line): where
 *                                highlights are
 *   # comment                                                                         */
#ifndef GONGFU_TUI_SCRIPT_H
#define GONGFU_TUI_SCRIPT_H

#include <curses.h>
#include "gongfu/err.h"
#include "keymap.h"

struct script;

/* What the loop gets from the keyboard or the script. */
struct input {
    keycode key;         /* KEYF(KEY_MOUSE) with mouse set, KEYF(KEY_RESIZE) … */
    MEVENT mouse;
};

int script_open(const char *path, struct script **out, struct err *e);
void script_close(struct script **s);
/* The next input; runs dumps on the way. 1, or 0 at the end of the script. */
int script_next(struct script *s, struct input *in);
/* 1 when the next input was typed ahead (an "ahead" line); reads no further than that. */
int script_ahead(struct script *s);
/* Writes the screen as text (roles: the role letters) to path. 0 or -1. */
int screen_dump(const char *path, int roles);

#endif
