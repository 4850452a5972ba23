/* cmd_docs.c — `gongfu docs` and `gongfu tree`: the documents and their outlines. */
#include <stdio.h>
#include "cli.h"

static int run_docs(const struct cli_args *a)
{
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct doc_row *rows;
    size_t n;
    struct err e = {{0}};
    if (store_docs(s, &rows, &n, &e) < 0) {
        cli_error("docs", "%s", e.msg);
        store_close(&s);
        return EXIT_ERR;
    }
    static const char *const cols[] = {"slug", "region", "level", "title", "chapters", "items",
                                       "published", "note"};
    struct table_out t;
    out_begin_args(&t, stdout, a, cols, 8);
    out_numeric(&t, 1u << 4 | 1u << 5);
    for (size_t i = 0; i < n; i++) {
        char ch[16], it[16];
        snprintf(ch, sizeof ch, "%d", rows[i].chapters);
        snprintf(it, sizeof it, "%d", rows[i].items);
        const char *v[] = {rows[i].slug, rows[i].region, rows[i].level, rows[i].title, ch, it,
                           rows[i].published, rows[i].note};
        out_row(&t, v);
    }
    out_end(&t);
    store_docs_free(&rows, n);
    store_close(&s);
    return EXIT_OK;
}

static int run_tree(const struct cli_args *a)
{
    int rc;
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct err e = {{0}};
    struct doc_row *doc = NULL;
    struct node_row *nodes = NULL;
    size_t n = 0;
    rc = EXIT_ERR;
    if (cli_find_doc(s, "tree", a->argv[0], &doc) < 0) {
        store_close(&s);
        return EXIT_ERR;
    }
    if (store_nodes(s, doc->id, 0, &nodes, &n, &e) == 0) {
        static const char *const cols[] = {"path", "kind", "label", "title"};
        struct table_out t;
        out_begin_args(&t, stdout, a, cols, 4);
        for (size_t i = 0; i < n; i++) {
            if (nodes[i].kind != NODE_CHAPTER && nodes[i].kind != NODE_ITEM)
                continue;
            const char *v[] = {nodes[i].path, node_kind_name(nodes[i].kind), nodes[i].label,
                               nodes[i].title};
            out_row(&t, v);
        }
        out_end(&t);
        rc = EXIT_OK;
    } else {
        cli_error("tree", "%s", e.msg);
    }
    store_nodes_free(&nodes, n);
    if (doc)
        store_docs_free(&doc, 1);
    store_close(&s);
    return rc;
}

static const struct cli_opt list_opts[] = {OPT_DB, OPT_FORMAT(FORMATS_TEXT), OPT_BOM, OPT_END};

const struct cli_command cmd_docs = {
    .name = "docs", .summary = "list the documents", .synopsis = "", .max_args = 0,
    .opts = list_opts, .run = run_docs,
    .about = "Lists the documents: slug, region, level, title, chapters, items, published, and\n"
             "a note on the source when a reader must know one: an imported text that begins\n"
             "mid-document (\"原文不完整：从“28.”开始，此前的部分未导入\") or whose numbered items\n"
             "skip numbers (\"原文不完整：缺第14—15条\").\n",
};

const struct cli_command cmd_tree = {
    .name = "tree", .summary = "the outline of a document", .synopsis = "SLUG",
    .min_args = 1, .max_args = 1, .arg_values = VAL_SLUG, .opts = list_opts, .run = run_tree,
    .about = "The outline of a document, one row per chapter and item: path, kind, label, title.\n",
};
