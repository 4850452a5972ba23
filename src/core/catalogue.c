/* catalogue.c — loads data/indicators.tsv and links folded phrases to its indicators. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/catalogue.h"
#include "gongfu/targets.h"

#define NFIELDS 6

/* One folded alias, pointing back at its indicator. */
struct alias_key {
    char *key;
    size_t len;
    size_t ind;
    size_t next;        /* 1 + the next key ending in the same byte, in the file's order; 0: none */
};

struct catalogue {
    struct indicator *v;
    size_t n, cap;
    struct alias_key *keys;
    size_t nkeys, capkeys;
    /* 1 + the first and the last key ending in each byte (0: none): a key ends a phrase
     * only if their last bytes agree, so catalogue_link reads one chain, not every key. */
    size_t first_by_last[256], last_by_last[256];
    char digest[17];
};

/* The categories the issue defines; a typo would otherwise open a new column family. */
static const char *const categories[] = {
    "经济", "收入分配", "公共服务", "城乡区域", "文化", "生态", "治理",
};

static void indicator_clear(struct indicator *i)
{
    free(i->slug);
    free(i->name);
    free(i->unit);
    free(i->direction);
    free(i->category);
    for (size_t k = 0; k < i->naliases; k++)
        free(i->aliases[k]);
    free(i->aliases);
}

void catalogue_free(struct catalogue **pc)
{
    struct catalogue *c = pc ? *pc : NULL;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        indicator_clear(&c->v[i]);
    for (size_t i = 0; i < c->nkeys; i++)
        free(c->keys[i].key);
    free(c->v);
    free(c->keys);
    free(c);
    *pc = NULL;
}

/* FNV-1a over the content: cheap, and enough to notice that a file changed. */
static void digest(const char *s, size_t n, char out[17])
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int valid_slug(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

static int valid_category(const char *s)
{
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        if (!strcmp(s, categories[i]))
            return 1;
    return 0;
}

/* Splits line[0..n) at tabs into at most max fields (NUL-terminated copies in place). */
static int split_tabs(char *line, char **f, int max)
{
    int k = 0;
    f[k++] = line;
    for (char *p = line; *p; p++) {
        if (*p != '\t')
            continue;
        *p = 0;
        if (k == max)
            return max + 1;
        f[k++] = p + 1;
    }
    return k;
}

static int add_alias(struct catalogue *c, size_t ind, const char *alias, const char *name,
                     int line, struct err *e)
{
    char *key = targets_fold_key(alias, strlen(alias));
    if (!key) {
        err_set(e, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < c->nkeys; i++) {
        if (strcmp(c->keys[i].key, key))
            continue;
        free(key);
        if (c->keys[i].ind == ind)
            return 0;       /* the same phrase in two scripts: one key is enough */
        err_set(e, "%s:%d: alias \"%s\" also names %s (line %d)", name, line, alias,
                c->v[c->keys[i].ind].slug, c->v[c->keys[i].ind].line);
        return -1;
    }
    if (c->nkeys == c->capkeys) {
        size_t cap = c->capkeys ? c->capkeys * 2 : 64;
        struct alias_key *nk = realloc(c->keys, cap * sizeof *nk);
        if (!nk) {
            free(key);
            err_set(e, "out of memory");
            return -1;
        }
        c->keys = nk;
        c->capkeys = cap;
    }
    size_t len = strlen(key);
    c->keys[c->nkeys++] = (struct alias_key){ key, len, ind, 0 };
    if (len) {
        unsigned char b = (unsigned char)key[len - 1];
        if (c->last_by_last[b])
            c->keys[c->last_by_last[b] - 1].next = c->nkeys;
        else
            c->first_by_last[b] = c->nkeys;
        c->last_by_last[b] = c->nkeys;
    }
    return 0;
}

/* Fills the indicator's aliases (the name first) from the '|'-separated field. */
static int parse_aliases(struct indicator *ind, char *field,
                         const char *name, int line, struct err *e)
{
    size_t n = 1;
    for (char *p = field; *p; p++)
        n += *p == '|';
    ind->aliases = calloc(n + 1, sizeof *ind->aliases);
    if (!ind->aliases || !(ind->aliases[0] = strdup(ind->name))) {
        err_set(e, "out of memory");
        return -1;
    }
    ind->naliases = 1;
    if (!*field)
        return 0;
    if (strstr(field, "||") || field[0] == '|' || field[strlen(field) - 1] == '|') {
        err_set(e, "%s:%d: empty alias in \"%s\"", name, line, field);
        return -1;
    }
    char *save = NULL;
    for (char *p = field;; p = NULL) {
        char *a = strtok_r(p, "|", &save);
        if (!a)
            break;
        if (!(ind->aliases[ind->naliases++] = strdup(a))) {
            err_set(e, "out of memory");
            return -1;
        }
    }
    return 0;
}

static int parse_line(struct catalogue *c, char *line, const char *name, int lineno,
                      struct err *e)
{
    char *f[NFIELDS + 1];
    int k = split_tabs(line, f, NFIELDS);
    if (k > NFIELDS || k < NFIELDS - 1) {
        err_set(e, "%s:%d: expected 6 fields (slug, name, unit, direction, category, aliases) "
                "separated by tabs, found %d", name, lineno, k);
        return -1;
    }
    const char *aliases = k == NFIELDS ? f[5] : "";
    if (!valid_slug(f[0]))
        return err_set(e, "%s:%d: slug \"%s\" must be lower-case ascii letters, digits and '-'",
                       name, lineno, f[0]), -1;
    if (!*f[1])
        return err_set(e, "%s:%d: empty name for %s", name, lineno, f[0]), -1;
    if (strcmp(f[3], "higher") && strcmp(f[3], "lower"))
        return err_set(e, "%s:%d: direction \"%s\" must be higher or lower", name, lineno,
                       f[3]), -1;
    if (!valid_category(f[4]))
        return err_set(e, "%s:%d: category \"%s\" is not one of 经济, 收入分配, 公共服务, "
                       "城乡区域, 文化, 生态, 治理", name, lineno, f[4]), -1;
    for (size_t i = 0; i < c->n; i++)
        if (!strcmp(c->v[i].slug, f[0]))
            return err_set(e, "%s:%d: slug %s already defined on line %d", name, lineno,
                           f[0], c->v[i].line), -1;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        struct indicator *nv = realloc(c->v, cap * sizeof *nv);
        if (!nv)
            return err_set(e, "out of memory"), -1;
        c->v = nv;
        c->cap = cap;
    }
    struct indicator *ind = &c->v[c->n++];
    *ind = (struct indicator){ .slug = strdup(f[0]), .name = strdup(f[1]),
                               .unit = strdup(f[2]), .direction = strdup(f[3]),
                               .category = strdup(f[4]), .line = lineno };
    if (!ind->slug || !ind->name || !ind->unit || !ind->direction || !ind->category)
        return err_set(e, "out of memory"), -1;
    char *al = strdup(aliases);
    if (!al)
        return err_set(e, "out of memory"), -1;
    int rc = parse_aliases(ind, al, name, lineno, e);
    free(al);
    for (size_t i = 0; rc == 0 && i < ind->naliases; i++)
        rc = add_alias(c, c->n - 1, ind->aliases[i], name, lineno, e);
    return rc;
}

int catalogue_parse(const char *text, size_t n, const char *name, struct catalogue **out,
                    struct err *e)
{
    *out = NULL;
    if (u8_check((const uint8_t *)text, n)) {
        const uint8_t *bad = u8_check((const uint8_t *)text, n);
        int line = 1;
        for (const char *p = text; p < (const char *)bad; p++)
            line += *p == '\n';
        err_set(e, "%s:%d: not valid UTF-8", name, line);
        return -1;
    }
    struct catalogue *c = calloc(1, sizeof *c);
    char *buf = malloc(n + 1);
    if (!c || !buf) {
        free(c);
        free(buf);
        err_set(e, "out of memory");
        return -1;
    }
    digest(text, n, c->digest);
    memcpy(buf, text, n);
    buf[n] = 0;
    char *p = buf;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    int lineno = 0, header = 0, rc = 0;
    while (rc == 0 && *p) {
        char *nl = strchr(p, '\n');
        char *next = nl ? nl + 1 : p + strlen(p);
        if (nl)
            *nl = 0;
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = 0;
        lineno++;
        if (len && p[0] != '#') {
            if (!header) {
                if (strcmp(p, "slug\tname\tunit\tdirection\tcategory\taliases")) {
                    err_set(e, "%s:%d: expected the header row "
                            "\"slug<TAB>name<TAB>unit<TAB>direction<TAB>category<TAB>aliases\"",
                            name, lineno);
                    rc = -1;
                }
                header = 1;
            } else {
                rc = parse_line(c, p, name, lineno, e);
            }
        }
        p = next;
    }
    if (rc == 0 && !header) {
        err_set(e, "%s: no header row (an empty catalogue?)", name);
        rc = -1;
    }
    free(buf);
    if (rc) {
        catalogue_free(&c);
        return -1;
    }
    *out = c;
    return 0;
}

int catalogue_load(const char *path, struct catalogue **out, struct err *e)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(e, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (len + 4096 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                err_set(e, "%s: out of memory", path);
                return -1;
            }
            buf = nb;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        err_set(e, "%s: read error", path);
        return -1;
    }
    int rc = catalogue_parse(buf ? buf : "", len, path, out, e);
    free(buf);
    return rc;
}

size_t catalogue_count(const struct catalogue *c)
{
    return c ? c->n : 0;
}

const struct indicator *catalogue_at(const struct catalogue *c, size_t i)
{
    return c && i < c->n ? &c->v[i] : NULL;
}

const struct indicator *catalogue_by_slug(const struct catalogue *c, const char *slug)
{
    for (size_t i = 0; c && i < c->n; i++)
        if (!strcmp(c->v[i].slug, slug))
            return &c->v[i];
    return NULL;
}

const char *catalogue_digest(const struct catalogue *c)
{
    return c ? c->digest : "";
}

const struct indicator *catalogue_link(const struct catalogue *c, const char *key,
                                       size_t min_start, size_t max_start,
                                       size_t *match_start)
{
    if (!c || !key)
        return NULL;
    size_t n = strlen(key), best_len = 0;
    const struct indicator *best = NULL;
    if (!n)
        return NULL;
    /* Only the keys ending in key's last byte, in the file's order as before. */
    for (size_t k = c->first_by_last[(unsigned char)key[n - 1]]; k; k = c->keys[k - 1].next) {
        const struct alias_key *a = &c->keys[k - 1];
        if (a->len > n || a->len <= best_len)
            continue;
        size_t at = n - a->len;
        if (at < min_start || at > max_start || memcmp(key + at, a->key, a->len))
            continue;
        best = &c->v[a->ind];
        best_len = a->len;
        if (match_start)
            *match_start = at;
    }
    return best;
}
