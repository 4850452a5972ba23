/* The worker queue (workq.h): jobs run in the order given, each once, never more than the
 * queue's capacity ahead of the submitter, every one of them before workq_stop returns. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/workq.h"

#define N 200
#define CAP 4

struct log {
    int order[N];
    atomic_int ran;
    atomic_int submitted;        /* jobs whose submit has returned */
    int ahead;                   /* the most submitted when a job started, less its index */
    int slow;
};

struct item {
    struct log *log;
    int i;
};

static void job(void *arg)
{
    struct item *it = arg;
    struct log *l = it->log;
    int ahead = atomic_load(&l->submitted) - it->i;
    if (ahead > l->ahead)
        l->ahead = ahead;
    if (l->slow)
        usleep(200);             /* the submitter gets ahead, up to the queue's room */
    l->order[atomic_fetch_add(&l->ran, 1)] = it->i;
}

static void run(struct log *l, int stop_early)
{
    static struct item items[N];
    struct workq *q;
    assert_int_equal(workq_start(&q, CAP), 0);
    for (int i = 0; i < N; i++) {
        items[i] = (struct item){l, i};
        assert_int_equal(workq_submit(q, job, &items[i]), (uint64_t)i);
        atomic_store(&l->submitted, i + 1);
    }
    if (!stop_early) {
        workq_wait(q, N - 1);
        assert_true(workq_is_done(q, N - 1));
        assert_int_equal(atomic_load(&l->ran), N);
    }
    workq_stop(&q);
    assert_null(q);
    assert_int_equal(atomic_load(&l->ran), N);
    for (int i = 0; i < N; i++)
        assert_int_equal(l->order[i], i);
}

static void test_in_order(void **state)
{
    (void)state;
    static struct log l;
    run(&l, 0);
}

/* A slow worker: the submitter waits for room, so that a job starts when at most CAP
 * jobs (itself among them) have been given after the last one done. */
static void test_bounded(void **state)
{
    (void)state;
    static struct log l = {.slow = 1};
    run(&l, 0);
    assert_true(l.ahead <= CAP);
    assert_true(l.ahead >= 1);
}

static void test_stop_runs_all(void **state)
{
    (void)state;
    static struct log l = {.slow = 1};
    run(&l, 1);
}

static void mark(void *arg)
{
    *(int *)arg = 1;
}

static void test_wait_sees_result(void **state)
{
    (void)state;
    struct workq *q;
    assert_int_equal(workq_start(&q, 1), 0);
    int flags[50] = {0};
    for (int i = 0; i < 50; i++) {
        uint64_t t = workq_submit(q, mark, &flags[i]);
        workq_wait(q, t);
        assert_int_equal(flags[i], 1);
        assert_true(workq_is_done(q, t));
    }
    assert_false(workq_is_done(q, 50));
    workq_stop(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_in_order),
        cmocka_unit_test(test_bounded),
        cmocka_unit_test(test_stop_runs_all),
        cmocka_unit_test(test_wait_sees_result),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
