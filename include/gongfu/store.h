/* store.h — the one SQLite file that holds every imported document.
 *
 * Schema (version in meta.schema_version; readers take versions 1 to 3, a writer makes an
 * older file version 3 in its working copy):
 *   source(id, name, path, sha256, encoding, size)   the file each document came from;
 *       name: its base name ("-": standard input), path: its full path (NULL for standard
 *       input, and for sources imported before version 2). The text is kept once, in the
 *       nodes (versions 1 and 2 also kept what the nodes' offsets point into, in raw).
 *   doc(id, source_id, seq, slug UNIQUE, title, region, level, kind, issuer, published,
 *       note)   note: what a reader must know of the source (doc_note.h), else NULL
 *   node(id, doc_id, parent_id, seq, kind, label, ordinal, path, title, text,
 *        raw_start, raw_end)
 *       raw_start/raw_end: the node's byte span in what the source was read as: the file
 *       for a text file, the extracted text for a web page, a Word document or a PDF;
 *       kind: preamble | chapter | item | paragraph; only paragraphs carry text;
 *       a "section" is a preamble, chapter or item: its text is its own paragraphs
 *       joined by "\n" (store_section_text).
 *
 * Publish, never modify in place (publish.h). A writer (STORE_WRITE) takes the database's
 * lock, copies the published file into a private working file and writes only there;
 * store_commit publishes it whole by rename(2). The published file is in rollback-journal
 * mode and is never written again. Readers open it read-only with SQLite's immutable=1, so
 * they take no lock, create no file beside it and read none (no -journal, -wal or -shm a
 * user could plant), and keep the file they opened, whole, until they close it. Their
 * safety rests exactly on the never-in-place rule: nothing may write a published file
 * (not gongfu, not sqlite3, not cp over it); replace it by rename, as `make install` does.
 */
#ifndef GONGFU_STORE_H
#define GONGFU_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/doc.h"
#include "gongfu/err.h"

#define STORE_SCHEMA_VERSION 3
#define STORE_SCHEMA_OLDEST 1      /* the oldest version readers read and writers upgrade */

enum store_mode { STORE_READ, STORE_WRITE };

struct store;

/* Hooks other core modules run on every connection and in every import, so the store
 * need not know about search indexes or targets. Every callback gets the hooks' own ctx
 * (as SQLite passes pUserData), so a module keeps its state there, not in globals.
 * on_rollback (as sqlite3_rollback_hook) runs after every rollback of a transaction on db,
 * whoever asked for it (store_rollback, or SQLite itself after an error), and when db is
 * closed: whatever a hook cached about what db holds is no longer true. It must not use db. */
struct store_hooks {
    void *ctx;
    int (*on_open)(void *ctx, sqlite3 *db, struct err *e);      /* e.g. register tokenizer */
    int (*on_create)(void *ctx, sqlite3 *db, struct err *e);    /* create own tables */
    /* Each section of a document just stored (node_id, in document doc_id), in order. */
    int (*on_section)(void *ctx, sqlite3 *db, int64_t node_id, int64_t doc_id,
                      const struct doc *d, size_t node_index, const char *title,
                      const char *text, struct err *e);
    int (*on_delete_doc)(void *ctx, sqlite3 *db, int64_t doc_id, struct err *e);
    void (*on_rollback)(void *ctx, sqlite3 *db);
    /* At store_commit, once in every import, inside its transaction just before COMMIT,
     * after every source is written: data derived from all the documents at once (the
     * search index's word list, the relations); an error rolls the import back. */
    int (*on_commit)(void *ctx, sqlite3 *db, struct err *e);
    /* At store_commit before any hook's on_commit: work that can go on on another thread
     * while the others commit (the relations' scoring, while the search index is written),
     * its result written by the hook's own on_commit. It must not use db after it returns. */
    int (*on_precommit)(void *ctx, sqlite3 *db, struct err *e);
};
void store_add_hooks(const struct store_hooks *h);

/* For the hooks' own SQL: run statements / prepare one, with SQLite's message in e
 * prefixed by what (e.g. "database", "search index"). 0 or -1. */
int store_exec(sqlite3 *db, const char *sql, const char *what, struct err *e);
int store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, const char *what,
                  struct err *e);
/* An INSERT of `rows` rows at once: insert ("INSERT INTO t(a, b) VALUES") followed by row
 * ("(?, ?)") that many times, parameters numbered on through the rows. A statement for
 * many rows costs a fraction of as many statements' steps a row each (their start, their
 * end, the table opened every time). 0 or -1. */
int store_prepare_rows(sqlite3 *db, const char *insert, const char *row, int rows,
                       sqlite3_stmt **st, const char *what, struct err *e);
/* SQLite's message for db's last error, with the system's reason after an I/O error
 * ("disk I/O error (File too large)": a ulimit -f, a full disk); until the next call. */
const char *store_errmsg(sqlite3 *db);

/* STORE_READ: the published file, immutable. STORE_WRITE: store_open_write with the
 * defaults (wait for the lock silently, start from the published database). */
/* For reading rows: steps st; 1 a row, 0 the end, -1 an error (a damaged page, memory
 * gone): "FILE: cannot read the WHAT: SQLite's message" in e. A loop over rows must stop on
 * -1 and fail, never take it for the end. */
int store_step(sqlite3_stmt *st, const char *what, struct err *e);
/* Whether a section of another document than doc_id is stored (or the asking failed:
 * the hooks that ask then do the whole work, as when there is one). */
int store_others_stored(sqlite3 *db, int64_t doc_id);
/* A copy of column i's text, NULL for SQL NULL; *failed set to 1 when memory ran out. */
char *store_column_dup(sqlite3_stmt *st, int i, int *failed);
/* Text as a database of the store's own encoding holds it (UTF-16BE, n bytes) as UTF-8
 * into out, which has room for 3 bytes a unit and the NUL; up to the first U+0000, as a
 * copy of SQLite's own conversion would stop; a lone surrogate becomes U+FFFD. For a
 * thread that translates what it read from the database (store_text.c). */
void store_utf16be_to_utf8(const unsigned char *in, size_t n, char *out);

int store_open(const char *path, enum store_mode mode, struct store **out, struct err *e);

struct store_write_opts {
    int fresh;      /* start from an empty database: the imports replace all path held */
    int no_wait;    /* another import holds the lock: fail at once instead of waiting */
    /* Told who holds the lock, once, before waiting for it (sanitised text). */
    void (*waiting)(const char *holder, void *ctx);
    void *ctx;
};
/* The writer: path must be a file name (not "", ":memory:" or a URI). A published file
 * that is not a gongfu database, or (unless fresh) of another schema version, is refused
 * and left as it was. Nothing is published before store_commit. */
int store_open_write(const char *path, const struct store_write_opts *o, struct store **out,
                     struct err *e);
void store_close(struct store **s);
sqlite3 *store_db(struct store *s);

/* One source file and the documents found in it, to be written in the open transaction.
 * A source is identified by its full path and by its content, never by its base name: the
 * documents of every earlier source with the same path, or with the same bytes, are
 * replaced (and keep their slugs where the new documents' slugs have the same base); a
 * source from before schema version 2, which kept no path, is the same when its base name
 * is. A different file of the same base name adds its own documents. */
struct source_file {
    const char *name;       /* base name, or "-" for standard input: what is shown */
    const char *raw;        /* what node offsets point into: the file itself for text, the
                             * extracted text for a web page, Word document or PDF; read for
                             * the SHA-256 and the size, not kept */
    size_t size;
    const char *encoding;   /* "UTF-8", "GB18030", "html GB18030", "docx", "pdf" */
    const char *path;       /* the full path (symlinks resolved); NULL for standard input */
    const char *sha256;     /* the file's SHA-256 in hex, or NULL: computed from raw */
    size_t file_size;       /* the file's size when raw is text read out of it; 0: size */
};
/* A writer's transaction runs on its working copy; store_commit commits it and publishes
 * the copy (fsync, rename), after which store_db reads what was published and the next
 * store_begin starts a new working copy. A rollback, or a close without commit, leaves
 * the published file as it was. */
int store_begin(struct store *s, struct err *e);
int store_put_source(struct store *s, const struct source_file *src, struct doc *docs,
                     size_t ndocs, struct err *e);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* Readers. Strings are owned by the returned arrays; free with the matching *_free. */
struct doc_row {
    int64_t id;
    char *slug, *title, *region, *level, *kind, *issuer, *published, *source;
    char *note;             /* NULL when there is none (doc_note.h) */
    int chapters, items;
};
int store_docs(struct store *s, struct doc_row **out, size_t *n, struct err *e);
/* The same rows with chapters and items left 0: counting them reads every document's
 * nodes (the explorer's start-up shows no count). */
int store_docs_uncounted(struct store *s, struct doc_row **out, size_t *n, struct err *e);
void store_docs_free(struct doc_row **rows, size_t n);
/* Finds by slug, exactly: 0 found, 1 no such document (the message says which slugs
 * exist), -1 the database could not be read. */
int store_doc_by_slug(struct store *s, const char *slug, struct doc_row **out, struct err *e);

struct node_row {
    int64_t id, parent_id;       /* parent_id 0 at top level */
    enum node_kind kind;
    char *label, *path, *title, *text;
    int depth;                   /* 0 chapter/preamble, 1 item, 2 paragraph */
    int64_t raw_start, raw_end;
};
/* All nodes of a document in reading order (paragraphs too when with_text). */
int store_nodes(struct store *s, int64_t doc_id, int with_text, struct node_row **out,
                size_t *n, struct err *e);
void store_nodes_free(struct node_row **rows, size_t n);
/* The document holding a node: 1 found (*doc_id set), 0 no such node, -1 error. */
int store_node_doc(struct store *s, int64_t node_id, int64_t *doc_id, struct err *e);
/* The section's paragraphs joined by "\n"; malloc'd, NULL on error. */
char *store_section_text(struct store *s, int64_t node_id, struct err *e);

#endif
