/* test_publish.c — the lock, the working copy and the publication of the shared database:
 * one writer at a time (the second told who holds the lock, or failing at once), nothing
 * left behind on failure or on a fatal signal, a killed writer's leftovers removed by the
 * next, the published file replaced whole (a reader's open file unchanged), its mode kept,
 * a symlink followed. */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/publish.h"

static char dir[] = "/tmp/gongfu-publish-XXXXXX";
static char db[300];

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *get(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Entries of the directory other than the database, its lock and what is in keep. */
static int others(const char *keep)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -v -x -e db -e db.lock %s%s%s >/dev/null",
             dir, keep ? "-e '" : "", keep ? keep : "", keep ? "'" : "");
    return system(cmd) == 0;
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(db, sizeof db, "%s/db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A reader's open file keeps the old content; the name gets the new, with the old mode. */
static void test_publish_replaces_whole(void **state)
{
    (void)state;
    put(db, "old");
    chmod(db, 0640);
    int reader = open(db, O_RDONLY);
    assert_true(reader >= 0);
    struct publish *p;
    struct err e = {{0}};
    assert_int_equal(publish_lock(db, NULL, &p, &e), 0);
    const char *work = publish_work(p, &e);
    assert_non_null(work);
    assert_non_null(strstr(work, "/.db.import-"));
    put(work, "new");
    assert_int_equal(publish_commit(p, &e), 0);
    publish_free(&p);
    assert_string_equal(get(db), "new");
    char buf[8] = {0};
    assert_int_equal(pread(reader, buf, sizeof buf - 1, 0), 3);
    assert_string_equal(buf, "old");
    close(reader);
    struct stat st;
    assert_int_equal(stat(db, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_false(others(NULL));
}

/* Unpublished work is removed at free; the file is as it was. */
static void test_unpublished_work_removed(void **state)
{
    (void)state;
    put(db, "kept");
    struct publish *p;
    struct err e = {{0}};
    assert_int_equal(publish_lock(db, NULL, &p, &e), 0);
    put(publish_work(p, &e), "discarded");
    assert_true(others(NULL));
    publish_free(&p);
    assert_string_equal(get(db), "kept");
    assert_false(others(NULL));
}

/* A second writer fails at once with no_wait, naming the holder's pid; told who holds it
 * before it waits otherwise, and gets the lock when the first is done. */
static void waiting(const char *holder, void *ctx)
{
    snprintf(ctx, 256, "%s", holder);
}

static void test_one_writer_at_a_time(void **state)
{
    (void)state;
    int tell[2];
    assert_int_equal(pipe(tell), 0);
    pid_t child = fork();
    if (child == 0) {   /* the first writer: holds the lock for 0.3 s */
        struct publish *p;
        struct err ce = {{0}};
        if (publish_lock(db, NULL, &p, &ce) < 0)
            _exit(1);
        (void)!write(tell[1], "x", 1);
        usleep(300000);
        publish_free(&p);
        _exit(0);
    }
    char c, pid[32], who[256] = "";
    assert_int_equal(read(tell[0], &c, 1), 1);
    snprintf(pid, sizeof pid, "pid %ld,", (long)child);
    struct publish *q;
    struct err e = {{0}};
    struct publish_opts o = { .no_wait = 1 };
    assert_int_equal(publish_lock(db, &o, &q, &e), -1);
    assert_non_null(strstr(e.msg, pid));
    assert_non_null(strstr(e.msg, "another import"));
    struct publish_opts w = { .waiting = waiting, .ctx = who };
    e.msg[0] = '\0';
    assert_int_equal(publish_lock(db, &w, &q, &e), 0);
    assert_non_null(strstr(who, pid));
    publish_free(&q);
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(tell[0]), close(tell[1]);
}

/* SIGTERM or SIGINT during the work removes it; what a SIGKILL left is removed by the next
 * writer. */
static void killed_writer(int sig)
{
    pid_t child = fork();
    if (child == 0) {
        struct publish *p;
        struct err e = {{0}};
        /* As from a terminal: a shell's background job inherits SIGINT ignored, and the
         * writer rightly leaves an ignored signal alone (the child would wait forever). */
        signal(sig, SIG_DFL);
        if (publish_lock(db, NULL, &p, &e) < 0)
            _exit(2);
        put(publish_work(p, &e), "half");
        raise(sig);
        pause();
        _exit(3);
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == sig);
}

static void test_signals_and_stale_work(void **state)
{
    (void)state;
    put(db, "before");
    killed_writer(SIGTERM);
    assert_false(others(NULL));
    killed_writer(SIGINT);
    assert_false(others(NULL));
    killed_writer(SIGKILL);
    assert_true(others(NULL));
    struct publish *p;
    struct err e = {{0}};
    assert_int_equal(publish_lock(db, NULL, &p, &e), 0);
    assert_false(others(NULL));
    publish_free(&p);
    assert_string_equal(get(db), "before");
}

/* A symlink is followed: the file it names is replaced, the link stays. */
static void test_symlink_followed(void **state)
{
    (void)state;
    char link[320];
    snprintf(link, sizeof link, "%s/link", dir);
    put(db, "via link");
    assert_int_equal(symlink("db", link), 0);
    struct publish *p;
    struct err e = {{0}};
    assert_int_equal(publish_lock(link, NULL, &p, &e), 0);
    put(publish_work(p, &e), "through");
    assert_int_equal(publish_commit(p, &e), 0);
    publish_free(&p);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(get(db), "through");
    unlink(link);
}

/* A lock file that is not a regular file is refused, not opened and waited on. */
static void test_lock_not_a_file(void **state)
{
    (void)state;
    char other[320], lock[330];
    snprintf(other, sizeof other, "%s/fifo", dir);
    snprintf(lock, sizeof lock, "%s/fifo.lock", dir);
    assert_int_equal(mkfifo(lock, 0644), 0);
    struct publish *p;
    struct err e = {{0}};
    assert_int_equal(publish_lock(other, NULL, &p, &e), -1);
    assert_non_null(strstr(e.msg, "not a regular file"));
    unlink(lock);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_publish_replaces_whole),
        cmocka_unit_test(test_unpublished_work_removed),
        cmocka_unit_test(test_one_writer_at_a_time),
        cmocka_unit_test(test_signals_and_stale_work),
        cmocka_unit_test(test_symlink_followed),
        cmocka_unit_test(test_lock_not_a_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
