/* fuzz_catalogue — the hand-edited data files' parsers: the indicator catalogue
 * (indicators.tsv) and the vocabulary (vocab.tsv), on the same bytes. Properties: an
 * accepted catalogue's indicators have a slug and a name, are found by their slug, and
 * each alias links back to an indicator that has an alias at least as long; a rejected
 * one names the file and line. */
#include <string.h>
#include "fuzz.h"
#include "gongfu/catalogue.h"
#include "gongfu/query.h"
#include "gongfu/targets.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

static void check_catalogue(const struct catalogue *c)
{
    for (size_t i = 0; i < catalogue_count(c); i++) {
        const struct indicator *ind = catalogue_at(c, i);
        if (!ind || !ind->slug || !ind->slug[0] || !ind->name || !ind->naliases)
            fuzz_fail("indicator %zu without slug, name or aliases", i);
        if (catalogue_by_slug(c, ind->slug) == NULL)
            fuzz_fail("indicator %s is not found by its slug", ind->slug);
        for (size_t a = 0; a < ind->naliases; a++) {
            char *key = targets_fold_key(ind->aliases[a], strlen(ind->aliases[a]));
            if (!key)
                continue;
            size_t at = 0;
            const struct indicator *got = catalogue_link(c, key, 0, strlen(key), &at);
            /* Another indicator may own a longer alias ending the same way, or the same
             * one when two indicators share it; the alias itself must link somewhere. */
            if (*key && !got)
                fuzz_fail("alias \"%s\" of %s links to nothing", ind->aliases[a], ind->slug);
            if (got && at > strlen(key))
                fuzz_fail("alias \"%s\": match start %zu past the key", ind->aliases[a], at);
            free(key);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    struct catalogue *c = NULL;
    struct err e = {{0}};
    if (catalogue_parse((const char *)data, size, "fuzz.tsv", &c, &e) == 0)
        check_catalogue(c);
    else if (strncmp(e.msg, "fuzz.tsv", 8))
        fuzz_fail("catalogue error without the file's name: %s", e.msg);
    catalogue_free(&c);
    struct vocab *v = NULL;
    e.msg[0] = '\0';
    if (vocab_parse((const char *)data, size, &v, &e) == 0) {
        size_t lines = 1;
        for (size_t i = 0; i < size; i++)
            lines += data[i] == '\n';
        if (vocab_size(v) > lines)
            fuzz_fail("%zu vocabulary pairs from %zu lines", vocab_size(v), lines);
    }
    vocab_free(&v);
    return 0;
}
