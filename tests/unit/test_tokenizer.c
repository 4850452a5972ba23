/* The tokenizer: bigrams with colocated unigrams, words, folding, offsets, FTS5. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/tokenizer.h"

/* Tokens as one string: "tok@start-end" separated by spaces, "+" before colocated. */
struct acc {
    char s[4096];
    int stop_after;
    int seen;
};

static int collect(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct acc *a = ctx;
    size_t l = strlen(a->s);
    snprintf(a->s + l, sizeof a->s - l, "%s%s%.*s@%d-%d", l ? " " : "",
             flags & TOKEN_COLOCATED ? "+" : "", ntok, tok, start, end);
    a->seen++;
    return a->stop_after && a->seen == a->stop_after ? 7 : 0;
}

static const char *toks(const char *text, int mode)
{
    static struct acc a;
    memset(&a, 0, sizeof a);
    assert_int_equal(tokenizer_run(text, (int)strlen(text), mode, collect, &a), 0);
    return a.s;
}

static void test_bigrams_colocated(void **state)
{
    (void)state;
    assert_string_equal(toks("托位数", TOKENIZER_DOCUMENT),
                        "托位@0-6 +托@0-3 位数@3-9 +位@3-6 +数@6-9");
    assert_string_equal(toks("托", TOKENIZER_DOCUMENT), "托@0-3");
    /* Punctuation ends a run. */
    assert_string_equal(toks("养老，托育", TOKENIZER_DOCUMENT),
                        "养老@0-6 +养@0-3 +老@3-6 托育@9-15 +托@9-12 +育@12-15");
}

static void test_query_mode(void **state)
{
    (void)state;
    assert_string_equal(toks("托位数", TOKENIZER_QUERY), "托位@0-6 位数@3-9");
    assert_string_equal(toks("托", TOKENIZER_QUERY), "托@0-3");
    assert_string_equal(toks("托 PM2.5", TOKENIZER_QUERY), "托@0-3 pm2.5@4-9");
}

static void test_folding_keeps_offsets(void **state)
{
    (void)state;
    assert_string_equal(toks("醫保", TOKENIZER_DOCUMENT), "医保@0-6 +医@0-3 +保@3-6");
    assert_string_equal(toks("數位化", TOKENIZER_QUERY), "数位@0-6 位化@3-9");
    /* Full-width letters and digits: 4 characters of 3 bytes and one '.' */
    assert_string_equal(toks("ＰＭ２.５", TOKENIZER_DOCUMENT), "pm2.5@0-13");
    assert_string_equal(toks("ＡＢＣ１２３", TOKENIZER_DOCUMENT), "abc123@0-18");
    /* A compatibility ideograph (U+F900) folds to 岂. */
    assert_string_equal(toks("\xEF\xA4\x80", TOKENIZER_DOCUMENT), "岂@0-3");
}

static void test_words(void **state)
{
    (void)state;
    assert_string_equal(toks("R&D投入", TOKENIZER_DOCUMENT),
                        "r&d@0-3 投入@3-9 +投@3-6 +入@6-9");
    assert_string_equal(toks("5G网络", TOKENIZER_DOCUMENT), "5g@0-2 网络@2-8 +网@2-5 +络@5-8");
    assert_string_equal(toks("到2025年", TOKENIZER_DOCUMENT), "到@0-3 2025@3-7 年@7-10");
    /* A joiner not followed by a letter or digit is not part of the word. */
    assert_string_equal(toks("PM2.5.", TOKENIZER_DOCUMENT), "pm2.5@0-5");
    assert_string_equal(toks("1.6以内", TOKENIZER_QUERY), "1.6@0-3 以内@3-9");
    assert_string_equal(toks("a..b &x", TOKENIZER_DOCUMENT), "a@0-1 b@3-4 x@6-7");
    assert_string_equal(toks("15.促进", TOKENIZER_QUERY), "15@0-2 促进@3-9");
    assert_string_equal(toks("Café", TOKENIZER_DOCUMENT), "café@0-5");
}

static void test_whitespace_inside_cjk(void **state)
{
    (void)state;
    /* A page break inside 网络, a stray space inside 两慢病: still one run. */
    assert_string_equal(toks("网\n\n络", TOKENIZER_DOCUMENT), "网络@0-8 +网@0-3 +络@5-8");
    assert_string_equal(toks("两 慢病", TOKENIZER_QUERY), "两慢@0-7 慢病@4-10");
    /* ... but not between a CJK run and a word. */
    assert_string_equal(toks("到 2025", TOKENIZER_DOCUMENT), "到@0-3 2025@4-8");
}

static void test_nothing_to_index(void **state)
{
    (void)state;
    assert_string_equal(toks("", TOKENIZER_DOCUMENT), "");
    assert_string_equal(toks("，。！（）“”:*^\"", TOKENIZER_QUERY), "");
    assert_string_equal(toks("   \n\t", TOKENIZER_DOCUMENT), "");
    /* An invalid byte separates tokens and keeps the offsets of what follows. */
    assert_string_equal(toks("\xFF托", TOKENIZER_DOCUMENT), "托@1-4");
    assert_string_equal(toks("a\xFF" "b", TOKENIZER_DOCUMENT), "a@0-1 b@2-3");
}

static void test_long_word_cut(void **state)
{
    (void)state;
    char in[200];
    memset(in, 'x', 150);
    in[150] = 0;
    const char *t = toks(in, TOKENIZER_DOCUMENT);
    char want[100];
    memset(want, 'x', TOKENIZER_MAX_TOKEN);
    snprintf(want + TOKENIZER_MAX_TOKEN, sizeof want - TOKENIZER_MAX_TOKEN, "@0-150");
    assert_string_equal(t, want);
    /* Cut where a joiner would be last: the joiner and the rest are dropped. */
    memset(in, 'x', 63);
    memcpy(in + 63, ".yz", 4);
    memset(want, 'x', 63);
    snprintf(want + 63, sizeof want - 63, "@0-66");
    assert_string_equal(toks(in, TOKENIZER_DOCUMENT), want);
}

static void test_callback_stops(void **state)
{
    (void)state;
    struct acc a;
    memset(&a, 0, sizeof a);
    a.stop_after = 2;
    assert_int_equal(tokenizer_run("托位数", 9, TOKENIZER_DOCUMENT, collect, &a), 7);
    assert_int_equal(a.seen, 2);
}

static int count(sqlite3 *db, const char *match)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1,
                                        &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_fts5(void **state)
{
    (void)state;
    sqlite3 *db;
    struct err e = {{0}};
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(tokenizer_register(db, &e), 0);
    assert_int_equal(sqlite3_exec(db,
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='gongfu');"
        "INSERT INTO t VALUES('每千人口拥有3岁以下婴幼儿托位数达到4.5个');"
        "INSERT INTO t VALUES('打造全国醫保智慧型監控示範');"
        "INSERT INTO t VALUES('PM2.5平均浓度');", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count(db, "\"托位\""), 1);
    assert_int_equal(count(db, "\"托\""), 1);
    assert_int_equal(count(db, "\"位\""), 1);
    assert_int_equal(count(db, "\"医保\""), 1);
    assert_int_equal(count(db, "\"醫保\""), 1);
    assert_int_equal(count(db, "\"pm2.5\""), 1);
    assert_int_equal(count(db, "\"ＰＭ2.5\""), 1);
    assert_int_equal(count(db, "\"4.5\""), 1);
    assert_int_equal(count(db, "\"婴幼儿托位数\""), 1);
    assert_int_equal(count(db, "\"托数\""), 0);
    assert_int_equal(count(db, "\"保智\""), 1);
    /* A phrase that goes on past a CJK run, and one that starts with a single character. */
    assert_int_equal(count(db, "\"人口拥有3岁\""), 1);
    assert_int_equal(count(db, "\"有3岁\""), 1);
    assert_int_equal(count(db, "\"4.5个\""), 1);
    assert_int_equal(count(db, "\"到4.5\""), 1);
    assert_int_equal(count(db, "\"达到 4.5\""), 1);
    sqlite3_close(db);
}

/* ---- tokens recorded ahead (tokenizer_ahead_*) ---- */

struct tap_count {
    int tokens, ends;
    long sum;                    /* of the tokens' starts and lengths, to tell them apart */
};

static void tap_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct tap_count *c = ctx;
    (void)flags, (void)tok, (void)end;
    c->tokens++, c->sum += start * 7 + ntok;
}

static void tap_end(void *ctx)
{
    ((struct tap_count *)ctx)->ends++;
}

/* The index's own rows, as text. */
static char *blocks(sqlite3 *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id, hex(block) FROM %s_data ORDER BY id", table);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *b = (const char *)sqlite3_column_text(st, 1);
        if (len + strlen(b) + 32 > cap)
            out = realloc(out, cap = 2 * (cap + strlen(b)));
        len += (size_t)snprintf(out + len, cap - len, "%lld %s\n", sqlite3_column_int64(st, 0), b);
    }
    sqlite3_finalize(st);
    return out;
}

/* tokenizer_run's tokens of a text in document mode, counted as the tap counts them; the
 * positions (tokens not colocated). */
struct run_count {
    struct tap_count *c;
    int64_t positions;
};

static int run_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct run_count *r = ctx;
    tap_token(r->c, flags, tok, ntok, start, end);
    r->positions += !(flags & TOKEN_COLOCATED);
    return 0;
}

static int64_t run_text(const char *text, struct tap_count *c)
{
    struct run_count r = {c, 0};
    assert_int_equal(tokenizer_run(text, (int)strlen(text), TOKENIZER_DOCUMENT, run_token, &r), 0);
    tap_end(c);
    return r.positions;
}

/* Rows indexed from tokens recorded ahead make the index rows tokenizing them in the
 * insert gives, with the lengths counted and the tokens tapped that tokenizer_run gives;
 * a text other than the recorded one fails the insert. */
static void test_fts5_ahead(void **state)
{
    (void)state;
    static const char *const rows[][2] = {
        {"每千人口拥有3岁以下婴幼儿托位数达到4.5个", "发展目标"},
        {"打造全国醫保智慧型監控示範", ""},
        {"", "PM2.5平均浓度"},
        {"推进 共同富裕 示范区建设,R&D经费投入强度达到3%", "二、主要目标"},
    };
    enum { N = sizeof rows / sizeof *rows };
    sqlite3 *db;
    struct err e = {{0}};
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(tokenizer_register(db, &e), 0);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE a USING fts5(x, y, tokenize='gongfu');"
                                  "CREATE VIRTUAL TABLE b USING fts5(x, y, tokenize='gongfu');",
                                  NULL, NULL, NULL), SQLITE_OK);
    struct tap_count live = {0}, ahead = {0};
    struct tokenizer_tap ta = {tap_token, tap_end, &ahead};
    int64_t len_live[N], len_ahead[N];
    sqlite3_stmt *ia, *ib;
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO a(rowid, x, y) VALUES(?, ?, ?)", -1, &ia,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO b(rowid, x, y) VALUES(?, ?, ?)", -1, &ib,
                                        NULL), SQLITE_OK);
    struct tokenizer_ahead *rec;
    assert_int_equal(tokenizer_ahead_new(&rec), 0);
    for (int i = 0; i < N; i++) {
        int64_t before = tokenizer_positions();
        sqlite3_bind_int(ia, 1, i + 1);
        sqlite3_bind_text(ia, 2, rows[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(ia, 3, rows[i][1], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(ia), SQLITE_DONE);
        sqlite3_reset(ia);
        len_live[i] = tokenizer_positions() - before;
        assert_int_equal(len_live[i], run_text(rows[i][0], &live) + run_text(rows[i][1], &live));

        tokenizer_ahead_clear(rec);
        assert_int_equal(tokenizer_ahead_add(rec, rows[i][0], (int)strlen(rows[i][0]), &ta), 0);
        assert_int_equal(tokenizer_ahead_add(rec, rows[i][1], (int)strlen(rows[i][1]), &ta), 0);
        tokenizer_set_ahead(rec);
        before = tokenizer_positions();
        sqlite3_bind_int(ib, 1, i + 1);
        sqlite3_bind_text(ib, 2, rows[i][0], -1, SQLITE_STATIC);
        sqlite3_bind_text(ib, 3, rows[i][1], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(ib), SQLITE_DONE);
        sqlite3_reset(ib);
        len_ahead[i] = tokenizer_positions() - before;
        tokenizer_set_ahead(NULL);
        assert_int_equal(len_live[i], len_ahead[i]);
    }
    assert_true(live.tokens > 30);
    assert_int_equal(live.tokens, ahead.tokens);
    assert_int_equal(live.ends, ahead.ends);
    assert_int_equal(live.sum, ahead.sum);
    char *ba = blocks(db, "a"), *bb = blocks(db, "b");
    assert_string_equal(ba, bb);
    free(ba), free(bb);
    /* Recorded for one text, given another. */
    tokenizer_ahead_clear(rec);
    assert_int_equal(tokenizer_ahead_add(rec, "托位数", (int)strlen("托位数"), NULL), 0);
    assert_int_equal(tokenizer_ahead_add(rec, "", 0, NULL), 0);
    tokenizer_set_ahead(rec);
    sqlite3_bind_int(ib, 1, 99);
    sqlite3_bind_text(ib, 2, "托位", -1, SQLITE_STATIC);
    sqlite3_bind_text(ib, 3, "", -1, SQLITE_STATIC);
    assert_int_not_equal(sqlite3_step(ib), SQLITE_DONE);
    sqlite3_reset(ib);
    tokenizer_set_ahead(NULL);
    tokenizer_ahead_free(&rec);
    assert_null(rec);
    sqlite3_finalize(ia), sqlite3_finalize(ib);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(rowid) FROM b WHERE b MATCH "
                                        "'\"托位\"'", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "1");
    sqlite3_finalize(q);
    sqlite3_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bigrams_colocated), cmocka_unit_test(test_query_mode),
        cmocka_unit_test(test_folding_keeps_offsets), cmocka_unit_test(test_words),
        cmocka_unit_test(test_whitespace_inside_cjk), cmocka_unit_test(test_nothing_to_index),
        cmocka_unit_test(test_long_word_cut),    cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_fts5),             cmocka_unit_test(test_fts5_ahead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
