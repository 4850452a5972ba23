/* store.c — the SQLite file: schema, transactional replacement of a source's documents,
 * and the readers' queries. All SQL binds its values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/sha256.h"
#include "gongfu/store.h"

struct store {
    sqlite3 *db;
    enum store_mode mode;
};

static struct store_hooks hooks[8];
static size_t nhooks;

void store_add_hooks(const struct store_hooks *h)
{
    for (size_t i = 0; i < nhooks; i++)
        if (!memcmp(&hooks[i], h, sizeof *h))
            return;
    if (nhooks < sizeof hooks / sizeof *hooks)
        hooks[nhooks++] = *h;
}

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE source(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,"
    "  encoding TEXT NOT NULL, size INTEGER NOT NULL, raw BLOB NOT NULL);"
    "CREATE TABLE doc(id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES source(id),"
    "  seq INTEGER NOT NULL, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, region TEXT,"
    "  level TEXT, kind TEXT, issuer TEXT, published TEXT);"
    "CREATE TABLE node(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES doc(id),"
    "  parent_id INTEGER REFERENCES node(id), seq INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  label TEXT, ordinal INTEGER, path TEXT, title TEXT, text TEXT,"
    "  raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL);"
    "CREATE INDEX node_doc ON node(doc_id, seq);"
    "CREATE INDEX node_parent ON node(parent_id, seq);";

int store_exec(sqlite3 *db, const char *sql, const char *what, struct err *e)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(e, "%s: %s", what, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what,
                  struct err *e)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
        err_set(e, "%s: %s", what, sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

static int exec(sqlite3 *db, const char *sql, struct err *e)
{
    return store_exec(db, sql, "database", e);
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}

/* -1 when the file has no gongfu schema, else its version. */
static int schema_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='schema_version'", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int create_schema(sqlite3 *db, struct err *e)
{
    char sql[128];
    if (exec(db, "BEGIN", e) < 0 || exec(db, schema_sql, e) < 0)
        return exec(db, "ROLLBACK", NULL), -1;
    snprintf(sql, sizeof sql, "INSERT INTO meta VALUES('schema_version', '%d')",
             STORE_SCHEMA_VERSION);
    if (exec(db, sql, e) < 0)
        return exec(db, "ROLLBACK", NULL), -1;
    for (size_t i = 0; i < nhooks; i++)
        if (hooks[i].on_create && hooks[i].on_create(hooks[i].ctx, db, e) < 0)
            return exec(db, "ROLLBACK", NULL), -1;
    return exec(db, "COMMIT", e);
}

/* Every rollback on a connection, by store_rollback or by SQLite after an error. */
static void rolled_back(void *db)
{
    for (size_t i = 0; i < nhooks; i++)
        if (hooks[i].on_rollback)
            hooks[i].on_rollback(hooks[i].ctx, db);
}

/* Closing ends whatever the hooks knew of the connection (its address may be reused). */
static void close_db(sqlite3 *db)
{
    if (db)
        rolled_back(db);
    sqlite3_close(db);
}

static int open_db(const char *path, enum store_mode mode, sqlite3 **db, struct err *e)
{
    int flags = mode == STORE_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, db, flags | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
        err_set(e, "%s: cannot open the database: %s", path, sqlite3_errmsg(*db));
        sqlite3_close(*db);
        *db = NULL;
        return -1;
    }
    sqlite3_busy_timeout(*db, 5000);
    return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct err *e)
{
    *out = NULL;
    sqlite3 *db = NULL;
    if (open_db(path, mode, &db, e) < 0)
        return -1;
    /* A reader sees one snapshot for its life (WAL): never half of an import, never a
     * mix of before and after. The transaction starts with the first read, just below. */
    if (mode == STORE_READ)
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    int v = schema_version(db);
    if (v < 0 && mode == STORE_READ && sqlite3_errcode(db) == SQLITE_CANTOPEN) {
        /* A WAL database in a directory we cannot write: read it as an immutable file. */
        close_db(db);
        char uri[4200];
        snprintf(uri, sizeof uri, "file:%s?immutable=1", path);
        if (open_db(uri, mode, &db, e) < 0)
            return -1;
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
        v = schema_version(db);
    }
    if (v < 0 && mode == STORE_READ) {
        err_set(e, "%s: not a gongfu database (%s); import documents with 'gongfu import'",
                path, sqlite3_errcode(db) == SQLITE_NOTADB ? "file is not a database"
                                                          : sqlite3_errmsg(db));
        close_db(db);
        return -1;
    }
    if (v >= 0 && v != STORE_SCHEMA_VERSION) {
        err_set(e, "%s: database schema version %d, this gongfu needs %d: re-import the "
                "documents into a new file with 'gongfu import'", path, v, STORE_SCHEMA_VERSION);
        close_db(db);
        return -1;
    }
    for (size_t i = 0; i < nhooks; i++)
        if (hooks[i].on_open && hooks[i].on_open(hooks[i].ctx, db, e) < 0) {
            close_db(db);
            return -1;
        }
    if (mode == STORE_WRITE) {
        if (exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON", e) < 0 ||
            (v < 0 && create_schema(db, e) < 0)) {
            err_prefix(e, "%s: ", path);
            close_db(db);
            return -1;
        }
    }
    struct store *s = calloc(1, sizeof *s);
    if (!s) {
        close_db(db);
        return err_set(e, "out of memory"), -1;
    }
    sqlite3_rollback_hook(db, rolled_back, db);
    s->db = db;
    s->mode = mode;
    *out = s;
    return 0;
}

void store_close(struct store **s)
{
    if (!*s)
        return;
    close_db((*s)->db);
    free(*s);
    *s = NULL;
}

sqlite3 *store_db(struct store *s)
{
    return s->db;
}

int store_begin(struct store *s, struct err *e)
{
    return exec(s->db, "BEGIN IMMEDIATE", e);
}

int store_commit(struct store *s, struct err *e)
{
    for (size_t i = 0; i < nhooks; i++)
        if (hooks[i].on_commit && hooks[i].on_commit(hooks[i].ctx, s->db, e) < 0)
            return -1;
    return exec(s->db, "COMMIT", e);
}

void store_rollback(struct store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        exec(s->db, "ROLLBACK", NULL);
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
        for (size_t i = 0; i < nhooks && rc == 0; i++)
            if (hooks[i].on_delete_doc)
                rc = hooks[i].on_delete_doc(hooks[i].ctx, db, id, e);
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
        if (d->nodes[i].kind == NODE_PARAGRAPH || !nhooks)
            continue;
        char *text = doc_section_text(d, i);
        if (!text) {
            rc = -1;
            err_set(e, "out of memory");
            break;
        }
        for (size_t h = 0; h < nhooks && rc == 0; h++)
            if (hooks[h].on_section)
                rc = hooks[h].on_section(hooks[h].ctx, s->db, ids[i], d, i, d->nodes[i].title, text, e);
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

/* ---- readers -------------------------------------------------------------------- */

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

#define DOC_COLUMNS                                                                       \
    "SELECT d.id, d.slug, d.title, d.region, d.level, d.kind, d.issuer, d.published, s.name," \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'chapter'),"               \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'item')"                   \
    " FROM doc d JOIN source s ON s.id = d.source_id "

static void read_doc_row(sqlite3_stmt *st, struct doc_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->slug = col_dup(st, 1), r->title = col_dup(st, 2), r->region = col_dup(st, 3);
    r->level = col_dup(st, 4), r->kind = col_dup(st, 5), r->issuer = col_dup(st, 6);
    r->published = col_dup(st, 7), r->source = col_dup(st, 8);
    r->chapters = sqlite3_column_int(st, 9);
    r->items = sqlite3_column_int(st, 10);
}

int store_docs(struct store *s, struct doc_row **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    /* National first, then the province, then cities; within a level by region. */
    if (prepare(s->db, DOC_COLUMNS "ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN 'province'"
                " THEN 1 WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq", &st, e) < 0)
        return -1;
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            struct doc_row *p = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                store_docs_free(out, *n);
                return err_set(e, "out of memory"), -1;
            }
            *out = p;
        }
        read_doc_row(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    return 0;
}

void store_docs_free(struct doc_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++) {
        struct doc_row *r = &(*rows)[i];
        free(r->slug), free(r->title), free(r->region), free(r->level), free(r->kind);
        free(r->issuer), free(r->published), free(r->source);
    }
    free(*rows);
    *rows = NULL;
}

int store_doc_by_slug(struct store *s, const char *slug, struct doc_row **out, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (prepare(s->db, DOC_COLUMNS "WHERE d.slug = ?", &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && (*out = calloc(1, sizeof **out)))
        read_doc_row(st, *out);
    sqlite3_finalize(st);
    if (*out)
        return 0;
    /* Name what there is, so a typo is easy to fix. */
    char known[400] = "";
    if (prepare(s->db, "SELECT slug FROM doc ORDER BY slug", &st, e) == 0) {
        while (sqlite3_step(st) == SQLITE_ROW && strlen(known) < sizeof known - 80) {
            strcat(known, known[0] ? ", " : "");
            strncat(known, (const char *)sqlite3_column_text(st, 0), 70);
        }
        sqlite3_finalize(st);
    }
    err_set(e, "no document '%s' (documents: %s)", slug, known[0] ? known : "none");
    return -1;
}

static enum node_kind kind_from_name(const char *k)
{
    for (int i = 0; i < 4; i++)
        if (k && !strcmp(k, node_kind_name((enum node_kind)i)))
            return (enum node_kind)i;
    return NODE_PARAGRAPH;
}

int store_nodes(struct store *s, int64_t doc_id, int with_text, struct node_row **out,
                size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    if (prepare(s->db, "SELECT id, parent_id, kind, label, path, title, text, raw_start, raw_end"
                " FROM node WHERE doc_id = ? AND (? OR kind != 'paragraph') ORDER BY seq",
                &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int(st, 2, with_text);
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            struct node_row *p = realloc(*out, (cap = cap ? cap * 2 : 64) * sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                store_nodes_free(out, *n);
                return err_set(e, "out of memory"), -1;
            }
            *out = p;
        }
        struct node_row *r = &(*out)[(*n)++];
        r->id = sqlite3_column_int64(st, 0);
        r->parent_id = sqlite3_column_int64(st, 1);
        r->kind = kind_from_name((const char *)sqlite3_column_text(st, 2));
        r->label = col_dup(st, 3), r->path = col_dup(st, 4), r->title = col_dup(st, 5);
        r->text = col_dup(st, 6);
        r->raw_start = sqlite3_column_int64(st, 7);
        r->raw_end = sqlite3_column_int64(st, 8);
        r->depth = r->kind == NODE_ITEM ? 1 : r->kind == NODE_PARAGRAPH ? 2 : 0;
    }
    sqlite3_finalize(st);
    return 0;
}

void store_nodes_free(struct node_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++)
        free((*rows)[i].label), free((*rows)[i].path), free((*rows)[i].title), free((*rows)[i].text);
    free(*rows);
    *rows = NULL;
}

char *store_section_text(struct store *s, int64_t node_id, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(s->db, "SELECT coalesce(group_concat(text, char(10)), '') FROM (SELECT text FROM"
                " node WHERE parent_id = ? AND kind = 'paragraph' ORDER BY seq)", &st, e) < 0)
        return NULL;
    sqlite3_bind_int64(st, 1, node_id);
    char *text = NULL;
    if (sqlite3_step(st) == SQLITE_ROW)
        text = col_dup(st, 0);
    if (!text)
        err_set(e, "database: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return text;
}
