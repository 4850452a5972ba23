/* lines.c — splits decoded text into trimmed lines and classifies the furniture of web
 * pages, so that structure.c sees only content lines and knows where metadata sits.
 * The vocabulary below is that of Chinese government web pages in general (field names
 * of 政府信息公开 tables, link-list headings), not of any one file. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/chrome.h"
#include "gongfu/itable.h"
#include "gongfu/lines.h"

struct meta_name {
    const char *name;
    enum meta_key key;
    int dated;           /* a common word: a field only when a date follows ("时间：2023-05-27") */
};

/* Field names of information-disclosure tables, Simplified and Traditional. */
static const struct meta_name meta_names[] = {
    {"发布机构", META_ISSUER}, {"發布機構", META_ISSUER}, {"发文机关", META_ISSUER},
    {"發文機關", META_ISSUER}, {"成文日期", META_WRITTEN}, {"发布日期", META_PUBLISHED},
    {"發布日期", META_PUBLISHED}, {"公开日期", META_PUBLISHED}, {"公開日期", META_PUBLISHED},
    {"发文日期", META_PUBLISHED}, {"索引号", META_OTHER}, {"索引號", META_OTHER},
    {"文件编号", META_OTHER}, {"文件編號", META_OTHER}, {"文号", META_OTHER},
    {"文號", META_OTHER}, {"登记号", META_OTHER}, {"登記號", META_OTHER},
    {"公开方式", META_OTHER}, {"公開方式", META_OTHER}, {"公开范围", META_OTHER},
    {"公開範圍", META_OTHER}, {"主题分类", META_OTHER}, {"主題分類", META_OTHER},
    {"有效性", META_OTHER}, {"来源", META_OTHER}, {"來源", META_OTHER},
    {"信息来源", META_OTHER}, {"中文名", META_OTHER}, {"实施地区", META_OTHER},
    {"實施地區", META_OTHER}, {"发布时间", META_PUBLISHED}, {"發布時間", META_PUBLISHED},
    {"發佈時間", META_PUBLISHED}, {"发表时间", META_PUBLISHED}, {"發表時間", META_PUBLISHED},
    {"更新时间", META_PUBLISHED, 1}, {"時間", META_PUBLISHED, 1}, {"时间", META_PUBLISHED, 1},
    {"日期", META_PUBLISHED, 1}, {"文章来源", META_OTHER}, {"文章來源", META_OTHER},
    {"作者", META_OTHER}, {"点击数", META_OTHER}, {"點擊數", META_OTHER}, {"浏览次数", META_OTHER},
    {"瀏覽次數", META_OTHER}, {"阅读次数", META_OTHER}, {"访问量", META_OTHER},
    {"签发人", META_OTHER}, {"簽發人", META_OTHER}, {"发文字号", META_OTHER}, {"發文字號", META_OTHER},
};

/* Headings of what web pages put after an article. */
static const char *const trailer_marks[] = {
    "来源:", "来源：", "來源:", "來源：", "本文由", "本文来源", "相关新闻", "相關新聞",
    "相关阅读", "相關閱讀", "相关链接", "相關鏈接", "相关词条", "相關詞條", "热门词条",
    "熱門詞條", "FOLLOW US", "责任编辑", "責任編輯", "联系我们", "聯絡我們", "聯繫我們",
    "分享到", "打印本页", "关闭窗口", "上一篇", "下一篇", "扫一扫", "版权所有", "Copyright",
};

/* White space, and the zero-width characters that are invisible at a line's edges. */
static size_t edge_at(const char *s, size_t n)
{
    size_t k = lines_space_at(s, n);
    return k ? k : chrome_zero_width_at(s, n);
}

static void trim(const char *t, size_t *start, size_t *end)
{
    size_t k;
    while (*start < *end && (k = edge_at(t + *start, *end - *start)) > 0)
        *start += k;
    while (*end > *start) {
        size_t back = 0;                   /* try each width of trailing space */
        for (size_t w = 1; w <= 3 && w <= *end - *start; w++)
            if (edge_at(t + *end - w, w) == w) { back = w; break; }
        if (!back)
            break;
        *end -= back;
    }
}

static int starts_with(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

/* The field name at s, ignoring spaces inside it ("索 引 號"), followed by a colon.
 * Returns the bytes through the colon, 0 if none. */
static size_t meta_name_at(const char *s, size_t n, enum meta_key *key)
{
    for (size_t i = 0; i < sizeof meta_names / sizeof *meta_names; i++) {
        const char *p = meta_names[i].name;
        size_t j = 0;
        while (*p && j < n) {
            size_t sp = lines_space_at(s + j, n - j);
            if (sp && j > 0) { j += sp; continue; }
            if (s[j] != *p)
                break;
            j++, p++;
        }
        if (*p)
            continue;
        while (j < n && lines_space_at(s + j, n - j))
            j += lines_space_at(s + j, n - j);
        size_t colon = starts_with(s + j, n - j, ":") ? 1 : starts_with(s + j, n - j, "：") ? 3 : 0;
        if (!colon)
            continue;
        size_t v = j + colon;
        while (v < n && lines_space_at(s + v, n - v))
            v += lines_space_at(s + v, n - v);
        if (meta_names[i].dated && !(v < n && s[v] >= '0' && s[v] <= '9'))
            continue;
        return *key = meta_names[i].key, j + colon;
    }
    return 0;
}

/* "key:value key2:value2" on one line; each value runs to the next field name. */
static int parse_meta_line(const char *t, struct line *l)
{
    enum meta_key key;
    size_t i = l->start, k = meta_name_at(t + i, l->end - i, &key);
    if (!k)
        return 0;
    while (k && l->nfields < LINE_MAX_FIELDS) {
        struct meta_field *f = &l->field[l->nfields++];
        f->key = key;
        f->vstart = i + k;
        size_t j = f->vstart;
        k = 0;
        while (j < l->end && !(k = meta_name_at(t + j, l->end - j, &key)))
            j++;
        f->vend = j;
        trim(t, &f->vstart, &f->vend);
        i = j;
    }
    l->kind = LINE_META;
    return 1;
}

/* A row of a "|" table: "发布机构: | 区发改局 | 成文日期: | 2022-05-30 |". Cells holding
 * "name:" take the next cell as value. One lone cell is just content framed by pipes. */
static void parse_pipe_line(const char *t, struct line *l)
{
    size_t cell[16][2], ncell = 0, s = l->start;
    for (size_t i = l->start; i <= l->end; i++) {
        if (i < l->end && t[i] != '|')
            continue;
        size_t a = s, b = i;
        trim(t, &a, &b);
        if (b > a && ncell < 16)
            cell[ncell][0] = a, cell[ncell][1] = b, ncell++;
        s = i + 1;
    }
    if (ncell == 0) {
        l->start = l->end;            /* pipes only: nothing */
        return;
    }
    if (ncell == 1) {
        l->start = cell[0][0], l->end = cell[0][1];
        return;
    }
    for (size_t c = 0; c < ncell && l->nfields < LINE_MAX_FIELDS; c++) {
        enum meta_key key;
        size_t k = meta_name_at(t + cell[c][0], cell[c][1] - cell[c][0], &key);
        if (!k)
            continue;
        struct meta_field *f = &l->field[l->nfields++];
        f->key = key;
        f->vstart = cell[c][0] + k, f->vend = cell[c][1];
        trim(t, &f->vstart, &f->vend);
        if (f->vstart == f->vend && c + 1 < ncell &&
            !meta_name_at(t + cell[c + 1][0], cell[c + 1][1] - cell[c + 1][0], &key)) {
            f->vstart = cell[c + 1][0], f->vend = cell[c + 1][1];
            c++;
        }
    }
    l->kind = LINE_META;
}

static int is_pipe_line(const char *t, const struct line *l)
{
    if (t[l->start] == '|' || t[l->end - 1] == '|')
        return 1;
    for (size_t i = l->start + 1; i + 1 < l->end; i++)
        if (t[i] == '|' && t[i - 1] == ' ' && t[i + 1] == ' ')
            return 1;
    return 0;
}

/* A line of phone numbers, or a banner naming a hotline. */
static int is_phone_line(const char *t, const struct line *l)
{
    /* Digits and "-+() /" alone (a NUL too, as strchr counted it); the first other byte
     * ends the look. */
    size_t digits = 0, other = 0;
    for (size_t i = l->start; i < l->end && !other; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (!(c == '-' || c == '+' || c == '(' || c == ')' || c == ' ' || c == '/' ||
                   c == '\0'))
            other++;
    }
    if (digits >= 7 && other == 0)
        return 1;
    size_t n = l->end - l->start;
    return n < 120 && (memmem(t + l->start, n, "热线", 6) || memmem(t + l->start, n, "熱線", 6) ||
                       memmem(t + l->start, n, "咨询电话", 12));
}

static int is_trailer_mark(const char *t, const struct line *l)
{
    size_t s = l->start, n = l->end - l->start;
    if (starts_with(t + s, n, "("))
        s += 1, n -= 1;
    else if (starts_with(t + s, n, "（"))
        s += 3, n -= 3;
    for (size_t i = 0; i < sizeof trailer_marks / sizeof *trailer_marks; i++)
        if (starts_with(t + s, n, trailer_marks[i]) && n < 200)
            return 1;
    return 0;
}

/* A line of a table of contents: an entry, a leader (……, ....., ·····) and a page number,
 * or the heading 目录 itself. Such lines repeat the headings and are no part of the text. */
static int is_contents_line(const char *t, const struct line *l)
{
    static const char *const leaders[] = {"…", "⋯", "·", "．", ".", "-", "—", "_"};
    const char *s = t + l->start;
    size_t n = l->end - l->start, i = n, dots = 0, k;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && n - i < 4)
        i--;
    if (i == n || i == 0)
        return (n == 6 && !memcmp(s, "目录", 6)) || (n == 6 && !memcmp(s, "目錄", 6)) ||
               (n > 6 && (!memcmp(s, "目", 3)) && lines_space_at(s + 3, n - 3) &&
                (!memcmp(s + n - 3, "录", 3) || !memcmp(s + n - 3, "錄", 3)) &&
                3 + lines_space_at(s + 3, n - 3) == n - 3);
    for (int again = 1; again && i > 0;) {
        again = 0;
        if ((k = lines_space_at(s + i - 1, 1)) || (i >= 3 && lines_space_at(s + i - 3, 3) == 3)) {
            i -= k ? 1 : 3, again = 1;
            continue;
        }
        for (size_t w = 0; w < sizeof leaders / sizeof *leaders; w++) {
            size_t wl = strlen(leaders[w]);
            if (i >= wl && !memcmp(s + i - wl, leaders[w], wl)) {
                i -= wl, dots += wl == 1 ? 1 : 3, again = 1;
                break;
            }
        }
    }
    return dots >= 6 && i > 0;
}

/* "某某 发表于 2025-3-7 22:50:57": the date is the published one. */
static int parse_byline(const char *t, struct line *l)
{
    size_t d = chrome_byline_date(t + l->start, l->end - l->start);
    if (!d)
        return 0;
    l->kind = LINE_META;
    l->nfields = 1;
    l->field[0] = (struct meta_field){META_PUBLISHED, l->start + d, l->end};
    return 1;
}

static void classify(const char *t, struct line *l)
{
    if (is_pipe_line(t, l)) {
        parse_pipe_line(t, l);
        return;
    }
    size_t n = l->end - l->start, skip = chrome_prefix(t + l->start, n);
    if (skip == n || chrome_is_toolbar(t + l->start, n)) {
        l->kind = LINE_CHROME;    /* tool bars, navigation, breadcrumbs, link labels */
        return;
    }
    l->start += skip;             /* the text after "您现在的位置:首页>…>" */
    trim(t, &l->start, &l->end);
    if (starts_with(t + l->start, l->end - l->start, "•") ||
        starts_with(t + l->start, l->end - l->start, "·")) {
        l->kind = LINE_CHROME;     /* infobox bullets of encyclopedia pages */
        return;
    }
    if (is_contents_line(t, l))
        l->kind = LINE_CHROME;
    else if (is_trailer_mark(t, l))
        l->kind = LINE_TRAILER;
    else if (parse_byline(t, l) || parse_meta_line(t, l))
        ;
    else if (is_phone_line(t, l))
        l->kind = LINE_CHROME;
}

static int whole_row(const char *t, const struct line *l)
{
    return itable_is_row(t + l->whole_start, l->whole_end - l->whole_start);
}

/* Rows of "|" tables are metadata or chrome, except the tables of indicators: from a
 * header with an indicator column and years, every row of the table is content. */
static void mark_tables(const char *t, struct lines *L)
{
    for (size_t k = 0; k < L->n;) {
        const struct line *l = &L->v[k], *next = k + 1 < L->n ? &L->v[k + 1] : NULL;
        if (!whole_row(t, l) ||
            !itable_is_header(t + l->whole_start, l->whole_end - l->whole_start,
                              next ? t + next->whole_start : NULL,
                              next ? next->whole_end - next->whole_start : 0)) {
            k++;
            continue;
        }
        for (; k < L->n && whole_row(t, &L->v[k]); k++) {   /* the header and its rows */
            struct line *r = &L->v[k];
            *r = (struct line){.start = r->whole_start, .end = r->whole_end, .kind = LINE_TABLE,
                               .whole_start = r->whole_start, .whole_end = r->whole_end};
        }
    }
}

int lines_split(const char *t, size_t len, struct lines *out)
{
    size_t cap = 64;
    out->n = 0;
    out->v = malloc(cap * sizeof *out->v);
    if (!out->v)
        return -1;
    size_t i = 0, next_nl = 0, next_cr = 0;
    int have_nl = 0, have_cr = 0;
    while (i < len) {
        /* The line ends at the first '\n' or '\r'. memchr finds each faster than a loop
         * does; the next of each is kept until passed, so a text of '\r' alone (or of '\n'
         * alone) is still read once, not once a line. */
        if (!have_nl || next_nl < i) {
            const char *p = memchr(t + i, '\n', len - i);
            next_nl = p ? (size_t)(p - t) : len;
            have_nl = 1;
        }
        if (!have_cr || next_cr < i) {
            const char *p = memchr(t + i, '\r', len - i);
            next_cr = p ? (size_t)(p - t) : len;
            have_cr = 1;
        }
        size_t e = next_nl < next_cr ? next_nl : next_cr;
        struct line l = {.start = i, .end = e, .kind = LINE_TEXT};
        trim(t, &l.start, &l.end);
        l.whole_start = l.start, l.whole_end = l.end;
        if (l.end > l.start)
            classify(t, &l);
        if (l.end > l.start || l.nfields) {
            if (out->n == cap) {
                struct line *p = realloc(out->v, (cap *= 2) * sizeof *p);
                if (!p)
                    return lines_free(out), -1;
                out->v = p;
            }
            out->v[out->n++] = l;
        }
        i = e;
        if (i < len && t[i] == '\r')
            i++;
        if (i < len && t[i] == '\n')
            i++;
    }
    mark_tables(t, out);
    /* A field whose value stands alone on the next line ("公開日期:" / "2021-08-02"). */
    for (size_t k = 0; k + 1 < out->n; k++) {
        struct line *l = &out->v[k];
        if (l->kind == LINE_META && l->nfields == 1 && l->field[0].vstart == l->field[0].vend &&
            out->v[k + 1].kind == LINE_TEXT) {
            l->field[0].vstart = out->v[k + 1].start;
            l->field[0].vend = out->v[k + 1].end;
            out->v[k + 1].kind = LINE_META;
            out->v[k + 1].nfields = 0;
        }
    }
    return 0;
}

void lines_free(struct lines *l)
{
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
