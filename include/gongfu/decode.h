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
    const char *encoding;  /* "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" or the one forced */
    struct decode_seg *seg;
    size_t nseg;
};

/* encoding: NULL or "auto" to detect (UTF-16 by its byte-order mark, UTF-8, else
 * GB18030 — but bytes that read as Japanese in Shift_JIS or Korean in EUC-KR are refused
 * with a hint), "UTF-16"/"UTF-16LE"/"UTF-16BE", or a name iconv knows. Refuses NUL bytes
 * (NUL characters in UTF-16) and undecodable bytes, naming the byte offset; UTF-16
 * surrogates encoded in UTF-8 become U+FFFD of the same length, so offsets stay true,
 * and lone surrogates in UTF-16 become U+FFFD. 0 or -1. */
int decode_bytes(const char *raw, size_t n, const char *encoding, struct decoded *out,
                 struct err *e);
/* The raw-file byte offset of a text byte offset. */
size_t decoded_raw_offset(const struct decoded *d, size_t text_off);
void decoded_free(struct decoded *d);

#endif
