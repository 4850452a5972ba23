/* search_db.h — what the search tests share: a database in memory made through the search
 * module's store hooks as an import makes it (the columns of the store's meta, doc and node
 * tables that search reads, two documents, the sections with their text as paragraphs,
 * the commit), and a vocabulary file. */
#ifndef GONGFU_TEST_SEARCH_DB_H
#define GONGFU_TEST_SEARCH_DB_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "gongfu/search.h"

struct search_db_section {
    int64_t id, doc;
    const char *kind, *path, *title, *text;
};

/* Makes *db with the n sections; writes vocab (the vocabulary's text) to vocab_path, a
 * mkstemp template. 0 or -1. */
static int search_db_make(sqlite3 **db, const struct search_db_section *secs, size_t n,
                          char *vocab_path, const char *vocab)
{
    static const char schema[] =
        "CREATE TABLE doc(id INTEGER PRIMARY KEY, slug TEXT, region TEXT);"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE node(id INTEGER PRIMARY KEY, doc_id INTEGER, parent_id INTEGER,"
        " seq INTEGER, kind TEXT, path TEXT, title TEXT, text TEXT);"
        "INSERT INTO doc VALUES(1, 'zhoushan-plan', '舟山市'), (2, 'jinhua-plan', '金华市');";
    struct err e = {{0}};
    int fd = mkstemp(vocab_path);
    size_t len = strlen(vocab);
    if (fd < 0 || write(fd, vocab, len) != (ssize_t)len || close(fd))
        return -1;
    void *ctx = search_hooks.ctx;
    if (sqlite3_open(":memory:", db) || search_hooks.on_open(ctx, *db, &e) ||
        sqlite3_exec(*db, schema, NULL, NULL, NULL) || search_hooks.on_create(ctx, *db, &e))
        return -1;
    sqlite3_stmt *sec, *para;
    if (sqlite3_prepare_v2(*db, "INSERT INTO node VALUES(?1, ?2, NULL, ?3, ?4, ?5, ?6, NULL)",
                           -1, &sec, NULL) ||
        sqlite3_prepare_v2(*db, "INSERT INTO node VALUES(?5, ?1, ?2, ?3, 'paragraph', NULL,"
                           " NULL, ?4)", -1, &para, NULL))
        return -1;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        sqlite3_bind_int64(sec, 1, secs[i].id);
        sqlite3_bind_int64(sec, 2, secs[i].doc);
        sqlite3_bind_int64(sec, 3, (sqlite3_int64)i);
        sqlite3_bind_text(sec, 4, secs[i].kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(sec, 5, secs[i].path, -1, SQLITE_STATIC);
        sqlite3_bind_text(sec, 6, secs[i].title, -1, SQLITE_STATIC);
        rc = sqlite3_step(sec) != SQLITE_DONE;
        sqlite3_reset(sec);
        /* The text as the store keeps it: one paragraph a line. */
        for (const char *p = secs[i].text; rc == 0 && p && *p;) {
            const char *nl = strchr(p, '\n');
            size_t plen = nl ? (size_t)(nl - p) : strlen(p);
            sqlite3_bind_int64(para, 1, secs[i].doc);
            sqlite3_bind_int64(para, 2, secs[i].id);
            sqlite3_bind_int64(para, 3, (sqlite3_int64)(p - secs[i].text));
            sqlite3_bind_text(para, 4, p, (int)plen, SQLITE_STATIC);
            sqlite3_bind_int64(para, 5, 1000000 + secs[i].id * 1000 + (p - secs[i].text));
            rc = sqlite3_step(para) != SQLITE_DONE;
            sqlite3_reset(para);
            p = nl ? nl + 1 : p + plen;
        }
        if (rc == 0 && search_hooks.on_section)
            rc = search_hooks.on_section(ctx, *db, secs[i].id, secs[i].doc, NULL, i,
                                         secs[i].title, secs[i].text, &e);
    }
    sqlite3_finalize(sec), sqlite3_finalize(para);
    if (rc)
        return -1;
    return search_hooks.on_commit(ctx, *db, &e);
}

/* The database and a search context on it (with the vocabulary); 0 or -1. */
static int search_db_open(sqlite3 **db, struct search **se, const struct search_db_section *secs,
                          size_t n, char *vocab_path, const char *vocab)
{
    struct err e = {{0}};
    return search_db_make(db, secs, n, vocab_path, vocab) ||
           search_open(*db, vocab_path, se, &e) ? -1 : 0;
}

static void search_db_close(sqlite3 **db, struct search **se, const char *vocab_path)
{
    search_close(se);
    sqlite3_close(*db);
    *db = NULL;
    unlink(vocab_path);
}

#endif
