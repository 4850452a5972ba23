/* keymap.h — every command of the explorer, defined once: the enum, the name used in
 * keys.conf and the help text all come from CMD_LIST, and the help screen is generated
 * from the same bindings that dispatch keys. */
#ifndef GONGFU_TUI_KEYMAP_H
#define GONGFU_TUI_KEYMAP_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/err.h"

#define CMD_LIST(X) \
    X(NONE,         "none",           "不做任何事（用于取消一个绑定）") \
    X(QUIT,         "quit",           "关闭当前视图，回到打开它的视图；在最初的主界面保存位置并退出") \
    X(DOWN,         "down",           "下移一行") \
    X(UP,           "up",             "上移一行") \
    X(HALF_DOWN,    "half-page-down", "下移半页") \
    X(HALF_UP,      "half-page-up",   "上移半页") \
    X(PAGE_DOWN,    "page-down",      "下一页") \
    X(PAGE_UP,      "page-up",        "上一页") \
    X(TOP,          "top",            "到开头") \
    X(BOTTOM,       "bottom",         "到末尾") \
    X(LEFT,         "left",           "向左（在侧栏、指标栏和对比视图里各有其义）") \
    X(RIGHT,        "right",          "向右（在侧栏、指标栏和对比视图里各有其义）") \
    X(ENTER,        "enter",          "打开所选；在指标栏和对比视图跳到原文") \
    X(BACK,         "back",           "后退到上一个位置；已退回打开时的位置，或在视图中：回到打开它的视图") \
    X(FORWARD,      "forward",        "前进") \
    X(NEXT_PANE,    "next-pane",      "切换到下一个窗格（从左到右、从上到下）；对比视图：右边一列") \
    X(PREV_PANE,    "prev-pane",      "切换到上一个窗格；对比视图：左边一列") \
    X(SEARCH,       "search",         "搜索所有措施（输入时即时更新）") \
    X(NEXT_HIT,     "next-hit",       "下一个搜索命中") \
    X(PREV_HIT,     "prev-hit",       "上一个搜索命中") \
    X(PINYIN_NEXT,  "pinyin-next",    "搜索：拼音换成下一个词（最后回到全部）") \
    X(PINYIN_PREV,  "pinyin-prev",    "搜索：拼音换成上一个词") \
    X(NEXT_TARGET,  "next-target",    "下一个指标") \
    X(PREV_TARGET,  "prev-target",    "上一个指标") \
    X(COMPARE,      "compare",        "对比视图：指标 × 地区") \
    X(ASK,          "ask",            "问答：用中文提问，答案附原文；在问答视图里再问一个") \
    X(SORT,         "sort",           "对比视图：按所选地区列的数值排序，同一单位内比较（再按反向）") \
    X(FILTER,       "filter",         "对比视图：输入文字筛选指标名称") \
    X(FILTER_CATEGORY, "filter-category", "对比视图：输入文字筛选类别（经济、公共服务……）") \
    X(EXPORT,       "export",         "对比视图：导出为 xlsx 或 CSV 文件") \
    X(TOGGLE_PANEL, "toggle-panel",   "显示或隐藏指标栏；对比视图：显示或隐藏图表") \
    X(RELATED,      "related",        "底栏：在指标栏和相关措施（其他文件里做同一件事的条目）之间切换") \
    X(NEXT_RELATED, "next-related",   "并排视图：右边换成下一个相关的条目") \
    X(PREV_RELATED, "prev-related",   "并排视图：右边换成上一个相关的条目") \
    X(SCROLL_TOGETHER, "scroll-together", "并排视图：两边一起滚动，或各自滚动") \
    X(ZOOM,         "zoom",           "阅读区占满屏幕（隐藏侧栏和指标栏），再按恢复") \
    X(SIDEBAR_WIDER, "sidebar-wider", "侧栏加宽") \
    X(SIDEBAR_NARROWER, "sidebar-narrower", "侧栏变窄") \
    X(SHOW_TITLE,   "show-title",     "侧栏：在状态栏显示所选条目的完整标题") \
    X(TEXT_WIDTH,   "text-width",     "阅读区：文字用满整个宽度，或回到适读的行宽（--text-width）") \
    X(MARK,         "mark",           "设书签：再按一个字母") \
    X(JUMP_MARK,    "jump-mark",      "回到书签：再按一个字母") \
    X(HELP,         "help",           "帮助（本页）") \
    X(REDRAW,       "redraw",         "重绘整个屏幕") \
    X(ESCAPE,       "escape",         "取消输入；关闭当前视图，回到打开它的视图（不会退出）") \
    X(ERASE_CHAR,   "erase-char",     "删除光标前的字；输入框已空时取消") \
    X(ERASE_WORD,   "erase-word",     "删除光标前的一个词") \
    X(ERASE_LINE,   "erase-line",     "删除光标前的全部输入") \
    X(ERASE_TO_END, "erase-to-end",   "删除光标后的全部输入") \
    X(DELETE_CHAR,  "delete-char",    "删除光标处的字") \
    X(LINE_START,   "line-start",     "光标到行首") \
    X(LINE_END,     "line-end",       "光标到行尾") \
    X(HISTORY_PREV, "history-prev",   "上一个输入过的内容（搜索历史）") \
    X(HISTORY_NEXT, "history-next",   "下一个输入过的内容；最后回到正在输入的")

#define CMD_ENUM(id, name, help) CMD_##id,
enum cmd { CMD_LIST(CMD_ENUM) CMD_COUNT };
#undef CMD_ENUM

/* Where a binding applies. A key is looked up in its context, then in the context's
 * parent, and so on up to a context that is its own parent. In a typing context a
 * printable character that nothing binds is typed (into a prompt, or as a mark's letter).
 * The title is how the help heads the context's keys.
 *     id       name       parent   typing  title */
#define KCTX_LIST(X) \
    X(GENERIC, "generic", GENERIC, 0, "所有窗格") \
    X(TREE,    "tree",    GENERIC, 0, "侧栏（文档与章节）") \
    X(READER,  "reader",  GENERIC, 0, "阅读区") \
    X(PANEL,   "panel",   GENERIC, 0, "指标栏") \
    X(COMPARE, "compare", GENERIC, 0, "对比视图") \
    X(SEARCH,  "search",  PROMPT,  1, "搜索（打字即时搜索）") \
    X(HELP,    "help",    GENERIC, 0, "帮助") \
    X(ASK,     "ask",     GENERIC, 0, "问答") \
    X(RELATED, "related", GENERIC, 0, "相关措施（底栏，按 r 切换）") \
    X(PAIR,    "pair",    GENERIC, 0, "并排视图") \
    X(PROMPT,  "prompt",  PROMPT,  1, "输入框（搜索、对比视图的筛选、提问）") \
    X(MARK,    "mark",    MARK,    1, "设书签或回到书签时")
#define KCTX_ENUM(id, name, parent, typing, title) KCTX_##id,
enum kctx { KCTX_LIST(KCTX_ENUM) KCTX_COUNT };
#undef KCTX_ENUM

/* A key: a Unicode character, or a curses function key (KEY_UP …) with KEYF set, so the
 * two never collide. Enter, Backspace and Delete arrive in several forms and are folded
 * into one each by key_normalise. */
typedef int32_t keycode;
#define KEYF(k) (0x200000 | (k))
#define KEY_IS_FUNC(k) (((k) & 0x200000) != 0)

struct binding {
    enum kctx ctx;
    keycode key;
    enum cmd cmd;
    int layer;          /* which keymap_load read it: 1 the defaults, 2 the user's file */
};

struct keymap {
    struct binding *v;
    size_t n, cap;
    int layers;
};

const char *cmd_name(enum cmd c);
const char *cmd_help(enum cmd c);
int cmd_parse(const char *name, enum cmd *c);
/* The lines a motion command moves in a list of n lines showing `page` at a time (half
 * a page for half-page moves, at least 1); 0 when c is no motion. *big is set for moves
 * of more than a line. */
long cmd_motion(enum cmd c, long page, long n, int *big);
const char *kctx_name(enum kctx c);
/* How the help heads the context's keys: "阅读区". */
const char *kctx_title(enum kctx c);
enum kctx kctx_parent(enum kctx c);
/* Is an unbound printable character typed in this context? */
int kctx_typing(enum kctx c);

/* From wget_wch's result: (is_func, value) → key, with the aliases folded. */
keycode key_normalise(int is_func, uint32_t value);
/* "j", "中", "<Enter>", "<C-z>", "<S-Tab>", "<PgDn>", "<F1>", "<lt>" → key. 0 or -1. */
int key_parse(const char *s, keycode *k);
/* The name key_parse reads back, for the help screen. */
void key_format(keycode k, char *buf, size_t n);

/* Reads bindings from a config text ("bind CONTEXT KEY COMMAND" lines, # comments);
 * later bindings override earlier ones. `origin` names the text in errors ("file:line"). */
int keymap_load(struct keymap *km, const char *text, const char *origin, struct err *e);
/* The command bound to key in ctx or, failing that, in its parents; CMD_NONE if none. */
enum cmd keymap_lookup(const struct keymap *km, enum kctx ctx, keycode key);
/* The key to show for cmd in ctx (hints, messages): among the keys that do it there, one
 * from the last file that bound one (the user's before the defaults), the context's own
 * before a parent's, the first written. 0 when no key does it. */
keycode keymap_key_for(const struct keymap *km, enum kctx ctx, enum cmd cmd);
/* The keys bound to cmd in ctx (not its generic ones), in order, at most max. */
size_t keymap_keys(const struct keymap *km, enum kctx ctx, enum cmd cmd, keycode *out,
                   size_t max);
void keymap_free(struct keymap *km);

#endif
