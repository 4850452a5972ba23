/* store_put.c — one source's documents written in the open transaction: the documents
 * an earlier import of the same source made are replaced, slugs made unique
 * (store_slug.c), every section handed to the hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/sha256.h"
#include "store_int.h"

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}

/* The slugs an earlier import of the source gave its documents, in their order, so that a
 * re-import keeps them. */
struct old_slugs {
    char **v;
    size_t n;
};

static void old_slugs_free(struct old_slugs *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->v[i]);
    free(o->v);
    o->v = NULL, o->n = 0;
}

/* Steps st to the end; 0, or -1 with SQLite's message. */
static int step_done(sqlite3 *db, sqlite3_stmt *st, struct err *e)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    err_set(e, "database: %s", store_errmsg(db));
    return -1;
}

/* Removes the documents of one earlier source (the hooks first), keeping their slugs. */
static int delete_source(sqlite3 *db, sqlite3_int64 source_id, struct old_slugs *old,
                         struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(db, "SELECT id, slug FROM doc WHERE source_id = ? ORDER BY seq", &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, source_id);
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        char **v = realloc(old->v, (old->n + 1) * sizeof *v);
        if (!v || !(v[old->n] = strdup((const char *)sqlite3_column_text(st, 1)))) {
            old->v = v ? v : old->v;
            rc = -1;
            err_set(e, "out of memory");
            break;
        }
        old->v = v, old->n++;
        for (const struct store_hooks *h = store_hooks_set;
             h < store_hooks_set + store_nhooks && rc == 0; h++)
            if (h->on_delete_doc)
                rc = h->on_delete_doc(h->ctx, db, id, e);
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = -1, err_set(e, "database: %s", store_errmsg(db));
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    static const char *const del[] = {
        "DELETE FROM node WHERE doc_id IN (SELECT id FROM doc WHERE source_id = ?1)",
        "DELETE FROM doc WHERE source_id = ?1",
        "DELETE FROM source WHERE id = ?1",
    };
    for (size_t i = 0; i < 3; i++) {
        if (prepare(db, del[i], &st, e) < 0)
            return -1;
        sqlite3_bind_int64(st, 1, source_id);
        rc = step_done(db, st, e);
        sqlite3_finalize(st);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Removes every earlier source that is this one: the same full path, the same bytes, or
 * (imported before paths were kept) the same base name. */
static int delete_same(sqlite3 *db, const struct source_file *src, const char *sha,
                       struct old_slugs *old, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(db, "SELECT id FROM source WHERE path = ?1 OR sha256 = ?2 OR (path IS NULL"
                " AND ?1 IS NOT NULL AND name = ?3 AND name != '-') ORDER BY id", &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, src->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, sha, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, src->name, -1, SQLITE_STATIC);
    sqlite3_int64 *ids = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 *v = realloc(ids, (n + 1) * sizeof *v);
        if (!v)
            break;
        ids = v;
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    if (rc != SQLITE_DONE)
        err_set(e, rc == SQLITE_ROW ? "out of memory" : "database: %s", store_errmsg(db));
    sqlite3_finalize(st);
    for (size_t i = 0; i < n && rc == SQLITE_DONE; i++)
        if (delete_source(db, ids[i], old, e) < 0)
            rc = SQLITE_ERROR;
    free(ids);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The slug the source's document had before, when it has the same base and no document of
 * this import took it yet. */
static const char *earlier_slug(struct old_slugs *old, const char *base)
{
    for (size_t i = 0; i < old->n; i++)
        if (old->v[i] && slug_matches(old->v[i], base))
            return old->v[i];
    return NULL;
}

/* Binds a text as the database stores it: in a UTF-16BE file its UTF-16, translated here
 * into buf (grown as needed) rather than by SQLite (a copy of every text, and its own
 * allocation); text that is not valid UTF-8 is left to SQLite's translation. The bytes are
 * the statement's until its next step. */
static void bind_stored_text(struct store *s, sqlite3_stmt *st, int i, const char *t,
                             unsigned char **buf, size_t *cap)
{
    size_t n = t ? strlen(t) : 0, len;
    if (!t || !s->utf16be || array_grow((void **)buf, cap, 2 * n + 2, 1) < 0 ||
        (len = store_utf8_to_utf16be(t, n, *buf)) == (size_t)-1)
        sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC);
    else
        sqlite3_bind_text64(st, i, (const char *)*buf, len, SQLITE_STATIC, SQLITE_UTF16BE);
}

static int insert_nodes(struct store *s, struct doc *d, sqlite3_int64 doc_id, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(s->db, "INSERT INTO node(doc_id, parent_id, seq, kind, label, ordinal, path, "
                "title, text, raw_start, raw_end) VALUES(?,?,?,?,?,?,?,?,?,?,?)", &st, e) < 0)
        return -1;
    sqlite3_int64 *ids = malloc((d->nnodes + 1) * sizeof *ids);
    if (!ids) {
        sqlite3_finalize(st);
        return err_set(e, "out of memory"), -1;
    }
    int rc = 0;
    for (size_t i = 0; i < d->nnodes && rc == 0; i++) {
        const struct node *n = &d->nodes[i];
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, doc_id);
        if (n->parent >= 0)
            sqlite3_bind_int64(st, 2, ids[n->parent]);
        else
            sqlite3_bind_null(st, 2);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)i);
        sqlite3_bind_text(st, 4, node_kind_name(n->kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, n->label, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 6, n->ordinal);
        sqlite3_bind_text(st, 7, n->path, -1, SQLITE_STATIC);
        bind_stored_text(s, st, 8, n->title, &s->title16, &s->title16_cap);
        bind_stored_text(s, st, 9, n->text, &s->text16, &s->text16_cap);
        sqlite3_bind_int64(st, 10, (sqlite3_int64)n->raw_start);
        sqlite3_bind_int64(st, 11, (sqlite3_int64)n->raw_end);
        if (sqlite3_step(st) != SQLITE_DONE) {
            err_set(e, "database: %s", store_errmsg(s->db));
            rc = -1;
        }
        ids[i] = sqlite3_last_insert_rowid(s->db);
    }
    sqlite3_finalize(st);
    /* Sections go to the other modules' hooks once all their paragraphs are stored. */
    for (size_t i = 0; i < d->nnodes && rc == 0; i++) {
        if (d->nodes[i].kind == NODE_PARAGRAPH || !store_nhooks)
            continue;
        char *text = doc_section_text(d, i);
        if (!text) {
            rc = -1;
            err_set(e, "out of memory");
            break;
        }
        for (const struct store_hooks *h = store_hooks_set;
             h < store_hooks_set + store_nhooks && rc == 0; h++)
            if (h->on_section)
                rc = h->on_section(h->ctx, s->db, ids[i], doc_id, d, i, d->nodes[i].title, text,
                                   e);
        free(text);
    }
    free(ids);
    return rc;
}

int store_put_source(struct store *s, const struct source_file *src, struct doc *docs,
                     size_t ndocs, struct err *e)
{
    sqlite3_stmt *st;
    char computed[65];
    const char *hex = src->sha256;
    struct old_slugs old = {0};
    if (!hex)
        sha256_hex(src->raw, src->size, computed), hex = computed;
    if (delete_same(s->db, src, hex, &old, e) < 0 ||
        prepare(s->db, "INSERT INTO source(name, path, sha256, encoding, size) "
                "VALUES(?,?,?,?,?)", &st, e) < 0) {
        old_slugs_free(&old);
        return -1;
    }
    sqlite3_bind_text(st, 1, src->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, src->path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, hex, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, src->encoding, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)(src->file_size ? src->file_size : src->size));
    int rc = step_done(s->db, st, e);
    sqlite3_finalize(st);
    sqlite3_int64 source_id = sqlite3_last_insert_rowid(s->db);
    if (rc < 0 || prepare(s->db, "INSERT INTO doc(source_id, seq, slug, title, region, level, "
                          "kind, issuer, published, note) VALUES(?,?,?,?,?,?,?,?,?,?)", &st, e) < 0) {
        old_slugs_free(&old);
        return -1;
    }
    for (size_t i = 0; i < ndocs && rc == 0; i++) {
        struct doc *d = &docs[i];
        const char *prefer = earlier_slug(&old, d->slug);
        char *slug = slug_take(s->db, &s->slugs, d->slug, prefer, e);
        if (!slug) {
            rc = -1;
            break;
        }
        for (size_t k = 0; prefer && k < old.n; k++)
            if (old.v[k] == prefer)
                free(old.v[k]), old.v[k] = NULL;
        free(d->slug);
        d->slug = slug;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, source_id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_text(st, 3, d->slug, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, d->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, d->region, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, d->level, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 7, d->kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 8, d->issuer, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, d->published, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 10, d->note, -1, SQLITE_STATIC);
        if ((rc = step_done(s->db, st, e)) < 0)
            break;
        rc = insert_nodes(s, d, sqlite3_last_insert_rowid(s->db), e);
    }
    sqlite3_finalize(st);
    old_slugs_free(&old);
    return rc;
}
