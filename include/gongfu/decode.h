/* decode.h — raw bytes of a file to UTF-8 text, with a map back to raw byte offsets. */
#ifndef GONGFU_DECODE_H
#define GONGFU_DECODE_H

#include <stddef.h>
#include "gongfu/err.h"

/* From text offset t_off on, text and raw advance together until the next segment. */
struct decode_seg {
    size_t text_off, raw_off;
};

struct decoded {
    char *text;            /* UTF-8, NUL-terminated; BOM removed, line ends as in the source */
    size_t len;
    const char *encoding;  /* "UTF-8" or "GB18030" */
    struct decode_seg *seg;
    size_t nseg;
};

/* encoding: NULL or "auto" to detect (UTF-8, else GB18030), or a name iconv knows.
 * Refuses NUL bytes and undecodable bytes, naming the byte offset; UTF-16 surrogates
 * encoded in UTF-8 become U+FFFD of the same length, so offsets stay true. 0 or -1. */
int decode_bytes(const char *raw, size_t n, const char *encoding, struct decoded *out,
                 struct err *e);
/* The raw-file byte offset of a text byte offset. */
size_t decoded_raw_offset(const struct decoded *d, size_t text_off);
void decoded_free(struct decoded *d);

#endif
