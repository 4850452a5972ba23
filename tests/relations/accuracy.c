/* accuracy.c — the related lists of an imported database against a hand key
 * (tests/golden/relations/key.tsv: from SLUG:PATH, to_doc, counterparts best first or "-").
 *
 *   rel_accuracy --db build/gongfu.db --key tests/golden/relations/key.tsv
 *                [--tune LEVEL>LEVEL] [--baseline FILE] [--sweep] [--verbose]
 *
 * For a row with counterparts, the list for to_doc is right first when its first section
 * is one of them, and within three when one of its first three is; a row without shows
 * none when the list is empty; listed-ok is the share of everything listed (first three)
 * for rows with counterparts that the key lists too. Rows are grouped by the levels of their documents
 * (province>city …); the group named by --tune (default province>city) is the one the
 * factor was calibrated on, the others are held out. --sweep rebuilds the model from the
 * database's sections and prints the figures for a range of factors, and the factor that
 * maximises a smoothed accuracy on the tuning group (each row counts by how far, on a log
 * scale, its first score clears the threshold or stays below it: Φ(margin / 0.2)), which
 * is how RELATIONS_FACTOR was chosen. With --baseline, exits 1 when a figure falls below
 * the committed one. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/relations_store.h"
#include "gongfu/store.h"

struct row {
    char *from, *to_doc, *cps[3];
    int ncps, group;
    int64_t node;          /* the from section */
    size_t sec;            /* its index in the corpus */
    /* stored relations for to_doc, best first */
    char *got[3];
    int ngot;
};

struct group {
    char name[64];
    int rows, pos, first, within3, neg, none;
    int listed, listed_right;      /* rows with counterparts: all listed, those in the key */
};

static struct row *rows;
static size_t nrows;
static struct group groups[16];
static int ngroups;

static void die(const char *msg)
{
    fprintf(stderr, "rel_accuracy: %s\n", msg);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        die("out of memory");
    return d;
}

static void read_key(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        perror(path), exit(1);
    char line[8192];
    size_t cap = 0;
    for (int lineno = 1; fgets(line, sizeof line, f); lineno++) {
        line[strcspn(line, "\r\n")] = 0;
        if (lineno == 1 || !line[0])
            continue;
        char *from = strtok(line, "\t"), *to = strtok(NULL, "\t"), *cps = strtok(NULL, "\t");
        if (!from || !to || !cps || !strchr(from, ':')) {
            fprintf(stderr, "%s:%d: expected from, to_doc, counterparts\n", path, lineno);
            exit(1);
        }
        if (nrows == cap && !(rows = realloc(rows, (cap = cap ? 2 * cap : 128) * sizeof *rows)))
            die("out of memory");
        struct row *r = &rows[nrows++];
        *r = (struct row){xstrdup(from), xstrdup(to)};
        for (char *c = strcmp(cps, "-") ? strtok(cps, ",") : NULL; c && r->ncps < 3;
             c = strtok(NULL, ","))
            r->cps[r->ncps++] = xstrdup(c);
    }
    fclose(f);
}

static const char *level_of(sqlite3 *db, const char *slug)
{
    static char level[64];
    sqlite3_stmt *st;
    snprintf(level, sizeof level, "?");
    if (sqlite3_prepare_v2(db, "SELECT coalesce(level, '?') FROM doc WHERE slug = ?", -1, &st,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(level, sizeof level, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    return level;
}

static int group_of(const char *name)
{
    for (int i = 0; i < ngroups; i++)
        if (!strcmp(groups[i].name, name))
            return i;
    if (ngroups == 16)
        die("too many groups");
    snprintf(groups[ngroups].name, sizeof groups[ngroups].name, "%s", name);
    return ngroups++;
}

/* The from section's node id, its group, and the stored relations for to_doc. */
static void resolve(sqlite3 *db, struct row *r)
{
    char slug[256], name[64];
    snprintf(slug, sizeof slug, "%.*s", (int)(strchr(r->from, ':') - r->from), r->from);
    snprintf(name, sizeof name, "%s>", level_of(db, slug));
    snprintf(name + strlen(name), sizeof name - strlen(name), "%s", level_of(db, r->to_doc));
    r->group = group_of(name);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT n.id FROM node n JOIN doc d ON d.id = n.doc_id WHERE "
                           "d.slug = ? AND n.path = ? AND n.kind != 'paragraph'", -1, &st,
                           NULL) != SQLITE_OK)
        die(sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, strchr(r->from, ':') + 1, -1, SQLITE_STATIC);
    r->node = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (!r->node)
        fprintf(stderr, "rel_accuracy: %s is not in the database\n", r->from), exit(1);
    struct relation_row *rel;
    size_t n;
    struct err e = {{0}};
    if (relations_of(db, r->node, r->to_doc, 3, &rel, &n, &e) < 0)
        die(e.msg);
    for (size_t i = 0; i < n && i < 3; i++)
        r->got[r->ngot++] = xstrdup(rel[i].path);
    relations_rows_free(&rel, n);
}

static int is_cp(const struct row *r, const char *path)
{
    for (int i = 0; i < r->ncps; i++)
        if (!strcmp(r->cps[i], path))
            return 1;
    return 0;
}

/* Adds a row's outcome, given its list, to its group. */
static void tally(struct group *g, const struct row *r, char *const *got, int ngot)
{
    g->rows++;
    if (!r->ncps) {
        g->neg++, g->none += ngot == 0;
        return;
    }
    g->pos++;
    g->first += ngot > 0 && is_cp(r, got[0]);
    int in3 = 0;
    for (int i = 0; i < ngot && i < 3; i++)
        in3 |= is_cp(r, got[i]), g->listed++, g->listed_right += is_cp(r, got[i]);
    g->within3 += in3;
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 1.0;
}

static void print_group(const struct group *g, const char *suffix)
{
    char name[96];
    snprintf(name, sizeof name, "%.60s%s", g->name[0] ? g->name : "?", suffix);
    printf("%-24s %4d %6d %9.3f %10.3f %6d %8.3f %9.3f\n", name, g->rows, g->pos,
           ratio(g->first, g->pos), ratio(g->within3, g->pos), g->neg, ratio(g->none, g->neg),
           ratio(g->listed_right, g->listed));
}

static void add(struct group *to, const struct group *g)
{
    to->rows += g->rows, to->pos += g->pos, to->first += g->first;
    to->within3 += g->within3, to->neg += g->neg, to->none += g->none;
    to->listed += g->listed, to->listed_right += g->listed_right;
}

/* Prints every group, then the held-out groups together and all rows. */
static void report(const struct group *gs, int tune, struct group *held, struct group *all)
{
    printf("%-24s %4s %6s %9s %10s %6s %8s %9s\n", "group", "rows", "with", "first",
           "within-3", "none", "shown-0", "listed-ok");
    *held = (struct group){"held out"}, *all = (struct group){"all"};
    for (int i = 0; i < ngroups; i++) {
        print_group(&gs[i], i == tune ? " (tuned)" : "");
        if (i != tune)
            add(held, &gs[i]);
        add(all, &gs[i]);
    }
    print_group(held, "");
    print_group(all, "");
}

/* ---- the sweep: the model's scores, any factor ---- */

struct cand {
    double score;
    size_t sec;
};

struct scored {
    struct cand *c;      /* the to_doc sections of the from section's kind, best first */
    size_t n;
    double background;
};

static struct relations_corpus corpus;
static struct relations *model;
static char **paths;     /* per corpus section */
static struct scored *scored;

static int by_score(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->sec < y->sec ? -1 : x->sec > y->sec;
}

static int doc_id(sqlite3 *db, const char *slug)
{
    sqlite3_stmt *st;
    int id = -1;
    if (sqlite3_prepare_v2(db, "SELECT id FROM doc WHERE slug = ?", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return id;
}

static void load_model(sqlite3 *db)
{
    struct err e = {{0}};
    if (relations_corpus_load(db, &corpus, &e) < 0 ||
        relations_build(corpus.secs, corpus.n, &model, &e) < 0)
        die(e.msg);
    paths = calloc(corpus.n + 1, sizeof *paths);
    scored = calloc(nrows + 1, sizeof *scored);
    sqlite3_stmt *st;
    if (!paths || !scored ||
        sqlite3_prepare_v2(db, "SELECT path FROM node WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        die("cannot read the outline");
    for (size_t i = 0; i < corpus.n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, corpus.node_id[i]);
        paths[i] = xstrdup(sqlite3_step(st) == SQLITE_ROW
                               ? (const char *)sqlite3_column_text(st, 0) : "");
    }
    sqlite3_finalize(st);
    for (size_t k = 0; k < nrows; k++) {
        struct row *r = &rows[k];
        for (r->sec = 0; r->sec < corpus.n && corpus.node_id[r->sec] != r->node; r->sec++)
            ;
        int to = doc_id(db, r->to_doc);
        struct scored *s = &scored[k];
        s->c = malloc((corpus.n + 1) * sizeof *s->c);
        if (!s->c)
            die("out of memory");
        for (size_t j = 0; j < corpus.n; j++)
            if (corpus.secs[j].doc == to && corpus.secs[j].kind == corpus.secs[r->sec].kind)
                s->c[s->n++] = (struct cand){relations_score(model, r->sec, j), j};
        qsort(s->c, s->n, sizeof *s->c, by_score);
        s->background = relations_background(model, r->sec);
    }
}

/* The phrases relations_of computes for every stored pair when read must be those the
 * whole model gives (what was stored before they were computed when read). */
static void check_phrases(sqlite3 *db)
{
    size_t pairs = 0;
    for (size_t i = 0; i < corpus.n; i++) {
        struct relation_row *rel = NULL;
        size_t n = 0;
        struct err e = {{0}};
        if (relations_of(db, corpus.node_id[i], NULL, 0, &rel, &n, &e) < 0)
            die(e.msg);
        for (size_t k = 0; k < n; k++) {
            size_t j = 0;
            while (j < corpus.n && corpus.node_id[j] != rel[k].node_id)
                j++;
            char *want = j < corpus.n ? relations_shared(model, i, j) : NULL;
            if (!want || strcmp(want, rel[k].shared))
                fprintf(stderr, "rel_accuracy: %s → %s: phrases read \"%s\", the model's \"%s\"\n",
                        paths[i], paths[j < corpus.n ? j : i], rel[k].shared,
                        want ? want : "?"), exit(1);
            free(want);
            pairs++;
        }
        relations_rows_free(&rel, n);
    }
    if (!pairs)
        die("no relation to check the phrases of");
}

/* The model's list for row k at a factor (as relations_pairs keeps it: the best
 * RELATIONS_PER_DOC that clear the threshold). */
static int model_list(size_t k, double factor, char **got)
{
    int n = 0;
    for (size_t i = 0; i < scored[k].n && n < RELATIONS_PER_DOC; i++)
        if (scored[k].c[i].score > 0 && scored[k].c[i].score >= factor * scored[k].background)
            got[n++] = paths[scored[k].c[i].sec];
    return n;
}

static void tally_factor(double factor, struct group *gs)
{
    for (int i = 0; i < ngroups; i++)
        gs[i] = (struct group){0}, memcpy(gs[i].name, groups[i].name, sizeof gs[i].name);
    for (size_t k = 0; k < nrows; k++) {
        char *got[RELATIONS_PER_DOC];
        int n = model_list(k, factor, got);
        tally(&gs[rows[k].group], &rows[k], got, n);
    }
}

/* Each row of the group counts by how far its first score is from the threshold (log
 * scale, Φ(margin / 0.2)): a row right by a wide margin counts 1, one at the threshold ½. */
static double smoothed(int group, double factor)
{
    double sum = 0;
    int n = 0;
    for (size_t k = 0; k < nrows; k++) {
        if (rows[k].group != group)
            continue;
        n++;
        double s1 = scored[k].n ? scored[k].c[0].score : 0, t = factor * scored[k].background;
        if (s1 <= 0 || t <= 0) {
            sum += rows[k].ncps ? 0 : 1;
            continue;
        }
        double m = (log(s1) - log(t)) / 0.2, phi = 0.5 * erfc(-m / sqrt(2));
        if (!rows[k].ncps)
            sum += 1 - phi;
        else if (is_cp(&rows[k], paths[scored[k].c[0].sec]))
            sum += phi;
    }
    return n ? sum / n : 0;
}

static void sweep(int tune)
{
    printf("\nfactor sweep (the model's scores; the factor in use is %.2f)\n", RELATIONS_FACTOR);
    printf("%7s  %-26s  %-26s  %s\n", "factor", "tuned: first within-3 none",
           "held out: first within-3 none", "smoothed(tuned)");
    for (double f = 2.0; f <= 8.01; f += 0.25) {
        struct group gs[16], held = {0};
        tally_factor(f, gs);
        for (int i = 0; i < ngroups; i++)
            if (i != tune)
                add(&held, &gs[i]);
        printf("%7.2f  %6.3f %9.3f %6.3f     %6.3f %9.3f %6.3f     %.4f\n", f,
               ratio(gs[tune].first, gs[tune].pos), ratio(gs[tune].within3, gs[tune].pos),
               ratio(gs[tune].none, gs[tune].neg), ratio(held.first, held.pos),
               ratio(held.within3, held.pos), ratio(held.none, held.neg), smoothed(tune, f));
    }
    double best = 1, best_v = -1;
    for (double f = 1.0; f <= 12.0; f += 0.01) {
        double v = smoothed(tune, f);
        if (v > best_v + 1e-12)
            best = f, best_v = v;
    }
    printf("the smoothed accuracy on %s is highest at factor %.2f (%.4f)\n", groups[tune].name,
           best, best_v);
}

/* ---- the figures, and the floor ---- */

struct figure {
    const char *name;
    double value;
};

static int check_baseline(const char *path, const struct figure *f, size_t nf)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return perror(path), 1;
    char line[256], name[128];
    double floor;
    int bad = 0;
    while (fgets(line, sizeof line, in)) {
        if (line[0] == '#' || sscanf(line, "%127s %lf", name, &floor) != 2)
            continue;
        size_t i = 0;
        while (i < nf && strcmp(f[i].name, name))
            i++;
        if (i == nf) {
            fprintf(stderr, "%s: unknown figure %s\n", path, name);
            bad = 1;
        } else if (f[i].value < floor - 1e-9) {
            fprintf(stderr, "rel_accuracy: %s %.4f is below the baseline %.4f\n", name,
                    f[i].value, floor);
            bad = 1;
        }
    }
    fclose(in);
    return bad;
}

static void verbose_rows(void)
{
    for (size_t k = 0; k < nrows; k++) {
        const struct row *r = &rows[k];
        printf("%s\t%s\tkey:", r->from, r->to_doc);
        for (int i = 0; i < r->ncps; i++)
            printf("%s%s", i ? "," : "", r->cps[i]);
        printf("%s\tlisted:", r->ncps ? "" : "-");
        for (int i = 0; i < r->ngot; i++)
            printf("%s%s", i ? "," : "", r->got[i]);
        int ok = r->ncps ? r->ngot && is_cp(r, r->got[0]) : !r->ngot;
        printf("%s\t%s\n", r->ngot ? "" : "-", ok ? "ok" : "WRONG");
    }
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},       {"key", required_argument, 0, 'k'},
        {"tune", required_argument, 0, 't'},     {"baseline", required_argument, 0, 'b'},
        {"sweep", no_argument, 0, 's'},          {"verbose", no_argument, 0, 'v'},
        {0, 0, 0, 0},
    };
    const char *db_path = NULL, *key = "tests/golden/relations/key.tsv", *base = NULL;
    const char *tune_name = "province>city";
    int c, do_sweep = 0, verbose = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd') db_path = optarg;
        else if (c == 'k') key = optarg;
        else if (c == 't') tune_name = optarg;
        else if (c == 'b') base = optarg;
        else if (c == 's') do_sweep = 1;
        else if (c == 'v') verbose = 1;
        else return 2;
    }
    if (!db_path)
        die("usage: rel_accuracy --db DB [--key KEY] [--tune A>B] [--baseline F] [--sweep]");
    struct store *s;
    struct err e = {{0}};
    store_add_hooks(&relations_hooks);
    if (store_open(db_path, STORE_READ, &s, &e) < 0)
        die(e.msg);
    sqlite3 *db = store_db(s);
    read_key(key);
    int tune = group_of(tune_name);
    for (size_t k = 0; k < nrows; k++) {
        resolve(db, &rows[k]);
        tally(&groups[rows[k].group], &rows[k], rows[k].got, rows[k].ngot);
    }
    printf("related lists in %s against %s (%zu rows); tuned on %s\n", db_path, key, nrows,
           tune_name);
    struct group held, all;
    report(groups, tune, &held, &all);
    if (verbose)
        verbose_rows();
    /* The stored lists must be what the model gives at the factor in use. */
    load_model(db);
    for (size_t k = 0; k < nrows; k++) {
        char *got[RELATIONS_PER_DOC];
        int n = model_list(k, RELATIONS_FACTOR, got), same = n == rows[k].ngot;
        for (int i = 0; same && i < n; i++)
            same = !strcmp(got[i], rows[k].got[i]);
        if (!same)
            fprintf(stderr, "rel_accuracy: %s → %s: stored list differs from the model's\n",
                    rows[k].from, rows[k].to_doc), exit(1);
    }
    check_phrases(db);
    if (do_sweep)
        sweep(tune);
    const struct figure f[] = {
        {"tuned-first", ratio(groups[tune].first, groups[tune].pos)},
        {"tuned-within3", ratio(groups[tune].within3, groups[tune].pos)},
        {"tuned-none", ratio(groups[tune].none, groups[tune].neg)},
        {"heldout-first", ratio(held.first, held.pos)},
        {"heldout-within3", ratio(held.within3, held.pos)},
        {"heldout-none", ratio(held.none, held.neg)},
        {"all-first", ratio(all.first, all.pos)},
        {"all-within3", ratio(all.within3, all.pos)},
        {"all-none", ratio(all.none, all.neg)},
    };
    int bad = base ? check_baseline(base, f, sizeof f / sizeof *f) : 0;
    store_close(&s);
    return bad;
}
