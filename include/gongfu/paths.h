/* paths.h — where the database, the data files and the user's configuration are. */
#ifndef GONGFU_PATHS_H
#define GONGFU_PATHS_H

#include <stddef.h>
#include "gongfu/err.h"

/* --db, else $GONGFU_DB, else gongfu.db next to the program (the build tree), else
 * ../share/gongfu/gongfu.db beside it (installed), else the configured DATADIR's. */
const char *paths_db(const char *opt);
/* A data file (vocab.tsv …): $GONGFU_DATA, the source tree's data/ above the program, or
 * the installed data directory. The string stays valid for the program's life. */
const char *paths_data_file(const char *name);
/* A module of gongfu's own (format_module.h): next to the program (the build tree), else
 * ../lib/gongfu beside it (installed), else the configured LIBDIR's. One buffer: the
 * string is valid until the next call. */
const char *paths_lib_file(const char *name);
/* $XDG_CONFIG_HOME/gongfu or ~/.config/gongfu; NULL if neither can be formed. */
const char *paths_config_dir(void);
/* Files gongfu reads whole are opened only when they are regular files (a FIFO, a device
 * such as /dev/zero, a directory is refused, without waiting on it) and read only up to a
 * size fit for their kind. */
#define PATHS_CONFIG_MAX (1u << 20)     /* keys.conf, a theme, the state file */
#define PATHS_FILE_MAX (64u << 20)      /* data files: vocab.tsv, ask.tsv … */
/* The whole file, NUL-terminated, malloc'd; NULL with the reason in e (errno ENOENT when
 * it is not there). */
char *paths_read(const char *path, size_t cap, size_t *n, struct err *e);
/* paths_read with PATHS_FILE_MAX; NULL with errno set (EISDIR, EINVAL for a file that is
 * not regular, EFBIG). */
char *paths_read_file(const char *path, size_t *n);
/* The file at dir/sub/name in the config directory (sub may be NULL), as paths_read with
 * PATHS_CONFIG_MAX; NULL when it is not there (e untouched) or cannot be used (e says
 * why). */
char *paths_config_read(const char *sub, const char *name, struct err *e);

#endif
