/* relations_read.c — the relation table read back per section, with the phrases each pair
 * shares computed as it is read: a model of the section and its related ones only, given
 * the corpus's df of their shared terms (relation_df), gives the phrases the whole model
 * gave at import, without storing them for every pair. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/relations_store.h"

static int table_exists(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

int relations_stored(sqlite3 *db)
{
    return table_exists(db, "relation");
}

/* A copy of column i's text, "" for NULL; NULL only when out of memory. */
static char *column(sqlite3_stmt *st, int i)
{
    int failed = 0;
    char *s = store_column_dup(st, i, &failed);
    return s ? s : failed ? NULL : strdup("");
}

/* ---- the phrases, computed ---- */

struct df_lookup {
    sqlite3_stmt *st;
    int failed;
};

static uint32_t lookup_df(void *ctx, const char *term, size_t len)
{
    struct df_lookup *x = ctx;
    sqlite3_reset(x->st);
    sqlite3_bind_text(x->st, 1, term, (int)len, SQLITE_STATIC);
    int rc = sqlite3_step(x->st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        x->failed = 1;
    return rc == SQLITE_ROW ? (uint32_t)sqlite3_column_int64(x->st, 0) : 0;
}

/* Section id's title and text as relations_corpus_load reads them, into s. 0 or -1. */
static int read_section(sqlite3_stmt *st, int64_t id, struct relations_section *s, struct err *e)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    int rc = store_step(st, "relations", e);
    if (rc <= 0) {
        if (rc == 0)
            err_set(e, "relations: no section %lld", (long long)id);
        return -1;
    }
    s->title = column(st, 0);
    s->text = column(st, 1);
    if (!s->title || !s->text)
        return err_set(e, "out of memory"), -1;
    return 0;
}

int relations_phrases(sqlite3 *db, int64_t from, struct relation_row *rows, size_t n,
                      struct err *e)
{
    if (!n || !table_exists(db, "relation_df"))   /* none, or stored with the rows */
        return 0;
    sqlite3_stmt *text = NULL, *info = NULL;
    struct df_lookup look = {NULL, 0};
    struct relations_section *secs = calloc(n + 1, sizeof *secs);
    struct relations *m = NULL;
    int rc = 0;
    if (!secs)
        err_set(e, "out of memory"), rc = -1;
    if (rc == 0 &&
        (store_prepare(db, "SELECT s.title, (SELECT group_concat(text, char(10)) FROM (SELECT "
                       "text FROM node p WHERE p.parent_id = s.id AND p.kind = 'paragraph' "
                       "ORDER BY p.seq)) FROM node s WHERE s.id = ?", &text, "relations", e) < 0 ||
         store_prepare(db, "SELECT df FROM relation_df WHERE term = ?", &look.st, "relations",
                       e) < 0 ||
         store_prepare(db, "SELECT sections FROM relation_info", &info, "relations", e) < 0))
        rc = -1;
    struct relations_df df = {0, lookup_df, &look};
    if (rc == 0 && (rc = store_step(info, "relations", e)) > 0) {
        df.sections = (size_t)sqlite3_column_int64(info, 0);
        rc = 0;
    } else if (rc == 0) {
        err_set(e, "relations: the number of sections is missing");
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i <= n; i++) {
        secs[i].doc = (int)i;     /* each its own: the model compares none of them */
        rc = read_section(text, i ? rows[i - 1].node_id : from, &secs[i], e);
    }
    if (rc == 0)
        rc = relations_build_df(secs, n + 1, &df, &m, e);
    if (rc == 0 && look.failed)
        err_set(e, "relations: %s", sqlite3_errmsg(db)), rc = -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        char *s = relations_shared(m, 0, i + 1);
        if (!s)
            err_set(e, "out of memory"), rc = -1;
        free(rows[i].shared);
        rows[i].shared = s;
    }
    relations_free(&m);
    for (size_t i = 0; secs && i <= n; i++)
        free((char *)secs[i].title), free((char *)secs[i].text);
    free(secs);
    sqlite3_finalize(text), sqlite3_finalize(look.st), sqlite3_finalize(info);
    return rc;
}

/* ---- the rows ---- */

int relations_list(sqlite3 *db, int64_t from_node, const char *doc_slug, size_t limit,
                   struct relation_row **rows, size_t *n, struct err *e)
{
    *rows = NULL, *n = 0;
    if (!relations_stored(db))
        return 0;
    /* A table from before the phrases were computed when read has them stored. */
    int stored_phrases = !table_exists(db, "relation_df");
    sqlite3_stmt *st;
    /* Documents in the order of store_docs: national, province, cities; by region. */
    if (store_prepare(db, stored_phrases
                ? "SELECT r.to_node, d.slug, d.region, t.path, t.kind, t.title, r.score, "
                  "r.shared, d.id FROM relation r JOIN node t ON t.id = r.to_node JOIN doc d ON "
                  "d.id = t.doc_id JOIN source s ON s.id = d.source_id WHERE r.from_node = ?1 AND "
                  "(?2 IS NULL OR d.slug = ?2) ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN "
                  "'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq, "
                  "r.score DESC, t.seq"
                : "SELECT r.to_node, d.slug, d.region, t.path, t.kind, t.title, r.score, "
                  "'', d.id FROM relation r JOIN node t ON t.id = r.to_node JOIN doc d ON "
                  "d.id = t.doc_id JOIN source s ON s.id = d.source_id WHERE r.from_node = ?1 AND "
                  "(?2 IS NULL OR d.slug = ?2) ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN "
                  "'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq, "
                  "r.score DESC, t.seq", &st, "relations", e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, from_node);
    if (doc_slug)
        sqlite3_bind_text(st, 2, doc_slug, -1, SQLITE_STATIC);
    size_t cap = 0, in_doc = 0;
    int64_t doc = -1;
    int rc = 0, step;
    while (rc == 0 && (step = store_step(st, "relations", e)) != 0) {
        if (step < 0) {      /* an unreadable page is an error, never the end of the rows */
            rc = -1;
            break;
        }
        int64_t d = sqlite3_column_int64(st, 8);
        in_doc = d == doc ? in_doc + 1 : 1;
        doc = d;
        if (limit && in_doc > limit)
            continue;
        if (array_grow((void **)rows, &cap, *n + 1, sizeof **rows) < 0) {
            rc = -1, err_set(e, "out of memory");
            break;
        }
        struct relation_row *r = &(*rows)[(*n)++];
        r->node_id = sqlite3_column_int64(st, 0);
        r->slug = column(st, 1), r->region = column(st, 2), r->path = column(st, 3);
        r->kind = column(st, 4), r->title = column(st, 5), r->shared = column(st, 7);
        r->score = sqlite3_column_double(st, 6);
        if (!r->slug || !r->region || !r->path || !r->kind || !r->title || !r->shared)
            rc = -1, err_set(e, "out of memory");
    }
    sqlite3_finalize(st);
    if (rc < 0)
        relations_rows_free(rows, *n), *n = 0;
    return rc;
}

int relations_of(sqlite3 *db, int64_t from_node, const char *doc_slug, size_t limit,
                 struct relation_row **rows, size_t *n, struct err *e)
{
    if (relations_list(db, from_node, doc_slug, limit, rows, n, e) < 0)
        return -1;
    if (relations_phrases(db, from_node, *rows, *n, e) < 0) {
        relations_rows_free(rows, *n), *n = 0;
        return -1;
    }
    return 0;
}

void relations_rows_free(struct relation_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++) {
        struct relation_row *r = &(*rows)[i];
        free(r->slug), free(r->region), free(r->path), free(r->kind), free(r->title);
        free(r->shared);
    }
    free(*rows);
    *rows = NULL;
}
