/* frame.c — title bar, status line, divider, the too-small message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/text.h"
#include "draw.h"
#include "frame.h"
#include "theme.h"
#include "ui.h"

/* The reader's place as pieces: region, chapter, item (from the outline). Returns how
 * many; each is malloc'd. */
static int place_parts(const struct corpus *c, const struct selection *s, char *parts[3])
{
    int n = 0;
    if (s->doc < 0)
        return 0;
    const struct doc_row *d = &c->docs[s->doc];
    /* An incomplete source says so where the reader always looks (doc_note.h). */
    char *first = NULL;
    if (asprintf(&first, "%s%s", d->region && *d->region ? d->region : d->slug,
                 d->note ? "（原文不完整）" : "") < 0)
        first = NULL;
    parts[n++] = first;
    const struct outline *ol = corpus_outline(c, s->doc);
    int chain[2], depth = 0;
    for (int i = s->node; i >= 0 && depth < 2;) {
        if (ol->nodes[i].kind != NODE_PREAMBLE)
            chain[depth++] = i;
        int64_t parent = ol->nodes[i].parent_id;
        i = parent ? corpus_outline_index(c, s->doc, parent) : -1;
    }
    while (depth-- > 0) {
        const struct node_row *nr = &ol->nodes[chain[depth]];
        parts[n++] = node_heading(nr->kind, nr->label, nr->title);
    }
    return n;
}

/* Draws "A › B › C" in at most room columns, shortening the middle piece (the chapter)
 * first so the item, the most specific place, stays readable. */
static int draw_place(WINDOW *w, int x, int room, char **parts, int n, attr_t at)
{
    const char *sep = glyph(G_SEP);
    int sw = draw_width(sep, strlen(sep)) + 2, total = 0, pw[3];
    for (int i = 0; i < n; i++) {
        pw[i] = parts[i] ? draw_width(parts[i], strlen(parts[i])) : 0;
        total += pw[i] + (i ? sw : 0);
    }
    static const int order3[] = { 1, 2, 0 }, order2[] = { 1, 0 }, order1[] = { 0 };
    const int *order = n == 3 ? order3 : n == 2 ? order2 : order1;
    for (int k = 0; k < n && total > room; k++) {
        int i = order[k], cut = pw[i] - 6;
        if (cut <= 0)
            continue;
        if (cut > total - room)
            cut = total - room;
        pw[i] -= cut;
        total -= cut;
    }
    int used = 0;
    for (int i = 0; i < n && used < room; i++) {
        if (i) {
            char s[16];
            snprintf(s, sizeof s, " %s ", sep);
            used += draw_text(w, 0, x + used, s, strlen(s), room - used, at);
        }
        int lim = pw[i] < room - used ? pw[i] : room - used;
        if (parts[i])
            used += draw_trunc(w, 0, x + used, parts[i], strlen(parts[i]), lim, at);
    }
    return used;
}

int frame_title(WINDOW *w, const struct corpus *c, const struct selection *s,
                const char *view_title, const char *help)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_TITLE);
    draw_fill(w, 0, 0, wd, at);
    int hw = draw_width(help, strlen(help));
    int room = wd - hw - 1;
    if (room < 10) {
        draw_trunc(w, 0, 0, " gongfu", 7, wd, at);
        return room;
    }
    char lead[64];
    snprintf(lead, sizeof lead, " gongfu %s ", glyph(G_HLINE));
    int x = draw_text(w, 0, 0, lead, strlen(lead), room, at);
    if (view_title) {
        draw_trunc(w, 0, x, view_title, strlen(view_title), room - x, at);
    } else {
        char *parts[3] = { 0 };
        int n = place_parts(c, s, parts);
        draw_place(w, x, room - x, parts, n, at);
        for (int i = 0; i < n; i++)
            free(parts[i]);
    }
    draw_text(w, 0, wd - hw, help, strlen(help), hw, at);
    return room;
}

void frame_status(WINDOW *w, const char *left, attr_t left_at, const char *right)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_STATUS);
    draw_fill(w, 0, 0, wd, at);
    int rw = draw_width(right, strlen(right));
    if (rw + 2 > wd)
        rw = 0;
    draw_trunc(w, 0, 1, left, strlen(left), wd - rw - 3, left_at);
    if (rw)
        draw_text(w, 0, wd - rw - 1, right, strlen(right), rw, at);
}

void frame_divider(WINDOW *w)
{
    int h = getmaxy(w);
    const char *g = glyph(G_VLINE);
    for (int y = 0; y < h; y++)
        draw_text(w, y, 0, g, strlen(g), 1, theme_attr(ROLE_BORDER));
}

void frame_small(WINDOW *w, const char *quit_key)
{
    int h = getmaxy(w), wd = getmaxx(w);
    char msg[256];
    snprintf(msg, sizeof msg, "终端太小（%d×%d），请至少放大到 %d×%d。%s 退出", COLS, LINES,
             LAYOUT_MIN_COLS, LAYOUT_MIN_LINES, quit_key);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    struct text_line *l = NULL;
    size_t n = text_wrap(msg, strlen(msg), wd, &l);
    for (size_t i = 0; i < n && (int)i < h; i++)
        draw_text(w, (int)i, 0, msg + l[i].start, l[i].end - l[i].start, wd,
                  theme_attr(ROLE_NORMAL));
    free(l);
}
