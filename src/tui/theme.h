/* theme.h — colours named for what they mark, read from plain theme files
 * (themes/NAME.theme, compiled in; ~/.config/gongfu/themes/NAME.theme adds more). */
#ifndef GONGFU_TUI_THEME_H
#define GONGFU_TUI_THEME_H

#include <curses.h>
#include "gongfu/err.h"

#define ROLE_LIST(X) \
    X(NORMAL, "normal") X(TITLE, "title") X(BORDER, "border") X(STATUS, "status") \
    X(PROMPT, "prompt") X(ERROR, "error") X(DIM, "dim") \
    X(TREE_GROUP, "tree-group") X(TREE_DOC, "tree-doc") X(TREE, "tree") \
    X(TREE_CURRENT, "tree-current") X(CURSOR, "cursor") X(CURSOR_IDLE, "cursor-idle") \
    X(HEADING, "heading") X(SUBHEADING, "subheading") X(META, "meta") \
    X(TARGET, "target") X(TARGET_CURRENT, "target-current") X(HIT, "hit") \
    X(HIT_CURRENT, "hit-current") X(PANEL_LABEL, "panel-label") X(VALUE, "value") \
    X(FLAG, "flag") X(TABLE_HEADER, "table-header") X(BAR, "bar") X(HELP_KEY, "help-key")
#define ROLE_ENUM(id, name) ROLE_##id,
enum role { ROLE_LIST(ROLE_ENUM) ROLE_COUNT };
#undef ROLE_ENUM

struct theme_rule {
    short fg, bg;     /* -1: the terminal's default; 0-255 */
    attr_t attrs;
    int set;
};

struct theme {
    struct theme_rule rule[ROLE_COUNT];
};

/* Parses "ROLE FG BG [ATTR…]" lines into t (over what it holds). 0 or -1. */
int theme_parse(struct theme *t, const char *text, const char *origin, struct err *e);
/* Finds NAME: the user's themes directory, then the built-in ones. 0 or -1. */
int theme_load(struct theme *t, const char *name, struct err *e);
/* Sets up colour pairs for what the terminal can show (256, 8 or no colours); with
 * use_color 0 only the attributes are used. Call after start_color. */
void theme_apply(const struct theme *t, int use_color);
/* The attributes (colour pair included) to draw a role with. */
attr_t theme_attr(enum role r);
short theme_pair(enum role r);
/* The attributes to draw role top with on a line drawn as base (a target on the cursor
 * line): a top with no background of its own takes base's, both's attributes and an
 * underline. */
attr_t theme_over(enum role top, enum role base);
/* The role a colour pair draws (for screen dumps); *over set when it is a pair of
 * theme_over, and the role is then the base's. ROLE_COUNT for none. */
enum role theme_pair_role(short pair, int *over);
const char *theme_role_name(enum role r);

#endif
