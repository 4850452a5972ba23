/* tree.h — the sidebar: documents grouped by level, then chapters, then items. */
#ifndef GONGFU_TUI_TREE_H
#define GONGFU_TUI_TREE_H

#include <curses.h>
#include <stddef.h>
#include "keymap.h"

struct app;

enum trow_kind { TR_GROUP, TR_DOC, TR_NODE };

struct trow {
    enum trow_kind kind;
    int group;          /* index into the level groups */
    int doc;            /* index into app.docs, -1 for a group */
    int node;           /* index into the document's outline, -1 for a group or document */
    int depth;
};

struct tree {
    struct trow *rows;
    size_t n, cap;
    unsigned char *group_closed;   /* per level group */
    unsigned char *doc_open;       /* per document */
    unsigned char **node_open;     /* per document, per outline node (chapters) */
    size_t cur, top;
};

int tree_init(struct app *a);
void tree_free(struct app *a);
void tree_draw(struct app *a, WINDOW *w, int focused);
/* 1 if the command was the sidebar's. */
int tree_key(struct app *a, enum cmd c);
/* Opens the chapters above a section and moves the sidebar's cursor to it. */
void tree_reveal(struct app *a, int doc, int64_t node_id);
/* A click on row y of the pane. */
void tree_click(struct app *a, int y);

#endif
