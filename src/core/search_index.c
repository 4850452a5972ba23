/* search_index.c — the section index the store's hooks keep up to date: an FTS5 table over
 * the stored sections, their lengths, the word list, and the format they were built in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "gongfu/search.h"
#include "gongfu/store.h"
#include "gongfu/tokenizer.h"
#include "gongfu/word_contexts.h"
#include "gongfu/workq.h"
#include "search_aside.h"
#include "search_index.h"
#include "search_lengths.h"
#include "search_rank.h"
#include "search_terms.h"
#include "search_words.h"

/* Bumped when the tables below change shape (3: the lengths in one blob, search_lengths.h,
 * not a row per section in search_len). */
#define INDEX_LAYOUT 3

static int exec(sqlite3 *db, const char *sql, struct err *e)
{
    return store_exec(db, sql, "search index", e);
}

const char *search_index_format(void)
{
    static char format[96];
    if (!format[0])
        snprintf(format, sizeof format, "layout %d, tokens %d, fold table %s", INDEX_LAYOUT,
                 TOKENIZER_FORMAT, fold_table_id());
    return format;
}

/* A section's text is kept once, in its paragraphs (node.text): the index reads it through
 * this view (FTS5 external content), joined as store_section_text joins it. Text comes first
 * in the index: FTS5 marks every hit outside column 0, and text hits are most of them (the
 * index is about 30% smaller than with the title first). FTS5 keeps no lengths of its own
 * (columnsize=0): search_lengths holds them for ranking (search_lengths.h). */
#define FTS_SQL                                                                           \
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, title, tokenize='" TOKENIZER_NAME "',"  \
    "  content='search_text', content_rowid='id', columnsize=0);"
static const char create_sql[] =
    "CREATE VIEW search_text(id, text, title) AS SELECT s.id,"
    "  coalesce((SELECT group_concat(p.text, char(10)) FROM (SELECT text FROM node p"
    "    WHERE p.parent_id = s.id AND p.kind = 'paragraph' ORDER BY p.seq) p), ''),"
    "  coalesce(s.title, '') FROM node s WHERE s.kind <> 'paragraph';"
    FTS_SQL
    "INSERT INTO search_fts(search_fts, rank) VALUES('hashsize', 33554432);";
/* The table made again, empty, for the rows of an index built aside (search_aside.h): a new
 * table, of which FTS5 holds nothing in memory from before (it keeps what it read of its
 * own rows for the connection's life, and would not see them replaced). */
static const char remake_sql[] = "DROP TABLE search_fts;" FTS_SQL;

static int record_format(sqlite3 *db, struct err *e)
{
    sqlite3_stmt *st;
    if (store_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('" INDEX_FORMAT_KEY
                      "', ?)", &st, "search index", e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, search_index_format(), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    if (rc)
        err_set(e, "search index: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

static int create(sqlite3 *db, struct err *e)
{
    return exec(db, create_sql, e) || lengths_create(db, e) || words_create(db, e) ||
           record_format(db, e) ? -1 : 0;
}

int search_index_stored_format(sqlite3 *db, char *out, size_t cap)
{
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = '" INDEX_FORMAT_KEY "'", -1,
                           &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* ---- the hooks' state: per connection, whether its index is current or stale ---- */

enum { UNKNOWN, CURRENT, STALE };

/* lengths: the sections a current index holds, loaded at the transaction's first use and
 * written back at its commit. */
struct index_state {
    sqlite3 *db;
    int state;
    struct search_lengths *lengths;
    /* An import into an empty index builds it aside as it stores the sections
     * (search_aside.h) unless it cannot (aside_off): sections there before, a document
     * deleted, ids out of order. */
    struct search_aside *aside;
    int aside_off;
    int64_t last_id;
    char *text;                  /* a section's text as search_text joins it */
    size_t text_cap;
};

static struct index_state hook_state;
static int last_aside;           /* search_index_built_aside */

int search_index_built_aside(void)
{
    return last_aside;
}

static void forget(struct index_state *is)
{
    is->db = NULL, is->state = UNKNOWN;
    lengths_free(&is->lengths);
    aside_free(&is->aside);
    is->aside_off = 0, is->last_id = 0;
}

/* The state of db's index, found out on first use in a transaction. A stale index (of
 * another format, or an older gongfu's that recorded none) is left alone until the commit,
 * which makes it anew (no table can be dropped while the store reads the documents it
 * replaces). */
static int state_of(struct index_state *is, sqlite3 *db, struct err *e)
{
    if (is->db == db && is->state != UNKNOWN)
        return is->state;
    forget(is);
    char stored[128];
    int rc = search_index_stored_format(db, stored, sizeof stored);
    if (rc < 0)
        return err_set(e, "search index: %s", sqlite3_errmsg(db)), -1;
    int state = rc == 0 && !strcmp(stored, search_index_format()) ? CURRENT : STALE;
    if (state == CURRENT && lengths_load(db, &is->lengths, e) < 0)
        return -1;
    is->db = db, is->state = state;
    return state;
}

int search_reindex(sqlite3 *db, struct err *e)
{
    (void)e;
    forget(&hook_state);
    hook_state.db = db, hook_state.state = STALE;
    return 0;
}

/* gongfu_indexed(id): whether the index holds section id, for the pass that indexes the
 * others (index_pending). */
static void indexed_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    const struct index_state *is = sqlite3_user_data(ctx);
    (void)nval;
    sqlite3_result_int(ctx, is->lengths && lengths_has(is->lengths, sqlite3_value_int64(val[0])));
}

/* ---- writing ---- */

/* Indexes one section with the statement ins (rowid, text, title): text and title are
 * UTF-16BE, the database's encoding, so SQLite binds them without translating them
 * (FTS5 has them in UTF-8 once, to tokenize; bound in UTF-8 they would be translated to
 * UTF-16 and back). Keeps its length. */
static int put(struct index_state *is, sqlite3 *db, sqlite3_stmt *ins, int64_t id,
               const void *text, size_t ntext, const void *title, size_t ntitle,
               struct err *e)
{
    int64_t before = tokenizer_positions();
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text64(ins, 2, ntext ? text : "", ntext, SQLITE_STATIC, SQLITE_UTF16BE);
    sqlite3_bind_text64(ins, 3, ntitle ? title : "", ntitle, SQLITE_STATIC, SQLITE_UTF16BE);
    int rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    if (rc != SQLITE_DONE)
        return err_set(e, "search index: %s", sqlite3_errmsg(db)), -1;
    if (lengths_add(is->lengths, id, tokenizer_positions() - before) < 0)
        return err_set(e, "out of memory"), -1;
    return 0;
}

/* The two-character terms' contexts, and every term's sections, gathered from the tokens
 * FTS5 has as it indexes. */
struct gather {
    struct word_contexts *contexts;
    struct search_terms *terms;
    int failed;
};

static void gather_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct gather *g = ctx;
    if (word_contexts_token(g->contexts, flags, tok, ntok, start, end) < 0 ||
        terms_token(g->terms, tok, (size_t)ntok) < 0)
        g->failed = 1;
}

static void gather_end(void *ctx)
{
    struct gather *g = ctx;
    if (word_contexts_end(g->contexts) < 0)
        g->failed = 1;
}

/* The text of the view search_text for one section: its paragraphs' texts in their order
 * joined by a line end, as group_concat joins them (a NULL is left out, with its line end),
 * in UTF-16BE as they are stored. Read from the node table rather than the view, whose
 * group_concat translates every paragraph to UTF-8 and the whole back (at 10x the corpus,
 * that and binding the text in UTF-8 were 4% of the import's instructions). */
struct utf16 {
    unsigned char *b;
    size_t n, cap;
};

static int section_text(sqlite3_stmt *paras, int64_t id, struct utf16 *out, struct err *e)
{
    static const unsigned char line_end[2] = { 0, '\n' };
    out->n = 0;
    sqlite3_bind_int64(paras, 1, id);
    int step, first = 1, rc = 0;
    while (rc == 0 && (step = sqlite3_step(paras)) == SQLITE_ROW) {
        sqlite3_value *v = sqlite3_column_value(paras, 0);
        if (sqlite3_value_type(v) == SQLITE_NULL)
            continue;
        const void *p = sqlite3_value_text16be(v);
        size_t n = (size_t)sqlite3_value_bytes16(v), sep = first ? 0 : 2;
        if ((n && !p) || array_grow((void **)&out->b, &out->cap, out->n + sep + n, 1) < 0) {
            rc = -1, err_set(e, "out of memory");
            break;
        }
        if (sep)                 /* out->b is NULL until a paragraph has bytes */
            memcpy(out->b + out->n, line_end, sep);
        if (n)
            memcpy(out->b + out->n + sep, p, n);
        out->n += sep + n;
        first = 0;
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = -1, err_set(e, "search index: %s", sqlite3_errmsg(sqlite3_db_handle(paras)));
    sqlite3_reset(paras);
    return rc;
}

/* A section read for indexing, tokenized ahead on the worker: its text and title as
 * stored (UTF-16BE), in UTF-8 as SQLite translates them for FTS5 (store_text.c; the
 * tokens are given only to the same bytes: tokenizer_set_ahead), and their tokens, tapped
 * as FTS5's tokenizing them would be, in the sections' order (the worker runs the jobs in
 * the order given). */
struct ahead_job {
    int64_t id;
    struct utf16 text16, title16;
    char *text, *title;
    size_t ntext, ntitle, cap_text, cap_title;
    struct tokenizer_ahead *rec;
    struct gather *g;
    uint64_t ticket;
    int failed;
};

/* Sections read and tokenized ahead of the one FTS5 indexes. */
#define AHEAD 64

/* UTF-16BE in[0..n) as UTF-8 into *out (grown), as SQLite translates it. */
static int to_utf8(const struct utf16 *in, char **out, size_t *cap, size_t *len)
{
    if (array_grow((void **)out, cap, in->n / 2 * 3 + 1, 1) < 0)
        return -1;
    if (in->n)                   /* in->b is NULL when nothing was read into it */
        store_utf16be_to_utf8(in->b, in->n, *out);
    else
        **out = '\0';
    *len = strlen(*out);
    return 0;
}

static void ahead_run(void *arg)
{
    struct ahead_job *j = arg;
    struct tokenizer_tap tap = {gather_token, gather_end, j->g};
    tokenizer_ahead_clear(j->rec);
    j->failed = to_utf8(&j->text16, &j->text, &j->cap_text, &j->ntext) < 0 ||
                to_utf8(&j->title16, &j->title, &j->cap_title, &j->ntitle) < 0;
    if (j->g && !j->failed)
        terms_section(j->g->terms);
    if (!j->failed)
        j->failed = tokenizer_ahead_add(j->rec, j->text, (int)j->ntext, j->g ? &tap : NULL) < 0 ||
                    tokenizer_ahead_add(j->rec, j->title, (int)j->ntitle, j->g ? &tap : NULL) < 0;
}

static void jobs_free(struct ahead_job *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++) {
        free(v[i].text16.b), free(v[i].title16.b), free(v[i].text), free(v[i].title);
        tokenizer_ahead_free(&v[i].rec);
    }
    free(v);
}

/* The next section not yet indexed, read into j (its text as section_text gives it, its
 * title as stored): 1, 0 at the end, -1 with e set. Sections with neither are passed. */
static int read_next(sqlite3_stmt *rows, sqlite3_stmt *paras, struct ahead_job *j,
                     struct err *e)
{
    int step;
    while ((step = sqlite3_step(rows)) == SQLITE_ROW) {
        j->id = sqlite3_column_int64(rows, 0);
        if (section_text(paras, j->id, &j->text16, e) < 0)
            return -1;
        sqlite3_value *tv = sqlite3_column_value(rows, 1);
        const void *title = sqlite3_value_text16be(tv);
        size_t ntitle = title ? (size_t)sqlite3_value_bytes16(tv) : 0;
        if (!j->text16.n && !ntitle)
            continue;
        j->title16.n = 0;
        if (array_grow((void **)&j->title16.b, &j->title16.cap, ntitle + 1, 1) < 0)
            return err_set(e, "out of memory"), -1;
        if (ntitle)
            memcpy(j->title16.b, title, ntitle);
        j->title16.n = ntitle;
        return 1;
    }
    if (step != SQLITE_DONE)
        return err_set(e, "search index: %s", sqlite3_errmsg(sqlite3_db_handle(rows))), -1;
    return 0;
}

/* Every section not in the index yet (a stale index holds none), indexed in one pass at
 * the commit. Indexing as the sections come would cost far more: FTS5 writes out what it
 * holds in memory whenever another statement of the transaction opens a savepoint (every
 * insert into node and target does), so the index would grow by a segment per section and
 * spend the import merging them (an import into an empty index builds it aside as they
 * come, in a database of its own that no other statement writes: search_aside.h). g, when
 * given, gathers the contexts and the terms of every section indexed (tapped as the worker
 * tokenizes them ahead). The sections and their text are the view search_text's (the
 * index's content), read as section_text says. */
static int index_pending(struct index_state *is, sqlite3 *db, struct gather *g, struct err *e)
{
    sqlite3_stmt *rows, *paras = NULL, *ins = NULL;
    if (store_prepare(db, "SELECT id, title FROM node WHERE kind <> 'paragraph' AND NOT "
                      "gongfu_indexed(id) ORDER BY id", &rows, "search index", e) < 0)
        return -1;
    if (store_prepare(db, "SELECT text FROM node WHERE parent_id = ?1 AND kind = 'paragraph' "
                      "ORDER BY seq", &paras, "search index", e) < 0 ||
        store_prepare(db, "INSERT INTO search_fts(rowid, text, title) VALUES(?1, ?2, ?3)", &ins,
                      "search index", e) < 0) {
        sqlite3_finalize(rows), sqlite3_finalize(paras);
        return -1;
    }
    /* The sections are read AHEAD at a time into a ring of jobs; the worker translates and
     * tokenizes each (and taps its tokens) while this thread inserts the one before, FTS5
     * being given the tokens recorded (tokenizer_set_ahead). */
    struct ahead_job *jobs = calloc(AHEAD, sizeof *jobs);
    struct workq *q = NULL;
    int rc = jobs && workq_start(&q, AHEAD) == 0 ? 0 : (err_set(e, "out of memory"), -1);
    for (size_t i = 0; rc == 0 && i < AHEAD; i++)
        if (tokenizer_ahead_new(&jobs[i].rec) < 0)
            rc = -1, err_set(e, "out of memory");
    size_t head = 0, n = 0;
    int more = rc == 0;
    while (rc == 0 && (more || n)) {
        while (rc == 0 && more && n < AHEAD) {
            struct ahead_job *j = &jobs[(head + n) % AHEAD];
            if ((more = read_next(rows, paras, j, e)) < 0)
                rc = -1;
            else if (more) {
                j->g = g;
                j->ticket = workq_submit(q, ahead_run, j);
                n++;
            }
        }
        if (rc < 0 || !n)
            break;
        struct ahead_job *j = &jobs[head];
        workq_wait(q, j->ticket);
        if (j->failed) {
            rc = -1, err_set(e, "out of memory");
            break;
        }
        tokenizer_set_ahead(j->rec);
        rc = put(is, db, ins, j->id, j->text16.b, j->text16.n, j->title16.b, j->title16.n, e);
        tokenizer_set_ahead(NULL);
        head = (head + 1) % AHEAD, n--;
    }
    workq_stop(&q);              /* every job given has run: g is this thread's again */
    jobs_free(jobs, AHEAD);
    sqlite3_finalize(rows), sqlite3_finalize(paras), sqlite3_finalize(ins);
    return rc;
}

/* FTS5 reads what to take out of the index from the view, so this runs while the
 * document's nodes are still there; only the sections that were indexed. */
static int hook_delete_doc(void *ctx, sqlite3 *db, int64_t doc_id, struct err *e)
{
    struct index_state *is = ctx;
    int state = state_of(is, db, e);
    if (state >= 0)
        aside_free(&is->aside), is->aside_off = 1;
    if (state != CURRENT)
        return state < 0 ? -1 : 0;
    sqlite3_stmt *sections, *del;
    if (store_prepare(db, "SELECT id FROM node WHERE doc_id = ?1 AND kind <> 'paragraph'",
                      &sections, "search index", e) < 0)
        return -1;
    if (store_prepare(db, "DELETE FROM search_fts WHERE rowid = ?1", &del, "search index", e) < 0) {
        sqlite3_finalize(sections);
        return -1;
    }
    sqlite3_bind_int64(sections, 1, doc_id);
    int rc = 0, step;
    while (rc == 0 && (step = sqlite3_step(sections)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(sections, 0);
        if (!lengths_remove(is->lengths, id))
            continue;
        sqlite3_bind_int64(del, 1, id);
        if (sqlite3_step(del) != SQLITE_DONE)
            rc = -1;
        sqlite3_reset(del);
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = -1;
    if (rc < 0)
        err_set(e, "search index: %s", sqlite3_errmsg(db));
    sqlite3_finalize(sections), sqlite3_finalize(del);
    return rc;
}

/* Section i's text as the view search_text gives it: its paragraphs' texts in their order,
 * each after the first behind a line end (group_concat's, an empty paragraph's too), into
 * is->text. Its length, or -1 when out of memory. */
static int64_t joined_text(struct index_state *is, const struct doc *d, size_t i)
{
    size_t n = 0;
    int first = 1;
    for (size_t k = i + 1; k < d->nnodes; k++)
        if (d->nodes[k].parent == (int)i && d->nodes[k].kind == NODE_PARAGRAPH && d->nodes[k].text)
            n += !first + strlen(d->nodes[k].text), first = 0;
    if (array_grow((void **)&is->text, &is->text_cap, n + 1, 1) < 0)
        return -1;
    n = 0, first = 1;
    for (size_t k = i + 1; k < d->nnodes; k++) {
        const struct node *p = &d->nodes[k];
        if (p->parent != (int)i || p->kind != NODE_PARAGRAPH || !p->text)
            continue;
        if (!first)
            is->text[n++] = '\n';
        size_t len = strlen(p->text);
        memcpy(is->text + n, p->text, len);
        n += len, first = 0;
    }
    is->text[n] = '\0';
    return (int64_t)n;
}

/* Each section as it is stored, to the index built aside (an empty index's import). */
static int hook_section(void *ctx, sqlite3 *db, int64_t node_id, int64_t doc_id,
                        const struct doc *d, size_t node_index, const char *title,
                        const char *text, struct err *e)
{
    struct index_state *is = ctx;
    (void)text;                  /* doc_section_text's: another joining of empty paragraphs */
    int state = state_of(is, db, e);
    if (state < 0)
        return -1;
    if (is->aside_off)
        return 0;
    if (!is->aside) {
        if (state != CURRENT || lengths_count(is->lengths) || !d || store_others_stored(db, doc_id))
            return is->aside_off = 1, 0;
        /* No temporary file to be had, say: the commit's pass indexes them, as before. */
        if (aside_start(&is->aside, create_sql, e) < 0)
            return is->aside_off = 1, e->msg[0] = '\0', 0;
    }
    if (node_id <= is->last_id || !d)
        return aside_free(&is->aside), is->aside_off = 1, 0;
    is->last_id = node_id;
    int64_t n = joined_text(is, d, node_index);
    size_t ntitle = title ? strlen(title) : 0;
    if (n < 0)
        return err_set(e, "out of memory"), -1;
    if (!n && !ntitle)           /* nothing to index, as read_next passes it */
        return 0;
    if (aside_add(is->aside, node_id, is->text, (size_t)n, title ? title : "", ntitle) < 0)
        return err_set(e, "out of memory"), -1;
    return 0;
}

static int hook_open(void *ctx, sqlite3 *db, struct err *e)
{
    if (tokenizer_register(db, e) < 0 || rank_register(db, e) < 0)
        return -1;
    if (sqlite3_create_function(db, "gongfu_indexed", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, ctx,
                                indexed_fn, NULL, NULL) != SQLITE_OK)
        return err_set(e, "search index: %s", sqlite3_errmsg(db)), -1;
    return 0;
}

/* The tables made, and an empty list of the sections they hold. */
static int create_current(struct index_state *is, sqlite3 *db, struct err *e)
{
    forget(is);
    if (create(db, e) < 0)
        return -1;
    if (lengths_new(&is->lengths) < 0)
        return err_set(e, "out of memory"), -1;
    is->db = db, is->state = CURRENT;
    return 0;
}

static int hook_create(void *ctx, sqlite3 *db, struct err *e)
{
    return create_current(ctx, db, e);
}

/* The import's sections indexed (a stale index made anew first, from every stored
 * section); then the word list pinyin is read with (search_words.h), over every document. */
static int hook_commit(void *ctx, sqlite3 *db, struct err *e)
{
    struct index_state *is = ctx;
    int state = state_of(is, db, e);
    if (state < 0)
        return -1;
    /* search_len: the lengths of an index of layout 2. */
    if (state == STALE && (exec(db, "DROP TABLE IF EXISTS search_fts; DROP VIEW IF EXISTS "
                                "search_text; DROP TABLE IF EXISTS search_len; DROP TABLE IF "
                                "EXISTS search_lengths;", e) < 0 ||
                           create_current(is, db, e) < 0))
        return -1;
    /* When this pass indexes every section, the word list's contexts are gathered from the
     * tokens it has (not from every section's text read from the view and tokenized again,
     * 7% of a 10x import's instructions); else from the text, since the index holds
     * sections of earlier imports. */
    int empty = lengths_count(is->lengths) == 0;
    struct gather g = {NULL, NULL, 0};
    int rc = 0;
    if (is->aside && !aside_ready(is->aside))
        aside_free(&is->aside);
    last_aside = is->aside != NULL;
    if (is->aside) {             /* every section is in it: nothing left for the pass */
        rc = aside_finish(is->aside, db, remake_sql, is->lengths, &g.contexts, &g.terms, e);
        aside_free(&is->aside);
    } else {
        if (empty && (word_contexts_new(&g.contexts) < 0 || terms_new(&g.terms) < 0)) {
            word_contexts_free(&g.contexts);
            return err_set(e, "out of memory"), -1;
        }
        rc = index_pending(is, db, empty ? &g : NULL, e);
    }
    if (rc == 0 && g.failed)
        rc = -1, err_set(e, "out of memory");
    if (rc == 0)
        rc = lengths_save(db, is->lengths, e);
    if (rc == 0)
        rc = words_rebuild(db, g.contexts, g.terms, e);
    word_contexts_free(&g.contexts);
    terms_free(&g.terms);
    /* The next transaction reads the list again (this one may yet be rolled back). */
    forget(is);
    return rc;
}

/* A rollback undoes a remade index; the next transaction looks again. */
static void hook_rollback(void *ctx, sqlite3 *db)
{
    struct index_state *is = ctx;
    if (is->db == db)
        forget(is);
}

const struct store_hooks search_hooks = {
    .ctx = &hook_state,
    .on_open = hook_open,
    .on_create = hook_create,
    .on_section = hook_section,
    .on_delete_doc = hook_delete_doc,
    .on_rollback = hook_rollback,
    .on_commit = hook_commit,
};
