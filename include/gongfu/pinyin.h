/* pinyin.h — the Mandarin readings of Han characters, and words typed in Latin letters
 * read as them: search by pinyin for terminals without a Chinese input method.
 *
 * The readings come from a table generated at build time (src/tools/gen_pinyin.c) from
 * the Unihan database Debian ships (unicode-data): every reading of every character in
 * kMandarin, kHanyuPinyin, kTGHZ2013 and kXHC1983, so 行 reads háng and xíng, 重 zhòng
 * and chóng. A syllable is written without its tone mark, ü as v (lv, nve).
 *
 * What a user types (a key) is read as one unit per character:
 *   full syllables  tuowei, tuo'wei, "tuo wei", tuo1wei4 — a digit 1–5 or 0 right after a
 *                   syllable is its tone (5 and 0: the neutral tone);
 *   initials        tw, szhgg — a syllable's first letter, or its zh / ch / sh;
 *   the last unit may be any start of a syllable (tuow, as it is typed letter by letter).
 * Full syllables and initials mix (shuzhgg). An apostrophe or a space starts a unit;
 * ü may be typed v or ü, and lüe / nüe also lue / nue. Case and width do not matter. */
#ifndef GONGFU_PINYIN_H
#define GONGFU_PINYIN_H

#include <stddef.h>
#include <stdint.h>

#define PINYIN_MAX_READINGS 16
#define PINYIN_MAX_KEY 64
#define PINYIN_MAX_STEPS 32

struct pinyin_reading {
    const char *syllable;   /* "zhong": static, NUL-terminated */
    int tone;               /* 1–4, 5 for the neutral tone */
    int rare;               /* only in the classical kHanyuPinyin, e.g. 省 xiǎn */
};

/* The readings of c, modern ones first; 0 for a character with none. */
size_t pinyin_readings(uint32_t c, struct pinyin_reading out[PINYIN_MAX_READINGS]);

/* Where the table comes from: "Unihan 15.0.0 (2022-08-01 …)". */
const char *pinyin_source(void);
/* The table's size in bytes and how many characters it reads. */
size_t pinyin_table_bytes(void);
size_t pinyin_table_chars(void);

struct pinyin_key {
    char letter[PINYIN_MAX_KEY];     /* a–z, ü as v */
    uint8_t tone[PINYIN_MAX_KEY];    /* the tone typed after letter i, 0 if none */
    uint8_t start[PINYIN_MAX_KEY];   /* 1: a unit must start at letter i */
    int n;                           /* letters */
};

/* Reads text (n bytes of UTF-8) as a key: 1 and *k filled, or 0 if it cannot be pinyin
 * (another character, a digit not right after a letter, no letter at all, or more than
 * PINYIN_MAX_KEY letters). */
int pinyin_key_parse(const char *text, size_t n, struct pinyin_key *k);

/* The key's letters as typed, with ' where a unit must start and the tones: "tuo1'wei4";
 * at most cap - 1 bytes, NUL-terminated. */
void pinyin_key_format(const struct pinyin_key *k, char *out, size_t cap);

/* Whether the key is one whole syllable (tuo, zhong4, lue), as a character reads it. */
int pinyin_is_syllable(const struct pinyin_key *k);
/* Whether the n letters at s spell a syllable some character has ("zhong", "lue"). */
int pinyin_syllable_known(const char *s, size_t n);

enum { PINYIN_FULL = 1, PINYIN_RARE = 2 };

/* One way a unit of the key can read one character: the unit ends before letter `end`;
 * flags: PINYIN_FULL when it is a whole syllable, PINYIN_RARE when only a rare reading
 * gives it. */
struct pinyin_step {
    int end;
    int flags;
};

/* Every way a unit starting at letter pos reads character c (each end and flags once);
 * how many. */
size_t pinyin_steps(const struct pinyin_key *k, int pos, uint32_t c,
                    struct pinyin_step out[PINYIN_MAX_STEPS]);

/* Whether word (n bytes of UTF-8, every character Han) reads as the whole key, one unit
 * per character: 1 with *flags the best reading's (PINYIN_FULL if every unit can be a
 * whole syllable, PINYIN_RARE if no reading avoids a rare one, full preferred), else 0. */
int pinyin_match(const struct pinyin_key *k, const char *word, size_t n, int *flags);

#endif
