/* pdf_layout.c — PDF lines back to paragraphs (see pdf_layout.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/array.h"
#include "gongfu/lines.h"
#include "gongfu/pdf_layout.h"
#include "gongfu/textout.h"
#include "pdf_join.h"

/* The code point at s[0..n), its length in *k. */
static ucs4_t cp(const char *s, size_t n, int *k)
{
    ucs4_t c = 0xFFFD;
    *k = n ? u8_mbtouc(&c, (const uint8_t *)s, n) : 0;
    if (*k <= 0)
        *k = 1;
    return c;
}

static int is_dash(ucs4_t c)
{
    return c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2012 || c == 0x2010 ||
           c == 0xFF0D || c == 0x2212 || c == 0xB7 || c == 0x2022 || c == 0x30FB || c == '~';
}

static int is_cn_numeral(ucs4_t c)
{
    static const ucs4_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                               0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E};
    for (size_t i = 0; i < sizeof d / sizeof *d; i++)
        if (c == d[i])
            return 1;
    return 0;
}

int pdf_is_page_number(const char *s, size_t n)
{
    /* The line's characters without spaces, as code points. */
    ucs4_t v[64];
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        size_t sp = lines_space_at(s + i, n - i);
        if (sp) {
            i += sp;
            continue;
        }
        int k;
        ucs4_t c = cp(s + i, n - i, &k);
        i += (size_t)k;
        if (m == sizeof v / sizeof *v)
            return 0;
        v[m++] = c;
    }
    size_t i = 0, digits = 0;
    while (i < m && is_dash(v[i]))
        i++;
    size_t lead = i;
    if (i < m && v[i] == 0x7B2C) {                     /* 第3页, 第三页, 第3页共9页 */
        i++;
        while (i < m && ((v[i] >= '0' && v[i] <= '9') || is_cn_numeral(v[i])))
            i++, digits++;
        if (!digits || i >= m || v[i] != 0x9875)
            return 0;
        i++;
        while (i < m && (v[i] == ',' || v[i] == 0xFF0C || v[i] == '/' || v[i] == 0x3001))
            i++;
        if (i < m && v[i] == 0x5171) {                 /* 共9页 */
            size_t d2 = 0;
            for (i++; i < m && v[i] >= '0' && v[i] <= '9'; i++)
                d2++;
            if (!d2 || i >= m || v[i] != 0x9875)
                return 0;
            i++;
        }
        return i == m;
    }
    if (m - i >= 4 && (v[i] | 32) == 'p' && (v[i + 1] | 32) == 'a' && (v[i + 2] | 32) == 'g' &&
        (v[i + 3] | 32) == 'e')
        i += 4;
    while (i < m && v[i] >= '0' && v[i] <= '9' && digits < 5)
        i++, digits++;
    if (!digits) {                                      /* front matter: - ii - */
        size_t r = 0;
        while (i < m && r < 6 && (v[i] == 'i' || v[i] == 'v' || v[i] == 'x'))
            i++, r++;
        while (i < m && is_dash(v[i]))
            i++;
        return r > 0 && i == m && lead > 0;
    }
    if (i < m && v[i] == '/') {                         /* 3/9 */
        size_t d2 = 0;
        for (i++; i < m && v[i] >= '0' && v[i] <= '9'; i++)
            d2++;
        if (!d2)
            return 0;
    }
    while (i < m && is_dash(v[i]))
        i++;
    return i == m;
}

/* ---- furniture ------------------------------------------------------------------ */

struct work {
    const struct pdf_line *L;
    size_t n;
    const char *text;
    const struct pdf_page_size *pages;
    int npages;
    unsigned char *drop;     /* [i]: furniture */
    char **key;              /* [i]: text with digits as '#', for band lines; else NULL */
};

static float page_h(const struct work *w, int page)
{
    return page >= 0 && page < w->npages && w->pages[page].height > 0 ? w->pages[page].height
                                                                        : 842;
}

static int in_band(const struct work *w, const struct pdf_line *l)
{
    float h = page_h(w, l->page);
    return l->base < 0.15f * h || l->base > 0.85f * h;
}

static char *band_key(const char *s, size_t n)
{
    char *k = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; k && i < n; i++)
        if (s[i] != ' ')
            k[o++] = s[i] >= '0' && s[i] <= '9' ? '#' : s[i];
    if (k)
        k[o] = '\0';
    return k;
}

static const struct work *sort_w;

static int by_key_y(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(sort_w->key[i], sort_w->key[j]);
    if (c)
        return c;
    float d = sort_w->L[i].base - sort_w->L[j].base;
    return d < 0 ? -1 : d > 0 ? 1 : (i > j) - (i < j);
}

/* Lines repeated, digits aside, at the same height in the band of most pages. */
static int mark_running(struct work *w)
{
    size_t *idx = malloc((w->n + 1) * sizeof *idx), nb = 0;
    int *stamp = calloc((size_t)w->npages + 1, sizeof *stamp);
    if (!idx || !stamp)
        return free(idx), free(stamp), -1;
    for (size_t i = 0; i < w->n; i++)
        if (w->key[i] && w->key[i][0])
            idx[nb++] = i;
    sort_w = w;
    qsort(idx, nb, sizeof *idx, by_key_y);
    int cluster = 0;
    for (size_t a = 0; a < nb;) {
        size_t b = a + 1;
        while (b < nb && !strcmp(w->key[idx[a]], w->key[idx[b]]) &&
               w->L[idx[b]].base - w->L[idx[b - 1]].base <= 0.02f * page_h(w, w->L[idx[b]].page))
            b++;
        int pages = 0;
        cluster++;
        for (size_t k = a; k < b; k++) {
            int p = w->L[idx[k]].page;
            if (p >= 0 && p < w->npages && stamp[p] != cluster)
                stamp[p] = cluster, pages++;
        }
        if (pages >= 2 && pages * 2 >= w->npages)
            for (size_t k = a; k < b; k++)
                w->drop[idx[k]] = 1;
        a = b;
    }
    free(idx), free(stamp);
    return 0;
}

static int mark_furniture(struct work *w)
{
    for (size_t i = 0; i < w->n; i++) {
        const struct pdf_line *l = &w->L[i];
        if (!in_band(w, l))
            continue;
        if (pdf_is_page_number(w->text + l->text, l->len))
            w->drop[i] = 1;
        else if (!(w->key[i] = band_key(w->text + l->text, l->len)))
            return -1;
    }
    return mark_running(w);
}

char *pdf_layout(const struct pdf_line *lines, size_t n, const char *text,
                 const struct pdf_page_size *pages, int npages, size_t *len)
{
    struct work w = {lines, n, text, pages, npages, calloc(n + 1, 1), calloc(n + 1, sizeof(char *))};
    char *out = NULL;
    if (w.drop && w.key && mark_furniture(&w) == 0)
        out = pdf_join(lines, n, text, w.drop, pages, npages, len);
    for (size_t i = 0; w.key && i < n; i++)
        free(w.key[i]);
    free(w.key), free(w.drop);
    return out;
}
