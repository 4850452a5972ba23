/* describe.c — a document's kind, region, level and slug, read from its title. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/describe.h"

struct kind_word {
    const char *word, *kind;
};

/* Document types as titles end, longest first so 实施意见 wins over 意见. */
static const struct kind_word kinds[] = {
    {"工作要点", "keypoints"}, {"工作要點", "keypoints"}, {"实施方案", "plan"},
    {"實施方案", "plan"}, {"行动方案", "plan"}, {"行動方案", "plan"}, {"实施意见", "opinions"},
    {"實施意見", "opinions"}, {"方案", "plan"}, {"意见", "opinions"}, {"意見", "opinions"},
    {"要点", "keypoints"}, {"要點", "keypoints"}, {"规划", "plan"}, {"規劃", "plan"},
    {"计划", "plan"}, {"計劃", "plan"}, {"計畫", "plan"}, {"纲要", "outline"},
    {"綱要", "outline"}, {"通知", "notice"}, {"决定", "decision"}, {"決定", "decision"},
    {"办法", "measures"}, {"辦法", "measures"}, {"措施", "measures"}, {"条例", "regulations"},
    {"條例", "regulations"}, {"规定", "rules"}, {"規定", "rules"}, {"细则", "rules"},
    {"細則", "rules"}, {"报告", "report"}, {"報告", "report"}, {"指引", "guide"},
    {"指南", "guide"},
};

static int ends_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s + n - k, p, k) == 0;
}

const char *describe_title_kind(const char *s, size_t n)
{
    /* Drop a trailing period in brackets: "…实施方案(2021—2025年)". */
    if (ends_with(s, n, ")") || ends_with(s, n, "）")) {
        size_t i = n;
        while (i > 0 && s[i - 1] != '(' && !(i >= 3 && memcmp(s + i - 3, "（", 3) == 0))
            i--;
        if (i > 0)
            n = s[i - 1] == '(' ? i - 1 : i - 3;
    }
    while (n > 0 && (s[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (ends_with(s, n, kinds[i].word))
            return kinds[i].kind;
    return NULL;
}

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
         *aliases = next_field(&p);
    if (!name || !*name || !slug || !*slug || !level || !*level) {
        err_set(e, "%s:%d: expected name, slug, level and aliases separated by tabs", path, lineno);
        return -1;
    }
    struct region *v = realloc(out->v, (out->n + 1) * sizeof *v);
    if (!v)
        return err_set(e, "out of memory"), -1;
    out->v = v;
    struct region *r = &v[out->n++];
    memset(r, 0, sizeof *r);
    r->name = strdup(name), r->slug = strdup(slug), r->level = strdup(level);
    /* The name itself is always an alias. */
    char *list = aliases && *aliases ? aliases : name;
    size_t count = 2;
    for (char *c = list; *c; c++)
        count += *c == '|';
    r->aliases = calloc(count, sizeof *r->aliases);
    if (!r->aliases || !r->name || !r->slug || !r->level)
        return err_set(e, "out of memory"), -1;
    r->aliases[r->naliases++] = strdup(name);
    for (char *tok = strtok(list, "|"); tok; tok = strtok(NULL, "|"))
        if (*tok)
            r->aliases[r->naliases++] = strdup(tok);
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
        free(r->v[i].name), free(r->v[i].slug), free(r->v[i].level);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* The region whose alias appears earliest in the title (the longest on a tie). */
static const struct region *find_region(const struct regions *r, const char *title)
{
    const struct region *best = NULL;
    size_t best_pos = (size_t)-1, best_len = 0;
    for (size_t i = 0; r && i < r->n; i++)
        for (size_t a = 0; a < r->v[i].naliases; a++) {
            const char *hit = strstr(title, r->v[i].aliases[a]);
            size_t pos = hit ? (size_t)(hit - title) : (size_t)-1, len = strlen(r->v[i].aliases[a]);
            if (hit && (pos < best_pos || (pos == best_pos && len > best_len)))
                best = &r->v[i], best_pos = pos, best_len = len;
        }
    return best;
}

static const struct region *region_by_name(const struct regions *r, const char *name)
{
    for (size_t i = 0; r && i < r->n; i++)
        for (size_t a = 0; a < r->v[i].naliases; a++)
            if (!strcmp(r->v[i].aliases[a], name))
                return &r->v[i];
    return NULL;
}

static int replace(char **slot, const char *value)
{
    char *copy = value ? strdup(value) : NULL;
    if (value && !copy)
        return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

int describe_doc(struct doc *d, const struct regions *r, const char *title, const char *region,
                 const char *fallback_title, struct err *e)
{
    if ((title && replace(&d->title, title) < 0) ||
        (!d->title && replace(&d->title, fallback_title ? fallback_title : "untitled") < 0))
        return err_set(e, "out of memory"), -1;
    const char *kind = describe_title_kind(d->title, strlen(d->title));
    const struct region *reg = region ? region_by_name(r, region) : find_region(r, d->title);
    char slug[128];
    snprintf(slug, sizeof slug, "%s-%s", reg ? reg->slug : "doc", kind ? kind : "text");
    if (replace(&d->region, region ? region : reg ? reg->name : NULL) < 0 ||
        replace(&d->level, reg ? reg->level : NULL) < 0 ||
        replace(&d->kind, kind ? kind : "text") < 0 || replace(&d->slug, slug) < 0)
        return err_set(e, "out of memory"), -1;
    return 0;
}
