/* fuzz_theme — the explorer's theme file parser. Properties: a rule it keeps has colours
 * the terminal can be asked for (-1 for the default, or 0-255) and only known attributes;
 * an error leaves a message naming the line. */
#include <string.h>
#include "fuzz.h"
#include "theme.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char *text = fuzz_strdup(data, size);
    struct theme t;
    memset(&t, 0, sizeof t);
    struct err e = {{0}};
    const attr_t known = A_BOLD | A_UNDERLINE | A_REVERSE | A_DIM | A_STANDOUT | A_ITALIC;
    if (theme_parse(&t, text, "fuzz.theme", &e) < 0 && strncmp(e.msg, "fuzz.theme:", 11))
        fuzz_fail("error without the file and line: %s", e.msg);
    for (int r = 0; r < ROLE_COUNT; r++) {
        const struct theme_rule *x = &t.rule[r];
        if (!x->set)
            continue;
        if (x->fg < -1 || x->fg > 255 || x->bg < -1 || x->bg > 255 || (x->attrs & ~known))
            fuzz_fail("role %s: fg %d bg %d attrs %#lx", theme_role_name((enum role)r), x->fg,
                      x->bg, (unsigned long)x->attrs);
    }
    free(text);
    return 0;
}
