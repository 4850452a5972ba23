/* doc_note.c — notes on a document's source (doc_note.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc_note.h"

/* Room for the items a note names as missing ("第14—15条、第27—28条…"). */
#define GAPS_N 256

/* Appends "第a条" or "第a—b条" to buf (n bytes) for every run of item numbers skipped
 * in reading order: an item numbered past the one before it + 1, where numbering does
 * not start again (it may, per chapter: 1 2 3 | 1 2). */
static void item_gaps(const struct doc *d, char *buf, size_t n)
{
    size_t used = 0;
    int prev = 0;
    for (size_t i = 0; i < d->nnodes; i++) {
        const struct node *nd = &d->nodes[i];
        if (nd->kind != NODE_ITEM || nd->ordinal <= 0)
            continue;
        if (prev && nd->ordinal > prev + 1 && used + 32 < n) {
            int a = prev + 1, b = nd->ordinal - 1;
            int w = a == b ? snprintf(buf + used, n - used, "%s第%d条", used ? "、" : "", a)
                           : snprintf(buf + used, n - used, "%s第%d—%d条", used ? "、" : "", a, b);
            used += w > 0 ? (size_t)w : 0;
        }
        prev = nd->ordinal;
    }
}

int doc_note_incomplete(struct doc *d)
{
    const struct node *first = NULL;
    for (size_t i = 0; i < d->nnodes && !first; i++)
        if (d->nodes[i].kind == NODE_CHAPTER || d->nodes[i].kind == NODE_ITEM)
            first = &d->nodes[i];
    char start[128] = "", gaps[GAPS_N] = "";
    if (first && first->ordinal > 1 && first->label) {
        /* The label as the document writes it: "六、", "28.", "（三）". */
        const char *sep = first->kind == NODE_CHAPTER ? "、"
                        : first->label[0] >= '0' && first->label[0] <= '9' ? "." : "";
        snprintf(start, sizeof start, "从“%s%s”开始，此前的部分未导入", first->label, sep);
    }
    item_gaps(d, gaps, sizeof gaps);
    if (!start[0] && !gaps[0])
        return 0;
    char *note = NULL;
    if (asprintf(&note, "原文不完整：%s%s%s%s", start, start[0] && gaps[0] ? "；" : "",
                 gaps[0] ? "缺" : "", gaps) < 0)
        return -1;
    free(d->note);
    d->note = note;
    return 0;
}
