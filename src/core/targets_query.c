/* targets_query.c — reading targets back: one section's, one indicator's across regions,
 * and the side-by-side compare table, for the command line and the explorer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/paths.h"
#include "targets_int.h"
#include "targets_query_int.h"

/* One string of a JSON array, after a comma unless it is the first: names are data, so
 * quotes, backslashes and control characters are escaped. */
void targets_json_put_string(FILE *mem, const char *s, int first)
{
    fputs(first ? "\"" : ",\"", mem);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fputc('\\', mem);
        if (*c < 0x20)
            fprintf(mem, "\\u%04x", *c);
        else
            fputc(*c, mem);
    }
    fputc('"', mem);
}

/* data/region_order.tsv as a JSON array of names, read once; "[]" when the file is missing
 * or unreadable (regions then go by level and name). */
const char *targets_region_order_json(void)
{
    static char *json;
    if (json)
        return json;
    size_t len = 0;
    FILE *f = fopen(paths_data_file("region_order.tsv"), "r");
    char *line = NULL, *out = NULL;
    size_t lcap = 0;
    ssize_t n;
    FILE *mem = open_memstream(&out, &len);
    if (!mem) {
        if (f)
            fclose(f);
        return "[]";
    }
    fputc('[', mem);
    int first = 1;
    while (f && (n = getline(&line, &lcap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == '\t' ||
                         line[n - 1] == ' '))
            line[--n] = 0;
        if (!n || line[0] == '#')
            continue;
        targets_json_put_string(mem, line, first);
        first = 0;
    }
    fputc(']', mem);
    free(line);
    if (f)
        fclose(f);
    if (fclose(mem) != 0 || !out)
        return free(out), "[]";
    return json = out;
}

/* The columns row_read reads, from the tables they come from. */
#define SELECT_ROWS                                                                          \
    "SELECT t.id, t.node_id, i.slug, i.name, i.category, t.phrase, t.value_text, t.unit,"   \
    " t.comparator, t.flags, t.qualifier, t.value, t.year, d.slug, " T_REGION ", n.path,"   \
    " n.title, t.start, t.\"end\", t.kind, t.frequency, coalesce(d.region, ''), d.level,"  \
    " i.direction, t.key"                                                                    \
    " FROM target t JOIN node n ON n.id = t.node_id JOIN doc d ON d.id = n.doc_id"           \
    " LEFT JOIN indicator i ON i.id = t.indicator_id"

static const char select_sql[] =
    SELECT_ROWS
    " WHERE (?1 IS NULL OR t.indicator_id IN (SELECT value FROM json_each(?1)))"
    " AND (?2 IS NULL OR " T_REGION " = ?2 OR substr(" T_REGION ", 1, length(?2)) = ?2)"
    " AND (?3 = 0 OR t.indicator_id IS NULL)"
    " AND (?4 = 0 OR t.year = ?4)"
    " AND (?5 IS NULL OR i.category = ?5)"
    " AND (?6 = 0 OR t.node_id = ?6)"
    " AND (?7 = 0 OR t.indicator_id IS NOT NULL)"
    " AND (?8 IS NULL OR t.kind = ?8)"
    " ORDER BY CASE WHEN ?6 = 0 THEN 0 ELSE t.start END, ";

static void row_clear(struct target_row *r)
{
    free(r->indicator_slug);
    free(r->indicator_name);
    free(r->category);
    free(r->phrase);
    free(r->value_text);
    free(r->unit);
    free(r->comparator);
    free(r->direction);
    free(r->key);
    free(r->set_by);
    free(r->set_by_level);
    free(r->flags);
    free(r->qualifier);
    free(r->doc_slug);
    free(r->region);
    free(r->path);
    free(r->section_title);
}

void target_rows_free(struct target_row **rows, size_t n)
{
    if (!rows || !*rows)
        return;
    for (size_t i = 0; i < n; i++)
        row_clear(&(*rows)[i]);
    free(*rows);
    *rows = NULL;
}

/* One row; *failed set when memory ran out for a string. */
static void row_read(sqlite3_stmt *st, struct target_row *r, int *failed)
{
    r->id = sqlite3_column_int64(st, 0);
    r->node_id = sqlite3_column_int64(st, 1);
    r->indicator_slug = store_column_dup(st, 2, failed);
    r->indicator_name = store_column_dup(st, 3, failed);
    r->category = store_column_dup(st, 4, failed);
    r->phrase = store_column_dup(st, 5, failed);
    r->value_text = store_column_dup(st, 6, failed);
    r->unit = store_column_dup(st, 7, failed);
    r->comparator = store_column_dup(st, 8, failed);
    r->flags = store_column_dup(st, 9, failed);
    r->qualifier = store_column_dup(st, 10, failed);
    r->value = sqlite3_column_type(st, 11) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 11);
    r->year = sqlite3_column_int(st, 12);
    r->doc_slug = store_column_dup(st, 13, failed);
    r->region = store_column_dup(st, 14, failed);
    r->path = store_column_dup(st, 15, failed);
    r->section_title = store_column_dup(st, 16, failed);
    r->start = sqlite3_column_int64(st, 17);
    r->end = sqlite3_column_int64(st, 18);
    enum target_kind k = TK_TARGET;
    enum target_freq q = TFQ_LEVEL;
    target_kind_parse((const char *)sqlite3_column_text(st, 19), &k);
    target_freq_parse((const char *)sqlite3_column_text(st, 20), &q);
    r->kind = k;
    r->freq = q;
    r->set_by = store_column_dup(st, 21, failed);
    r->set_by_level = store_column_dup(st, 22, failed);
    r->direction = store_column_dup(st, 23, failed);
    r->key = store_column_dup(st, 24, failed);
}

/* The ids of the indicators a user's word names, as a JSON array for json_each: the slug,
 * the name or an alias exactly (folded), else every name or alias containing it. */
static char *indicator_ids(sqlite3 *db, const char *word, struct err *e)
{
    char *key = targets_fold_key(word, strlen(word));
    sqlite3_stmt *st;
    static const char sql[] =
        "SELECT id FROM indicator WHERE slug = ?1 OR name = ?2 OR id IN"
        " (SELECT indicator_id FROM indicator_alias WHERE key = ?2)"
        " UNION SELECT id FROM indicator WHERE ?3 AND (instr(name, ?2) OR id IN"
        " (SELECT indicator_id FROM indicator_alias WHERE instr(key, ?2)))";
    if (!key || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(key);
        err_set(e, "database: %s", sqlite3_errmsg(db));
        return NULL;
    }
    size_t cap = 64, len = 1;
    char *json = malloc(cap);
    strcpy(json, "[");
    for (int loose = 0; loose < 2 && len == 1; loose++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, loose);
        int rc;
        while ((rc = store_step(st, "database", e)) == 1) {
            char num[32];
            int w = snprintf(num, sizeof num, "%s%lld", len > 1 ? "," : "",
                             (long long)sqlite3_column_int64(st, 0));
            if (len + (size_t)w + 2 > cap) {
                cap = cap * 2 + (size_t)w;
                char *nj = realloc(json, cap);
                if (!nj)
                    break;
                json = nj;
            }
            memcpy(json + len, num, (size_t)w + 1);
            len += (size_t)w;
        }
        if (rc < 0) {
            sqlite3_finalize(st);
            free(key), free(json);
            return NULL;
        }
    }
    sqlite3_finalize(st);
    free(key);
    if (len == 1) {
        err_set(e, "no indicator matches \"%s\" (see data/indicators.tsv for slugs and names)",
                word);
        free(json);
        return NULL;
    }
    strcpy(json + len, "]");
    return json;
}

/* The query with its ORDER BY; a database without targets, or with the targets of an
 * earlier gongfu, is a message saying to import again. */
static int prepare_select(sqlite3 *db, const char *head, const char *order, sqlite3_stmt **st,
                          struct err *e)
{
    size_t sl = strlen(head) + strlen(order) + 1;
    char *sql = malloc(sl);
    *st = NULL;
    if (!sql) {
        err_set(e, "out of memory");
        return -1;
    }
    snprintf(sql, sl, "%s%s", head, order);
    int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
    free(sql);
    if (rc == SQLITE_OK)
        return 0;
    if (strstr(sqlite3_errmsg(db), "no such table"))
        err_set(e, "this database holds no targets (it was imported by a gongfu that did "
                "not extract them): import the documents again");
    else if (strstr(sqlite3_errmsg(db), "no such column"))
        err_set(e, "this database's targets have no kind (it was imported by an earlier "
                "gongfu): import the documents again");
    else
        err_set(e, "database: %s", sqlite3_errmsg(db));
    return -1;
}

/* Every column of target and indicator that the queries above read, named in a statement
 * that reads no row: preparing it fails where theirs would, as theirs would (no table, no
 * kind). One expression of them, not a result column each, and no order: a seventh of
 * the cost of preparing the query itself (the explorer asks before its first screen).
 * The node and doc columns are the store's own schema, which its version vouches for. */
int targets_readable(sqlite3 *db, struct err *e)
{
    static const char columns[] =
        "SELECT coalesce(t.id, t.node_id, t.indicator_id, t.phrase, t.value, t.value_text,"
        " t.unit, t.comparator, t.year, t.qualifier, t.flags, t.start, t.\"end\", t.key, t.kind,"
        " t.frequency, t.for_region, i.id, i.slug, i.name, i.category, i.direction)"
        " FROM target t, indicator i LIMIT 0";
    sqlite3_stmt *st;
    if (prepare_select(db, columns, "", &st, e) < 0)
        return -1;
    sqlite3_finalize(st);
    return 0;
}

/* Appends the statement's rows to *out (*n of them so far): 0, or -1 with the rows read
 * still in *out for the caller to free. */
static int read_rows(sqlite3_stmt *st, struct target_row **out, size_t *n, struct err *e)
{
    size_t cap = *n;
    int s, failed = 0;
    while (!failed && (s = store_step(st, "targets", e)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            struct target_row *nr = realloc(*out, cap * sizeof *nr);
            if (!nr)
                return err_set(e, "out of memory"), -1;
            *out = nr;
        }
        row_read(st, &(*out)[(*n)++], &failed);
    }
    if (failed)
        return err_set(e, "out of memory"), -1;
    return s < 0 ? -1 : 0;
}

int targets_run_query(sqlite3 *db, const struct target_filter *f, int linked_only,
                     const char *order, struct target_row **out, size_t *n, struct err *e)
{
    *out = NULL;
    *n = 0;
    char *ids = NULL, *region = NULL;
    if (f->indicator && !(ids = indicator_ids(db, f->indicator, e))) {
        if (strstr(e->msg, "no such table")) {
            e->msg[0] = 0;
            err_set(e, "this database holds no targets (it was imported by a gongfu that "
                    "did not extract them): import the documents again");
        }
        return -1;
    }
    if (f->region)
        region = targets_fold_key(f->region, strlen(f->region));
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if (prepare_select(db, select_sql, order, &st, e) < 0)
        goto done;
    sqlite3_bind_text(st, 1, ids, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, region, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, f->unlinked);
    sqlite3_bind_int(st, 4, f->year);
    sqlite3_bind_text(st, 5, f->category, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, f->node_id);
    sqlite3_bind_int(st, 7, linked_only);
    if (f->kind != TARGET_KIND_ALL)
        sqlite3_bind_text(st, 8, target_kind_name((enum target_kind)f->kind), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, targets_region_order_json(), -1, SQLITE_STATIC);
    if (read_rows(st, out, n, e) < 0)
        goto done;
    rc = 0;
done:
    if (rc)
        target_rows_free(out, *n), *n = 0;
    sqlite3_finalize(st);
    free(ids);
    free(region);
    return rc;
}

int targets_query(sqlite3 *db, const struct target_filter *f, struct target_row **out,
                  size_t *n, struct err *e)
{
    return targets_run_query(db, f, 0, QUERY_ORDER, out, n, e);
}

/* Appends the rows of one statement (head, then QUERY_ORDER) with ?1 the target's id and
 * ?2 a key; 0 or -1. */
static int read_where(sqlite3 *db, const char *head, int64_t id, const char *key,
                      struct target_row **out, size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare_select(db, head, QUERY_ORDER, &st, e) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, targets_region_order_json(), -1, SQLITE_STATIC);
    int rc = read_rows(st, out, n, e);
    sqlite3_finalize(st);
    return rc;
}

static int by_string(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int keys_have(const struct target_keys *k, const char *key)
{
    return k && key && k->n && bsearch(&key, k->v, k->n, sizeof *k->v, by_string);
}

int targets_measure_rows(sqlite3 *db, int64_t id, const struct target_keys *reported,
                         struct target_row **out, size_t *n, struct err *e)
{
    static const char by_id[] = SELECT_ROWS " WHERE t.id = ?1 ORDER BY ";
    /* The indicator's rows through its index (target_indicator). */
    static const char by_indicator[] =
        SELECT_ROWS " WHERE t.indicator_id = (SELECT indicator_id FROM target WHERE id = ?1)"
        " ORDER BY ";
    static const char by_key[] =
        SELECT_ROWS " WHERE t.indicator_id IS NULL AND t.kind = 'reported' AND t.key = ?2"
        " AND t.id <> ?1 ORDER BY ";
    *out = NULL;
    *n = 0;
    int rc = read_where(db, by_id, id, NULL, out, n, e);
    if (rc == 0 && *n && (*out)[0].indicator_slug) {
        target_rows_free(out, *n);
        *n = 0;
        rc = read_where(db, by_indicator, id, NULL, out, n, e);
    } else if (rc == 0 && *n && keys_have(reported, (*out)[0].key)) {
        char *key = strdup((*out)[0].key);
        rc = key ? read_where(db, by_key, id, key, out, n, e) : (err_set(e, "out of memory"), -1);
        free(key);
    }
    if (rc < 0)
        target_rows_free(out, *n), *n = 0;
    return rc;
}

int targets_doc_measures(sqlite3 *db, const char *doc_slug, struct target_row **out,
                         size_t *n, struct err *e)
{
    /* Through the document's targets (target_node) to its indicators, then each one's
     * rows through target_indicator. */
    static const char sql[] =
        SELECT_ROWS " WHERE t.indicator_id IN (SELECT t2.indicator_id FROM doc d2"
        " JOIN node n2 ON n2.doc_id = d2.id JOIN target t2 ON t2.node_id = n2.id"
        " WHERE d2.slug = ?2 AND t2.indicator_id IS NOT NULL) ORDER BY t.indicator_id, ";
    *out = NULL;
    *n = 0;
    if (read_where(db, sql, 0, doc_slug, out, n, e) < 0) {
        target_rows_free(out, *n), *n = 0;
        return -1;
    }
    return 0;
}

void target_keys_free(struct target_keys *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->v[i]);
    free(k->v);
    k->v = NULL;
    k->n = 0;
}

int targets_read_strings(sqlite3_stmt *st, char ***v, size_t *n, struct err *e)
{
    size_t cap = 0;
    int s, failed = 0;
    *v = NULL;
    *n = 0;
    while (!failed && (s = store_step(st, "database", e)) == 1) {
        if (array_grow((void **)v, &cap, *n + 1, sizeof **v) < 0) {
            failed = 1;
            break;
        }
        (*v)[(*n)++] = store_column_dup(st, 0, &failed);
    }
    if (failed)
        err_set(e, "out of memory");
    if (failed || s < 0) {
        for (size_t i = 0; i < *n; i++)
            free((*v)[i]);
        free(*v);
        *v = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

int targets_reported_keys(sqlite3 *db, struct target_keys *out, struct err *e)
{
    static const char sql[] =
        "SELECT DISTINCT key FROM target WHERE indicator_id IS NULL AND kind = 'reported'";
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return err_set(e, "database: %s", sqlite3_errmsg(db)), -1;
    int rc = targets_read_strings(st, &out->v, &out->n, e);
    sqlite3_finalize(st);
    if (rc == 0 && out->n)
        qsort(out->v, out->n, sizeof *out->v, by_string);
    return rc;
}

/* A span with its section's place in the document, to sort by. */
struct placed_span {
    int64_t seq;
    struct target_span s;
};

static int by_place(const void *x, const void *y)
{
    const struct placed_span *p = x, *q = y;
    if (p->seq != q->seq)
        return p->seq < q->seq ? -1 : 1;
    if (p->s.start != q->s.start)
        return p->s.start < q->s.start ? -1 : 1;
    return p->s.id < q->s.id ? -1 : p->s.id > q->s.id;
}

/* The rows of the statement, each with its section's seq (column 4); 0, or -1 with e set. */
static int read_placed(sqlite3_stmt *st, struct placed_span **out, size_t *n, struct err *e)
{
    size_t cap = 0;
    int s;
    while ((s = store_step(st, "targets", e)) == 1) {
        if (array_grow((void **)out, &cap, *n + 1, sizeof **out) < 0)
            return err_set(e, "out of memory"), -1;
        (*out)[(*n)++] = (struct placed_span){ sqlite3_column_int64(st, 4),
                                               { sqlite3_column_int64(st, 0),
                                                 sqlite3_column_int64(st, 1),
                                                 sqlite3_column_int64(st, 2),
                                                 sqlite3_column_int64(st, 3) } };
    }
    return s < 0 ? -1 : 0;
}

int targets_doc_spans(sqlite3 *db, const char *doc_slug, struct target_span **out,
                      size_t *n, struct err *e)
{
    /* In the text's order, the order the reader shows spans in (it sorts them by place
     * too), not targets_query's by region first: no region's rank computed for every row,
     * and sorted here, not by SQLite's sorter (issue 15: 1.1 M of the 12 M instructions to
     * the explorer's first screen). */
    static const char sql[] =
        "SELECT t.id, t.node_id, t.start, t.\"end\", n.seq FROM target t"
        " JOIN node n ON n.id = t.node_id WHERE n.doc_id = (SELECT id FROM doc WHERE slug = ?1)";
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        err_set(e, "database: %s", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_text(st, 1, doc_slug, -1, SQLITE_STATIC);
    struct placed_span *v = NULL;
    size_t nv = 0;
    int rc = read_placed(st, &v, &nv, e);
    sqlite3_finalize(st);
    if (rc == 0 && nv && !(*out = malloc(nv * sizeof **out))) {
        err_set(e, "out of memory");
        rc = -1;
    }
    if (rc == 0 && nv) {
        qsort(v, nv, sizeof *v, by_place);
        for (size_t i = 0; i < nv; i++)
            (*out)[i] = v[i].s;
        *n = nv;
    }
    free(v);
    return rc;
}
