/* fuzz_tokenizer — the search tokenizer on any bytes, in document and query mode.
 * Properties: every token's span lies inside the text, is not empty and starts and ends on
 * a character boundary; start offsets never go backwards; token text is valid UTF-8 of at
 * most TOKENIZER_MAX_TOKEN bytes (a CJK bigram: two folded characters). In document mode
 * a colocated token never comes first. */
#include <string.h>
#include <unistr.h>
#include "fuzz.h"
#include "gongfu/fold.h"
#include "gongfu/tokenizer.h"

struct run {
    const uint8_t *boundary;    /* boundary[i]: a character starts at byte i (or i == n) */
    int n, mode, ntok, last_start;
};

static int on_token(void *ctx, int flags, const char *tok, int ntok, int start, int end)
{
    struct run *r = ctx;
    if (start < 0 || end > r->n || start >= end)
        fuzz_fail("mode %d: token [%d,%d) outside text of %d bytes", r->mode, start, end, r->n);
    if (!r->boundary[start] || !r->boundary[end])
        fuzz_fail("mode %d: token [%d,%d) cuts a character", r->mode, start, end);
    if (start < r->last_start)
        fuzz_fail("mode %d: token starts at %d after one at %d", r->mode, start, r->last_start);
    if (ntok <= 0 || ntok > TOKENIZER_MAX_TOKEN)
        fuzz_fail("mode %d: token of %d bytes", r->mode, ntok);
    if (u8_check((const uint8_t *)tok, (size_t)ntok))
        fuzz_fail("mode %d: token text at [%d,%d) is not valid UTF-8", r->mode, start, end);
    if ((flags & TOKEN_COLOCATED) && (r->ntok == 0 || r->mode == TOKENIZER_QUERY))
        fuzz_fail("mode %d: colocated token with nothing to share a position with", r->mode);
    r->last_start = start;
    r->ntok++;
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 20)
        return 0;
    const char *text = (const char *)data;
    uint8_t *boundary = calloc(size + 1, 1);
    if (!boundary)
        return 0;
    for (size_t i = 0; i < size;) {
        uint32_t c;
        boundary[i] = 1;
        i += fold_decode(text + i, size - i, &c);
    }
    boundary[size] = 1;
    for (int mode = TOKENIZER_DOCUMENT; mode <= TOKENIZER_QUERY; mode++) {
        struct run r = {boundary, (int)size, mode, 0, 0};
        if (tokenizer_run(text, (int)size, mode, on_token, &r) != 0)
            fuzz_fail("mode %d: tokenizer_run failed", mode);
    }
    free(boundary);
    return 0;
}
