/* describe.c — a document's kind, region, level, issuer, date and slug. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/clean.h"
#include "gongfu/describe.h"

struct kind_word {
    const char *word, *kind;
};

/* Document types as titles end, longest first so 实施意见 wins over 意见. */
static const struct kind_word kinds[] = {
    {"政府工作报告", "work-report"}, {"政府工作報告", "work-report"}, {"工作报告", "work-report"},
    {"工作報告", "work-report"}, {"统计公报", "bulletin"}, {"統計公報", "bulletin"},
    {"工作要点", "keypoints"}, {"工作要點", "keypoints"}, {"实施方案", "plan"},
    {"實施方案", "plan"}, {"行动方案", "plan"}, {"行動方案", "plan"}, {"实施意见", "opinions"},
    {"實施意見", "opinions"}, {"方案", "plan"}, {"意见", "opinions"}, {"意見", "opinions"},
    {"要点", "keypoints"}, {"要點", "keypoints"}, {"规划", "plan"}, {"規劃", "plan"},
    {"计划", "plan"}, {"計劃", "plan"}, {"計畫", "plan"}, {"纲要", "outline"},
    {"綱要", "outline"}, {"建议", "recommendations"}, {"建議", "recommendations"},
    {"公报", "bulletin"}, {"公報", "bulletin"}, {"通知", "notice"}, {"决定", "decision"},
    {"決定", "decision"}, {"办法", "measures"}, {"辦法", "measures"}, {"措施", "measures"},
    {"条例", "regulations"}, {"條例", "regulations"}, {"规定", "rules"}, {"規定", "rules"},
    {"细则", "rules"}, {"細則", "rules"}, {"报告", "report"}, {"報告", "report"},
    {"指引", "guide"}, {"指南", "guide"},
    /* the other kinds of official document (党政机关公文处理工作条例, art. 8) */
    {"决议", "resolution"}, {"決議", "resolution"}, {"通报", "circular"}, {"通報", "circular"},
    {"公告", "announcement"}, {"通告", "announcement"}, {"请示", "request"}, {"請示", "request"},
    {"批复", "reply"}, {"批覆", "reply"}, {"议案", "motion"}, {"議案", "motion"},
    {"纪要", "minutes"}, {"紀要", "minutes"}, {"的函", "letter"},
};

static int ends_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s + n - k, p, k) == 0;
}

static int starts_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

const char *describe_title_kind(const char *s, size_t n)
{
    /* Drop a trailing period in brackets: "…实施方案(2021—2025年)". */
    if (ends_with(s, n, ")") || ends_with(s, n, "）")) {
        size_t i = n;
        while (i > 0 && s[i - 1] != '(' && !(i >= 3 && memcmp(s + i - 3, "（", 3) == 0))
            i--;
        if (i > 0)
            n = s[i - 1] == '(' ? i - 1 : i - 3;
    }
    while (n > 0 && (s[n - 1] == ' '))
        n--;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (ends_with(s, n, kinds[i].word))
            return kinds[i].kind;
    return NULL;
}

static char *date_at(const char *p)
{
    int y, m, d;
    if (sscanf(p, "%d-%d-%d", &y, &m, &d) == 3 || sscanf(p, "%d年%d月%d日", &y, &m, &d) == 3 ||
        sscanf(p, "%d/%d/%d", &y, &m, &d) == 3 || sscanf(p, "%d.%d.%d", &y, &m, &d) == 3) {
        if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
            return NULL;
        char out[16];
        snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
        return strdup(out);
    }
    return NULL;
}

char *describe_date(const char *s, size_t n)
{
    char buf[64];
    size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, s, k);
    buf[k] = '\0';
    char *p = buf;
    while (*p && !(*p >= '0' && *p <= '9'))
        p++;
    return date_at(p);
}

char *describe_line_date(const char *s, size_t n)
{
    static const char *const lead[] = {"——", "—", "－", "-", "（", "(", " ", "\xE3\x80\x80"};
    size_t i = 0;
    for (int again = 1; again && i < n;) {
        again = 0;
        for (size_t k = 0; k < sizeof lead / sizeof *lead; k++)
            if (starts_with(s + i, n - i, lead[k])) {
                i += strlen(lead[k]), again = 1;
                break;
            }
    }
    if (i >= n || s[i] < '0' || s[i] > '9' || n - i > 400)
        return NULL;
    char buf[32];
    size_t k = n - i < sizeof buf - 1 ? n - i : sizeof buf - 1;
    memcpy(buf, s + i, k);
    buf[k] = '\0';
    return date_at(buf);
}

static char *dup_span(const char *t, size_t a, size_t z, int keep_han_spaces)
{
    struct span s = {a, z};
    return clean_join(t, &s, 1, keep_han_spaces);
}

/* The first byline date among the header lines outside the title. */
static char *byline_date(const char *t, const struct lines *L, size_t from, size_t to,
                         size_t title_at, size_t title_last)
{
    for (size_t k = from; k < to; k++) {
        const struct line *l = &L->v[k];
        if (l->kind != LINE_TEXT || (title_at < L->n && k >= title_at && k <= title_last))
            continue;
        char *d = describe_line_date(t + l->start, l->end - l->start);
        if (d)
            return d;
    }
    return NULL;
}

/* The region the byline names ("在浙江省第十四届人民代表大会…", "国务院总理"): the first
 * header line outside the title that names one. */
static const struct region *byline_region(const struct regions *r, const char *t,
                                          const struct lines *L, size_t from, size_t to,
                                          size_t title_at, size_t title_last)
{
    for (size_t k = from; r && k < to; k++) {
        const struct line *l = &L->v[k];
        if (l->kind != LINE_TEXT || (title_at < L->n && k >= title_at && k <= title_last))
            continue;
        const struct region *g = regions_in_title(r, t + l->start, l->end - l->start);
        if (g)
            return g;
    }
    return NULL;
}

void describe_header(struct doc *d, const struct regions *r, const char *t,
                     const struct lines *L, size_t from, size_t to, size_t title_at,
                     size_t title_last)
{
    char *written = NULL, *published = NULL;
    for (size_t k = from; k < to; k++) {
        const struct line *l = &L->v[k];
        for (int f = 0; f < l->nfields; f++) {
            const struct meta_field *mf = &l->field[f];
            char **slot = mf->key == META_ISSUER ? &d->issuer : mf->key == META_WRITTEN ? &written
                        : mf->key == META_PUBLISHED ? &published : NULL;
            if (!slot || *slot || mf->vend <= mf->vstart)
                continue;
            *slot = mf->key == META_ISSUER ? dup_span(t, mf->vstart, mf->vend, 1)
                                           : describe_date(t + mf->vstart, mf->vend - mf->vstart);
        }
    }
    /* The document's own date (written, or in its byline) before the web page's. */
    char *dated = written ? NULL : byline_date(t, L, from, to, title_at, title_last);
    d->published = written ? written : dated ? dated : published;
    if (d->published != published)
        free(published);
    const struct region *g = byline_region(r, t, L, from, to, title_at, title_last);
    if (!g && d->issuer)
        g = regions_in_title(r, d->issuer, strlen(d->issuer));
    if (g && !d->region)
        d->region = strdup(g->name);
}

static int replace(char **slot, const char *value)
{
    char *copy = value ? strdup(value) : NULL;
    if (value && !copy)
        return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

/* The region the first paragraphs mention most: what a text without a region in its title
 * or byline is about. */
static const struct region *text_region(const struct doc *d, const struct regions *r)
{
    char buf[8192];
    size_t n = 0;
    for (size_t i = 0; i < d->nnodes && n < sizeof buf - 1; i++) {
        const char *s = d->nodes[i].text;
        if (d->nodes[i].kind != NODE_PARAGRAPH || !s)
            continue;
        size_t k = strlen(s);
        if (k > sizeof buf - 1 - n)
            k = sizeof buf - 1 - n;
        memcpy(buf + n, s, k);
        n += k;
        if (n < sizeof buf - 1)
            buf[n++] = '\n';
    }
    return regions_in_text(r, buf, n, 2);
}

/* The speaker's address at the opening of a report ("现在，我代表国务院，向大会报告政府工作"):
 * the organ it speaks for, as [*at, *at + *len) of paragraph *text, and whether what it
 * presents is a work report. 0 when the first paragraphs have none. */
static int address(const struct doc *d, const char **text, size_t *at, size_t *len,
                   int *work_report)
{
    static const char speaks[] = "我代表";
    static const char *const stops[] = {"，", ",", "、", "向", "。", "；"};
    int seen = 0;
    for (size_t i = 0; i < d->nnodes && seen < 3; i++) {
        const char *s = d->nodes[i].text;
        if (d->nodes[i].kind == NODE_CHAPTER && seen)
            break;
        if (d->nodes[i].kind != NODE_PARAGRAPH || !s)
            continue;
        seen++;
        const char *p = strstr(s, speaks);
        if (!p || p - s > 60)
            continue;
        p += sizeof speaks - 1;
        size_t n = strlen(p), end = n < 60 ? n : 60;
        for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
            const char *q = memmem(p, end, stops[k], strlen(stops[k]));
            if (q && (size_t)(q - p) < end)
                end = (size_t)(q - p);
        }
        const char *stop = strstr(p, "。");
        size_t sentence = stop ? (size_t)(stop - p) : n;
        char *rest = strndup(p, sentence);
        *work_report = rest && (strstr(rest, "报告政府工作") || strstr(rest, "报告工作") ||
                                strstr(rest, "報告政府工作") || strstr(rest, "報告工作"));
        free(rest);
        *text = s, *at = (size_t)(p - s), *len = end;
        return end > 0;
    }
    return 0;
}

int describe_doc(struct doc *d, const struct regions *r, const char *title, const char *region,
                 const char *fallback_title, struct err *e)
{
    if ((title && replace(&d->title, title) < 0) ||
        (!d->title && replace(&d->title, fallback_title ? fallback_title : "untitled") < 0))
        return err_set(e, "out of memory"), -1;
    const char *kind = describe_title_kind(d->title, strlen(d->title)), *said = NULL;
    size_t said_at = 0, said_len = 0;
    int work_report = 0;
    if (!address(d, &said, &said_at, &said_len, &work_report))
        said = NULL;
    if (!kind && said && work_report)
        kind = "work-report";
    const struct region *reg = region ? regions_by_name(r, region)
                                      : regions_in_title(r, d->title, strlen(d->title));
    if (!region && !reg && d->region)
        reg = regions_by_name(r, d->region);
    if (!region && !reg && said)
        reg = regions_in_title(r, said + said_at, said_len);
    if (!region && !reg)
        reg = text_region(d, r);
    char slug[128];
    snprintf(slug, sizeof slug, "%s-%s", reg ? reg->slug : "doc", kind ? kind : "text");
    if (replace(&d->region, region ? region : reg ? reg->name : NULL) < 0 ||
        replace(&d->level, reg ? reg->level : NULL) < 0 ||
        replace(&d->kind, kind ? kind : "text") < 0 || replace(&d->slug, slug) < 0)
        return err_set(e, "out of memory"), -1;
    return 0;
}
