/* doc_note.h — what a reader must know of a document's source before trusting what it
 * lacks: an imported text that begins mid-document (a newspaper's second page, "(紧接第二
 * 版)" and item 28) has lost its first part, and one whose numbered items skip numbers (13
 * then 16) has lost those items, so a region with no target in it may have set one there.
 * The note is shown by `gongfu docs` and in the explorer's title line. */
#ifndef GONGFU_DOC_NOTE_H
#define GONGFU_DOC_NOTE_H

#include "gongfu/doc.h"

/* Sets d->note (malloc'd) when the document begins mid-text: its first numbered part is
 * not the first (a chapter after 一, an item after 1 with no chapter before it), or its
 * items, in reading order, skip numbers where the numbering does not start again ("缺第
 * 14—15条"). Leaves it NULL otherwise. 0, or -1 out of memory. */
int doc_note_incomplete(struct doc *d);

#endif
