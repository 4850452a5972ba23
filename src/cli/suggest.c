/* suggest.c — errors that help: a document, command or region named wrongly gets the
 * nearest one. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/fold.h"
#include "gongfu/paths.h"
#include "gongfu/regions.h"

/* The nearest slug (and, with commands, command name) to word; NULL when none is near. */
static const char *nearest(struct store *s, const char *word, int commands, char *buf,
                           size_t n)
{
    struct doc_row *docs = NULL;
    size_t nd = 0;
    struct err e = {{0}};
    if (store_docs(s, &docs, &nd, &e) < 0)
        nd = 0;
    const char **names = calloc(nd + 32, sizeof *names);
    const char *best = NULL;
    if (names) {
        size_t k = commands ? cli_command_names(names, 32) : 0;
        for (size_t i = 0; i < nd; i++)
            names[k++] = docs[i].slug;
        best = args_nearest(word, names, k);
        if (best)
            snprintf(buf, n, "%s", best);
    }
    free(names);
    store_docs_free(&docs, nd);
    return best ? buf : NULL;
}

int cli_find_doc(struct store *s, const char *cmd, const char *slug, struct doc_row **out)
{
    struct err e = {{0}};
    int found = store_doc_by_slug(s, slug, out, &e);
    if (found == 0)
        return 0;
    char near[256];
    if (found > 0 && nearest(s, slug, 0, near, sizeof near))
        cli_error(cmd, "no document '%s'; did you mean %s?", slug, near);
    else
        cli_error(cmd, "%s", e.msg);
    return -1;
}

int cli_unknown_word(struct store *s, const char *word)
{
    char near[256];
    if (nearest(s, word, 1, near, sizeof near))
        cli_error(NULL, "no document or command '%s'; did you mean %s?", word, near);
    else
        cli_error(NULL, "no document or command '%s' (documents: gongfu docs; commands: "
                  "gongfu --help)", word);
    return EXIT_ERR;
}

/* Does the folded name start with the folded region (so 舟山 and 臺州 name 舟山市, 台州市)? */
static int names_region(const char *name, const char *folded_region)
{
    char *f = fold_utf8(name, strlen(name), NULL, NULL);
    int yes = f && !strncmp(f, folded_region, strlen(folded_region));
    free(f);
    return yes;
}

int cli_check_region(struct store *s, const struct cli_command *cmd, const char *region)
{
    if (!region)
        return -1;
    struct regions r = {0};
    struct err e = {{0}};
    int have_regions = regions_load(paths_data_file("regions.tsv"), &r, &e) == 0;
    struct doc_row *docs = NULL;
    size_t nd = 0;
    if (store_docs(s, &docs, &nd, &e) < 0)
        nd = 0;
    size_t cap = nd;
    for (size_t i = 0; have_regions && i < r.n; i++)
        cap += r.v[i].naliases;
    const char **names = calloc(cap + 1, sizeof *names);
    char *fr = fold_utf8(region, strlen(region), NULL, NULL);
    size_t k = 0;
    for (size_t i = 0; names && have_regions && i < r.n; i++)
        for (size_t j = 0; j < r.v[i].naliases; j++)
            names[k++] = r.v[i].aliases[j];
    for (size_t i = 0; names && i < nd; i++)
        if (docs[i].region && *docs[i].region)
            names[k++] = docs[i].region;
    int known = !names || !fr;          /* out of memory: let the query say what it finds */
    for (size_t i = 0; !known && i < k; i++)
        known = names_region(names[i], fr);
    int rc = -1;
    if (!known) {
        const char *near = args_nearest(region, names, k);
        rc = near ? args_error(cmd, "no region '%s' in data/regions.tsv or the documents; "
                               "did you mean %s?", region, near)
                  : args_error(cmd, "no region '%s' in data/regions.tsv or the documents "
                               "(gongfu docs lists the documents' regions)", region);
    }
    free(fr);
    free(names);
    store_docs_free(&docs, nd);
    if (have_regions)
        regions_free(&r);
    return rc;
}
