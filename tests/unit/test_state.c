/* The per-user state file: round trip, atomic replacement, mode, bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/state.h"

/* Every fsync of the program comes here (the program's own definition is the one the
 * linker binds): the state file's syncs are counted. */
static int fsyncs;
int fsync(int fd)
{
    fsyncs++;
    return (int)syscall(SYS_fsync, fd);
}

static char dir[] = "/tmp/gongfu-state-XXXXXX";

static int setup(void **st)
{
    (void)st;
    assert_non_null(mkdtemp(dir));
    setenv("XDG_STATE_HOME", dir, 1);
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void test_dir(void **st)
{
    (void)st;
    char want[256];
    snprintf(want, sizeof want, "%s/gongfu", dir);
    assert_string_equal(state_dir(), want);
    setenv("XDG_STATE_HOME", "relative", 1);
    setenv("HOME", "/home/someone", 1);
    assert_string_equal(state_dir(), "/home/someone/.local/state/gongfu");
    setenv("XDG_STATE_HOME", dir, 1);
}

static void test_empty(void **st)
{
    (void)st;
    struct state s;
    struct err e = { "" };
    memset(&s, 0xff, sizeof s);
    assert_int_equal(state_load(&s, &e), 0);
    assert_false(s.has_last);
    assert_int_equal(s.marks_set, 0);
}

static void test_round_trip(void **st)
{
    (void)st;
    struct state s = { 0 }, t;
    struct err e = { "" };
    assert_int_equal(state_pos_set(&s.last, "zhoushan-plan", "4.15", 120), 0);
    s.has_last = 1;
    int a = state_mark_index('a'), z = state_mark_index('Z');
    assert_int_equal(a, 0);
    assert_int_equal(z, 51);
    assert_int_equal(state_mark_index('1'), -1);
    assert_int_equal(state_pos_set(&s.marks[a], "taizhou-plan", "1.3", 0), 0);
    assert_int_equal(state_pos_set(&s.marks[z], "jinhua-plan", "", 7), 0);
    s.marks_set = (uint64_t)1 << a | (uint64_t)1 << z;
    assert_int_equal(state_save(&s, &e), 0);
    assert_int_equal(state_load(&t, &e), 0);
    assert_true(t.has_last);
    assert_string_equal(t.last.slug, "zhoushan-plan");
    assert_string_equal(t.last.path, "4.15");
    assert_int_equal(t.last.offset, 120);
    assert_int_equal(t.marks_set, s.marks_set);
    assert_string_equal(t.marks[z].slug, "jinhua-plan");
    assert_string_equal(t.marks[z].path, "");
    assert_int_equal(t.marks[z].offset, 7);

    char path[256];
    struct stat sb;
    snprintf(path, sizeof path, "%s/gongfu/state", dir);
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    /* Saving again replaces the file and leaves no temporary behind. */
    s.has_last = 0;
    assert_int_equal(state_save(&s, &e), 0);
    assert_int_equal(state_load(&t, &e), 0);
    assert_false(t.has_last);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test $(ls '%s/gongfu' | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);
}

static ino_t state_inode(void)
{
    char path[256];
    struct stat sb;
    snprintf(path, sizeof path, "%s/gongfu/state", dir);
    assert_int_equal(stat(path, &sb), 0);
    return sb.st_ino;
}

/* The file is written only when what it would say differs from what it says: saving the
 * same state leaves it as it is (the same file, not a copy renamed over it, no fsync);
 * a change, or a file changed meanwhile, replaces it through a temporary file synced
 * before the rename. The first file, with none to keep, is renamed into place unsynced. */
static void test_unchanged_not_rewritten(void **st)
{
    (void)st;
    struct state s = { 0 }, t;
    struct err e = { "" };
    char path[256];
    snprintf(path, sizeof path, "%s/gongfu/state", dir);
    unlink(path);
    assert_int_equal(state_pos_set(&s.last, "zhoushan-plan", "4.15", 120), 0);
    s.has_last = 1;
    int synced = fsyncs;
    assert_int_equal(state_save(&s, &e), 0);
    assert_int_equal(fsyncs, synced);             /* the first: nothing to keep */
    ino_t first = state_inode();
    assert_int_equal(state_load(&t, &e), 0);
    assert_int_equal(state_save(&t, &e), 0);     /* as loaded: the same file */
    assert_true(state_inode() == first);
    assert_int_equal(state_save(&s, &e), 0);
    assert_true(state_inode() == first);
    assert_int_equal(fsyncs, synced);

    int b = state_mark_index('b');
    assert_int_equal(state_pos_set(&s.marks[b], "taizhou-plan", "1.3", 9), 0);
    s.marks_set |= (uint64_t)1 << b;
    assert_int_equal(state_save(&s, &e), 0);
    ino_t second = state_inode();
    assert_true(second != first);                 /* renamed into place */
    assert_int_equal(fsyncs, synced + 1);         /* once on the disk */
    assert_int_equal(state_load(&t, &e), 0);
    assert_int_equal(t.marks_set, s.marks_set);
    assert_string_equal(t.marks[b].slug, "taizhou-plan");
    char cmd[300];
    snprintf(cmd, sizeof cmd, "test $(ls '%s/gongfu' | wc -l) -eq 1", dir);
    assert_int_equal(system(cmd), 0);

    /* Another run left something else there: this run's state replaces it. */
    snprintf(cmd, sizeof cmd, "printf 'last\\tjinhua-plan\\t\\t0\\n' > '%s/gongfu/state'", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(state_save(&s, &e), 0);
    assert_int_equal(fsyncs, synced + 2);
    assert_int_equal(state_load(&t, &e), 0);
    assert_string_equal(t.last.slug, "zhoushan-plan");
    assert_int_equal(t.marks_set, s.marks_set);
}

static void test_bad_input(void **st)
{
    (void)st;
    struct state_pos p;
    assert_int_equal(state_pos_set(&p, "a\tb", "1", 0), -1);
    assert_int_equal(state_pos_set(&p, "", "1", 0), -1);
    assert_int_equal(state_pos_set(&p, "ok", "1\n", 0), -1);
    char path[256];
    snprintf(path, sizeof path, "%s/gongfu/state", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("garbage\nlast\tx\nmark\t?\ta\tb\t1\nmark\tb\tdoc\t2\t9x\n"
          "mark\tc\tdoc\t3.1\t42\nlast\tdoc\t0\t5\n", f);
    fclose(f);
    struct state s;
    struct err e = { "" };
    assert_int_equal(state_load(&s, &e), 0);
    assert_true(s.has_last);
    assert_string_equal(s.last.path, "0");
    assert_int_equal(s.marks_set, (uint64_t)1 << state_mark_index('c'));
    assert_int_equal(s.marks[state_mark_index('c')].offset, 42);
}

static void test_unwritable(void **st)
{
    (void)st;
    struct state s = { 0 };
    struct err e = { "" };
    setenv("XDG_STATE_HOME", "/proc/none", 1);
    assert_int_equal(state_save(&s, &e), -1);
    assert_true(e.msg[0] != '\0');
    setenv("XDG_STATE_HOME", dir, 1);
}

/* A state file that is no regular file (a FIFO, a link to /dev/zero) is refused at once,
 * neither waited on nor read for ever; a huge one is refused by its size. */
static void test_not_regular(void **st)
{
    (void)st;
    char sdir[300], path[320];
    snprintf(sdir, sizeof sdir, "%s/gongfu", dir);
    mkdir(sdir, 0700);
    snprintf(path, sizeof path, "%s/state", sdir);
    struct state s = { 0 };
    struct err e = { "" };
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(state_load(&s, &e), -1);
    assert_non_null(strstr(e.msg, "not a regular file"));
    unlink(path);
    assert_int_equal(symlink("/dev/zero", path), 0);
    e.msg[0] = '\0';
    assert_int_equal(state_load(&s, &e), -1);
    assert_non_null(strstr(e.msg, "not a regular file"));
    unlink(path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(ftruncate(fileno(f), 64 << 20), 0);
    fclose(f);
    e.msg[0] = '\0';
    assert_int_equal(state_load(&s, &e), -1);
    assert_non_null(strstr(e.msg, "more than"));
    unlink(path);
    assert_int_equal(state_save(&s, &e), 0);      /* and saving replaces nothing odd */
}

/* A HOME that does not exist is an error when saving, and nothing is made from "/". */
static void test_home_missing(void **st)
{
    (void)st;
    char home[320], top[300];
    snprintf(top, sizeof top, "%s/nonexistent", dir);
    snprintf(home, sizeof home, "%s/x", top);
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", home, 1);
    struct state s = { 0 };
    struct err e = { "" };
    assert_int_equal(state_load(&s, &e), 0);      /* nothing saved yet: nothing to read */
    assert_int_equal(state_save(&s, &e), -1);
    assert_non_null(strstr(e.msg, "no such directory"));
    struct stat sb;
    assert_int_equal(stat(top, &sb), -1);
    setenv("XDG_STATE_HOME", home, 1);            /* its parent missing: the same */
    e.msg[0] = '\0';
    assert_int_equal(state_save(&s, &e), -1);
    assert_int_equal(stat(top, &sb), -1);
    setenv("XDG_STATE_HOME", dir, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dir),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_unchanged_not_rewritten),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_unwritable),
        cmocka_unit_test(test_not_regular),
        cmocka_unit_test(test_home_missing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
