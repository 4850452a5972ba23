/* ask_grammar.c — the words a question is read by: data/ask.tsv's grammar words and the
 * regions' names and aliases, folded, for a longest-match scan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "gongfu/paths.h"
#include "ask_int.h"

static const char *const role_names[] = {
    [AR_WHICH] = "which", [AR_AMOUNT] = "amount", [AR_WHAT] = "what", [AR_HIGH] = "high",
    [AR_LOW] = "low", [AR_STRICT] = "strict", [AR_COMPARE] = "compare",
    [AR_PROGRESS] = "progress", [AR_MEASURES] = "measures", [AR_TARGET] = "target",
    [AR_REPORTED] = "reported", [AR_PERIOD] = "period", [AR_TIME] = "time",
    [AR_CLASS] = "class", [AR_NUMERAL] = "numeral", [AR_COUNTER] = "counter",
    [AR_AND] = "and", [AR_ISSUER] = "issuer", [AR_DOC] = "doc", [AR_REPORT] = "report", [AR_VERB] = "verb",
    [AR_PARTICLE] = "particle", [AR_FILLER] = "filler", [AR_GENERIC] = "generic", [AR_EACH] = "each",
    [AR_REGION] = "region", [AR_YEAR] = "year", [AR_PUNCT] = "punct",
    [AR_CONTENT] = "subject",
};

const char *const ask_levels[] = {"any", "national", "province", "city", "county", NULL};

const char *ask_role_name(enum ask_role r)
{
    return (unsigned)r < sizeof role_names / sizeof *role_names ? role_names[r] : "?";
}

/* Only the grammar's own roles may be written in the file. */
int ask_role_parse(const char *name)
{
    for (int r = 0; r < AR_REGION; r++)
        if (!strcmp(role_names[r], name))
            return r;
    return -1;
}

static int level_index(const char *s)
{
    for (int i = 0; ask_levels[i]; i++)
        if (!strcmp(ask_levels[i], s))
            return i;
    return -1;
}

/* Folds UTF-8 into code points, spaces dropped (as target keys are). NULL when out of
 * memory; *n gets the count. */
uint32_t *ask_fold_cps(const char *s, size_t len, size_t *n)
{
    uint32_t *v = malloc((len * FOLD_MAX + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < len;) {
        uint32_t c, f[FOLD_MAX];
        i += fold_decode(s + i, len - i, &c);
        size_t k = fold_char(c, f);
        for (size_t j = 0; j < k; j++)
            if (f[j] != ' ' && f[j] != '\t' && f[j] != 0x3000)
                v[(*n)++] = f[j];
    }
    return v;
}

static int add_entry(struct ask_grammar *g, const char *word, size_t len, enum ask_role role,
                     int value, const char *kind, struct err *e)
{
    if (array_grow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v) < 0)
        return err_set(e, "out of memory"), -1;
    struct ask_word *w = &g->v[g->n];
    if (!(w->cp = ask_fold_cps(word, len, &w->n)))
        return err_set(e, "out of memory"), -1;
    if (!w->n) {
        free(w->cp);
        return 0;
    }
    w->role = role;
    w->value = value;
    w->kind = NULL;
    if (kind && !(w->kind = strdup(kind))) {
        free(w->cp);
        return err_set(e, "out of memory"), -1;
    }
    g->n++;
    return 0;
}

/* Longest first, so the first entry that matches at a place is the longest; at equal
 * length a region comes before a grammar word. */
static int by_length(const void *a, const void *b)
{
    const struct ask_word *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return (y->role == AR_REGION) - (x->role == AR_REGION);
}

static int parse_line(struct ask_grammar *g, char *line, const char *name, int lineno,
                      struct err *e)
{
    char *f[3] = {line, NULL, NULL};
    for (int i = 1; i < 3; i++) {
        char *tab = f[i - 1] ? strchr(f[i - 1], '\t') : NULL;
        if (tab)
            *tab = 0, f[i] = tab + 1;
    }
    if (!f[1] || !*f[0])
        return err_set(e, "%s:%d: expected a word and its role, separated by a tab", name,
                       lineno), -1;
    int role = ask_role_parse(f[1]);
    if (role < 0)
        return err_set(e, "%s:%d: unknown role '%s'", name, lineno, f[1]), -1;
    int value = 0;
    if (role == AR_PERIOD) {
        char *end;
        long y = f[2] ? strtol(f[2], &end, 10) : 0;
        if (!f[2] || *end || y < 1900 || y > 2200)
            return err_set(e, "%s:%d: a period needs its last year (1900–2200)", name,
                           lineno), -1;
        value = (int)y;
    } else if (role == AR_REPORT && (!f[2] || !*f[2])) {
        return err_set(e, "%s:%d: a report word needs the document kind it names", name,
                       lineno), -1;
    } else if (role == AR_CLASS || role == AR_ISSUER) {
        if (!f[2] || (value = level_index(f[2])) < 0)
            return err_set(e, "%s:%d: a %s word needs a level (any, national, province, "
                           "city, county)", name, lineno, f[1]), -1;
    }
    return add_entry(g, f[0], strlen(f[0]), (enum ask_role)role, value,
                     role == AR_REPORT ? f[2] : NULL, e);
}

int ask_grammar_parse(const char *text, size_t n, const char *name, const struct regions *r,
                      struct ask_grammar **out, struct err *e)
{
    struct ask_grammar *g = calloc(1, sizeof *g);
    *out = NULL;
    if (!g)
        return err_set(e, "out of memory"), -1;
    g->regions = r;
    int lineno = 0, rc = 0;
    for (size_t at = 0; rc == 0 && at < n;) {
        const char *nl = memchr(text + at, '\n', n - at);
        size_t len = nl ? (size_t)(nl - (text + at)) : n - at;
        lineno++;
        if (memchr(text + at, 0, len)) {
            rc = -1, err_set(e, "%s:%d: a NUL byte", name, lineno);
            break;
        }
        char *line = strndup(text + at, len);
        if (!line) {
            rc = -1, err_set(e, "out of memory");
            break;
        }
        size_t l = strlen(line);
        while (l && (line[l - 1] == '\r' || line[l - 1] == ' '))
            line[--l] = 0;
        if (l && line[0] != '#')
            rc = parse_line(g, line, name, lineno, e);
        free(line);
        at += len + 1;
    }
    for (size_t i = 0; rc == 0 && r && i < r->n; i++)
        for (size_t k = 0; rc == 0 && k < r->v[i].naliases; k++)
            rc = add_entry(g, r->v[i].aliases[k], strlen(r->v[i].aliases[k]), AR_REGION,
                           (int)i, NULL, e);
    if (rc) {
        ask_grammar_free(&g);
        return -1;
    }
    qsort(g->v, g->n, sizeof *g->v, by_length);
    *out = g;
    return 0;
}

int ask_grammar_load(const char *path, const struct regions *r, struct ask_grammar **out,
                     struct err *e)
{
    size_t n;
    char *text = paths_read_file(path, &n);
    if (!text)
        return err_set(e, "%s: cannot read the question grammar", path), -1;
    int rc = ask_grammar_parse(text, n, path, r, out, e);
    free(text);
    return rc;
}

void ask_grammar_free(struct ask_grammar **pg)
{
    struct ask_grammar *g = pg ? *pg : NULL;
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        free(g->v[i].cp), free(g->v[i].kind);
    free(g->v);
    free(g);
    *pg = NULL;
}

int ask_grammar_is_report(const struct ask_grammar *g, const char *kind)
{
    for (size_t i = 0; kind && i < g->n; i++)
        if (g->v[i].role == AR_REPORT && !strcmp(g->v[i].kind, kind))
            return 1;
    return 0;
}

/* The longest word at text[at..n), or NULL. */
const struct ask_word *ask_grammar_at(const struct ask_grammar *g, const uint32_t *text,
                                      size_t at, size_t n)
{
    for (size_t i = 0; i < g->n; i++) {
        const struct ask_word *w = &g->v[i];
        if (w->n <= n - at && !memcmp(w->cp, text + at, w->n * sizeof *text))
            return w;
    }
    return NULL;
}
