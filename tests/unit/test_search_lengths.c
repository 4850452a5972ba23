/* The sections' lengths as one blob (search_lengths.h): what is saved loads back, sections
 * taken out and added (below others too) in one transaction, an empty list, a damaged
 * blob refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "../../src/core/search_lengths.h"

static sqlite3 *db;

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    return sqlite3_open(":memory:", &db) || lengths_create(db, &e);
}

static int teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    return 0;
}

/* One look-up on its own. */
static double of(const struct search_lengths *l, int64_t id)
{
    size_t at = 0;
    return lengths_of(l, id, &at);
}

static struct search_lengths *saved_and_loaded(struct search_lengths **l)
{
    struct err e = {{0}};
    struct search_lengths *back;
    assert_int_equal(lengths_save(db, *l, &e), 0);
    lengths_free(l);
    assert_null(*l);
    assert_int_equal(lengths_load(db, &back, &e), 0);
    return back;
}

static void round_trip(void **state)
{
    (void)state;
    struct search_lengths *l;
    assert_int_equal(lengths_new(&l), 0);
    /* Added out of order, as an import that reuses ids below others adds them. */
    static const int64_t id[] = {50, 30, 90, 70, 4000000000LL};
    static const int64_t len[] = {10, 20, 30, 40, 5};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(lengths_add(l, id[i], len[i]), 0);
    l = saved_and_loaded(&l);
    assert_int_equal(lengths_count(l), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_true(lengths_has(l, id[i]));
        assert_true(of(l, id[i]) == (double)len[i]);
    }
    assert_false(lengths_has(l, 60));
    assert_true(lengths_avg(l) == 21.0);
    /* One imported after the lengths were read: the average. */
    assert_true(of(l, 60) == 21.0);
    assert_true(of(l, 1) == 21.0);
    assert_true(of(l, 5000000000LL) == 21.0);

    /* A document replaced: its sections out, new ones in, one with an id taken out. */
    assert_int_equal(lengths_remove(l, 50), 1);
    assert_int_equal(lengths_remove(l, 50), 0);
    assert_int_equal(lengths_remove(l, 60), 0);
    assert_int_equal(lengths_remove(l, 90), 1);
    assert_false(lengths_has(l, 50));
    assert_int_equal(lengths_count(l), 3);
    assert_int_equal(lengths_add(l, 50, 7), 0);
    assert_int_equal(lengths_add(l, 10, 1), 0);
    assert_int_equal(lengths_add(l, 20, (int64_t)1 << 40), 0);   /* kept below the mark */
    l = saved_and_loaded(&l);
    assert_int_equal(lengths_count(l), 6);
    assert_false(lengths_has(l, 90));
    assert_true(of(l, 50) == 7.0);
    assert_true(of(l, 10) == 1.0);
    assert_true(of(l, 20) == (double)(UINT32_MAX - 1));
    assert_true(of(l, 30) == 20.0);
    assert_true(of(l, 4000000000LL) == 5.0);
    lengths_free(&l);
}

/* Look-ups that start where the last ended give what one on its own gives, in any order:
 * ascending (a query's rows), descending, scattered, past either end. */
static void lookups_from_the_last(void **state)
{
    (void)state;
    struct search_lengths *l;
    assert_int_equal(lengths_new(&l), 0);
    for (int64_t i = 0; i < 1000; i++)
        assert_int_equal(lengths_add(l, 10 + 3 * i, i % 97), 0);
    l = saved_and_loaded(&l);
    size_t at = 0;
    for (int64_t id = 0; id < 3100; id++)
        assert_true(lengths_of(l, id, &at) == of(l, id));
    for (int64_t id = 3100; id >= 0; id--)
        assert_true(lengths_of(l, id, &at) == of(l, id));
    uint32_t x = 12345;
    for (int k = 0; k < 20000; k++) {
        x = x * 1103515245u + 12345u;
        int64_t id = (int64_t)(x >> 8) % 3200 - 50;
        assert_true(lengths_of(l, id, &at) == of(l, id));
    }
    lengths_free(&l);
}

static void empty(void **state)
{
    (void)state;
    struct err e = {{0}};
    struct search_lengths *l;
    /* No row yet: an index made but never committed. */
    assert_int_equal(sqlite3_exec(db, "DELETE FROM search_lengths", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(lengths_load(db, &l, &e), 0);
    assert_int_equal(lengths_count(l), 0);
    assert_true(of(l, 1) == 1.0);
    /* Every section taken out. */
    assert_int_equal(lengths_add(l, 3, 4), 0);
    l = saved_and_loaded(&l);
    assert_int_equal(lengths_remove(l, 3), 1);
    assert_int_equal(lengths_count(l), 0);
    l = saved_and_loaded(&l);
    assert_int_equal(lengths_count(l), 0);
    assert_false(lengths_has(l, 3));
    lengths_free(&l);
}

static void refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "x'00'",                                              /* not whole entries */
        "x'0200000000000000010000000000000005000000'"
        "  || x'06000000'",                                   /* ids 2 then 1 */
        "x'0100000000000000010000000000000005000000'"
        "  || x'06000000'",                                   /* id 1 twice */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char sql[256];
        snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO search_lengths VALUES(1, %s)", bad[i]);
        assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
        struct err e = {{0}};
        struct search_lengths *l = (void *)1;
        assert_int_equal(lengths_load(db, &l, &e), -1);
        assert_null(l);
        assert_non_null(strstr(e.msg, "re-index"));
    }
    sqlite3 *other;
    struct err e = {{0}};
    struct search_lengths *l;
    assert_int_equal(sqlite3_open(":memory:", &other), SQLITE_OK);
    assert_int_equal(lengths_load(other, &l, &e), -1);
    assert_non_null(strstr(e.msg, "no search index"));
    sqlite3_close(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(lookups_from_the_last),
        cmocka_unit_test(empty),
        cmocka_unit_test(refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
