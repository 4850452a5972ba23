/* publish.c — the lock, the private working file and the atomic publication of the shared
 * database (see publish.h for the model). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "gongfu/publish.h"
#include "gongfu/text.h"

struct publish {
    char target[PATH_MAX], dir[PATH_MAX], base[256];
    int lock_fd;
    char work_dir[PATH_MAX + 300], work[PATH_MAX + 320];   /* "" while there is none */
};

/* The files SQLite may make of the working file; the signal handler removes them too. */
static const char *const work_suffixes[] = {"", "-journal", "-wal", "-shm"};
#define NSUFFIX (sizeof work_suffixes / sizeof *work_suffixes)

/* What the handler removes, prepared in advance: it may call only async-signal-safe
 * functions. */
static char sig_files[NSUFFIX][PATH_MAX + 340], sig_dir[PATH_MAX + 300];
static volatile sig_atomic_t sig_armed;
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved[3];

static void on_fatal_signal(int sig)
{
    if (sig_armed) {
        for (size_t i = 0; i < NSUFFIX; i++)
            unlink(sig_files[i]);
        rmdir(sig_dir);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Arms the handler for this working directory, where the program had not set its own. */
static void arm_signals(const struct publish *p)
{
    for (size_t i = 0; i < NSUFFIX; i++)
        snprintf(sig_files[i], sizeof sig_files[i], "%s%s", p->work, work_suffixes[i]);
    snprintf(sig_dir, sizeof sig_dir, "%s", p->work_dir);
    sig_armed = 1;
    struct sigaction sa = {0};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < 3; i++) {
        sigaction(fatal_signals[i], NULL, &saved[i]);
        if (saved[i].sa_handler == SIG_DFL)
            sigaction(fatal_signals[i], &sa, NULL);
    }
}

static void disarm_signals(void)
{
    if (!sig_armed)
        return;
    sig_armed = 0;
    for (size_t i = 0; i < 3; i++)
        if (saved[i].sa_handler == SIG_DFL)
            sigaction(fatal_signals[i], &saved[i], NULL);
}

/* Removes a working directory and what SQLite made in it. */
static void remove_work_dir(const char dir[PATH_MAX + 300])
{
    char f[PATH_MAX + 340];
    for (size_t i = 0; i < NSUFFIX; i++) {
        snprintf(f, sizeof f, "%s/work.db%s", dir, work_suffixes[i]);
        unlink(f);
    }
    rmdir(dir);
}

static void drop_work(struct publish *p)
{
    if (p->work_dir[0])
        remove_work_dir(p->work_dir);
    p->work_dir[0] = p->work[0] = '\0';
    disarm_signals();
}

/* Working directories of this database that a killed writer left (ours to remove: we
 * hold the lock, so none is in use). Another user's cannot be ours. */
static void remove_stale(const struct publish *p)
{
    char prefix[300];
    snprintf(prefix, sizeof prefix, ".%s.import-", p->base);
    DIR *d = opendir(p->dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        char path[PATH_MAX + 300];
        struct stat st;
        if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", p->dir, de->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid())
            remove_work_dir(path);
    }
    closedir(d);
}

/* The lock file's "pid …, user …, since …", made safe to print. */
static char *holder(int fd)
{
    char buf[256];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return strdup("another import (it did not say who)");
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        n--;
    return text_sanitize(buf, (size_t)n);
}

static void write_holder(int fd)
{
    const struct passwd *pw = getpwuid(geteuid());
    char when[64], line[400];
    time_t now = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", localtime(&now));
    int n = snprintf(line, sizeof line, "pid %ld, user %s, since %s\n", (long)getpid(),
                     pw ? pw->pw_name : "?", when);
    if (ftruncate(fd, 0) == 0 && n > 0)
        (void)!pwrite(fd, line, (size_t)n, 0);
}

static int take_lock(struct publish *p, const struct publish_opts *o, struct err *e)
{
    char path[PATH_MAX + 8];
    snprintf(path, sizeof path, "%s.lock", p->target);
    /* Mode 0600: a reader who could open it could hold the lock and stop every import. */
    p->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    struct stat st, db;
    if (p->lock_fd < 0 || fstat(p->lock_fd, &st) < 0) {
        err_set(e, "%s: cannot open the lock file: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        err_set(e, "%s: the lock file is not a regular file", path);
        return -1;
    }
    /* Ours, or the database owner's (root importing for the administrator); not one that
     * another user planted in a directory all may write. */
    if (st.st_uid != geteuid() && (stat(p->target, &db) < 0 || st.st_uid != db.st_uid)) {
        err_set(e, "%s: the lock file belongs to another user (uid %ld); remove it, or "
                "import as that user", path, (long)st.st_uid);
        return -1;
    }
    if (flock(p->lock_fd, LOCK_EX | LOCK_NB) < 0) {
        if (errno != EWOULDBLOCK) {
            err_set(e, "%s: cannot lock: %s", path, strerror(errno));
            return -1;
        }
        char *who = holder(p->lock_fd);
        if (o && o->no_wait) {
            err_set(e, "%s: another import is running (%s); try again when it is done",
                    p->target, who ? who : "?");
            free(who);
            return -1;
        }
        if (o && o->waiting)
            o->waiting(who ? who : "?", o->ctx);
        free(who);
        while (flock(p->lock_fd, LOCK_EX) < 0)
            if (errno != EINTR) {
                err_set(e, "%s: cannot lock: %s", path, strerror(errno));
                return -1;
            }
    }
    write_holder(p->lock_fd);
    return 0;
}

/* target, dir and base from path, a symlink followed to the file it names. */
static int resolve(struct publish *p, const char *path, struct err *e)
{
    struct stat st;
    char real[PATH_MAX];
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        if (!realpath(path, real)) {
            err_set(e, "%s: a symlink to nothing usable: %s", path, strerror(errno));
            return -1;
        }
        path = real;
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (strlen(path) >= sizeof p->target - 40 || strlen(base) >= sizeof p->base || !*base) {
        err_set(e, "%s: not a usable database file name", path);
        return -1;
    }
    memcpy(p->target, path, strlen(path) + 1);
    if (!slash)
        strcpy(p->dir, ".");
    else if (slash == path)
        strcpy(p->dir, "/");
    else
        snprintf(p->dir, sizeof p->dir, "%.*s", (int)(slash - path), path);
    memcpy(p->base, base, strlen(base) + 1);   /* its length checked above */
    return 0;
}

int publish_lock(const char *path, const struct publish_opts *o, struct publish **out,
                 struct err *e)
{
    *out = NULL;
    struct publish *p = calloc(1, sizeof *p);
    if (!p)
        return err_set(e, "out of memory"), -1;
    p->lock_fd = -1;
    if (resolve(p, path, e) < 0 || take_lock(p, o, e) < 0) {
        publish_free(&p);
        return -1;
    }
    remove_stale(p);
    *out = p;
    return 0;
}

const char *publish_target(const struct publish *p)
{
    return p->target;
}

const char *publish_work(struct publish *p, struct err *e)
{
    drop_work(p);
    snprintf(p->work_dir, sizeof p->work_dir, "%s/.%s.import-XXXXXX", p->dir, p->base);
    if (!mkdtemp(p->work_dir)) {
        err_set(e, "%s: cannot make a working directory: %s", p->dir, strerror(errno));
        p->work_dir[0] = '\0';
        return NULL;
    }
    snprintf(p->work, sizeof p->work, "%s/work.db", p->work_dir);
    arm_signals(p);
    return p->work;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)!fsync(fd);
        close(fd);
    }
}

int publish_commit(struct publish *p, struct err *e)
{
    int fd = open(p->work, O_RDONLY | O_CLOEXEC);
    struct stat old;
    if (fd < 0) {
        err_set(e, "%s: %s", p->work, strerror(errno));
        return -1;
    }
    if (stat(p->target, &old) == 0) {
        fchmod(fd, old.st_mode & 07777);
        (void)!fchown(fd, (uid_t)-1, old.st_gid);   /* kept where we are in that group */
    }
    if (fsync(fd) < 0) {
        err_set(e, "%s: cannot write the new database: %s", p->target, strerror(errno));
        close(fd);
        return -1;
    }
    close(fd);
    if (rename(p->work, p->target) < 0) {
        err_set(e, "%s: cannot publish the new database: %s", p->target, strerror(errno));
        return -1;
    }
    p->work[0] = '\0';
    /* The rename is done and seen; a directory that cannot be synced (some file systems
     * refuse) only leaves the rename's durability to the file system. */
    sync_dir(p->dir);
    drop_work(p);
    return 0;
}

void publish_free(struct publish **pp)
{
    struct publish *p = *pp;
    if (!p)
        return;
    drop_work(p);
    if (p->lock_fd >= 0)
        close(p->lock_fd);
    free(p);
    *pp = NULL;
}
