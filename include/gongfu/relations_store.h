/* relations_store.h — the relation table and the store hooks that keep it true:
 *   relation(from_node, to_node, score)
 * one row per related pair (relations.h), both directions stored (a's threshold is its own);
 *   relation_df(term, df), relation_info(sections)
 * the df of each bigram term a related pair shares, and the number of sections: what reading a pair
 * needs to compute the phrases the two share (relations_read.c), which are not stored (they
 * were most of the database's size on a large corpus, and most of the relations' time). Every
 * import recomputes every document's relations just before its commit, inside its
 * transaction (the IDF and the backgrounds change with each document added or replaced),
 * so readers see the relations of exactly the documents they see. */
#ifndef GONGFU_RELATIONS_STORE_H
#define GONGFU_RELATIONS_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/err.h"
#include "gongfu/relations.h"
#include "gongfu/store.h"

/* on_create makes the table, on_delete_doc drops the rows of a document being replaced,
 * on_commit recomputes every relation. */
extern const struct store_hooks relations_hooks;

/* Every section (preamble, chapter lead, item) of every document, as the search index
 * sees it: title, and text = its paragraphs joined by "\n". */
struct relations_corpus {
    struct relations_section *secs;
    int64_t *node_id;
    size_t n;
};
int relations_corpus_load(sqlite3 *db, struct relations_corpus *c, struct err *e);
void relations_corpus_free(struct relations_corpus *c);

/* Deletes and recomputes every relation, in the caller's transaction. 0, or -1 with e set. */
int relations_recompute(sqlite3 *db, struct err *e);

/* Whether the last import's commit wrote the model it fed as it stored the sections (1),
 * or recomputed every relation from the tables (0): an import of all the sections there
 * are does the first (relations_store.c says when), and both write the same rows. */
int relations_import_fed(void);

/* Whether the database has a relation table (one imported before relations existed has
 * none until its next import). */
int relations_stored(sqlite3 *db);

/* A section related to the one asked about; shared: the phrases the two share, as the one
 * asked about writes them, joined by spaces (relations_shared). */
struct relation_row {
    int64_t node_id;
    char *slug, *region, *path, *kind, *title, *shared;
    double score;
};

/* The sections related to node from_node: grouped by document in the order of
 * store_docs (national, province, cities), best first in each; only document doc_slug
 * when given; at most limit rows per document (0: all). 0 (also when the database has no
 * relation table: no rows), or -1 with e set. */
int relations_of(sqlite3 *db, int64_t from_node, const char *doc_slug, size_t limit,
                 struct relation_row **rows, size_t *n, struct err *e);
/* The same rows without computing the phrases (shared is "", or what a database from
 * before stored): a list read as the reader moves, whose phrases are read for the one shown. */
int relations_list(sqlite3 *db, int64_t from_node, const char *doc_slug, size_t limit,
                   struct relation_row **rows, size_t *n, struct err *e);
/* Computes shared for the n rows of relations_list(from_node): a model of these sections
 * alone, with the corpus's df (a few milliseconds for ten rows). 0, or -1 with e set. */
int relations_phrases(sqlite3 *db, int64_t from_node, struct relation_row *rows, size_t n,
                      struct err *e);
void relations_rows_free(struct relation_row **rows, size_t n);

#endif
