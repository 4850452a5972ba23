/* workq.h — one worker thread that runs jobs in the order they were given, so that an
 * import uses the machine's second core (targets extracted while the next sections are
 * stored) and the results can be taken back in that same order (tickets). */
#ifndef GONGFU_WORKQ_H
#define GONGFU_WORKQ_H

#include <stddef.h>
#include <stdint.h>

struct workq;

/* A queue whose worker holds at most cap jobs given and not yet done (submit waits for
 * room). When no thread can be started the queue still works: each job runs inside
 * workq_submit. 0, or -1 when out of memory. */
int workq_start(struct workq **q, size_t cap);
/* Runs fn(arg) on the worker after every job given before it. Its ticket: 0 for the first
 * job, then 1, 2 … */
uint64_t workq_submit(struct workq *q, void (*fn)(void *arg), void *arg);
/* Whether the job of this ticket has run (fn returned; what it wrote is visible). */
int workq_is_done(struct workq *q, uint64_t ticket);
/* Waits until the job of this ticket has run. */
void workq_wait(struct workq *q, uint64_t ticket);
/* Waits for every job given, stops the worker, frees the queue; *q becomes NULL. */
void workq_stop(struct workq **q);

#endif
