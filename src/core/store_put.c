/* store_put.c — one source's documents written in the open transaction: the documents
 * an earlier import of the source made are replaced, slugs made unique, every section
 * handed to the hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/sha256.h"
#include "store_int.h"


static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}

/* Removes the documents earlier imported from a source of this name. */
static int delete_source(sqlite3 *db, const char *name, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(db, "SELECT d.id FROM doc d JOIN source s ON s.id = d.source_id WHERE s.name = ?",
                &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int rc = 0;
    while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        for (const struct store_hooks *h = store_hooks_set;
             h < store_hooks_set + store_nhooks && rc == 0; h++)
            if (h->on_delete_doc)
                rc = h->on_delete_doc(h->ctx, db, id, e);
    }
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    static const char *const del[] = {
        "DELETE FROM node WHERE doc_id IN (SELECT d.id FROM doc d JOIN source s ON s.id = d.source_id WHERE s.name = ?1)",
        "DELETE FROM doc WHERE source_id IN (SELECT id FROM source WHERE name = ?1)",
        "DELETE FROM source WHERE name = ?1",
    };
    for (size_t i = 0; i < 3; i++) {
        if (prepare(db, del[i], &st, e) < 0)
            return -1;
        sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
        if (rc < 0)
            err_set(e, "database: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* The document's slug, or the slug with -2, -3 … when another source has it already. */
static int unique_slug(sqlite3 *db, const char *slug, char *out, size_t cap, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(db, "SELECT 1 FROM doc WHERE slug = ?", &st, e) < 0)
        return -1;
    for (int n = 1; n < 10000; n++) {
        if (n == 1)
            snprintf(out, cap, "%s", slug);
        else
            snprintf(out, cap, "%s-%d", slug, n);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, out, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            break;
    }
    sqlite3_finalize(st);
    return 0;
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
        sqlite3_bind_text(st, 8, n->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, n->text, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, (sqlite3_int64)n->raw_start);
        sqlite3_bind_int64(st, 11, (sqlite3_int64)n->raw_end);
        if (sqlite3_step(st) != SQLITE_DONE) {
            err_set(e, "database: %s", sqlite3_errmsg(s->db));
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
                rc = h->on_section(h->ctx, s->db, ids[i], d, i, d->nodes[i].title, text, e);
        free(text);
    }
    free(ids);
    return rc;
}

int store_put_source(struct store *s, const struct source_file *src, struct doc *docs,
                     size_t ndocs, struct err *e)
{
    if (delete_source(s->db, src->name, e) < 0)
        return -1;
    sqlite3_stmt *st;
    char hex[65];
    sha256_hex(src->raw, src->size, hex);
    if (prepare(s->db, "INSERT INTO source(name, sha256, encoding, size, raw) VALUES(?,?,?,?,?)",
                &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, src->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, src->encoding, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)src->size);
    sqlite3_bind_blob64(st, 5, src->raw, src->size, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc < 0)
        err_set(e, "database: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    sqlite3_int64 source_id = sqlite3_last_insert_rowid(s->db);
    if (rc < 0 || prepare(s->db, "INSERT INTO doc(source_id, seq, slug, title, region, level, "
                          "kind, issuer, published) VALUES(?,?,?,?,?,?,?,?,?)", &st, e) < 0)
        return -1;
    for (size_t i = 0; i < ndocs && rc == 0; i++) {
        struct doc *d = &docs[i];
        char slug[160];
        if (unique_slug(s->db, d->slug, slug, sizeof slug, e) < 0) {
            rc = -1;
            break;
        }
        if (strcmp(slug, d->slug) != 0) {
            char *copy = strdup(slug);
            if (copy)
                free(d->slug), d->slug = copy;
        }
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
        if (sqlite3_step(st) != SQLITE_DONE) {
            err_set(e, "database: %s", sqlite3_errmsg(s->db));
            rc = -1;
            break;
        }
        rc = insert_nodes(s, d, sqlite3_last_insert_rowid(s->db), e);
    }
    sqlite3_finalize(st);
    return rc;
}
