/* outfile.h — a file the user asked for (an export), written whole or not at all: into a
 * private directory beside it, then moved into place; an existing file is never replaced
 * unless the caller says so, and never written through (a planted symlink stays as it is). */
#ifndef GONGFU_OUTFILE_H
#define GONGFU_OUTFILE_H

#include <limits.h>
#include "gongfu/err.h"

struct outfile {
    char path[PATH_MAX];    /* where it goes, as given */
    char dir[PATH_MAX];     /* the private directory (0700) in path's directory */
    char tmp[PATH_MAX];     /* the file being written, inside dir: write here */
    int force;
};

/* Refuses (-1, e naming path) when path exists and !force, or when its directory cannot
 * take a new file; else makes the private directory and fills o->tmp. */
int outfile_begin(struct outfile *o, const char *path, int force, struct err *e);
/* Moves o->tmp to o->path (a link that fails if the name was taken meanwhile, or a rename
 * with force) and removes the private directory. 0, or -1 with e set (nothing left). */
int outfile_commit(struct outfile *o, struct err *e);
/* Removes what was written; the path is untouched. */
void outfile_abort(struct outfile *o);

#endif
