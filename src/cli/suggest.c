/* suggest.c — errors that help: a document or command named wrongly gets the nearest one. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

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
