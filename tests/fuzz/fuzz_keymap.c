/* fuzz_keymap — the explorer's keys.conf parser and key names. Properties: every binding
 * it keeps has a real context, command and key; lookup finds what was bound last; and
 * every key's name (as the help screen shows it) reads back as the same key. */
#include <string.h>
#include "fuzz.h"
#include "keymap.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

static void roundtrip(keycode k)
{
    char name[64];
    keycode back;
    key_format(k, name, sizeof name);
    if (key_parse(name, &back) < 0 || back != k)
        fuzz_fail("key %#x is named \"%s\", which reads back as %#x", (unsigned)k, name,
                  (unsigned)back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char *text = fuzz_strdup(data, size);
    struct keymap km = {0};
    struct err e = {{0}};
    keymap_load(&km, text, "fuzz.conf", &e);
    for (size_t i = 0; i < km.n; i++) {
        const struct binding *b = &km.v[i];
        if ((unsigned)b->ctx >= KCTX_COUNT || (unsigned)b->cmd >= CMD_COUNT)
            fuzz_fail("binding %zu: context %d, command %d", i, (int)b->ctx, (int)b->cmd);
        roundtrip(b->key);
        /* The last binding of a key in its context is the one that counts. */
        size_t last = i;
        for (size_t j = i + 1; j < km.n; j++)
            if (km.v[j].ctx == b->ctx && km.v[j].key == b->key)
                last = j;
        if (keymap_lookup(&km, b->ctx, b->key) != km.v[last].cmd)
            fuzz_fail("binding %zu: lookup does not give the last binding", i);
    }
    keymap_free(&km);
    /* Each line on its own as a key name. */
    for (char *line = text, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        keycode k;
        if (key_parse(line, &k) == 0)
            roundtrip(k);
    }
    free(text);
    return 0;
}
