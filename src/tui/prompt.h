/* prompt.h — a one-line text input (the search prompt, the compare filter): UTF-8 text
 * with a cursor and the editing keys of a shell (←/→, Home/End, C-a/C-e, BS, Del, C-w,
 * C-u, C-k), and, for a prompt that has one, a history that ↑/↓ go through. */
#ifndef GONGFU_TUI_PROMPT_H
#define GONGFU_TUI_PROMPT_H

#include <curses.h>
#include "keymap.h"

#define PROMPT_HISTORY 32

/* What was entered before, newest last; kept by the prompt's owner. */
struct prompt_history {
    char item[PROMPT_HISTORY][512];
    size_t n;
};

struct prompt {
    char buf[512];
    size_t len;
    size_t pos;                     /* the cursor, a byte offset on a character boundary */
    int active;
    struct prompt_history *history; /* NULL: none */
    long at;                        /* the history item shown; -1: what is being typed */
    char draft[512];                /* what was typed before ↑ went into the history */
};

enum prompt_result { PROMPT_IGNORED, PROMPT_CHANGED, PROMPT_MOVED, PROMPT_DONE,
                     PROMPT_CANCEL };

/* Starts editing text (NULL: empty), the cursor at its end. */
void prompt_start(struct prompt *p, const char *text);
/* A command from the keymap's prompt context: enter (done: the text joins the history),
 * escape (cancel), erase-char (cancel when empty), delete-char, erase-word, erase-line
 * (what is before the cursor), erase-to-end, left, right, line-start, line-end,
 * history-prev, history-next; CMD_NONE: k is typed at the cursor if it is printable.
 * Other commands are ignored, for the caller to use (C-n moves in the results). */
enum prompt_result prompt_cmd(struct prompt *p, enum cmd c, keycode k);
/* Adds text to a history (not twice in a row, nor empty). */
void prompt_remember(struct prompt_history *h, const char *text);
/* Draws "label text" on row y of w; returns the column for the cursor. */
int prompt_draw(const struct prompt *p, WINDOW *w, int y, const char *label);

#endif
