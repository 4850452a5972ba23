/* heading.c — the shapes of numbered headings. */
#include <string.h>
#include "gongfu/heading.h"
#include "gongfu/lines.h"

/* Item numbers up to 99,999: a long list of measures passes 999; a number only counts
 * as a heading when it continues the sequence, so years and figures stay text. */
#define ITEM_DIGITS 5

static const char *const cn_digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* A Chinese digit 0..9 at s, or 10 for 十, -1 otherwise; *len gets its byte length. */
static int cn_digit(const char *s, size_t n, size_t *len)
{
    if (n < 3)
        return -1;
    *len = 3;
    for (int d = 0; d < 10; d++)
        if (memcmp(s, cn_digits[d], 3) == 0)
            return d;
    if (memcmp(s, "零", 3) == 0)
        return 0;
    if (memcmp(s, "十", 3) == 0)
        return 10;
    return -1;
}

/* Bytes of the longest run of Chinese numeral characters at s. */
static size_t cn_run(const char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n && cn_digit(s + i, n - i, &k) >= 0)
        i += k;
    return i;
}

int heading_cn_number(const char *s, size_t n)
{
    int v[4], nv = 0;
    size_t i = 0, k;
    while (i < n && nv < 4) {
        int d = cn_digit(s + i, n - i, &k);
        if (d < 0)
            return -1;
        v[nv++] = d;
        i += k;
    }
    if (i != n || nv == 0)
        return -1;
    if (nv == 1)
        return v[0] == 0 ? -1 : v[0];                         /* 一 … 十 */
    if (nv == 2 && v[0] == 10 && v[1] > 0 && v[1] < 10)
        return 10 + v[1];                                   /* 十一 */
    if (nv == 2 && v[0] > 1 && v[0] < 10 && v[1] == 10)
        return v[0] * 10;                                   /* 二十 */
    if (nv == 3 && v[0] > 1 && v[0] < 10 && v[1] == 10 && v[2] > 0 && v[2] < 10)
        return v[0] * 10 + v[2];                            /* 二十八 */
    return -1;
}

static int starts(const char *s, size_t n, const char *p, size_t *len)
{
    size_t k = strlen(p);
    if (n >= k && memcmp(s, p, k) == 0)
        return *len = k, 1;
    return 0;
}

/* Skips spaces after a label; the title must then begin with something other than a
 * digit or closing punctuation, else this was a number, not a heading ("1.6以内"). A
 * chapter title may begin with a year ("一、2018年工作回顾"): a Chinese numeral and 、 are no
 * part of a number. */
static int finish(const char *s, size_t n, size_t i, struct heading *h)
{
    size_t sp;
    while (i < n && (sp = lines_space_at(s + i, n - i)))
        i += sp;
    if (i >= n) {
        h->end = i;                   /* a bare label at the end of a line */
        return 1;
    }
    unsigned char c = (unsigned char)s[i];
    if ((c >= '0' && c <= '9' && h->kind != HEADING_CHAPTER) || c == '%' || c == '.' ||
        c == ',' || c == ')')
        return 0;
    static const char *const no_start[] = {"、", "，", "。", "％", "）", "：", "；"};
    for (size_t k = 0; k < sizeof no_start / sizeof *no_start; k++)
        if (n - i >= 3 && memcmp(s + i, no_start[k], 3) == 0)
            return 0;
    h->end = i;
    return 1;
}

/* 第一章 第二节 第三条: the kind the word after the numeral names, or HEADING_NONE. */
static enum heading_kind named_kind(const char *s, size_t n, size_t *len)
{
    static const struct {
        const char *word;
        enum heading_kind kind;
    } words[] = {{"章", HEADING_CHAPTER}, {"节", HEADING_ITEM_SECTION}, {"節", HEADING_ITEM_SECTION},
                 {"条", HEADING_ITEM_ARTICLE}, {"條", HEADING_ITEM_ARTICLE}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (starts(s, n, words[i].word, len))
            return words[i].kind;
    return HEADING_NONE;
}

int heading_at(const char *s, size_t n, struct heading *h)
{
    size_t k, open = 0;
    memset(h, 0, sizeof *h);
    /* 第一章  第十二节  第三十条 */
    if (starts(s, n, "第", &open)) {
        size_t run = cn_run(s + open, n - open);
        int v = run ? heading_cn_number(s + open, run) : -1;
        enum heading_kind kind = v > 0 ? named_kind(s + open + run, n - open - run, &k)
                                       : HEADING_NONE;
        if (kind != HEADING_NONE) {
            *h = (struct heading){kind, v, 0, open + run + k, open + run + k, .named = 1};
            if (finish(s, n, open + run + k, h))
                return 1;
        }
        memset(h, 0, sizeof *h);
    }
    /* 一、 */
    size_t run = cn_run(s, n);
    if (run && starts(s + run, n - run, "、", &k)) {
        int v = heading_cn_number(s, run);
        size_t len;
        /* "一、二、三产业" is a list of numerals, not a chapter. */
        if (v > 0 && cn_digit(s + run + k, n - run - k, &len) < 0) {
            *h = (struct heading){HEADING_CHAPTER, v, 0, run, run + k};
            if (finish(s, n, run + k, h))
                return 1;
        }
    }
    /* 28.  1. 1、 1． — up to ITEM_DIGITS digits (structure.c wants the sequence) */
    size_t d = 0;
    while (d < n && d < ITEM_DIGITS && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d > 0 && d < n && !(d < n && s[d] >= '0' && s[d] <= '9') && s[0] != '0') {
        if (starts(s + d, n - d, ".", &k) || starts(s + d, n - d, "．", &k) ||
            starts(s + d, n - d, "、", &k)) {
            int v = 0;
            for (size_t i = 0; i < d; i++)
                v = v * 10 + (s[i] - '0');
            *h = (struct heading){HEADING_ITEM_ARABIC, v, 0, d, d + k};
            if (finish(s, n, d + k, h))
                return 1;
        }
    }
    /* （一）  (十三) */
    if (starts(s, n, "（", &open) || starts(s, n, "(", &open)) {
        run = cn_run(s + open, n - open);
        int v = run ? heading_cn_number(s + open, run) : -1;
        if (v > 0 && (starts(s + open + run, n - open - run, "）", &k) ||
                      starts(s + open + run, n - open - run, ")", &k))) {
            *h = (struct heading){HEADING_ITEM_PAREN, v, 0, open + run + k, open + run + k};
            if (finish(s, n, open + run + k, h))
                return 1;
        }
    }
    /* （1）  (12): items numbered in brackets, often across the chapters of a document */
    if (starts(s, n, "（", &open) || starts(s, n, "(", &open)) {
        size_t k2 = 0;
        d = 0;
        while (open + d < n && d < ITEM_DIGITS && s[open + d] >= '0' && s[open + d] <= '9')
            d++;
        if (d > 0 && s[open] != '0' && (starts(s + open + d, n - open - d, "）", &k2) ||
                                        starts(s + open + d, n - open - d, ")", &k2))) {
            int v = 0;
            for (size_t i = 0; i < d; i++)
                v = v * 10 + (s[open + i] - '0');
            *h = (struct heading){HEADING_ITEM_PAREN_ARABIC, v, 0, open + d + k2, open + d + k2};
            if (finish(s, n, open + d + k2, h))
                return 1;
        }
    }
    memset(h, 0, sizeof *h);
    return 0;
}
