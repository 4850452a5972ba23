/* cmd_docs.c — `gongfu docs` and `gongfu tree`: the documents and their outlines. */
#include <getopt.h>
#include <stdio.h>
#include "cli.h"

/* Parses --db, --format and --help shared by the listing commands. */
static int list_opts(int argc, char **argv, const char *usage, const char **db,
                     enum out_format *fmt)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"format", required_argument, 0, 'f'},
        {"help", no_argument, 0, 'h'},     {0, 0, 0, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        if (c == 'd')
            *db = optarg;
        else if (c == 'f' && out_parse_format(optarg, fmt) == 0)
            ;
        else if (c == 'h')
            return fputs(usage, stdout), EXIT_OK;
        else
            return fputs(usage, stderr), EXIT_USAGE;
    }
    return -1;
}

int cmd_docs(int argc, char **argv)
{
    static const char usage[] =
        "usage: gongfu docs [--db PATH] [--format tsv|csv|json]\n"
        "Lists the documents: slug, region, level, title, chapters, items, published.\n";
    const char *db = NULL;
    enum out_format fmt = OUT_TSV;
    int rc = list_opts(argc, argv, usage, &db, &fmt);
    if (rc >= 0)
        return rc;
    if (optind != argc)
        return fputs(usage, stderr), EXIT_USAGE;
    struct store *s = cli_open_store(db, STORE_READ);
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
                                       "published"};
    struct table_out t;
    out_begin(&t, stdout, fmt, cols, 7);
    out_numeric(&t, 1u << 4 | 1u << 5);
    for (size_t i = 0; i < n; i++) {
        char ch[16], it[16];
        snprintf(ch, sizeof ch, "%d", rows[i].chapters);
        snprintf(it, sizeof it, "%d", rows[i].items);
        const char *v[] = {rows[i].slug, rows[i].region, rows[i].level, rows[i].title, ch, it,
                           rows[i].published};
        out_row(&t, v);
    }
    out_end(&t);
    store_docs_free(&rows, n);
    store_close(&s);
    return EXIT_OK;
}

int cmd_tree(int argc, char **argv)
{
    static const char usage[] =
        "usage: gongfu tree [--db PATH] [--format tsv|csv|json] SLUG\n"
        "The outline of a document, one row per chapter and item: path, kind, label, title.\n";
    const char *db = NULL;
    enum out_format fmt = OUT_TSV;
    int rc = list_opts(argc, argv, usage, &db, &fmt);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return fputs(usage, stderr), EXIT_USAGE;
    struct store *s = cli_open_store(db, STORE_READ);
    if (!s)
        return EXIT_ERR;
    struct err e = {{0}};
    struct doc_row *doc = NULL;
    struct node_row *nodes = NULL;
    size_t n = 0;
    rc = EXIT_ERR;
    if (store_doc_by_slug(s, argv[optind], &doc, &e) == 0 &&
        store_nodes(s, doc->id, 0, &nodes, &n, &e) == 0) {
        static const char *const cols[] = {"path", "kind", "label", "title"};
        struct table_out t;
        out_begin(&t, stdout, fmt, cols, 4);
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
