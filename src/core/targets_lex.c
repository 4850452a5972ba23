/* targets_lex.c — the folded character view of a text, and the words of commitment:
 * comparators, units, closing words, and what makes a phrase measurable. All words are
 * written folded (Simplified); Traditional text folds to them. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "targets_int.h"

static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x3000;
}

int ttext_build(const char *s, size_t n, struct ttext *t)
{
    memset(t, 0, sizeof *t);
    t->src = s;
    t->srclen = n;
    size_t flen, *map = NULL;
    char *f = fold_utf8(s, n, &flen, &map);
    if (!f)
        return -1;
    t->v = malloc((flen + 1) * sizeof *t->v);
    if (!t->v) {
        free(f);
        free(map);
        return -1;
    }
    size_t k = 0;
    int gap = 0;
    for (size_t i = 0; i < flen;) {
        uint32_t c;
        size_t len = fold_decode(f + i, flen - i, &c), off = map[i];
        uint32_t oc;
        size_t olen = off < n ? fold_decode(s + off, n - off, &oc) : 0;
        i += len;
        if (is_space(c)) {
            /* A space between two digits separates numbers ("3.5 16." is not 3.516). */
            uint32_t next = 0;
            for (size_t j = i; j < flen;) {
                size_t l2 = fold_decode(f + j, flen - j, &next);
                if (!is_space(next))
                    break;
                j += l2;
                next = 0;
            }
            if (!(k && tx_digit(t->v[k - 1].c) && tx_digit(next))) {
                gap = 1;
                continue;
            }
            c = ' ';
        }
        t->v[k++] = (struct tchar){ c, off, off + olen, gap };
        gap = 0;
    }
    t->v[k] = (struct tchar){ 0, n, n, 0 };
    t->n = k;
    free(f);
    free(map);
    return 0;
}

void ttext_free(struct ttext *t)
{
    free(t->v);
    t->v = NULL;
    t->n = 0;
}

size_t tx_at(const struct ttext *t, size_t i, size_t lim, const char *word)
{
    size_t k = 0, wl = strlen(word);
    for (size_t b = 0; b < wl; k++) {
        uint32_t c;
        b += fold_decode(word + b, wl - b, &c);
        if (i + k >= lim || t->v[i + k].c != c)
            return 0;
    }
    return k;
}

size_t tx_before(const struct ttext *t, size_t lo, size_t i, const char *word)
{
    size_t wl = strlen(word), k = 0;
    for (size_t b = 0; b < wl; k++) {
        uint32_t c;
        b += fold_decode(word + b, wl - b, &c);
    }
    if (k > i || i - k < lo)
        return 0;
    return tx_at(t, i - k, i, word) == k ? k : 0;
}

size_t tx_at_any(const struct ttext *t, size_t i, size_t lim, const char *const *words,
                 int *which)
{
    size_t best = 0;
    for (int w = 0; words[w]; w++) {
        size_t l = tx_at(t, i, lim, words[w]);
        if (l > best) {
            best = l;
            if (which)
                *which = w;
        }
    }
    return best;
}

size_t tx_before_any(const struct ttext *t, size_t lo, size_t i, const char *const *words,
                     int *which)
{
    size_t best = 0;
    for (int w = 0; words[w]; w++) {
        size_t l = tx_before(t, lo, i, words[w]);
        if (l > best) {
            best = l;
            if (which)
                *which = w;
        }
    }
    return best;
}

int tx_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0xF900 && c <= 0xFAFF);
}

int tx_clause_end(const struct ttext *t, size_t i)
{
    uint32_t c = t->v[i].c;
    if (i >= t->n)
        return 1;
    if (c == ',' || c == ';' || c == 0x3002 || c == ':' || c == '!' || c == '?' ||
        c == '\n' || c == 0xFF61)
        return 1;
    /* "——" (two em dashes) opens the next goal in a bulleted list. */
    return c == 0x2014 && t->v[i + 1].c == 0x2014;
}

int tx_quote(uint32_t c)
{
    return c == 0x201C || c == 0x201D || c == '"' || c == 0x300C || c == 0x300D ||
           c == 0x300E || c == 0x300F || c == 0x300A || c == 0x300B || c == '\'' ||
           c == 0x2018 || c == 0x2019;
}

char *tx_fold(const struct ttext *t, size_t a, size_t b)
{
    char *out = malloc((b > a ? b - a : 0) * 4 + 1), *p = out;
    if (!out)
        return NULL;
    for (size_t i = a; i < b; i++)
        if (!tx_quote(t->v[i].c))
            p += fold_encode(t->v[i].c, p);
    *p = 0;
    return out;
}

char *tx_orig(const struct ttext *t, size_t a, size_t b)
{
    if (b <= a)
        return strdup("");
    return strndup(t->src + t->v[a].off, t->v[b - 1].end - t->v[a].off);
}

char *tx_orig_chars(const struct ttext *t, size_t a, size_t b)
{
    size_t len = 0;
    for (size_t i = a; i < b; i++)
        if (i == a || t->v[i].off != t->v[i - 1].off)
            len += t->v[i].end - t->v[i].off;
    char *out = malloc(len + 1), *p = out;
    if (!out)
        return NULL;
    for (size_t i = a; i < b; i++)
        if (i == a || t->v[i].off != t->v[i - 1].off) {
            memcpy(p, t->src + t->v[i].off, t->v[i].end - t->v[i].off);
            p += t->v[i].end - t->v[i].off;
        }
    *p = 0;
    return out;
}

/* Longest first is not needed: tx_at_any keeps the longest match. */
const struct cmp_word lex_verbs[] = {
    { "达到或超过", CMP_GE, 0 }, { "达到或高于", CMP_GE, 0 },
    { "不低于", CMP_GE, 0 }, { "不少于", CMP_GE, 0 }, { "不小于", CMP_GE, 0 },
    { "达到", CMP_EQ, 0 }, { "达", CMP_EQ, 0 }, { "为", CMP_EQ, 0 },
    { "提高到", CMP_EQ, 0 }, { "提高至", CMP_EQ, 0 }, { "提升到", CMP_EQ, 0 },
    { "提升至", CMP_EQ, 0 }, { "增加到", CMP_EQ, 0 }, { "增加至", CMP_EQ, 0 },
    { "增长到", CMP_EQ, 0 }, { "增长至", CMP_EQ, 0 }, { "增至", CMP_EQ, 0 },
    { "扩大到", CMP_EQ, 0 }, { "扩大至", CMP_EQ, 0 }, { "扩至", CMP_EQ, 0 }, { "上升到", CMP_EQ, 0 },
    { "上升至", CMP_EQ, 0 }, { "升至", CMP_EQ, 0 }, { "保持在", CMP_EQ, 0 },
    { "稳定在", CMP_EQ, 0 }, { "维持在", CMP_EQ, 0 }, { "在", CMP_EQ, 0 },
    { "保持", CMP_EQ, 0 }, { "维持", CMP_EQ, 0 },
    { "提高", CMP_EQ, TF_GROWTH }, { "提升", CMP_EQ, TF_GROWTH },
    { "增加", CMP_EQ, TF_GROWTH }, { "增长", CMP_EQ, TF_GROWTH },
    { "年均增长", CMP_EQ, TF_CUMULATIVE | TF_GROWTH },
    { "年均提高", CMP_EQ, TF_CUMULATIVE | TF_GROWTH }, { "累计达到", CMP_EQ, TF_CUMULATIVE },
    { "累计达", CMP_EQ, TF_CUMULATIVE }, { "约", CMP_APPROX, TF_APPROX },
    { "控制在", CMP_LE, 0 }, { "缩小到", CMP_LE, 0 }, { "缩小至", CMP_LE, 0 },
    { "缩减到", CMP_LE, 0 }, { "降至", CMP_LE, 0 }, { "降到", CMP_LE, 0 },
    { "降低到", CMP_LE, 0 }, { "降低至", CMP_LE, 0 }, { "下降到", CMP_LE, 0 },
    { "下降至", CMP_LE, 0 }, { "减少到", CMP_LE, 0 }, { "减少至", CMP_LE, 0 },
    { "压减到", CMP_LE, 0 }, { "压减至", CMP_LE, 0 }, { "不高于", CMP_LE, 0 },
    { "不超过", CMP_LE, 0 }, { "不大于", CMP_LE, 0 }, { "不多于", CMP_LE, 0 },
    { "超过", CMP_GT, 0 }, { "超", CMP_GT, 0 }, { "突破", CMP_GT, 0 },
    { "高于", CMP_GT, 0 }, { "大于", CMP_GT, 0 }, { "多于", CMP_GT, 0 },
    { "低于", CMP_LT, 0 }, { "小于", CMP_LT, 0 }, { "少于", CMP_LT, 0 },
    { NULL, 0, 0 },
};

/* The comparator word ending at i: its length, and what it means. */
size_t lex_verb_before(const struct ttext *t, size_t lo, size_t i, enum target_cmp *cmp,
                          unsigned *flags)
{
    size_t best = 0;
    for (const struct cmp_word *w = lex_verbs; w->w; w++) {
        size_t l = tx_before(t, lo, i, w->w);
        if (l > best) {
            best = l;
            *cmp = w->cmp;
            *flags = w->flags;
        }
    }
    return best;
}

/* Units a number carries; a multiplier (万, 亿 …) may come first, a "/" per-unit after. */
static const char *const base_units[] = {
    "%", "‰", "个百分点", "百分点", "个", "家", "所", "名", "人次", "人", "户", "套", "张",
    "幢", "床", "元", "美元", "岁", "年", "天", "小时", "分钟", "吨标准煤", "吨", "标准箱", "标箱",
    "箱", "立方米", "平方米", "平方公里", "公里", "千米", "米", "亩", "公顷", "斤", "公斤",
    "千克", "克", "微克", "毫克", "列", "艘", "座", "条", "项", "批", "处", "台", "辆", "架",
    "件", "册", "场", "次", "部", "间", "栋", "株", "棵", "块", "片", "支", "只", "头", "位",
    "倍", "千瓦时", "千瓦", "兆瓦", "千伏", "分", "级", "星", "类", "种", "份", "篇", "本",
    "幅", "期", "届", "周", "个月", "秒", "m2", "m3", "km", "kg", NULL,
};
static const char *const per_units[] = { "日", "月", "年", "天", "人", "户", "亩", NULL };
static const char *const multipliers[] = { "十", "百", "千", "万", "亿", NULL };

static size_t unit_part(const struct ttext *t, size_t i, size_t lim, int per)
{
    size_t j = i, l;
    for (int k = 0; k < 3; k++) {
        if (tx_at_any(t, j, lim, base_units, NULL) || !(l = tx_at_any(t, j, lim, multipliers, NULL)))
            break;
        j += l;
    }
    l = tx_at_any(t, j, lim, base_units, NULL);
    if (per) {
        size_t lp = tx_at_any(t, j, lim, per_units, NULL);
        l = lp > l ? lp : l;
    }
    if (!l && j > i && !tx_han(t->v[j].c))
        return j - i;              /* a bare multiplier: "投资4500亿" */
    return l ? j + l - i : 0;
}

size_t lex_unit(const struct ttext *t, size_t i, size_t lim)
{
    size_t l = unit_part(t, i, lim, 0);
    if (!l)
        return 0;
    if (i + l < lim && t->v[i + l].c == '/') {
        size_t p = unit_part(t, i + l + 1, lim, 1);
        if (p)
            l += 1 + p;
    }
    return l;
}

static const char *const suffixes[] = {
    "以上", "及以上", "以下", "及以下", "以内", "之内", "左右", NULL,
};
static const enum target_cmp suffix_cmp[] = {
    CMP_GE, CMP_GE, CMP_LE, CMP_LE, CMP_LE, CMP_LE, CMP_APPROX,
};

size_t lex_suffix(const struct ttext *t, size_t i, size_t lim, enum target_cmp *cmp)
{
    int w = 0;
    size_t l = tx_at_any(t, i, lim, suffixes, &w);
    if (l)
        *cmp = suffix_cmp[w];
    return l;
}

/* The nouns a measurable indicator ends with; the first group are rates and shares. */
static const char *const rate_heads[] = { "率", "比例", "比重", "占比", NULL };
static const char *const amount_heads[] = {
    "指数", "系数", "度", "收入", "总值", "产值", "增加值", "寿命", "年限", "面积", "浓度",
    "密度", "数", "量", "额", "规模", "增速", "增幅", "标准", "指标", "效率", "倍差", "天数",
    "比", NULL,
};
/* Words that end like a measure but are not one. */
static const char *const not_heads[] = {
    "制度", "力度", "态度", "角度", "高度", "深度", "广度", "尺度", "进度", "难度", "年度",
    "额度", "质量", "力量", "能量", "分量", "少数", "多数", "无数", "对比", "类比", NULL,
};

int lex_measurable(const struct ttext *t, size_t a, size_t b, int *rate)
{
    *rate = 0;
    while (b > a && (t->v[b - 1].c == ')' || t->v[b - 1].c == 0x201D))
        b--;
    if (b <= a)
        return 0;
    if (tx_before_any(t, a, b, not_heads, NULL))
        return 0;
    if (tx_before_any(t, a, b, rate_heads, NULL)) {
        *rate = 1;
        return 1;
    }
    return tx_before_any(t, a, b, amount_heads, NULL) > 0;
}
