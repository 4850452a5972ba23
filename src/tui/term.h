/* term.h — the terminal: locale check, East Asian Ambiguous width detection, curses
 * start and stop (on the real terminal, or headless on /dev/null for tests), signals. */
#ifndef GONGFU_TUI_TERM_H
#define GONGFU_TUI_TERM_H

#include <signal.h>
#include <wchar.h>

/* Set by the signal handlers, acted on by the loop: handlers do nothing else but end a
 * wait for a key (term_read_key), whenever the signal comes. */
extern volatile sig_atomic_t term_winch, term_stop_req, term_quit_sig, term_cont;

/* 0 when LC_CTYPE is UTF-8; otherwise prints how to fix it and returns -1. */
int term_check_locale(void);
/* Asks the terminal, once curses has started, where the cursor lands after an ambiguous
 * character (as vim does): 2 if it drew it wide, 1 if narrow, 0 if no answer came within
 * wait_ms (keys typed meanwhile are kept for the loop). A later answer comes as a key that
 * term_reply recognises. */
int term_probe_ambiwidth(int wait_ms);
/* For every key read: 0 when it is a key; when it is the probe's answer (to be swallowed,
 * never taken for keys): 1 narrow or 2 wide, or -1 when no probe asked for it. */
int term_reply(int is_code, wint_t key);

struct term_opts {
    int headless;            /* curses output to /dev/null, input from a script */
    int cols, lines;         /* headless size */
    int use_color;           /* 0 for NO_COLOR */
};

/* Starts curses; 0, or -1 with a message printed. */
int term_start(const struct term_opts *o);
/* Restores the terminal (safe to call twice). */
void term_end(void);
/* Ctrl-Z: restores the terminal, stops, and comes back in curses mode. */
void term_suspend(void);
/* The next key, as wget_wch gives it (OK, KEY_CODE_YES or ERR): one curses holds already
 * or the terminal has sent, else (wait) one from the terminal after waiting for it; ERR
 * when there is none (!wait) or a signal came first. */
int term_read_key(wint_t *ch, int wait);
/* The terminal's size now (after SIGWINCH), into LINES/COLS via resizeterm. */
void term_resize(void);
int term_has_color(void);

#endif
