/* cmd_show.c — `gongfu show`: a document, chapter or item as text, wrapped by display
 * width with the same engine as the explorer's reading pane. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/text.h"

static int output_width(int opt)
{
    struct winsize ws;
    if (opt > 0)
        return opt;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    return cols && atoi(cols) > 0 ? atoi(cols) : 80;
}

/* Writes s wrapped to width; on a terminal, controls in the text are made visible.
 * -1 when memory ran out (nothing written: a missing paragraph is no answer). */
static int put_wrapped(const char *s, int width, int tty)
{
    char *clean = tty ? text_sanitize(s, strlen(s)) : NULL;
    if (tty && !clean)
        return -1;
    const char *t = clean ? clean : s;
    struct text_line *lines = NULL;
    size_t n = text_wrap(t, strlen(t), width, &lines);
    if (!lines && *t) {
        free(clean);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        printf("%.*s\n", (int)(lines[i].end - lines[i].start), t + lines[i].start);
    free(lines);
    free(clean);
    return 0;
}

/* Is node i inside the subtree rooted at node `root` (same doc, reading order)? */
static int within(const struct node_row *nodes, size_t n, size_t i, int64_t root)
{
    int64_t id = nodes[i].id;
    for (size_t guard = 0; id && guard < n; guard++) {
        if (id == root)
            return 1;
        size_t k = 0;
        while (k < n && nodes[k].id != id)
            k++;
        if (k == n)
            return 0;
        id = nodes[k].parent_id;
    }
    return 0;
}

static int show(struct store *s, const char *spec, int width)
{
    struct err e = {{0}};
    char *slug = strdup(spec), *path = strchr(slug, ':');
    if (path)
        *path++ = '\0';
    struct doc_row *doc = NULL;
    struct node_row *nodes = NULL;
    size_t n = 0;
    int rc = EXIT_ERR;
    if (cli_find_doc(s, "show", slug, &doc) < 0)
        goto out;
    if (store_nodes(s, doc->id, 1, &nodes, &n, &e) < 0) {
        cli_error("show", "%s", e.msg);
        goto out;
    }
    int64_t root = 0;
    for (size_t i = 0; path && *path && i < n && !root; i++)
        if (nodes[i].path && !strcmp(nodes[i].path, path))
            root = nodes[i].id;
    if (path && *path && !root) {
        cli_error("show", "%s has no chapter or item '%s' (see 'gongfu tree %s')", slug, path, slug);
        goto out;
    }
    int tty = isatty(STDOUT_FILENO), first = 1, failed = 0;
    if (!root) {
        failed = put_wrapped(doc->title, width, tty);
        first = 0;
    }
    for (size_t i = 0; i < n && !failed; i++) {
        if (root && !within(nodes, n, i, root))
            continue;
        if (!first)
            putchar('\n');
        first = 0;
        if (nodes[i].kind == NODE_PARAGRAPH) {
            failed = put_wrapped(nodes[i].text ? nodes[i].text : "", width, tty);
        } else if (nodes[i].kind != NODE_PREAMBLE) {
            char *h = node_heading(nodes[i].kind, nodes[i].label, nodes[i].title);
            failed = !h || put_wrapped(h, width, tty);
            free(h);
        } else {
            first = 1;
        }
    }
    if (failed) {
        cli_error("show", "out of memory");
        goto out;
    }
    rc = EXIT_OK;
out:
    store_nodes_free(&nodes, n);
    if (doc)
        store_docs_free(&doc, 1);
    free(slug);
    return rc;
}

static int run(const struct cli_args *a)
{
    struct store *s = cli_open_store(args_text(a, "db"), STORE_READ);
    if (!s)
        return EXIT_ERR;
    int rc = show(s, a->argv[0], output_width((int)args_number(a, "width", 0)));
    store_close(&s);
    return rc;
}

static const struct cli_opt opts[] = {
    OPT_DB,
    {"width", ARG_NUMBER, "N", "wrap to N columns (default: the terminal's, else $COLUMNS, "
     "else 80)", VAL_NONE, NULL, 1, 1000000},
    OPT_END,
};

const struct cli_command cmd_show = {
    .name = "show", .summary = "the text of a document, chapter or item",
    .synopsis = "SLUG[:PATH]", .min_args = 1, .max_args = 1, .arg_values = VAL_SLUG_PATH,
    .opts = opts, .run = run,
    .about = "The text of a document, or of one chapter (SLUG:4) or item (SLUG:4.15), wrapped "
             "to the\nterminal's width or N columns.\n",
};
