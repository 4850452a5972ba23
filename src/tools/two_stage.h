/* two_stage.h — the two-stage lookup table the build-time generators write (gen_fold.c,
 * gen_pinyin.c): a value per code point in blocks of TWO_STAGE_BLOCK, identical blocks
 * stored once, so a lookup at run time is two array reads. */
#ifndef GONGFU_TWO_STAGE_H
#define GONGFU_TWO_STAGE_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define TWO_STAGE_BLOCK 128u
#define TWO_STAGE_NBLOCK (0x110000u / TWO_STAGE_BLOCK)

/* Stores each distinct block of stage2 once in blocks, and in stage1[b] the block that b
 * is; returns how many blocks. */
static uint32_t two_stage_share(uint16_t (*stage2)[TWO_STAGE_BLOCK],
                                uint16_t (*blocks)[TWO_STAGE_BLOCK], uint16_t *stage1)
{
    uint32_t nblocks = 0;
    for (uint32_t b = 0; b < TWO_STAGE_NBLOCK; b++) {
        uint32_t k;
        for (k = 0; k < nblocks; k++)
            if (!memcmp(blocks[k], stage2[b], sizeof blocks[k]))
                break;
        if (k == nblocks)
            memcpy(blocks[nblocks++], stage2[b], sizeof blocks[k]);
        stage1[b] = (uint16_t)k;
    }
    return nblocks;
}

/* Prints the tables as C: PREFIX_stage1[] and PREFIX_stage2[][TWO_STAGE_BLOCK]. */
static void two_stage_print(const char *prefix, const uint16_t *stage1,
                            uint16_t (*blocks)[TWO_STAGE_BLOCK], uint32_t nblocks)
{
    printf("static const uint16_t %s_stage1[%u] = {", prefix, TWO_STAGE_NBLOCK);
    for (uint32_t b = 0; b < TWO_STAGE_NBLOCK; b++)
        printf("%s%u,", b % 24 ? "" : "\n", stage1[b]);
    printf("\n};\nstatic const uint16_t %s_stage2[%u][%u] = {", prefix, nblocks,
           TWO_STAGE_BLOCK);
    for (uint32_t k = 0; k < nblocks; k++) {
        printf("\n{");
        for (uint32_t i = 0; i < TWO_STAGE_BLOCK; i++)
            printf("%s%u,", i % 24 ? "" : "\n", blocks[k][i]);
        printf("},");
    }
    printf("\n};\n");
}

#endif
