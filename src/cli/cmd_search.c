/* cmd_search.c — `gongfu search`: ranked hits over every section of every plan. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/query.h"
#include "gongfu/search.h"

static const char usage[] =
    "usage: gongfu search [--format tsv|csv|json] [--limit N] [--region R] [--doc SLUG]\n"
    "                     [--db PATH] QUERY...\n"
    "Searches every item, chapter and preamble, best first: slug, region, path, title and\n"
    "a snippet with each hit in 【】 (json adds rank and node). Simplified and Traditional\n"
    "characters match each other, and mainland words their Taiwan forms (data/vocab.tsv).\n"
    "  托位 养老       both words          托位 OR 托育   either word\n"
    "  养老 -护理      养老 but not 护理    \"共同富裕\"     a phrase\n"
    "--region matches a region or its start (舟山 for 舟山市); --limit 0 means all (default).\n"
    "No hits is no error: the exit status is 0 and there are no rows.\n";

/* The snippet with 【】 around each hit; malloc'd. */
static char *marked(const struct search_hit *h)
{
    size_t n = strlen(h->snippet);
    char *out = malloc(n + h->nsnippet_spans * 6 + 1), *p = out;
    if (!out)
        return NULL;
    size_t at = 0;
    for (size_t i = 0; i < h->nsnippet_spans; i++) {
        const struct search_span *sp = &h->snippet_spans[i];
        memcpy(p, h->snippet + at, sp->start - at), p += sp->start - at;
        memcpy(p, "【", 3), p += 3;
        memcpy(p, h->snippet + sp->start, sp->end - sp->start), p += sp->end - sp->start;
        memcpy(p, "】", 3), p += 3;
        at = sp->end;
    }
    memcpy(p, h->snippet + at, n - at + 1);
    return out;
}

static int parse_limit(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* The query words joined by spaces, as typed; malloc'd. */
static char *join_args(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *q = malloc(n);
    if (!q)
        return NULL;
    q[0] = 0;
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(q, " ");
        strcat(q, argv[i]);
    }
    return q;
}

static void print_hits(const struct search_hit *hits, size_t n, enum out_format fmt)
{
    static const char *const cols[] = {"slug", "region", "path", "title", "snippet", "rank",
                                       "node"};
    struct table_out t;
    out_begin(&t, stdout, fmt, cols, fmt == OUT_JSON ? 7 : 5);
    for (size_t i = 0; i < n; i++) {
        char rank[32], node[32];
        snprintf(rank, sizeof rank, "%.6g", hits[i].rank);
        snprintf(node, sizeof node, "%lld", (long long)hits[i].node_id);
        char *snip = marked(&hits[i]);
        const char *v[] = {hits[i].slug, hits[i].region, hits[i].path, hits[i].title,
                           snip ? snip : hits[i].snippet, rank, node};
        out_row(&t, v);
        free(snip);
    }
    out_end(&t);
}

/* Where the query starts: the first argument that is not an option or an option's
 * value. "-护理" is a word to exclude, not an option, so getopt never sees it. */
static int query_start(int argc, char **argv)
{
    static const char *const with_value[] = {"--db", "--format", "--limit", "--region",
                                             "--doc"};
    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1] || !strcmp(a, "--"))
            break;
        if (a[1] != '-' && !((a[1] >= 'a' && a[1] <= 'z') || (a[1] >= 'A' && a[1] <= 'Z')))
            break;
        int v = 0;
        for (size_t k = 0; k < sizeof with_value / sizeof *with_value; k++)
            v |= !strcmp(a, with_value[k]);
        i += v ? 2 : 1;
    }
    return i < argc ? i : argc;
}

int cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},     {"format", required_argument, 0, 'f'},
        {"limit", required_argument, 0, 'l'},  {"region", required_argument, 0, 'r'},
        {"doc", required_argument, 0, 's'},    {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0},
    };
    const char *db = NULL;
    enum out_format fmt = OUT_TSV;
    struct search_opts so = {0};
    int c, qs = query_start(argc, argv);
    while ((c = getopt_long(qs, argv, "+", opts, NULL)) != -1) {
        if (c == 'd')
            db = optarg;
        else if (c == 'f' && out_parse_format(optarg, &fmt) == 0)
            ;
        else if (c == 'l' && parse_limit(optarg, &so.limit) == 0)
            ;
        else if (c == 'r')
            so.region = optarg;
        else if (c == 's')
            so.doc = optarg;
        else if (c == 'h')
            return fputs(usage, stdout), EXIT_OK;
        else
            return fputs(usage, stderr), EXIT_USAGE;
    }
    if (optind != qs || qs == argc)
        return fputs(usage, stderr), EXIT_USAGE;
    if (!strcmp(argv[qs], "--") && ++qs == argc)
        return fputs(usage, stderr), EXIT_USAGE;
    const char *vocab = paths_data_file("vocab.tsv");
    if (access(vocab, R_OK) != 0) {
        cli_error("search", "%s: %s; searching without the vocabulary", vocab,
                  strerror(errno));
        vocab = NULL;
    }
    char *query = join_args(argc - qs, argv + qs);
    struct store *st = query ? cli_open_store(db, STORE_READ) : NULL;
    if (!st) {
        free(query);
        return EXIT_ERR;
    }
    struct err e = {{0}};
    struct search *s = NULL;
    const struct search_hit *hits;
    size_t n;
    int rc = EXIT_ERR;
    if (search_open(store_db(st), vocab, &s, &e) == 0 &&
        search_run(s, query, &so, &hits, &n, &e) == 0) {
        if (search_truncated(s))
            cli_error("search", "the query is too long: only its first %d words (%d parts "
                      "of a word) were searched", QUERY_MAX_TERMS, QUERY_MAX_PARTS);
        print_hits(hits, n, fmt);
        rc = EXIT_OK;
    } else {
        cli_error("search", "%s", e.msg);
    }
    search_close(&s);
    store_close(&st);
    free(query);
    return rc;
}
