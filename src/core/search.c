/* search.c — the section index (store hooks), ranked queries, highlights and snippets. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/array.h"
#include "gongfu/query.h"
#include "gongfu/search.h"
#include "gongfu/tokenizer.h"
#include "search_index.h"
#include "search_lengths.h"
#include "search_rank.h"
#include "search_words.h"

/* ---- memory that lives until the next query: blocks reused, never moved ---- */

struct block {
    struct block *next;
    size_t used, cap;
    _Alignas(16) char data[];
};

struct arena {
    struct block *head, *cur;
};

static void *arena_alloc(struct arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    for (struct block *b = a->cur; b; b = b->next) {
        a->cur = b;
        if (b->cap - b->used >= n) {
            b->used += n;
            return b->data + b->used - n;
        }
    }
    size_t cap = n > 65536 ? n : 65536;
    struct block *b = malloc(sizeof *b + cap);
    if (!b)
        return NULL;
    *b = (struct block){NULL, n, cap};
    if (a->cur)
        a->cur->next = b;
    else
        a->head = b;
    a->cur = b;
    return b->data;
}

static char *arena_strdup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static void arena_reset(struct arena *a)
{
    for (struct block *b = a->head; b; b = b->next)
        b->used = 0;
    a->cur = a->head;
}

static void arena_free(struct arena *a)
{
    for (struct block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = a->cur = NULL;
}

/* ---- the search context ---- */

struct dtok {
    uint32_t off;    /* token text in search.tb */
    int n, start, end;
};

struct search {
    sqlite3 *db;
    sqlite3_stmt *rank, *rank_filtered, *row;
    struct search_lengths *lengths;
    struct vocab *vocab;
    struct words *words;
    struct query *q;
    struct arena arena;
    struct search_hit *hits;
    size_t nhits, caphits;
    /* scratch for highlighting: the text's tokens, where each position starts */
    struct dtok *tok;
    size_t ntok, captok;
    uint32_t *pos;
    size_t npos, cappos;
    char *tb;
    size_t ntb, captb;
    struct search_span *sp;
    size_t nsp, capsp;
    int oom;
};

/* Ranking reads nothing but the index; a hit's text and place are read for the few
 * hits kept, so a word found in every section costs no more than its doclist. */
static const char rank_sql[] =
    "SELECT rowid, " RANK_FUNCTION "(search_fts, ?5) AS r FROM search_fts"
    " WHERE search_fts MATCH ?1 ORDER BY r, rowid LIMIT ?2";
static const char rank_filtered_sql[] =
    "SELECT rowid, " RANK_FUNCTION "(search_fts, ?5) AS r FROM search_fts"
    " WHERE search_fts MATCH ?1 AND rowid IN (SELECT n.id FROM node n JOIN doc d"
    "  ON d.id = n.doc_id WHERE (?3 IS NULL OR substr(d.region, 1, length(?3)) = ?3)"
    "  AND (?4 IS NULL OR d.slug = ?4))"
    " ORDER BY r, rowid LIMIT ?2";
static const char row_sql[] =
    "SELECT v.title, v.text, n.path, n.kind, d.slug, coalesce(d.region, '')"
    " FROM search_text v JOIN node n ON n.id = v.id JOIN doc d ON d.id = n.doc_id"
    " WHERE v.id = ?1";

/* An index of another format finds nothing this build's queries look for. */
static int check_format(sqlite3 *db, struct err *e)
{
    char stored[128];
    int rc = search_index_stored_format(db, stored, sizeof stored);
    if (rc == 0 && !strcmp(stored, search_index_format()))
        return 0;
    if (rc < 0)
        err_set(e, "the database has no search index (%s): import the documents again with "
                "'gongfu import'", sqlite3_errmsg(db));
    else
        err_set(e, "the search index was built %s%s%s, this gongfu needs %s: re-index with "
                "'gongfu import --reindex'", rc ? "by an older gongfu" : "in another format (",
                rc ? "" : stored, rc ? "" : ")", search_index_format());
    return -1;
}

int search_open(sqlite3 *db, const char *vocab_path, struct search **out, struct err *e)
{
    *out = NULL;
    struct search *s = calloc(1, sizeof *s);
    if (!s)
        return err_set(e, "out of memory"), -1;
    s->db = db;
    if (vocab_path && vocab_load(vocab_path, &s->vocab, e) < 0)
        goto fail;
    const unsigned p = SQLITE_PREPARE_PERSISTENT;
    if (check_format(db, e) < 0 || lengths_load(db, &s->lengths, e) < 0 || words_open(db, &s->words, e) < 0)
        goto fail;
    if (sqlite3_prepare_v3(db, rank_sql, -1, p, &s->rank, NULL) ||
        sqlite3_prepare_v3(db, rank_filtered_sql, -1, p, &s->rank_filtered, NULL) ||
        sqlite3_prepare_v3(db, row_sql, -1, p, &s->row, NULL)) {
        err_set(e, "the database has no search index (%s): import the documents again "
                "with 'gongfu import'", sqlite3_errmsg(db));
        goto fail;
    }
    *out = s;
    return 0;
fail:
    search_close(&s);
    return -1;
}

void search_close(struct search **ps)
{
    struct search *s = *ps;
    if (!s)
        return;
    sqlite3_finalize(s->rank);
    sqlite3_finalize(s->rank_filtered);
    sqlite3_finalize(s->row);
    lengths_free(&s->lengths);
    words_close(&s->words);
    vocab_free(&s->vocab);
    query_free(&s->q);
    arena_free(&s->arena);
    free(s->hits), free(s->tok), free(s->pos), free(s->tb), free(s->sp);
    free(s);
    *ps = NULL;
}

int search_truncated(const struct search *s)
{
    return s->q ? s->q->truncated : 0;
}

int search_has_pinyin(const struct search *s)
{
    return words_available(s->words);
}

size_t search_pinyin(const struct search *s, const struct query_pinyin **out)
{
    *out = s->q ? s->q->pinyin : NULL;
    return s->q ? s->q->npinyin : 0;
}


/* ---- highlighting: the query's phrases found again in the text's tokens ---- */

static int on_dtok(void *ctx, int flags, const char *t, int n, int start, int end)
{
    struct search *s = ctx;
    if (array_grow((void **)&s->tok, &s->captok, s->ntok + 1, sizeof *s->tok) ||
        array_grow((void **)&s->pos, &s->cappos, s->npos + 1, sizeof *s->pos) ||
        array_grow((void **)&s->tb, &s->captb, s->ntb + (size_t)n, 1)) {
        s->oom = 1;
        return 1;
    }
    if (!(flags & TOKEN_COLOCATED) || s->npos == 0)
        s->pos[s->npos++] = (uint32_t)s->ntok;
    s->tok[s->ntok++] = (struct dtok){(uint32_t)s->ntb, n, start, end};
    memcpy(s->tb + s->ntb, t, (size_t)n);
    s->ntb += (size_t)n;
    return 0;
}

/* The token at position p equal to t, or NULL. */
static const struct dtok *at(const struct search *s, size_t p, const struct query_token *t)
{
    size_t end = p + 1 < s->npos ? s->pos[p + 1] : s->ntok;
    for (size_t i = s->pos[p]; i < end; i++)
        if (s->tok[i].n == t->n && !memcmp(s->tb + s->tok[i].off, t->s, (size_t)t->n))
            return &s->tok[i];
    return NULL;
}

static int span_cmp(const void *a, const void *b)
{
    const struct search_span *x = a, *y = b;
    return x->start != y->start ? (x->start < y->start ? -1 : 1)
                                : (x->end < y->end ? -1 : x->end > y->end);
}

/* Fills s->sp with the sorted, merged spans of the query's phrases in text. */
static int find_spans(struct search *s, const char *text, size_t n)
{
    s->ntok = s->npos = s->ntb = s->nsp = 0;
    if (!s->q || !s->q->nphrases || !n)
        return 0;
    tokenizer_run(text, (int)n, TOKENIZER_DOCUMENT, on_dtok, s);
    for (size_t k = 0; k < s->q->nphrases; k++) {
        const struct query_phrase *ph = &s->q->phrases[k];
        for (size_t p = 0; ph->ntok && p + ph->ntok <= s->npos; p++) {
            int start = 0, end = 0;
            size_t j;
            for (j = 0; j < ph->ntok; j++) {
                const struct dtok *t = at(s, p + j, &ph->tok[j]);
                if (!t)
                    break;
                if (j == 0 || t->start < start)
                    start = t->start;
                if (t->end > end)
                    end = t->end;
            }
            if (j < ph->ntok)
                continue;
            if (array_grow((void **)&s->sp, &s->capsp, s->nsp + 1, sizeof *s->sp)) {
                s->oom = 1;
                return -1;
            }
            s->sp[s->nsp++] = (struct search_span){(uint32_t)start, (uint32_t)end};
        }
    }
    if (s->nsp > 1)
        qsort(s->sp, s->nsp, sizeof *s->sp, span_cmp);
    size_t m = 0;
    for (size_t i = 0; i < s->nsp; i++) {
        if (m && s->sp[i].start <= s->sp[m - 1].end) {
            if (s->sp[i].end > s->sp[m - 1].end)
                s->sp[m - 1].end = s->sp[i].end;
        } else {
            s->sp[m++] = s->sp[i];
        }
    }
    s->nsp = m;
    return s->oom ? -1 : 0;
}

int search_highlight(struct search *s, const char *text, size_t n,
                     const struct search_span **spans, size_t *nspans)
{
    int rc = find_spans(s, text, n);
    *spans = s->sp;
    *nspans = rc ? 0 : s->nsp;
    return rc;
}

/* ---- snippets ---- */

/* Byte offset `chars` characters after (dir > 0) or before (dir < 0) i. */
static size_t step_chars(const char *t, size_t n, size_t i, int chars, int dir)
{
    for (; chars > 0; chars--) {
        if (dir > 0) {
            if (i >= n)
                break;
            uint32_t c;
            i += fold_decode(t + i, n - i, &c);
        } else {
            if (i == 0)
                break;
            while (--i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
                ;
        }
    }
    return i;
}

/* A window of about `chars` characters holding as many of the spans as any. */
static void snippet_window(const char *t, size_t n, const struct search_span *sp, size_t nsp,
                           int chars, size_t *ws, size_t *we)
{
    size_t best = 0, bs = 0, be = step_chars(t, n, 0, chars, 1);
    for (size_t i = 0; i < nsp && i < 64; i++) {
        size_t s = step_chars(t, n, sp[i].start, chars / 4, -1);
        size_t e = step_chars(t, n, s, chars, 1);
        size_t count = 0;
        for (size_t j = i; j < nsp && sp[j].end <= e; j++)
            count++;
        if (count > best)
            best = count, bs = s, be = e;
    }
    /* A hit cut by the window's edge is taken in whole. */
    for (size_t i = 0; i < nsp; i++) {
        if (sp[i].start < bs && sp[i].end > bs)
            bs = sp[i].start;
        if (sp[i].start < be && sp[i].end > be)
            be = sp[i].end;
    }
    *ws = bs, *we = be;
}

static int make_snippet(struct search *s, struct search_hit *h, size_t n, int chars)
{
    static const char ell[] = "…";
    size_t ws, we;
    snippet_window(h->text, n, h->spans, h->nspans, chars, &ws, &we);
    size_t pre = ws > 0 ? sizeof ell - 1 : 0, post = we < n ? sizeof ell - 1 : 0;
    char *p = arena_alloc(&s->arena, pre + (we - ws) + post + 1);
    struct search_span *sp = arena_alloc(&s->arena, (h->nspans ? h->nspans : 1) * sizeof *sp);
    if (!p || !sp)
        return -1;
    memcpy(p, ell, pre);
    for (size_t i = ws; i < we; i++) {
        char c = h->text[i];
        p[pre + i - ws] = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    }
    memcpy(p + pre + (we - ws), ell, post);
    p[pre + (we - ws) + post] = 0;
    size_t k = 0;
    for (size_t i = 0; i < h->nspans; i++) {
        uint32_t a = h->spans[i].start, b = h->spans[i].end;
        if (b <= ws || a >= we)
            continue;
        a = a < ws ? (uint32_t)ws : a;
        b = b > we ? (uint32_t)we : b;
        sp[k++] = (struct search_span){(uint32_t)(pre + a - ws), (uint32_t)(pre + b - ws)};
    }
    h->snippet = p, h->snippet_spans = sp, h->nsnippet_spans = k;
    return 0;
}

/* ---- queries ---- */

static const char *col(struct search *s, int i)
{
    const char *v = (const char *)sqlite3_column_text(s->row, i);
    return arena_strdup(&s->arena, v ? v : "", (size_t)sqlite3_column_bytes(s->row, i));
}

/* Spans of the last find_spans, copied to the arena. */
static const struct search_span *keep_spans(struct search *s, size_t *n)
{
    *n = s->nsp;
    struct search_span *sp = arena_alloc(&s->arena, (s->nsp ? s->nsp : 1) * sizeof *sp);
    if (sp && s->nsp)
        memcpy(sp, s->sp, s->nsp * sizeof *sp);
    return sp;
}

/* Reads a ranked hit's title, text and place, and finds its spans and snippet. */
static int fill_hit(struct search *s, struct search_hit *h, int chars, struct err *e)
{
    sqlite3_bind_int64(s->row, 1, h->node_id);
    int rc = sqlite3_step(s->row);
    if (rc != SQLITE_ROW) {
        err_set(e, "search: section %lld: %s", (long long)h->node_id,
                rc == SQLITE_DONE ? "not in the database" : sqlite3_errmsg(s->db));
        sqlite3_reset(s->row);
        return -1;
    }
    h->title = col(s, 0), h->text = col(s, 1), h->path = col(s, 2), h->kind = col(s, 3);
    h->slug = col(s, 4), h->region = col(s, 5);
    sqlite3_reset(s->row);
    size_t n = h->text ? strlen(h->text) : 0;
    if (!h->title || !h->text || !h->path || !h->kind || !h->slug || !h->region ||
        find_spans(s, h->title, strlen(h->title)) ||
        !(h->title_spans = keep_spans(s, &h->ntitle_spans)) ||
        find_spans(s, h->text, n) || !(h->spans = keep_spans(s, &h->nspans)) ||
        make_snippet(s, h, n, chars)) {
        err_set(e, "out of memory");
        return -1;
    }
    return 0;
}

int search_run(struct search *s, const char *query, const struct search_opts *o,
               const struct search_hit **hits, size_t *n, struct err *e)
{
    static const struct search_opts none;
    o = o ? o : &none;
    *hits = NULL, *n = 0;
    s->nhits = 0, s->oom = 0;
    arena_reset(&s->arena);
    query_free(&s->q);
    struct query_reader rd;
    words_reader(s->words, o->pinyin == SEARCH_PINYIN_FORCE, &rd);
    rd.choice = o->pinyin_choice, rd.nchoice = o->npinyin_choice;
    if (query_parse_pinyin(query ? query : "", s->vocab, o->pinyin == SEARCH_PINYIN_OFF ? NULL
                           : &rd, &s->q, e) < 0)
        return -1;
    if (!s->q->fts)
        return 0;
    sqlite3_stmt *st = o->region || o->doc ? s->rank_filtered : s->rank;
    sqlite3_bind_text(st, 1, s->q->fts, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, o->limit ? (sqlite3_int64)o->limit : -1);
    rank_bind(st, 5, s->lengths);
    if (st == s->rank_filtered) {
        sqlite3_bind_text(st, 3, o->region, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, o->doc, -1, SQLITE_STATIC);
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (array_grow((void **)&s->hits, &s->caphits, s->nhits + 1, sizeof *s->hits)) {
            err_set(e, "out of memory");
            break;
        }
        s->hits[s->nhits++] = (struct search_hit){.node_id = sqlite3_column_int64(st, 0),
                                                  .rank = sqlite3_column_double(st, 1)};
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        err_set(e, "search: %s", sqlite3_errmsg(s->db));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return -1;
    int chars = o->snippet_chars > 0 ? o->snippet_chars : 60;
    for (size_t i = 0; i < s->nhits; i++)
        if (fill_hit(s, &s->hits[i], chars, e) < 0)
            return -1;
    *hits = s->hits, *n = s->nhits;
    return 0;
}
