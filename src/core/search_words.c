/* search_words.c — the search_word table and the pinyin reader over it. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/pinyin.h"
#include "gongfu/pinyin_words.h"
#include "gongfu/store.h"
#include "gongfu/tokenizer.h"
#include "search_terms.h"
#include "search_words.h"
#include "gongfu/word_contexts.h"

#define MIN_PHRASE 3     /* characters: shorter runs are terms of the index already */

int words_create(sqlite3 *db, struct err *e)
{
    return store_exec(db, "CREATE TABLE IF NOT EXISTS search_word(word TEXT PRIMARY KEY, "
                      "sections INTEGER NOT NULL, contexts INTEGER NOT NULL DEFAULT 0) "
                      "WITHOUT ROWID", "search index", e);
}

/* How many sections hold the folded phrase s; -1 on an error. */
static int64_t phrase_sections(sqlite3_stmt *count, const char *s, struct err *e)
{
    struct query *q;
    if (query_parse(s, NULL, &q, e) < 0)
        return -1;
    int64_t n = 0;
    if (q->fts) {
        sqlite3_bind_text(count, 1, q->fts, -1, SQLITE_STATIC);
        if (sqlite3_step(count) == SQLITE_ROW)
            n = sqlite3_column_int64(count, 0);
        else
            n = -1, err_set(e, "search index: %s", sqlite3_errmsg(sqlite3_db_handle(count)));
        sqlite3_reset(count);
    }
    query_free(&q);
    return n;
}

/* Adds the runs of Chinese characters of a catalogue phrase that the documents hold. */
static int add_phrase_runs(sqlite3_stmt *count, sqlite3_stmt *put, const char *phrase,
                           struct err *e)
{
    char *f = fold_utf8(phrase, strlen(phrase), NULL, NULL);
    if (!f)
        return err_set(e, "out of memory"), -1;
    int rc = 0;
    for (size_t i = 0, n = strlen(f); i < n && rc == 0;) {
        size_t start = i, chars = 0;
        struct pinyin_reading r[PINYIN_MAX_READINGS];
        uint32_t c;
        size_t len;
        while (i < n && (len = fold_decode(f + i, n - i, &c)) && pinyin_readings(c, r))
            i += len, chars++;
        if (chars >= MIN_PHRASE) {
            char save = f[i];
            f[i] = 0;
            int64_t k = phrase_sections(count, f + start, e);
            if (k < 0)
                rc = -1;
            else if (k > 0) {
                sqlite3_bind_text(put, 1, f + start, -1, SQLITE_STATIC);
                sqlite3_bind_int64(put, 2, k);
                if (sqlite3_step(put) != SQLITE_DONE)
                    rc = -1, err_set(e, "search index: %s",
                                     sqlite3_errmsg(sqlite3_db_handle(put)));
                sqlite3_reset(put);
            }
            f[i] = save;
        }
        if (!chars && i < n)
            i += fold_decode(f + i, n - i, &c);
    }
    free(f);
    return rc;
}

/* The catalogue's names and phrasings, when the database has a catalogue. */
static int add_catalogue(sqlite3 *db, struct err *e)
{
    sqlite3_stmt *names = NULL, *count = NULL, *put = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name FROM indicator UNION SELECT phrase FROM "
                           "indicator_alias", -1, &names, NULL) != SQLITE_OK)
        return 0;
    int rc = store_prepare(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
                           &count, "search index", e) ||
             store_prepare(db, "INSERT OR REPLACE INTO search_word(word, sections) VALUES(?, ?)", &put,
                           "search index", e) ? -1 : 0;
    int step;
    while (rc == 0 && (step = sqlite3_step(names)) == SQLITE_ROW)
        rc = add_phrase_runs(count, put, (const char *)sqlite3_column_text(names, 0), e);
    if (rc == 0 && step != SQLITE_DONE)
        rc = -1, err_set(e, "search index: %s", sqlite3_errmsg(db));
    sqlite3_finalize(names), sqlite3_finalize(count), sqlite3_finalize(put);
    return rc;
}

/* contexts_of(term): the term's contexts in the table given as the function's data. */
static void contexts_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    const struct word_contexts *t = sqlite3_user_data(c);
    const char *term = (const char *)sqlite3_value_text(v[0]);
    sqlite3_result_int(c, term ? (int)word_contexts_of(t, term, (size_t)sqlite3_value_bytes(v[0]))
                               : 0);
}

/* The counted terms into search_word, with their contexts, ROWS to a statement
 * (store_prepare_rows), the last few one by one. */
#define ROWS 32

struct put_term {
    sqlite3_stmt *one, *many;
    const struct word_contexts *contexts;
    int failed;                 /* a database error (else terms_each ran out of memory) */
    struct { const char *term; size_t n; int64_t sections; } row[ROWS];  /* the terms' bytes */
    int nrows;
};

static int flush_terms(struct put_term *p)
{
    sqlite3_stmt *st = p->nrows == ROWS ? p->many : p->one;
    for (int i = 0, k = 1; i < p->nrows; i++) {
        sqlite3_bind_text(st, k++, p->row[i].term, (int)p->row[i].n, SQLITE_STATIC);
        sqlite3_bind_int64(st, k++, p->row[i].sections);
        sqlite3_bind_int(st, k++, (int)word_contexts_of(p->contexts, p->row[i].term, p->row[i].n));
        if (st == p->many && i + 1 < p->nrows)
            continue;
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return p->failed = 1, -1;
        k = 1;
    }
    p->nrows = 0;
    return 0;
}

static int put_term(void *ctx, const char *term, size_t n, int64_t sections)
{
    struct put_term *p = ctx;
    p->row[p->nrows].term = term, p->row[p->nrows].n = n, p->row[p->nrows].sections = sections;
    return ++p->nrows == ROWS ? flush_terms(p) : 0;
}

static int add_counted(sqlite3 *db, const struct word_contexts *contexts,
                       const struct search_terms *terms, struct err *e)
{
    struct put_term p = {NULL, NULL, contexts, 0, {{0}}, 0};
    if (store_prepare(db, "INSERT INTO search_word(word, sections, contexts) VALUES(?, ?, ?)",
                      &p.one, "search index", e) < 0 ||
        store_prepare_rows(db, "INSERT INTO search_word(word, sections, contexts) VALUES",
                           "(?, ?, ?)", ROWS, &p.many, "search index", e) < 0) {
        sqlite3_finalize(p.one);
        return -1;
    }
    int rc = terms_each(terms, put_term, &p);
    if (rc == 0)
        rc = flush_terms(&p);
    if (rc < 0 && p.failed)
        err_set(e, "search index: %s", sqlite3_errmsg(db));
    else if (rc < 0)
        err_set(e, "out of memory");
    sqlite3_finalize(p.one), sqlite3_finalize(p.many);
    return rc < 0 ? -1 : 0;
}

/* Each two-character term's contexts (word_contexts.h): given, or from every section's
 * text and title as the index reads them; then every term of the index with its sections
 * and contexts. */
static int add_terms(sqlite3 *db, const struct word_contexts *given, struct err *e)
{
    struct word_contexts *t = NULL;
    int rc = 0;
    if (!given) {
        sqlite3_stmt *text = NULL;
        if (word_contexts_new(&t) < 0)
            return err_set(e, "out of memory"), -1;
        rc = store_prepare(db, "SELECT text, title FROM search_text", &text, "search index", e);
        int step;
        while (rc == 0 && (step = store_step(text, "search index", e)) != 0)
            for (int col = 0; col < 2 && rc == 0; col++)
                if (step < 0 ||
                    word_contexts_add(t, (const char *)sqlite3_column_text(text, col),
                                      (size_t)sqlite3_column_bytes(text, col)) < 0)
                    rc = step < 0 ? -1 : (err_set(e, "out of memory"), -1);
        sqlite3_finalize(text);
        given = t;
    }
    if (rc == 0 && sqlite3_create_function(db, "gongfu_contexts", 1, SQLITE_UTF8,
                                           (void *)given, contexts_fn, NULL, NULL) != SQLITE_OK)
        rc = -1, err_set(e, "search index: %s", sqlite3_errmsg(db));
    if (rc == 0)
        rc = store_exec(db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING "
                        "fts5vocab(main, search_fts, row);"
                        "INSERT INTO search_word(word, sections, contexts) SELECT term, "
                        "doc, gongfu_contexts(term) FROM temp.search_vocab", "search index", e);
    sqlite3_create_function(db, "gongfu_contexts", 1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
    word_contexts_free(&t);
    return rc;
}

int words_rebuild(sqlite3 *db, const struct word_contexts *contexts,
                  const struct search_terms *terms, struct err *e)
{
    /* A table from before the contexts column is made again. */
    sqlite3_stmt *probe = NULL;
    int old = sqlite3_prepare_v2(db, "SELECT contexts FROM search_word", -1, &probe, NULL) !=
              SQLITE_OK;
    sqlite3_finalize(probe);
    return (old && store_exec(db, "DROP TABLE IF EXISTS search_word", "search index", e)) ||
           words_create(db, e) || store_exec(db, "DELETE FROM search_word;", "search index", e) ||
           (contexts && terms ? add_counted(db, contexts, terms, e) : add_terms(db, contexts, e)) ||
           add_catalogue(db, e) ? -1 : 0;
}

/* ---- reading ---- */

struct words {
    sqlite3 *db;
    sqlite3_stmt *lookup, *exists;
    struct pinyin_words *list;     /* loaded on first use */
    struct pinyin_candidate cand[QUERY_MAX_READINGS];
    struct err *e;                 /* of the call in progress */
    int force;
};

int words_open(sqlite3 *db, struct words **out, struct err *e)
{
    struct words *w = calloc(1, sizeof *w);
    if (!(*out = w))
        return err_set(e, "out of memory"), -1;
    w->db = db;
    /* No table (a database from before it): nothing is read as pinyin. */
    if (sqlite3_prepare_v3(db, "SELECT sections FROM search_word WHERE word = ?", -1,
                           SQLITE_PREPARE_PERSISTENT, &w->lookup, NULL) != SQLITE_OK)
        return 0;
    return store_prepare(db, "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1",
                         &w->exists, "search index", e);
}

void words_close(struct words **pw)
{
    struct words *w = *pw;
    if (!w)
        return;
    sqlite3_finalize(w->lookup), sqlite3_finalize(w->exists);
    pinyin_words_free(&w->list);
    free(w);
    *pw = NULL;
}

int words_available(const struct words *w)
{
    return w && w->lookup;
}

struct lit {
    struct words *w;
    double min;
    int ntok, failed;
};

static int on_literal_token(void *ctx, int flags, const char *tok, int ntok, int start,
                            int end)
{
    (void)flags, (void)start, (void)end;
    struct lit *l = ctx;
    sqlite3_stmt *st = l->w->lookup;
    sqlite3_bind_text(st, 1, tok, ntok, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    double n = rc == SQLITE_ROW ? sqlite3_column_double(st, 0) : 0;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        err_set(l->w->e, "search: %s", sqlite3_errmsg(l->w->db));
        l->failed = 1;
    }
    sqlite3_reset(st);
    if (!l->ntok++ || n < l->min)
        l->min = n;
    return l->failed;
}

/* The sections of the rarest token of text: an upper bound of the sections holding all. */
static double literal(void *ctx, const char *text, size_t n, struct err *e)
{
    struct words *w = ctx;
    struct lit l = {w, 0, 0, 0};
    if (!w->lookup)
        return 0;
    w->e = e;
    tokenizer_run(text, (int)n, TOKENIZER_QUERY, on_literal_token, &l);
    return l.failed ? -1 : l.min;
}

static int exists(void *ctx, const char *s, size_t n)
{
    struct words *w = ctx;
    struct query *q;
    char *z = strndup(s, n);
    if (!z || query_parse(z, NULL, &q, w->e) < 0) {
        free(z);
        return err_set(w->e, "out of memory"), -1;
    }
    free(z);
    int found = 0, rc = SQLITE_DONE;
    if (q->fts) {
        sqlite3_bind_text(w->exists, 1, q->fts, -1, SQLITE_STATIC);
        found = (rc = sqlite3_step(w->exists)) == SQLITE_ROW;
        sqlite3_reset(w->exists);
    }
    query_free(&q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return err_set(w->e, "search: %s", sqlite3_errmsg(w->db)), -1;
    return found;
}

static int load(struct words *w)
{
    sqlite3_stmt *st;
    /* A database from before the contexts column ranks by sections alone. */
    if (sqlite3_prepare_v2(w->db, "SELECT word, sections, contexts FROM search_word", -1, &st,
                           NULL) != SQLITE_OK &&
        store_prepare(w->db, "SELECT word, sections, 0 FROM search_word", &st, "search index",
                      w->e) < 0)
        return -1;
    int rc = pinyin_words_new(&w->list), step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = pinyin_words_add(w->list, (const char *)sqlite3_column_text(st, 0),
                              (size_t)sqlite3_column_bytes(st, 0), sqlite3_column_double(st, 1),
                              (unsigned)sqlite3_column_int(st, 2));
    if (rc == 0 && step != SQLITE_DONE) {
        err_set(w->e, "search index: %s", sqlite3_errmsg(w->db));
        rc = -1;
    } else if (rc || pinyin_words_finish(w->list)) {
        err_set(w->e, "out of memory");
        rc = -1;
    }
    sqlite3_finalize(st);
    if (rc)
        pinyin_words_free(&w->list);
    return rc;
}

static int read_pinyin(void *ctx, const char *text, size_t n, struct query_word *out, int max,
                       struct err *e)
{
    struct words *w = ctx;
    struct pinyin_key k;
    w->e = e;
    if (!w->lookup || !pinyin_key_parse(text, n, &k))
        return 0;
    if (!w->list && load(w) < 0)
        return -1;
    if (max > QUERY_MAX_READINGS)
        max = QUERY_MAX_READINGS;
    int got = pinyin_words_find(w->list, &k, exists, w, w->cand, (size_t)max);
    if (got < 0)
        return err_set(e, "out of memory"), -1;
    for (int i = 0; i < got; i++)
        out[i] = (struct query_word){w->cand[i].s, w->cand[i].n, w->cand[i].sections};
    return got;
}

void words_reader(struct words *w, int force, struct query_reader *r)
{
    *r = (struct query_reader){w, force, NULL, 0, literal, read_pinyin};
}
