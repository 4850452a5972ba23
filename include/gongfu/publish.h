/* publish.h — how the shared database file is replaced: never written where readers have
 * it open.
 *
 * One writer at a time holds an flock on the lock file "<db>.lock" beside the database
 * (it says who: pid, user, since when). The writer builds the new database in a working
 * file inside a private directory beside the published one (".<name>.import-XXXXXX", mode
 * 0700, so no other user can plant a journal there) and publishes it whole: fsync, rename(2)
 * over the published name, fsync of the directory. A reader that opened the old file keeps
 * it (the same inode) until it closes; the next reader opens the new one. Nothing is left
 * behind: the working directory is removed on failure, on close and on SIGINT, SIGTERM or
 * SIGHUP; one left by a killed writer is removed by the next writer, under the lock.
 * One working file per process at a time. */
#ifndef GONGFU_PUBLISH_H
#define GONGFU_PUBLISH_H

#include "gongfu/err.h"

struct publish;

struct publish_opts {
    int no_wait;   /* another writer holds the lock: fail at once instead of waiting */
    /* Called once, before waiting, with who holds the lock (sanitised text). */
    void (*waiting)(const char *holder, void *ctx);
    void *ctx;
};

/* Takes the lock for the database at path (o may be NULL: wait, silently) and removes
 * working directories a killed writer left. A symlink at path is followed: the file it
 * names is the one replaced. 0, or -1 with the reason in e. */
int publish_lock(const char *path, const struct publish_opts *o, struct publish **out,
                 struct err *e);
/* The database file that is published (path, symlinks resolved). */
const char *publish_target(const struct publish *p);
/* A new, empty working directory; the path of the working file in it (not created).
 * Any earlier working file not published is removed first. */
const char *publish_work(struct publish *p, struct err *e);
/* Publishes the working file: its mode (and group, where allowed) those of the file it
 * replaces, fsync, rename over the target, fsync of the directory. The working file must
 * be closed. 0, or -1 (the target is then as it was). */
int publish_commit(struct publish *p, struct err *e);
/* Removes an unpublished working file and its directory, releases the lock. */
void publish_free(struct publish **p);

#endif
