/* workq.c — the worker thread and its ring of jobs (workq.h). One mutex guards the ring
 * and the counters; the worker waits on `more`, submitters and waiters on `done_cv`. */
#include <pthread.h>
#include <stdlib.h>
#include "gongfu/workq.h"

struct job {
    void (*fn)(void *arg);
    void *arg;
};

struct workq {
    pthread_mutex_t mu;
    pthread_cond_t more, done_cv;
    struct job *ring;          /* job t is ring[t % cap] from its submit until it starts */
    size_t cap;
    uint64_t next, started, done;   /* tickets given; jobs taken by the worker; jobs run */
    int stop, threaded;
    pthread_t thread;
};

static void *work(void *p)
{
    struct workq *q = p;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (q->started == q->next && !q->stop)
            pthread_cond_wait(&q->more, &q->mu);
        if (q->started == q->next)
            break;                          /* stopping, and nothing left */
        struct job j = q->ring[q->started % q->cap];
        q->started++;
        pthread_mutex_unlock(&q->mu);
        j.fn(j.arg);
        pthread_mutex_lock(&q->mu);
        q->done++;
        pthread_cond_broadcast(&q->done_cv);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

int workq_start(struct workq **out, size_t cap)
{
    struct workq *q = calloc(1, sizeof *q);
    *out = NULL;
    if (!q || !(q->ring = malloc((cap ? cap : 1) * sizeof *q->ring)))
        return free(q), -1;
    q->cap = cap ? cap : 1;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->more, NULL);
    pthread_cond_init(&q->done_cv, NULL);
    q->threaded = pthread_create(&q->thread, NULL, work, q) == 0;
    *out = q;
    return 0;
}

uint64_t workq_submit(struct workq *q, void (*fn)(void *arg), void *arg)
{
    if (!q->threaded) {
        fn(arg);
        q->done++;
        return q->next++;
    }
    pthread_mutex_lock(&q->mu);
    while (q->next - q->done >= q->cap)
        pthread_cond_wait(&q->done_cv, &q->mu);
    uint64_t t = q->next;
    q->ring[t % q->cap] = (struct job){fn, arg};
    q->next++;
    pthread_cond_signal(&q->more);
    pthread_mutex_unlock(&q->mu);
    return t;
}

int workq_is_done(struct workq *q, uint64_t ticket)
{
    if (!q->threaded)
        return ticket < q->done;
    pthread_mutex_lock(&q->mu);
    int done = ticket < q->done;
    pthread_mutex_unlock(&q->mu);
    return done;
}

void workq_wait(struct workq *q, uint64_t ticket)
{
    if (!q->threaded)
        return;
    pthread_mutex_lock(&q->mu);
    while (q->done <= ticket)
        pthread_cond_wait(&q->done_cv, &q->mu);
    pthread_mutex_unlock(&q->mu);
}

void workq_stop(struct workq **qp)
{
    struct workq *q = *qp;
    if (!q)
        return;
    if (q->threaded) {
        pthread_mutex_lock(&q->mu);
        q->stop = 1;
        pthread_cond_signal(&q->more);
        pthread_mutex_unlock(&q->mu);
        pthread_join(q->thread, NULL);
    }
    pthread_cond_destroy(&q->more);
    pthread_cond_destroy(&q->done_cv);
    pthread_mutex_destroy(&q->mu);
    free(q->ring);
    free(q);
    *qp = NULL;
}
