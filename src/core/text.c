/* text.c — display width, Chinese line-breaking, truncation and sanitising.
 *
 * Widths come from libc wcwidth when the locale is multibyte (the TUI insists on UTF-8),
 * because that is the table ncurses uses to place characters; in a single-byte locale
 * (a script running `gongfu show` under LANG=C) libunistring's table stands in. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include "gongfu/fold.h"
#include "gongfu/text.h"
#include "lexicon.h"

#define REPLACEMENT 0xFFFDu

/* ASCII and well-formed two- and three-byte sequences (all of Chinese) are decoded here,
 * as libunistring would; the rest (four bytes, anything invalid) by libunistring. */
static inline int next_char(const char *s, size_t n, uint32_t *c)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *c = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] < 0xE0 && n >= 2 && (u[1] & 0xC0) == 0x80) {
        *c = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] >= 0xE0 && u[0] < 0xF0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t v = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {   /* not overlong, not a surrogate */
            *c = v;
            return 3;
        }
    }
    ucs4_t uc;
    int len = u8_mbtoucr(&uc, u, n);
    if (len <= 0) {
        *c = REPLACEMENT;
        return 1;
    }
    *c = uc;
    return len;
}

int text_next(const char *s, size_t n, uint32_t *c)
{
    return next_char(s, n, c);
}

static int is_hidden(uint32_t c)
{
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return 1;
    /* The joiners (inside emoji sequences, Indic and Persian words) and the soft hyphen
     * are format characters a text is written with, not controls: kept. */
    if (c == 0x200C || c == 0x200D || c == 0x00AD)
        return 0;
    /* Cf holds the bidi embeddings, overrides and isolates, the zero-width space, the
     * word joiner and the BOM; Zl/Zp are line and paragraph separators. */
    return uc_is_general_category(c, UC_CATEGORY_Cf) ||
           uc_is_general_category(c, UC_CATEGORY_Zl) ||
           uc_is_general_category(c, UC_CATEGORY_Zp) ||
           uc_is_general_category(c, UC_CATEGORY_Cs) ||
           uc_is_general_category(c, UC_CATEGORY_Co) ||
           uc_is_general_category(c, UC_CATEGORY_Cn);
}

uint32_t text_visible(uint32_t c)
{
    /* The common case first: printable ASCII, CJK ideographs and punctuation, fullwidth
     * forms, Latin-1 and its neighbours, quotes and dashes, circled numbers, box drawing
     * and blocks (the chrome and the compare view's bars): blocks where every character
     * is visible. The category lookups below cost more than the rest of drawing a cell. */
    if ((c >= 0x20 && c < 0x7f) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) ||
        (c >= 0xA0 && c <= 0x2FF) || (c >= 0x2010 && c <= 0x2027) ||
        (c >= 0x2030 && c <= 0x205E) || (c >= 0x2460 && c <= 0x27BF))
        return c;
    if (c == '\t')
        return ' ';
    return is_hidden(c) ? REPLACEMENT : c;
}

static int raw_width(uint32_t c)
{
    if (MB_CUR_MAX > 1)
        return wcwidth((wchar_t)c);
    return uc_width(c, "UTF-8");
}

/* What wcwidth said of each character of the Basic Multilingual Plane, asked once: 0 not
 * asked yet, else the width + 1. Wrapping a document asks of every character. Each thread
 * has its own (the import may run on two), so none writes what another reads; a reset
 * moves the generation on, and each thread forgets its answers when it next asks. */
static _Thread_local unsigned char bmp_width[0x10000];
static _Thread_local unsigned bmp_generation;
static _Thread_local int bmp_kept;   /* an answer is kept: a reset must clear the table */
static _Atomic unsigned width_generation;

void text_width_reset(void)
{
    atomic_fetch_add_explicit(&width_generation, 1, memory_order_relaxed);
}

static int learn_width(uint32_t c)
{
    int w = raw_width(c);
    if (w < 0)
        w = raw_width(REPLACEMENT);
    if (w < 0)
        w = 1;
    if (c < 0x10000 && w < 255) {
        bmp_width[c] = (unsigned char)(w + 1);
        bmp_kept = 1;
    }
    return w;
}

static inline int char_width(uint32_t c)
{
    if (c >= 0x20 && c < 0x7f)   /* printable ASCII: one column in every locale */
        return 1;
    unsigned g = atomic_load_explicit(&width_generation, memory_order_relaxed);
    if (g != bmp_generation) {
        /* Not when nothing was learnt: the explorer resets before its first wrap, and the
         * clear touched sixteen pages of zeros (issue 15). */
        if (bmp_kept)
            memset(bmp_width, 0, sizeof bmp_width);
        bmp_kept = 0;
        bmp_generation = g;
    }
    if (c < 0x10000 && bmp_width[c])
        return bmp_width[c] - 1;
    return learn_width(c);
}

int text_char_width(uint32_t c)
{
    return char_width(c);
}

int text_is_ambiguous(uint32_t c)
{
    return uc_width(c, "UTF-8") == 1 && uc_width(c, "GBK") == 2;
}

int text_width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += text_next(s + i, n - i, &c);
        w += text_char_width(text_visible(c));
    }
    return w;
}

size_t text_truncate(const char *s, size_t n, int width, int *used)
{
    int dummy;
    if (!used)
        used = &dummy;
    int total = text_width(s, n);
    if (total <= width) {
        *used = total;
        return n;
    }
    int ell = text_char_width(0x2026);
    int w = 0;
    size_t i = 0;
    while (i < n && width >= ell) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        int cw = text_char_width(text_visible(c));
        if (w + cw > width - ell)
            break;
        w += cw;
        i += (size_t)len;
    }
    *used = width >= ell ? w + ell : 0;
    return i;
}

char *text_sanitize(const char *s, size_t n)
{
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += text_next(s + i, n - i, &c);
        int len = u8_uctomb((uint8_t *)out + o, text_visible(c), 4);
        o += len > 0 ? (size_t)len : 0;
    }
    out[o] = '\0';
    return out;
}

/* Kinsoku shori on top of UAX #14, so the promise holds even where the Unicode classes
 * allow a break (e.g. after a half-width comma left in a Chinese text). */
static int no_line_start(uint32_t c)
{
    switch (c) {
    case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF1F: case 0xFF01:
    case 0xFF09: case 0x300D: case 0x300F: case 0x201D: case 0x2019: case 0x300B: case 0x3009:
    case 0x3011: case 0x3015: case 0x3017: case 0xFF3D: case 0xFF5D: case 0xFF05: case 0x2026:
    case 0x00B7: case 0x30FB: case 0xFF0E: case ',': case '.': case ';': case ':': case '?':
    case '!': case ')': case ']': case '}': case '%':
        return 1;
    default:
        return 0;
    }
}

static int no_line_end(uint32_t c)
{
    switch (c) {
    case 0xFF08: case 0x300C: case 0x300E: case 0x201C: case 0x2018: case 0x300A: case 0x3008:
    case 0x3010: case 0x3014: case 0x3016: case 0xFF3B: case 0xFF5B: case '(': case '[':
    case '{':
        return 1;
    default:
        return 0;
    }
}

struct wrap {
    struct text_line *v;
    size_t n, cap;
    int fail;
};

static void wrap_push(struct wrap *w, size_t start, size_t end, int width)
{
    if (w->fail)
        return;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 16;
        struct text_line *v = realloc(w->v, cap * sizeof *v);
        if (!v) {
            w->fail = 1;
            return;
        }
        w->v = v;
        w->cap = cap;
    }
    w->v[w->n++] = (struct text_line){ start, end, width };
}

/* One character of a segment being wrapped. */
struct wch {
    size_t off;     /* byte offset in the input */
    int width;
    int space;
    int brk;        /* a line may begin before this character */
};

/* The line [from, to) of chars without its trailing spaces: byte end and width. end_off
 * is where char `to` begins (or the segment's end). */
static void line_extent(const struct wch *ch, size_t from, size_t to, size_t end_off,
                        size_t *end, int *width)
{
    size_t last = from;   /* one past the last non-space */
    int w = 0;
    *width = 0;
    for (size_t k = from; k < to; k++) {
        w += ch[k].width;
        if (!ch[k].space) {
            last = k + 1;
            *width = w;
        }
    }
    if (last == from)
        *end = ch[from].off;
    else
        *end = last < to ? ch[last].off : end_off;
}

/* Greedy wrapping of one segment (no newlines) of m characters ending at byte end_off. */
static void wrap_segment(struct wrap *w, const struct wch *ch, size_t m, size_t end_off,
                         int width)
{
    if (m == 0) {
        wrap_push(w, end_off, end_off, 0);
        return;
    }
    size_t start = 0, bp = 0;   /* bp: the last break opportunity after start, or start */
    int run = 0;                /* width of [start, k) */
    for (size_t k = 0; k < m; k++) {
        if (k > start && ch[k].brk)
            bp = k;
        /* Spaces may hang past the edge: they are trimmed where the line breaks. */
        while (!ch[k].space && k > start && run + ch[k].width > width) {
            size_t cut = bp > start ? bp : k;
            size_t end;
            int lwidth;
            line_extent(ch, start, cut, ch[cut].off, &end, &lwidth);
            wrap_push(w, ch[start].off, end, lwidth);
            start = cut;
            while (start < k && ch[start].space)
                start++;
            bp = start;
            run = 0;
            for (size_t j = start; j < k; j++)
                run += ch[j].width;
        }
        run += ch[k].width;
    }
    size_t end;
    int lwidth;
    line_extent(ch, start, m, end_off, &end, &lwidth);
    wrap_push(w, ch[start].off, end, lwidth);
}

/* A number and its unit stay on one line: "14000元/年", "20万元", "75%", "2035年". */

static int is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* The characters at cp[k..m) folded (萬 is 万) and encoded as UTF-8, as far as each folds
 * to one character and at most FOLDED_CHARS of them, for matching words against. */
#define FOLDED_CHARS 8
struct folded {
    char s[FOLDED_CHARS * 4 + 1];
    size_t len;     /* bytes */
    int whole;      /* it ends where a word could not go on: at m, or at a character that
                     * does not fold to one */
};

static void fold_at(const uint32_t *cp, size_t k, size_t m, struct folded *f)
{
    size_t j = k;
    f->len = 0;
    for (; j < m && j - k < FOLDED_CHARS; j++) {
        uint32_t v[FOLD_MAX];
        if (fold_char(cp[j], v) != 1)
            break;
        f->len += fold_encode(v[0], f->s + f->len);
    }
    f->whole = j >= m || j - k < FOLDED_CHARS;
    f->s[f->len] = '\0';
}

/* Does word (UTF-8) match the characters at cp[k..m), folded? The count, or 0. */
static size_t match_word(const uint32_t *cp, size_t k, size_t m, const char *word)
{
    size_t n = strlen(word), i = 0, j = k;
    while (i < n) {
        uint32_t w, f[FOLD_MAX];
        i += (size_t)text_next(word + i, n - i, &w);
        if (j >= m || fold_char(cp[j], f) != 1 || f[0] != w)
            return 0;
        j++;
    }
    return j - k;
}

/* Characters in a UTF-8 word. */
static size_t char_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The longest word of a NULL-ended list at cp[k..m): its length in characters, or 0. The
 * words are compared with the folded text as bytes, which for valid UTF-8 is comparing
 * characters; a word longer than what was folded is matched the slow way. */
static size_t match_list(const uint32_t *cp, size_t k, size_t m, const char *const *list)
{
    struct folded f;
    fold_at(cp, k, m, &f);
    size_t best = 0;
    for (size_t i = 0; list[i]; i++) {
        const char *w = list[i];
        if (!f.len || w[0] != f.s[0] || (w[1] && w[1] != f.s[1]))
            continue;
        size_t n = strlen(w), l;
        if (n <= f.len)
            l = memcmp(w, f.s, n) ? 0 : char_count(w, n);
        else
            l = f.whole ? 0 : match_word(cp, k, m, w);
        if (l > best)
            best = l;
    }
    return best;
}

/* The unit after a number at cp[k]: multipliers (万, 亿 …), a unit of the extractor's word
 * table (lexicon.h), and a "/" with what it is per ("元/年"). Its end, or k. */
static size_t unit_end(const uint32_t *cp, size_t k, size_t m)
{
    size_t j = k, l;
    while ((l = match_list(cp, j, m, lex_multipliers)) > 0)
        j += l;
    if ((l = match_list(cp, j, m, lex_units)) == 0)
        return j > k ? j : k;           /* "20万" alone still holds to its number */
    j += l;
    if (j + 1 < m && (cp[j] == '/' || cp[j] == 0xFF0F) &&
        (l = match_list(cp, j + 1, m, lex_per_units)) > 0)
        j += 1 + l;
    return j;
}

static void keep_numbers_with_units(struct wch *ch, const uint32_t *cp, size_t m)
{
    for (size_t k = 0; k < m;) {
        if (!is_digit(cp[k])) {
            k++;
            continue;
        }
        size_t start = k;
        while (k < m && (is_digit(cp[k]) ||
                         ((cp[k] == '.' || cp[k] == 0xFF0E) && k + 1 < m && is_digit(cp[k + 1]))))
            k++;
        size_t end = unit_end(cp, k, m);
        for (size_t j = start + 1; j < end; j++)
            ch[j].brk = 0;
        k = end > k ? end : k;
    }
}

/* Break opportunities of one segment from libunistring (into p, m bytes), then kinsoku on
 * top. */
static void mark_breaks(struct wch *ch, uint32_t *cp, size_t m, char *p)
{
    if (m == 0)
        return;
    u32_possible_linebreaks(cp, m, "UTF-8", p);
    for (size_t k = 0; k < m; k++) {
        ch[k].brk = k > 0 && (p[k] == UC_BREAK_POSSIBLE || p[k] == UC_BREAK_HYPHENATION);
        if (ch[k].brk && (no_line_start(cp[k]) || no_line_end(cp[k - 1])))
            ch[k].brk = 0;
        /* Never part a character from the marks that combine with it. */
        if (ch[k].width == 0)
            ch[k].brk = 0;
    }
    keep_numbers_with_units(ch, cp, m);
}

size_t text_wrap(const char *s, size_t n, int width, struct text_line **lines)
{
    struct wrap w = { 0 };
    *lines = NULL;
    if (width < 2)
        width = 2;
    struct wch *ch = malloc((n + 1) * sizeof *ch);
    uint32_t *cp = malloc((n + 1) * sizeof *cp);
    char *brk = malloc(n + 1);
    if (!ch || !cp || !brk) {
        free(ch);
        free(cp);
        free(brk);
        return 0;
    }
    size_t seg = 0;
    while (seg < n && !w.fail) {
        const char *nl = memchr(s + seg, '\n', n - seg);
        size_t stop = nl ? (size_t)(nl - s) : n;
        size_t end = stop;
        if (end > seg && s[end - 1] == '\r')
            end--;
        size_t m = 0;
        for (size_t i = seg; i < end; m++) {
            uint32_t c;
            int len = next_char(s + i, end - i, &c);
            uint32_t v = text_visible(c);
            cp[m] = c;
            ch[m] = (struct wch){ i, char_width(v), v == ' ', 0 };
            i += (size_t)len;
        }
        mark_breaks(ch, cp, m, brk);
        wrap_segment(&w, ch, m, end, width);
        seg = stop + 1;
    }
    free(ch);
    free(cp);
    free(brk);
    if (w.fail) {
        free(w.v);
        return 0;
    }
    *lines = w.v;
    return w.n;
}
