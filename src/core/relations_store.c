/* relations_store.c — the relation table: recomputed for every document at each import's
 * commit, read back per section. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/relations_store.h"

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS relation(from_node INTEGER NOT NULL REFERENCES node(id),"
    "  to_node INTEGER NOT NULL REFERENCES node(id), score REAL NOT NULL,"
    "  shared TEXT NOT NULL, PRIMARY KEY(from_node, to_node)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS relation_to ON relation(to_node);";

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "relations", e);
}

static int hook_create(void *ctx, sqlite3 *db, struct err *e)
{
    (void)ctx;
    return store_exec(db, schema, "relations", e);
}

static int hook_delete_doc(void *ctx, sqlite3 *db, int64_t doc_id, struct err *e)
{
    (void)ctx;
    sqlite3_stmt *st;
    if (!relations_stored(db))       /* made before relations: the commit creates the table */
        return 0;
    if (prepare(db, "DELETE FROM relation WHERE from_node IN (SELECT id FROM node WHERE "
                "doc_id = ?1) OR to_node IN (SELECT id FROM node WHERE doc_id = ?1)", &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc < 0)
        err_set(e, "relations: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

static int hook_commit(void *ctx, sqlite3 *db, struct err *e)
{
    (void)ctx;
    return relations_recompute(db, e);
}

/* No state outlives a call, so there is nothing to forget on a rollback. */
const struct store_hooks relations_hooks = {
    .on_create = hook_create,
    .on_delete_doc = hook_delete_doc,
    .on_commit = hook_commit,
};

/* ---- the sections ---- */

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

static int kind_code(const char *k)
{
    return !strcmp(k, "preamble") ? NODE_PREAMBLE : !strcmp(k, "chapter") ? NODE_CHAPTER : NODE_ITEM;
}

int relations_corpus_load(sqlite3 *db, struct relations_corpus *c, struct err *e)
{
    sqlite3_stmt *st;
    *c = (struct relations_corpus){0};
    if (prepare(db, "SELECT s.id, s.doc_id, s.kind, s.title, (SELECT group_concat(text, "
                "char(10)) FROM (SELECT text FROM node p WHERE p.parent_id = s.id AND "
                "p.kind = 'paragraph' ORDER BY p.seq)) FROM node s WHERE s.kind != 'paragraph' "
                "ORDER BY s.doc_id, s.seq", &st, e) < 0)
        return -1;
    size_t cap = 0, cap2 = 0;
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (array_grow((void **)&c->secs, &cap, c->n + 1, sizeof *c->secs) < 0 ||
            array_grow((void **)&c->node_id, &cap2, c->n + 1, sizeof *c->node_id) < 0) {
            rc = -1;
            break;
        }
        struct relations_section *s = &c->secs[c->n];
        c->node_id[c->n] = sqlite3_column_int64(st, 0);
        s->doc = (int)sqlite3_column_int64(st, 1);
        s->kind = kind_code((const char *)sqlite3_column_text(st, 2));
        s->title = dup_col(st, 3);
        s->text = dup_col(st, 4);
        c->n++;
        if (!s->title || !s->text)
            rc = -1;
    }
    if (rc == 0 && step != SQLITE_DONE) {
        err_set(e, "relations: %s", sqlite3_errmsg(db));
        rc = -2;
    }
    sqlite3_finalize(st);
    if (rc == -1)
        err_set(e, "out of memory");
    if (rc < 0)
        relations_corpus_free(c);
    return rc < 0 ? -1 : 0;
}

void relations_corpus_free(struct relations_corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free((char *)c->secs[i].title), free((char *)c->secs[i].text);
    free(c->secs), free(c->node_id);
    *c = (struct relations_corpus){0};
}

/* ---- recomputing ---- */

static int insert_pairs(sqlite3 *db, const struct relations_corpus *c, const struct relations *m,
                        const struct relations_pair *p, size_t n, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(db, "INSERT INTO relation(from_node, to_node, score, shared) VALUES(?,?,?,?)",
                &st, e) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *shared = relations_shared(m, p[i].from, p[i].to);
        if (!shared) {
            rc = -1, err_set(e, "out of memory");
            break;
        }
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, c->node_id[p[i].from]);
        sqlite3_bind_int64(st, 2, c->node_id[p[i].to]);
        sqlite3_bind_double(st, 3, p[i].score);
        sqlite3_bind_text(st, 4, shared, -1, free);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = -1, err_set(e, "relations: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return rc;
}

int relations_recompute(sqlite3 *db, struct err *e)
{
    if (store_exec(db, schema, "relations", e) < 0 ||
        store_exec(db, "DELETE FROM relation", "relations", e) < 0)
        return -1;
    struct relations_corpus c;
    struct relations *m = NULL;
    struct relations_pair *p = NULL;
    size_t n = 0;
    int rc = relations_corpus_load(db, &c, e);
    if (rc == 0)
        rc = relations_build(c.secs, c.n, &m, e);
    if (rc == 0)
        rc = relations_pairs(m, RELATIONS_FACTOR, &p, &n, e);
    if (rc == 0)
        rc = insert_pairs(db, &c, m, p, n, e);
    free(p);
    relations_free(&m);
    relations_corpus_free(&c);
    return rc;
}

/* ---- readers ---- */

int relations_stored(sqlite3 *db)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                           "'relation'", -1, &st, NULL) != SQLITE_OK)
        return 0;
    int yes = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return yes;
}

int relations_of(sqlite3 *db, int64_t from_node, const char *doc_slug, size_t limit,
                 struct relation_row **rows, size_t *n, struct err *e)
{
    *rows = NULL, *n = 0;
    if (!relations_stored(db))
        return 0;
    sqlite3_stmt *st;
    /* Documents in the order of store_docs: national, province, cities; by region. */
    if (prepare(db, "SELECT r.to_node, d.slug, d.region, t.path, t.kind, t.title, r.score, "
                "r.shared, d.id FROM relation r JOIN node t ON t.id = r.to_node JOIN doc d ON "
                "d.id = t.doc_id JOIN source s ON s.id = d.source_id WHERE r.from_node = ?1 AND "
                "(?2 IS NULL OR d.slug = ?2) ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN "
                "'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq, "
                "r.score DESC, t.seq", &st, e) < 0)
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
        r->slug = dup_col(st, 1), r->region = dup_col(st, 2), r->path = dup_col(st, 3);
        r->kind = dup_col(st, 4), r->title = dup_col(st, 5), r->shared = dup_col(st, 7);
        r->score = sqlite3_column_double(st, 6);
        if (!r->slug || !r->region || !r->path || !r->kind || !r->title || !r->shared)
            rc = -1, err_set(e, "out of memory");
    }
    sqlite3_finalize(st);
    if (rc < 0)
        relations_rows_free(rows, *n), *n = 0;
    return rc;
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
