/* width.h — the width curses gives characters, made to agree with the terminal's. A
 * terminal in a CJK set-up draws East Asian Ambiguous characters (“ ” — · ①) two columns
 * wide where libc's wcwidth says one; curses places every character by wcwidth, so the
 * explorer defines wcwidth itself (curses' calls reach it) and answers 2 for those while
 * width_ambiguous_wide is set, libc's answer otherwise. text_width (the core) reaches the
 * same function, so layout and drawing agree with the terminal, and the documents' text
 * is drawn as written. */
#ifndef GONGFU_TUI_WIDTH_H
#define GONGFU_TUI_WIDTH_H

/* Ambiguous characters two columns wide (1) or one (0, libc's width, the default). */
void width_ambiguous_wide(int wide);

#endif
