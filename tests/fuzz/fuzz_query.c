/* fuzz_query — the search prompt's parser on anything a user can type, with the real
 * vocabulary (data/vocab.tsv), checked against a real FTS5 table with the gongfu tokenizer.
 * Properties: whatever is typed, the expression FTS5 gets is valid syntax (nothing typed
 * reaches FTS5 as syntax); every phrase has tokens; and a single word always finds a
 * section whose text is that word. */
#include <string.h>
#include <sqlite3.h>
#include "fuzz.h"
#include "gongfu/fold.h"
#include "gongfu/query.h"
#include "gongfu/tokenizer.h"

static sqlite3 *db;
static sqlite3_stmt *match, *put;
static struct vocab *vocab;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    struct err e = {{0}};
    if (vocab_load(fuzz_data_file("vocab.tsv"), &vocab, &e) < 0)
        fuzz_fail("%s", e.msg);
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || tokenizer_register(db, &e) < 0 ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='" TOKENIZER_NAME "')",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &match, NULL) ||
        sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO t(rowid, x) VALUES(1, ?)", -1, &put, NULL))
        fuzz_fail("setting up FTS5: %s %s", e.msg, sqlite3_errmsg(db));
    return 0;
}

/* Runs the expression; returns whether row 1 matched. */
static int run_match(const char *fts, const char *typed)
{
    int found = 0, rc;
    sqlite3_reset(match);
    sqlite3_bind_text(match, 1, fts, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(match)) == SQLITE_ROW)
        found |= sqlite3_column_int64(match, 0) == 1;
    if (rc != SQLITE_DONE)
        fuzz_fail("FTS5 refused the expression for \"%s\": %s\n  expression: %s", typed,
                  sqlite3_errmsg(db), fts);
    return found;
}

static int drop_char(uint32_t c)
{
    /* what the query language treats as syntax: spaces, quotes, minus signs */
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x3000 || c == 0xA0 || c == '"' || c == 0x201C || c == 0x201D ||
           c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F || c == 0xFF02 ||
           c == '-' || c == 0xFF0D || c == 0x2212;
}

/* The input with the syntax characters left out: one plain word. Characters are written
 * anew (an invalid byte as U+FFFD), so that leaving one out cannot join the bytes around
 * it into a new character, such as a minus sign. */
static char *plain_word(const char *s)
{
    size_t n = strlen(s), o = 0;
    char *w = malloc(3 * n + 1);
    if (!w)
        abort();
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += fold_decode(s + i, n - i, &c);
        if (!drop_char(c))
            o += fold_encode(c, w + o);
    }
    w[o] = '\0';
    return w;
}

static void check(const char *typed, int self_match)
{
    struct query *q;
    struct err e = {{0}};
    if (query_parse(typed, vocab, &q, &e) < 0)
        fuzz_fail("query_parse failed: %s", e.msg);
    for (size_t i = 0; i < q->nphrases; i++)
        if (!q->phrases[i].ntok)
            fuzz_fail("phrase %zu of \"%s\" has no tokens", i, typed);
    if (q->fts) {
        int found = run_match(q->fts, typed);
        if (self_match && !found)
            fuzz_fail("the word \"%s\" does not find a text that is that word\n  expression: %s",
                      typed, q->fts);
    }
    query_free(&q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *typed = fuzz_strdup(data, size);
    check(typed, 0);
    char *w = plain_word(typed);
    if (strcmp(w, "OR") && strcmp(w, "AND") && strcmp(w, "NOT")) {
        sqlite3_reset(put);
        sqlite3_bind_text(put, 1, w, -1, SQLITE_STATIC);
        if (sqlite3_step(put) != SQLITE_DONE)
            fuzz_fail("storing the text: %s", sqlite3_errmsg(db));
        check(w, 1);
    }
    free(w);
    free(typed);
    return 0;
}
