/* array.h — growing a malloc'd array geometrically. */
#ifndef GONGFU_ARRAY_H
#define GONGFU_ARRAY_H

#include <stddef.h>

/* Makes *p hold at least `need` elements of `size` bytes (doubling *cap, from 16).
 * 0, or -1 when out of memory (then *p and *cap are unchanged). */
int array_grow(void **p, size_t *cap, size_t need, size_t size);

#endif
