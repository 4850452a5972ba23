/* gen_fold — writes the character folding table that src/core/fold.c looks up.
 *
 * For every code point: NFKC + full case folding (libunistring), then Traditional →
 * Simplified one character at a time through OpenCC's t2s configuration (Debian's
 * libopencc), repeated until nothing changes. Default-ignorable code points (zero-width
 * spaces, soft hyphens, variation selectors) fold away. The result is a two-stage table
 * (blocks of 128 code points, identical blocks shared) so folding at run time is two
 * array reads and OpenCC is never called outside the build.
 *
 * usage: gen_fold [OPENCC_CONFIG] > fold_table.h      (default t2s.json)
 */
#include <opencc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uniconv.h>
#include <unistr.h>
#include "two_stage.h"

#define FOLD_MAX 4
#define NCP 0x110000u
#define BLOCK TWO_STAGE_BLOCK
#define NBLOCK TWO_STAGE_NBLOCK

struct fold {
    uint32_t n;
    uint32_t c[FOLD_MAX];
};

static opencc_t cc;

static void die(const char *msg)
{
    fprintf(stderr, "gen_fold: %s\n", msg);
    exit(1);
}

/* OpenCC on one character; returns the character unchanged unless t2s maps it to exactly
 * one other character. */
static uint32_t t2s_char(uint32_t c)
{
    /* Only CJK blocks have entries; skipping the rest keeps the build fast. */
    if (c < 0x2E80 || (c >= 0xA000 && c < 0xF900) || (c >= 0xFB00 && c < 0x20000))
        return c;
    uint8_t in[8];
    int k = u8_uctomb(in, c, sizeof in);
    if (k <= 0)
        return c;
    in[k] = 0;
    char *out = opencc_convert_utf8(cc, (const char *)in, (size_t)k);
    if (!out)
        die("opencc_convert_utf8 failed");
    uint32_t r = c;
    ucs4_t u;
    int m = u8_mbtouc(&u, (const uint8_t *)out, strlen(out));
    if (m > 0 && (size_t)m == strlen(out))
        r = u;
    opencc_convert_utf8_free(out);
    return r;
}

/* One round of folding on a sequence; returns 0 if the result would not fit. */
static int fold_round(const struct fold *in, struct fold *out)
{
    out->n = 0;
    for (uint32_t i = 0; i < in->n; i++) {
        uint32_t c = in->c[i];
        if (uc_is_property_default_ignorable_code_point(c))
            continue;
        uint32_t buf[32];
        size_t len = 32;
        uint32_t *r = u32_casefold(&c, 1, NULL, UNINORM_NFKC, buf, &len);
        if (!r)
            die("u32_casefold failed");
        for (size_t j = 0; j < len; j++) {
            if (uc_is_property_default_ignorable_code_point(r[j]))
                continue;
            if (out->n == FOLD_MAX) {
                if (r != buf)
                    free(r);
                return 0;
            }
            out->c[out->n++] = t2s_char(r[j]);
        }
        if (r != buf)
            free(r);
    }
    return 1;
}

static int same(const struct fold *a, const struct fold *b)
{
    return a->n == b->n && memcmp(a->c, b->c, a->n * sizeof a->c[0]) == 0;
}

/* The fold of c; a character whose fold does not fit in FOLD_MAX stays itself. */
static void fold_of(uint32_t c, struct fold *f)
{
    struct fold cur = {1, {c}}, next;
    for (int round = 0; round < 8; round++) {
        if (!fold_round(&cur, &next)) {
            *f = (struct fold){1, {c}};
            return;
        }
        if (same(&cur, &next))
            break;
        cur = next;
    }
    *f = cur;
}

int main(int argc, char **argv)
{
    const char *cfg = argc > 1 ? argv[1] : "t2s.json";
    cc = opencc_open(cfg);
    if (cc == (opencc_t)-1)
        die("cannot open the OpenCC configuration (is libopencc's data installed?)");

    /* vals[0] is the identity; value words: bit 31 set = a sequence in pool
     * (bits 0..23 offset, 24..26 length), else the single folded code point. */
    static uint32_t vals[1 << 16], pool[1 << 16];
    static uint16_t stage2[NBLOCK][BLOCK], blocks[NBLOCK][BLOCK];
    static uint16_t stage1[NBLOCK];
    uint32_t nvals = 1, npool = 0, nblocks = 0, nmapped = 0, nt2s = 0;
    /* FNV-1a over every character that folds and what it folds to: the table's identity,
     * which the search index records (an index built with another table must be rebuilt). */
    uint64_t id = 0xcbf29ce484222325u;

    for (uint32_t c = 0; c < NCP; c++) {
        uint16_t v = 0;
        if (c < 0xD800 || c > 0xDFFF) {
            struct fold f;
            fold_of(c, &f);
            if (!(f.n == 1 && f.c[0] == c)) {
                uint32_t words[1 + FOLD_MAX] = {c};
                memcpy(words + 1, f.c, f.n * sizeof f.c[0]);
                for (size_t b = 0; b < (1 + f.n) * sizeof words[0]; b++)
                    id = (id ^ ((const unsigned char *)words)[b]) * 0x100000001b3u;
                if (nvals == (1 << 16) || npool + FOLD_MAX > (1 << 16))
                    die("table overflow");
                if (f.n == 1) {
                    vals[nvals] = f.c[0];
                } else {
                    vals[nvals] = 0x80000000u | (f.n << 24) | npool;
                    memcpy(pool + npool, f.c, f.n * sizeof f.c[0]);
                    npool += f.n;
                }
                v = (uint16_t)nvals++;
                nmapped++;
                if (t2s_char(c) != c)
                    nt2s++;
            }
        }
        stage2[c / BLOCK][c % BLOCK] = v;
    }
    nblocks = two_stage_share(stage2, blocks, stage1);
    opencc_close(cc);

    printf("/* Generated by src/tools/gen_fold.c from libunistring (NFKC, case folding) and\n"
           " * OpenCC %s (Traditional to Simplified). Do not edit. %u code points fold,\n"
           " * %u of them through OpenCC directly. */\n", cfg, nmapped, nt2s);
    printf("#define FOLD_BLOCK %u\n", BLOCK);
    printf("#define FOLD_TABLE_ID \"%016llx\"\n", (unsigned long long)id);
    two_stage_print("fold", stage1, blocks, nblocks);
    printf("static const uint32_t fold_vals[%u] = {", nvals);
    for (uint32_t i = 0; i < nvals; i++)
        printf("%s%uu,", i % 12 ? "" : "\n", vals[i]);
    printf("\n};\nstatic const uint32_t fold_pool[%u] = {", npool ? npool : 1);
    for (uint32_t i = 0; i < npool; i++)
        printf("%s%uu,", i % 12 ? "" : "\n", pool[i]);
    printf("%s\n};\n", npool ? "" : "0");
    return 0;
}
