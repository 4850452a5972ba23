/* search_aside.c — the search index built aside, on a worker (search_aside.h). */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/store.h"
#include "gongfu/tokenizer.h"
#include "gongfu/workq.h"
#include "search_aside.h"

/* Sections given to the worker and not yet inserted (a bound on the copies held). */
#define AHEAD 64

struct length {
    int64_t id, positions;
};

/* Everything but q is the worker's until aside_finish has stopped it. */
struct search_aside {
    sqlite3 *db;                 /* the temporary database */
    sqlite3_stmt *ins;
    struct workq *q;
    struct tokenizer_ahead *rec;
    struct word_contexts *contexts;
    struct search_terms *terms;
    struct length *len;          /* each section inserted, in order */
    size_t nlen, cap_len;
    int rc, gather_failed;       /* the worker's result, and its message */
    int mismatch;                /* a text the stored UTF-16 would not give back */
    struct err e;
};

struct section {
    struct search_aside *a;
    int64_t id;
    size_t ntext, ntitle;
    char bytes[];                /* the text, a NUL, the title, a NUL */
};

static void gather_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct search_aside *a = ctx;
    if (word_contexts_token(a->contexts, flags, tok, ntok, start, end) < 0 ||
        terms_token(a->terms, tok, (size_t)ntok) < 0)
        a->gather_failed = 1;
}

static void gather_end(void *ctx)
{
    struct search_aside *a = ctx;
    if (word_contexts_end(a->contexts) < 0)
        a->gather_failed = 1;
}

/* Text that SQLite's UTF-16 gives back as the same bytes: valid UTF-8 (no surrogates). */
static int round_trips(const char *s, size_t n)
{
    return !u8_check((const uint8_t *)s, n);
}

/* One section tokenized (its tokens recorded, and gathered, as the commit's pass does) and
 * inserted with them. */
static void insert_job(void *arg)
{
    struct section *s = arg;
    struct search_aside *a = s->a;
    const char *text = s->bytes, *title = s->bytes + s->ntext + 1;
    if (a->rc == 0 && !a->mismatch && (!round_trips(text, s->ntext) ||
                                       !round_trips(title, s->ntitle)))
        a->mismatch = 1;
    if (a->rc || a->mismatch) {
        free(s);
        return;
    }
    struct tokenizer_tap tap = {gather_token, gather_end, a};
    tokenizer_ahead_clear(a->rec);
    terms_section(a->terms);
    if (tokenizer_ahead_add(a->rec, text, (int)s->ntext, &tap) < 0 ||
        tokenizer_ahead_add(a->rec, title, (int)s->ntitle, &tap) < 0 || a->gather_failed ||
        array_grow((void **)&a->len, &a->cap_len, a->nlen + 1, sizeof *a->len) < 0) {
        a->rc = -1, err_set(&a->e, "out of memory");
        free(s);
        return;
    }
    int64_t before = tokenizer_positions();
    sqlite3_bind_int64(a->ins, 1, s->id);
    sqlite3_bind_text(a->ins, 2, text, (int)s->ntext, SQLITE_STATIC);
    sqlite3_bind_text(a->ins, 3, title, (int)s->ntitle, SQLITE_STATIC);
    tokenizer_set_ahead(a->rec);
    int step = sqlite3_step(a->ins);
    tokenizer_set_ahead(NULL);
    sqlite3_reset(a->ins);
    if (step != SQLITE_DONE)
        a->rc = -1, err_set(&a->e, "search index: %s", sqlite3_errmsg(a->db));
    else
        a->len[a->nlen++] = (struct length){s->id, tokenizer_positions() - before};
    free(s);
}

int aside_start(struct search_aside **out, const char *fts_sql, struct err *e)
{
    struct search_aside *a = calloc(1, sizeof *a);
    *out = a;
    if (!a || tokenizer_ahead_new(&a->rec) < 0 || word_contexts_new(&a->contexts) < 0 ||
        terms_new(&a->terms) < 0) {
        aside_free(out);
        return err_set(e, "out of memory"), -1;
    }
    /* "": a private temporary file, deleted when closed, never synced; UTF-8, the text as
     * the import has it, which FTS5 then reads without a translation. */
    if (sqlite3_open_v2("", &a->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        err_set(e, "search index: cannot make a temporary database: %s",
                a->db ? sqlite3_errmsg(a->db) : "out of memory");
        aside_free(out);
        return -1;
    }
    if (store_exec(a->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", "search index",
                   e) < 0 || tokenizer_register(a->db, e) < 0 ||
        store_exec(a->db, fts_sql, "search index", e) < 0 ||
        store_exec(a->db, "BEGIN", "search index", e) < 0 ||
        store_prepare(a->db, "INSERT INTO search_fts(rowid, text, title) VALUES(?1, ?2, ?3)",
                      &a->ins, "search index", e) < 0 ||
        workq_start(&a->q, AHEAD) < 0) {
        if (!a->q && !e->msg[0])
            err_set(e, "out of memory");
        aside_free(out);
        return -1;
    }
    return 0;
}

int aside_add(struct search_aside *a, int64_t id, const char *text, size_t ntext,
              const char *title, size_t ntitle)
{
    struct section *s = malloc(sizeof *s + ntext + ntitle + 2);
    if (!s)
        return -1;
    *s = (struct section){a, id, ntext, ntitle};
    memcpy(s->bytes, text, ntext);
    s->bytes[ntext] = '\0';
    memcpy(s->bytes + ntext + 1, title, ntitle);
    s->bytes[ntext + 1 + ntitle] = '\0';
    workq_submit(a->q, insert_job, s);
    return 0;
}

/* Every row of one shadow table of the temporary database into db's. */
static int copy_rows(sqlite3 *from, sqlite3 *db, const char *select, const char *insert,
                     int ncol, struct err *e)
{
    sqlite3_stmt *src = NULL, *dst = NULL;
    if (store_prepare(from, select, &src, "search index", e) < 0 ||
        store_prepare(db, insert, &dst, "search index", e) < 0) {
        sqlite3_finalize(src);
        return -1;
    }
    int rc = 0, step;
    while (rc == 0 && (step = store_step(src, "search index", e)) > 0) {
        for (int i = 0; i < ncol; i++)
            sqlite3_bind_value(dst, i + 1, sqlite3_column_value(src, i));
        if (sqlite3_step(dst) != SQLITE_DONE)
            rc = -1, err_set(e, "search index: %s", store_errmsg(db));
        sqlite3_reset(dst);
    }
    if (rc == 0 && step < 0)
        rc = -1;
    sqlite3_finalize(src), sqlite3_finalize(dst);
    return rc;
}

int aside_finish(struct search_aside *a, sqlite3 *db, const char *remake_sql,
                 struct search_lengths *lengths, struct word_contexts **contexts,
                 struct search_terms **terms, struct err *e)
{
    workq_stop(&a->q);
    if (a->rc < 0)
        return err_set(e, "%s", a->e.msg), -1;
    /* The commit writes out what FTS5 holds in memory. */
    sqlite3_finalize(a->ins);
    a->ins = NULL;
    if (store_exec(a->db, "COMMIT", "search index", e) < 0 ||
        store_exec(db, remake_sql, "search index", e) < 0 ||
        store_exec(db, "DELETE FROM search_fts_data; DELETE FROM search_fts_idx; "
                   "DELETE FROM search_fts_config", "search index", e) < 0 ||
        copy_rows(a->db, db, "SELECT k, v FROM search_fts_config ORDER BY k",
                  "INSERT INTO search_fts_config(k, v) VALUES(?1, ?2)", 2, e) < 0 ||
        copy_rows(a->db, db, "SELECT id, block FROM search_fts_data ORDER BY id",
                  "INSERT INTO search_fts_data(id, block) VALUES(?1, ?2)", 2, e) < 0 ||
        copy_rows(a->db, db, "SELECT segid, term, pgno FROM search_fts_idx ORDER BY 1, 2",
                  "INSERT INTO search_fts_idx(segid, term, pgno) VALUES(?1, ?2, ?3)", 3, e) < 0)
        return -1;
    for (size_t i = 0; i < a->nlen; i++)
        if (lengths_add(lengths, a->len[i].id, a->len[i].positions) < 0)
            return err_set(e, "out of memory"), -1;
    *contexts = a->contexts, *terms = a->terms;
    a->contexts = NULL, a->terms = NULL;
    return 0;
}

int aside_mismatch(struct search_aside *a)
{
    workq_stop(&a->q);
    return a->mismatch;
}

void aside_free(struct search_aside **pa)
{
    struct search_aside *a = *pa;
    if (!a)
        return;
    workq_stop(&a->q);
    sqlite3_finalize(a->ins);
    sqlite3_close(a->db);
    tokenizer_ahead_free(&a->rec);
    word_contexts_free(&a->contexts);
    terms_free(&a->terms);
    free(a->len);
    free(a);
    *pa = NULL;
}
