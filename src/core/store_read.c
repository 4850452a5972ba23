/* store_read.c — the readers' queries: documents, outlines, section texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
    return store_prepare(db, sql, st, "database", e);
}
static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

#define DOC_COLUMNS                                                                       \
    "SELECT d.id, d.slug, d.title, d.region, d.level, d.kind, d.issuer, d.published, s.name," \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'chapter'),"               \
    " (SELECT count(*) FROM node WHERE doc_id = d.id AND kind = 'item')"                   \
    " FROM doc d JOIN source s ON s.id = d.source_id "

static void read_doc_row(sqlite3_stmt *st, struct doc_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->slug = col_dup(st, 1), r->title = col_dup(st, 2), r->region = col_dup(st, 3);
    r->level = col_dup(st, 4), r->kind = col_dup(st, 5), r->issuer = col_dup(st, 6);
    r->published = col_dup(st, 7), r->source = col_dup(st, 8);
    r->chapters = sqlite3_column_int(st, 9);
    r->items = sqlite3_column_int(st, 10);
}

int store_docs(struct store *s, struct doc_row **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    /* National first, then the province, then cities; within a level by region. */
    if (prepare(s->db, DOC_COLUMNS "ORDER BY CASE d.level WHEN 'national' THEN 0 WHEN 'province'"
                " THEN 1 WHEN 'city' THEN 2 ELSE 3 END, d.region, s.name, d.seq", &st, e) < 0)
        return -1;
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            struct doc_row *p = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                store_docs_free(out, *n);
                return err_set(e, "out of memory"), -1;
            }
            *out = p;
        }
        read_doc_row(st, &(*out)[(*n)++]);
    }
    sqlite3_finalize(st);
    return 0;
}

void store_docs_free(struct doc_row **rows, size_t n)
{
    if (!*rows)
        return;
    for (size_t i = 0; i < n; i++) {
        struct doc_row *r = &(*rows)[i];
        free(r->slug), free(r->title), free(r->region), free(r->level), free(r->kind);
        free(r->issuer), free(r->published), free(r->source);
    }
    free(*rows);
    *rows = NULL;
}

int store_doc_by_slug(struct store *s, const char *slug, struct doc_row **out, struct err *e)
{
    sqlite3_stmt *st;
    *out = NULL;
    if (prepare(s->db, DOC_COLUMNS "WHERE d.slug = ?", &st, e) < 0)
        return -1;
    sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && (*out = calloc(1, sizeof **out)))
        read_doc_row(st, *out);
    sqlite3_finalize(st);
    if (*out)
        return 0;
    /* Name what there is, so a typo is easy to fix. */
    char known[400] = "";
    if (prepare(s->db, "SELECT slug FROM doc ORDER BY slug", &st, e) == 0) {
        while (sqlite3_step(st) == SQLITE_ROW && strlen(known) < sizeof known - 80) {
            strcat(known, known[0] ? ", " : "");
            strncat(known, (const char *)sqlite3_column_text(st, 0), 70);
        }
        sqlite3_finalize(st);
    }
    err_set(e, "no document '%s' (documents: %s)", slug, known[0] ? known : "none");
    return -1;
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
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            struct node_row *p = realloc(*out, (cap = cap ? cap * 2 : 64) * sizeof *p);
            if (!p) {
                sqlite3_finalize(st);
                store_nodes_free(out, *n);
                return err_set(e, "out of memory"), -1;
            }
            *out = p;
        }
        struct node_row *r = &(*out)[(*n)++];
        r->id = sqlite3_column_int64(st, 0);
        r->parent_id = sqlite3_column_int64(st, 1);
        r->kind = kind_from_name((const char *)sqlite3_column_text(st, 2));
        r->label = col_dup(st, 3), r->path = col_dup(st, 4), r->title = col_dup(st, 5);
        r->text = col_dup(st, 6);
        r->raw_start = sqlite3_column_int64(st, 7);
        r->raw_end = sqlite3_column_int64(st, 8);
        r->depth = r->kind == NODE_ITEM ? 1 : r->kind == NODE_PARAGRAPH ? 2 : 0;
    }
    sqlite3_finalize(st);
    return 0;
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
    if (sqlite3_step(st) == SQLITE_ROW)
        text = col_dup(st, 0);
    if (!text)
        err_set(e, "database: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return text;
}
