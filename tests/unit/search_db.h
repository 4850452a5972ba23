/* search_db.h — what the search tests share: a database in memory made through the search
 * module's store hooks as an import makes it (the columns of the store's doc and node
 * tables that search reads, two documents, the sections, the commit), and a vocabulary
 * file. */
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
        "CREATE TABLE node(id INTEGER PRIMARY KEY, doc_id INTEGER, seq INTEGER, kind TEXT,"
        " path TEXT);"
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
    for (size_t i = 0; i < n; i++) {
        char sql[256];
        snprintf(sql, sizeof sql, "INSERT INTO node VALUES(%lld, %lld, %zu, '%s', '%s')",
                 (long long)secs[i].id, (long long)secs[i].doc, i, secs[i].kind,
                 secs[i].path);
        if (sqlite3_exec(*db, sql, NULL, NULL, NULL) ||
            search_hooks.on_section(ctx, *db, secs[i].id, NULL, i, secs[i].title,
                                    secs[i].text, &e))
            return -1;
    }
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
