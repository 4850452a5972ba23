/* tokenizer.c — CJK bigrams + colocated unigrams, letter/digit words; an FTS5 tokenizer. */
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include "gongfu/array.h"
#include "gongfu/fold.h"
#include "gongfu/tokenizer.h"

enum cls { C_OTHER, C_CJK, C_WORD, C_JOIN, C_SPACE };

static enum cls classify(uint32_t c)
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            return C_WORD;
        if (c == '.' || c == '&')
            return C_JOIN;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            return C_SPACE;
        return C_OTHER;
    }
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0xAC00 && c <= 0xD7AF) ||
        c == 0x3005 || c == 0x3007)
        return C_CJK;
    if (c == 0x3000 || c == 0xA0)
        return C_SPACE;
    if (uc_is_alnum(c) || uc_is_general_category(c, UC_CATEGORY_M))
        return C_WORD;
    return C_OTHER;
}

struct tk {
    int mode;
    tokenizer_cb cb;
    void *ctx;
    /* the CJK run: its previous character as UTF-8, and how many it has had */
    int in_cjk, cjk_len;
    char prev_b[4];
    int prev_n, prev_s, prev_e;
    /* the letter/digit run: its folded text so far, and a '.' or '&' not yet known to
     * be inside it */
    int in_word, wstart, wend;
    char wbuf[TOKENIZER_MAX_TOKEN];
    int wlen, wfull;
    uint32_t joiner;
};

/* The last character of a run shares the last bigram's position, so a run of k
 * characters takes k - 1 positions in both modes and a phrase that goes on past the run
 * ("网络5G") finds the same positions in the query as in the document. */
static int end_cjk(struct tk *t)
{
    t->in_cjk = 0;
    if (t->mode == TOKENIZER_QUERY && t->cjk_len > 1)
        return 0;
    return t->cb(t->ctx, t->cjk_len > 1 ? TOKEN_COLOCATED : 0, t->prev_b, t->prev_n,
                 t->prev_s, t->prev_e);
}

static int end_word(struct tk *t)
{
    t->in_word = 0;
    return t->cb(t->ctx, 0, t->wbuf, t->wlen, t->wstart, t->wend);
}

/* Adds c, after the pending joiner if any. A run longer than the limit is cut for good at
 * a character boundary, never after a joiner, so that the token cut from a document and
 * the one cut from the same word in a query are the same. */
static void word_add(struct tk *t, uint32_t c)
{
    char buf[5];
    int k = 0;
    if (t->joiner)
        buf[k++] = (char)t->joiner;
    t->joiner = 0;
    k += (int)fold_encode(c, buf + k);
    if (t->wfull || t->wlen + k > TOKENIZER_MAX_TOKEN) {
        t->wfull = 1;
        return;
    }
    memcpy(t->wbuf + t->wlen, buf, (size_t)k);
    t->wlen += k;
}

/* One folded character c, from the original bytes [s, e). */
static int feed(struct tk *t, uint32_t c, int s, int e)
{
    enum cls k = classify(c);
    int rc;
    if (t->in_cjk) {
        if (k == C_CJK) {
            /* Each character is encoded once: the bigram's second half is the next one's
             * first. */
            char pair[8];
            memcpy(pair, t->prev_b, 4);
            int n = (int)fold_encode(c, pair + t->prev_n);
            if ((rc = t->cb(t->ctx, 0, pair, t->prev_n + n, t->prev_s, e)))
                return rc;
            if (t->mode == TOKENIZER_DOCUMENT &&
                (rc = t->cb(t->ctx, TOKEN_COLOCATED, t->prev_b, t->prev_n, t->prev_s,
                            t->prev_e)))
                return rc;
            memcpy(t->prev_b, pair + t->prev_n, 4);
            t->prev_n = n, t->prev_s = s, t->prev_e = e;
            t->cjk_len++;
            return 0;
        }
        if (k == C_SPACE)
            return 0;
        if ((rc = end_cjk(t)))
            return rc;
    }
    if (t->in_word) {
        if (k == C_WORD) {
            word_add(t, c);
            t->wend = e;
            return 0;
        }
        if (k == C_JOIN && !t->joiner) {
            t->joiner = c;
            return 0;
        }
        if ((rc = end_word(t)))
            return rc;
    }
    if (k == C_CJK) {
        t->in_cjk = 1, t->cjk_len = 1;
        t->prev_s = s, t->prev_e = e;
        t->prev_n = (int)fold_encode(c, t->prev_b);
    } else if (k == C_WORD) {
        t->in_word = 1, t->wlen = 0, t->wfull = 0, t->joiner = 0;
        t->wstart = s, t->wend = e;
        word_add(t, c);
    }
    return 0;
}

/* The character at s (n > 0 bytes): fold_decode, with the common lengths here. */
static inline int decode(const char *s, int n, uint32_t *c)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *c = u[0];
        return 1;
    }
    if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t v = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
            *c = v;
            return 3;
        }
    }
    return (int)fold_decode(s, (size_t)n, c);
}

int tokenizer_run(const char *text, int n, int mode, tokenizer_cb cb, void *ctx)
{
    struct tk t = {.mode = mode, .cb = cb, .ctx = ctx};
    int rc;
    for (int i = 0; i < n;) {
        uint32_t c, f[FOLD_MAX];
        int len = decode(text + i, n - i, &c);
        size_t nf = fold_char(c, f);
        for (size_t j = 0; j < nf; j++)
            if ((rc = feed(&t, f[j], i, i + len)))
                return rc;
        i += len;
    }
    if (t.in_cjk && (rc = end_cjk(&t)))
        return rc;
    if (t.in_word && (rc = end_word(&t)))
        return rc;
    return 0;
}

/* ---- FTS5 ---- */

struct fts_ctx {
    void *pctx;
    int (*xtoken)(void *, int, const char *, int, int, int);
    int64_t positions;
};

/* Positions of the documents FTS5 had tokenized on this thread (tokenizer.h). */
static _Thread_local int64_t doc_positions;

int64_t tokenizer_positions(void)
{
    return doc_positions;
}

/* ---- tokens recorded ahead (tokenizer.h) ---- */

struct ahead_tok {
    uint32_t at;                 /* its bytes: pool[at .. at + ntok) */
    uint8_t ntok, flags;
    int start, end;
};

struct ahead_text {
    const char *text;            /* the caller's, compared when FTS5 gives a text */
    int n;
    size_t first, count;         /* its tokens: tok[first .. first + count) */
    int64_t positions;
};

struct tokenizer_ahead {
    char *pool;
    size_t npool, cap_pool;
    struct ahead_tok *tok;
    size_t ntok, cap_tok;
    struct ahead_text *texts;
    size_t ntexts, cap_texts, next;
    const struct tokenizer_tap *tap;   /* while recording */
    int failed;
};

int tokenizer_ahead_new(struct tokenizer_ahead **a)
{
    return (*a = calloc(1, sizeof **a)) ? 0 : -1;
}

void tokenizer_ahead_clear(struct tokenizer_ahead *a)
{
    a->npool = a->ntok = a->ntexts = a->next = 0;
    a->failed = 0;
}

void tokenizer_ahead_trim(struct tokenizer_ahead *a, size_t keep)
{
    if (a->cap_tok * sizeof *a->tok + a->cap_pool > keep) {
        free(a->pool), free(a->tok);
        a->pool = NULL, a->tok = NULL, a->cap_pool = a->cap_tok = 0;
    }
}

void tokenizer_ahead_free(struct tokenizer_ahead **a)
{
    if (*a)
        free((*a)->pool), free((*a)->tok), free((*a)->texts), free(*a);
    *a = NULL;
}

static int record_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct tokenizer_ahead *a = ctx;
    if (a->tap)
        a->tap->token(a->tap->ctx, flags, tok, ntok, start, end);
    /* The room asked for here only when there is none (a call a token was a tenth of
     * recording them). */
    if ((a->npool + (size_t)ntok > a->cap_pool &&
         array_grow((void **)&a->pool, &a->cap_pool, a->npool + (size_t)ntok, 1) < 0) ||
        (a->ntok + 1 > a->cap_tok &&
         array_grow((void **)&a->tok, &a->cap_tok, a->ntok + 1, sizeof *a->tok) < 0))
        return a->failed = 1;
    memcpy(a->pool + a->npool, tok, (size_t)ntok);
    a->tok[a->ntok++] = (struct ahead_tok){(uint32_t)a->npool, (uint8_t)ntok, (uint8_t)flags,
                                           start, end};
    a->npool += (size_t)ntok;
    a->texts[a->ntexts].positions += !(flags & TOKEN_COLOCATED);
    return 0;
}

int tokenizer_ahead_add(struct tokenizer_ahead *a, const char *text, int n,
                        const struct tokenizer_tap *tap)
{
    if (a->failed || array_grow((void **)&a->texts, &a->cap_texts, a->ntexts + 1,
                                sizeof *a->texts) < 0)
        return a->failed = 1, -1;
    a->texts[a->ntexts] = (struct ahead_text){text, n, a->ntok, 0, 0};
    a->tap = tap;
    tokenizer_run(text, n, TOKENIZER_DOCUMENT, record_token, a);
    if (tap)
        tap->end(tap->ctx);
    a->tap = NULL;
    if (a->failed)
        return -1;
    a->texts[a->ntexts].count = a->ntok - a->texts[a->ntexts].first;
    a->ntexts++;
    return 0;
}

/* The tokens recorded ahead that FTS5's document texts on this thread are given. */
static _Thread_local struct tokenizer_ahead *doc_ahead;

void tokenizer_set_ahead(struct tokenizer_ahead *a)
{
    doc_ahead = a;
}

static int fts_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct fts_ctx *f = ctx;
    f->positions += !(flags & TOKEN_COLOCATED);
    return f->xtoken(f->pctx, flags & TOKEN_COLOCATED ? FTS5_TOKEN_COLOCATED : 0, tok, ntok,
                     start, end);
}

/* The tokenizer keeps no state, so every instance is this one object. */
static int tk_dummy;

static int fts_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)ctx, (void)argv;
    if (argc > 0)
        return SQLITE_ERROR;
    *out = (Fts5Tokenizer *)&tk_dummy;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *t)
{
    (void)t;
}

static int fts_tokenize(Fts5Tokenizer *tok, void *pctx, int flags, const char *text, int n,
                        int (*xtoken)(void *, int, const char *, int, int, int))
{
    (void)tok;
    int doc = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
    struct tokenizer_ahead *a = doc ? doc_ahead : NULL;
    if (a) {
        const struct ahead_text *t = a->next < a->ntexts ? &a->texts[a->next] : NULL;
        if (!t || t->n != n || (n && memcmp(t->text, text, (size_t)n)))
            return SQLITE_MISMATCH;      /* not the text recorded: a caller's mistake */
        a->next++;
        for (size_t k = t->first; k < t->first + t->count; k++) {
            const struct ahead_tok *x = &a->tok[k];
            int rc = xtoken(pctx, x->flags & TOKEN_COLOCATED ? FTS5_TOKEN_COLOCATED : 0,
                            a->pool + x->at, x->ntok, x->start, x->end);
            if (rc)
                return rc;
        }
        doc_positions += t->positions;
        return SQLITE_OK;
    }
    struct fts_ctx f = {pctx, xtoken, 0};
    int mode = (flags & FTS5_TOKENIZE_QUERY) ? TOKENIZER_QUERY : TOKENIZER_DOCUMENT;
    int rc = tokenizer_run(text, n, mode, fts_token, &f);
    if (doc)
        doc_positions += f.positions;
    return rc;
}

fts5_api *tokenizer_fts5(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int tokenizer_register(sqlite3 *db, struct err *e)
{
    fts5_api *api = tokenizer_fts5(db);
    if (!api) {
        err_set(e, "this SQLite has no FTS5: %s", sqlite3_errmsg(db));
        return -1;
    }
    fts5_tokenizer t = {fts_create, fts_delete, fts_tokenize};
    if (api->xCreateTokenizer(api, TOKENIZER_NAME, NULL, &t, NULL) != SQLITE_OK) {
        err_set(e, "cannot register the %s tokenizer: %s", TOKENIZER_NAME,
                sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}
