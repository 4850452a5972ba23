/* help.c — the help view (help_ops), generated from the command table and the bindings
 * in force, so it lists exactly the keys that work: one section per context, one line
 * per command with its keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "ui.h"

struct help_line {
    char *keys;         /* NULL for a heading */
    char *text;
};

struct help {
    struct help_line *lines;
    size_t n;
    size_t top;
};

/* How the help names the contexts. */
static const char *const ctx_titles[KCTX_COUNT] = {
    [KCTX_GENERIC] = "所有窗格", [KCTX_TREE] = "侧栏（文档与章节）",
    [KCTX_READER] = "阅读区", [KCTX_PANEL] = "指标栏", [KCTX_COMPARE] = "对比视图",
    [KCTX_SEARCH] = "搜索（打字即时搜索）", [KCTX_HELP] = "帮助", [KCTX_ASK] = "问答",
    [KCTX_PROMPT] = "输入框（搜索、对比视图的筛选、提问）", [KCTX_MARK] = "设书签或回到书签时",
};

/* What an unbound printable character does in a typing context. */
static const char *const typed[KCTX_COUNT] = {
    [KCTX_PROMPT] = "输入这个字", [KCTX_MARK] = "书签的字母：a–z 或 A–Z",
};

static int add(struct help *h, const char *keys, const char *text)
{
    struct help_line *v = realloc(h->lines, (h->n + 1) * sizeof *v);
    if (!v)
        return -1;
    h->lines = v;
    v[h->n].keys = keys ? strdup(keys) : NULL;
    v[h->n].text = strdup(text);
    h->n++;
    return 0;
}

static int help_init(struct pane *p)
{
    struct help *h = p->state;
    const struct keymap *km = p->ui->keys;
    static const struct hint close[] = {
        { CMD_QUIT, CMD_ESCAPE, " 或 ", "关闭帮助" }, { CMD_NONE, CMD_NONE, "", "" },
    };
    char line[256], head[400];
    snprintf(head, sizeof head, "gongfu 共富 — 共同富裕规划浏览器。按 %s。",
             hint_line(km, KCTX_HELP, close, "", line, sizeof line));
    add(h, NULL, head);
    for (int x = 0; x < KCTX_COUNT; x++) {
        int heading = 0;
        for (int c = 1; c < CMD_COUNT; c++) {
            keycode keys[8];
            size_t n = keymap_keys(km, (enum kctx)x, (enum cmd)c, keys, 8);
            if (!n)
                continue;
            if (!heading) {
                add(h, "", "");
                add(h, NULL, ctx_titles[x]);
                heading = 1;
            }
            char buf[256] = "";
            size_t o = 0;
            for (size_t k = 0; k < n && o < sizeof buf - 40; k++) {
                char name[32];
                key_format(keys[k], name, sizeof name);
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", k ? " " : "", name);
            }
            add(h, buf, cmd_help((enum cmd)c));
        }
        if (heading && typed[x])
            add(h, "其他字符", typed[x]);
    }
    add(h, "", "");
    add(h, NULL, "按键可在 ~/.config/gongfu/keys.conf 中修改（格式见 data/keys.conf）");
    return 0;
}

static void help_free(struct pane *p)
{
    struct help *h = p->state;
    for (size_t i = 0; i < h->n; i++) {
        free(h->lines[i].keys);
        free(h->lines[i].text);
    }
    free(h->lines);
    memset(h, 0, sizeof *h);
}

static void help_draw(struct pane *p, int focused)
{
    struct help *hp = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    int kw = wd > 70 ? 28 : wd / 3;
    if (hp->n > (size_t)h && hp->top > hp->n - (size_t)h)
        hp->top = hp->n - (size_t)h;
    if (hp->n <= (size_t)h)
        hp->top = 0;
    for (int y = 0; y < h; y++) {
        size_t i = hp->top + (size_t)y;
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        if (i >= hp->n)
            continue;
        const struct help_line *l = &hp->lines[i];
        if (!l->keys) {
            draw_trunc(w, y, 1, l->text, strlen(l->text), wd - 1, theme_attr(ROLE_HEADING));
            continue;
        }
        draw_trunc(w, y, 3, l->keys, strlen(l->keys), kw - 4, theme_attr(ROLE_HELP_KEY));
        if (wd > kw)
            draw_trunc(w, y, kw, l->text, strlen(l->text), wd - kw, theme_attr(ROLE_NORMAL));
    }
    pane_cursor(p, 0, 0);
}

static unsigned help_key(struct pane *p, enum cmd c, keycode k)
{
    struct help *hp = p->state;
    long h = p->h > 1 ? p->h : 1;
    int big;
    (void)k;
    long d = cmd_motion(c, h, (long)hp->n, &big);
    if (!d)
        return 0;
    long t = (long)hp->top + d;
    long max = (long)hp->n - h;
    hp->top = (size_t)(t > max ? (max > 0 ? max : 0) : t < 0 ? 0 : t);
    return PANE_HANDLED | PANE_REDRAW;
}

static const struct hint hints[] = { { CMD_QUIT, CMD_NONE, "", "返回" },
                                     { CMD_NONE, CMD_NONE, "", "" } };

const struct pane_ops help_ops = {
    .name = "help", .place = PLACE_VIEW, .open_cmd = CMD_HELP, .flags = PANE_WHEEL, .kctx = KCTX_HELP,
    .title = "帮助", .hints = hints, .state_size = sizeof(struct help),
    .init = help_init, .free = help_free, .draw = help_draw, .key = help_key,
};
