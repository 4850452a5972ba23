/* hint.c — key names for hints: the keys.conf name without its brackets, arrows drawn. */
#include <stdio.h>
#include <string.h>
#include "hint.h"

void hint_key_name(keycode k, char *buf, size_t n)
{
    static const struct { const char *conf, *shown; } arrows[] = {
        { "<Up>", "↑" }, { "<Down>", "↓" }, { "<Left>", "←" }, { "<Right>", "→" },
        { "<lt>", "<" }, { "<gt>", ">" },
    };
    char name[32];
    key_format(k, name, sizeof name);
    for (size_t i = 0; i < sizeof arrows / sizeof arrows[0]; i++)
        if (!strcmp(name, arrows[i].conf)) {
            snprintf(buf, n, "%s", arrows[i].shown);
            return;
        }
    size_t len = strlen(name);
    if (len > 2 && name[0] == '<' && name[len - 1] == '>')
        snprintf(buf, n, "%.*s", (int)(len - 2), name + 1);
    else
        snprintf(buf, n, "%s", name);
}

const char *hint_key(const struct keymap *km, enum kctx ctx, enum cmd cmd, char *buf,
                     size_t n)
{
    keycode k = keymap_key_for(km, ctx, cmd);
    if (n)
        buf[0] = '\0';
    if (k)
        hint_key_name(k, buf, n);
    return buf;
}

const char *hint_line(const struct keymap *km, enum kctx ctx, const struct hint *h,
                      const char *sep, char *buf, size_t n)
{
    size_t o = 0;
    if (n)
        buf[0] = '\0';
    for (; h->cmd != CMD_NONE && o < n; h++) {
        char k1[32], k2[32] = "";
        if (!*hint_key(km, ctx, h->cmd, k1, sizeof k1))
            continue;
        if (h->cmd2 != CMD_NONE)
            hint_key(km, ctx, h->cmd2, k2, sizeof k2);
        int w = snprintf(buf + o, n - o, "%s%s%s%s %s", o ? sep : "", k1, *k2 ? h->join : "",
                         k2, h->label);
        if (w < 0)
            break;
        o += (size_t)w;
    }
    return buf;
}
