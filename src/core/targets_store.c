/* targets_store.c — the targets' tables and the store hooks that fill them at import:
 * the catalogue is copied into indicator/indicator_alias, each section's targets are
 * extracted, linked and stored with spans relative to the section text. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/units.h"
#include "gongfu/workq.h"
#include "targets_int.h"

/* Sections given to the worker and not yet stored: what the import holds beyond the file
 * it reads (their texts), and how far the worker may fall behind. */
#define TARGETS_AHEAD 64

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS indicator(id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL, unit TEXT NOT NULL, direction TEXT NOT NULL,"
    "  category TEXT NOT NULL, seq INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS indicator_alias(indicator_id INTEGER NOT NULL"
    "  REFERENCES indicator(id) ON DELETE CASCADE, phrase TEXT NOT NULL, key TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS indicator_alias_ind ON indicator_alias(indicator_id);"
    "CREATE TABLE IF NOT EXISTS target(id INTEGER PRIMARY KEY,"
    "  node_id INTEGER NOT NULL REFERENCES node(id),"
    "  indicator_id INTEGER REFERENCES indicator(id) ON DELETE SET NULL,"
    "  phrase TEXT NOT NULL, value REAL, value_text TEXT NOT NULL, unit TEXT NOT NULL,"
    "  comparator TEXT NOT NULL, year INTEGER, qualifier TEXT NOT NULL, flags TEXT NOT NULL,"
    "  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, key TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT 'target', frequency TEXT NOT NULL DEFAULT 'level',"
    "  for_region TEXT);"
    "CREATE INDEX IF NOT EXISTS target_node ON target(node_id);"
    "CREATE INDEX IF NOT EXISTS target_indicator ON target(indicator_id);";

/* A database written before targets had a kind: its rows are targets, its frequencies
 * unknown until the documents are imported again (they are then read as levels). */
static const char add_kind[] =
    "ALTER TABLE target ADD COLUMN kind TEXT NOT NULL DEFAULT 'target';"
    "ALTER TABLE target ADD COLUMN frequency TEXT NOT NULL DEFAULT 'level';"
    "ALTER TABLE target ADD COLUMN for_region TEXT;";

/* A section's extraction, on the import's worker thread (workq.h): what it reads is its
 * own (copies of the text and the headings, the catalogue no one changes while it runs);
 * what it found is stored by the import's thread, in the order the sections came, so that
 * the rows and their ids are those extracting in line would give. */
struct job {
    uint64_t ticket;
    int64_t node_id;
    char *text;
    char *heads;                 /* the headings' bytes, each after the other */
    const char *headings[8];
    struct targets_opts o;
    const char *for_region;      /* into the regions, which outlive the import */
    struct target_list l;
    int rc;
    struct err e;
};

/* The import's state, the targets hooks' context: the catalogue (read once per process)
 * and the connection it was last copied into, with the indicator ids there (parallel to
 * the catalogue). A rollback or a close forgets the connection, so the next import copies
 * the catalogue in again. */
struct import_state {
    char *path;
    struct catalogue *cat;
    sqlite3 *synced;
    int64_t *ids;
    char *regions_path;      /* data/regions.tsv, read once */
    struct regions regions;
    int regions_loaded;
    const struct doc *doc;   /* the document whose horizon, year and region are cached */
    char *doc_title;
    size_t doc_nodes;
    int horizon, year;
    const char *for_region;  /* into regions; NULL: the document's own */
    struct workq *q;         /* the worker, from an import's first section to its end */
    sqlite3 *q_db;           /* the connection whose sections it has */
    struct job *pending[TARGETS_AHEAD];  /* given, in order: pending[(head + i) % AHEAD] */
    size_t head, npending;
    /* The targets' INSERT, prepared once an import (a prepare a section with targets was
     * 8% of a 10x import's own thread), finalized at its commit or rollback. */
    sqlite3_stmt *ins;
    sqlite3 *ins_db;
};
static struct import_state state;

void targets_set_regions(const char *path)
{
    struct import_state *is = &state;
    free(is->regions_path);
    is->regions_path = path ? strdup(path) : NULL;
    regions_free(&is->regions);
    is->regions_loaded = 0;
    is->doc = NULL;
}

void targets_set_catalogue(const char *path)
{
    struct import_state *is = &state;
    free(is->path);
    is->path = path ? strdup(path) : NULL;
    catalogue_free(&is->cat);
    free(is->ids);
    is->ids = NULL;
    is->synced = NULL;
}

static int exec(sqlite3 *db, const char *sql, struct err *e)
{
    return store_exec(db, sql, "database", e);
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}

static int has_kind_column(sqlite3 *db)
{
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info('target') WHERE name = 'kind'",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* The tables, and the columns a database from an earlier gongfu lacks. */
static int ensure_schema(sqlite3 *db, struct err *e)
{
    if (exec(db, schema, e) < 0)
        return -1;
    return has_kind_column(db) ? 0 : exec(db, add_kind, e);
}

static int on_create(void *ctx, sqlite3 *db, struct err *e)
{
    (void)ctx;
    return ensure_schema(db, e);
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, struct err *e)
{
    if (sqlite3_step(st) == SQLITE_DONE)
        return 0;
    err_set(e, "database: %s", sqlite3_errmsg(db));
    return -1;
}

/* Upserts every indicator (by slug) and replaces the aliases; indicators gone from the
 * catalogue are deleted, which unlinks their targets. */
static int copy_catalogue(struct import_state *is, sqlite3 *db, struct err *e)
{
    size_t n = catalogue_count(is->cat);
    sqlite3_stmt *up = NULL, *al = NULL;
    if (exec(db, "UPDATE indicator SET seq = -1; DELETE FROM indicator_alias;", e) < 0 ||
        prepare(db, "INSERT INTO indicator(slug, name, unit, direction, category, seq) "
                "VALUES(?1,?2,?3,?4,?5,?6) ON CONFLICT(slug) DO UPDATE SET name=?2, unit=?3, "
                "direction=?4, category=?5, seq=?6 RETURNING id", &up, e) < 0 ||
        prepare(db, "INSERT INTO indicator_alias(indicator_id, phrase, key) VALUES(?,?,?)",
                &al, e) < 0)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        const struct indicator *ind = catalogue_at(is->cat, i);
        sqlite3_reset(up);
        sqlite3_bind_text(up, 1, ind->slug, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 2, ind->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 3, ind->unit, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 4, ind->direction, -1, SQLITE_STATIC);
        sqlite3_bind_text(up, 5, ind->category, -1, SQLITE_STATIC);
        sqlite3_bind_int64(up, 6, (sqlite3_int64)i);
        if (sqlite3_step(up) != SQLITE_ROW) {
            err_set(e, "database: %s", sqlite3_errmsg(db));
            goto fail;
        }
        is->ids[i] = sqlite3_column_int64(up, 0);
        sqlite3_step(up);
        for (size_t k = 0; k < ind->naliases; k++) {
            char *key = targets_fold_key(ind->aliases[k], strlen(ind->aliases[k]));
            sqlite3_reset(al);
            sqlite3_bind_int64(al, 1, is->ids[i]);
            sqlite3_bind_text(al, 2, ind->aliases[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(al, 3, key ? key : "", -1, SQLITE_TRANSIENT);
            free(key);
            if (step_done(db, al, e) < 0)
                goto fail;
        }
    }
    sqlite3_finalize(up);
    sqlite3_finalize(al);
    return exec(db, "DELETE FROM indicator WHERE seq = -1", e);
fail:
    sqlite3_finalize(up);
    sqlite3_finalize(al);
    return -1;
}

/* Targets stored with an earlier catalogue are linked again by their stored keys. */
static int relink(struct import_state *is, sqlite3 *db, struct err *e)
{
    sqlite3_stmt *sel = NULL, *upd = NULL;
    if (prepare(db, "SELECT id, key, unit FROM target", &sel, e) < 0 ||
        prepare(db, "UPDATE target SET indicator_id = ? WHERE id = ?", &upd, e) < 0) {
        sqlite3_finalize(sel);
        return -1;
    }
    int rc = 0, row;
    while (rc == 0 && (row = store_step(sel, "database", e)) != 0) {
        if (row < 0) {
            rc = -1;
            break;
        }
        const char *key = (const char *)sqlite3_column_text(sel, 1);
        size_t kl = key ? strlen(key) : 0;
        const struct indicator *ind = catalogue_link(is->cat, key, 0, kl ? kl - 1 : 0, NULL);
        if (ind && !units_fit(ind->unit, (const char *)sqlite3_column_text(sel, 2)))
            ind = NULL;
        sqlite3_reset(upd);
        if (ind)
            sqlite3_bind_int64(upd, 1, is->ids[ind - catalogue_at(is->cat, 0)]);
        else
            sqlite3_bind_null(upd, 1);
        sqlite3_bind_int64(upd, 2, sqlite3_column_int64(sel, 0));
        rc = step_done(db, upd, e);
    }
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    return rc;
}

static int stored_digest_matches(sqlite3 *db, const char *digest)
{
    sqlite3_stmt *st;
    int same = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'targets.catalogue'", -1,
                           &st, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        same = !strcmp((const char *)sqlite3_column_text(st, 0), digest);
    sqlite3_finalize(st);
    return same;
}

/* Before the first section of an import: the catalogue read and copied in. */
static int prepare_import(struct import_state *is, sqlite3 *db, struct err *e)
{
    if (is->synced == db)
        return 0;
    if (ensure_schema(db, e) < 0)
        return -1;
    if (is->regions_path && !is->regions_loaded) {
        if (regions_load(is->regions_path, &is->regions, e) < 0)
            return -1;
        is->regions_loaded = 1;
    }
    if (!is->path)
        return is->synced = db, 0;
    if (!is->cat && catalogue_load(is->path, &is->cat, e) < 0)
        return -1;
    free(is->ids);
    is->ids = calloc(catalogue_count(is->cat) + 1, sizeof *is->ids);
    if (!is->ids)
        return err_set(e, "out of memory"), -1;
    int same = stored_digest_matches(db, catalogue_digest(is->cat));
    if (copy_catalogue(is, db, e) < 0 || (!same && relink(is, db, e) < 0))
        return -1;
    sqlite3_stmt *st;
    if (prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('targets.catalogue', ?)",
                &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, catalogue_digest(is->cat), -1, SQLITE_STATIC);
    int rc = step_done(db, st, e);
    sqlite3_finalize(st);
    if (rc == 0)
        is->synced = db;
    return rc;
}

/* The document's horizon (its title's period, else the first "到2025年" in its text) and
 * the year it was issued in (its date, else its title's, else the first date in its text);
 * cached for the sections of one document. */
static void doc_years(struct import_state *is, const struct doc *d, int *horizon, int *year)
{
    if (!(is->doc == d && is->doc_nodes == d->nnodes && is->doc_title && d->title &&
          !strcmp(is->doc_title, d->title))) {
        int h = targets_horizon(d->title, NULL);
        for (size_t i = 0; !h && i < d->nnodes; i++)
            if (d->nodes[i].kind == NODE_PARAGRAPH && d->nodes[i].text)
                h = targets_horizon(NULL, d->nodes[i].text);
        int y = targets_doc_year(d->published, d->title, NULL);
        for (size_t i = 0; !y && i < d->nnodes; i++)
            if (d->nodes[i].kind == NODE_PARAGRAPH && d->nodes[i].text)
                y = targets_doc_year(NULL, NULL, d->nodes[i].text);
        is->doc = d;
        is->doc_nodes = d->nnodes;
        free(is->doc_title);
        is->doc_title = d->title ? strdup(d->title) : NULL;
        is->horizon = h;
        is->year = y;
        is->for_region = targets_region_for(&is->regions, d->title, d->region, d->level);
    }
    *horizon = is->horizon;
    *year = is->year;
}

static int insert(struct import_state *is, sqlite3 *db, sqlite3_stmt *st, int64_t node_id,
                  const struct target *t, struct err *e)
{
    char flags[128];
    target_flags_format(t->flags, flags, sizeof flags);
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, node_id);
    if (t->indicator && is->cat)
        sqlite3_bind_int64(st, 2, is->ids[t->indicator - catalogue_at(is->cat, 0)]);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_text(st, 3, t->phrase, -1, SQLITE_STATIC);
    if (isnan(t->value))
        sqlite3_bind_null(st, 4);
    else
        sqlite3_bind_double(st, 4, t->value);
    sqlite3_bind_text(st, 5, t->value_text, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, t->unit, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, target_cmp_name(t->cmp), -1, SQLITE_STATIC);
    if (t->year)
        sqlite3_bind_int(st, 8, t->year);
    else
        sqlite3_bind_null(st, 8);
    sqlite3_bind_text(st, 9, t->qualifier, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, flags, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 11, (sqlite3_int64)t->start);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)t->end);
    sqlite3_bind_text(st, 13, t->key ? t->key : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 14, target_kind_name(t->kind), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 15, target_freq_name(t->freq), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 16, t->for_region, -1, SQLITE_STATIC);
    return step_done(db, st, e);
}

static void job_free(struct job *j)
{
    target_list_free(&j->l);
    free(j->text), free(j->heads), free(j);
}

static void extract_job(void *arg)
{
    struct job *j = arg;
    j->rc = targets_extract(j->text, strlen(j->text), &j->o, &j->l, &j->e);
    for (size_t i = 0; j->rc == 0 && i < j->l.n; i++)
        if (j->for_region && !(j->l.v[i].for_region = strdup(j->for_region)))
            j->rc = -1, err_set(&j->e, "out of memory");
}

static void forget_insert(struct import_state *is)
{
    sqlite3_finalize(is->ins);
    is->ins = NULL, is->ins_db = NULL;
}

/* The oldest job's targets stored (it has run), and the job freed. */
static int store_job(struct import_state *is, sqlite3 *db, struct err *e)
{
    struct job *j = is->pending[is->head];
    is->pending[is->head] = NULL;
    is->head = (is->head + 1) % TARGETS_AHEAD, is->npending--;
    int rc = j->rc;
    if (rc < 0)
        err_set(e, "%s", j->e.msg);
    else if (j->l.n && is->ins_db != db) {
        sqlite3_finalize(is->ins);
        is->ins = NULL, is->ins_db = NULL;
        rc = prepare(db, "INSERT INTO target(node_id, indicator_id, phrase, value, value_text,"
                     " unit, comparator, year, qualifier, flags, start, \"end\", key, kind,"
                     " frequency, for_region) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &is->ins,
                     e);
        if (rc == 0)
            is->ins_db = db;
    }
    for (size_t i = 0; i < j->l.n && rc == 0; i++)
        rc = insert(is, db, is->ins, j->node_id, &j->l.v[i], e);
    job_free(j);
    return rc;
}

/* Stores what the worker has done: every job given when all, else those that have run,
 * and, while all TARGETS_AHEAD places are taken, the oldest (waited for). */
static int collect(struct import_state *is, sqlite3 *db, int all, struct err *e)
{
    int rc = 0;
    while (rc == 0 && is->npending) {
        uint64_t t = is->pending[is->head]->ticket;
        if (!all && is->npending < TARGETS_AHEAD && !workq_is_done(is->q, t))
            break;
        workq_wait(is->q, t);
        rc = store_job(is, db, e);
    }
    return rc;
}

/* The worker's jobs waited for and dropped, unstored; the worker stopped. */
static void drop_jobs(struct import_state *is)
{
    workq_stop(&is->q);
    for (; is->npending; is->npending--, is->head = (is->head + 1) % TARGETS_AHEAD) {
        job_free(is->pending[is->head]);
        is->pending[is->head] = NULL;
    }
    is->head = 0;
}

static int on_section(void *ctx, sqlite3 *db, int64_t node_id, int64_t doc_id,
                      const struct doc *d, size_t node_index, const char *title,
                      const char *text, struct err *e)
{
    struct import_state *is = ctx;
    (void)title, (void)doc_id;
    if (prepare_import(is, db, e) < 0)
        return -1;
    if (is->q && is->q_db != db)       /* another connection's, never committed */
        drop_jobs(is);
    if (!is->q && workq_start(&is->q, TARGETS_AHEAD) < 0)
        return err_set(e, "out of memory"), -1;
    is->q_db = db;
    struct job *j = calloc(1, sizeof *j);
    if (!j || !(j->text = strdup(text ? text : "")))
        return free(j), err_set(e, "out of memory"), -1;
    /* The headings around the section, outermost first: its chapter's, its own. */
    size_t nh = 0, bytes = 0;
    int at[8];
    for (int k = (int)node_index; k >= 0 && nh < 8; k = d->nodes[k].parent)
        if (d->nodes[k].title)
            at[nh++] = k, bytes += strlen(d->nodes[k].title) + 1;
    if (!(j->heads = malloc(bytes + 1)))
        return job_free(j), err_set(e, "out of memory"), -1;
    char *w = j->heads;
    for (size_t i = 0; i < nh; i++) {
        size_t n = strlen(d->nodes[at[nh - 1 - i]].title) + 1;
        j->headings[i] = memcpy(w, d->nodes[at[nh - 1 - i]].title, n);
        w += n;
    }
    j->node_id = node_id;
    j->o = (struct targets_opts){ .cat = is->cat, .headings = j->headings, .nheadings = nh };
    doc_years(is, d, &j->o.default_year, &j->o.doc_year);
    j->for_region = is->for_region;
    /* Room for it among the pending (the oldest stored first), then it is given. */
    if (is->npending == TARGETS_AHEAD && collect(is, db, 0, e) < 0)
        return job_free(j), -1;
    j->ticket = workq_submit(is->q, extract_job, j);
    is->pending[(is->head + is->npending++) % TARGETS_AHEAD] = j;
    return collect(is, db, 0, e);
}

/* The sections still at the worker stored before the commit. */
static int on_commit(void *ctx, sqlite3 *db, struct err *e)
{
    struct import_state *is = ctx;
    int rc = is->q ? collect(is, db, 1, e) : 0;
    workq_stop(&is->q);
    forget_insert(is);
    return rc;
}

static int on_delete_doc(void *ctx, sqlite3 *db, int64_t doc_id, struct err *e)
{
    struct import_state *is = ctx;
    sqlite3_stmt *st;
    /* The document's targets may be at the worker yet: stored first, then deleted. */
    if ((is->q && collect(is, db, 1, e) < 0) || ensure_schema(db, e) < 0 ||
        prepare(db, "DELETE FROM target WHERE node_id IN (SELECT id FROM node WHERE doc_id = ?)",
                &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    int rc = step_done(db, st, e);
    sqlite3_finalize(st);
    return rc;
}

/* What was copied into db in a transaction that was rolled back is gone. */
static void on_rollback(void *ctx, sqlite3 *db)
{
    struct import_state *is = ctx;
    if (is->synced == db)
        is->synced = NULL;
    if (is->q_db == db)
        drop_jobs(is);
    if (is->ins_db == db)
        forget_insert(is);
}

const struct store_hooks targets_hooks = {
    .ctx = &state,
    .on_create = on_create,
    .on_rollback = on_rollback,
    .on_section = on_section,
    .on_delete_doc = on_delete_doc,
    .on_commit = on_commit,
};
