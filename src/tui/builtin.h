/* builtin.h — the files compiled into the program (data/keys.conf and the themes). */
#ifndef GONGFU_TUI_BUILTIN_H
#define GONGFU_TUI_BUILTIN_H

/* The text of a built-in file by its base name ("keys.conf", "mono.theme"), or NULL. */
const char *builtin_text(const char *name);
/* The names with that suffix, without it, joined by ", " ("dark, light, mono"). */
const char *builtin_list(const char *suffix);

#endif
