/* The explorer's wait for a key (term.c, compiled in here whole: no screen) against the
 * signals it must not sleep through. The worst moment for one is just before poll(): after
 * the loop last looked at the flags, before the wait began. A wrapper of poll raises the
 * signal at exactly that moment, so the window is hit every run, not once in a while
 * (tests/tui/t_tmux.sh once waited in vain for a resize so). The terminal's input is a
 * pipe the test writes to, or closes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>
#include <cmocka.h>

static int raise_first;     /* the signal the next poll raises before it waits, 0 none */
static int from_thread;     /* raised in another thread, which takes it */
static int polls;

static void *raise_there(void *arg)
{
    raise(*(int *)arg);      /* raise() signals the calling thread: this one */
    return NULL;
}

static int poll_after_signal(struct pollfd *fds, nfds_t n, int timeout)
{
    polls++;
    int sig = raise_first;
    raise_first = 0;
    pthread_t t;
    if (sig && from_thread)
        assert_int_equal(pthread_create(&t, NULL, raise_there, &sig), 0),
            assert_int_equal(pthread_join(t, NULL), 0);
    else if (sig)
        raise(sig);
    /* A wait that the signal did not end would last until a key: bounded, so that it
     * fails instead of hanging (nothing is typed, so it ends as if a key had come). */
    return poll(fds, n, timeout < 0 || timeout > 2000 ? 2000 : timeout);
}

#define poll poll_after_signal
#include "term.c"
#include "keyseq.c"
#include "keymap.c"
#undef poll

static int keys[2] = { -1, -1 };   /* the terminal: keys[1] types, keys[0] is stdin */
static int saved_stdin = -1;

static int setup(void **st)
{
    (void)st;
    if (pipe(keys) || (saved_stdin = dup(STDIN_FILENO)) < 0 || dup2(keys[0], STDIN_FILENO) < 0)
        return -1;
    term_winch = term_cont = term_stop_req = term_quit_sig = 0;
    raise_first = from_thread = polls = 0;
    return signals_start();
}

static int teardown(void **st)
{
    (void)st;
    term_end();
    dup2(saved_stdin, STDIN_FILENO);
    close(saved_stdin);
    close(keys[0]);
    if (keys[1] >= 0)
        close(keys[1]);
    keys[0] = keys[1] = -1;
    return 0;
}

static void type_key(void)
{
    assert_int_equal(write(keys[1], "j", 1), 1);
}

static void test_key_ends_wait(void **st)
{
    (void)st;
    type_key();
    assert_int_equal(term_wait_input(), 1);
    assert_int_equal(polls, 1);
}

static void test_resize_just_before_wait(void **st)
{
    (void)st;
    raise_first = SIGWINCH;
    assert_int_equal(term_wait_input(), 0);
    assert_int_equal(term_winch, 1);
}

/* The wake a signal leaves is used once: the next wait is for the key. */
static void test_wake_used_once(void **st)
{
    (void)st;
    raise_first = SIGWINCH;
    assert_int_equal(term_wait_input(), 0);
    term_winch = 0;
    type_key();
    assert_int_equal(term_wait_input(), 1);
    assert_int_equal(polls, 2);
}

/* A signal that came while the screen was drawn, long before the wait. */
static void test_signal_while_drawing(void **st)
{
    (void)st;
    raise(SIGCONT);
    type_key();   /* a key there too: the signal is acted on first */
    assert_int_equal(term_wait_input(), 0);
    assert_int_equal(term_cont, 1);
}

static void test_each_signal(void **st)
{
    (void)st;
    static const int sigs[] = { SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT, SIGQUIT };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        raise_first = sigs[i];
        assert_int_equal(term_wait_input(), 0);
    }
    assert_int_equal(term_stop_req, 1);
    assert_int_equal(term_cont, 1);
    assert_int_equal(term_quit_sig, SIGQUIT);
}

/* The terminal sends a signal to the process, and any thread that does not block it may
 * take it: the wait in the main thread ends all the same. */
static void test_signal_taken_by_another_thread(void **st)
{
    (void)st;
    raise_first = SIGWINCH;
    from_thread = 1;
    assert_int_equal(term_wait_input(), 0);
    assert_int_equal(term_winch, 1);
}

static void test_hangup(void **st)
{
    (void)st;
    close(keys[1]);
    keys[1] = -1;
    assert_int_equal(term_wait_input(), 0);
    assert_int_equal(term_quit_sig, SIGHUP);
}

/* The signals' pipe is the explorer's own: a program it started would not inherit it. */
static void test_pipe_not_inherited(void **st)
{
    (void)st;
    assert_true(wake_pipe[0] >= 0 && wake_fd >= 0);
    assert_true(fcntl(wake_pipe[0], F_GETFD) & FD_CLOEXEC);
    assert_true(fcntl(wake_fd, F_GETFD) & FD_CLOEXEC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_key_ends_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resize_just_before_wait, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wake_used_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signal_while_drawing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_each_signal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signal_taken_by_another_thread, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hangup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipe_not_inherited, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
