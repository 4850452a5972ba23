/* search_aside.c — the search index built aside, on a worker (search_aside.h). */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/store.h"
#include "gongfu/tokenizer.h"
#include "gongfu/workq.h"
#include "search_aside.h"

/* Sections given to the workers and not yet inserted: at most SLOTS of them, holding at
 * most AHEAD_BYTES of text between them (a bound on the copies and tokens held: some 40
 * bytes of tokens recorded for each Chinese character). Deep enough that the workers and
 * the import's thread seldom wait for each other when an import's threads outnumber the
 * processors: at 100x on two, 64 sections ahead left a core idle an eighth of the time
 * while the sections were stored, and the import took 3.40-3.59 s; 512 ahead, 3.15-3.27 s
 * (a bound of 256 KB to 2 MB of text changed nothing). A section longer than the bound
 * goes alone, once those before it are inserted. */
#define SLOTS 512
#define AHEAD_BYTES (1u << 19)
/* A slot's buffers kept for its next section only up to these sizes (its text, its tokens:
 * a section of about 800 characters, longer than nine in ten): else each grows to the
 * largest section it has held, and 512 of them held 40 MB more at 100x. */
#define KEEP_TEXT 8192
#define KEEP_TOKENS 32768

struct length {
    int64_t id, positions;
};

/* A section on its way: tokenized (its tokens recorded and gathered) on one worker, then
 * inserted with them on the other, while the first goes on with the next ones. */
struct slot {
    struct search_aside *a;
    int64_t id;
    char *bytes;                 /* the text, a NUL, the title, a NUL */
    size_t ntext, ntitle, cap;
    struct tokenizer_ahead *rec;
    uint64_t tokenized, inserted;    /* the two jobs' tickets */
    int failed, mismatch;        /* the tokenizing's */
};

/* The gathered words are the tokenizing worker's, db, ins and the results the inserting
 * one's, until aside_finish has stopped them. */
struct search_aside {
    sqlite3 *db;                 /* the temporary database */
    sqlite3_stmt *ins;
    struct workq *tokenize, *insert;
    struct slot slots[SLOTS];
    size_t oldest, used;         /* the sections given and not yet seen inserted: slots
                                  * oldest, oldest + 1 … (mod SLOTS), used of them */
    size_t ahead;                /* their text's bytes */
    struct word_contexts *contexts;
    struct search_terms *terms;
    int gather_failed;
    struct length *len;          /* each section inserted, in order */
    size_t nlen, cap_len;
    int rc, mismatch;            /* the inserting's result (and message), a text that would
                                  * not come back the same from the stored UTF-16 */
    struct err e;
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

/* One section's tokens recorded, and gathered, as the commit's pass does. */
static void tokenize_job(void *arg)
{
    struct slot *s = arg;
    struct search_aside *a = s->a;
    const char *text = s->bytes, *title = s->bytes + s->ntext + 1;
    s->failed = 0;
    s->mismatch = !round_trips(text, s->ntext) || !round_trips(title, s->ntitle);
    if (s->mismatch)
        return;
    struct tokenizer_tap tap = {gather_token, gather_end, a};
    tokenizer_ahead_clear(s->rec);
    terms_section(a->terms);
    s->failed = tokenizer_ahead_add(s->rec, text, (int)s->ntext, &tap) < 0 ||
                tokenizer_ahead_add(s->rec, title, (int)s->ntitle, &tap) < 0 ||
                a->gather_failed;
}

/* The section inserted with the tokens recorded, once they are. */
static void insert_job(void *arg)
{
    struct slot *s = arg;
    struct search_aside *a = s->a;
    workq_wait(a->tokenize, s->tokenized);
    if (a->rc || a->mismatch)
        return;
    if (s->mismatch) {
        a->mismatch = 1;
        return;
    }
    if (s->failed || array_grow((void **)&a->len, &a->cap_len, a->nlen + 1, sizeof *a->len) < 0) {
        a->rc = -1, err_set(&a->e, "out of memory");
        return;
    }
    const char *text = s->bytes, *title = s->bytes + s->ntext + 1;
    int64_t before = tokenizer_positions();
    sqlite3_bind_int64(a->ins, 1, s->id);
    sqlite3_bind_text(a->ins, 2, text, (int)s->ntext, SQLITE_STATIC);
    sqlite3_bind_text(a->ins, 3, title, (int)s->ntitle, SQLITE_STATIC);
    tokenizer_set_ahead(s->rec);
    int step = sqlite3_step(a->ins);
    tokenizer_set_ahead(NULL);
    sqlite3_reset(a->ins);
    if (step != SQLITE_DONE)
        a->rc = -1, err_set(&a->e, "search index: %s", sqlite3_errmsg(a->db));
    else
        a->len[a->nlen++] = (struct length){s->id, tokenizer_positions() - before};
}

int aside_start(struct search_aside **out, const char *fts_sql, struct err *e)
{
    struct search_aside *a = calloc(1, sizeof *a);
    *out = a;
    int ok = a && word_contexts_new(&a->contexts) == 0 && terms_new(&a->terms) == 0;
    for (size_t i = 0; ok && i < SLOTS; i++)
        ok = tokenizer_ahead_new(&a->slots[i].rec) == 0, a->slots[i].a = a;
    if (!ok) {
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
                      &a->ins, "search index", e) < 0) {
        aside_free(out);
        return -1;
    }
    if (workq_start(&a->tokenize, SLOTS) < 0 || workq_start(&a->insert, SLOTS) < 0) {
        aside_free(out);
        return err_set(e, "out of memory"), -1;
    }
    return 0;
}

int aside_add(struct search_aside *a, int64_t id, const char *text, size_t ntext,
              const char *title, size_t ntitle)
{
    size_t need = ntext + ntitle + 2;
    /* The oldest sections' slots freed until this one's text fits (or none is left). */
    while (a->used == SLOTS || (a->used && a->ahead + need > AHEAD_BYTES)) {
        struct slot *old = &a->slots[a->oldest];
        workq_wait(a->insert, old->inserted);
        a->ahead -= old->ntext + old->ntitle + 2;
        if (old->cap > KEEP_TEXT)
            free(old->bytes), old->bytes = NULL, old->cap = 0;
        tokenizer_ahead_trim(old->rec, KEEP_TOKENS);
        a->oldest = (a->oldest + 1) % SLOTS, a->used--;
    }
    struct slot *s = &a->slots[(a->oldest + a->used) % SLOTS];
    if (array_grow((void **)&s->bytes, &s->cap, need, 1) < 0)
        return -1;
    s->id = id, s->ntext = ntext, s->ntitle = ntitle;
    memcpy(s->bytes, text, ntext);
    s->bytes[ntext] = '\0';
    memcpy(s->bytes + ntext + 1, title, ntitle);
    s->bytes[ntext + 1 + ntitle] = '\0';
    s->tokenized = workq_submit(a->tokenize, tokenize_job, s);
    s->inserted = workq_submit(a->insert, insert_job, s);
    a->used++, a->ahead += need;
    return 0;
}

/* Every job given has run (the inserting one waits for the tokenizing one's). */
static void stop(struct search_aside *a)
{
    workq_stop(&a->insert);
    workq_stop(&a->tokenize);
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

int aside_ready(struct search_aside *a)
{
    stop(a);
    if (a->rc < 0 || a->mismatch)
        return 0;
    /* The commit writes out what FTS5 holds in memory. */
    sqlite3_finalize(a->ins);
    a->ins = NULL;
    return sqlite3_exec(a->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
}

int aside_finish(struct search_aside *a, sqlite3 *db, const char *remake_sql,
                 struct search_lengths *lengths, struct word_contexts **contexts,
                 struct search_terms **terms, struct err *e)
{
    if (store_exec(db, remake_sql, "search index", e) < 0 ||
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

void aside_free(struct search_aside **pa)
{
    struct search_aside *a = *pa;
    if (!a)
        return;
    stop(a);
    sqlite3_finalize(a->ins);
    sqlite3_close(a->db);
    for (size_t i = 0; i < SLOTS; i++)
        tokenizer_ahead_free(&a->slots[i].rec), free(a->slots[i].bytes);
    word_contexts_free(&a->contexts);
    terms_free(&a->terms);
    free(a->len);
    free(a);
    *pa = NULL;
}
