/* relations_store.c — the relation table: recomputed for every document at each import's
 * commit, read back per section. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/relations_store.h"
#include "gongfu/workq.h"

/* The pairs, and what reading them needs to compute the phrases they share (relations_read.c):
 * each bigram term a related pair shares with its df, and the number of sections. The pairs
 * name their nodes without a foreign key: the table is computed whole at every commit from
 * the nodes there are, and the key's two searches of node for every pair written were a
 * third of writing it (callgrind, 10x). */
static const char schema[] =
    "CREATE TABLE IF NOT EXISTS relation(from_node INTEGER NOT NULL,"
    "  to_node INTEGER NOT NULL, score REAL NOT NULL,"
    "  PRIMARY KEY(from_node, to_node)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS relation_df(term TEXT PRIMARY KEY, df INTEGER NOT NULL)"
    "  WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS relation_info(sections INTEGER NOT NULL);";

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "relations", e);
}

static int hook_create(void *ctx, sqlite3 *db, struct err *e)
{
    (void)ctx;
    return store_exec(db, schema, "relations", e);
}

/* ---- the import's model ---- */

/* An import whose sections are all the sections there are (into a new or empty database:
 * the one that takes long) builds the model as it stores them, from the text it has (no
 * second reading of every section back from the tables, no second conversion from the
 * stored UTF-16), in the order relations_recompute would read them: by document, which
 * the import numbers in increasing order, each document's sections in order. Its weighing
 * and scoring then run on a thread of their own while the search index is written
 * (hook_precommit), and the commit writes the pairs. Anything that would make the tables'
 * reading differ (a section of an earlier import, a document deleted, a text that the
 * stored UTF-16 would not give back byte for byte) turns this off: the commit then
 * recomputes from the tables, as every import did before. The feeding itself (tokenizing
 * each section: a sixth of a 10x import's own thread) runs on the model's worker, the
 * sections' copies given in order; the weighing and scoring are its last job. */
enum { IDLE, FEEDING, OFF };

struct rel_import {
    sqlite3 *db;                 /* the connection the state is of */
    int state;
    struct relations *m;
    int64_t last_doc;
    int64_t *node_id;            /* section i of the model is node node_id[i] */
    size_t n, cap;
    struct workq *q;             /* the feeding, then the weighing and scoring */
    struct relations_scores *scores;
    int rc;                      /* the worker's result, and its message */
    int mismatch;                /* the worker met a text that does not round-trip */
    int scoring;                 /* the scoring was given to the worker (precommit) */
    struct err e;
};

/* The sections given to the worker and not yet fed (a bound on the copies held). */
#define FEED_AHEAD 64
static struct rel_import import_state;
static int last_fed;             /* relations_import_fed */

int relations_import_fed(void)
{
    return last_fed;
}

static void forget(struct rel_import *r)
{
    workq_stop(&r->q);           /* a scoring still running is waited for */
    relations_scores_free(&r->scores);
    relations_free(&r->m);
    free(r->node_id);
    *r = (struct rel_import){0};
}

/* The model dropped for the rest of the transaction: the commit recomputes. */
static void turn_off(struct rel_import *r)
{
    sqlite3 *db = r->db;
    forget(r);
    r->db = db, r->state = OFF;
}

static int kind_code(const char *k)
{
    return !strcmp(k, "preamble") ? NODE_PREAMBLE : !strcmp(k, "chapter") ? NODE_CHAPTER : NODE_ITEM;
}

/* Text that SQLite's UTF-16 gives back as the same bytes: valid UTF-8 (no surrogates). */
static int round_trips(const char *s)
{
    return !s || !u8_check((const uint8_t *)s, strlen(s));
}

/* One section for the worker to feed the model: its own copy of the title and text. */
struct feed {
    struct rel_import *r;
    struct relations_section s;
    char bytes[];
};

static void feed_job(void *arg)
{
    struct feed *f = arg;
    struct rel_import *r = f->r;
    if (r->rc == 0 && !r->mismatch) {
        if (!round_trips(f->s.title) || !round_trips(f->s.text))
            r->mismatch = 1;
        else
            r->rc = relations_stream_add(r->m, &f->s, &r->e);
    }
    free(f);
}

static int hook_section(void *ctx, sqlite3 *db, int64_t node_id, int64_t doc_id,
                        const struct doc *d, size_t node_index, const char *title,
                        const char *text, struct err *e)
{
    struct rel_import *r = ctx;
    if (r->db != db)
        forget(r), r->db = db;
    if (r->state == OFF)
        return 0;
    if (r->state == IDLE) {
        if (store_others_stored(db, doc_id))
            return turn_off(r), 0;
        if (relations_stream_begin(&r->m, e) < 0 || workq_start(&r->q, FEED_AHEAD) < 0)
            return relations_free(&r->m), err_set(e, "out of memory"), -1;
        r->state = FEEDING, r->last_doc = doc_id;
    }
    if (doc_id < r->last_doc || doc_id > INT_MAX)
        return turn_off(r), 0;
    r->last_doc = doc_id;
    title = title ? title : "", text = text ? text : "";
    size_t ntitle = strlen(title) + 1, ntext = strlen(text) + 1;
    struct feed *f = malloc(sizeof *f + ntitle + ntext);
    if (!f || array_grow((void **)&r->node_id, &r->cap, r->n + 1, sizeof *r->node_id) < 0)
        return free(f), err_set(e, "out of memory"), -1;
    r->node_id[r->n++] = node_id;
    memcpy(f->bytes, title, ntitle);
    memcpy(f->bytes + ntitle, text, ntext);
    f->r = r;
    f->s = (struct relations_section){(int)doc_id, kind_code(node_kind_name(d->nodes[node_index].kind)),
                                      f->bytes, f->bytes + ntitle};
    workq_submit(r->q, feed_job, f);
    return 0;
}

static void score_job(void *arg)
{
    struct rel_import *r = arg;
    if (r->rc == 0 && !r->mismatch)
        r->rc = relations_stream_end(r->m, &r->e);
    if (r->rc == 0 && !r->mismatch)
        r->rc = relations_pairs_score(r->m, RELATIONS_FACTOR, &r->scores, &r->e);
}

static int hook_precommit(void *ctx, sqlite3 *db, struct err *e)
{
    struct rel_import *r = ctx;
    (void)e;
    if (r->db == db && r->state == FEEDING)
        workq_submit(r->q, score_job, r), r->scoring = 1;
    return 0;
}

/* Every row goes: the commit that ends this transaction computes the table again whole
 * (hook_commit), and with no row left the document's nodes are deleted without the
 * foreign key's search of the table for each one that a table of an earlier gongfu has
 * (it has no index by to_node: nothing reads it that way). A document deleted while the
 * import's model is fed is in it. */
static int hook_delete_doc(void *ctx, sqlite3 *db, int64_t doc_id, struct err *e)
{
    struct rel_import *r = ctx;
    (void)doc_id;
    if (r->db == db && r->state == FEEDING)
        turn_off(r);
    if (!relations_stored(db))       /* made before relations: the commit creates the table */
        return 0;
    return store_exec(db, "DELETE FROM relation", "relations", e);
}

static int write_model(sqlite3 *db, struct relations *m, struct relations_scores **sc,
                       const int64_t *node_id, size_t n, struct err *e);

static int hook_commit(void *ctx, sqlite3 *db, struct err *e)
{
    struct rel_import *r = ctx;
    int rc;
    if (r->db == db && r->state == FEEDING)
        workq_stop(&r->q);           /* every section fed, and the scoring done */
    last_fed = r->db == db && r->state == FEEDING && r->scoring && !r->mismatch;
    if (last_fed) {
        if ((rc = r->rc) < 0)
            err_set(e, "%s", r->e.msg);
        else
            rc = write_model(db, r->m, &r->scores, r->node_id, r->n, e);
    } else {
        rc = relations_recompute(db, e);
    }
    forget(r);
    return rc;
}

static void hook_rollback(void *ctx, sqlite3 *db)
{
    struct rel_import *r = ctx;
    if (r->db == db)
        forget(r);
}

const struct store_hooks relations_hooks = {
    .ctx = &import_state,
    .on_create = hook_create,
    .on_section = hook_section,
    .on_delete_doc = hook_delete_doc,
    .on_rollback = hook_rollback,
    .on_precommit = hook_precommit,
    .on_commit = hook_commit,
};

/* ---- the sections ---- */

static char *dup_col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

/* Every section, grouped by document in increasing order (what lets the import's model
 * keep its vectors in a file: relations_build_stream). */
static const char sections_sql[] =
    "SELECT s.id, s.doc_id, s.kind, s.title, (SELECT group_concat(text, "
    "char(10)) FROM (SELECT text FROM node p WHERE p.parent_id = s.id AND "
    "p.kind = 'paragraph' ORDER BY p.seq)) FROM node s WHERE s.kind != 'paragraph' "
    "ORDER BY s.doc_id, s.seq";

int relations_corpus_load(sqlite3 *db, struct relations_corpus *c, struct err *e)
{
    sqlite3_stmt *st;
    *c = (struct relations_corpus){0};
    if (prepare(db, sections_sql, &st, e) < 0)
        return -1;
    size_t cap = 0, cap2 = 0;
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (array_grow((void **)&c->secs, &cap, c->n + 1, sizeof *c->secs) < 0 ||
            array_grow((void **)&c->node_id, &cap2, c->n + 1, sizeof *c->node_id) < 0) {
            rc = -1;
            break;
        }
        struct relations_section *s = &c->secs[c->n];
        c->node_id[c->n] = sqlite3_column_int64(st, 0);
        s->doc = (int)sqlite3_column_int64(st, 1);
        s->kind = kind_code((const char *)sqlite3_column_text(st, 2));
        s->title = dup_col(st, 3);
        s->text = dup_col(st, 4);
        c->n++;
        if (!s->title || !s->text)
            rc = -1;
    }
    if (rc == 0 && step != SQLITE_DONE) {
        err_set(e, "relations: %s", sqlite3_errmsg(db));
        rc = -2;
    }
    sqlite3_finalize(st);
    if (rc == -1)
        err_set(e, "out of memory");
    if (rc < 0)
        relations_corpus_free(c);
    return rc < 0 ? -1 : 0;
}

void relations_corpus_free(struct relations_corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free((char *)c->secs[i].title), free((char *)c->secs[i].text);
    free(c->secs), free(c->node_id);
    *c = (struct relations_corpus){0};
}

/* ---- recomputing ---- */

/* The sections as the statement reads them, one at a time, their node ids kept. */
struct section_reader {
    sqlite3 *db;
    sqlite3_stmt *st;
    int64_t *node_id;
    size_t n, cap;
};

static int next_section(void *ctx, struct relations_section *s, struct err *e)
{
    struct section_reader *r = ctx;
    int step = sqlite3_step(r->st);
    if (step == SQLITE_DONE)
        return 0;
    if (step != SQLITE_ROW)
        return err_set(e, "relations: %s", sqlite3_errmsg(r->db)), -1;
    if (array_grow((void **)&r->node_id, &r->cap, r->n + 1, sizeof *r->node_id) < 0)
        return err_set(e, "out of memory"), -1;
    r->node_id[r->n++] = sqlite3_column_int64(r->st, 0);
    s->doc = (int)sqlite3_column_int64(r->st, 1);
    s->kind = kind_code((const char *)sqlite3_column_text(r->st, 2));
    const unsigned char *title = sqlite3_column_text(r->st, 3);
    const unsigned char *text = sqlite3_column_text(r->st, 4);
    s->title = title ? (const char *)title : "";
    s->text = text ? (const char *)text : "";
    return 1;
}

/* The pairs written ROWS to a statement (store_prepare_rows), the last few one by one. */
#define ROWS 32

struct pair_insert {
    sqlite3 *db;
    sqlite3_stmt *one, *many;
    const int64_t *node_id;
    struct err *e;
    struct { int64_t from, to; double score; } row[ROWS];
    int n;
};

/* The rows held written: n of them with `many`, else each with `one`. */
static int flush_pairs(struct pair_insert *x)
{
    sqlite3_stmt *st = x->n == ROWS ? x->many : x->one;
    for (int i = 0, p = 1; i < x->n; i++) {
        sqlite3_bind_int64(st, p++, x->row[i].from);
        sqlite3_bind_int64(st, p++, x->row[i].to);
        sqlite3_bind_double(st, p++, x->row[i].score);
        if (st == x->many && i + 1 < x->n)
            continue;
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return err_set(x->e, "relations: %s", sqlite3_errmsg(x->db)), -1;
        p = 1;
    }
    x->n = 0;
    return 0;
}

static int insert_pair(void *ctx, const struct relations_pair *p)
{
    struct pair_insert *x = ctx;
    x->row[x->n].from = x->node_id[p->from];
    x->row[x->n].to = x->node_id[p->to];
    x->row[x->n].score = p->score;
    return ++x->n == ROWS ? flush_pairs(x) : 0;
}

struct df_insert {
    sqlite3 *db;
    sqlite3_stmt *one, *many;
    struct err *e;
    struct { const char *term; size_t len; uint32_t df; } row[ROWS];   /* the model's bytes */
    int n;
};

static int flush_terms(struct df_insert *x)
{
    sqlite3_stmt *st = x->n == ROWS ? x->many : x->one;
    for (int i = 0, p = 1; i < x->n; i++) {
        sqlite3_bind_text(st, p++, x->row[i].term, (int)x->row[i].len, SQLITE_STATIC);
        sqlite3_bind_int64(st, p++, x->row[i].df);
        if (st == x->many && i + 1 < x->n)
            continue;
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return err_set(x->e, "relations: %s", sqlite3_errmsg(x->db)), -1;
        p = 1;
    }
    x->n = 0;
    return 0;
}

static int insert_df(void *ctx, const char *term, size_t len, uint32_t df)
{
    struct df_insert *x = ctx;
    x->row[x->n].term = term, x->row[x->n].len = len, x->row[x->n].df = df;
    return ++x->n == ROWS ? flush_terms(x) : 0;
}

static int insert_terms(sqlite3 *db, const struct relations *m, size_t sections, struct err *e)
{
    struct df_insert x = {db, NULL, NULL, e, {{0}}, 0};
    sqlite3_stmt *st;
    e->msg[0] = '\0';
    if (prepare(db, "INSERT INTO relation_df(term, df) VALUES(?,?)", &x.one, e) < 0 ||
        store_prepare_rows(db, "INSERT INTO relation_df(term, df) VALUES", "(?,?)", ROWS, &x.many,
                           "relations", e) < 0) {
        sqlite3_finalize(x.one);
        return -1;
    }
    int rc = relations_each_shared_df(m, insert_df, &x);
    if (rc == 0)
        rc = flush_terms(&x);
    if (rc && !e->msg[0])
        err_set(e, "out of memory");
    sqlite3_finalize(x.one), sqlite3_finalize(x.many);
    if (rc == 0 && prepare(db, "INSERT INTO relation_info(sections) VALUES(?)", &st, e) == 0) {
        sqlite3_bind_int64(st, 1, (sqlite3_int64)sections);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = -1, err_set(e, "relations: %s", sqlite3_errmsg(db));
        sqlite3_finalize(st);
    } else if (rc == 0) {
        rc = -1;
    }
    return rc;
}

/* The tables made anew (a table from before, with the phrases stored, takes this form)
 * and filled from model m of the sections node_id[0 .. n): its pairs (scored already when
 * *sc is given) and the terms they share. */
static int write_model(sqlite3 *db, struct relations *m, struct relations_scores **sc,
                       const int64_t *node_id, size_t n, struct err *e)
{
    struct pair_insert x = {db, NULL, NULL, node_id, e, {{0}}, 0};
    if (store_exec(db, "DROP TABLE IF EXISTS relation; DROP TABLE IF EXISTS relation_df;"
                   "DROP TABLE IF EXISTS relation_info;", "relations", e) < 0 ||
        store_exec(db, schema, "relations", e) < 0 ||
        prepare(db, "INSERT INTO relation(from_node, to_node, score) VALUES(?,?,?)", &x.one, e) < 0 ||
        store_prepare_rows(db, "INSERT INTO relation(from_node, to_node, score) VALUES", "(?,?,?)",
                           ROWS, &x.many, "relations", e) < 0) {
        sqlite3_finalize(x.one);
        return -1;
    }
    int rc = sc ? relations_pairs_emit(m, sc, insert_pair, &x, e)
                : relations_pairs_each(m, RELATIONS_FACTOR, insert_pair, &x, e);
    if (rc == 0)
        rc = flush_pairs(&x);
    sqlite3_finalize(x.one), sqlite3_finalize(x.many);
    if (rc)
        return -1;
    return insert_terms(db, m, n, e);
}

int relations_recompute(sqlite3 *db, struct err *e)
{
    /* The sections are read as they are tokenized and the pairs written as they are found:
     * neither the corpus's text nor its pairs are ever held whole. */
    struct section_reader r = {db, NULL, NULL, 0, 0};
    struct relations_source src = {next_section, &r};
    struct relations *m = NULL;
    int rc = prepare(db, sections_sql, &r.st, e);
    if (rc == 0)
        rc = relations_build_stream(&src, &m, e);
    sqlite3_finalize(r.st);
    if (rc == 0)
        rc = write_model(db, m, NULL, r.node_id, r.n, e);
    relations_free(&m);
    free(r.node_id);
    return rc;
}
