/* cmd_search.c — `gongfu search`: ranked hits over every section of every plan. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/query.h"
#include "gongfu/search.h"
#include "gongfu/text.h"

static const char about[] =
    "Searches every item, chapter and preamble, best first: slug, region, path, title and\n"
    "a snippet with each hit in 【】 (json adds rank and node). Simplified and Traditional\n"
    "characters match each other, and mainland words their Taiwan forms (data/vocab.tsv).\n"
    "  托位 养老       both words          托位 OR 托育   either word\n"
    "  养老 -护理      养老 but not 护理    \"共同富裕\"     a phrase\n"
    "A word of Latin letters the documents (nearly) lack is also read as pinyin, by whole\n"
    "syllables or initials (tuowei, tuo'wei, tuo1wei4, tw, szhgg): as the Chinese words\n"
    "the documents hold that read so; standard error says which.\n"
    "A word that starts with '-' is a word to exclude, never an option; after -- every\n"
    "argument is a word. No hits is no error: the exit status is 0 and there are no rows.\n";

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

static void print_hits(const struct search_hit *hits, size_t n, const struct cli_args *a)
{
    static const char *const cols[] = {"slug", "region", "path", "title", "snippet", "rank",
                                       "node"};
    struct table_out t;
    enum out_format fmt;
    int bom;
    out_format_of(a, &fmt, &bom);
    out_begin_args(&t, stdout, a, cols, fmt == OUT_JSON ? 7 : 5);
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

/* Says on standard error what each word read as pinyin became ("tw: 托位 态文 …"), so the
 * rows on standard output stay the same table in every format. */
static void note_pinyin(const struct search *s, enum search_pinyin_mode mode)
{
    const struct query_pinyin *p;
    size_t n = search_pinyin(s, &p);
    if (mode == SEARCH_PINYIN_FORCE && !search_has_pinyin(s))
        cli_error("search", "this database has no word list to read pinyin with: import "
                  "the documents again with 'gongfu import'");
    for (size_t i = 0; i < n; i++) {
        size_t same = 0;
        while (same < i && strcmp(p[same].typed, p[i].typed))
            same++;
        if (same < i)
            continue;                          /* said once */
        char *typed = text_sanitize(p[i].typed, strlen(p[i].typed));
        fprintf(stderr, "gongfu search: pinyin %s:", typed ? typed : "");
        for (size_t k = 0; k < p[i].nwords; k++)
            fprintf(stderr, " %s", p[i].words[k]);
        fprintf(stderr, "%s\n", p[i].literal ? " (and as written)" : "");
        free(typed);
    }
}

static int run(const struct cli_args *a)
{
    struct search_opts so = {.limit = (size_t)args_number(a, "limit", 0),
                             .region = args_text(a, "region"), .doc = args_text(a, "doc")};
    if (args_flag(a, "pinyin") && args_flag(a, "no-pinyin"))
        return args_error(a->cmd, "--pinyin and --no-pinyin together");
    so.pinyin = args_flag(a, "pinyin")      ? SEARCH_PINYIN_FORCE
                : args_flag(a, "no-pinyin") ? SEARCH_PINYIN_OFF
                                            : SEARCH_PINYIN_AUTO;
    const char *vocab = paths_data_file("vocab.tsv");
    if (access(vocab, R_OK) != 0) {
        cli_error("search", "%s: %s; searching without the vocabulary", vocab,
                  strerror(errno));
        vocab = NULL;
    }
    char *query = cli_join_args(a->argc, a->argv);
    struct store *st = query ? cli_open_store(args_text(a, "db"), STORE_READ) : NULL;
    struct doc_row *doc = NULL;
    if (st && so.doc && cli_find_doc(st, "search", so.doc, &doc) < 0)
        store_close(&st);
    if (doc)
        store_docs_free(&doc, 1);
    if (!st) {
        free(query);
        return EXIT_ERR;
    }
    int bad_region = cli_check_region(st, a->cmd, so.region);
    if (bad_region >= 0) {
        store_close(&st);
        free(query);
        return bad_region;
    }
    struct err e = {{0}};
    struct search *s = NULL;
    const struct search_hit *hits;
    size_t n;
    int rc = EXIT_ERR;
    if (search_open(store_db(st), vocab, &s, &e) == 0 &&
        search_run(s, query, &so, &hits, &n, &e) == 0) {
        note_pinyin(s, so.pinyin);
        if (search_truncated(s))
            cli_error("search", "the query is too long: only its first %d words (%d parts "
                      "of a word) were searched", QUERY_MAX_TERMS, QUERY_MAX_PARTS);
        print_hits(hits, n, a);
        rc = EXIT_OK;
    } else {
        cli_error("search", "%s", e.msg);
    }
    search_close(&s);
    store_close(&st);
    free(query);
    return rc;
}

static const struct cli_opt opts[] = {
    OPT_FORMAT(FORMATS_TEXT), OPT_BOM,
    {"limit", ARG_NUMBER, "N", "at most N hits; 0 (the default) means all", VAL_NONE, NULL, 0,
     1000000},
    {"region", ARG_TEXT, "R", "only this region, or regions starting so (舟山 for 舟山市)",
     VAL_REGION, NULL, 0, 0},
    {"doc", ARG_TEXT, "SLUG", "only this document", VAL_SLUG, NULL, 0, 0},
    {"pinyin", ARG_FLAG, NULL, "read every word of Latin letters as pinyin only", VAL_NONE,
     NULL, 0, 0},
    {"no-pinyin", ARG_FLAG, NULL, "never read a word as pinyin", VAL_NONE, NULL, 0, 0},
    OPT_DB, OPT_END,
};

const struct cli_command cmd_search = {
    .name = "search", .summary = "search every measure (Simplified and Traditional alike)",
    .synopsis = "QUERY...", .min_args = 1, .max_args = -1, .dash_words = 1, .opts = opts,
    .run = run, .about = about,
};
