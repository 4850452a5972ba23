/* sha256.h — the digest that identifies an imported source file. */
#ifndef GONGFU_SHA256_H
#define GONGFU_SHA256_H

#include <stddef.h>

/* Writes 64 lower-case hex digits and a NUL to hex. */
void sha256_hex(const void *data, size_t n, char hex[65]);

#endif
