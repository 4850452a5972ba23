/* cmd_related.c — `gongfu related`: the sections of other plans that carry out the same
 * measure as one section, per document, best first, with the phrases they share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/relations_store.h"

static const char about[] =
    "The items (or chapter leads, or preambles) of the other documents related to one: per\n"
    "document, best first: slug, region, path, title, score and the phrases the two share\n"
    "(json adds kind and node). A section without a counterpart in a document has no row\n"
    "for it. Relations are computed at import; no rows is no error.\n";

/* The node of SLUG:PATH, or 0 with the error printed. */
static int64_t find_section(struct store *s, const char *spec)
{
    struct err e = {{0}};
    char *slug = strdup(spec), *path = slug ? strchr(slug, ':') : NULL;
    if (!path || !path[1]) {
        cli_error("related", "'%s': expected SLUG:PATH (the paths are in 'gongfu tree SLUG')",
                  spec);
        free(slug);
        return 0;
    }
    *path++ = '\0';
    struct doc_row *doc = NULL;
    struct node_row *nodes = NULL;
    size_t n = 0;
    int64_t id = 0;
    if (cli_find_doc(s, "related", slug, &doc) == 0 &&
        store_nodes(s, doc->id, 0, &nodes, &n, &e) < 0)
        cli_error("related", "%s", e.msg);
    for (size_t i = 0; i < n && !id; i++)
        if (nodes[i].path && !strcmp(nodes[i].path, path))
            id = nodes[i].id;
    if (doc && !id && !e.msg[0])
        cli_error("related", "%s has no chapter or item '%s' (see 'gongfu tree %s')", slug, path,
                  slug);
    store_nodes_free(&nodes, n);
    store_docs_free(&doc, doc ? 1 : 0);
    free(slug);
    return id;
}

static void print_rows(const struct relation_row *r, size_t n, const struct cli_args *a)
{
    static const char *const cols[] = {"slug", "region", "path", "title", "score", "shared",
                                       "kind", "node"};
    struct table_out t;
    enum out_format fmt;
    int bom;
    out_format_of(a, &fmt, &bom);
    out_begin_args(&t, stdout, a, cols, fmt == OUT_JSON ? 8 : 6);
    out_numeric(&t, 1u << 4 | 1u << 7);
    for (size_t i = 0; i < n; i++) {
        char score[32], node[32];
        snprintf(score, sizeof score, "%.3f", r[i].score);
        snprintf(node, sizeof node, "%lld", (long long)r[i].node_id);
        const char *v[] = {r[i].slug, r[i].region, r[i].path, r[i].title, score, r[i].shared,
                           r[i].kind, node};
        out_row(&t, v);
    }
    out_end(&t);
}

static int run(const struct cli_args *a)
{
    const char *doc = args_text(a, "doc");
    size_t limit = (size_t)args_number(a, "limit", 0);
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct err e = {{0}};
    struct doc_row *d = NULL;
    int64_t node = find_section(s, a->argv[0]);
    int rc = EXIT_ERR;
    if (node && (!doc || cli_find_doc(s, "related", doc, &d) == 0)) {
        struct relation_row *rows;
        size_t n;
        if (!relations_stored(store_db(s)))
            cli_error("related", "this database was made before relations existed: import "
                      "its documents again to compute them");
        if (relations_of(store_db(s), node, doc, limit, &rows, &n, &e) < 0)
            cli_error("related", "%s", e.msg);
        else
            print_rows(rows, n, a), rc = EXIT_OK;
        relations_rows_free(&rows, n);
    }
    store_docs_free(&d, d ? 1 : 0);
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    {"doc", ARG_TEXT, "SLUG", "only the sections of this document", VAL_SLUG, NULL, 0, 0},
    {"limit", ARG_NUMBER, "N", "the best N of each document; 0 (the default) means all",
     VAL_NONE, NULL, 0, 1000000},
    OPT_FORMAT(FORMATS_TEXT), OPT_BOM, OPT_DB, OPT_END,
};

const struct cli_command cmd_related = {
    .name = "related", .summary = "the measures of other plans related to an item",
    .synopsis = "SLUG:PATH", .min_args = 1, .max_args = 1, .arg_values = VAL_SLUG_PATH,
    .opts = opts, .run = run, .about = about,
};
