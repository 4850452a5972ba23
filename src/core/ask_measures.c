/* ask_measures.c — the measures about a topic: the search's best section in each document,
 * grouped by region. The topic is the question's subject; when the whole phrase finds
 * nothing in a document, it is searched as less: without the general words at its edges
 * (宅基地改革 → 宅基地), as its parts, and as the parts of a paired name (碳达峰碳中和 →
 * 碳达峰 OR 碳中和). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/query.h"
#include "ask_int.h"
#include "ask_values.h"

/* An answer lists the best section of at most this many documents (the most relevant
 * first); each search reads this many hits, enough for them at any size of corpus. */
#define MAX_DOCS 40
#define SEARCH_HITS (MAX_DOCS * 2)

struct found {
    char *slug, *region, *path, *title, *sentence;
    int64_t node_id;
    size_t offset;          /* the hit in the section's text */
    size_t hl_start, hl_end;
    int level;              /* the search that found it: 0 the whole phrase, then less */
};

struct finds {
    struct found *v;
    size_t n;
    int more;               /* more documents matched than an answer lists */
    char done[8][256];      /* the searches run, so none runs twice */
    char names[256];        /* the other names searched (“义新欧”), or "" */
    size_t ndone;
};

/* Whether a search is worth running: not run before, and the list not yet full (a fuller
 * search could only find documents the answer has no room for). */
static int worth(struct finds *f, const char *query)
{
    if (f->more)
        return 0;
    for (size_t i = 0; i < f->ndone; i++)
        if (!strcmp(f->done[i], query))
            return 0;
    if (f->ndone < 8)
        snprintf(f->done[f->ndone++], sizeof f->done[0], "%s", query);
    return 1;
}

/* Roles that end a topic; the others (fillers, general words …) may sit inside one. */
static int ends_topic(enum ask_role r)
{
    return !ask_weak_role(r);
}

static int weak(enum ask_role r)
{
    return r != AR_CONTENT;
}

/* A word a searched phrase may begin or end with besides its core. */
static int edge_word(enum ask_role r)
{
    return r == AR_GENERIC || r == AR_CONTENT;
}

/* Appends the question's words of tokens [t0, t1) as written; with split, the subject's
 * parts only, a space between them. */
static void put_words(const struct ask_intent *q, const char *question, size_t t0, size_t t1,
                      int split, char *out, size_t cap, size_t *len)
{
    int gap = 0;
    for (size_t i = t0; i < t1; i++) {
        const struct ask_token *t = &q->tok[i];
        if (split && weak(t->role)) {
            gap = 1;
            continue;
        }
        size_t n = t->oend - t->ostart;
        if (*len + n + 2 >= cap)
            return;
        if (gap && *len && out[*len - 1] != ' ')
            out[(*len)++] = ' ';
        gap = 0;
        memcpy(out + *len, question + t->ostart, n);
        *len += n;
        out[*len] = 0;
    }
}

/* A topic: the question's run of tokens [i, j) that holds subject characters. */
struct topic {
    size_t i, j;
};

/* The other runs' cores, as further words every hit must hold. */
static void more_words(const struct ask_intent *q, const char *question,
                       const struct topic *t, size_t nt, char *out, size_t *len)
{
    for (size_t k = 1; k < nt; k++) {
        size_t a = t[k].i, z = t[k].j;
        while (a < z && weak(q->tok[a].role))
            a++;
        while (z > a && weak(q->tok[z - 1].role))
            z--;
        if (*len + 2 < 256)
            out[(*len)++] = ' ', out[*len] = 0;
        put_words(q, question, a, z, 0, out, 256, len);
    }
}

static size_t topics(const struct ask_intent *q, struct topic *t, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < q->ntok;) {
        if (ends_topic(q->tok[i].role)) {
            i++;
            continue;
        }
        size_t j = i, content = 0;
        while (j < q->ntok && !ends_topic(q->tok[j].role))
            content += q->tok[j++].role == AR_CONTENT;
        if (content && n < max)
            t[n++] = (struct topic){i, j};
        i = j;
    }
    return n;
}

static int in_places(const struct ask_intent *q, const char *region)
{
    if (!q->nplaces)
        return 1;
    for (size_t i = 0; i < q->nplaces; i++)
        if (region && !strcmp(q->places[i].region, region))
            return 1;
    return 0;
}

static int add_found_at(struct finds *f, const struct search_hit *h, int level, size_t at,
                        size_t to)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->v[i].slug, h->slug))
            return 0;
    if (f->n == MAX_DOCS) {
        f->more = 1;
        return 0;
    }
    struct found *v = realloc(f->v, (f->n + 1) * sizeof *v);
    if (!v)
        return -1;
    f->v = v;
    struct found *x = &v[f->n++];
    memset(x, 0, sizeof *x);
    x->slug = strdup(h->slug);
    x->region = strdup(h->region ? h->region : "");
    x->path = strdup(h->path);
    x->title = strdup(h->title ? h->title : "");
    x->sentence = ask_sentence(h->text, strlen(h->text), at, to, &x->hl_start, &x->hl_end);
    x->node_id = h->node_id;
    x->offset = at;
    x->level = level;
    return x->slug && x->region && x->path && x->title && x->sentence ? 0 : -1;
}

static int add_found(struct finds *f, const struct search_hit *h, int level)
{
    return add_found_at(f, h, level, h->nspans ? h->spans[0].start : 0,
                        h->nspans ? h->spans[0].end : 0);
}

static int found_doc(const struct finds *f, const char *slug)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->v[i].slug, slug))
            return 1;
    return 0;
}

static void finds_free(struct finds *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].slug);
        free(f->v[i].region);
        free(f->v[i].path);
        free(f->v[i].title);
        free(f->v[i].sentence);
    }
    free(f->v);
}

/* Measures come from plans, opinions, key points …; a document that reviews results (a
 * work report) only when the question names one. */
static int kind_ok(const struct ask *a, const struct ask_intent *q, const char *slug)
{
    const struct ask_doc *d = ask_doc_by_slug(a, slug);
    const char *kind = d ? d->row->kind : NULL;
    int names_report = 0;
    for (size_t i = 0; i < q->ntok; i++)
        names_report |= q->tok[i].role == AR_REPORT;
    return names_report ? ask_grammar_is_report(a->grammar, kind)
                        : !ask_grammar_is_report(a->grammar, kind);
}

static int search_level(struct ask *a, const struct ask_intent *q, const char *query,
                        int level, struct finds *f, size_t *found, struct err *e)
{
    const struct search_hit *hits;
    size_t nh;
    struct search_opts o = {.limit = SEARCH_HITS};
    *found = 0;
    if (!worth(f, query))
        return 0;
    if (search_run(a->search, query, &o, &hits, &nh, e) < 0)
        return -1;
    for (size_t i = 0; i < nh; i++)
        if (in_places(q, hits[i].region) && kind_ok(a, q, hits[i].slug)) {
            (*found)++;
            if (add_found(f, &hits[i], level) < 0)
                return err_set(e, "out of memory"), -1;
        }
    return 0;
}

/* How many documents hold what a query finds (FTS5 counts them; no hit is laid out). */
static long count_docs(struct ask *a, const struct ask_intent *q, const char *query,
                       struct err *e)
{
    struct query *qq = NULL;
    if (query_parse(query, a->vocab, &qq, e) < 0)
        return -1;
    long n = 0;
    sqlite3_stmt *st = NULL;
    if (qq->fts && store_prepare(store_db(a->store), "SELECT DISTINCT n.doc_id FROM search_fts"
                                 " JOIN node n ON n.id = search_fts.rowid WHERE search_fts"
                                 " MATCH ?1", &st, "search index", e) < 0)
        n = -1;
    if (st) {
        sqlite3_bind_text(st, 1, qq->fts, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const struct ask_doc *d = ask_doc_by_id(a, sqlite3_column_int64(st, 0));
            n += d && in_places(q, d->row->region) && kind_ok(a, q, d->row->slug);
        }
        sqlite3_finalize(st);
    }
    query_free(&qq);
    return n;
}

/* Where text holds `first`, at most MAX_GAP characters, then `rest` (folded UTF-8, as
 * 碳排放达峰 holds 碳…达峰): the span's bytes in text, or 0. */
#define MAX_GAP 2
static int find_gapped(const char *text, const char *first, const char *rest, size_t *at,
                       size_t *to)
{
    size_t n, *map = NULL;
    char *ft = fold_utf8(text, strlen(text), &n, &map);
    int ok = 0;
    size_t lf = strlen(first), lr = strlen(rest);
    for (const char *p = ft; ft && !ok && (p = strstr(p, first)); p++) {
        const char *g = p + lf;
        for (int gap = 0; gap <= MAX_GAP && *g && !ok; gap++) {
            if (!strncmp(g, rest, lr)) {
                *at = map[p - ft];
                *to = map[g + lr - ft];
                ok = 1;
            }
            uint32_t c;
            g += fold_decode(g, strlen(g), &c);
        }
    }
    free(ft);
    free(map);
    return ok;
}

/* The last resort for a document that has no form of the topic: its parts of three or
 * more characters written with a word or two inside them, as Chinese shortens names
 * (碳达峰 for 碳排放达峰). */
static int search_gapped(struct ask *a, const struct ask_intent *q, size_t t0, size_t t1,
                         struct finds *f, struct err *e)
{
    size_t n = q->tok[t1 - 1].end - q->tok[t0].start;
    const uint32_t *cp = q->text + q->tok[t0].start;
    if (n < 3 || n > 16)
        return 0;
    for (size_t k = 1; k < n; k++) {
        char first[80] = "", rest[80] = "", query[170];
        size_t lf = 0, lr = 0;
        for (size_t i = 0; i < n; i++) {
            char *dst = i < k ? first : rest;
            size_t *l = i < k ? &lf : &lr;
            *l += fold_encode(cp[i], dst + *l);
            dst[*l] = 0;
        }
        snprintf(query, sizeof query, "%s %s", first, rest);
        if (f->more)
            return 0;
        const struct search_hit *hits;
        size_t nh;
        struct search_opts o = {.limit = SEARCH_HITS};
        if (search_run(a->search, query, &o, &hits, &nh, e) < 0)
            return -1;
        for (size_t i = 0; i < nh; i++) {
            size_t at, to;
            if (found_doc(f, hits[i].slug) || !in_places(q, hits[i].region) ||
                !kind_ok(a, q, hits[i].slug) || !find_gapped(hits[i].text, first, rest, &at,
                                                               &to))
                continue;
            if (add_found_at(f, &hits[i], 4, at, to) < 0)
                return err_set(e, "out of memory"), -1;
        }
    }
    return 0;
}

/* The name in quotes written right before or after the topic in a sentence (推进“义新欧”
 * 中欧班列: 义新欧), folded, into name (cap bytes); 0 when there is none. */
static int quoted_beside(const char *sentence, const char *topic, char *name, size_t cap)
{
    static const char *const open[] = {"“", "「", "『", "《"}, *const close[] = {"”", "」", "』", "》"};
    char *fs = fold_utf8(sentence, strlen(sentence), NULL, NULL),
         *ft = fold_utf8(topic, strlen(topic), NULL, NULL);
    int found = 0;
    const char *at = fs && ft && *ft ? strstr(fs, ft) : NULL;
    for (size_t k = 0; at && !found && k < sizeof open / sizeof *open; k++) {
        size_t lc = strlen(close[k]), lo = strlen(open[k]);
        const char *a = NULL, *z = NULL;
        if ((size_t)(at - fs) >= lc && !strncmp(at - lc, close[k], lc)) {
            /* “name”topic */
            z = at - lc;
            for (const char *p = fs; p < z; p++)
                if (!strncmp(p, open[k], lo))
                    a = p + lo;
        } else if (!strncmp(at + strlen(ft), open[k], lo)) {
            /* topic“name” */
            a = at + strlen(ft) + lo;
            z = strstr(a, close[k]);
        }
        if (a && z && z > a && (size_t)(z - a) >= 6 && (size_t)(z - a) < cap &&
            (size_t)(z - a) <= 24) {
            memcpy(name, a, (size_t)(z - a));
            name[z - a] = 0;
            found = 1;
        }
    }
    free(fs);
    free(ft);
    return found;
}

/* A name the documents give the topic's kind (“义新欧” beside 中欧班列) is searched too,
 * for documents that write only the name (义新欧班列). */
static int search_names(struct ask *a, const struct ask_intent *q, const char *topic,
                        struct finds *f, struct err *e)
{
    char query[256] = "", name[64];
    size_t len = 0, n = f->n;
    if (strchr(topic, ' '))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (f->v[i].level <= 1 && quoted_beside(f->v[i].sentence, topic, name, sizeof name) &&
            !strstr(query, name) && len + strlen(name) + 5 < sizeof query)
            len += (size_t)snprintf(query + len, sizeof query - len, "%s%s", len ? " OR " : "",
                                    name);
    size_t found;
    snprintf(f->names, sizeof f->names, "%s", query);
    return len ? search_level(a, q, query, 5, f, &found, e) : 0;
}

/* The searches, loosest last, each adding the documents the ones before did not find:
 * the longest phrase of the topic that finds anything, trimming the words at its edges
 * that are no subject (关于发展…有 → 发展慈善事业 → …); the topic without them (慈善事业);
 * its parts; and the halves of a name whose first character comes back (碳达峰碳中和 →
 * 碳达峰 OR 碳中和). used gets the first search's words. */
static int run_searches(struct ask *a, const struct ask_intent *q, const char *question,
                        struct finds *f, char *used, struct err *e)
{
    struct topic t[8];
    size_t nt = topics(q, t, 8), hit = 0;
    if (!nt)
        return 0;
    size_t i = t[0].i, j = t[0].j, ci = i, cj = j;
    while (ci < cj && weak(q->tok[ci].role))
        ci++;
    while (cj > ci && weak(q->tok[cj - 1].role))
        cj--;
    /* What may be kept around the core is words of the topic's kind (改革 of 宅基地改革),
     * never grammar at its edge (的 of 民营经济的措施, 关于, 达到). */
    while (i < ci && !edge_word(q->tok[i].role))
        i++;
    while (j > cj && !edge_word(q->tok[j - 1].role))
        j--;
    char query[256];
    size_t len = 0;
    query[0] = 0;
    put_words(q, question, ci, cj, 0, query, sizeof query, &len);
    more_words(q, question, t, nt, query, &len);
    long core = count_docs(a, q, query, e);
    if (core < 0)
        return -1;
    /* The longest variant (by how many tokens it drops, fewest first) that finds every
     * document the topic alone finds: the words around it are kept while they lose
     * nothing (碳达峰碳中和), and dropped when they only match by accident (共同富裕有, in
     * 共同富裕有效) or nowhere (宅基地改革). */
    long need = core > 1 ? core : 1;
    size_t fa = i, fz = j;
    for (size_t drop = 0; !hit && drop <= (ci - i) + (j - cj); drop++)
        for (size_t l = 0; !hit && l <= drop; l++) {
            size_t r = drop - l;
            if (l > ci - i || r > j - cj)
                continue;
            len = 0, query[0] = 0;
            put_words(q, question, i + l, j - r, 0, query, sizeof query, &len);
            more_words(q, question, t, nt, query, &len);
            long docs = count_docs(a, q, query, e);
            if (docs < 0)
                return -1;
            if (!used[0])
                strcpy(used, query);
            if (docs < need)
                continue;
            if (search_level(a, q, query, 0, f, &hit, e) < 0)
                return -1;
            fa = i + l, fz = j - r;
            strcpy(used, query);
        }
    size_t half = 0;
    for (int level = 1; level <= 3; level++) {
        len = 0, query[0] = 0;
        if (level == 1 || level == 2)
            put_words(q, question, ci, cj, level == 2, query, sizeof query, &len);
        for (size_t m = fa + 2; level == 3 && m + 1 < fz && !len; m++)
            if (q->tok[m].role == AR_CONTENT &&
                q->text[q->tok[m].start] == q->text[q->tok[fa].start]) {
                half = m;
                put_words(q, question, fa, m, 0, query, sizeof query, &len);
                if (len + 5 < sizeof query)
                    memcpy(query + len, " OR ", 5), len += 4;
                put_words(q, question, m, fz, 0, query, sizeof query, &len);
            }
        if (!len)
            continue;
        more_words(q, question, t, nt, query, &len);
        size_t found;
        if (search_level(a, q, query, level, f, &found, e) < 0)
            return -1;
    }
    if ((half && (search_gapped(a, q, fa, half, f, e) < 0 ||
                  search_gapped(a, q, half, fz, f, e) < 0)) ||
        (!half && ci < cj && search_gapped(a, q, ci, cj, f, e) < 0))
        return -1;
    return search_names(a, q, used, f, e);
}

static void add_rows(struct ask *a, struct ask_build *b, const struct finds *f)
{
    /* Regions in level order (the national documents, the province, the cities …), each
     * region's documents in the order the search found them. */
    for (int rank = 0; rank <= 4; rank++)
        for (size_t i = 0; i < f->n; i++) {
            const struct found *x = &f->v[i];
            if (ask_region_rank(a, x->region) != rank)
                continue;
            struct ask_row *r = ask_add_row(b);
            if (!r)
                return;
            r->answer = 1;
            r->region = strdup(x->region);
            r->indicator = strdup(x->title);
            r->kind = strdup("measure");
            r->slug = strdup(x->slug);
            r->path = strdup(x->path);
            r->sentence = strdup(x->sentence);
            r->node_id = x->node_id;
            r->offset = x->offset;
            r->hl_start = x->hl_start;
            r->hl_end = x->hl_end;
            if (!r->region || !r->indicator || !r->kind || !r->slug || !r->path || !r->sentence)
                b->oom = 1;
        }
}

int ask_answer_measures(struct ask *a, const struct ask_intent *q, struct ask_build *b)
{
    char used[256] = "";
    struct finds f = {0};
    if (!*q->subject) {
        ask_say(b, "问题里没有看出问的是什么措施。");
        return 0;
    }
    if (run_searches(a, q, b->question, &f, used, b->e) < 0) {
        finds_free(&f);
        return -1;
    }
    if (!f.n) {
        ask_say(b, "文件中没有关于“%s”的内容。", q->subject);
    } else {
        b->ans->answered = 1;
        size_t nreg = 0;
        for (size_t i = 0; i < f.n; i++) {
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = !strcmp(f.v[i].region, f.v[j].region);
            nreg += !seen;
        }
        ask_say(b, "关于“%s”，%zu个地区的%zu份文件有相关内容（每份文件最相关的一条）。",
                q->subject, nreg, f.n);
        if (f.more)
            ask_say(b, "还有更多文件提到，这里只列出最相关的%d份。", MAX_DOCS);
        int loose = 0, named = 0;
        for (size_t i = 0; i < f.n; i++) {
            loose |= f.v[i].level > 0 && f.v[i].level < 5;
            named |= f.v[i].level == 5;
        }
        if (named)
            ask_other(b, "也按文件对它的称呼“%s”搜索", f.names);
        if (loose)
            ask_reading(b, "按“%s”搜索；有的文件没有这个说法，列出的是其中部分词语的结果", used);
        else if (strcmp(used, q->subject))
            ask_reading(b, "按“%s”搜索", used);
        add_rows(a, b, &f);
    }
    finds_free(&f);
    return 0;
}
