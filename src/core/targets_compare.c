/* targets_compare.c — the side-by-side table: every indicator a region sets, a column
 * per region, for `gongfu compare` and the explorer's compare view; and each cell as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "targets_int.h"
#include "targets_query_int.h"

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

/* Columns: every province and city that has documents, then other regions with targets:
 * those ?1 names (a JSON array) or, without it, of every target an indicator links. */
#define REGIONS_SQL(targets_regions)                                                        \
    "SELECT d.region FROM doc d WHERE d.region IS NOT NULL AND (d.level IN ('province',"   \
    " 'city') OR d.region IN (" targets_regions ")) GROUP BY d.region ORDER BY "           \
    "MIN(" REGION_RANK("d.level", "d.region", "?2") ")"

static int read_regions(sqlite3 *db, const char *sql, const char *json, char ***regions,
                        size_t *n, struct err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return err_set(e, "database: %s", sqlite3_errmsg(db)), -1;
    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, targets_region_order_json(), -1, SQLITE_STATIC);
    int rc = targets_read_strings(st, regions, n, e);
    sqlite3_finalize(st);
    return rc;
}

/* The table's columns: the regions of its targets are bound as a JSON array. */
static int compare_regions(sqlite3 *db, struct compare_table *t, struct err *e)
{
    static const char sql[] = REGIONS_SQL("SELECT value FROM json_each(?1)");
    char *json = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&json, &len);
    if (!mem)
        return err_set(e, "out of memory"), -1;
    fputc('[', mem);
    for (size_t i = 0; i < t->ntargets; i++)
        targets_json_put_string(mem, t->targets[i].region ? t->targets[i].region : "", i == 0);
    fputc(']', mem);
    if (fclose(mem) != 0 || !json)
        return free(json), err_set(e, "out of memory"), -1;
    int rc = read_regions(db, sql, json, &t->regions, &t->nregions, e);
    free(json);
    return rc;
}

int targets_regions(sqlite3 *db, char ***regions, size_t *n, struct err *e)
{
    static const char sql[] = REGIONS_SQL(
        "SELECT " T_REGION " FROM target t JOIN node n ON n.id = t.node_id"
        " JOIN doc d ON d.id = n.doc_id WHERE t.indicator_id IS NOT NULL AND t.kind = 'target'");
    return read_regions(db, sql, NULL, regions, n, e);
}

static size_t region_index(const struct compare_table *t, const char *region)
{
    for (size_t i = 0; i < t->nregions; i++)
        if (region && !strcmp(t->regions[i], region))
            return i;
    return t->nregions;
}

/* Grouped by indicator in catalogue order, regions in their order within each. */
#define COMPARE_ORDER "i.seq, " REGION_RANK(T_LEVEL, T_REGION, "?9") ", t.year, d.id, n.seq, t.start"

/* The rows of a table read (its targets, in COMPARE_ORDER) and their cells. */
static int compare_rows(struct compare_table *out, struct err *e)
{
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

int targets_compare(sqlite3 *db, int year, const char *category, struct compare_table *out,
                    struct err *e)
{
    memset(out, 0, sizeof *out);
    struct target_filter f = { .year = year, .category = category };
    if (targets_run_query(db, &f, 1, COMPARE_ORDER, &out->targets, &out->ntargets, e) < 0 ||
        compare_regions(db, out, e) < 0 || compare_rows(out, e) < 0) {
        compare_table_free(out);
        return -1;
    }
    return 0;
}

/* Moves the rows of kind k out of rows[0..n) into a new array, in order. */
static struct target_row *take_kind(struct target_row *rows, size_t n, enum target_kind k,
                                    size_t *count)
{
    struct target_row *v = malloc((n + 1) * sizeof *v);
    *count = 0;
    for (size_t i = 0; v && i < n; i++)
        if (rows[i].kind == k)
            v[(*count)++] = rows[i];
    return v;
}

int targets_compare_progress(sqlite3 *db, struct compare_table *t, struct progress_table *p,
                             struct err *e)
{
    memset(t, 0, sizeof *t);
    memset(p, 0, sizeof *p);
    struct target_filter f = { .kind = TARGET_KIND_ALL };
    struct target_row *rows;
    size_t n;
    if (targets_run_query(db, &f, 1, COMPARE_ORDER, &rows, &n, e) < 0)
        return -1;
    t->targets = take_kind(rows, n, TK_TARGET, &t->ntargets);
    p->reported = take_kind(rows, n, TK_REPORTED, &p->nreported);
    if (!t->targets || !p->reported) {
        free(t->targets), free(p->reported);
        t->targets = p->reported = NULL;
        target_rows_free(&rows, n);
        return err_set(e, "out of memory"), -1;
    }
    free(rows);                     /* its strings are the two tables' now */
    if (compare_regions(db, t, e) < 0 || compare_rows(t, e) < 0 ||
        targets_progress_pair(t->targets, t->ntargets, p->reported, p->nreported, 0, &p->rows,
                              &p->n, e) < 0) {
        compare_table_free(t);
        progress_table_free(p);
        return -1;
    }
    return 0;
}

/* " (2025)": a year as the cell writes it, into buf (16 bytes); its length. */
static size_t year_text(char *buf, int year)
{
    char digits[16];
    size_t nd = 0, o = 0;
    unsigned long u = year < 0 ? 0UL - (unsigned long)year : (unsigned long)year;
    do {
        digits[nd++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    buf[o++] = ' ', buf[o++] = '(';
    if (year < 0)
        buf[o++] = '-';
    while (nd)
        buf[o++] = digits[--nd];
    buf[o++] = ')';
    buf[o] = '\0';
    return o;
}

/* The pieces of a cell copied, not printed: the explorer formats each cell it shows at
 * each redraw of the compare view and each entry of the panel, and sprintf's parsing
 * was most of a cell's cost. The text is the same. */
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
            year_text(year, r->year);
        /* A target set for this region by a body above it says so: "[全国]". */
        if (r->set_by && r->region && *r->set_by && strcmp(r->set_by, r->region))
            snprintf(by, sizeof by, " [%s]", r->set_by);
        /* A total each year or over the period never sits unmarked beside a level. */
        const char *freq = r->freq == TFQ_ANNUAL ? " 每年" : r->freq == TFQ_CUMULATIVE ? " 累计" : "";
        const char *piece[] = { i ? "; " : "", cmp, r->value_text ? r->value_text : "",
                                r->unit ? r->unit : "", inferred ? "*" : "", freq, year, by };
        size_t plen[sizeof piece / sizeof *piece], need = len + 1;
        for (size_t k = 0; k < sizeof piece / sizeof *piece; k++)
            need += plen[k] = strlen(piece[k]);
        if (need > cap) {
            cap = need * 2;
            char *no = realloc(out, cap);
            if (!no)
                return free(out), NULL;
            out = no;
        }
        for (size_t k = 0; k < sizeof piece / sizeof *piece; k++) {
            memcpy(out + len, piece[k], plen[k]);
            len += plen[k];
        }
        out[len] = '\0';
    }
    return out;
}
