/* docx_style.c — styles.xml and numbering.xml: heading styles, and the labels Word
 * generates for numbered paragraphs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/xmlreader.h>
#include "gongfu/array.h"
#include "docx_style.h"
#include "docx_xml.h"

static struct docx_style *style_by_id(const struct docx_styles *s, const char *id)
{
    for (size_t i = 0; id && i < s->nstyle; i++)
        if (!strcmp(s->style[i].id, id))
            return &s->style[i];
    return NULL;
}

/* "heading 3", "Heading3", "标题 3" → 3; "Title"/"标题" → 1. */
static int heading_from_name(const char *name)
{
    const char *digits = NULL;
    if (!strncasecmp(name, "heading", 7))
        digits = name + 7;
    else if (!strncmp(name, "标题", 6))
        digits = name + 6;
    else
        return !strcasecmp(name, "title");
    while (*digits == ' ')
        digits++;
    if (!*digits)
        return 1;
    int k = atoi(digits);
    return k >= 1 && k <= DOCX_LEVELS ? k : 0;
}

static void read_styles(struct docx_styles *s, const char *buf, size_t n)
{
    xmlTextReaderPtr r = docx_xml_open(buf, n);
    struct docx_style *cur = NULL;
    while (r && docx_xml_next(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || !docx_xml_is_w(r))
            continue;
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        if (!strcmp(name, "style")) {
            if (array_grow((void **)&s->style, &s->capstyle, s->nstyle + 1, sizeof *s->style)) {
                s->oom = 1;
                break;
            }
            cur = &s->style[s->nstyle++];
            memset(cur, 0, sizeof *cur);
            cur->id = docx_xml_attr(r, "styleId");
            if (!cur->id)
                cur->id = strdup("");
        } else if (cur && !strcmp(name, "name")) {
            char *v = docx_xml_attr(r, "val");
            if (v && !cur->heading)
                cur->heading = heading_from_name(v);
            if (v && (!strncasecmp(v, "toc ", 4) || !strcasecmp(v, "toc heading") ||
                      !strncmp(v, "目录", 6)))
                cur->contents = 1;
            free(v);
        } else if (cur && !strcmp(name, "basedOn")) {
            free(cur->based_on);
            cur->based_on = docx_xml_attr(r, "val");
        } else if (cur && !strcmp(name, "outlineLvl")) {
            int k = docx_xml_int(r, "val", 9);
            if (k >= 0 && k < DOCX_LEVELS)
                cur->heading = k + 1;
        } else if (cur && !strcmp(name, "numId")) {
            cur->num_id = docx_xml_int(r, "val", 0);
        } else if (cur && !strcmp(name, "ilvl")) {
            cur->ilvl = docx_xml_int(r, "val", 0);
        }
    }
    xmlFreeTextReader(r);
}

static void read_numbering(struct docx_styles *s, const char *buf, size_t n)
{
    xmlTextReaderPtr r = docx_xml_open(buf, n);
    struct docx_abstract *abs = NULL;
    struct docx_level *lvl = NULL;
    struct docx_num *num = NULL;
    int over = -1;
    while (r && docx_xml_next(r) == 1 && !s->oom) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT || !docx_xml_is_w(r))
            continue;
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        if (!strcmp(name, "abstractNum")) {
            if (array_grow((void **)&s->abs, &s->capabs, s->nabs + 1, sizeof *s->abs))
                s->oom = 1;
            else {
                abs = &s->abs[s->nabs++];
                memset(abs, 0, sizeof *abs);
                abs->id = docx_xml_int(r, "abstractNumId", -1);
                num = NULL, lvl = NULL;
            }
        } else if (abs && !num && !strcmp(name, "lvl")) {
            int k = docx_xml_int(r, "ilvl", -1);
            lvl = k >= 0 && k < DOCX_LEVELS ? &abs->lvl[k] : NULL;
            if (lvl)
                lvl->start = 1, lvl->suffix = ' ';
        } else if (lvl && !num && !strcmp(name, "start")) {
            lvl->start = docx_xml_int(r, "val", 1);
        } else if (lvl && !num && !strcmp(name, "numFmt")) {
            char *v = docx_xml_attr(r, "val");
            snprintf(lvl->fmt, sizeof lvl->fmt, "%s", v ? v : "decimal");
            free(v);
        } else if (lvl && !num && !strcmp(name, "lvlText")) {
            free(lvl->text);
            lvl->text = docx_xml_attr(r, "val");
        } else if (lvl && !num && !strcmp(name, "isLgl")) {
            lvl->legal = 1;
        } else if (lvl && !num && !strcmp(name, "suff")) {
            char *v = docx_xml_attr(r, "val");
            lvl->suffix = v && !strcmp(v, "nothing") ? 0 : ' ';
            free(v);
        } else if (!strcmp(name, "num")) {
            if (array_grow((void **)&s->num, &s->capnum, s->nnum + 1, sizeof *s->num))
                s->oom = 1;
            else {
                num = &s->num[s->nnum++];
                memset(num, 0, sizeof *num);
                num->id = docx_xml_int(r, "numId", -1);
                for (int k = 0; k < DOCX_LEVELS; k++)
                    num->start_override[k] = -1;
                abs = NULL, lvl = NULL;
            }
        } else if (num && !strcmp(name, "abstractNumId")) {
            num->abstract = docx_xml_int(r, "val", -1);
        } else if (num && !strcmp(name, "lvlOverride")) {
            over = docx_xml_int(r, "ilvl", -1);
        } else if (num && !strcmp(name, "startOverride") && over >= 0 && over < DOCX_LEVELS) {
            num->start_override[over] = docx_xml_int(r, "val", 1);
        }
    }
    xmlFreeTextReader(r);
}

int docx_styles_load(struct docx_styles *s, const char *styles, size_t ns,
                     const char *numbering, size_t nn)
{
    memset(s, 0, sizeof *s);
    if (styles)
        read_styles(s, styles, ns);
    if (numbering && !s->oom)
        read_numbering(s, numbering, nn);
    return s->oom ? -1 : 0;
}

void docx_styles_free(struct docx_styles *s)
{
    for (size_t i = 0; i < s->nstyle; i++)
        free(s->style[i].id), free(s->style[i].based_on);
    for (size_t i = 0; i < s->nabs; i++)
        for (int k = 0; k < DOCX_LEVELS; k++)
            free(s->abs[i].lvl[k].text);
    free(s->style), free(s->abs), free(s->num);
    memset(s, 0, sizeof *s);
}

int docx_style_heading(const struct docx_styles *s, const char *id)
{
    const struct docx_style *st = style_by_id(s, id);
    for (int hops = 0; st && hops < 16; hops++, st = style_by_id(s, st->based_on))
        if (st->heading)
            return st->heading;
    return 0;
}

int docx_style_contents(const struct docx_styles *s, const char *id)
{
    const struct docx_style *st = style_by_id(s, id);
    for (int hops = 0; st && hops < 16; hops++, st = style_by_id(s, st->based_on))
        if (st->contents)
            return 1;
    return 0;
}

void docx_style_numbering(const struct docx_styles *s, const char *id, int *num_id, int *ilvl)
{
    const struct docx_style *st = style_by_id(s, id);
    *num_id = 0, *ilvl = 0;
    for (int hops = 0; st && hops < 16; hops++, st = style_by_id(s, st->based_on))
        if (st->num_id) {
            *num_id = st->num_id, *ilvl = st->ilvl;
            return;
        }
}

void docx_number_next(struct docx_styles *s, int num_id, int ilvl, char *buf, size_t cap)
{
    buf[0] = '\0';
    struct docx_num *num = NULL;
    for (size_t i = 0; i < s->nnum && !num; i++)
        if (s->num[i].id == num_id)
            num = &s->num[i];
    struct docx_abstract *abs = NULL;
    for (size_t i = 0; num && i < s->nabs && !abs; i++)
        if (s->abs[i].id == num->abstract)
            abs = &s->abs[i];
    if (!abs || ilvl < 0 || ilvl >= DOCX_LEVELS)
        return;
    const struct docx_level *lv = &abs->lvl[ilvl];
    int start = num->start_override[ilvl] >= 0 ? num->start_override[ilvl] : lv->start;
    num->count[ilvl] = num->count[ilvl] ? num->count[ilvl] + 1 : start;
    for (int k = ilvl + 1; k < DOCX_LEVELS; k++)
        num->count[k] = 0;                    /* deeper levels start again */
    if (!lv->text || !strcmp(lv->fmt, "bullet") || !strcmp(lv->fmt, "none"))
        return;
    size_t w = 0;
    for (const char *p = lv->text; *p && w + 1 < cap; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            const struct docx_level *of = &abs->lvl[k];
            int value = num->count[k] ? num->count[k] :
                        (num->start_override[k] >= 0 ? num->start_override[k] : of->start);
            w += docx_format_number(value, lv->legal ? "decimal" : of->fmt, buf + w, cap - w);
            p++;
        } else {
            buf[w++] = *p;
        }
    }
    if (lv->suffix && w + 1 < cap)
        buf[w++] = (char)lv->suffix;
    buf[w < cap ? w : cap - 1] = '\0';
}

/* ---- numbers as list formats write them ------------------------------------------ */

static size_t put(char *buf, size_t cap, size_t w, const char *s)
{
    size_t k = strlen(s);
    if (w + k < cap)
        memcpy(buf + w, s, k), w += k;
    if (w < cap)
        buf[w] = '\0';
    return w;
}

static size_t put_cp(char *buf, size_t cap, size_t w, unsigned cp)
{
    char u[5] = {0};
    if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
    else
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (cp & 0x3F));
    return put(buf, cap, w, u);
}

/* 1 … 9999 in Chinese counting ("二十一", "一百零五"); legal: 贰拾壹. */
static size_t chinese(int v, int legal, char *buf, size_t cap)
{
    static const char *const dig[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const char *const ldig[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    static const char *const unit[] = {"千", "百", "十", ""}, *const lunit[] = {"仟", "佰", "拾", ""};
    const char *const *d = legal ? ldig : dig, *const *u = legal ? lunit : unit;
    int part[4] = {v / 1000 % 10, v / 100 % 10, v / 10 % 10, v % 10};
    size_t w = 0;
    int started = 0, zero = 0;
    for (int i = 0; i < 4; i++) {
        if (!part[i]) {
            zero = started;
            continue;
        }
        if (zero)
            w = put(buf, cap, w, "零");
        /* 十一 … 十九, not 一十一 */
        if (!(i == 2 && !started && part[i] == 1 && !legal))
            w = put(buf, cap, w, d[part[i]]);
        w = put(buf, cap, w, u[i]);
        started = 1, zero = 0;
    }
    return w;
}

static size_t roman(int v, int upper, char *buf, size_t cap)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v",
                                      "iv", "i"};
    size_t w = 0;
    for (int i = 0; i < 13; i++)
        for (; v >= val[i]; v -= val[i])
            for (const char *p = sym[i]; *p; p++) {
                char c[2] = {(char)(upper ? *p - 32 : *p), 0};
                w = put(buf, cap, w, c);
            }
    return w;
}

size_t docx_format_number(int v, const char *fmt, char *buf, size_t cap)
{
    static const char *const gan = "甲乙丙丁戊己庚辛壬癸", *const zhi = "子丑寅卯辰巳午未申酉戌亥";
    size_t w = 0;
    if (cap)
        buf[0] = '\0';
    if (v < 0 || !cap)
        return 0;
    if (v >= 1 && v <= 9999 && (!strncmp(fmt, "chineseCounting", 15) ||
                               !strncmp(fmt, "japaneseCounting", 16) ||
                               !strncmp(fmt, "taiwaneseCounting", 17)))
        return chinese(v, 0, buf, cap);
    if (v >= 1 && v <= 9999 && !strncmp(fmt, "chineseLegal", 12))
        return chinese(v, 1, buf, cap);
    if (v >= 1 && v <= 10 && !strcmp(fmt, "ideographTraditional"))
        return put(buf, cap, 0, (char[4]){gan[(v - 1) * 3], gan[(v - 1) * 3 + 1],
                                          gan[(v - 1) * 3 + 2], 0});
    if (v >= 1 && v <= 12 && !strcmp(fmt, "ideographZodiac"))
        return put(buf, cap, 0, (char[4]){zhi[(v - 1) * 3], zhi[(v - 1) * 3 + 1],
                                          zhi[(v - 1) * 3 + 2], 0});
    if (v >= 1 && v <= 20 && !strncmp(fmt, "decimalEnclosedCircle", 21))
        return put_cp(buf, cap, 0, 0x2460 + (unsigned)v - 1);
    if (v >= 1 && v <= 20 && !strcmp(fmt, "decimalEnclosedParen"))
        return put_cp(buf, cap, 0, 0x2474 + (unsigned)v - 1);
    if (v >= 1 && v <= 20 && !strcmp(fmt, "decimalEnclosedFullstop"))
        return put_cp(buf, cap, 0, 0x2488 + (unsigned)v - 1);
    if (v >= 1 && v <= 3999 && (!strcmp(fmt, "upperRoman") || !strcmp(fmt, "lowerRoman")))
        return roman(v, fmt[0] == 'u', buf, cap);
    if (v >= 1 && (!strcmp(fmt, "upperLetter") || !strcmp(fmt, "lowerLetter"))) {
        char c[2] = {(char)((fmt[0] == 'u' ? 'A' : 'a') + (v - 1) % 26), 0};
        for (int k = 0; k <= (v - 1) / 26 && k < 8; k++)
            w = put(buf, cap, w, c);
        return w;
    }
    char num[16];
    snprintf(num, sizeof num, !strcmp(fmt, "decimalZero") && v < 10 ? "0%d" : "%d", v);
    int full = !strncmp(fmt, "decimalFullWidth", 16), ideo = !strcmp(fmt, "ideographDigital");
    for (char *p = num; *p; p++) {
        if (full)
            w = put_cp(buf, cap, w, 0xFF10 + (unsigned)(*p - '0'));
        else if (ideo)
            w = put(buf, cap, w, (const char *const[]){"〇", "一", "二", "三", "四", "五", "六",
                                                       "七", "八", "九"}[*p - '0']);
        else
            w = put(buf, cap, w, (char[2]){*p, 0});
    }
    return w;
}
