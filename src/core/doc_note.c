/* doc_note.c — notes on a document's source (doc_note.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc_note.h"

int doc_note_incomplete(struct doc *d)
{
    const struct node *first = NULL;
    for (size_t i = 0; i < d->nnodes && !first; i++)
        if (d->nodes[i].kind == NODE_CHAPTER || d->nodes[i].kind == NODE_ITEM)
            first = &d->nodes[i];
    if (!first || first->ordinal <= 1 || !first->label)
        return 0;
    /* The label as the document writes it: "六、", "28.", "（三）". */
    const char *sep = first->kind == NODE_CHAPTER ? "、"
                    : first->label[0] >= '0' && first->label[0] <= '9' ? "." : "";
    char *note = NULL;
    if (asprintf(&note, "原文不完整：从“%s%s”开始，此前的部分未导入", first->label, sep) < 0)
        return -1;
    free(d->note);
    d->note = note;
    return 0;
}
