/* decode_guess.c — is text that is not UTF-8 in an East Asian encoding other than
 * GB18030? GB18030 decodes most byte soup into Han characters, so Japanese in Shift_JIS or
 * Korean in EUC-KR would be imported as Chinese garbage. Each is decoded strictly and
 * judged by what its language writes that Chinese text does not: Japanese, hiragana and
 * katakana (particles, endings: a tenth of its characters and more); Korean, Hangul
 * syllables with spaces between words. Chinese bytes read as Shift_JIS give half-width
 * katakana, not kana; read as EUC-KR they may give Hangul, but not words spaced apart. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "decode_int.h"

/* The language shows in the first pages: judging more would only cost memory (three
 * times the sample) on a file of hundreds of megabytes. */
#define SAMPLE (256u << 10)

/* The sample through iconv; NULL when a byte does not decode (a character cut by the
 * sample's end is no fault). malloc'd UTF-8. */
static char *convert(const char *raw, size_t n, const char *from, size_t *len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    int cut = n > SAMPLE;
    if (cut)
        n = SAMPLE;
    size_t cap = n * 3 + 4, left = cap;
    char *out = malloc(cap), *o = out, *in = (char *)raw;
    size_t inleft = n;
    if (out && iconv(cd, &in, &inleft, &o, &left) == (size_t)-1 && !(cut && errno == EINVAL))
        free(out), out = NULL;
    iconv_close(cd);
    if (out)
        *len = (size_t)(o - out);
    return out;
}

struct counts {
    size_t wide;        /* characters outside ASCII */
    size_t kana;        /* hiragana and katakana, U+3040–30FF */
    size_t hangul;      /* Hangul syllables, U+AC00–D7A3 */
    size_t spaced;      /* spaces with a Hangul syllable just before them */
};

static struct counts count(const char *s, size_t n)
{
    struct counts c = {0};
    ucs4_t prev = 0;
    for (size_t i = 0; i < n;) {
        ucs4_t ch;
        int k = u8_mbtouc(&ch, (const uint8_t *)s + i, n - i);
        i += (size_t)(k > 0 ? k : 1);
        if (ch >= 0x80)
            c.wide++;
        c.kana += ch >= 0x3040 && ch <= 0x30FF;
        c.hangul += ch >= 0xAC00 && ch <= 0xD7A3;
        c.spaced += ch == ' ' && prev >= 0xAC00 && prev <= 0xD7A3;
        prev = ch;
    }
    return c;
}

const char *decode_guess_other(const char *raw, size_t n)
{
    size_t len;
    char *text = convert(raw, n, "SHIFT_JIS", &len);
    if (text) {
        struct counts c = count(text, len);
        free(text);
        if (c.wide >= 8 && c.kana * 10 >= c.wide)
            return "Japanese in Shift_JIS";
    }
    if ((text = convert(raw, n, "EUC-KR", &len))) {
        struct counts c = count(text, len);
        free(text);
        if (c.wide >= 8 && c.hangul * 10 >= c.wide * 6 && c.spaced * 12 >= c.hangul)
            return "Korean in EUC-KR";
    }
    return NULL;
}
