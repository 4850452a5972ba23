/* targets_query.c — reading targets back: one section's, one indicator's across regions,
 * and the side-by-side compare table, for the command line and the explorer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/paths.h"
#include "targets_int.h"

/* The region a value is for, and that region's level: the document's own, or, for a
 * target a body sets for another region, the level of that region's documents. */
#define T_REGION "coalesce(t.for_region, d.region, '')"
#define T_LEVEL                                                                             \
    "(CASE WHEN t.for_region IS NULL THEN d.level ELSE coalesce((SELECT d2.level FROM doc d2" \
    " WHERE d2.region = t.for_region LIMIT 1), 'other') END)"

/* Regions in the order officials compare them: by level (the province, then cities, then
 * the rest), within a level the regions data/region_order.tsv lists first, in its order,
 * then by name. The list is bound as a JSON array (region_order_json). */
#define REGION_RANK(level, region, param)                                                   \
    "(CASE " level " WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END),"                \
    "coalesce((SELECT o.key FROM json_each(" param ") o WHERE o.value = " region "), 1e9)," \
    region

/* One string of a JSON array, after a comma unless it is the first: names are data, so
 * quotes, backslashes and control characters are escaped. */
static void json_put_string(FILE *mem, const char *s, int first)
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
static const char *region_order_json(void)
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
        json_put_string(mem, line, first);
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

static const char select_sql[] =
    "SELECT t.id, t.node_id, i.slug, i.name, i.category, t.phrase, t.value_text, t.unit,"
    " t.comparator, t.flags, t.qualifier, t.value, t.year, d.slug, " T_REGION ", n.path,"
    " n.title, t.start, t.\"end\", t.kind, t.frequency, coalesce(d.region, ''), d.level,"
    " i.direction, t.key"
    " FROM target t JOIN node n ON n.id = t.node_id JOIN doc d ON d.id = n.doc_id"
    " LEFT JOIN indicator i ON i.id = t.indicator_id"
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
static int prepare_select(sqlite3 *db, const char *order, sqlite3_stmt **st, struct err *e)
{
    size_t sl = strlen(select_sql) + strlen(order) + 1;
    char *sql = malloc(sl);
    *st = NULL;
    if (!sql) {
        err_set(e, "out of memory");
        return -1;
    }
    snprintf(sql, sl, "%s%s", select_sql, order);
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

#define QUERY_ORDER REGION_RANK(T_LEVEL, T_REGION, "?9") ", d.id, n.seq, t.start"

int targets_readable(sqlite3 *db, struct err *e)
{
    sqlite3_stmt *st;
    if (prepare_select(db, QUERY_ORDER, &st, e) < 0)
        return -1;
    sqlite3_finalize(st);
    return 0;
}

static int run_query(sqlite3 *db, const struct target_filter *f, int linked_only,
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
    if (prepare_select(db, order, &st, e) < 0)
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
    sqlite3_bind_text(st, 9, region_order_json(), -1, SQLITE_STATIC);
    size_t cap = 0;
    int s, failed = 0;
    while (!failed && (s = store_step(st, "targets", e)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            struct target_row *nr = realloc(*out, cap * sizeof *nr);
            if (!nr) {
                err_set(e, "out of memory");
                goto done;
            }
            *out = nr;
        }
        row_read(st, &(*out)[(*n)++], &failed);
    }
    if (failed)
        err_set(e, "out of memory");
    if (failed || s < 0)
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
    return run_query(db, f, 0, QUERY_ORDER, out, n, e);
}

int targets_doc_spans(sqlite3 *db, const char *doc_slug, struct target_span **out,
                      size_t *n, struct err *e)
{
    static const char sql[] =
        "SELECT t.id, t.node_id, t.start, t.\"end\""
        " FROM target t JOIN node n ON n.id = t.node_id JOIN doc d ON d.id = n.doc_id"
        " WHERE d.slug = ?1 ORDER BY " QUERY_ORDER;
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        err_set(e, "database: %s", sqlite3_errmsg(db));
        return -1;
    }
    sqlite3_bind_text(st, 1, doc_slug, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, region_order_json(), -1, SQLITE_STATIC);
    size_t cap = 0;
    int s;
    while ((s = store_step(st, "targets", e)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            struct target_span *v = realloc(*out, cap * sizeof *v);
            if (!v) {
                err_set(e, "out of memory");
                s = -1;
                break;
            }
            *out = v;
        }
        (*out)[(*n)++] = (struct target_span){ sqlite3_column_int64(st, 0),
                                               sqlite3_column_int64(st, 1),
                                               sqlite3_column_int64(st, 2),
                                               sqlite3_column_int64(st, 3) };
    }
    sqlite3_finalize(st);
    if (s < 0) {
        free(*out);
        *out = NULL, *n = 0;
        return -1;
    }
    return 0;
}

/* ---- the compare table ---- */

void compare_table_free(struct compare_table *t)
{
    target_rows_free(&t->targets, t->ntargets);
    for (size_t i = 0; i < t->nregions; i++)
        free(t->regions[i]);
    free(t->regions);
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].cells);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

/* Columns: every province and city that has documents, then other regions with targets. */
static int compare_regions(sqlite3 *db, struct compare_table *t, struct err *e)
{
    sqlite3_stmt *st;
    static const char sql[] =
        "SELECT d.region FROM doc d WHERE d.region IS NOT NULL AND (d.level IN ('province', 'city')"
        " OR d.region IN (SELECT value FROM json_each(?1))) GROUP BY d.region ORDER BY "
        "MIN(" REGION_RANK("d.level", "d.region", "?2") ")";
    /* json_each needs a JSON array of the regions that have targets in the table. */
    char *json = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&json, &len);
    if (!mem)
        return err_set(e, "out of memory"), -1;
    fputc('[', mem);
    for (size_t i = 0; i < t->ntargets; i++)
        json_put_string(mem, t->targets[i].region ? t->targets[i].region : "", i == 0);
    fputc(']', mem);
    if (fclose(mem) != 0 || !json)
        return free(json), err_set(e, "out of memory"), -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        free(json);
        return err_set(e, "database: %s", sqlite3_errmsg(db)), -1;
    }
    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, region_order_json(), -1, SQLITE_STATIC);
    size_t rcap = 0;
    int rc, failed = 0;
    while (!failed && (rc = store_step(st, "database", e)) == 1) {
        if (t->nregions == rcap) {
            rcap = rcap ? rcap * 2 : 8;
            char **nr = realloc(t->regions, rcap * sizeof *nr);
            if (!nr) {
                failed = 1;
                break;
            }
            t->regions = nr;
        }
        t->regions[t->nregions++] = store_column_dup(st, 0, &failed);
    }
    sqlite3_finalize(st);
    free(json);
    if (failed)
        err_set(e, "out of memory");
    return failed || rc < 0 ? -1 : 0;
}

static size_t region_index(const struct compare_table *t, const char *region)
{
    for (size_t i = 0; i < t->nregions; i++)
        if (region && !strcmp(t->regions[i], region))
            return i;
    return t->nregions;
}

int targets_compare(sqlite3 *db, int year, const char *category, struct compare_table *out,
                    struct err *e)
{
    memset(out, 0, sizeof *out);
    struct target_filter f = { .year = year, .category = category };
    /* Grouped by indicator in catalogue order, regions in their order within each. */
    if (run_query(db, &f, 1, "i.seq, " REGION_RANK(T_LEVEL, T_REGION, "?9") ", t.year, d.id, n.seq,"
                  " t.start",
                  &out->targets, &out->ntargets, e) < 0 ||
        compare_regions(db, out, e) < 0) {
        compare_table_free(out);
        return -1;
    }
    for (size_t i = 0; i < out->ntargets;) {
        size_t j = i;
        while (j < out->ntargets && !strcmp(out->targets[j].indicator_slug,
                                            out->targets[i].indicator_slug))
            j++;
        struct compare_row *nr = realloc(out->rows, (out->nrows + 1) * sizeof *nr);
        struct compare_cell *cells = calloc(out->nregions + 1, sizeof *cells);
        if (!nr || !cells) {
            free(cells);
            if (nr)
                out->rows = nr;
            compare_table_free(out);
            return err_set(e, "out of memory"), -1;
        }
        out->rows = nr;
        struct compare_row *row = &out->rows[out->nrows++];
        row->slug = out->targets[i].indicator_slug;
        row->name = out->targets[i].indicator_name;
        row->category = out->targets[i].category;
        row->cells = cells;
        for (size_t k = i; k < j; k++) {
            size_t r = region_index(out, out->targets[k].region);
            if (r == out->nregions)
                continue;
            if (!cells[r].n)
                cells[r].t = &out->targets[k];
            cells[r].n++;
        }
        i = j;
    }
    return 0;
}

char *targets_format_cell(const struct target_row *t, size_t n, int with_year)
{
    size_t cap = 64, len = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const struct target_row *r = &t[i];
        const char *cmp = r->comparator && strcmp(r->comparator, "=") ? r->comparator : "";
        int inferred = r->flags && strstr(r->flags, "inferred-unit");
        char year[16] = "", by[64] = "";
        if (with_year && r->year)
            snprintf(year, sizeof year, " (%d)", r->year);
        /* A target set for this region by a body above it says so: "[全国]". */
        if (r->set_by && r->region && *r->set_by && strcmp(r->set_by, r->region))
            snprintf(by, sizeof by, " [%s]", r->set_by);
        /* A total each year or over the period never sits unmarked beside a level. */
        const char *freq = r->freq == TFQ_ANNUAL ? " 每年" : r->freq == TFQ_CUMULATIVE ? " 累计" : "";
        size_t need = len + strlen(cmp) + strlen(r->value_text ? r->value_text : "") +
                      strlen(r->unit ? r->unit : "") + strlen(freq) + strlen(year) +
                      strlen(by) + 8;
        if (need > cap) {
            cap = need * 2;
            char *no = realloc(out, cap);
            if (!no)
                return free(out), NULL;
            out = no;
        }
        len += (size_t)sprintf(out + len, "%s%s%s%s%s%s%s%s", i ? "; " : "", cmp,
                               r->value_text ? r->value_text : "", r->unit ? r->unit : "",
                               inferred ? "*" : "", freq, year, by);
    }
    return out;
}
