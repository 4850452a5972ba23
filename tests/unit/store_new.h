/* store_new.h — what the tests that write a store share: a database of their own, open to
 * write, in their scratch directory; documents put as one source; a transaction begun and
 * committed, the test failing with the store's message. Included after cmocka.h. */
#ifndef GONGFU_TEST_STORE_NEW_H
#define GONGFU_TEST_STORE_NEW_H

#include <stdio.h>
#include <string.h>
#include "gongfu/store.h"

/* dir/name opened to write (made if it is not there); the test fails if it cannot be. */
static struct store *open_new(const char *dir, const char *name)
{
    char path[300];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    struct store *s;
    struct err e = {{0}};
    if (store_open(path, STORE_WRITE, &s, &e))
        fail_msg("%s", e.msg);
    return s;
}

/* Documents first … first + n - 1, as make gives them (odd: a text it puts in place of
 * one), stored as one source named after name in dir; freed after. */
static inline void put_docs(struct store *s, const char *dir, const char *name, int first, int n,
                            const char *odd, struct doc (*make)(int k, const char *odd))
{
    struct doc docs[8];
    char path[300], raw[64];
    struct err e = {{0}};
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    snprintf(raw, sizeof raw, "%s %d %d %s", name, first, n, odd ? "odd" : "");
    for (int i = 0; i < n; i++)
        docs[i] = make(first + i, odd);
    struct source_file src = { .name = name, .raw = raw, .size = strlen(raw), .encoding = "UTF-8",
                               .path = path };
    if (store_put_source(s, &src, docs, (size_t)n, &e))
        fail_msg("put %s: %s", name, e.msg);
    for (int i = 0; i < n; i++)
        doc_free(&docs[i]);
}

static inline void begin(struct store *s)
{
    struct err e = {{0}};
    if (store_begin(s, &e))
        fail_msg("%s", e.msg);
}

static inline void commit(struct store *s)
{
    struct err e = {{0}};
    if (store_commit(s, &e))
        fail_msg("%s", e.msg);
}

#endif
