/* hint.h — the keys the screen mentions (status-line hints, the help screen's first line,
 * messages such as "n 下一个命中"), named from the bindings in force, so they follow any
 * rebinding in keys.conf. */
#ifndef GONGFU_TUI_HINT_H
#define GONGFU_TUI_HINT_H

#include <stddef.h>
#include "keymap.h"

/* One hint: "KEY label", or "KEY1{join}KEY2 label" for a pair (h/l, ] [). */
struct hint {
    enum cmd cmd, cmd2;         /* cmd2 CMD_NONE for a single key */
    const char *join;
    const char *label;
};

/* The name a hint gives a key: "j", "Tab", "Enter", "↑", "C-n", "F5", "<". */
void hint_key_name(keycode k, char *buf, size_t n);
/* The key that does cmd in ctx, named so; "" when none does. Returns buf. */
const char *hint_key(const struct keymap *km, enum kctx ctx, enum cmd cmd, char *buf,
                     size_t n);
/* The hints up to the one whose cmd is CMD_NONE, each as "KEY label", joined by sep;
 * a hint whose command has no key is left out. Returns buf. */
const char *hint_line(const struct keymap *km, enum kctx ctx, const struct hint *h,
                      const char *sep, char *buf, size_t n);

#endif
