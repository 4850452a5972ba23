/* ask_examples.c — the example questions the ask help and the ask view show
 * (data/ask_examples.tsv; ask.h). */
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "gongfu/ask.h"
#include "gongfu/paths.h"

int ask_examples_parse(const char *text, size_t n, const char *name,
                       struct ask_examples *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0, line = 0;
    for (size_t i = 0; i < n;) {
        const char *s = text + i, *nl = memchr(s, '\n', n - i);
        size_t len = nl ? (size_t)(nl - s) : n - i;
        i += len + 1;
        line++;
        if (len && s[len - 1] == '\r')
            len--;
        if (!len || s[0] == '#')
            continue;
        const char *tab = memchr(s, '\t', len);
        char kind[16];
        size_t kl = tab ? (size_t)(tab - s) : 0;
        int k = -1;
        if (tab && kl < sizeof kind) {
            memcpy(kind, s, kl), kind[kl] = 0;
            k = ask_kind_parse(kind);
        }
        if (k < 0 || tab + 1 == s + len || memchr(tab + 1, '\t', (size_t)(s + len - tab - 1))) {
            err_set(e, "%s:%zu: wanted \"kind<TAB>question\" with a kind of lookup, which, "
                    "rank, compare, progress, measures", name, line);
            ask_examples_free(out);
            return -1;
        }
        char *q = strndup(tab + 1, (size_t)(s + len - tab - 1));
        if (!q || array_grow((void **)&out->v, &cap, out->n + 1, sizeof *out->v) < 0) {
            free(q);
            ask_examples_free(out);
            return err_set(e, "out of memory"), -1;
        }
        out->v[out->n++] = (struct ask_example){(enum ask_kind)k, q};
    }
    return 0;
}

int ask_examples_load(const char *path, struct ask_examples *out, struct err *e)
{
    size_t n;
    char *text = paths_read_file(path, &n);
    if (!text) {
        memset(out, 0, sizeof *out);
        return err_set(e, "%s: cannot read the example questions", path), -1;
    }
    int rc = ask_examples_parse(text, n, path, out, e);
    free(text);
    return rc;
}

const char *ask_example_of(const struct ask_examples *x, enum ask_kind k, size_t nth)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->v[i].kind == k && !nth--)
            return x->v[i].question;
    return NULL;
}

void ask_examples_free(struct ask_examples *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->v[i].question);
    free(x->v);
    memset(x, 0, sizeof *x);
}
