/* targets_value.c — recognising a committed value in a clause: a number with its unit
 * and closing word standing at the end of the clause (or of one member of a list), as
 * opposed to the numbers that are dates, years, codes, item numbers, names ("5G",
 * "“991”计划") or modifiers of a noun ("15分钟公共服务圈", "10—50万元的群体"). A count may
 * also stand before its noun ("培育3家本科医学院校"). */
#include <math.h>
#include <stdlib.h>
#include "targets_int.h"

#define MAX_DIGITS 15
#define MAX_CHINESE 8

/* Skips a run of ASCII letters, digits and dots: the number belongs to a name. */
static size_t skip_word(const struct ttext *t, size_t i, size_t lim)
{
    while (i < lim && (tx_alpha(t->v[i].c) || tx_digit(t->v[i].c) || t->v[i].c == '.'))
        i++;
    return i;
}

/* Reads digits[.digits] at i; returns its end, or i when there is no number. */
static size_t read_number(const struct ttext *t, size_t i, size_t lim, size_t *ndigits)
{
    size_t p = i;
    while (p < lim && tx_digit(t->v[p].c))
        p++;
    *ndigits = p - i;
    if (p > i && p + 1 < lim && t->v[p].c == '.' && tx_digit(t->v[p + 1].c)) {
        p++;
        while (p < lim && tx_digit(t->v[p].c))
            p++;
    }
    return p;
}

static double number_value(const struct ttext *t, size_t a, size_t b)
{
    char buf[64];
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < sizeof buf; i++)
        buf[k++] = (char)t->v[i].c;
    buf[k] = 0;
    return strtod(buf, NULL);
}

/* Switches, not a search of a table: do_clause asks at every character of a clause. */
static int val_chinese_digit(uint32_t c)
{
    switch (c) {
    case 0x4E00: return 1;   /* 一 */
    case 0x4E8C: return 2;   /* 二 */
    case 0x4E24: return 2;   /* 两 */
    case 0x4E09: return 3;   /* 三 */
    case 0x56DB: return 4;   /* 四 */
    case 0x4E94: return 5;   /* 五 */
    case 0x516D: return 6;   /* 六 */
    case 0x4E03: return 7;   /* 七 */
    case 0x516B: return 8;   /* 八 */
    case 0x4E5D: return 9;   /* 九 */
    default: return 0;
    }
}

static int chinese_unit(uint32_t c)
{
    switch (c) {
    case 0x5341: return 10;          /* 十 */
    case 0x767E: return 100;         /* 百 */
    case 0x5343: return 1000;        /* 千 */
    case 0x4E07: return 10000;       /* 万 */
    case 0x4EBF: return 100000000;   /* 亿 */
    default: return 0;
    }
}

int val_chinese_numeral(uint32_t c)
{
    return val_chinese_digit(c) || chinese_unit(c);
}

/* 百 → 100, 两 → 2, 三千 → 3000, 一万五千 → 15000; *end after the numeral. */
static double chinese_value(const struct ttext *t, size_t i, size_t lim, size_t *end)
{
    double total = 0, section = 0, digit = 0;
    size_t p = i;
    for (; p < lim && p < i + MAX_CHINESE; p++) {
        uint32_t c = t->v[p].c;
        int d = val_chinese_digit(c), u = chinese_unit(c);
        if (d) {
            digit = d;
        } else if (u >= 10000) {
            total = (total + section + (digit ? digit : (section || total ? 0 : 1))) * u;
            section = digit = 0;
        } else if (u) {
            section += (digit ? digit : 1) * u;
            digit = 0;
        } else {
            break;
        }
    }
    *end = p;
    return total + section + digit;
}

static int is_dash(uint32_t c)
{
    return c == '-' || c == 0x2014 || c == 0x2013 || c == 0x2015 || c == '~' || c == 0x81F3 ||
           c == 0x5230; /* - — – ― ~ 至 到 */
}

/* An aside right after a value, "0.8万套(户)": skipped when short and without digits. */
static size_t skip_aside(const struct ttext *t, size_t p, size_t lim)
{
    if (p >= lim || t->v[p].c != '(')
        return p;
    for (size_t q = p + 1; q < lim && q < p + 10; q++) {
        if (t->v[q].c == ')')
            return q + 1;
        if (tx_digit(t->v[q].c) || tx_clause_end(t, q))
            return p;
    }
    return p;
}

/* 1 when the year-like number at i..p is a calendar year: "2025年", "2021-2025". */
static int is_year(const struct ttext *t, size_t i, size_t p, size_t nd, size_t lim)
{
    if (nd != 4 || p - i != 4)
        return 0;
    double y = number_value(t, i, p);
    if (y < 1900 || y > 2100)
        return 0;
    if (p < lim && t->v[p].c == 0x5E74) /* 年 */
        return 1;
    return p + 1 < lim && is_dash(t->v[p].c) && tx_digit(t->v[p + 1].c);
}

static int is_join(uint32_t c)
{
    return lex_sep(LEX_SEP_JOIN, c);
}

/* The counted noun after "3家": up to the clause's end, a 、, or 和 before the next count. */
static size_t noun_end(const struct ttext *t, size_t q, size_t lim)
{
    while (q < lim && !lex_sep(LEX_SEP_ENUM, t->v[q].c) && !(is_join(t->v[q].c) && q + 1 < lim &&
                                                tx_digit(t->v[q + 1].c)))
        q++;
    return q;
}

/* A measured value in [a, b), outside quotation marks: a number after a comparator or
 * growth verb ("增长5.3%", "超150家"), or a rate or a sum ("投资1.5万亿元"); not another
 * count ("15所高职院校21个专业群") or a name ("30强", "5G"). */
static int value_within(const struct ttext *t, size_t a, size_t b)
{
    int open = 0;
    for (size_t i = a; i < b; i++) {
        uint32_t c = t->v[i].c;
        open += tx_quote(c) ? (lex_sep(LEX_QUOTE_CLOSE, c) ? -(open > 0) : 1) : 0;
        if (open || !tx_digit(c) || (i > a && tx_digit(t->v[i - 1].c)))
            continue;
        enum target_cmp vc;
        unsigned vf;
        size_t e = i;
        while (e < b && (tx_digit(t->v[e].c) || t->v[e].c == '.'))
            e++;
        int sum = 0;
        for (size_t k = e; k < b && k < e + 3 && !sum; k++)
            sum = t->v[k].c == 0x5143;                                  /* 元 */
        if (lex_verb_before(t, a, i, &vc, &vf) || (e < b && t->v[e].c == '%') || sum)
            return 1;
        i = e;
    }
    return 0;
}

/* After a number, characters that make it part of a name: 2.0版, 5号, 3型, 第五代. */
static int names_thing(uint32_t c)
{
    return lex_sep(LEX_NAME_MARKS, c);
}

/* "…不低于4%的指标要求": a value stated as a requirement or goal still commits. */
static int states_goal(const struct ttext *t, size_t q, size_t lim)
{
    if (t->v[q].c != 0x7684 || lim - q > 6) /* 的 */
        return 0;
    return tx_before(t, q, lim, "要求") || tx_before(t, q, lim, "目标");
}

/* 万 or 亿 at i before a noun, not 多 ("80万重点群体"; "14亿多人口" is rhetoric). */
static int multiplier_noun(const struct ttext *t, size_t i, size_t lim)
{
    return i + 1 < lim && (t->v[i].c == 0x4E07 || t->v[i].c == 0x4EBF) &&   /* 万 亿 */
           tx_han(t->v[i + 1].c) && t->v[i + 1].c != 0x591A;
}

/* Reads the number: digits (with a range "10—50" or "1到2"), or Chinese numerals. */
static int read_value(const struct ttext *t, size_t cs, size_t i, size_t lim, int chinese,
                      struct val *v, size_t *next)
{
    uint32_t prev = i > cs ? t->v[i - 1].c : 0;
    if (chinese) {
        size_t p, hp;
        chinese_value(t, i, lim, &p);
        /* 万 and 亿 ending the numeral go with the unit, as after digits: "百万辆" is
         * 100 万辆, "万亿元" 1 万亿元 (the unit's span starts inside the numeral's). */
        size_t k = p;
        while (k > i && (t->v[k - 1].c == 0x4E07 || t->v[k - 1].c == 0x4EBF))   /* 万 亿 */
            k--;
        double x = k > i ? chinese_value(t, i, k, &hp) : 1;
        *next = p;
        *v = (struct val){ .ns = i, .ne = p, .value = x, .hi = NAN, .chinese = 1 };
        size_t ul = lex_unit(t, p, lim);
        v->us = k;
        v->ue = p + ul;
        return ul > 0 && x > 0;
    }
    /* A number just inside a quotation names something ("“991”计划"); one after a quoted
     * name counts it ("“四好农村路”600公里"). */
    int opens = tx_quote(prev) && !lex_sep(LEX_QUOTE_CLOSE, prev);
    if (tx_alpha(prev) || tx_digit(prev) || prev == '.' || prev == 0x7B2C /* 第 */ || opens ||
        ((prev == '-' || prev == '/') && i >= cs + 2 && tx_digit(t->v[i - 2].c))) {
        *next = skip_word(t, i, lim);
        return 0;
    }
    size_t nd, p = read_number(t, i, lim, &nd);
    *next = p;
    if (nd > MAX_DIGITS || (nd > 1 && t->v[i].c == '0') || is_year(t, i, p, nd, lim))
        return 0;
    uint32_t c = t->v[p].c;
    if (p < lim && (tx_alpha(c) || c == '.' || tx_quote(c) || c == '/' ||
                    c == 0x6708 || c == 0x65E5 || c == 0x53F7)) { /* 月 日 号: a date */
        *next = skip_word(t, p, lim);
        return 0;
    }
    *v = (struct val){ .ns = i, .ne = p, .value = number_value(t, i, p), .hi = NAN };
    /* "8000多个", "3400多万人次", "3000多万群众": more than the number. */
    size_t u = p;
    if (p + 1 < lim && t->v[p].c == 0x591A && (lex_unit(t, p + 1, lim) ||   /* 多 */
                                               multiplier_noun(t, p + 1, lim))) {
        u = p + 1;
        v->more = 1;
    }
    /* "7万多家": the 多 after the multiplier; the unit is 万家, read around it. */
    size_t ml = 0;
    if (u == p && p + 2 < lim && (t->v[p].c == 0x4E07 || t->v[p].c == 0x4EBF) &&
        t->v[p + 1].c == 0x591A && (ml = lex_unit(t, p + 2, lim)) > 0) {
        v->more = 1;
        v->more_at = p + 1;
        v->us = p;
        v->ue = p + 2 + ml;
        u = v->ue;
    }
    size_t ul = ml ? 0 : lex_unit(t, u, lim), q = u + ul;
    if (!ml) {
        v->us = u;
        v->ue = q;
    }
    ul += ml;
    if (q + 1 < lim && is_dash(t->v[q].c) && tx_digit(t->v[q + 1].c)) {
        size_t nd2, p2 = read_number(t, q + 1, lim, &nd2);
        *next = p2;
        if (nd2 > MAX_DIGITS || (p2 < lim && (is_dash(t->v[p2].c) || tx_alpha(t->v[p2].c) ||
                                              t->v[p2].c == 0x5E74)))
            return 0;       /* a date, a code, or a span of years */
        v->ne = p2;
        v->hi = number_value(t, q + 1, p2);
        size_t ul2 = lex_unit(t, p2, lim);
        if (ul2)
            v->us = p2, v->ue = p2 + ul2;
    }
    /* "80万重点群体": a multiplier alone before a noun counts it. */
    if (!ul && multiplier_noun(t, u, lim))
        v->ue = u + 1;
    return 1;
}

int val_parse(const struct ttext *t, size_t cs, size_t i, size_t lim, int chinese,
              struct val *v, size_t *next)
{
    *next = i + 1;
    if (!read_value(t, cs, i, lim, chinese, v, next))
        return VAL_NO;
    size_t q = skip_aside(t, v->ue > v->ne ? v->ue : v->ne, lim);
    size_t sl = lex_suffix(t, q, lim, &v->scmp);
    v->has_suffix = sl > 0;
    if (v->more && !sl)
        v->has_suffix = 1, v->scmp = CMP_GT;
    q = skip_aside(t, q + sl, lim);
    v->end = q;
    *next = q > i ? q : i + 1;
    int unit = v->ue > v->us;
    if (q >= lim || tx_clause_end(t, q))
        return VAL_OK;
    uint32_t c = t->v[q].c;
    if (lex_sep(LEX_SEP_ENUM, c) || c == ')' || (c == '(' && unit))   /* 、, or an aside */
        return VAL_OK;
    if (lex_sep(LEX_CLAUSE_JOINS, c) && (unit || sl))
        return VAL_OK;                 /* "不低于10%并逐步提升" */
    if (is_join(c) && q + 1 < lim && (tx_digit(t->v[q + 1].c) || chinese))
        return VAL_OK;                 /* 和 before the next value of a list */
    enum target_cmp vc;
    unsigned vf;
    /* "达到 10.17 高标准…": a number needs a measure word before a noun, so a bare one
     * after a comparator (or a gap) is the end of a clause that lost its stop. */
    if (!unit && !sl && tx_han(c) && !names_thing(c) && !chinese &&
        (t->v[q].gap || lex_verb_before(t, cs, i, &vc, &vf)))
        return VAL_OK;
    if (states_goal(t, q, lim))
        return VAL_OK;
    int pct = unit && (t->v[v->ue - 1].c == '%' || t->v[v->ue - 1].c == 0x2030);
    /* "按增长5%安排", "安排…国债3000亿元支持…": a rate or a sum before a verb ends its
     * clause (a share's noun or a count's would follow); 安排 closes the 按 before the
     * value, so the next phrase starts after it. */
    size_t vl = tx_at_any(t, q, lim, lex_action_verbs, NULL);
    if (vl && (pct || (unit && t->v[v->ue - 1].c == 0x5143))) {             /* 元 */
        if (tx_at(t, q, lim, "安排"))
            v->end = q + vl, *next = v->end;
        return VAL_OK;
    }
    if (isnan(v->hi) && (tx_han(c) || c == '(') && (pct || (!unit && sl && v->scmp == CMP_GE))) {
        v->lost_pct = !pct;
        return VAL_SHARE;              /* "65%以上的村…", Taizhou's "50以上县(市、区)…" */
    }
    /* Chinese numerals count with a measure word only ("新增百万亩国土绿化行动" names a
     * campaign). */
    if (unit && (tx_han(c) || tx_quote(c)) && c != 0x7684 && !names_thing(c) &&
        (tx_before_any(t, v->us, v->ue, lex_classifiers, NULL) ||
         (!chinese && tx_before_any(t, v->us, v->ue, lex_counted_measures, NULL)))) {
        v->noun_end = noun_end(t, q, lim);
        /* "17个重点传统制造业增加值增长5.3%": a value further on makes the count part of
         * its subject, not a count of its own. */
        return value_within(t, q, v->noun_end) ? VAL_NO : VAL_PRE;
    }
    return VAL_NO;
}
