/* The per-user state file under faults: the process killed (SIGKILL) at random moments
 * while it saves, and a full disk (RLIMIT_FSIZE). Each time the file on disk must be
 * exactly the old state or the new one, private to its user (0600 in a 0700 directory). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "gongfu/state.h"

static char home[] = "/tmp/gongfu-test-state.XXXXXX";

/* A state with every bookmark set and long fields, so a save takes several writes. */
static void make_state(struct state *st, char tag)
{
    memset(st, 0, sizeof *st);
    char slug[64], path[32];
    memset(slug, tag, sizeof slug - 1), slug[sizeof slug - 1] = '\0';
    memset(path, '1', sizeof path - 1), path[sizeof path - 1] = '\0';
    assert_int_equal(state_pos_set(&st->last, slug, "4.15", tag), 0);
    st->has_last = 1;
    for (int i = 0; i < STATE_MARKS; i++) {
        slug[0] = (char)('a' + i % 26);
        assert_int_equal(state_pos_set(&st->marks[i], slug, path, 1000000L * tag + i), 0);
        st->marks_set |= (uint64_t)1 << i;
    }
}

static int same_pos(const struct state_pos *a, const struct state_pos *b)
{
    return !strcmp(a->slug, b->slug) && !strcmp(a->path, b->path) && a->offset == b->offset;
}

static int same_state(const struct state *a, const struct state *b)
{
    if (a->has_last != b->has_last || a->marks_set != b->marks_set ||
        (a->has_last && !same_pos(&a->last, &b->last)))
        return 0;
    for (int i = 0; i < STATE_MARKS; i++)
        if ((a->marks_set >> i & 1) && !same_pos(&a->marks[i], &b->marks[i]))
            return 0;
    return 1;
}

static void check_private(void)
{
    char path[4200];
    struct stat sd, sf;
    snprintf(path, sizeof path, "%s/state", state_dir());
    assert_int_equal(stat(state_dir(), &sd), 0);
    assert_int_equal(stat(path, &sf), 0);
    assert_int_equal(sd.st_mode & 0777, 0700);
    assert_int_equal(sf.st_mode & 0777, 0600);
}

/* Temporary files a killed save left behind. */
static int leftovers(void)
{
    DIR *d = opendir(state_dir());
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += !strncmp(e->d_name, "state.", 6);
    if (d)
        closedir(d);
    return n;
}

static int setup(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(home));
    char x[200];
    snprintf(x, sizeof x, "%s/xdg", home);
    setenv("XDG_STATE_HOME", x, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_kill_during_save(void **unused)
{
    (void)unused;
    struct state a, b, got;
    struct err e = {{0}};
    make_state(&a, 'A');
    make_state(&b, 'B');
    assert_int_equal(state_save(&a, &e), 0);
    srand((unsigned)time(NULL));
    int as = 0, bs = 0;
    for (int round = 0; round < 300; round++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct err ce = {{0}};
            for (;;)
                if (state_save(&b, &ce) < 0 || state_save(&a, &ce) < 0)
                    _exit(3);
        }
        struct timespec ts = {0, (long)(rand() % 4000) * 1000};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));   /* not an early exit: every save succeeded */
        assert_int_equal(state_load(&got, &e), 0);
        int is_a = same_state(&got, &a), is_b = same_state(&got, &b);
        if (!is_a && !is_b)
            fail_msg("round %d: the state file is neither the old state nor the new", round);
        as += is_a, bs += is_b;
        check_private();
    }
    print_message("300 kills: %d left the one state, %d the other; %d temporary files left "
                  "behind\n", as, bs, leftovers());
}

/* The disk fills up (here: the file size limit) while saving: the old state stays, and
 * the half-written temporary file is removed. */
static void test_full_disk_keeps_old_state(void **unused)
{
    (void)unused;
    struct state a, b, got;
    struct err e = {{0}};
    make_state(&a, 'C');
    make_state(&b, 'D');
    assert_int_equal(state_save(&a, &e), 0);
    int before = leftovers();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit rl = {1000, 1000};
        signal(SIGXFSZ, SIG_IGN);
        setrlimit(RLIMIT_FSIZE, &rl);
        struct err ce = {{0}};
        _exit(state_save(&b, &ce) < 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);    /* the save reported its failure */
    assert_int_equal(state_load(&got, &e), 0);
    assert_true(same_state(&got, &a));
    assert_int_equal(leftovers(), before);
    check_private();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_during_save),
        cmocka_unit_test(test_full_disk_keeps_old_state),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
