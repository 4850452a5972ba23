/* store_new.h — what the tests that write a store share: a database of their own, open to
 * write, in their scratch directory. Included after cmocka.h. */
#ifndef GONGFU_TEST_STORE_NEW_H
#define GONGFU_TEST_STORE_NEW_H

#include <stdio.h>
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

#endif
