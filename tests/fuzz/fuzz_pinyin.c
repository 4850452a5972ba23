/* fuzz_pinyin — what a user types read as pinyin (pinyin.h), the words found for it in a
 * real word list (pinyin_words.h: every one- and two-character run of the embedded plans),
 * and the query it becomes (query.h with a reader), checked against FTS5.
 * Properties: a key formats back to itself; every word found reads as the key, with the
 * flags it was given, at most once, ranked as documented, and a chain only if the plans
 * hold it; the expression with pinyin is valid FTS5 syntax and every phrase has tokens. */
#include <string.h>
#include <sqlite3.h>
#include "fuzz.h"
#include "gongfu/fold.h"
#include "gongfu/pinyin_words.h"
#include "gongfu/query.h"
#include "gongfu/tokenizer.h"
#include "gongfu/word_contexts.h"

static struct pinyin_words *words;
static char *plans;              /* the embedded plans, folded */
static sqlite3 *db;
static sqlite3_stmt *match;

/* Counts of runs of one and two characters, kept in a small open hash. */
#define SLOTS (1 << 17)
static struct { char w[8]; int n; double count; } slot[SLOTS];

static void count(const char *s, int n)
{
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    for (unsigned k = h % SLOTS;; k = (k + 1) % SLOTS) {
        if (!slot[k].n) {
            memcpy(slot[k].w, s, (size_t)n), slot[k].n = n, slot[k].count = 1;
            return;
        }
        if (slot[k].n == n && !memcmp(slot[k].w, s, (size_t)n)) {
            slot[k].count++;
            return;
        }
    }
}

static int on_plan_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    (void)ctx, (void)flags, (void)start, (void)end;
    if (ntok <= 8)
        count(tok, ntok);
    return 0;
}

static void load_plans(void)
{
    static const char *const files[] = {"jinhua-plan.txt", "taizhou-plan.txt", "zhoushan-plan.txt",
                                        "zhejiang-plan-part2.txt",
                                        "zhejiang-opengov-2021-and-central-opinions.txt"};
    size_t total = 0;
    struct word_contexts *contexts;
    if (word_contexts_new(&contexts))
        abort();
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char name[128];
        snprintf(name, sizeof name, "corpus/%s", files[i]);
        FILE *f = fopen(fuzz_data_file(name), "rb");
        if (!f)
            fuzz_fail("cannot open %s", fuzz_data_file(name));
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        size_t nf;
        char *folded = fold_utf8(buf, n, &nf, NULL);
        plans = realloc(plans, total + nf + 1);
        if (!folded || !plans)
            abort();
        memcpy(plans + total, folded, nf + 1);
        total += nf;
        free(folded);
        tokenizer_run(buf, (int)n, TOKENIZER_DOCUMENT, on_plan_token, NULL);
        if (word_contexts_add(contexts, buf, n))
            abort();
    }
    if (pinyin_words_new(&words))
        abort();
    for (size_t k = 0; k < SLOTS; k++)
        if (slot[k].n && pinyin_words_add(words, slot[k].w, (size_t)slot[k].n, slot[k].count,
                                          word_contexts_of(contexts, slot[k].w,
                                                           (size_t)slot[k].n)))
            abort();
    word_contexts_free(&contexts);
    if (pinyin_words_finish(words) || pinyin_words_size(words) < 1000)
        fuzz_fail("the word list of the plans is too small");
}

static int exists(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    return memmem(plans, strlen(plans), s, n) != NULL;
}

static double literal(void *ctx, const char *text, size_t n, struct err *e)
{
    (void)ctx, (void)text, (void)e;
    return n % 3 == 0 ? 1 : 0;      /* sometimes "found as written", to take both paths */
}

static int read_words(void *ctx, const char *text, size_t n, struct query_word *out, int max,
                      struct err *e)
{
    (void)ctx, (void)e;
    struct pinyin_key k;
    struct pinyin_candidate c[QUERY_MAX_READINGS];
    if (!pinyin_key_parse(text, n, &k))
        return 0;
    int got = pinyin_words_find(words, &k, exists, NULL, c, (size_t)(max < 8 ? max : 8));
    for (int i = 0; i < got; i++)
        out[i] = (struct query_word){c[i].s, c[i].n, c[i].sections};
    return got;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    struct err e = {{0}};
    load_plans();
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || tokenizer_register(db, &e) < 0 ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='" TOKENIZER_NAME "');"
                     "INSERT INTO t VALUES('托位数字化改革')", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &match, NULL))
        fuzz_fail("setting up FTS5: %s %s", e.msg, sqlite3_errmsg(db));
    return 0;
}

static int order(int flags)
{
    return ((flags & PINYIN_FULL) ? 0 : 2) + ((flags & PINYIN_RARE) ? 1 : 0);
}

static void check_key(const char *typed, size_t size)
{
    struct pinyin_key k, again;
    if (!pinyin_key_parse(typed, size, &k))
        return;
    char f[4 * PINYIN_MAX_KEY];
    pinyin_key_format(&k, f, sizeof f);
    if (k.n < 1 || k.n > PINYIN_MAX_KEY || !k.start[0] ||
        !pinyin_key_parse(f, strlen(f), &again) || memcmp(&k, &again, sizeof k))
        fuzz_fail("the key of \"%s\" does not format back to itself (\"%s\")", typed, f);
    struct pinyin_candidate c[8];
    int n = pinyin_words_find(words, &k, exists, NULL, c, 8);
    if (n < 0 || n > 8)
        fuzz_fail("find(\"%s\") gave %d", f, n);
    for (int i = 0; i < n; i++) {
        int flags;
        if (!pinyin_match(&k, c[i].s, c[i].n, &flags) || flags != c[i].flags)
            fuzz_fail("\"%s\" found for \"%s\" does not read so (flags %d)", c[i].s, f,
                      c[i].flags);
        /* Longer than two characters: a chain, which the plans must hold as written. */
        if (c[i].n > 8 && !exists(NULL, c[i].s, c[i].n))
            fuzz_fail("the chain \"%s\" found for \"%s\" is in no plan", c[i].s, f);
        for (int j = 0; j < i; j++)
            if (c[j].n == c[i].n && !memcmp(c[j].s, c[i].s, c[i].n))
                fuzz_fail("\"%s\" found twice for \"%s\"", c[i].s, f);
        /* Best first: by flags, then contexts (how freely it combines), then sections. */
        if (c[i].contexts < 1 || c[i].contexts > PINYIN_FREE)
            fuzz_fail("\"%s\" for \"%s\" has contexts %u", c[i].s, f, c[i].contexts);
        if (i && (order(c[i - 1].flags) > order(c[i].flags) ||
                  (order(c[i - 1].flags) == order(c[i].flags) &&
                   (c[i - 1].contexts < c[i].contexts ||
                    (c[i - 1].contexts == c[i].contexts &&
                     c[i - 1].sections < c[i].sections)))))
            fuzz_fail("\"%s\" ranked before \"%s\" for \"%s\"", c[i - 1].s, c[i].s, f);
    }
}

static void check_query(const char *typed)
{
    /* A choice for the query's first word, so picked readings are parsed too. */
    const struct query_choice pick = {"tw", "托位"};
    struct query_reader rd = {NULL, typed[0] == '!', &pick, 1, literal, read_words};
    struct query *q;
    struct err e = {{0}};
    if (query_parse_pinyin(typed, NULL, &rd, &q, &e) < 0)
        fuzz_fail("query_parse_pinyin failed: %s", e.msg);
    for (size_t i = 0; i < q->nphrases; i++)
        if (!q->phrases[i].ntok)
            fuzz_fail("phrase %zu of \"%s\" has no tokens", i, typed);
    if (q->fts) {
        int rc;
        sqlite3_reset(match);
        sqlite3_bind_text(match, 1, q->fts, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(match)) == SQLITE_ROW)
            ;
        if (rc != SQLITE_DONE)
            fuzz_fail("FTS5 refused the expression for \"%s\": %s\n  expression: %s", typed,
                      sqlite3_errmsg(db), q->fts);
    }
    query_free(&q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 512)
        return 0;
    char *typed = fuzz_strdup(data, size);
    check_key(typed, strlen(typed));
    check_query(typed);
    free(typed);
    return 0;
}
