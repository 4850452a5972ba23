#include <stdint.h>
#include <stdlib.h>
#include "gongfu/array.h"

int array_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    while (c < need)
        c *= 2;
    if (size && c > SIZE_MAX / size)
        return -1;
    void *np = realloc(*p, c * size);
    if (!np)
        return -1;
    *p = np, *cap = c;
    return 0;
}
