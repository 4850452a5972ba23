/* finder.h — the incremental search: a prompt over every measure of every plan (the
 * core's search engine), a results list that follows each keystroke, and the hits the
 * reader highlights and n/N move between. */
#ifndef GONGFU_TUI_FINDER_H
#define GONGFU_TUI_FINDER_H

#include <curses.h>
#include <stddef.h>
#include "keymap.h"
#include "prompt.h"
#include "reader.h"

struct app;
struct search;
struct search_hit;

struct finder {
    struct search *engine;      /* NULL when the database has no search index */
    char why[256];              /* why not */
    struct prompt prompt;
    const struct search_hit *hits;
    size_t nhits;
    size_t cur, top;
    long opened;                /* the result last opened in the reader, -1 if none */
    struct secspan **doc_spans; /* per document: its hits, for the reader */
    size_t *ndoc_spans;
    double last_ms;             /* time of the last query, for the status line */
};

int finder_init(struct app *a);
void finder_free(struct app *a);
/* Opens the search view with the prompt holding text (NULL: the last query). */
void finder_start(struct app *a, const char *text);
size_t finder_doc_spans(struct app *a, int doc, const struct secspan **out);
/* A command of the search context while the view is up (CMD_NONE: k is typed). */
void finder_key(struct app *a, enum cmd c, keycode k);
void finder_draw(struct app *a, WINDOW *w);
void finder_draw_prompt(struct app *a, WINDOW *w);
/* n / N in the reader: the next hit in the document, else the next result's. */
void finder_next(struct app *a, int dir);

#endif
