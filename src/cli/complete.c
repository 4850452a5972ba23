/* complete.c — `gongfu complete -- WORD...`, what the bash and zsh completion scripts ask:
 * the words of the command line after "gongfu", the last one the word being completed
 * (empty for a new word). Prints the candidates that start with it, one a line, whole (an
 * option's value as "--format=csv" when the word is "--format=c"); "@files" alone means
 * "complete file names". Commands and options come from their tables, slugs, regions,
 * indicators and categories from the database as it is now. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "../tui/builtin.h"

struct want {
    const char *cur;        /* what the user typed of the value */
    const char *prefix;     /* printed before each candidate ("--format=") */
    const char *db;
};

static void offer(const struct want *w, const char *cand, size_t len)
{
    if (len >= strlen(w->cur) && !strncmp(cand, w->cur, strlen(w->cur)))
        printf("%s%.*s\n", w->prefix, (int)len, cand);
}

static void offer_words(const struct want *w, const char *list, const char *sep)
{
    while (list && *list) {
        size_t n = strcspn(list, sep);
        if (n)
            offer(w, list, n);
        list += n;
        list += strspn(list, sep);
    }
}

static struct store *open_db(const struct want *w)
{
    struct store *s = NULL;
    struct err e = {{0}};
    return store_open(paths_db(w->db), STORE_READ, &s, &e) == 0 ? s : NULL;
}

static void offer_sql(const struct want *w, const char *sql)
{
    struct store *s = open_db(w);
    sqlite3_stmt *st;
    struct err e = {{0}};
    if (s && store_prepare(store_db(s), sql, &st, "completion", &e) == 0) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            if (v && *v)
                offer(w, v, strlen(v));
        }
        sqlite3_finalize(st);
    }
    store_close(&s);
}

/* Slugs; with "SLUG:" typed, that document's chapters and items as SLUG:PATH. A slug that
 * is the only match is offered with its colon too, so the shell adds no space after it. */
static void offer_slugs(const struct want *w, int with_paths)
{
    struct store *s = open_db(w);
    struct doc_row *docs = NULL;
    size_t n = 0, hits = 0;
    struct err e = {{0}};
    if (!s || store_docs(s, &docs, &n, &e) < 0) {
        store_close(&s);
        return;
    }
    const char *colon = with_paths ? strchr(w->cur, ':') : NULL;
    const char *only = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(docs[i].slug);
        if (colon) {
            if ((size_t)(colon - w->cur) != len || strncmp(docs[i].slug, w->cur, len))
                continue;
            struct node_row *nodes = NULL;
            size_t nn = 0;
            if (store_nodes(s, docs[i].id, 0, &nodes, &nn, &e) == 0)
                for (size_t k = 0; k < nn; k++) {
                    if (nodes[k].kind != NODE_CHAPTER && nodes[k].kind != NODE_ITEM)
                        continue;
                    char full[512];
                    int m = snprintf(full, sizeof full, "%s:%s", docs[i].slug, nodes[k].path);
                    if (m > 0 && (size_t)m < sizeof full)
                        offer(w, full, (size_t)m);
                }
            store_nodes_free(&nodes, nn);
        } else if (!strncmp(docs[i].slug, w->cur, strlen(w->cur))) {
            offer(w, docs[i].slug, len);
            hits++;
            only = docs[i].slug;
        }
    }
    if (with_paths && !colon && hits == 1)
        printf("%s%s:\n", w->prefix, only);
    store_docs_free(&docs, n);
    store_close(&s);
}

static void offer_themes(const struct want *w)
{
    offer_words(w, builtin_list(".theme"), ", ");
    const char *dir = paths_config_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/themes", dir ? dir : "");
    DIR *d = dir ? opendir(path) : NULL;
    for (struct dirent *de; d && (de = readdir(d)); ) {
        size_t n = strlen(de->d_name);
        if (n > 6 && !strcmp(de->d_name + n - 6, ".theme") && de->d_name[0] != '.')
            offer(w, de->d_name, n - 6);
    }
    if (d)
        closedir(d);
}

static void offer_values(const struct want *w, enum arg_values v, const char *choices)
{
    switch (v) {
    case VAL_FILE: puts("@files"); break;
    case VAL_SLUG: offer_slugs(w, 0); break;
    case VAL_SLUG_PATH: offer_slugs(w, 1); break;
    case VAL_REGION: offer_sql(w, "SELECT DISTINCT region FROM doc ORDER BY region"); break;
    case VAL_INDICATOR:
        offer_sql(w, "SELECT DISTINCT i.slug FROM indicator i JOIN target t ON "
                     "t.indicator_id = i.id ORDER BY i.slug");
        break;
    case VAL_CATEGORY:
        offer_sql(w, "SELECT DISTINCT category FROM indicator WHERE category != '' ORDER BY 1");
        break;
    case VAL_THEME: offer_themes(w); break;
    case VAL_CHOICES: offer_words(w, choices, " "); break;
    case VAL_NONE: break;
    }
}

/* An option that takes a value: "--name" exactly (completion does not guess prefixes). */
static const struct cli_opt *valued(const struct cli_command *c, const char *word)
{
    const struct cli_opt *o = word[0] == '-' && word[1] == '-' && !strchr(word, '=')
                                  ? args_find(c->opts, word + 2) : NULL;
    return o && o->kind != ARG_FLAG ? o : NULL;
}

static int run(const struct cli_args *a)
{
    int n = a->argc;
    char **words = a->argv;
    struct want w = {n ? words[n - 1] : "", "", NULL};
    const struct cli_command *c = &cmd_explorer;
    int after_dashes = 0, npos = 0, searching = 0;
    for (int i = 0; i < n - 1; i++) {
        const char *s = words[i];
        const struct cli_opt *o = after_dashes ? NULL : valued(c, s);
        if (!after_dashes && !strcmp(s, "--")) {
            after_dashes = 1;
        } else if (o) {
            if (!strcmp(o->name, "db"))
                w.db = words[i + 1];
            i++;
        } else if (!after_dashes && !strncmp(s, "--db=", 5)) {
            w.db = s + 5;
        } else if (!after_dashes && s[0] == '-' && s[1] && !c->dash_words) {
            searching |= !strcmp(s, "--search");
        } else if (c == &cmd_explorer && !npos && cli_command_named(s)) {
            c = cli_command_named(s);
        } else {
            npos++;
        }
    }
    const struct cli_opt *o = n >= 2 && !after_dashes ? valued(c, words[n - 2]) : NULL;
    const char *eq = strchr(w.cur, '=');
    if (o) {
        offer_values(&w, o->values, o->choices);
    } else if (!after_dashes && !strncmp(w.cur, "--", 2) && eq) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(eq - w.cur - 2), w.cur + 2);
        char prefix[80];
        snprintf(prefix, sizeof prefix, "--%s=", name);
        const struct cli_opt *v = args_find(c->opts, name);
        struct want vw = {eq + 1, prefix, w.db};
        if (v && v->kind != ARG_FLAG)
            offer_values(&vw, v->values, v->choices);
    } else if (!after_dashes && w.cur[0] == '-' && (!c->dash_words || w.cur[1] == '-')) {
        for (const struct cli_opt *p = c->opts; p->name; p++) {
            char opt[64];
            int m = snprintf(opt, sizeof opt, "--%s", p->name);
            offer(&w, opt, (size_t)m);
        }
        offer(&w, "--help", 6);
    } else if (c == &cmd_explorer && !npos && !searching) {
        const char *names[32];
        size_t k = cli_command_names(names, 32);
        for (size_t i = 0; i < k; i++)
            offer(&w, names[i], strlen(names[i]));
        offer_values(&w, VAL_SLUG_PATH, NULL);
    } else if (c != &cmd_explorer || !searching) {
        if (c->max_args < 0 || npos < c->max_args)
            offer_values(&w, c->arg_values, NULL);
    }
    fflush(stdout);
    return EXIT_OK;
}

static const struct cli_opt opts[] = {OPT_END};

const struct cli_command cmd_complete = {
    .name = "complete", .summary = "candidates for the shell's completion",
    .synopsis = "-- WORD...", .max_args = -1, .opts = opts, .run = run,
    .about = "For the completion scripts: the words after 'gongfu' on the line being completed,\n"
             "the last one the word under the cursor; prints the candidates, one a line.\n",
};
