/* decode_int.h — what decode.c asks of decode_guess.c. Private to src/core. */
#ifndef GONGFU_DECODE_INT_H
#define GONGFU_DECODE_INT_H

#include <stddef.h>

/* When bytes that are not UTF-8 read as Japanese in Shift_JIS or Korean in EUC-KR: which
 * ("Japanese in Shift_JIS"), for a message; NULL otherwise. */
const char *decode_guess_other(const char *raw, size_t n);

#endif
