/* search.h — full-text search over every section (preamble, chapter lead, item) of every
 * document: the index behind `gongfu search` and the explorer's incremental search.
 *
 * The index is an FTS5 table (search_fts: rowid = the section's node id; text, title) over
 * the stored sections (external content: the view search_text over node, so the text is
 * stored once), filled through the store's hooks with the tokenizer of tokenizer.h, and
 * search_len (the sections' lengths); meta's search_index records its format. A query (query.h) gives hits ranked by bm25 (FTS5's formula, title
 * weighted 2, text 1; lengths kept in memory), each with the byte spans of every
 * matched phrase in its title and text, computed from token offsets, and a snippet. */
#ifndef GONGFU_SEARCH_H
#define GONGFU_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"
#include "gongfu/store.h"

/* on_open registers the tokenizer, on_create makes search_fts, on_section indexes a
 * section, on_delete_doc removes a document's sections, on_commit rebuilds the word list.
 * In a database whose index has another format (or an older gongfu's), the first write
 * drops it and the commit indexes every stored section anew. */
extern const struct store_hooks search_hooks;
/* Makes db's index anew in the open transaction (the commit fills it): 0 or -1. */
int search_reindex(sqlite3 *db, struct err *e);

/* A byte range [start, end) in some text. */
struct search_span {
    uint32_t start, end;
};

struct search_hit {
    int64_t node_id;
    const char *slug, *region, *path, *kind;   /* kind: preamble | chapter | item */
    double rank;                               /* bm25: lower is better */
    const char *title;                         /* "" when the section has none */
    const struct search_span *title_spans;
    size_t ntitle_spans;
    const char *text;                          /* the section text (store_section_text) */
    const struct search_span *spans;           /* sorted, disjoint */
    size_t nspans;
    const char *snippet;                       /* one line of text around the first hits */
    const struct search_span *snippet_spans;
    size_t nsnippet_spans;
};

/* Reading words of Latin letters as pinyin (query.h): when the word as written is (nearly)
 * not found, always, or never. */
enum search_pinyin_mode { SEARCH_PINYIN_AUTO, SEARCH_PINYIN_FORCE, SEARCH_PINYIN_OFF };
struct query_choice;
struct query_pinyin;

struct search_opts {
    size_t limit;              /* at most this many hits; 0 = no limit */
    const char *region;        /* only this region (or regions starting so: 舟山 → 舟山市) */
    const char *doc;           /* only the document with this slug */
    int snippet_chars;         /* snippet length in characters; 0 = 60 */
    enum search_pinyin_mode pinyin;
    const struct query_choice *pinyin_choice;   /* words picked for pinyin words (query.h) */
    size_t npinyin_choice;
};

struct search;

/* A search context on an open connection (with the tokenizer registered, as store_open
 * does through search_hooks). vocab_path: data/vocab.tsv, or NULL for no expansion.
 * 0, or -1 with e set (e.g. the database has no search index, or one of another format:
 * the message says to re-index). */
int search_open(sqlite3 *db, const char *vocab_path, struct search **out, struct err *e);
void search_close(struct search **s);

/* Runs a query; *hits stays valid until the next search_run or search_close. An empty or
 * punctuation-only query gives no hits and no error. 0, or -1 with e set. */
int search_run(struct search *s, const char *query, const struct search_opts *o,
               const struct search_hit **hits, size_t *n, struct err *e);
/* Whether the last query had words past the limits that were not searched. */
int search_truncated(const struct search *s);
/* Whether the database has the word list pinyin is read with (one imported before it has
 * not: import it again). */
int search_has_pinyin(const struct search *s);
/* The last query's words read as pinyin and the Chinese words each became (query.h);
 * valid until the next search_run. */
size_t search_pinyin(const struct search *s, const struct query_pinyin **out);
/* Spans of the last query's phrases in any text (e.g. one paragraph being read), sorted
 * and disjoint; *spans stays valid until the next call. */
int search_highlight(struct search *s, const char *text, size_t n,
                     const struct search_span **spans, size_t *nspans);

#endif
