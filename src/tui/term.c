/* term.c — everything that talks to the terminal outside curses' drawing. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <curses.h>
#include "keyseq.h"
#include "term.h"

volatile sig_atomic_t term_winch, term_stop_req, term_quit_sig, term_cont;

static SCREEN *screen;
/* Keys are read from a pad: getch refreshes the window it reads from, unless it is a pad,
 * and stdscr, which nothing draws on, would be painted blank over the screen. */
static WINDOW *input;
static FILE *out_f, *in_f;
static int started, headless, color;

int term_check_locale(void)
{
    /* The command line forces UTF-8 for its own output; the screen must know what the
     * user's terminal really speaks, so ask the environment again. */
    setlocale(LC_CTYPE, "");        /* the only category the screen needs (main.c) */
    const char *cs = nl_langinfo(CODESET);
    if (cs && !strcmp(cs, "UTF-8"))
        return 0;
    const char *lang = getenv("LC_ALL");
    if (!lang || !*lang)
        lang = getenv("LC_CTYPE");
    if (!lang || !*lang)
        lang = getenv("LANG");
    fprintf(stderr,
            "gongfu: 需要 UTF-8 语言环境才能显示中文（当前字符集：%s，locale：%s）。\n"
            "gongfu: the explorer needs a UTF-8 locale (the current character set is %s).\n"
            "  Fix:  export LANG=C.UTF-8    (or zh_CN.UTF-8 if it is installed: locale -a)\n"
            "  and make sure the terminal (PuTTY: Window > Translation) uses UTF-8 too.\n",
            cs ? cs : "?", lang && *lang ? lang : "(unset)", cs ? cs : "?");
    return -1;
}

/* The self-pipe: each handler, after setting its flag, writes a byte here, and the wait
 * for a key polls the pipe beside the terminal. A signal that comes at any moment before
 * the wait (while the screen is drawn, or after the loop last looked at the flags and
 * before poll() began) so ends the wait at once, whichever thread took it. Blocking the
 * signals and waiting in ppoll() would close the window only for the main thread, and the
 * blocked mask would have to be undone for Ctrl-Z's raise() and for any program started. */
static int wake_pipe[2] = { -1, -1 };
static volatile sig_atomic_t wake_fd = -1;      /* wake_pipe[1], while handlers may write */

static void on_signal(int sig)
{
    int saved = errno;
    switch (sig) {
    case SIGWINCH: term_winch = 1; break;
    case SIGTSTP: term_stop_req = 1; break;
    case SIGCONT: term_cont = 1; break;
    default: term_quit_sig = sig; break;
    }
    int fd = wake_fd;
    if (fd >= 0) {
        ssize_t n = write(fd, "", 1);   /* full (EAGAIN): a byte is there, and one wakes */
        (void)n;
    }
    errno = saved;
}

static void install(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART, as before the pipe: what a signal interrupts sees EINTR as it did. */
    sigaction(sig, &sa, NULL);
}

/* The pipe, then the handlers; 0, or -1 (no descriptor left) with errno set. */
static int signals_start(void)
{
    if (wake_pipe[0] < 0 && pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
        return -1;
    wake_fd = wake_pipe[1];
    static const int sigs[] = { SIGWINCH, SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT, SIGQUIT };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        install(sigs[i]);
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

/* The handlers stay (a signal after the screen is gone still says to leave); the pipe's
 * write end is taken from them before it is closed, so that a descriptor opened later
 * under the same number never gets their bytes. */
static void signals_stop(void)
{
    wake_fd = -1;
    for (int i = 0; i < 2; i++)
        if (wake_pipe[i] >= 0)
            close(wake_pipe[i]);
    wake_pipe[0] = wake_pipe[1] = -1;
}

/* The bytes of the signals that came so far: their flags say what to do. */
static void signals_drain(void)
{
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0) {
    }
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* The width probe. Sent once curses has the screen: the cursor is put on row 2, "“" (East
 * Asian Ambiguous) drawn, and the cursor position asked for (as vim does). Where the cursor
 * lands says how wide the terminal drew it: the answer is ESC[2;2R (narrow) or ESC[2;3R
 * (wide), two strings curses is told to read as keys of their own, so they are recognised
 * whenever they come: within the wait here, or later over a slow link, when read_input
 * swallows them (term_reply) instead of taking ESC [ 2 ; 3 R for five keys. Row 2, as
 * terminfo has keys of the form ESC[1;nR (shifted F3 …) but none ESC[2;nR. */
#define KEY_REPLY_NARROW KEYSEQ_CODE_END
#define KEY_REPLY_WIDE (KEYSEQ_CODE_END + 1)
static int probe_sent;

/* A key read while waiting for the answer, given back to curses for the loop. */
static void give_back(int rc, wint_t ch)
{
    if (rc == KEY_CODE_YES)
        ungetch((int)ch);
    else
        unget_wch((wchar_t)ch);
}

int term_probe_ambiwidth(int wait_ms)
{
    if (headless || !started)
        return 0;
    define_key("\033[2;2R", KEY_REPLY_NARROW);
    define_key("\033[2;3R", KEY_REPLY_WIDE);
    static const char probe[] = "\033[2;1H\xe2\x80\x9c\033[6n";
    fflush(stdout);
    if (write(STDOUT_FILENO, probe, sizeof probe - 1) != (ssize_t)(sizeof probe - 1))
        return 0;
    probe_sent = 1;
    clearok(curscr, TRUE);   /* the probe drew outside curses: paint everything */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int answer = 0, kept = 0, krc[8];
    wint_t kch[8];
    for (long left; !answer && (left = wait_ms - ms_since(&t0)) > 0;) {
        wint_t ch;
        wtimeout(input, (int)left);
        int rc = wget_wch(input, &ch);
        if (rc == ERR)
            break;
        if (rc == KEY_CODE_YES && (ch == KEY_REPLY_NARROW || ch == KEY_REPLY_WIDE))
            answer = ch == KEY_REPLY_WIDE ? 2 : 1;
        else if (kept < 8)
            krc[kept] = rc, kch[kept++] = ch;
    }
    nodelay(input, TRUE);
    while (kept-- > 0)   /* the last given back is read first */
        give_back(krc[kept], kch[kept]);
    return answer;
}

int term_reply(int is_code, wint_t key)
{
    if (!is_code || (key != KEY_REPLY_NARROW && key != KEY_REPLY_WIDE))
        return 0;
    return probe_sent ? (key == KEY_REPLY_WIDE ? 2 : 1) : -1;
}

/* ncurses' terminfo reader does not check every allocation: short of memory, it ends in a
 * segmentation fault inside _nc_read_termtype (tests/hardening/t_dbfiles.sh sweeps a
 * memory limit across it). The room it and the first screen take (under 0.4 MB at 80x24)
 * is asked for first, and given back. */
#define TERM_ROOM (1024 * 1024)

int term_start(const struct term_opts *o)
{
    void *room = malloc(TERM_ROOM);
    if (!room) {
        fprintf(stderr, "gongfu: out of memory\n");
        return -1;
    }
    free(room);
    headless = o->headless;
    if (headless) {
        /* GONGFU_HEADLESS_OUT: the bytes curses sends, kept for tests of what a key costs. */
        const char *keep = getenv("GONGFU_HEADLESS_OUT");
        out_f = fopen(keep && *keep ? keep : "/dev/null", "w");
        in_f = fopen("/dev/null", "r");
        const char *t = getenv("TERM");
        screen = out_f && in_f ? newterm(t && *t ? t : "xterm-256color", out_f, in_f) : NULL;
    } else {
        screen = newterm(NULL, stdout, stdin);
    }
    if (!screen) {
        fprintf(stderr, "gongfu: cannot start the screen for TERM=%s (see 'infocmp')\n",
                getenv("TERM") ? getenv("TERM") : "");
        term_end();
        return -1;
    }
    set_term(screen);
    started = 1;
    if (headless)
        resizeterm(o->lines > 0 ? o->lines : 24, o->cols > 0 ? o->cols : 80);
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    if (!(input = newpad(1, 1))) {
        fprintf(stderr, "gongfu: out of memory\n");
        term_end();
        return -1;
    }
    keypad(input, TRUE);
    nodelay(input, TRUE);
    keyseq_define();
    set_escdelay(25);
    curs_set(1);
    color = 0;
    if (o->use_color && has_colors() && start_color() == OK) {
        color = 1;
        use_default_colors();
    }
    if (!headless) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED,
                  NULL);
        mouseinterval(0);
    }
    if (signals_start() < 0) {
        fprintf(stderr, "gongfu: %s\n", strerror(errno));
        term_end();
        return -1;
    }
    return 0;
}

int term_has_color(void) { return color; }

void term_end(void)
{
    if (input)
        delwin(input);
    input = NULL;
    if (started) {
        endwin();
        delscreen(screen);
        screen = NULL;
        started = 0;
    }
    signals_stop();
    if (out_f)
        fclose(out_f);
    if (in_f)
        fclose(in_f);
    out_f = in_f = NULL;
}

void term_suspend(void)
{
    if (headless)
        return;
    endwin();
    signal(SIGTSTP, SIG_DFL);
    raise(SIGTSTP);
    /* Here again after SIGCONT. */
    install(SIGTSTP);
    term_resize();
    clearok(curscr, TRUE);
}

/* Waits for input on the terminal; 1 when there is some, 0 when a signal came first (at
 * any moment since the last wait: its byte is in the pipe). */
static int term_wait_input(void)
{
    struct pollfd p[2] = { { STDIN_FILENO, POLLIN, 0 }, { wake_pipe[0], POLLIN, 0 } };
    int rc = poll(p, 2, -1);
    if (rc < 0 || p[1].revents) {
        signals_drain();
        return 0;
    }
    /* A hung-up terminal is as good as SIGHUP: leave, saving the state. */
    if (p[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
        term_quit_sig = SIGHUP;
        return 0;
    }
    return 1;
}

int term_read_key(wint_t *ch, int wait)
{
    /* curses may hold keys it read while it waited for the end of an escape sequence
     * (Esc ? as Alt-? sends it): those first, the terminal only when it has none. */
    int rc = wget_wch(input, ch);
    if (rc != ERR || !wait || !term_wait_input())
        return rc;
    return wget_wch(input, ch);
}

void term_resize(void)
{
    struct winsize ws;
    if (headless)
        return;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resizeterm(ws.ws_row, ws.ws_col);
}
