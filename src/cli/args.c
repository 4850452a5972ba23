/* args.c — one parser for every command's options, driven by the command's table. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "args.h"
#include "cli.h"
#include "gongfu/text.h"

int args_error(const struct cli_command *c, const char *fmt, ...)
{
    va_list ap;
    const char *sp = *c->name ? " " : "";
    fprintf(stderr, "gongfu%s%s: ", sp, c->name);
    va_start(ap, fmt);
    cli_vsay(stderr, fmt, ap);   /* it quotes what was typed */
    va_end(ap);
    fprintf(stderr, "\nTry 'gongfu%s%s --help'.\n", sp, c->name);
    return 2;
}

static const struct cli_opt help_opt = {"help", ARG_FLAG, NULL, "this text", VAL_NONE, NULL, 0,
                                        0};

const struct cli_opt *args_find(const struct cli_opt *opts, const char *name)
{
    for (; opts && opts->name; opts++)
        if (!strcmp(opts->name, name))
            return opts;
    return NULL;
}

static int index_of(const struct cli_args *a, const char *name)
{
    const struct cli_opt *o = args_find(a->cmd->opts, name);
    if (!o) {
        /* A command asking for an option it did not declare is a programming error. */
        fprintf(stderr, "gongfu %s: no option --%s in its table\n", a->cmd->name, name);
        abort();
    }
    return (int)(o - a->cmd->opts);
}

const char *args_text(const struct cli_args *a, const char *name)
{
    return a->text[index_of(a, name)];
}

int args_flag(const struct cli_args *a, const char *name)
{
    return a->text[index_of(a, name)] != NULL;
}

long long args_number(const struct cli_args *a, const char *name, long long dflt)
{
    int i = index_of(a, name);
    return a->text[i] ? a->number[i] : dflt;
}

/* Edit distance over characters (so 舟山市 and 舟山 are one apart), capped rows. */
static size_t distance(const char *x, const char *y)
{
    uint32_t a[64], b[64];
    size_t na = 0, nb = 0, lx = strlen(x), ly = strlen(y);
    for (size_t i = 0; i < lx && na < 64; na++)
        i += (size_t)text_next(x + i, lx - i, &a[na]);
    for (size_t i = 0; i < ly && nb < 64; nb++)
        i += (size_t)text_next(y + i, ly - i, &b[nb]);
    size_t row[65];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

const char *args_nearest(const char *w, const char *const *words, size_t n)
{
    size_t chars = 0;
    for (const char *p = w; *p; p++)
        chars += ((unsigned char)*p & 0xc0) != 0x80;
    size_t limit = chars / 3 < 1 ? 1 : chars / 3 > 3 ? 3 : chars / 3;
    const char *best = NULL;
    size_t bd = limit + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(w, words[i]);
        if (d < bd)
            bd = d, best = words[i];
    }
    return best;
}

/* Option names of the table, --help last, for suggestions. */
static size_t names(const struct cli_command *c, const char **out, size_t cap)
{
    size_t n = 0;
    for (const struct cli_opt *o = c->opts; o && o->name && n + 1 < cap; o++)
        out[n++] = o->name;
    out[n++] = help_opt.name;
    return n;
}

/* The option that --word names: exact, else the one it is a prefix of. */
static const struct cli_opt *lookup(const struct cli_command *c, const char *word, size_t len)
{
    const struct cli_opt *hit = NULL;
    int many = 0;
    for (const struct cli_opt *o = c->opts; o && o->name; o++) {
        if (strncmp(o->name, word, len))
            continue;
        if (strlen(o->name) == len)
            return o;
        many += hit != NULL;
        hit = o;
    }
    if (!strncmp(help_opt.name, word, len)) {
        if (strlen(help_opt.name) == len)
            return &help_opt;
        many += hit != NULL;
        hit = &help_opt;
    }
    return many ? NULL : hit;
}

static int unknown(const struct cli_command *c, const char *arg, size_t len)
{
    const char *all[ARGS_MAX_OPTS + 1];
    size_t n = names(c, all, ARGS_MAX_OPTS + 1), matches = 0;
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(len < 63 ? len : 63), arg + 2);
    for (size_t i = 0; i < n; i++)
        matches += !strncmp(all[i], word, strlen(word));
    if (matches > 1) {
        char list[256] = "";
        for (size_t i = 0; i < n; i++)
            if (!strncmp(all[i], word, strlen(word)))
                snprintf(list + strlen(list), sizeof list - strlen(list), "%s--%s",
                         *list ? ", " : "", all[i]);
        return args_error(c, "option '--%s' is ambiguous: %s", word, list);
    }
    const char *near = args_nearest(word, all, n);
    if (near)
        return args_error(c, "unknown option '--%s'; did you mean --%s?", word, near);
    return args_error(c, "unknown option '--%s'", word);
}

/* Checks and stores one option's value. */
static int take_value(const struct cli_command *c, const struct cli_opt *o, const char *v,
                      struct cli_args *a)
{
    int i = (int)(o - c->opts);
    if (o->kind == ARG_NUMBER) {
        char *end;
        errno = 0;
        long long n = strtoll(v, &end, 10);
        if (errno || end == v || *end || n < o->min || n > o->max)
            return args_error(c, "--%s '%s': not a whole number from %lld to %lld", o->name, v,
                              o->min, o->max);
        a->number[i] = n;
    } else if (o->kind == ARG_CHOICE) {
        size_t len = strlen(v);
        const char *p = o->choices;
        while (p && *p) {
            size_t w = strcspn(p, " ");
            if (w == len && !strncmp(p, v, len))
                break;
            p += w + (p[w] == ' ');
        }
        if (!p || !*p || !len) {
            char list[256];
            snprintf(list, sizeof list, "%s", o->choices);
            for (char *s = list; (s = strchr(s, ' ')); )
                *s = '|';
            return args_error(c, "--%s '%s': not one of %s", o->name, v, list);
        }
    }
    a->text[i] = v;
    return -1;
}

/* Is this argument an option? "-" (standard input), "-1", "-护理" never are; "-x" is in a
 * command whose arguments are not words that may start with '-'. */
static int is_option(const struct cli_command *c, const char *s)
{
    if (s[0] != '-' || !s[1])
        return 0;
    if (s[1] == '-')
        return 1;
    int letter = (s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z');
    return letter && (!c->dash_words || !strcmp(s, "-h"));
}

int args_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *a)
{
    memset(a, 0, sizeof *a);
    a->cmd = c;
    a->argv = argv + 1;
    int help = 0, npos = 0, i = 1;
    for (; i < argc; i++) {
        char *s = argv[i];
        if (!strcmp(s, "--")) {
            i++;
            break;
        }
        if (!is_option(c, s)) {
            a->argv[npos++] = s;     /* in place: npos never passes i - 1 */
            continue;
        }
        if (s[1] != '-') {
            if (!strcmp(s, "-h")) {
                help = 1;
                continue;
            }
            return args_error(c, "unknown option '%s'", s);
        }
        const char *eq = strchr(s + 2, '=');
        size_t len = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
        const struct cli_opt *o = lookup(c, s + 2, len);
        if (!o)
            return unknown(c, s, len);
        if (o == &help_opt) {
            help = 1;
            continue;
        }
        const char *v = eq ? eq + 1 : NULL;
        if (o->kind == ARG_FLAG) {
            if (v)
                return args_error(c, "--%s takes no value", o->name);
            a->text[o - c->opts] = "";
            continue;
        }
        if (!v) {
            if (i + 1 >= argc)
                return args_error(c, "--%s needs a value (%s)", o->name, o->metavar);
            v = argv[++i];
        }
        int rc = take_value(c, o, v, a);
        if (rc >= 0)
            return rc;
    }
    while (i < argc)
        a->argv[npos++] = argv[i++];
    a->argc = npos;
    if (help) {
        args_usage(c, stdout);
        return 0;
    }
    if (npos < c->min_args)
        return args_error(c, npos ? "too few arguments: wanted %s" : "missing %s",
                          c->synopsis);
    if (c->max_args >= 0 && npos > c->max_args)
        return c->max_args ? args_error(c, "unexpected argument '%s' (wanted %s)",
                                        a->argv[c->max_args], c->synopsis)
                           : args_error(c, "unexpected argument '%s'", a->argv[0]);
    return -1;
}

void args_usage(const struct cli_command *c, FILE *f)
{
    fprintf(f, "usage: gongfu%s%s [OPTIONS]%s%s\n", *c->name ? " " : "", c->name,
            c->synopsis && *c->synopsis ? " " : "", c->synopsis ? c->synopsis : "");
    if (c->about)
        fputs(c->about, f);
    if (c->about_data)
        c->about_data(f);
    fputs("Options (anywhere on the line; -- ends them):\n", f);
    for (const struct cli_opt *o = c->opts; ; o++) {
        if (!o->name)
            o = &help_opt;
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->metavar ? " " : "",
                 o->metavar ? o->metavar : "");
        fprintf(f, "  %-15s %s", left, o->help);
        if (o->kind == ARG_NUMBER)
            fprintf(f, " (%lld to %lld)", o->min, o->max);
        fputc('\n', f);
        if (o == &help_opt)
            break;
    }
}
