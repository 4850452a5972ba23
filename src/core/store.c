/* store.c — the SQLite file: opening it, its schema, the hooks, transactions. Writing a
 * source's documents is store_put.c, the readers' queries store_read.c. All SQL binds its
 * values. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gongfu/publish.h"
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

/* A source is known by its path and content; its text is kept once, in its nodes. */
#define SOURCE_TABLE(name)                                                                \
    "CREATE TABLE " name "(id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT,"           \
    "  sha256 TEXT NOT NULL, encoding TEXT NOT NULL, size INTEGER NOT NULL);"

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    SOURCE_TABLE("source")
    "CREATE INDEX source_path ON source(path);"
    "CREATE INDEX source_sha256 ON source(sha256);"
    "CREATE TABLE doc(id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL REFERENCES source(id),"
    "  seq INTEGER NOT NULL, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, region TEXT,"
    "  level TEXT, kind TEXT, issuer TEXT, published TEXT, note TEXT);"
    "CREATE TABLE node(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES doc(id),"
    "  parent_id INTEGER REFERENCES node(id), seq INTEGER NOT NULL, kind TEXT NOT NULL,"
    "  label TEXT, ordinal INTEGER, path TEXT, title TEXT, text TEXT,"
    "  raw_start INTEGER NOT NULL, raw_end INTEGER NOT NULL);"
    "CREATE INDEX node_doc ON node(doc_id, seq);"
    "CREATE INDEX node_parent ON node(parent_id, seq);";

const char *store_errmsg(sqlite3 *db)
{
    static char buf[300];
    int code = sqlite3_extended_errcode(db) & 0xFF, sys = sqlite3_system_errno(db);
    if ((code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN) || !sys)
        return sqlite3_errmsg(db);
    snprintf(buf, sizeof buf, "%s (%s)", sqlite3_errmsg(db), strerror(sys));
    return buf;
}

int store_exec(sqlite3 *db, const char *sql, const char *what, struct err *e)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(e, "%s: %s", what, msg ? msg : store_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what,
                  struct err *e)
{
    if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
        err_set(e, "%s: %s", what, store_errmsg(db));
        return -1;
    }
    return 0;
}

int store_prepare_rows(sqlite3 *db, const char *insert, const char *row, int rows,
                       sqlite3_stmt **st, const char *what, struct err *e)
{
    size_t n = strlen(insert), k = strlen(row);
    char *sql = malloc(n + (size_t)rows * (k + 1) + 1);
    if (!sql)
        return err_set(e, "out of memory"), -1;
    memcpy(sql, insert, n);
    for (int i = 0; i < rows; i++) {
        if (i)
            sql[n++] = ',';
        memcpy(sql + n, row, k);
        n += k;
    }
    sql[n] = '\0';
    int rc = store_prepare(db, sql, st, what, e);
    free(sql);
    return rc;
}

static int exec(sqlite3 *db, const char *sql, struct err *e)
{
    return store_exec(db, sql, "database", e);
}

/* The file's gongfu schema version (>= 0); -1 when it is no gongfu database (no meta
 * table, not SQLite at all); -2 when it could not be read (the message in e). */
static int schema_version(sqlite3 *db, const char *path, struct err *e)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='schema_version'", -1, &st,
                           NULL) != SQLITE_OK) {
        int rc = sqlite3_errcode(db);
        if (rc == SQLITE_ERROR || rc == SQLITE_NOTADB)
            return -1;
        err_set(e, "%s: cannot read the database: %s", path, store_errmsg(db));
        return -2;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    else if (rc != SQLITE_DONE) {
        err_set(e, "%s: cannot read the database: %s", path, store_errmsg(db));
        v = -2;
    }
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

/* Versions 1 and 2 to 3. Version 2: source loses "name UNIQUE" (sources are told apart by
 * full path and content) and gains path, NULL for the sources already there (store_put_source
 * then knows them by name, as version 1 did). Version 3: source loses raw, the file's bytes,
 * which nothing read (the text is in the nodes; a database kept it twice). The table is
 * rebuilt, as SQLite's ALTER TABLE cannot drop a constraint; foreign keys are off meanwhile,
 * the ids kept. The space raw took is given back at the commit (store_commit). */
static int upgrade(sqlite3 *db, int from_version, struct err *e)
{
    char sql[1024];
    snprintf(sql, sizeof sql,
             "PRAGMA foreign_keys=OFF; BEGIN;"
             SOURCE_TABLE("source_new")
             "INSERT INTO source_new(id, name, path, sha256, encoding, size)"
             "  SELECT id, name, %s, sha256, encoding, size FROM source;"
             "DROP TABLE source; ALTER TABLE source_new RENAME TO source;"
             "CREATE INDEX source_path ON source(path);"
             "CREATE INDEX source_sha256 ON source(sha256);"
             "UPDATE meta SET value = '%d' WHERE key = 'schema_version';"
             "COMMIT; PRAGMA foreign_keys=ON;",
             from_version == 1 ? "NULL" : "path", STORE_SCHEMA_VERSION);
    if (exec(db, sql, e) < 0) {
        exec(db, "ROLLBACK", NULL);
        return -1;
    }
    return 0;
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

static int run_open_hooks(sqlite3 *db, struct err *e)
{
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_open && h->on_open(h->ctx, db, e) < 0)
            return -1;
    sqlite3_rollback_hook(db, rolled_back, db);
    return 0;
}

/* A file URI for path (every byte outside a safe set %-escaped), and its parameters. */
static int file_uri(const char *path, const char *params, char *out, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = (size_t)snprintf(out, cap, "file:%s", path[0] == '/' ? "//" : "");
    for (const unsigned char *p = (const unsigned char *)path; *p && o + 4 < cap; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p))
            out[o++] = (char)*p;
        else
            out[o++] = '%', out[o++] = hex[*p >> 4], out[o++] = hex[*p & 15];
    }
    out[o] = '\0';
    return o + strlen(params) + 2 < cap && snprintf(out + o, cap - o, "?%s", params) > 0 ? 0 : -1;
}

/* 1 when the file's header says WAL mode: a database an older gongfu wrote. */
static int is_wal_file(const char *path)
{
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    int wal = fd >= 0 && pread(fd, h, sizeof h, 0) == (ssize_t)sizeof h && h[18] == 2;
    if (fd >= 0)
        close(fd);
    return wal;
}

/* Opens a published file read-only; *version as schema_version gives it. Immutable: the
 * file is never written in place once published (publish.h), so SQLite need take no lock
 * and read no -journal, -wal or -shm beside it, and creates none: nothing another user
 * plants there is read. Only the writer, copying a file an older gongfu left in WAL
 * mode, reads its WAL (with_wal). */
static int open_published(const char *path, int with_wal, sqlite3 **db, int *version,
                          struct err *e)
{
    char uri[3 * 4096 + 64];
    struct stat st;
    *db = NULL;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        err_set(e, "%s: is a directory, not a database", path);
        return -1;
    }
    if (file_uri(path, with_wal ? "mode=ro" : "immutable=1", uri, sizeof uri) < 0) {
        err_set(e, "%s: the path is too long", path);
        return -1;
    }
    if (sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
        err_set(e, "%s: cannot open the database: %s", path, store_errmsg(*db));
        sqlite3_close(*db);
        *db = NULL;
        return -1;
    }
    /* A published file is never written in place (publish.c): it is read through a map
     * of it, not copied page by page into SQLite's cache (a whole `gongfu search` at 100x
     * spent a seventh of its time in pread's copies, and as much again faulting in the
     * cache's pages). Where no map can be made, SQLite reads as before. */
    if (!with_wal)
        sqlite3_exec(*db, "PRAGMA mmap_size=2147418112", NULL, NULL, NULL);
    /* One snapshot from open to close, whatever is published meanwhile. */
    sqlite3_exec(*db, "BEGIN", NULL, NULL, NULL);
    *version = schema_version(*db, path, e);
    if (*version == -2) {
        close_db(*db);
        *db = NULL;
        return -1;
    }
    return 0;
}

static int check_version(sqlite3 *db, const char *path, int v, struct err *e)
{
    if (v < 0)
        err_set(e, "%s: not a gongfu database (%s); import documents with 'gongfu import'",
                path, sqlite3_errcode(db) == SQLITE_NOTADB ? "file is not a database"
                                                          : store_errmsg(db));
    else if (v < STORE_SCHEMA_OLDEST || v > STORE_SCHEMA_VERSION)
        err_set(e, "%s: database schema version %d, this gongfu reads %d to %d: re-import the "
                "documents with 'gongfu import --fresh'", path, v, STORE_SCHEMA_OLDEST,
                STORE_SCHEMA_VERSION);
    return v >= STORE_SCHEMA_OLDEST && v <= STORE_SCHEMA_VERSION ? 0 : -1;
}

static int open_reader(const char *path, sqlite3 **out, struct err *e)
{
    sqlite3 *db;
    int v;
    if (open_published(path, 0, &db, &v, e) < 0)
        return -1;
    if (check_version(db, path, v, e) < 0 || run_open_hooks(db, e) < 0) {
        close_db(db);
        return -1;
    }
    *out = db;
    return 0;
}

/* Whether a statement naming the column prepares: a fifth of the cost of reading
 * pragma_table_info (every reader opening the store asks). Qualified, as a double-quoted
 * name that is no column would be taken for a string. */
int store_has_column(sqlite3 *db, const char *table, const char *column)
{
    char *sql = sqlite3_mprintf("SELECT x.\"%w\" FROM \"%w\" x LIMIT 0", column, table);
    sqlite3_stmt *st = NULL;
    int found = sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK;
    sqlite3_finalize(st);
    sqlite3_free(sql);
    return found;
}

int store_is_utf16be(sqlite3 *db)
{
    sqlite3_stmt *st;
    int be = 0;
    if (sqlite3_prepare_v2(db, "PRAGMA encoding", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        be = !strcmp((const char *)sqlite3_column_text(st, 0), "UTF-16be");
    sqlite3_finalize(st);
    return be;
}

static int64_t pragma_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* A new working file, a copy of from (NULL: an empty database) of schema version
 * from_version, made the current version, as s->db. */
static int new_work(struct store *s, sqlite3 *from, int from_version, struct err *e)
{
    const char *work = publish_work(s->pub, e);
    sqlite3 *db = NULL;
    if (!work)
        return -1;
    /* The working copy is private and published only after its commit and an fsync, so it
     * needs no syncs, nor deleted content overwritten (Debian's SQLite does that by default).
     * A new file is UTF-16: Chinese text takes two bytes a character instead of three
     * (big-endian sorts as UTF-8 does). At 20x the corpus: the database 20% smaller, the
     * searches as fast. Its pages are 16 KB: the sections' rows (~700 bytes, some past 4 KB)
     * leave less of each page unused than in 4 KB pages (at 100x, node 28.1 -> 25.7 MB, the
     * database 101.1 -> 98.9 MB). A copy keeps its source's page size. Only the import's
     * thread uses the connection (its workers never do), so SQLite takes no mutex of its
     * own at every call on it. */
    if (sqlite3_open_v2(work, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA synchronous=OFF; PRAGMA secure_delete=OFF", NULL, NULL,
                     NULL) != SQLITE_OK ||
        (!from && sqlite3_exec(db, "PRAGMA page_size=16384; PRAGMA encoding='UTF-16be'", NULL,
                               NULL, NULL) != SQLITE_OK))
        goto fail;
    if (from) {
        sqlite3_backup *b = sqlite3_backup_init(db, "main", from, "main");
        int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
        if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE)
            goto fail;
    }
    /* Rollback-journal mode (the published file must be, and a copy of an older gongfu's
     * WAL file is not yet), the journal only for this process's rollbacks and never synced:
     * the private file is published, synced, after its last commit, or never. */
    if (exec(db, "PRAGMA journal_mode=DELETE; PRAGMA foreign_keys=ON", e) < 0 ||
        (from && from_version < STORE_SCHEMA_VERSION && upgrade(db, from_version, e) < 0) ||
        run_open_hooks(db, e) < 0 || (!from && create_schema(db, e) < 0) ||
        /* doc.note came after schema version 1: a copy of an earlier database gains it. */
        (from && !store_has_column(db, "doc", "note") &&
         exec(db, "ALTER TABLE doc ADD COLUMN note TEXT", e) < 0)) {
        err_prefix(e, "%s: ", publish_target(s->pub));
        close_db(db);
        return -1;
    }
    slug_alloc_reset(&s->slugs);
    s->db = db;
    s->published = 0;
    s->has_note = 1;
    s->utf16be = store_is_utf16be(db);
    return 0;
fail:
    err_set(e, "%s: cannot make the working copy: %s", publish_target(s->pub),
            db ? store_errmsg(db) : "out of memory");
    close_db(db);
    return -1;
}

/* SQLite keeps no count of its memory (nothing here asks for one): its every allocation
 * and free would take a global mutex for it. To be set before SQLite is first used, so
 * at the first store opened; later it is refused, harmlessly. */
static void no_memstatus(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void configure_sqlite(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, no_memstatus);
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct err *e)
{
    configure_sqlite();
    if (mode == STORE_WRITE)
        return store_open_write(path, NULL, out, e);
    *out = NULL;
    sqlite3 *db;
    struct store *s;
    if (open_reader(path, &db, e) < 0)
        return -1;
    if (!(s = calloc(1, sizeof *s))) {
        close_db(db);
        return err_set(e, "out of memory"), -1;
    }
    s->db = db;
    s->mode = mode;
    s->has_note = store_has_column(db, "doc", "note");
    s->utf16be = store_is_utf16be(db);
    *out = s;
    return 0;
}

/* The database the working copy starts from: the published file, or NULL when there is
 * none (or an empty file), or when a fresh database replaces it. A file that is not a gongfu
 * database is never replaced, nor one of another schema version unless fresh. */
static int open_source(const char *path, int fresh, sqlite3 **from, int *version,
                       struct err *e)
{
    struct stat st;
    int v;
    *from = NULL;
    *version = STORE_SCHEMA_VERSION;
    if (stat(path, &st) < 0 || (S_ISREG(st.st_mode) && st.st_size == 0))
        return 0;
    if (open_published(path, is_wal_file(path), from, &v, e) < 0)
        return -1;
    if (fresh && v >= 0)
        return close_db(*from), *from = NULL, 0;
    if (check_version(*from, path, v, e) < 0) {
        close_db(*from);
        *from = NULL;
        return -1;
    }
    *version = v;
    return 0;
}

int store_open_write(const char *path, const struct store_write_opts *o, struct store **out,
                     struct err *e)
{
    static const struct store_write_opts defaults = {0};
    o = o ? o : &defaults;
    configure_sqlite();
    *out = NULL;
    if (!path || !*path || !strcmp(path, ":memory:") || !strncmp(path, "file:", 5)) {
        err_set(e, "'%s': a database to import into must be a file name", path ? path : "");
        return -1;
    }
    struct publish_opts po = { .no_wait = o->no_wait, .waiting = o->waiting, .ctx = o->ctx };
    struct store *s = calloc(1, sizeof *s);
    if (!s)
        return err_set(e, "out of memory"), -1;
    s->mode = STORE_WRITE;
    sqlite3 *from = NULL;
    int version;
    if (publish_lock(path, &po, &s->pub, e) < 0 ||
        open_source(publish_target(s->pub), o->fresh, &from, &version, e) < 0 ||
        new_work(s, from, version, e) < 0) {
        close_db(from);
        store_close(&s);
        return -1;
    }
    close_db(from);
    *out = s;
    return 0;
}

void store_close(struct store **s)
{
    if (!*s)
        return;
    slug_alloc_reset(&(*s)->slugs);
    close_db((*s)->db);
    publish_free(&(*s)->pub);
    free((*s)->text16), free((*s)->title16);
    free(*s);
    *s = NULL;
}

sqlite3 *store_db(struct store *s)
{
    return s->db;
}

int store_begin(struct store *s, struct err *e)
{
    if (s->mode == STORE_WRITE && s->published) {
        sqlite3 *published = s->db;
        if (new_work(s, published, STORE_SCHEMA_VERSION, e) < 0)
            return -1;
        close_db(published);
    }
    return exec(s->db, "BEGIN IMMEDIATE", e);
}

/* A working copy with much free space (documents replaced or deleted, an older file
 * upgraded) is rewritten compact before it is published, into a file beside it in the
 * private directory that then takes its name. One with little free is published as it is,
 * even when this import wrote all of it: its pages are filled as the rows came, and the
 * copy filled them only a little more (at 100x: 95.5 -> 94.4 MB, 1.1%, for 0.07 s of an
 * import of 3.2 s and a second file of the database's size written). */
static int compact(sqlite3 *db, struct err *e)
{
    int64_t pages = pragma_int(db, "PRAGMA page_count"),
            unused = pragma_int(db, "PRAGMA freelist_count");
    if (pages < 0 || unused < 0 || unused * 8 <= pages)
        return 0;
    const char *work = sqlite3_db_filename(db, "main");
    char tmp[4096 + 16];
    if (!work || snprintf(tmp, sizeof tmp, "%s.compact", work) >= (int)sizeof tmp)
        return err_set(e, "database: the working file's name is too long"), -1;
    sqlite3_stmt *st;
    if (store_prepare(db, "VACUUM INTO ?1", &st, "database", e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, tmp, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc < 0)
        err_set(e, "database: cannot compact the new database: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    if (rc == 0 && rename(tmp, work) < 0)
        rc = -1, err_set(e, "database: cannot compact the new database: %m");
    return rc;
}

/* A reader's connection on what was just published replaces the writer's. */
int store_commit(struct store *s, struct err *e)
{
    sqlite3 *reader;
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_precommit && h->on_precommit(h->ctx, s->db, e) < 0)
            return -1;
    for (const struct store_hooks *h = store_hooks_set; h < store_hooks_set + store_nhooks; h++)
        if (h->on_commit && h->on_commit(h->ctx, s->db, e) < 0)
            return -1;
    if (exec(s->db, "COMMIT", e) < 0)
        return -1;
    if (s->mode != STORE_WRITE)
        return 0;
    if (compact(s->db, e) < 0 || publish_commit(s->pub, e) < 0)
        return -1;
    s->published = 1;
    if (open_reader(publish_target(s->pub), &reader, e) < 0)
        return err_prefix(e, "published, but: "), -1;
    slug_alloc_reset(&s->slugs);
    close_db(s->db);
    s->db = reader;
    return 0;
}

void store_rollback(struct store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        exec(s->db, "ROLLBACK", NULL);
}
