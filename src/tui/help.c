/* help.c — the help view (help_ops), generated from the command table and the bindings
 * in force, so it lists exactly the keys that work: one section per context, one line
 * per command with its keys, its name (what keys.conf calls it, as tig and neomutt show)
 * and what it does (wrapped to the screen); the commands no key runs; what the mouse
 * does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/text.h"
#include "draw.h"
#include "ui.h"

struct help_line {
    char *keys;         /* NULL for a heading */
    const char *name;   /* the command's name ("" none, the text in the same column);
                         * NULL: the text right after the keys (the mouse's lines) */
    char *text;
};

/* A row on screen: a stretch of a line's text, wrapped to the width it was laid out for
 * (the keys show on its first row). */
struct help_row {
    size_t line, start, end;
};

struct help {
    struct help_line *lines;
    size_t n;
    struct help_row *rows;
    size_t nrows;
    int width;          /* what rows were laid out for */
    int name_w;         /* the names' column: the longest name and two spaces */
    size_t top;         /* the first row shown */
};

/* What a command does in a context where it means something of its own (h and l fold the
 * outline, choose a region, choose a column); elsewhere its help in the command table. */
static const struct { enum kctx ctx; enum cmd cmd; const char *text; } in_context[] = {
    { KCTX_TREE, CMD_LEFT, "折叠；已折叠时到上一级" },
    { KCTX_TREE, CMD_RIGHT, "展开；条目：在阅读区打开" },
    { KCTX_READER, CMD_BACK, "后退到上一个位置（像浏览器）" },
    { KCTX_READER, CMD_FORWARD, "前进到后退前的位置" },
    { KCTX_PANEL, CMD_LEFT, "选左边的地区" },
    { KCTX_PANEL, CMD_RIGHT, "选右边的地区" },
    { KCTX_COMPARE, CMD_LEFT, "选左边一列" },
    { KCTX_COMPARE, CMD_RIGHT, "选右边一列" },
    { KCTX_HELP, CMD_BACK, "关闭帮助，回到打开它的地方" },
    { KCTX_RELATED, CMD_ENTER, "所选条目与光标处的条目并排阅读" },
    { KCTX_PAIR, CMD_LEFT, "选左边：各自滚动时只滚它；Enter 在阅读区打开它" },
    { KCTX_PAIR, CMD_RIGHT, "选右边：各自滚动时只滚它；Enter 在阅读区打开它" },
    { KCTX_SEARCH, CMD_DOWN, "下一个结果" },
    { KCTX_SEARCH, CMD_UP, "上一个结果" },
    { KCTX_SEARCH, CMD_PAGE_DOWN, "结果的下一页" },
    { KCTX_SEARCH, CMD_PAGE_UP, "结果的上一页" },
    { KCTX_PROMPT, CMD_LEFT, "光标左移一个字" },
    { KCTX_PROMPT, CMD_RIGHT, "光标右移一个字" },
    { KCTX_PROMPT, CMD_ENTER, "输入完毕（搜索：打开所选的结果）" },
    { KCTX_PROMPT, CMD_ESCAPE, "取消输入" },
    { KCTX_MARK, CMD_ESCAPE, "不设书签，也不去书签" },
};

static const char *help_text(enum kctx x, enum cmd c)
{
    for (size_t i = 0; i < sizeof in_context / sizeof *in_context; i++)
        if (in_context[i].ctx == x && in_context[i].cmd == c)
            return in_context[i].text;
    return cmd_help(c);
}

/* What the mouse does: each pane's click and wheel handler, and the title bar's. */
static const char *const mouse_lines[][2] = {
    { "点击侧栏的一行", "打开它（文档、章节或条目）" },
    { "点击阅读区的一行", "光标移到那里" },
    { "点击指标栏的地区", "跳到它的原文" },
    { "点击对比视图的单元格", "选中它（下方显示全文）" },
    { "点击相关措施的条目", "与光标处的条目并排阅读" },
    { "点击并排视图的一边", "选中这一边（各自滚动时滚它）" },
    { "滚轮", "滚动侧栏、阅读区、对比视图、相关措施、并排视图和帮助" },
    { "点击标题栏的“帮助”", "打开本页" },
};

/* What an unbound printable character does in a typing context. */
static const char *const typed[KCTX_COUNT] = {
    [KCTX_PROMPT] = "输入这个字", [KCTX_MARK] = "书签的字母：a–z 或 A–Z",
};

static int add_cmd(struct help *h, const char *keys, const char *name, const char *text)
{
    struct help_line *v = realloc(h->lines, (h->n + 1) * sizeof *v);
    if (!v)
        return -1;
    h->lines = v;
    v[h->n].keys = keys ? strdup(keys) : NULL;
    v[h->n].name = name;
    v[h->n].text = strdup(text);
    h->n++;
    int w = name ? (int)strlen(name) + 2 : 0;
    if (w > h->name_w)
        h->name_w = w;
    return 0;
}

static int add(struct help *h, const char *keys, const char *text)
{
    return add_cmd(h, keys, NULL, text);
}

/* The lines, made when the help is first opened (not before every first screen). */
static int help_open(struct pane *p, const char *arg)
{
    struct help *h = p->state;
    const struct keymap *km = p->ui->keys;
    (void)arg;
    if (h->n)
        return 0;
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
            if (!heading) {   /* with the context's name in keys.conf */
                char title[128];
                snprintf(title, sizeof title, "%s · %s", kctx_title((enum kctx)x),
                         kctx_name((enum kctx)x));
                add(h, "", "");
                add(h, NULL, title);
                heading = 1;
            }
            char buf[256] = "";
            size_t o = 0;
            for (size_t k = 0; k < n && o < sizeof buf - 40; k++) {
                char name[32];
                key_format(keys[k], name, sizeof name);
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", k ? " " : "", name);
            }
            add_cmd(h, buf, cmd_name((enum cmd)c), help_text((enum kctx)x, (enum cmd)c));
        }
        if (heading && typed[x])
            add_cmd(h, "其他字符", "", typed[x]);
    }
    /* A command no key runs (unbound in keys.conf) is still one a key can be given. */
    int heading = 0;
    for (int c = 1; c < CMD_COUNT; c++) {
        int bound = 0;
        keycode one[1];
        for (int x = 0; x < KCTX_COUNT && !bound; x++)
            bound = keymap_keys(km, (enum kctx)x, (enum cmd)c, one, 1) > 0;
        if (bound)
            continue;
        if (!heading) {
            add(h, "", "");
            add(h, NULL, "没有按键的命令（可在 keys.conf 中绑定）");
            heading = 1;
        }
        add_cmd(h, "", cmd_name((enum cmd)c), cmd_help((enum cmd)c));
    }
    add(h, "", "");
    add(h, NULL, "鼠标");
    for (size_t i = 0; i < sizeof mouse_lines / sizeof *mouse_lines; i++)
        add(h, mouse_lines[i][0], mouse_lines[i][1]);
    add(h, "", "");
    add(h, NULL, "按键可在 ~/.config/gongfu/keys.conf 中修改：bind 上下文 按键 命令（上下文见各节标题，"
                 "命令名见宽屏的帮助、man gongfu 和 data/keys.conf；none 取消一个绑定）");
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
    free(h->rows);
    memset(h, 0, sizeof *h);
}

/* The keys' column: 28 columns, or a third of a narrow screen. */
static int keys_width(int wd) { return wd > 70 ? 28 : wd / 3; }
/* The names' column, where the text keeps 40 columns beside it (not at 80 columns). */
static int names_width(const struct help *hp, int wd)
{
    return wd - keys_width(wd) - hp->name_w >= 40 ? hp->name_w : 0;
}

/* Where a line's text starts. */
static int text_x(const struct help *hp, const struct help_line *l, int wd)
{
    return keys_width(wd) + (l->name ? names_width(hp, wd) : 0);
}

/* The lines wrapped to the screen, so a long explanation is read whole. */
static void layout(struct help *hp, int wd)
{
    free(hp->rows);
    hp->rows = NULL;
    hp->nrows = 0;
    hp->width = wd;
    size_t cap = 0;
    for (size_t i = 0; i < hp->n; i++) {
        const struct help_line *l = &hp->lines[i];
        struct text_line *tl = NULL;
        int room = l->keys ? wd - text_x(hp, l, wd) : wd - 1;
        size_t nl = text_wrap(l->text, strlen(l->text), room > 2 ? room : 2, &tl);
        for (size_t k = 0; k < (nl ? nl : 1); k++) {
            if (hp->nrows == cap) {
                cap = cap ? 2 * cap : 128;
                struct help_row *v = realloc(hp->rows, cap * sizeof *v);
                if (!v)
                    break;
                hp->rows = v;
            }
            hp->rows[hp->nrows++] = (struct help_row){ i, nl ? tl[k].start : 0,
                                                       nl ? tl[k].end : 0 };
        }
        free(tl);
    }
}

static void clamp_top(struct help *hp, size_t h)
{
    if (hp->nrows <= h)
        hp->top = 0;
    else if (hp->top > hp->nrows - h)
        hp->top = hp->nrows - h;
}

static void help_draw(struct pane *p, int focused)
{
    struct help *hp = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    int kw = keys_width(wd), nw = names_width(hp, wd);
    if (hp->width != wd)
        layout(hp, wd);
    clamp_top(hp, (size_t)h);
    for (int y = 0; y < h; y++) {
        size_t i = hp->top + (size_t)y;
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
        if (i >= hp->nrows)
            continue;
        const struct help_row *r = &hp->rows[i];
        const struct help_line *l = &hp->lines[r->line];
        if (!l->keys) {
            draw_trunc(w, y, 1, l->text + r->start, r->end - r->start, wd - 1,
                       theme_attr(ROLE_HEADING));
            continue;
        }
        if (!i || hp->rows[i - 1].line != r->line) {
            draw_trunc(w, y, 3, l->keys, strlen(l->keys), kw - 4, theme_attr(ROLE_HELP_KEY));
            if (nw && l->name && *l->name)
                draw_trunc(w, y, kw, l->name, strlen(l->name), nw - 1, theme_attr(ROLE_DIM));
        }
        int tx = text_x(hp, l, wd);
        if (wd > tx)
            draw_trunc(w, y, tx, l->text + r->start, r->end - r->start, wd - tx,
                       theme_attr(ROLE_NORMAL));
    }
    pane_cursor(p, 0, 0);
}

static unsigned help_key(struct pane *p, enum cmd c, keycode k)
{
    struct help *hp = p->state;
    long h = p->h > 1 ? p->h : 1;
    int big;
    (void)k;
    long d = cmd_motion(c, h, (long)hp->nrows, &big);
    if (!d)
        return 0;
    long t = (long)hp->top + d;
    hp->top = (size_t)(t < 0 ? 0 : t);
    clamp_top(hp, (size_t)h);
    return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
}

/* "第 1–22 行，共 95 行 23%": where the help is, for the status line. */
static void help_where(const struct pane *p, char *buf, size_t n)
{
    const struct help *hp = p->state;
    size_t h = p->h > 0 ? (size_t)p->h : 1;
    size_t last = hp->top + h < hp->nrows ? hp->top + h : hp->nrows;
    snprintf(buf, n, "第 %zu–%zu 行，共 %zu 行 %zu%%", hp->nrows ? hp->top + 1 : 0, last,
             hp->nrows, hp->nrows ? last * 100 / hp->nrows : 100);
}

static const struct hint hints[] = {
    { CMD_PAGE_DOWN, CMD_PAGE_UP, " ", "翻页" }, { CMD_QUIT, CMD_NONE, "", "返回" },
    { CMD_NONE, CMD_NONE, "", "" } };

const struct pane_ops help_ops = {
    .name = "help", .place = PLACE_VIEW, .open_cmd = CMD_HELP, .flags = PANE_WHEEL, .kctx = KCTX_HELP,
    .title = "帮助", .hints = hints, .state_size = sizeof(struct help),
    .open = help_open, .free = help_free, .draw = help_draw, .key = help_key,
    .where = help_where,
};
