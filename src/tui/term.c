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
    setlocale(LC_ALL, "");
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

static void on_signal(int sig)
{
    switch (sig) {
    case SIGWINCH: term_winch = 1; break;
    case SIGTSTP: term_stop_req = 1; break;
    case SIGCONT: term_cont = 1; break;
    default: term_quit_sig = sig; break;
    }
}

static void install(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a signal must wake the loop out of poll(). */
    sigaction(sig, &sa, NULL);
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Reads a cursor position report "ESC [ row ; col R" within the time left; the column,
 * or -1. */
static int read_cpr(int fd, const struct timespec *t0, int budget_ms)
{
    char buf[64];
    size_t n = 0;
    while (n < sizeof buf - 1) {
        long left = budget_ms - ms_since(t0);
        struct pollfd p = { fd, POLLIN, 0 };
        if (left <= 0 || poll(&p, 1, (int)left) <= 0)
            return -1;
        if (read(fd, buf + n, 1) != 1)
            return -1;
        if (buf[n++] == 'R')
            break;
    }
    buf[n] = '\0';
    char *esc = strrchr(buf, '\033');
    int row, col;
    if (!esc || sscanf(esc, "\033[%d;%dR", &row, &col) != 2)
        return -1;
    return col;
}

int term_probe_ambiwidth(void)
{
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY);
    if (fd < 0)
        return 1;
    struct termios old, raw;
    if (tcgetattr(fd, &old) < 0) {
        close(fd);
        return 1;
    }
    raw = old;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    tcsetattr(fd, TCSANOW, &raw);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* "“" is East Asian Ambiguous: where the cursor lands says how wide it was drawn. */
    static const char probe[] = "\r\xe2\x80\x9c\033[6n";
    int col = -1;
    if (write(fd, probe, sizeof probe - 1) == (ssize_t)(sizeof probe - 1))
        col = read_cpr(fd, &t0, 200);
    static const char erase[] = "\r\033[K";
    if (write(fd, erase, sizeof erase - 1) < 0)
        col = -1;
    tcsetattr(fd, TCSANOW, &old);
    close(fd);
    return col == 3 ? 2 : 1;
}

int term_start(const struct term_opts *o)
{
    headless = o->headless;
    if (headless) {
        out_f = fopen("/dev/null", "w");
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
    install(SIGWINCH);
    install(SIGTSTP);
    install(SIGCONT);
    install(SIGHUP);
    install(SIGTERM);
    install(SIGINT);
    install(SIGQUIT);
    signal(SIGPIPE, SIG_IGN);
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

/* Waits for input on the terminal; 1 when there is some, 0 when a signal came first. */
static int term_wait_input(void)
{
    struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
    int rc = poll(&p, 1, -1);
    if (rc < 0)
        return 0;
    /* A hung-up terminal is as good as SIGHUP: leave, saving the state. */
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) {
        term_quit_sig = SIGHUP;
        return 0;
    }
    return 1;
}

int term_read_key(wint_t *ch)
{
    /* curses may hold keys it read while it waited for the end of an escape sequence
     * (Esc ? as Alt-? sends it): those first, the terminal only when it has none. */
    int rc = wget_wch(input, ch);
    if (rc != ERR || !term_wait_input())
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
