/* draw.c — text into curses windows, one character at a time through setcchar, so what
 * is drawn is exactly what text_width measured. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "gongfu/text.h"
#include "draw.h"

static int ambi2;

static const char *const glyph_uni[G_COUNT] = {
    "─", "│", "┬", "┴", "▾", "▸", "›", "…", "█", "▌", "—", "•", "▲", "▼", "←", "→",
};
static const char *const glyph_ascii[G_COUNT] = {
    "-", "|", "+", "+", "v", ">", ">", "~", "#", "#", "-", "*", "^", "v", "<", ">",
};

void draw_init(int wide) { ambi2 = wide; }
int draw_ambi2(void) { return ambi2; }

const char *glyph(enum glyph g)
{
    if (g >= G_COUNT)
        return "?";
    /* A glyph is Unicode only if it cannot be drawn wider than ncurses counts it. */
    if (ambi2) {
        uint32_t c;
        const char *u = glyph_uni[g];
        text_next(u, strlen(u), &c);
        if (text_is_ambiguous(c))
            return glyph_ascii[g];
    }
    return glyph_uni[g];
}

/* Narrow stand-ins for the ambiguous characters plans use; anything else becomes "?". */
static const char *subst_of(uint32_t c, char *buf)
{
    static const struct { uint32_t c; const char *s; } table[] = {
        { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" }, { 0x2033, "\"" },
        { 0x2018, "'" },  { 0x2019, "'" },  { 0x2032, "'" },  { 0x2014, "-" },
        { 0x2013, "-" },  { 0x2015, "-" },  { 0x2025, ".." }, { 0x2026, "..." },
        { 0x00B7, "\xe3\x83\xbb" }, { 0x2022, "*" }, { 0x2027, "\xe3\x83\xbb" },
        { 0x2030, "o/oo" }, { 0x2103, "oC" }, { 0x00B0, "o" }, { 0x00B1, "+/-" },
        { 0x00D7, "x" }, { 0x00F7, "/" }, { 0x2264, "<=" }, { 0x2265, ">=" },
        { 0x2260, "!=" }, { 0x2192, "->" }, { 0x2190, "<-" }, { 0x2191, "^" },
        { 0x2193, "v" }, { 0x203B, "*" }, { 0x25CB, "o" }, { 0x25CF, "*" },
        { 0x25A1, "[]" }, { 0x25A0, "#" }, { 0x2605, "*" }, { 0x2606, "*" },
        { 0x00A7, "S" }, { 0x2116, "No." }, { 0x00AB, "<<" }, { 0x00BB, ">>" },
        { 0xFFFD, "?" },
    };
    static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
                                         "IX", "X", "XI", "XII" };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].c == c)
            return table[i].s;
    if (c >= 0x2160 && c <= 0x216B)
        return roman[c - 0x2160];
    if (c >= 0x2170 && c <= 0x217B)
        return roman[c - 0x2170];
    if (c >= 0x2460 && c <= 0x2473) {          /* ① … ⑳ */
        sprintf(buf, "(%u)", c - 0x2460 + 1);
        return buf;
    }
    if (c >= 0x2474 && c <= 0x2487) {          /* ⑴ … ⒇ */
        sprintf(buf, "(%u)", c - 0x2474 + 1);
        return buf;
    }
    if (c >= 0x2488 && c <= 0x249B) {          /* ⒈ … ⒛ */
        sprintf(buf, "%u.", c - 0x2488 + 1);
        return buf;
    }
    if (c >= 0x2500 && c <= 0x257F)             /* box drawing */
        return (c & 1) ? "|" : "-";
    return "?";
}

/* The UTF-8 a character is drawn as: itself, or its stand-in. n receives the length. */
static const char *drawn_as(uint32_t c, char *buf, size_t *n)
{
    c = text_visible(c);
    if (ambi2 && text_is_ambiguous(c)) {
        const char *s = subst_of(c, buf);
        *n = strlen(s);
        return s;
    }
    int len = 0;
    if (c < 0x80) {
        buf[len++] = (char)c;
    } else if (c < 0x800) {
        buf[len++] = (char)(0xC0 | c >> 6);
        buf[len++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        buf[len++] = (char)(0xE0 | c >> 12);
        buf[len++] = (char)(0x80 | (c >> 6 & 0x3F));
        buf[len++] = (char)(0x80 | (c & 0x3F));
    } else {
        buf[len++] = (char)(0xF0 | c >> 18);
        buf[len++] = (char)(0x80 | (c >> 12 & 0x3F));
        buf[len++] = (char)(0x80 | (c >> 6 & 0x3F));
        buf[len++] = (char)(0x80 | (c & 0x3F));
    }
    *n = (size_t)len;
    return buf;
}

char *draw_subst(const char *s, size_t n, size_t *outlen, size_t **map)
{
    size_t cap = n + 16, o = 0;
    char *out = malloc(cap);
    size_t *m = malloc((cap + 1) * sizeof *m);
    for (size_t i = 0; i < n && out && m;) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        char buf[16];
        size_t k;
        const char *d = text_is_ambiguous(c) ? subst_of(c, buf) : NULL;
        if (d) {
            k = strlen(d);
        } else {
            d = s + i;
            k = (size_t)len;
        }
        if (o + k + 1 > cap) {
            cap = cap * 2 + k;
            char *o2 = realloc(out, cap);
            size_t *m2 = o2 ? realloc(m, (cap + 1) * sizeof *m) : NULL;
            if (o2)
                out = o2;
            if (!m2) {
                free(out);
                free(m);
                return NULL;
            }
            m = m2;
        }
        memcpy(out + o, d, k);
        for (size_t j = 0; j < k; j++)
            m[o + j] = i;
        o += k;
        i += (size_t)len;
    }
    if (!out || !m) {
        free(out);
        free(m);
        return NULL;
    }
    out[o] = '\0';
    m[o] = n;
    *outlen = o;
    *map = m;
    return out;
}

/* Puts one character (already visible and narrow-safe) at (y, x). */
static void put_char(WINDOW *w, int y, int x, uint32_t c, attr_t a)
{
    wchar_t wc[2] = { (wchar_t)c, 0 };
    cchar_t cc;
    attr_t attrs = a & ~A_COLOR;
    short pair = (short)PAIR_NUMBER(a);
    if (setcchar(&cc, wc, attrs, pair, NULL) == OK)
        mvwadd_wch(w, y, x, &cc);
}

/* Draws the characters of s until maxw columns are full or a character does not fit. */
static int draw_run(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a,
                    size_t *stop)
{
    int used = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        int len = text_next(s + i, n - i, &c);
        char buf[16];
        size_t dn;
        const char *d = drawn_as(c, buf, &dn);
        int dw = text_width(d, dn);
        if (used + dw > maxw)
            break;
        for (size_t j = 0; j < dn;) {
            uint32_t dc;
            j += (size_t)text_next(d + j, dn - j, &dc);
            int cw = text_char_width(dc);
            if (cw == 0 && used == 0)
                continue;       /* a combining mark with nothing to combine with */
            put_char(w, y, x + used - (cw == 0), dc, a);
            used += cw;
        }
        i += (size_t)len;
    }
    if (stop)
        *stop = i;
    return used;
}

int draw_width(const char *s, size_t n)
{
    int wsum = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)text_next(s + i, n - i, &c);
        char buf[16];
        size_t dn;
        const char *d = drawn_as(c, buf, &dn);
        wsum += text_width(d, dn);
    }
    return wsum;
}

int draw_text(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a)
{
    if (maxw <= 0 || !s)
        return 0;
    return draw_run(w, y, x, s, n, maxw, a, NULL);
}

int draw_trunc(WINDOW *w, int y, int x, const char *s, size_t n, int maxw, attr_t a)
{
    if (maxw <= 0 || !s)
        return 0;
    if (draw_width(s, n) <= maxw)
        return draw_run(w, y, x, s, n, maxw, a, NULL);
    const char *ell = glyph(G_ELLIPSIS);
    int ew = text_width(ell, strlen(ell));
    int used = draw_run(w, y, x, s, n, maxw - ew, a, NULL);
    return used + draw_run(w, y, x + used, ell, strlen(ell), maxw - used, a, NULL);
}

void draw_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
    for (int i = 0; i < n; i++)
        put_char(w, y, x + i, ' ', a);
}

void draw_hline(WINDOW *w, int y, int x, int n, attr_t a)
{
    const char *g = glyph(G_HLINE);
    for (int i = 0; i < n; i++)
        draw_run(w, y, x + i, g, strlen(g), 1, a, NULL);
}
