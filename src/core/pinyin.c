/* pinyin.c — readings by table lookup (see gen_pinyin.c), keys, and keys read as words. */
#include <string.h>
#include "gongfu/fold.h"
#include "gongfu/pinyin.h"
#include "pinyin_table.h"

/* c's readings as the table holds them: syllable << 4 | tone << 1 | rare. */
static size_t table_readings(uint32_t c, const uint16_t **p)
{
    *p = pinyin_pool;
    if (c >= 0x110000)
        return 0;
    uint32_t set = pinyin_sets[pinyin_stage2[pinyin_stage1[c / PINYIN_BLOCK]][c % PINYIN_BLOCK]];
    *p = pinyin_pool + (set >> 4);
    return set & 15;
}

size_t pinyin_readings(uint32_t c, struct pinyin_reading out[PINYIN_MAX_READINGS])
{
    const uint16_t *p;
    size_t n = table_readings(c, &p);
    for (size_t i = 0; i < n && i < PINYIN_MAX_READINGS; i++)
        out[i] = (struct pinyin_reading){pinyin_syllable_text[p[i] >> 4], p[i] >> 1 & 7,
                                         p[i] & 1};
    return n;
}

const char *pinyin_source(void)
{
    return PINYIN_SOURCE;
}

size_t pinyin_table_bytes(void)
{
    return PINYIN_TABLE_BYTES;
}

size_t pinyin_table_chars(void)
{
    return PINYIN_TABLE_CHARS;
}

/* ---- keys ---- */

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == ' ' || c == 0x2018 || c == 0x2019 || c == 0xFF07 || c == 0x3000;
}

int pinyin_key_parse(const char *text, size_t n, struct pinyin_key *k)
{
    memset(k, 0, sizeof *k);
    int boundary = 1;
    for (size_t i = 0; i < n;) {
        uint32_t c, f[FOLD_MAX];
        i += fold_decode(text + i, n - i, &c);
        size_t nf = fold_char(c, f);
        if (nf == 0)
            continue;
        c = f[0];
        if (nf == 2 && f[0] == 'u' && f[1] == 0x0308)
            c = 0xFC;
        else if (nf != 1)
            return 0;
        if (is_apostrophe(c)) {
            boundary = 1;
        } else if (c >= '0' && c <= '5') {
            /* A tone right after a letter; the next letter starts a unit. */
            if (!k->n || k->tone[k->n - 1] || boundary)
                return 0;
            k->tone[k->n - 1] = (uint8_t)(c == '0' ? 5 : c - '0');
            boundary = 1;
        } else if ((c >= 'a' && c <= 'z') || c == 0xFC) {
            if (k->n == PINYIN_MAX_KEY)
                return 0;
            k->start[k->n] = (uint8_t)boundary;
            k->letter[k->n++] = c == 0xFC ? 'v' : (char)c;
            boundary = 0;
        } else {
            return 0;
        }
    }
    return k->n > 0;
}

void pinyin_key_format(const struct pinyin_key *k, char *out, size_t cap)
{
    size_t o = 0;
    for (int i = 0; i < k->n && o + 3 < cap; i++) {
        if (i && k->start[i] && !k->tone[i - 1])
            out[o++] = '\'';
        out[o++] = k->letter[i];
        if (k->tone[i])
            out[o++] = (char)('0' + k->tone[i]);
    }
    if (cap)
        out[o < cap ? o : cap - 1] = 0;
}

int pinyin_syllable_known(const char *s, size_t n)
{
    char z[8];
    if (n < 1 || n > 6)
        return 0;
    memcpy(z, s, n);
    z[n] = 0;
    if (n == 3 && !strcmp(z + 1, "ue") && (z[0] == 'l' || z[0] == 'n'))
        z[1] = 'v';
    size_t lo = 0, hi = PINYIN_NSYLLABLES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(pinyin_syllable_text[mid], z);
        if (!c)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int pinyin_is_syllable(const struct pinyin_key *k)
{
    for (int i = 0; i < k->n; i++)
        if ((i && k->start[i]) || (i < k->n - 1 && k->tone[i]))
            return 0;
    return pinyin_syllable_known(k->letter, (size_t)k->n);
}

/* ---- units ---- */

static void add_step(struct pinyin_step *out, size_t *n, int end, int flags)
{
    for (size_t i = 0; i < *n; i++)
        if (out[i].end == end && out[i].flags == flags)
            return;
    if (*n < PINYIN_MAX_STEPS)
        out[(*n)++] = (struct pinyin_step){end, flags};
}

/* Units from letter pos that spell the start of syllable s (len letters, tone t). */
static void unit_steps(const struct pinyin_key *k, int pos, const char *s, int len, int t,
                       int rare, struct pinyin_step *out, size_t *n)
{
    for (int l = 1; l <= len && pos + l <= k->n; l++) {
        if (k->letter[pos + l - 1] != s[l - 1] || (l > 1 && k->start[pos + l - 1]))
            return;
        int end = pos + l, full = l == len;
        int initial = l == 1 || (l == 2 && s[1] == 'h' && strchr("zcs", s[0]));
        if (!full && !initial && end != k->n)
            continue;                          /* cut short: only the last unit */
        int typed = k->tone[end - 1];
        if (typed && (!full || typed != t))
            continue;
        add_step(out, n, end, (full ? PINYIN_FULL : 0) | (rare ? PINYIN_RARE : 0));
    }
}

/* The steps from letter pos for readings p (table form). */
static size_t steps_of(const struct pinyin_key *k, int pos, const uint16_t *p, size_t nr,
                       struct pinyin_step out[PINYIN_MAX_STEPS])
{
    size_t n = 0;
    for (size_t i = 0; i < nr; i++) {
        const char *syl = pinyin_syllable_text[p[i] >> 4];
        if (syl[0] != k->letter[pos])
            continue;
        int len = (int)strlen(syl), tone = p[i] >> 1 & 7, rare = p[i] & 1;
        unit_steps(k, pos, syl, len, tone, rare, out, &n);
        /* lüe and nüe are also written lue and nue. */
        if (len == 3 && !strcmp(syl + 1, "ve")) {
            char alt[4] = {syl[0], 'u', 'e', 0};
            unit_steps(k, pos, alt, 3, tone, rare, out, &n);
        }
    }
    return n;
}

size_t pinyin_steps(const struct pinyin_key *k, int pos, uint32_t c,
                    struct pinyin_step out[PINYIN_MAX_STEPS])
{
    const uint16_t *p = NULL;
    if (pos < 0 || pos >= k->n)
        return 0;
    size_t nr = table_readings(c, &p);
    return steps_of(k, pos, p, nr, out);
}

/* The best of two flag sets: full first, then not rare. */
static int better(int a, int b)
{
    int fa = a & PINYIN_FULL, fb = b & PINYIN_FULL;
    if (fa != fb)
        return fa > fb;
    return (a & PINYIN_RARE) < (b & PINYIN_RARE);
}

int pinyin_match(const struct pinyin_key *k, const char *word, size_t n, int *flags)
{
    /* reach[p]: bit f set when letter p is reached with path flags f (full = all full
     * so far, rare = some rare so far), so no combination is lost. */
    uint8_t reach[PINYIN_MAX_KEY + 1], next[PINYIN_MAX_KEY + 1];
    memset(reach, 0, sizeof reach);
    reach[0] = 1 << PINYIN_FULL;              /* bit number = flags: all full so far */
    if (!n || !k->n)
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        const uint16_t *rd = NULL;
        i += fold_decode(word + i, n - i, &c);
        size_t nr = table_readings(c, &rd);
        memset(next, 0, sizeof next);
        int any = 0;
        for (int p = 0; p < k->n && nr; p++) {
            if (!reach[p])
                continue;
            struct pinyin_step st[PINYIN_MAX_STEPS];
            size_t ns = steps_of(k, p, rd, nr, st);
            for (size_t s = 0; s < ns; s++)
                for (int f = 0; f < 4; f++)
                    if (reach[p] >> f & 1) {
                        int nf = (f & st[s].flags & PINYIN_FULL) |
                                 ((f | st[s].flags) & PINYIN_RARE);
                        next[st[s].end] |= (uint8_t)(1 << nf);
                        any = 1;
                    }
        }
        if (!any)
            return 0;
        memcpy(reach, next, sizeof reach);
    }
    if (!reach[k->n])
        return 0;
    int best = -1;
    for (int f = 0; f < 4; f++)
        if (reach[k->n] >> f & 1 && (best < 0 || better(f, best)))
            best = f;
    *flags = best;
    return 1;
}
