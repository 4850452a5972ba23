/* theme.c — theme files, and their colours mapped onto what the terminal has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "builtin.h"
#include "gongfu/paths.h"
#include "theme.h"

#define ROLE_NAME(id, name) name,
static const char *const role_names[] = { ROLE_LIST(ROLE_NAME) };

static attr_t role_attrs[ROLE_COUNT];
static short role_pairs[ROLE_COUNT];
/* The normal role is the terminal's default colours (its pair is only cheaper to draw). */
static int plain_normal;

/* A highlight with no background of its own (a target's colour) drawn on a line that
 * has one (the cursor line) takes that background: these pairs combine the two. There it
 * is underlined as well: its colour, chosen against the terminal's background, may not
 * stand out on the line's (green on cyan), and one line's attributes cost little. */
static const enum role over_tops[] = { ROLE_TARGET, ROLE_TARGET_CURRENT, ROLE_HIT,
                                       ROLE_HIT_CURRENT };
static const enum role over_bases[] = { ROLE_CURSOR, ROLE_CURSOR_IDLE };
#define NTOPS (sizeof over_tops / sizeof *over_tops)
#define NBASES (sizeof over_bases / sizeof *over_bases)
#define OVER_PAIR0 (ROLE_COUNT + 1)
static attr_t over_attrs[NTOPS][NBASES];
static int over_set[NTOPS][NBASES];

const char *theme_role_name(enum role r) { return r < ROLE_COUNT ? role_names[r] : "?"; }
attr_t theme_attr(enum role r) { return r < ROLE_COUNT ? role_attrs[r] : A_NORMAL; }
short theme_pair(enum role r) { return r < ROLE_COUNT ? role_pairs[r] : 0; }

static const char *const color_names[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static int parse_color(const char *s, short *c)
{
    if (!strcmp(s, "default")) {
        *c = -1;
        return 0;
    }
    int bright = !strncmp(s, "bright-", 7);
    const char *base = bright ? s + 7 : s;
    for (int i = 0; i < 8; i++)
        if (!strcmp(base, color_names[i])) {
            *c = (short)(i + 8 * bright);
            return 0;
        }
    if (!strncmp(s, "color", 5))
        s += 5;
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > 255)
        return -1;
    *c = (short)v;
    return 0;
}

static int parse_attr(const char *s, attr_t *a)
{
    static const struct { const char *name; attr_t a; } names[] = {
        { "normal", A_NORMAL }, { "bold", A_BOLD }, { "underline", A_UNDERLINE },
        { "reverse", A_REVERSE }, { "dim", A_DIM }, { "standout", A_STANDOUT },
        { "italic", A_ITALIC },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(s, names[i].name)) {
            *a |= names[i].a;
            return 0;
        }
    return -1;
}

/* One line, origin:lineno its place for a message (made only for one, as keymap.c's). */
static int parse_rule(struct theme *t, char *line, const char *origin, int lineno,
                      struct err *e)
{
    char *save = NULL;
    char *role = strtok_r(line, " \t", &save);
    if (!role || role[0] == '#')
        return 0;
    int r = 0;
    while (r < ROLE_COUNT && strcmp(role, role_names[r]))
        r++;
    if (r == ROLE_COUNT) {
        err_set(e, "%s:%d: unknown role \"%s\"", origin, lineno, role);
        return -1;
    }
    struct theme_rule rule = { -1, -1, A_NORMAL, 1 };
    char *fg = strtok_r(NULL, " \t", &save), *bg = strtok_r(NULL, " \t", &save);
    if (!fg || !bg || parse_color(fg, &rule.fg) < 0 || parse_color(bg, &rule.bg) < 0) {
        err_set(e, "%s:%d: expected \"ROLE FG BG [ATTR…]\" with colours by name "
                   "(default, red, bright-red …) or number 0-255", origin, lineno);
        return -1;
    }
    for (char *a; (a = strtok_r(NULL, " \t", &save)) && a[0] != '#';)
        if (parse_attr(a, &rule.attrs) < 0) {
            err_set(e, "%s:%d: unknown attribute \"%s\"", origin, lineno, a);
            return -1;
        }
    t->rule[r] = rule;
    return 0;
}

int theme_parse(struct theme *t, const char *text, const char *origin, struct err *e)
{
    for (int lineno = 1; *text; lineno++) {
        size_t len = strcspn(text, "\n");
        char line[256];
        size_t lead = strspn(text, " \t");
        if (lead < len && text[lead] == '#') {   /* a comment, of any length */
            text += len + (text[len] == '\n');
            continue;
        }
        if (len >= sizeof line) {
            err_set(e, "%s:%d: line too long", origin, lineno);
            return -1;
        }
        memcpy(line, text, len);
        line[len] = '\0';
        line[strcspn(line, "\r")] = '\0';
        if (parse_rule(t, line, origin, lineno, e) < 0)
            return -1;
        text += len + (text[len] == '\n');
    }
    return 0;
}

int theme_load(struct theme *t, const char *name, struct err *e)
{
    memset(t, 0, sizeof *t);
    if (strchr(name, '/')) {
        err_set(e, "theme \"%s\": a theme is named, not given as a path", name);
        return -1;
    }
    char file[256];
    snprintf(file, sizeof file, "%s.theme", name);
    char *user = paths_config_read("themes", file, e);
    if (!user && e->msg[0])
        return -1;
    if (user) {
        char origin[512];
        snprintf(origin, sizeof origin, "%s/themes/%s", paths_config_dir(), file);
        int rc = theme_parse(t, user, origin, e);
        free(user);
        return rc;
    }
    const char *text = builtin_text(file);
    if (!text) {
        err_set(e, "no theme \"%s\" (built in: %s)", name, builtin_list(".theme"));
        return -1;
    }
    return theme_parse(t, text, file, e);
}

/* The xterm 256-colour palette, to pick the nearest of 8 on a smaller terminal. */
static void rgb_of(int c, int rgb[3])
{
    static const int base[16][3] = {
        { 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 },
        { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 },
        { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 }, { 92, 92, 255 }, { 255, 0, 255 },
        { 0, 255, 255 }, { 255, 255, 255 },
    };
    if (c < 16) {
        memcpy(rgb, base[c], sizeof base[c]);
    } else if (c < 232) {
        static const int level[6] = { 0, 95, 135, 175, 215, 255 };
        c -= 16;
        rgb[0] = level[c / 36];
        rgb[1] = level[c / 6 % 6];
        rgb[2] = level[c % 6];
    } else {
        rgb[0] = rgb[1] = rgb[2] = 8 + 10 * (c - 232);
    }
}

static short fit_color(short c, int ncolors)
{
    if (c < 0 || c < ncolors)
        return c;
    int want[3], best = 0;
    long best_d = -1;
    rgb_of(c, want);
    int limit = ncolors >= 16 ? 16 : 8;
    for (int i = 0; i < limit; i++) {
        int have[3];
        rgb_of(i, have);
        long d = 0;
        for (int k = 0; k < 3; k++)
            d += (long)(want[k] - have[k]) * (want[k] - have[k]);
        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return (short)best;
}

/* The rule a role is drawn by: a role the theme leaves out looks like normal text. */
static const struct theme_rule *rule_of(const struct theme *t, enum role r)
{
    return t->rule[r].set ? &t->rule[r] : &t->rule[ROLE_NORMAL];
}

static void apply_over(const struct theme *t, int ncolors)
{
    for (size_t i = 0; i < NTOPS; i++)
        for (size_t j = 0; j < NBASES; j++) {
            const struct theme_rule *top = rule_of(t, over_tops[i]);
            const struct theme_rule *base = rule_of(t, over_bases[j]);
            over_set[i][j] = top->bg < 0;
            if (!over_set[i][j])
                continue;           /* its own background: drawn as it is */
            over_attrs[i][j] = top->attrs | base->attrs | A_UNDERLINE;
            short fg = top->fg >= 0 ? top->fg : base->fg, bg = base->bg;
            short pair = (short)(OVER_PAIR0 + i * NBASES + j);
            if (ncolors >= 8 && (fg >= 0 || bg >= 0) && pair < COLOR_PAIRS &&
                init_pair(pair, fit_color(fg, ncolors), fit_color(bg, ncolors)) == OK)
                over_attrs[i][j] |= COLOR_PAIR(pair);
        }
}

attr_t theme_over(enum role top, enum role base)
{
    for (size_t i = 0; i < NTOPS; i++)
        for (size_t j = 0; j < NBASES; j++)
            if (over_tops[i] == top && over_bases[j] == base && over_set[i][j])
                return over_attrs[i][j];
    return theme_attr(top);
}

enum role theme_pair_role(short pair, int *over)
{
    *over = pair >= OVER_PAIR0 && pair < OVER_PAIR0 + (short)(NTOPS * NBASES);
    if (*over)
        return over_bases[(size_t)(pair - OVER_PAIR0) % NBASES];
    if (pair > 0 && pair == role_pairs[ROLE_NORMAL] && plain_normal)
        return ROLE_COUNT;   /* the terminal's own colours, as pair 0 */
    return pair > 0 && pair <= ROLE_COUNT ? (enum role)(pair - 1) : ROLE_COUNT;
}

/* The pair of a role's colours, 0 when the terminal has too few. */
static short role_pair(enum role r, const struct theme_rule *rule, int ncolors)
{
    short pair = (short)(r + 1);
    if (ncolors < 8 ||
        init_pair(pair, fit_color(rule->fg, ncolors), fit_color(rule->bg, ncolors)) != OK)
        return 0;
    return pair;
}

void theme_apply(const struct theme *t, int use_color)
{
    int ncolors = use_color ? COLORS : 0;
    const struct theme_rule *normal = rule_of(t, ROLE_NORMAL);
    plain_normal = normal->fg < 0 && normal->bg < 0;
    /* Text in the terminal's own colours has a pair too (normal's) when a role has
     * colours: curses ends a coloured highlight by resetting the colours and then every
     * attribute (SGR 39, then sgr0's ESC ( B ESC [ m) when it returns to pair 0, but
     * with the colours alone when it returns to another pair (ESC [ 39 m), 6 bytes less.
     * Without colours (mono) pair 0 is shorter: sgr0 rather than sgr to leave a role. */
    int coloured = 0;
    for (int r = 0; r < ROLE_COUNT; r++)
        coloured |= rule_of(t, (enum role)r)->fg >= 0 || rule_of(t, (enum role)r)->bg >= 0;
    short plain = plain_normal && coloured ? role_pair(ROLE_NORMAL, normal, ncolors) : 0;
    for (int r = 0; r < ROLE_COUNT; r++) {
        const struct theme_rule *rule = rule_of(t, (enum role)r);
        int own = rule->fg >= 0 || rule->bg >= 0;
        role_pairs[r] = own ? role_pair((enum role)r, rule, ncolors) : plain;
        role_attrs[r] = rule->attrs | (attr_t)COLOR_PAIR(role_pairs[r]);
    }
    apply_over(t, ncolors);
}
