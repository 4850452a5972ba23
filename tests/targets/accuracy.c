/* accuracy.c — precision and recall of the target extractor and of linking, measured on
 * an imported database against the hand labels in tests/golden/targets/<slug>.tsv.
 *
 *   accuracy --db build/gongfu.db [--labels DIR] [--baseline FILE] [--write-baseline FILE]
 *            [--verbose]
 *
 * An extracted target matches a label when document slug, path, year and value agree
 * (numbers compared numerically, words after folding — one containing the other, so
 * 基本全覆盖 and 全覆盖 are the same level); each label matches at most one target. Every
 * labelled document is labelled whole, so anything extracted from it and not labelled is
 * a false positive. Linking is right when the matched pair names the same catalogue slug.
 * With --baseline, exits 1 when any figure falls below the committed one. */
#include <dirent.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/store.h"
#include "gongfu/targets.h"

struct label {
    char *slug, *path, *indicator, *phrase, *value, *cmp, *unit, *flags;
    int year, used;
};

struct labels {
    struct label *v;
    size_t n, cap;
};

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) {
        fputs("accuracy: out of memory\n", stderr);
        exit(1);
    }
    return d;
}

static int read_labels(const char *dir, const char *file, struct labels *l)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char slug[256];
    snprintf(slug, sizeof slug, "%.*s", (int)(strlen(file) - 4), file);
    char line[8192];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (lineno == 1 || !line[0] || line[0] == '#')
            continue;
        char *fld[9] = {0};
        int k = 0;
        for (char *p = line; k < 9;) {
            fld[k++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        if (k < 7) {
            fprintf(stderr, "%s:%d: expected 8 tab-separated fields\n", path, lineno);
            fclose(f);
            return -1;
        }
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 256;
            l->v = realloc(l->v, l->cap * sizeof *l->v);
            if (!l->v)
                exit(1);
        }
        l->v[l->n++] = (struct label){ xstrdup(slug), xstrdup(fld[0]), xstrdup(fld[1]),
                                       xstrdup(fld[2]), xstrdup(fld[4]), xstrdup(fld[3]),
                                       xstrdup(fld[5]), xstrdup(k > 7 ? fld[7] : ""),
                                       atoi(fld[6]), 0 };
    }
    fclose(f);
    return 0;
}

/* A number when the whole string is one. */
static int as_number(const char *s, double *v)
{
    char *end;
    if (!*s)
        return 0;
    *v = strtod(s, &end);
    return *end == 0;
}

static int same_value(const char *a, const char *b)
{
    double x, y;
    if (as_number(a, &x) && as_number(b, &y))
        return fabs(x - y) < 1e-9;
    char *fa = targets_fold_key(a, strlen(a)), *fb = targets_fold_key(b, strlen(b));
    int same = fa && fb && *fa && *fb && (strstr(fa, fb) || strstr(fb, fa));
    free(fa);
    free(fb);
    return same;
}

static int label_has_doc(const struct labels *l, const char *slug)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].slug, slug))
            return 1;
    return 0;
}

/* The best unused label for a target: same slug, path, year, value; one that also names
 * the same indicator first, so a right link is not matched to its wrong twin. */
static struct label *match(struct labels *l, const struct target_row *t)
{
    struct label *any = NULL;
    const char *ind = t->indicator_slug ? t->indicator_slug : "";
    for (size_t i = 0; i < l->n; i++) {
        struct label *b = &l->v[i];
        if (b->used || strcmp(b->slug, t->doc_slug) || strcmp(b->path, t->path ? t->path : "") ||
            b->year != t->year || !same_value(b->value, t->value_text))
            continue;
        if (!strcmp(b->indicator, ind))
            return b;
        if (!any)
            any = b;
    }
    return any;
}

struct figures {
    double ext_p, ext_r, link_p, link_r;
};

static const char *const names[] = { "extraction-precision", "extraction-recall",
                                     "linking-precision", "linking-recall" };

static int check_baseline(const char *file, const struct figures *f)
{
    FILE *in = fopen(file, "r");
    if (!in) {
        perror(file);
        return -1;
    }
    const double got[] = { f->ext_p, f->ext_r, f->link_p, f->link_r };
    char line[256];
    int bad = 0;
    while (fgets(line, sizeof line, in)) {
        char name[128];
        double want;
        if (line[0] == '#' || sscanf(line, "%127s %lf", name, &want) != 2)
            continue;
        for (size_t i = 0; i < 4; i++)
            if (!strcmp(name, names[i]) && got[i] + 1e-9 < want) {
                printf("REGRESSION: %s %.4f is below the baseline %.4f\n", name, got[i], want);
                bad = 1;
            }
    }
    fclose(in);
    return bad ? -1 : 0;
}

static void write_baseline(const char *file, const struct figures *f)
{
    FILE *out = fopen(file, "w");
    if (!out) {
        perror(file);
        exit(1);
    }
    const double got[] = { f->ext_p, f->ext_r, f->link_p, f->link_r };
    fputs("# Committed accuracy of the target extractor on tests/golden/targets (make check\n"
          "# fails below these). Raise them when the extractor improves: make accuracy.\n", out);
    for (size_t i = 0; i < 4; i++)
        fprintf(out, "%s %.4f\n", names[i], floor(got[i] * 10000) / 10000);
    fclose(out);
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"labels", required_argument, 0, 'l'},
        {"baseline", required_argument, 0, 'b'}, {"write-baseline", required_argument, 0, 'w'},
        {"verbose", no_argument, 0, 'v'}, {0, 0, 0, 0},
    };
    const char *db = NULL, *dir = "tests/golden/targets", *baseline = NULL, *wbase = NULL;
    int verbose = 0, c;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'd')
            db = optarg;
        else if (c == 'l')
            dir = optarg;
        else if (c == 'b')
            baseline = optarg;
        else if (c == 'w')
            wbase = optarg;
        else if (c == 'v')
            verbose = 1;
        else
            return 2;
    }
    if (!db) {
        fputs("usage: accuracy --db PATH [--labels DIR] [--baseline FILE] "
              "[--write-baseline FILE] [--verbose]\n", stderr);
        return 2;
    }
    struct labels l = {0};
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return 1;
    }
    for (struct dirent *de; (de = readdir(d));) {
        size_t n = strlen(de->d_name);
        if (n > 4 && !strcmp(de->d_name + n - 4, ".tsv") && read_labels(dir, de->d_name, &l) < 0)
            return 1;
    }
    closedir(d);

    struct store *s;
    struct err e = {{0}};
    struct target_row *rows;
    size_t n;
    struct target_filter all = {0};
    if (store_open(db, STORE_READ, &s, &e) < 0 || targets_query(store_db(s), &all, &rows, &n, &e) < 0) {
        fprintf(stderr, "accuracy: %s\n", e.msg);
        return 1;
    }
    size_t extracted = 0, matched = 0, linked = 0, linked_ok = 0, labelled_links = 0,
           labelled_ok = 0, cmp_ok = 0, flags_ok = 0;
    for (size_t i = 0; i < n; i++) {
        const struct target_row *t = &rows[i];
        if (!label_has_doc(&l, t->doc_slug))
            continue;
        extracted++;
        const char *ind = t->indicator_slug ? t->indicator_slug : "";
        struct label *b = match(&l, t);
        if (!b) {
            if (verbose)
                printf("FP\t%s\t%s\t%s\t%s\t%s%s\t%d\t%s\n", t->doc_slug, t->path, ind,
                       t->phrase, t->value_text, t->unit, t->year, t->flags);
            continue;
        }
        b->used = 1;
        matched++;
        if (*ind) {
            linked++;
            linked_ok += !strcmp(ind, b->indicator);
        }
        if (*b->indicator) {
            labelled_links++;
            labelled_ok += !strcmp(ind, b->indicator);
        }
        if (verbose && strcmp(ind, b->indicator))
            printf("LINK\t%s\t%s\t%s\tgot [%s] want [%s]\n", t->doc_slug, t->path, t->phrase,
                   ind, b->indicator);
        /* Comparator and flags are reported, not gated: the labels' reading of them is a
         * judgement the figures above do not depend on. */
        int same_cmp = !strcmp(t->comparator, b->cmp), same_flags = !strcmp(t->flags, b->flags);
        cmp_ok += same_cmp;
        flags_ok += same_flags;
        if (verbose && (!same_cmp || !same_flags))
            printf("DIFF\t%s\t%s\t%s\tgot %s [%s] want %s [%s]\n", t->doc_slug, t->path,
                   t->phrase, t->comparator, t->flags, b->cmp, b->flags);
    }
    for (size_t i = 0; verbose && i < l.n; i++)
        if (!l.v[i].used)
            printf("FN\t%s\t%s\t%s\t%s\t%s\t%d\n", l.v[i].slug, l.v[i].path, l.v[i].indicator,
                   l.v[i].phrase, l.v[i].value, l.v[i].year);
    struct figures f = {
        extracted ? (double)matched / extracted : 0, l.n ? (double)matched / l.n : 0,
        linked ? (double)linked_ok / linked : 0,
        labelled_links ? (double)labelled_ok / labelled_links : 0,
    };
    printf("extraction: precision %.4f (%zu of %zu extracted), recall %.4f (%zu of %zu labels)\n",
           f.ext_p, matched, extracted, f.ext_r, matched, l.n);
    printf("linking (matched targets): precision %.4f (%zu of %zu linked), recall %.4f "
           "(%zu of %zu labelled with an indicator)\n",
           f.link_p, linked_ok, linked, f.link_r, labelled_ok, labelled_links);
    printf("agreement on matched targets: comparator %zu of %zu, flags %zu of %zu\n", cmp_ok,
           matched, flags_ok, matched);
    int rc = 0;
    if (wbase)
        write_baseline(wbase, &f);
    if (baseline && check_baseline(baseline, &f) < 0)
        rc = 1;
    target_rows_free(&rows, n);
    store_close(&s);
    for (size_t i = 0; i < l.n; i++) {
        free(l.v[i].slug), free(l.v[i].path), free(l.v[i].indicator);
        free(l.v[i].phrase), free(l.v[i].value), free(l.v[i].cmp), free(l.v[i].unit);
        free(l.v[i].flags);
    }
    free(l.v);
    return rc;
}
