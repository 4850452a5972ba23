/* store_read.c — the readers' queries: documents, outlines, section texts. Every step
 * is checked: a read that fails (a damaged page, memory gone) is an error with SQLite's
 * message, never a shorter answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}

int store_others_stored(sqlite3 *db, int64_t doc_id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT EXISTS(SELECT 1 FROM node WHERE kind <> 'paragraph' AND "
                           "doc_id <> ?1)", -1, &st, NULL) != SQLITE_OK)
        return 1;
    sqlite3_bind_int64(st, 1, doc_id);
    int found = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return found;
}

int store_step(sqlite3_stmt *st, const char *what, struct err *e)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc == SQLITE_ROW;
    sqlite3 *db = sqlite3_db_handle(st);
    const char *file = sqlite3_db_filename(db, "main");
    err_set(e, "%s%scannot read the %s: %s", file && *file ? file : "", file && *file ? ": " : "",
            what, store_errmsg(db));
    return -1;
}

char *store_column_dup(sqlite3_stmt *st, int i, int *failed)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    char *copy = t ? strdup((const char *)t) : NULL;
    if ((t && !copy) || (!t && sqlite3_column_type(st, i) != SQLITE_NULL))
        *failed = 1;
    return copy;
}

/* store_column_dup for a UTF-16BE database, the encoding gongfu writes (store.c
 * new_work): SQLite hands the text over as it is stored, made UTF-8 here once, into the
 * copy, where sqlite3_column_text would convert it into a buffer of its own to be copied
 * again (issue 15: most of the 1.5 M instructions of a document's nodes at the explorer's
 * start; at 100x, half of the 6.2 M of the 700 documents' rows). */
static char *column_dup(const struct store *s, sqlite3_stmt *st, int i, int *failed)
{
    if (!s->utf16be)
        return store_column_dup(st, i, failed);
    sqlite3_value *v = sqlite3_column_value(st, i);
    int type = sqlite3_value_type(v);
    if (type != SQLITE_TEXT)
        return type == SQLITE_NULL ? NULL : store_column_dup(st, i, failed);
    const unsigned char *t = sqlite3_value_text16be(v);
    size_t n = (size_t)sqlite3_value_bytes16(v);
    char *copy = t ? malloc(n / 2 * 3 + 1) : NULL;
    if (!copy) {
        *failed = 1;
        return NULL;
    }
    store_utf16be_to_utf8(t, n, copy);
    return copy;
}

/* note: d.note, or NULL for a database of an earlier gongfu, which has no such column.
 * Column 12, d.seq, is for the order (sort_docs). */
#define DOC_COUNTED(note)                                                                 \
    "SELECT d.id, d.slug, d.title, d.region, d.level, d.kind, d.issuer, d.published, s.name," \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'chapter'),"               \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'item'), " note ", d.seq"  \
    " FROM doc d JOIN source s ON s.id = d.source_id "
/* The same without the counts, which read every document's nodes. */
#define DOC_UNCOUNTED(note)                                                               \
    "SELECT d.id, d.slug, d.title, d.region, d.level, d.kind, d.issuer, d.published, s.name," \
    " 0, 0, " note ", d.seq FROM doc d JOIN source s ON s.id = d.source_id "

static void read_doc_row(const struct store *s, sqlite3_stmt *st, struct doc_row *r,
                         int *failed)
{
    r->id = sqlite3_column_int64(st, 0);
    r->slug = column_dup(s, st, 1, failed), r->title = column_dup(s, st, 2, failed);
    r->region = column_dup(s, st, 3, failed), r->level = column_dup(s, st, 4, failed);
    r->kind = column_dup(s, st, 5, failed), r->issuer = column_dup(s, st, 6, failed);
    r->published = column_dup(s, st, 7, failed), r->source = column_dup(s, st, 8, failed);
    r->chapters = sqlite3_column_int(st, 9);
    r->items = sqlite3_column_int(st, 10);
    r->note = column_dup(s, st, 11, failed);
}

/* A document's place in the list: national first, then the province, then cities, the
 * rest; within a level by region (none first), then source and place in the source, as
 * SQLite would order them ("ORDER BY CASE d.level ... END, d.region, s.name, d.seq"):
 * sorted here, where SQLite's sorter carried every column of every row (at 100x, 700
 * documents: 3 M instructions of the explorer's start-up). Ties, which SQL leaves open, by
 * id. */
struct doc_key {
    int rank, utf16;
    const char *region, *source;
    int64_t seq, id;
    size_t at;          /* the row's index as read */
};

static int level_rank(const char *level)
{
    static const char *const order[] = { "national", "province", "city" };
    for (int i = 0; i < 3; i++)
        if (level && !strcmp(level, order[i]))
            return i;
    return 3;
}

/* SQLite's order of two texts that may be NULL (first). */
static int nullable_cmp(const char *a, const char *b, int utf16)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return store_text_cmp(a, b, utf16);
}

static int doc_key_cmp(const void *x, const void *y)
{
    const struct doc_key *p = x, *q = y;
    int c;
    if (p->rank != q->rank)
        return p->rank < q->rank ? -1 : 1;
    if ((c = nullable_cmp(p->region, q->region, p->utf16)) ||
        (c = nullable_cmp(p->source, q->source, p->utf16)))
        return c;
    if (p->seq != q->seq)
        return p->seq < q->seq ? -1 : 1;
    return p->id < q->id ? -1 : p->id > q->id;
}

/* Puts rows (seq[i] row i's d.seq) in the list's order; -1 when memory ran out. */
static int sort_docs(const struct store *s, struct doc_row *rows, const int64_t *seq, size_t n)
{
    if (!n)
        return 0;
    struct doc_key *k = malloc((n + 1) * sizeof *k);
    struct doc_row *was = malloc((n + 1) * sizeof *was);
    if (!k || !was) {
        free(k), free(was);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        k[i] = (struct doc_key){ level_rank(rows[i].level), s->utf16be, rows[i].region,
                                 rows[i].source, seq[i], rows[i].id, i };
    qsort(k, n, sizeof *k, doc_key_cmp);
    memcpy(was, rows, n * sizeof *rows);
    for (size_t i = 0; i < n; i++)
        rows[i] = was[k[i].at];
    free(k), free(was);
    return 0;
}

static int read_docs(struct store *s, int counted, struct doc_row **out, size_t *n,
                     struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    static const char *const sql[2][2] = {
        { DOC_UNCOUNTED("NULL"), DOC_UNCOUNTED("d.note") },
        { DOC_COUNTED("NULL"), DOC_COUNTED("d.note") },
    };
    if (prepare(s->db, sql[counted != 0][s->has_note != 0], &st, e) < 0)
        return -1;
    size_t cap = 0;
    int64_t *seq = NULL;
    int rc, failed = 0;
    while (!failed && (rc = store_step(st, "database", e)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            struct doc_row *p = realloc(*out, cap * sizeof *p);
            int64_t *q = p ? realloc(seq, cap * sizeof *q) : NULL;
            if (p)
                *out = p;
            if (!q) {
                failed = 1;
                break;
            }
            seq = q;
        }
        seq[*n] = sqlite3_column_int64(st, 12);
        read_doc_row(s, st, &(*out)[(*n)++], &failed);
    }
    sqlite3_finalize(st);
    if (!failed && rc == 0 && sort_docs(s, *out, seq, *n) < 0)
        failed = 1;
    free(seq);
    if (failed)
        err_set(e, "out of memory");
    if (failed || rc < 0) {
        store_docs_free(out, *n);
        *n = 0;
        return -1;
    }
    return 0;
}

int store_docs(struct store *s, struct doc_row **out, size_t *n, struct err *e)
{
    return read_docs(s, 1, out, n, e);
}

int store_docs_uncounted(struct store *s, struct doc_row **out, size_t *n, struct err *e)
{
    return read_docs(s, 0, out, n, e);
}

void store_docs_free(struct doc_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++) {
        struct doc_row *r = &(*rows)[i];
        free(r->slug), free(r->title), free(r->region), free(r->level), free(r->kind);
        free(r->issuer), free(r->published), free(r->source), free(r->note);
    }
    free(*rows);
    *rows = NULL;
}

int store_doc_by_slug(struct store *s, const char *slug, struct doc_row **out, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (prepare(s->db, s->has_note ? DOC_COUNTED("d.note") "WHERE d.slug = ?"
                                   : DOC_COUNTED("NULL") "WHERE d.slug = ?", &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
    int rc = store_step(st, "database", e), failed = 0;
    if (rc == 1 && (*out = calloc(1, sizeof **out)))
        read_doc_row(s, st, *out, &failed);
    sqlite3_finalize(st);
    if (rc == 1 && (!*out || failed)) {
        store_docs_free(out, 1);
        return err_set(e, "out of memory"), -1;
    }
    if (rc != 0)
        return rc == 1 ? 0 : -1;
    /* Name what there is, so a typo is easy to fix. */
    char known[400] = "";
    if (prepare(s->db, "SELECT slug FROM doc ORDER BY slug", &st, e) < 0)
        return -1;
    while ((rc = store_step(st, "database", e)) == 1 && strlen(known) < sizeof known - 80) {
        strcat(known, known[0] ? ", " : "");
        strncat(known, (const char *)sqlite3_column_text(st, 0), 70);
    }
    sqlite3_finalize(st);
    if (rc < 0)
        return -1;
    err_set(e, "no document '%s' (documents: %s)", slug, known[0] ? known : "none");
    return 1;
}

static enum node_kind kind_from_name(const char *k)
{
    for (int i = 0; i < 4; i++)
        if (k && !strcmp(k, node_kind_name((enum node_kind)i)))
            return (enum node_kind)i;
    return NODE_PARAGRAPH;
}

int store_nodes(struct store *s, int64_t doc_id, int with_text, struct node_row **out,
                size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    if (prepare(s->db, "SELECT id, parent_id, kind, label, path, title, text, raw_start, raw_end"
                " FROM node WHERE doc_id = ? AND (? OR kind != 'paragraph') ORDER BY seq",
                &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int(st, 2, with_text);
    size_t cap = 0;
    int rc, failed = 0;
    while (!failed && (rc = store_step(st, "database", e)) == 1) {
        if (*n == cap) {
            struct node_row *p = realloc(*out, (cap = cap ? cap * 2 : 64) * sizeof *p);
            if (!p) {
                failed = 1;
                break;
            }
            *out = p;
        }
        struct node_row *r = &(*out)[(*n)++];
        r->id = sqlite3_column_int64(st, 0);
        r->parent_id = sqlite3_column_int64(st, 1);
        r->kind = kind_from_name((const char *)sqlite3_column_text(st, 2));
        r->label = column_dup(s, st, 3, &failed), r->path = column_dup(s, st, 4, &failed);
        r->title = column_dup(s, st, 5, &failed), r->text = column_dup(s, st, 6, &failed);
        r->raw_start = sqlite3_column_int64(st, 7);
        r->raw_end = sqlite3_column_int64(st, 8);
        r->depth = r->kind == NODE_ITEM ? 1 : r->kind == NODE_PARAGRAPH ? 2 : 0;
    }
    sqlite3_finalize(st);
    if (failed)
        err_set(e, "out of memory");
    if (failed || rc < 0) {
        store_nodes_free(out, *n);
        *n = 0;
        return -1;
    }
    return 0;
}

int store_node_doc(struct store *s, int64_t node_id, int64_t *doc_id, struct err *e)
{
    sqlite3_stmt *st;
    *doc_id = 0;
    if (prepare(s->db, "SELECT doc_id FROM node WHERE id = ?", &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, node_id);
    int rc = store_step(st, "database", e);
    if (rc == 1)
        *doc_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc;
}

void store_nodes_free(struct node_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++)
        free((*rows)[i].label), free((*rows)[i].path), free((*rows)[i].title), free((*rows)[i].text);
    free(*rows);
    *rows = NULL;
}

char *store_section_text(struct store *s, int64_t node_id, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare(s->db, "SELECT coalesce(group_concat(text, char(10)), '') FROM (SELECT text FROM"
                " node WHERE parent_id = ? AND kind = 'paragraph' ORDER BY seq)", &st, e) < 0)
        return NULL;
    sqlite3_bind_int64(st, 1, node_id);
    char *text = NULL;
    int failed = 0;
    if (store_step(st, "database", e) == 1 && !(text = store_column_dup(st, 0, &failed)))
        err_set(e, "out of memory");
    sqlite3_finalize(st);
    return text;
}
