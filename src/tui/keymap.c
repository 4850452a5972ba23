/* keymap.c — command names, key names and the keys.conf parser. The default bindings are
 * data/keys.conf, compiled in and read by this same parser before the user's file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curses.h>
#include <unistr.h>
#include "keymap.h"

#define CMD_NAME(id, name, help) name,
#define CMD_HELP(id, name, help) help,
static const char *const cmd_names[] = { CMD_LIST(CMD_NAME) };
static const char *const cmd_helps[] = { CMD_LIST(CMD_HELP) };
#define KCTX_NAME(id, name, parent, typing, title) name,
#define KCTX_PARENT(id, name, parent, typing, title) KCTX_##parent,
#define KCTX_TYPING(id, name, parent, typing, title) typing,
#define KCTX_TITLE(id, name, parent, typing, title) title,
static const char *const kctx_names[] = { KCTX_LIST(KCTX_NAME) };
static const char *const kctx_titles[] = { KCTX_LIST(KCTX_TITLE) };
static const enum kctx kctx_parents[] = { KCTX_LIST(KCTX_PARENT) };
static const char kctx_typings[] = { KCTX_LIST(KCTX_TYPING) };

const char *cmd_name(enum cmd c) { return c < CMD_COUNT ? cmd_names[c] : "?"; }
const char *cmd_help(enum cmd c) { return c < CMD_COUNT ? cmd_helps[c] : "?"; }
const char *kctx_name(enum kctx c) { return c < KCTX_COUNT ? kctx_names[c] : "?"; }
const char *kctx_title(enum kctx c) { return c < KCTX_COUNT ? kctx_titles[c] : "?"; }
enum kctx kctx_parent(enum kctx c) { return c < KCTX_COUNT ? kctx_parents[c] : KCTX_GENERIC; }
int kctx_typing(enum kctx c) { return c < KCTX_COUNT && kctx_typings[c]; }

long cmd_motion(enum cmd c, long page, long n, int *big)
{
    long half = page / 2 > 0 ? page / 2 : 1;
    page = page > 0 ? page : 1;
    *big = 1;
    switch (c) {
    case CMD_DOWN: *big = 0; return 1;
    case CMD_UP: *big = 0; return -1;
    case CMD_HALF_DOWN: return half;
    case CMD_HALF_UP: return -half;
    case CMD_PAGE_DOWN: return page;
    case CMD_PAGE_UP: return -page;
    case CMD_TOP: return -(n > 0 ? n : 1);
    case CMD_BOTTOM: return n > 0 ? n : 1;
    default: return 0;
    }
}

/* The commands by a hash of their names, made at the first lookup: the built-in keys name
 * a command on each of their lines, and a walk over every name was 2,900 strcmp at each
 * start (issue 15). Open addressing; a slot holds a command + 1, 0 when empty. */
#define CMD_SLOTS 256
_Static_assert(CMD_COUNT < 255 && CMD_SLOTS >= 2 * CMD_COUNT, "CMD_SLOTS too small");
static unsigned char cmd_slots[CMD_SLOTS];

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;   /* FNV-1a */
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

int cmd_parse(const char *name, enum cmd *c)
{
    if (!cmd_slots[name_hash(cmd_names[0]) % CMD_SLOTS])
        for (int i = 0; i < CMD_COUNT; i++) {
            unsigned h = name_hash(cmd_names[i]) % CMD_SLOTS;
            while (cmd_slots[h])
                h = (h + 1) % CMD_SLOTS;
            cmd_slots[h] = (unsigned char)(i + 1);
        }
    for (unsigned h = name_hash(name) % CMD_SLOTS; cmd_slots[h]; h = (h + 1) % CMD_SLOTS)
        if (!strcmp(name, cmd_names[cmd_slots[h] - 1])) {
            *c = (enum cmd)(cmd_slots[h] - 1);
            return 0;
        }
    return -1;
}

static int kctx_parse(const char *name, enum kctx *c)
{
    for (int i = 0; i < KCTX_COUNT; i++)
        if (!strcmp(name, kctx_names[i])) {
            *c = (enum kctx)i;
            return 0;
        }
    return -1;
}

static const struct { const char *name; keycode key; } named[] = {
    { "Enter", '\n' },             { "Esc", 27 },
    { "Tab", '\t' },               { "S-Tab", KEYF(KEY_BTAB) },
    { "BS", KEYF(KEY_BACKSPACE) }, { "Space", ' ' },
    { "Up", KEYF(KEY_UP) },        { "Down", KEYF(KEY_DOWN) },
    { "Left", KEYF(KEY_LEFT) },    { "Right", KEYF(KEY_RIGHT) },
    { "PgUp", KEYF(KEY_PPAGE) },   { "PgDn", KEYF(KEY_NPAGE) },
    { "Home", KEYF(KEY_HOME) },    { "End", KEYF(KEY_END) },
    { "Del", KEYF(KEY_DC) },       { "Ins", KEYF(KEY_IC) },
    { "lt", '<' },                 { "gt", '>' },
};

keycode key_normalise(int is_func, uint32_t v)
{
    if (is_func) {
        if (v == KEY_ENTER)
            return '\n';
        return KEYF((keycode)v);
    }
    if (v == '\r')
        return '\n';
    if (v == 127 || v == 8)
        return KEYF(KEY_BACKSPACE);
    return (keycode)v;
}

int key_parse(const char *s, keycode *k)
{
    size_t n = strlen(s);
    if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
        char name[32];
        if (n - 2 >= sizeof name)
            return -1;
        memcpy(name, s + 1, n - 2);
        name[n - 2] = '\0';
        for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
            if (!strcasecmp(name, named[i].name)) {
                *k = named[i].key;
                return 0;
            }
        if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
            int c = name[2] | 0x20;
            if (c < 'a' || c > 'z')
                return -1;
            *k = c - 'a' + 1;
            return 0;
        }
        char *end;
        if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
            long f = strtol(name + 1, &end, 10);
            if (*end || f < 1 || f > 24)
                return -1;
            *k = KEYF(KEY_F(f));
            return 0;
        }
        return -1;
    }
    ucs4_t c;
    int len = u8_mbtoucr(&c, (const uint8_t *)s, n);
    if (len <= 0 || (size_t)len != n || c < 0x20 || c == 0x7f)
        return -1;
    *k = (keycode)c;
    return 0;
}

void key_format(keycode k, char *buf, size_t n)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].key == k) {
            snprintf(buf, n, "<%s>", named[i].name);
            return;
        }
    if (k >= 1 && k <= 26) {
        snprintf(buf, n, "<C-%c>", 'a' + k - 1);
        return;
    }
    if (KEY_IS_FUNC(k)) {
        int f = k & ~0x200000;
        if (f >= KEY_F(1) && f <= KEY_F(24))
            snprintf(buf, n, "<F%d>", f - KEY_F0);
        else
            snprintf(buf, n, "<key %d>", f);
        return;
    }
    uint8_t u[8];
    int len = u8_uctomb(u, (ucs4_t)k, sizeof u - 1);
    if (len <= 0)
        len = 0;
    snprintf(buf, n, "%.*s", len, (const char *)u);
}

static int keymap_add(struct keymap *km, enum kctx ctx, keycode key, enum cmd cmd, int layer)
{
    if (km->n == km->cap) {
        size_t cap = km->cap ? km->cap * 2 : 64;
        struct binding *v = realloc(km->v, cap * sizeof *v);
        if (!v)
            return -1;
        km->v = v;
        km->cap = cap;
    }
    km->v[km->n++] = (struct binding){ ctx, key, cmd, layer };
    return 0;
}

/* Splits off the next blank-separated word of *s, NUL-terminating it. */
static char *next_word(char **s)
{
    char *p = *s;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '#')
        return NULL;
    char *end = p;
    while (*end && *end != ' ' && *end != '\t')
        end++;
    if (*end)
        *end++ = '\0';
    *s = end;
    return p;
}

/* One line, origin:lineno its place for a message (made only for one: a start-up reads
 * 150 lines of the built-in keys). */
static int load_line(struct keymap *km, char *line, const char *origin, int lineno,
                     struct err *e)
{
    char *p = line;
    char *verb = next_word(&p);
    if (!verb)
        return 0;
    char *ctx = next_word(&p), *key = next_word(&p), *cmd = next_word(&p);
    enum kctx c;
    keycode k;
    enum cmd m;
    if (strcmp(verb, "bind") || !cmd || next_word(&p)) {
        err_set(e, "%s:%d: expected \"bind CONTEXT KEY COMMAND\"", origin, lineno);
        return -1;
    }
    if (kctx_parse(ctx, &c) < 0) {
        err_set(e, "%s:%d: unknown context \"%s\"", origin, lineno, ctx);
        return -1;
    }
    if (key_parse(key, &k) < 0) {
        err_set(e, "%s:%d: unknown key \"%s\" (write <lt> for <, <Space> for a space)",
                origin, lineno, key);
        return -1;
    }
    if (cmd_parse(cmd, &m) < 0) {
        err_set(e, "%s:%d: unknown command \"%s\"", origin, lineno, cmd);
        return -1;
    }
    if (keymap_add(km, c, k, m, km->layers) < 0) {
        err_set(e, "%s:%d: out of memory", origin, lineno);
        return -1;
    }
    return 0;
}

int keymap_load(struct keymap *km, const char *text, const char *origin, struct err *e)
{
    int lineno = 0;
    km->layers++;
    while (*text) {
        size_t len = strcspn(text, "\n");
        char line[512];
        lineno++;
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
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (load_line(km, line, origin, lineno, e) < 0)
            return -1;
        text += len + (text[len] == '\n');
    }
    return 0;
}

/* The last binding of exactly (ctx, key), or NULL. */
static const struct binding *find(const struct keymap *km, enum kctx ctx, keycode key)
{
    for (size_t i = km->n; i-- > 0;)
        if (km->v[i].ctx == ctx && km->v[i].key == key)
            return &km->v[i];
    return NULL;
}

enum cmd keymap_lookup(const struct keymap *km, enum kctx ctx, keycode key)
{
    for (enum kctx c = ctx; c < KCTX_COUNT; c = kctx_parents[c]) {
        const struct binding *b = find(km, c, key);
        if (b)
            return b->cmd;
        if (kctx_parents[c] == c)
            break;
    }
    return CMD_NONE;
}

/* How many steps up from ctx context c is (0: ctx itself), or -1 if it is not above. */
static int ancestry(enum kctx ctx, enum kctx c)
{
    for (int depth = 0; ctx < KCTX_COUNT; depth++, ctx = kctx_parents[ctx]) {
        if (ctx == c)
            return depth;
        if (kctx_parents[ctx] == ctx)
            break;
    }
    return -1;
}

keycode keymap_key_for(const struct keymap *km, enum kctx ctx, enum cmd cmd)
{
    const struct binding *best = NULL;
    int best_depth = 0;
    for (size_t i = 0; i < km->n; i++) {
        const struct binding *b = &km->v[i];
        int depth = b->cmd == cmd ? ancestry(ctx, b->ctx) : -1;
        if (depth < 0 || keymap_lookup(km, ctx, b->key) != cmd)
            continue;
        if (!best || b->layer > best->layer ||
            (b->layer == best->layer && depth < best_depth)) {
            best = b;
            best_depth = depth;
        }
    }
    return best ? best->key : 0;
}

size_t keymap_keys(const struct keymap *km, enum kctx ctx, enum cmd cmd, keycode *out,
                   size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < km->n && n < max; i++) {
        const struct binding *b = &km->v[i];
        if (b->ctx != ctx || b->cmd != cmd || find(km, ctx, b->key) != b)
            continue;
        out[n++] = b->key;
    }
    return n;
}

void keymap_free(struct keymap *km)
{
    free(km->v);
    memset(km, 0, sizeof *km);
}
