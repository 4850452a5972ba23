/* tui.h — the full-screen explorer: `gongfu`, `gongfu SLUG[:PATH]`, `gongfu --search WORDS`. */
#ifndef GONGFU_TUI_H
#define GONGFU_TUI_H

struct store;

/* What to say of a SLUG that names no document (the command line's "did you mean"):
 * prints it and returns the exit status. */
typedef int (*tui_unknown_fn)(struct store *s, const char *slug);

/* argv as main received it (argv[0] the program); parses --db, --ambiwidth, --theme,
 * SLUG[:PATH] and --search itself. A SLUG that names no document goes to unknown (NULL:
 * a plain message) before the screen starts. Returns an exit status. */
int tui_main(int argc, char **argv, tui_unknown_fn unknown);

#endif
