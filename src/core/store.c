/* store.c — the SQLite file: opening it, its schema, the hooks, transactions. Writing a
 * source's documents is store_put.c, the readers' queries store_read.c. All SQL binds its
 * values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"

struct store_hooks store_hooks_set[8];
size_t store_nhooks;

void store_add_hooks(const struct store_hooks *h)
{
    for (size_t i = 0; i < store_nhooks; i++)
        if (!memcmp(&store_hooks_set[i], h, sizeof *h))
            return;
    if (store_nhooks < sizeof store_hooks_set / sizeof *store_hooks_set)
        store_hooks_set[store_nhooks++] = *h;
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
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_create && h->on_create(h->ctx, db, e) < 0)
            return exec(db, "ROLLBACK", NULL), -1;
    return exec(db, "COMMIT", e);
}

/* Every rollback on a connection, by store_rollback or by SQLite after an error. */
static void rolled_back(void *db)
{
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_rollback)
            h->on_rollback(h->ctx, db);
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
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_open && h->on_open(h->ctx, db, e) < 0) {
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
