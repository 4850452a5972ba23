/* tui.h — the full-screen explorer: `gongfu`, `gongfu SLUG[:PATH]`, `gongfu --search WORDS`. */
#ifndef GONGFU_TUI_H
#define GONGFU_TUI_H

/* argv as main received it (argv[0] the program); parses --db, --ambiwidth, --theme,
 * SLUG[:PATH] and --search itself. Returns an exit status. */
int tui_main(int argc, char **argv);

#endif
