/* regions.c — the region table and finding regions in titles and texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/lines.h"
#include "gongfu/regions.h"

static char *next_field(char **p)
{
    char *s = *p, *tab = s ? strchr(s, '\t') : NULL;
    if (tab)
        *tab = '\0', *p = tab + 1;
    else
        *p = NULL;
    return s;
}

static int add_region(struct regions *out, char *line, struct err *e, const char *path,
                      int lineno)
{
    char *p = line;
    char *name = next_field(&p), *slug = next_field(&p), *level = next_field(&p),
         *aliases = next_field(&p), *parent = next_field(&p);
    if (!name || !*name || !slug || !*slug || !level || !*level) {
        err_set(e, "%s:%d: expected name, slug, level, aliases and parent separated by tabs",
                path, lineno);
        return -1;
    }
    struct region *v = realloc(out->v, (out->n + 1) * sizeof *v);
    if (!v)
        return err_set(e, "out of memory"), -1;
    out->v = v;
    struct region *r = &v[out->n++];
    memset(r, 0, sizeof *r);
    r->name = strdup(name), r->slug = strdup(slug), r->level = strdup(level);
    r->parent = parent && *parent ? strdup(parent) : NULL;
    char *list = aliases && *aliases ? aliases : name;
    size_t count = 2;
    for (char *c = list; *c; c++)
        count += *c == '|';
    r->aliases = calloc(count, sizeof *r->aliases);
    if (!r->aliases || !r->name || !r->slug || !r->level || (parent && *parent && !r->parent))
        return err_set(e, "out of memory"), -1;
    r->aliases[r->naliases++] = strdup(name);        /* the name itself is always an alias */
    for (char *tok = strtok(list, "|"); tok; tok = strtok(NULL, "|"))
        if (*tok && strcmp(tok, name))
            r->aliases[r->naliases++] = strdup(tok);
    for (size_t a = 0; a < r->naliases; a++)
        if (!r->aliases[a])
            return err_set(e, "out of memory"), -1;
    return 0;
}

/* An alias as alias_at compares it, with its region's level as flags. */
struct region_alias {
    const char *s;
    uint32_t len, region;
    unsigned national : 1, county : 1;
};

#define BUCKETS 1024u

/* Aliases are found by their first two bytes (one of 64 characters of a Chinese script
 * block), so a lookup compares a handful instead of every alias there is. */
static uint32_t bucket_of(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    return n < 2 ? BUCKETS : ((uint32_t)u[0] * 31u + u[1]) % BUCKETS;
}

/* The aliases in buckets, each in the order of the table (region, then alias), so that of
 * two aliases as long the first still wins. The last bucket holds those under two bytes,
 * which any text may start with. */
static int index_aliases(struct regions *r, struct err *e)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->v[i].naliases;
    r->alias = malloc((n ? n : 1) * sizeof *r->alias);
    r->bucket = calloc(BUCKETS + 2, sizeof *r->bucket);
    if (!r->alias || !r->bucket)
        return err_set(e, "out of memory"), -1;
    for (size_t i = 0; i < r->n; i++)
        for (size_t a = 0; a < r->v[i].naliases; a++)
            r->bucket[bucket_of(r->v[i].aliases[a], strlen(r->v[i].aliases[a])) + 1]++;
    for (size_t b = 0; b <= BUCKETS; b++)
        r->bucket[b + 1] += r->bucket[b];
    uint32_t *fill = calloc(BUCKETS + 1, sizeof *fill);
    if (!fill)
        return err_set(e, "out of memory"), -1;
    memcpy(fill, r->bucket, (BUCKETS + 1) * sizeof *fill);
    for (size_t i = 0; i < r->n; i++) {
        const struct region *g = &r->v[i];
        for (size_t a = 0; a < g->naliases; a++) {
            size_t k = strlen(g->aliases[a]);
            if (k)
                r->starts[(unsigned char)g->aliases[a][0]] = 1;
            r->alias[fill[bucket_of(g->aliases[a], k)]++] = (struct region_alias){
                g->aliases[a], (uint32_t)k, (uint32_t)i, !strcmp(g->level, "national"),
                !strcmp(g->level, "county") };
        }
    }
    free(fill);
    r->nalias = n;
    return 0;
}

int regions_load(const char *path, struct regions *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) {
        err_set(e, "%s: cannot read the region table", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        rc = add_region(out, line, e, path, lineno);
    }
    free(line);
    fclose(f);
    if (rc == 0)
        rc = index_aliases(out, e);
    if (rc < 0)
        regions_free(out);
    return rc;
}

void regions_free(struct regions *r)
{
    for (size_t i = 0; i < r->n; i++) {
        for (size_t a = 0; a < r->v[i].naliases; a++)
            free(r->v[i].aliases[a]);
        free(r->v[i].aliases);
        free(r->v[i].name), free(r->v[i].slug), free(r->v[i].level), free(r->v[i].parent);
    }
    free(r->v);
    free(r->alias);
    free(r->bucket);
    memset(r, 0, sizeof *r);
}

const struct region *regions_by_name(const struct regions *r, const char *name)
{
    for (size_t i = 0; r && name && i < r->n; i++)
        for (size_t a = 0; a < r->v[i].naliases; a++)
            if (!strcmp(r->v[i].aliases[a], name))
                return &r->v[i];
    return NULL;
}

const struct region *regions_parent(const struct regions *r, const struct region *g)
{
    if (!g || !g->parent)
        return NULL;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].name, g->parent))
            return &r->v[i];
    return NULL;
}

int regions_within(const struct regions *r, const struct region *g, const struct region *a)
{
    for (int hops = 0; g && hops < 8; hops++, g = regions_parent(r, g))
        if (g == a)
            return 1;
    return 0;
}

/* The longest alias among those of bucket b starting exactly at s; in running text a
 * county counts only by its full name (…区, …县, …市), and the nation not at all. */
static const struct region_alias *longest_in(const struct regions *r, uint32_t b, const char *s,
                                             size_t n, const struct region_alias *best, int text)
{
    for (const struct region_alias *a = r->alias + r->bucket[b]; a < r->alias + r->bucket[b + 1];
         a++) {
        /* The bucket shares its first two bytes (or their hash): the third rules most out. */
        if (a->len <= (best ? best->len : 0) || a->len > n ||
            (a->len > 2 && s[2] != a->s[2]) || memcmp(s, a->s, a->len))
            continue;
        if (text && (a->national || (a->county && a->len <= 6)))
            continue;
        best = a;
    }
    return best;
}

/* The longest alias starting exactly at s: its region, and its length in *len. */
static const struct region *alias_at(const struct regions *r, const char *s, size_t n,
                                     size_t *len, int text)
{
    *len = 0;
    if (!r->bucket || !n || !r->starts[(unsigned char)s[0]])
        return NULL;
    const struct region_alias *best = longest_in(r, BUCKETS, s, n, NULL, text);
    if (n >= 2)
        best = longest_in(r, bucket_of(s, n), s, n, best, text);
    if (!best)
        return NULL;
    *len = best->len;
    return &r->v[best->region];
}

const struct region *regions_in_title(const struct regions *r, const char *s, size_t n)
{
    const struct region *g = NULL;
    size_t i = 0, k = 0;
    for (; r && i < n && !g; i++)
        g = alias_at(r, s + i, n - i, &k, 0);
    if (!g)
        return NULL;
    for (i += k - 1; i < n;) {                 /* 浙江省 温州市 龙港市 */
        size_t sp;
        while (i < n && (sp = lines_space_at(s + i, n - i)))
            i += sp;
        const struct region *inner = i < n ? alias_at(r, s + i, n - i, &k, 0) : NULL;
        if (!inner || !regions_within(r, inner, g))
            break;
        g = inner, i += k;
    }
    return g;
}

const struct region *regions_in_text(const struct regions *r, const char *s, size_t n, int min)
{
    if (!r || !r->n)
        return NULL;
    int *count = calloc(r->n, sizeof *count), best = -1, total = 0;
    if (!count)
        return NULL;
    for (size_t i = 0, k; i < n; i += k ? k : 1) {
        const struct region *g = alias_at(r, s + i, n - i, &k, 1);
        if (!g)
            continue;
        int at = (int)(g - r->v);
        count[at]++, total++;
        if (best < 0 || count[at] > count[best])
            best = at;
    }
    /* A text that names many places evenly is about none of them in particular. */
    const struct region *g = best >= 0 && count[best] >= min && count[best] * 2 >= total ?
                             &r->v[best] : NULL;
    free(count);
    return g;
}
