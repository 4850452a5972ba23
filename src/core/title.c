/* title.c — finding a document's title among its header lines (see title.h). */
#include <stdlib.h>
#include <string.h>
#include "gongfu/chrome.h"
#include "gongfu/clean.h"
#include "gongfu/describe.h"
#include "gongfu/heading.h"
#include "gongfu/lines.h"
#include "gongfu/title.h"

#define TITLE_MAX_BYTES 240     /* 80 characters */
#define TITLE_LINE_BYTES 60     /* a line of a title set over several */

static size_t lbytes(const struct line *l)
{
    return l->end - l->start;
}

static int starts(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && !memcmp(s, p, k);
}

static int ends(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && !memcmp(s + n - k, p, k);
}

/* A document number, 发文字号: "浙政发〔2021〕12号", "国发[2021]23号" — a year in brackets, a
 * number, 号, at the end of a short line. */
static int document_number(const char *s, size_t n)
{
    static const char *const open[] = {"〔", "[", "［", "【"}, *const close[] = {"〕", "]", "］", "】"};
    /* 上行文 set the signer on the number's line: "浙发改〔2021〕12号　　签发人：张三" */
    const char *signer = memmem(s, n, "签发人", 9);
    if (!signer)
        signer = memmem(s, n, "簽發人", 9);
    if (signer && signer > s)
        for (n = (size_t)(signer - s); n > 0 && lines_space_at(s + n - 1, 1); n--)
            ;
    while (n >= 3 && lines_space_at(s + n - 3, 3) == 3)
        n -= 3;
    if (n > 60 || !(ends(s, n, "号") || ends(s, n, "號")))
        return 0;
    for (size_t i = 0; i < n; i++)
        for (size_t b = 0; b < sizeof open / sizeof *open; b++) {
            size_t o = strlen(open[b]), d = 0;
            if (n - i < o || memcmp(s + i, open[b], o))
                continue;
            while (i + o + d < n && s[i + o + d] >= '0' && s[i + o + d] <= '9')
                d++;
            if (d == 4 && starts(s + i + o + d, n - i - o - d, close[b]))
                return 1;
        }
    return 0;
}

/* The masthead of an official document, 发文机关标志: "浙江省人民政府文件". */
static int masthead(const char *s, size_t n)
{
    return n <= 60 && n > 6 && ends(s, n, "文件") && !starts(s, n, "关于");
}

/* Neither prose nor a heading, nor a line that introduces what follows ("各位代表："), nor
 * the masthead and number an official document has above its title. */
static int plain(const char *t, const struct line *l, size_t max)
{
    const char *s = t + l->start;
    size_t n = lbytes(l);
    struct heading h;
    return l->kind == LINE_TEXT && n <= max && !clean_is_prose(s, n) && !heading_at(s, n, &h) &&
           !ends(s, n, "：") && !ends(s, n, ":") && !document_number(s, n) && !masthead(s, n);
}

int title_is_title_line(const char *t, const struct line *l)
{
    return plain(t, l, TITLE_MAX_BYTES) && describe_title_kind(t + l->start, lbytes(l)) != NULL;
}

int title_is_short_plain(const char *t, const struct line *l)
{
    return plain(t, l, TITLE_LINE_BYTES);
}

/* A date line under a title is not part of it: "（2021年5月20日）", "——2024年3月5日在…". */
static int is_dated(const char *t, const struct line *l)
{
    char *d = describe_line_date(t + l->start, lbytes(l));
    free(d);
    return d != NULL;
}

/* A line wholly in brackets, "（此件公开发布）": a note, which may follow a title (its
 * period) but never begins one. */
static int bracketed(const char *t, const struct line *l)
{
    const char *s = t + l->start;
    size_t n = lbytes(l);
    return (starts(s, n, "（") || starts(s, n, "(")) && (ends(s, n, "）") || ends(s, n, ")"));
}

size_t title_block_start(const char *t, const struct lines *L, size_t from, size_t k)
{
    size_t s = k;
    while (s > from && k - s < 2 && title_is_short_plain(t, &L->v[s - 1]) &&
           !bracketed(t, &L->v[s - 1]) &&
           !describe_title_kind(t + L->v[s - 1].start, lbytes(&L->v[s - 1])) &&
           !is_dated(t, &L->v[s - 1]))
        s--;
    return s;
}

/* Is the text of line b inside line a's, and shorter? */
static int repeats_within(const char *t, const struct line *a, const struct line *b)
{
    if (lbytes(b) >= lbytes(a))
        return 0;
    return memmem(t + a->start, lbytes(a), t + b->start, lbytes(b)) != NULL;
}

size_t title_find(const char *t, const struct lines *L, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++) {
        if (!title_is_title_line(t, &L->v[j]))
            continue;
        for (size_t k = j + 1; k < to; k++)
            if (title_is_title_line(t, &L->v[k]) && repeats_within(t, &L->v[j], &L->v[k]))
                return k;
        return j;
    }
    for (size_t j = from; j < to; j++)    /* no document type: the first title-like line */
        if (plain(t, &L->v[j], TITLE_MAX_BYTES) && !is_dated(t, &L->v[j]))
            return j;
    return L->n;
}

/* Does line k go on with the title that ends at line k-1? Its period in brackets
 * "(2021—2025年)"; the rest of a title broken after its type ("…实施方案" / "的通知"); or,
 * for a title without a type, another short plain line. */
static int continues(const char *t, const struct lines *L, size_t k, size_t first, int typed)
{
    const struct line *l = &L->v[k];
    const char *s = t + l->start;
    size_t n = lbytes(l);
    if (!title_is_short_plain(t, l) || is_dated(t, l))
        return 0;
    if ((starts(s, n, "(") || starts(s, n, "（")) && n < 40)
        return 1;
    if (typed)
        return (starts(s, n, "的") || starts(s, n, "》")) && describe_title_kind(s, n);
    return k - first < 3 && lbytes(&L->v[k - 1]) <= TITLE_LINE_BYTES &&
           !clean_ends_sentence(t + L->v[k - 1].start, lbytes(&L->v[k - 1]));
}

/* The title's spans without zero-width characters. */
static char *join_title(const char *t, const struct lines *L, size_t first, size_t last)
{
    struct span sp[8];
    size_t ns = 0;
    for (size_t k = first; k <= last && ns < 8; k++)
        sp[ns++] = (struct span){L->v[k].start, L->v[k].end};
    char *s = clean_join(t, sp, ns, 1);
    if (!s)
        return NULL;
    size_t w = 0, n = strlen(s);
    for (size_t r = 0; r < n;) {
        size_t zw = chrome_zero_width_at(s + r, n - r);
        if (zw)
            r += zw;
        else
            s[w++] = s[r++];
    }
    s[w] = '\0';
    return s;
}

char *title_text(const char *t, const struct lines *L, size_t from, size_t to, size_t at,
                 size_t *last)
{
    size_t first = title_block_start(t, L, from, at);
    int typed = describe_title_kind(t + L->v[at].start, lbytes(&L->v[at])) != NULL;
    *last = at;
    while (*last + 1 < to && *last - first < 6 && continues(t, L, *last + 1, first, typed))
        typed = typed || describe_title_kind(t + L->v[*last + 1].start,
                                             lbytes(&L->v[*last + 1])) != NULL,
        (*last)++;
    return join_title(t, L, first, *last);
}
