/* heading.h — recognising the numbered headings of plan documents: chapters "一、" … "十一、"
 * or "第一章", items "1." "28." "1. " "1、", "（一）" "(十三) ", "（1）" "(12)", "第一节" and
 * "第一条". Only the shape is checked here; whether
 * a number fits the sequence is structure.c's business. */
#ifndef GONGFU_HEADING_H
#define GONGFU_HEADING_H

#include <stddef.h>

enum heading_kind {
    HEADING_NONE, HEADING_CHAPTER, HEADING_ITEM_ARABIC, HEADING_ITEM_PAREN,
    HEADING_ITEM_PAREN_ARABIC, HEADING_ITEM_SECTION, HEADING_ITEM_ARTICLE,
};

struct heading {
    enum heading_kind kind;
    int number;
    size_t label_start, label_end;   /* the label as written: "四", "15", "（三）" */
    size_t end;                      /* where the heading's title begins */
    int named;                       /* written 第…章/节/条 rather than 一、 */
};

/* The value of a Chinese numeral (一 … 九十九, 〇/零 allowed), or -1. Reads n bytes. */
int heading_cn_number(const char *s, size_t n);
/* Recognises a heading starting exactly at s[0]; n is what remains of the line. */
int heading_at(const char *s, size_t n, struct heading *h);

#endif
