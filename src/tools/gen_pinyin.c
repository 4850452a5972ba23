/* gen_pinyin — writes the table of Mandarin readings that src/core/pinyin.c looks up.
 *
 * Input: Unihan_Readings.txt (Debian's unicode-data ships it compressed as
 * /usr/share/unicode/Unihan_Readings.txt.bz2), on standard input. Every reading of every
 * character is taken from kMandarin, kHanyuPinyin, kTGHZ2013 and kXHC1983: simplified
 * characters have no kHanyuPinyin and one kMandarin value, so their other readings (数
 * shǔ/shù/shuò) are only in the two modern dictionaries. A reading found only in
 * kHanyuPinyin (the classical Hanyu Da Zidian: 省 xiǎn, 度 zhái) is marked rare.
 * Readings are stored without tone marks (ü written v) plus their tone, 1–4 or 5 for the
 * neutral tone; the syllables are the distinct ones found in the file.
 *
 * Output: a C header with the syllables, a two-stage table (blocks of 128 code points,
 * identical blocks shared) giving each code point a set of readings, and the Unihan version.
 *
 * usage: gen_pinyin < Unihan_Readings.txt > pinyin_table.h
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <unistr.h>
#include "two_stage.h"

#define NCP 0x110000u
#define NHAN 0x40000u       /* Unihan's characters are all below plane 4 */
#define BLOCK TWO_STAGE_BLOCK
#define NBLOCK TWO_STAGE_NBLOCK
#define MAX_READINGS 16     /* pinyin.h's PINYIN_MAX_READINGS */
#define MAX_SYLLABLES 512   /* 9 bits in a reading */
#define MAX_SETS 65536
#define MAX_POOL 262144

struct reading {
    uint16_t syl;
    uint8_t tone, rare;
};

struct chr {
    uint8_t n;
    struct reading r[MAX_READINGS];
};

static struct chr *chars;           /* NHAN entries */
static char syl[MAX_SYLLABLES][8];
static unsigned nsyl;
static char version[128], date[128];

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen_pinyin: %s%s\n", msg, arg ? arg : "");
    exit(1);
}

/* The syllable's number; new syllables are appended (sorted at the end). */
static uint16_t syllable_id(const char *s)
{
    for (unsigned i = 0; i < nsyl; i++)
        if (!strcmp(syl[i], s))
            return (uint16_t)i;
    if (nsyl == MAX_SYLLABLES || strlen(s) >= sizeof syl[0])
        die("too many or too long syllables: ", s);
    strcpy(syl[nsyl], s);
    return (uint16_t)nsyl++;
}

/* One reading as written in Unihan ("zhòng", "lüè", "ê̄") → letters and tone. */
static int parse_reading(const char *in, char *out, size_t cap, uint8_t *tone)
{
    size_t n = 0;
    uint8_t *d = u8_normalize(UNINORM_NFD, (const uint8_t *)in, strlen(in), NULL, &n);
    if (!d)
        return -1;
    size_t k = 0;
    *tone = 5;
    for (size_t i = 0; i < n;) {
        ucs4_t c;
        int len = u8_mbtouc(&c, d + i, n - i);
        i += (size_t)(len > 0 ? len : 1);
        if (c >= 'a' && c <= 'z') {
            if (k + 1 >= cap)
                break;
            out[k++] = (char)c;
        } else if (c == 0x0308 && k && out[k - 1] == 'u') {
            out[k - 1] = 'v';                       /* ü */
        } else if (c == 0x0304 || c == 0x0301 || c == 0x030C || c == 0x0300) {
            *tone = c == 0x0304 ? 1 : c == 0x0301 ? 2 : c == 0x030C ? 3 : 4;
        } else if (c != 0x0302) {                   /* ê is e */
            free(d);
            return -1;
        }
    }
    free(d);
    out[k] = 0;
    return k ? 0 : -1;
}

static void add(uint32_t cp, const char *written, int rare, unsigned long lineno)
{
    char s[16];
    uint8_t tone;
    if (cp >= NHAN || parse_reading(written, s, sizeof s, &tone) < 0) {
        fprintf(stderr, "gen_pinyin: line %lu: cannot read '%s'\n", lineno, written);
        exit(1);
    }
    uint16_t id = syllable_id(s);
    struct chr *c = &chars[cp];
    for (unsigned i = 0; i < c->n; i++)
        if (c->r[i].syl == id && c->r[i].tone == tone) {
            c->r[i].rare &= (uint8_t)rare;
            return;
        }
    if (c->n == MAX_READINGS)
        die("a character with too many readings", NULL);
    c->r[c->n++] = (struct reading){id, tone, (uint8_t)rare};
}

/* A field's value: "xíng" (kMandarin) or "20811.060:háng,xìng 0443.050:hàng" (the rest). */
static void add_field(uint32_t cp, char *val, int rare, unsigned long lineno)
{
    for (char *entry = strtok(val, " "); entry; entry = strtok(NULL, " ")) {
        char *colon = strrchr(entry, ':');
        char *list = colon ? colon + 1 : entry, *save = NULL;
        for (char *r = strtok_r(list, ",", &save); r; r = strtok_r(NULL, ",", &save))
            add(cp, r, rare, lineno);
    }
}

static void read_unihan(FILE *f)
{
    char line[4096];
    unsigned long lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#') {
            if (!strncmp(line, "# Unicode version: ", 19))
                snprintf(version, sizeof version, "%.100s", line + 19);
            else if (!strncmp(line, "# Date: ", 8))
                snprintf(date, sizeof date, "%.100s", line + 8);
            continue;
        }
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (strncmp(line, "U+", 2) || !t2)
            continue;
        *t1 = *t2 = 0;
        const char *field = t1 + 1;
        int modern = !strcmp(field, "kMandarin") || !strcmp(field, "kTGHZ2013") ||
                     !strcmp(field, "kXHC1983");
        if (modern || !strcmp(field, "kHanyuPinyin"))
            add_field((uint32_t)strtoul(line + 2, NULL, 16), t2 + 1, !modern, lineno);
    }
    if (ferror(f))
        die("read error on standard input", NULL);
    if (!version[0])
        die("no '# Unicode version:' line: is this Unihan_Readings.txt?", NULL);
}

static int cmp_syl(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts the syllables and renumbers the readings; modern readings first in each set. */
static void sort_syllables(void)
{
    static const char *sorted[MAX_SYLLABLES];
    static uint16_t newid[MAX_SYLLABLES];
    static char copy[MAX_SYLLABLES][8];
    for (unsigned i = 0; i < nsyl; i++)
        sorted[i] = syl[i];
    qsort(sorted, nsyl, sizeof *sorted, cmp_syl);
    for (unsigned i = 0; i < nsyl; i++) {
        newid[(sorted[i] - syl[0]) / sizeof syl[0]] = (uint16_t)i;
        strcpy(copy[i], sorted[i]);
    }
    memcpy(syl, copy, sizeof syl);
    for (uint32_t cp = 0; cp < NHAN; cp++) {
        struct chr *c = &chars[cp];
        struct reading tmp[MAX_READINGS];
        unsigned k = 0;
        for (int pass = 0; pass < 2; pass++)
            for (unsigned i = 0; i < c->n; i++)
                if (c->r[i].rare == pass)
                    tmp[k] = c->r[i], tmp[k].syl = newid[c->r[i].syl], k++;
        memcpy(c->r, tmp, k * sizeof *tmp);
    }
}

static uint16_t encode(const struct reading *r)
{
    return (uint16_t)(r->syl << 4 | r->tone << 1 | r->rare);
}

int main(void)
{
    chars = calloc(NHAN, sizeof *chars);
    static uint16_t stage2[NBLOCK][BLOCK], blocks[NBLOCK][BLOCK], stage1[NBLOCK];
    static uint32_t sets[MAX_SETS];
    static uint16_t pool[MAX_POOL];
    if (!chars)
        die("out of memory", NULL);
    read_unihan(stdin);
    sort_syllables();
    /* Sets of readings: set 0 is "none"; equal sets are stored once. */
    uint32_t nsets = 1, npool = 0, nchars = 0, nreadings = 0, maxr = 0;
    for (uint32_t cp = 0; cp < NCP; cp++) {
        const struct chr *c = cp < NHAN ? &chars[cp] : NULL;
        uint32_t s = 0;
        if (c && c->n) {
            uint16_t enc[MAX_READINGS];
            for (unsigned i = 0; i < c->n; i++)
                enc[i] = encode(&c->r[i]);
            for (s = 1; s < nsets; s++)
                if ((sets[s] & 15) == c->n &&
                    !memcmp(pool + (sets[s] >> 4), enc, c->n * sizeof *enc))
                    break;
            if (s == nsets) {
                if (nsets == MAX_SETS || npool + c->n > MAX_POOL)
                    die("table overflow", NULL);
                memcpy(pool + npool, enc, c->n * sizeof *enc);
                sets[nsets++] = npool << 4 | c->n;
                npool += c->n;
            }
            nchars++, nreadings += c->n;
            maxr = c->n > maxr ? c->n : maxr;
        }
        stage2[cp / BLOCK][cp % BLOCK] = (uint16_t)s;
    }
    uint32_t nblocks = two_stage_share(stage2, blocks, stage1);
    if (nchars < 20000)
        die("fewer than 20,000 characters read: a truncated Unihan file?", NULL);
    size_t bytes = sizeof stage1 + nblocks * sizeof blocks[0] + nsets * sizeof sets[0] +
                   npool * sizeof pool[0] + nsyl * 8;

    printf("/* Generated by src/tools/gen_pinyin.c from Unihan_Readings.txt (Unicode %s,\n"
           " * %s): kMandarin, kHanyuPinyin, kTGHZ2013, kXHC1983. Do not edit.\n"
           " * %u characters, %u readings (at most %u for one), %u syllables; %zu bytes. */\n",
           version, date, nchars, nreadings, maxr, nsyl, bytes);
    printf("#define PINYIN_SOURCE \"Unihan %s (%s)\"\n", version, date);
    printf("#define PINYIN_TABLE_BYTES %zu\n#define PINYIN_TABLE_CHARS %u\n", bytes, nchars);
    printf("#define PINYIN_NSYLLABLES %u\n#define PINYIN_BLOCK %u\n", nsyl, BLOCK);
    printf("static const char pinyin_syllable_text[%u][8] = {", nsyl);
    for (unsigned i = 0; i < nsyl; i++)
        printf("%s\"%s\",", i % 12 ? "" : "\n", syl[i]);
    printf("\n};\n");
    two_stage_print("pinyin", stage1, blocks, nblocks);
    printf("/* offset << 4 | count into pinyin_pool */\n"
           "static const uint32_t pinyin_sets[%u] = {", nsets);
    for (uint32_t i = 0; i < nsets; i++)
        printf("%s%uu,", i % 12 ? "" : "\n", sets[i]);
    printf("\n};\n/* syllable << 4 | tone << 1 | rare */\n"
           "static const uint16_t pinyin_pool[%u] = {", npool);
    for (uint32_t i = 0; i < npool; i++)
        printf("%s%u,", i % 16 ? "" : "\n", pool[i]);
    printf("\n};\n");
    free(chars);
    return 0;
}
