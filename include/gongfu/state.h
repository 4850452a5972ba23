/* state.h — what one user's explorer remembers between runs: where they left off and
 * their bookmarks. Kept in $XDG_STATE_HOME/gongfu/state (~/.local/state/gongfu/state),
 * never in the shared database; written atomically (temp file + rename), mode 0600. */
#ifndef GONGFU_STATE_H
#define GONGFU_STATE_H

#include <stdint.h>
#include "gongfu/err.h"

/* A place in a document that survives a change of terminal width: the section's outline
 * path and a byte offset into the section's text (store_section_text). */
struct state_pos {
    char slug[64];
    char path[32];
    long offset;
};

#define STATE_MARKS 52   /* a-z, A-Z */

struct state {
    int has_last;
    struct state_pos last;
    uint64_t marks_set;                 /* bit i: marks[i] holds a bookmark */
    struct state_pos marks[STATE_MARKS];
};

/* The directory, or NULL when neither $XDG_STATE_HOME nor $HOME is set. Static buffer. */
const char *state_dir(void);
/* Index of a bookmark letter in marks[], -1 if it is not a letter. */
int state_mark_index(int letter);
/* Sets *pos from its parts; 0, or -1 when a part does not fit or holds a tab/newline. */
int state_pos_set(struct state_pos *pos, const char *slug, const char *path, long offset);
/* A missing file is an empty state (0); unreadable lines are skipped. */
int state_load(struct state *st, struct err *e);
int state_save(const struct state *st, struct err *e);

#endif
