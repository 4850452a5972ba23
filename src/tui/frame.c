/* frame.c — title bar, status line, divider. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/text.h"
#include "app.h"
#include "draw.h"
#include "frame.h"
#include "hint.h"
#include "layout.h"

/* The reader's place as pieces: region, chapter, item (from the outline). Returns how
 * many; each is malloc'd. */
static int place_parts(const struct app *a, char *parts[3])
{
    const struct reader *r = &a->reader;
    int n = 0;
    if (r->doc < 0)
        return 0;
    const struct doc_row *d = &a->corpus.docs[r->doc];
    parts[n++] = strdup(d->region && *d->region ? d->region : d->slug);
    int node = reader_outline_node(a);
    const struct outline *ol = &a->corpus.outlines[r->doc];
    int chain[2], depth = 0;
    for (int i = node; i >= 0 && depth < 2;) {
        if (ol->nodes[i].kind != NODE_PREAMBLE)
            chain[depth++] = i;
        int64_t parent = ol->nodes[i].parent_id;
        i = parent ? corpus_outline_index(&a->corpus, r->doc, parent) : -1;
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

void frame_title(struct app *a, WINDOW *w)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_TITLE);
    draw_fill(w, 0, 0, wd, at);
    char key[32], help[64];
    snprintf(help, sizeof help, "%s 帮助 ",
             hint_key(&a->keys, KCTX_GENERIC, CMD_HELP, key, sizeof key));
    int hw = draw_width(help, strlen(help));
    int room = wd - hw - 1;
    a->title_help_x = room;
    if (room < 10) {
        draw_trunc(w, 0, 0, " gongfu", 7, wd, at);
        return;
    }
    char lead[64];
    snprintf(lead, sizeof lead, " gongfu %s ", glyph(G_HLINE));
    int x = draw_text(w, 0, 0, lead, strlen(lead), room, at);
    const char *view = a->view == VIEW_COMPARE ? "指标对比：各地区目标"
                       : a->view == VIEW_SEARCH ? "搜索所有措施"
                       : a->view == VIEW_HELP ? "帮助" : NULL;
    if (view) {
        draw_trunc(w, 0, x, view, strlen(view), room - x, at);
    } else {
        char *parts[3] = { 0 };
        int n = place_parts(a, parts);
        draw_place(w, x, room - x, parts, n, at);
        for (int i = 0; i < n; i++)
            free(parts[i]);
    }
    draw_text(w, 0, wd - hw, help, strlen(help), hw, at);
}

/* The status line's hint for what has the keys: its name, then its main keys. */
static const char *focus_hint(const struct app *a, char *buf, size_t n)
{
#define END { CMD_NONE, CMD_NONE, "", "" }
    static const struct hint compare[] = {
        { CMD_LEFT, CMD_RIGHT, "/", "选列" }, { CMD_SORT, CMD_NONE, "", "排序" },
        { CMD_FILTER, CMD_NONE, "", "筛选" }, { CMD_EXPORT, CMD_NONE, "", "导出" },
        { CMD_ENTER, CMD_NONE, "", "原文" }, { CMD_QUIT, CMD_NONE, "", "返回" }, END,
    };
    static const struct hint help[] = { { CMD_QUIT, CMD_NONE, "", "返回" }, END };
    static const struct hint tree[] = {
        { CMD_ENTER, CMD_NONE, "", "打开" }, { CMD_LEFT, CMD_RIGHT, "/", "折叠/展开" },
        { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, END,
    };
    static const struct hint panel[] = {
        { CMD_LEFT, CMD_RIGHT, "/", "选地区" }, { CMD_ENTER, CMD_NONE, "", "跳到原文" },
        { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, END,
    };
    static const struct hint reader[] = {
        { CMD_NEXT_TARGET, CMD_PREV_TARGET, " ", "指标" }, { CMD_SEARCH, CMD_NONE, "", "搜索" },
        { CMD_COMPARE, CMD_NONE, "", "对比" }, { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, END,
    };
#undef END
    const struct hint *h = reader;
    const char *lead = "阅读";
    enum kctx ctx = KCTX_READER;
    if (a->view == VIEW_COMPARE)
        h = compare, lead = NULL, ctx = KCTX_COMPARE;
    else if (a->view == VIEW_HELP)
        h = help, lead = NULL, ctx = KCTX_HELP;
    else if (a->focus == PANE_TREE)
        h = tree, lead = "侧栏", ctx = KCTX_TREE;
    else if (a->focus == PANE_PANEL)
        h = panel, lead = "指标栏", ctx = KCTX_PANEL;
    char line[400];
    hint_line(&a->keys, ctx, h, "  ", line, sizeof line);
    snprintf(buf, n, "%s%s%s", lead ? lead : "", lead && *line ? "  " : "", line);
    return buf;
}

void frame_status(struct app *a, WINDOW *w)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_STATUS);
    if (a->view == VIEW_SEARCH) {
        finder_draw_prompt(a, w);
        return;
    }
    if (a->view == VIEW_COMPARE && a->compare.filter.active) {
        compare_draw_prompt(a, w);
        return;
    }
    draw_fill(w, 0, 0, wd, at);
    char right[600] = "";
    if (a->view == VIEW_MAIN)
        reader_position(a, right, sizeof right);
    else if (a->view == VIEW_COMPARE && a->compare.filter_text[0])
        snprintf(right, sizeof right, "筛选: %s", a->compare.filter_text);
    int rw = draw_width(right, strlen(right));
    if (rw + 2 > wd)
        rw = 0;
    char hint[512];
    const char *left = a->msg[0] ? a->msg : focus_hint(a, hint, sizeof hint);
    if (a->pending == CMD_MARK)
        left = "设书签：按一个字母";
    else if (a->pending == CMD_JUMP_MARK)
        left = "回到书签：按一个字母";
    attr_t lat = a->msg[0] ? theme_attr(a->msg_role) : at;
    draw_trunc(w, 0, 1, left, strlen(left), wd - rw - 3, lat);
    if (rw)
        draw_text(w, 0, wd - rw - 1, right, strlen(right), rw, at);
}

void frame_divider(struct app *a, WINDOW *w)
{
    (void)a;
    int h = getmaxy(w);
    const char *g = glyph(G_VLINE);
    for (int y = 0; y < h; y++)
        draw_text(w, y, 0, g, strlen(g), 1, theme_attr(ROLE_BORDER));
}

void frame_small(struct app *a, WINDOW *w)
{
    int h = getmaxy(w), wd = getmaxx(w);
    char msg[256], key[32];
    snprintf(msg, sizeof msg, "终端太小（%d×%d），请至少放大到 %d×%d。%s 退出", COLS, LINES,
             LAYOUT_MIN_COLS, LAYOUT_MIN_LINES,
             hint_key(&a->keys, KCTX_GENERIC, CMD_QUIT, key, sizeof key));
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    struct text_line *l = NULL;
    size_t n = text_wrap(msg, strlen(msg), wd, &l);
    for (size_t i = 0; i < n && (int)i < h; i++)
        draw_text(w, (int)i, 0, msg + l[i].start, l[i].end - l[i].start, wd,
                  theme_attr(ROLE_NORMAL));
    free(l);
}
