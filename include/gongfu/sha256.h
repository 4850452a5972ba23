/* sha256.h — the digest that identifies an imported source file. */
#ifndef GONGFU_SHA256_H
#define GONGFU_SHA256_H

#include <stddef.h>

/* Writes 64 lower-case hex digits and a NUL to hex: with the processor's SHA instructions
 * where it has them (x86's SHA-NI), else in C. */
void sha256_hex(const void *data, size_t n, char hex[65]);
/* The same in C alone, whatever the processor (for the tests, which compare the two). */
void sha256_hex_portable(const void *data, size_t n, char hex[65]);

#endif
