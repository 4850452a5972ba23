/* vocab.c — the mainland/Taiwan word pairs, and the variants of a text they give. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/paths.h"
#include "gongfu/vocab.h"

struct vocab_pair {
    char *w[2];    /* folded mainland and Taiwan forms */
};

struct vocab {
    struct vocab_pair *pair;
    size_t n;
};

size_t vocab_size(const struct vocab *v)
{
    return v ? v->n : 0;
}

void vocab_free(struct vocab **pv)
{
    struct vocab *v = *pv;
    if (!v)
        return;
    for (size_t i = 0; i < v->n; i++)
        free(v->pair[i].w[0]), free(v->pair[i].w[1]);
    free(v->pair);
    free(v);
    *pv = NULL;
}

int vocab_parse(const char *text, size_t n, struct vocab **out, struct err *e)
{
    struct vocab *v = calloc(1, sizeof *v);
    size_t cap = 0, lineno = 0;
    if (!v)
        goto oom;
    for (size_t i = 0; i < n;) {
        const char *line = text + i;
        const char *nl = memchr(line, '\n', n - i);
        size_t len = nl ? (size_t)(nl - line) : n - i;
        i += len + (nl != NULL);
        lineno++;
        if (len && line[len - 1] == '\r')
            len--;
        if (len == 0 || line[0] == '#')
            continue;
        const char *t1 = memchr(line, '\t', len);
        const char *b = t1 ? t1 + 1 : NULL;
        const char *t2 = b ? memchr(b, '\t', len - (size_t)(b - line)) : NULL;
        size_t la = t1 ? (size_t)(t1 - line) : 0;
        size_t lb = b ? (t2 ? (size_t)(t2 - b) : len - (size_t)(b - line)) : 0;
        if (!la || !lb) {
            err_set(e, "line %zu: expected a mainland and a Taiwan form, tab-separated",
                    lineno);
            vocab_free(&v);
            return -1;
        }
        if (v->n == cap) {
            cap = cap ? cap * 2 : 32;
            struct vocab_pair *p = realloc(v->pair, cap * sizeof *p);
            if (!p)
                goto oom;
            v->pair = p;
        }
        struct vocab_pair *p = &v->pair[v->n];
        p->w[0] = fold_utf8(line, la, NULL, NULL);
        p->w[1] = fold_utf8(b, lb, NULL, NULL);
        v->n++;
        if (!p->w[0] || !p->w[1])
            goto oom;
    }
    *out = v;
    return 0;
oom:
    vocab_free(&v);
    err_set(e, "out of memory");
    return -1;
}

int vocab_load(const char *path, struct vocab **out, struct err *e)
{
    size_t n = 0;
    char *text = paths_read_file(path, &n);
    if (!text) {
        err_set(e, "%s: %s", path, strerror(errno));
        return -1;
    }
    int rc = vocab_parse(text, n, out, e);
    free(text);
    if (rc)
        err_prefix(e, "%s: ", path);
    return rc;
}

/* s with every `from` replaced by `to`; malloc'd, NULL when out of memory. */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t lf = strlen(from), lt = strlen(to), count = 0;
    for (const char *p = s; (p = strstr(p, from)); p += lf)
        count++;
    char *r = malloc(strlen(s) + count * lt + 1), *o = r;
    if (!r)
        return NULL;
    for (const char *p; (p = strstr(s, from)); s = p + lf) {
        memcpy(o, s, (size_t)(p - s)), o += p - s;
        memcpy(o, to, lt), o += lt;
    }
    strcpy(o, s);
    return r;
}

int vocab_variants(const struct vocab *v, const char *text, char **alt, int max)
{
    int nalt = 0;
    if (max < 1 || !(alt[nalt++] = strdup(text)))
        return -1;
    for (size_t i = 0; v && i < v->n; i++)
        for (int side = 0; side < 2; side++) {
            const char *from = v->pair[i].w[side], *to = v->pair[i].w[!side];
            for (int a = 0, na = nalt; a < na && nalt < max; a++) {
                if (!strstr(alt[a], from))
                    continue;
                char *r = replace_all(alt[a], from, to);
                int d = 0;
                while (r && d < nalt && strcmp(alt[d], r))
                    d++;
                if (!r) {
                    while (nalt > 0)
                        free(alt[--nalt]);
                    return -1;
                }
                if (d < nalt)
                    free(r);
                else
                    alt[nalt++] = r;
            }
        }
    return nalt;
}
