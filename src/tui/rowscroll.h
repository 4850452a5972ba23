/* rowscroll.h — a window's rows that moved beside windows that did not (the reader's
 * lines scrolled beside the sidebar). curses scrolls the terminal only for whole rows that
 * match, so it would redraw every row of the moved window; scrolling the rows on the
 * terminal first and letting curses send only what then differs (the still window's
 * cells) is cheaper when those are fewer bytes. Both are weighed and the cheaper done. */
#ifndef GONGFU_TUI_ROWSCROLL_H
#define GONGFU_TUI_ROWSCROLL_H

#include <curses.h>

/* w's lines now show n rows further on (n > 0: the text moved up) than on the terminal.
 * Only a hint: what is done is decided from the screen's cells. */
void rowscroll_note(WINDOW *w, int n);
/* Before doupdate, every window refreshed: if the noted rows, scrolled on the terminal,
 * leave fewer bytes to send, scrolls them (a doupdate of the scroll alone). The screen
 * curses shows after the next doupdate is the same either way. Forgets the note. */
void rowscroll_apply(void);

#endif
