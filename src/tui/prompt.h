/* prompt.h — a one-line text input (the search prompt, the compare filter): UTF-8 text
 * typed at the end, with the editing keys of a shell. */
#ifndef GONGFU_TUI_PROMPT_H
#define GONGFU_TUI_PROMPT_H

#include <curses.h>
#include "keymap.h"

struct prompt {
    char buf[512];
    size_t len;
    int active;
};

enum prompt_result { PROMPT_IGNORED, PROMPT_CHANGED, PROMPT_MOVED, PROMPT_DONE,
                     PROMPT_CANCEL };

void prompt_start(struct prompt *p, const char *text);
/* A command from the keymap's prompt context: enter (done), escape (cancel), erase-char
 * (cancel when empty), erase-word, erase-line; CMD_NONE: k is typed if it is printable.
 * Other commands are ignored, for the caller to use (arrows move in results). */
enum prompt_result prompt_cmd(struct prompt *p, enum cmd c, keycode k);
/* Draws "label text" on row y of w; returns the column for the cursor, after the text. */
int prompt_draw(const struct prompt *p, WINDOW *w, int y, const char *label);

#endif
