/* paths.h — where the database, the data files and the user's configuration are. */
#ifndef GONGFU_PATHS_H
#define GONGFU_PATHS_H

#include <stddef.h>

/* --db, else $GONGFU_DB, else gongfu.db next to the program (the build tree), else
 * ../share/gongfu/gongfu.db beside it (installed), else the configured DATADIR's. */
const char *paths_db(const char *opt);
/* A data file (vocab.tsv …): $GONGFU_DATA, the source tree's data/ above the program, or
 * the installed data directory. The string stays valid for the program's life. */
const char *paths_data_file(const char *name);
/* $XDG_CONFIG_HOME/gongfu or ~/.config/gongfu; NULL if neither can be formed. */
const char *paths_config_dir(void);
/* The whole file at dir/sub/name in the config directory (sub may be NULL); malloc'd and
 * NUL-terminated, NULL when it is not there. */
char *paths_config_read(const char *sub, const char *name);
/* A whole file, NUL-terminated; NULL on error (errno set). */
char *paths_read_file(const char *path, size_t *n);

#endif
