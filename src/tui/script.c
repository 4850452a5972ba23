/* script.c — headless input and screen dumps. Dumps read the terminal's image (curscr)
 * after the last refresh, cell by cell with their wide characters, so a test sees what a
 * terminal would show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>
#include <wchar.h>
#include "gongfu/text.h"
#include "script.h"
#include "theme.h"

struct script {
    FILE *f;
    struct input *queue;
    size_t n, i, cap;
    int ahead;          /* the queued keys were typed ahead (an "ahead" line) */
    char *line;
    size_t line_cap;
    int held;           /* line holds the next line, read but not yet run */
};

int script_open(const char *path, struct script **out, struct err *e)
{
    struct script *s = calloc(1, sizeof *s);
    if (!s || !(s->f = fopen(path, "r"))) {
        err_set(e, "%s: cannot read the key script", path);
        free(s);
        return -1;
    }
    *out = s;
    return 0;
}

void script_close(struct script **s)
{
    if (!*s)
        return;
    fclose((*s)->f);
    free((*s)->queue);
    free((*s)->line);
    free(*s);
    *s = NULL;
}

static void push(struct script *s, struct input in)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        struct input *q = realloc(s->queue, cap * sizeof *q);
        if (!q)
            return;
        s->queue = q;
        s->cap = cap;
    }
    s->queue[s->n++] = in;
}

static void push_key(struct script *s, keycode k)
{
    struct input in;
    memset(&in, 0, sizeof in);
    in.key = k;
    push(s, in);
}

static void type_text(struct script *s, const char *t)
{
    size_t n = strlen(t);
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)text_next(t + i, n - i, &c);
        push_key(s, (keycode)c);
    }
}

static void parse_keys(struct script *s, char *rest)
{
    for (char *save = NULL, *w = strtok_r(rest, " \t", &save); w;
         w = strtok_r(NULL, " \t", &save)) {
        keycode k;
        if (w[0] == '<' && key_parse(w, &k) == 0)
            push_key(s, k);
        else
            type_text(s, w);
    }
}

static void mouse(struct script *s, mmask_t bstate, const char *rest)
{
    struct input in;
    memset(&in, 0, sizeof in);
    in.key = KEYF(KEY_MOUSE);
    in.mouse.bstate = bstate;
    if (sscanf(rest, "%d %d", &in.mouse.x, &in.mouse.y) == 2)
        push(s, in);
}

/* Appends the resident memory in kB, for tests that memory stays flat. */
static void mem_note(const char *path)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    FILE *o = fopen(path, "a");
    if (o) {
        fprintf(o, "%ld\n", resident * (sysconf(_SC_PAGESIZE) / 1024));
        fclose(o);
    }
}

/* The next line that is not blank or a comment, held in s->line; 0 at the end. */
static int next_line(struct script *s)
{
    while (!s->held && getline(&s->line, &s->line_cap, s->f) >= 0) {
        s->line[strcspn(s->line, "\r\n")] = '\0';
        const char *verb = s->line + strspn(s->line, " \t");
        s->held = *verb && *verb != '#';
    }
    return s->held;
}

/* Reads lines until some input is queued; runs dumps. 0 at the end. */
static int refill(struct script *s)
{
    s->n = s->i = 0;
    s->ahead = 0;
    while (!s->n && next_line(s)) {
        s->held = 0;
        char *verb = s->line + strspn(s->line, " \t");
        char *rest = verb + strcspn(verb, " \t");
        if (*rest)
            *rest++ = '\0';
        if (!strcmp(verb, "keys")) {
            parse_keys(s, rest);
        } else if (!strcmp(verb, "ahead")) {
            parse_keys(s, rest);
            s->ahead = 1;
        } else if (!strcmp(verb, "type")) {
            type_text(s, rest);
        } else if (!strcmp(verb, "resize")) {
            int c, l;
            if (sscanf(rest, "%d %d", &c, &l) == 2 && c > 0 && l > 0) {
                resizeterm(l, c);
                push_key(s, KEYF(KEY_RESIZE));
            }
        } else if (!strcmp(verb, "click")) {
            mouse(s, BUTTON1_CLICKED, rest);
        } else if (!strcmp(verb, "wheel-up")) {
            mouse(s, BUTTON4_PRESSED, rest);
        } else if (!strcmp(verb, "wheel-down")) {
            mouse(s, BUTTON5_PRESSED, rest);
        } else if (!strcmp(verb, "mem")) {
            mem_note(rest);
        } else if (!strcmp(verb, "dump") || !strcmp(verb, "dumproles")) {
            if (screen_dump(rest, verb[4] == 'r') < 0)
                fprintf(stderr, "gongfu: cannot write the dump %s\n", rest);
        } else {
            fprintf(stderr, "gongfu: script: unknown command \"%s\"\n", verb);
        }
    }
    return s->n > 0;
}

int script_next(struct script *s, struct input *in)
{
    if (s->i >= s->n && !refill(s))
        return 0;
    *in = s->queue[s->i++];
    return 1;
}

int script_ahead(struct script *s)
{
    if (s->i < s->n)
        return s->ahead;
    if (!next_line(s))
        return 0;
    const char *verb = s->line + strspn(s->line, " \t");
    if (strncmp(verb, "ahead", 5) || (verb[5] && verb[5] != ' ' && verb[5] != '\t'))
        return 0;   /* the line stays held, run when the next input is asked for */
    return refill(s) && s->ahead;
}

/* The role a colour pair stands for ('A' + role); a highlight drawn over a line's
 * background (theme_over) is that line's role in lower case. */
static char role_letter(short pair)
{
    int over;
    enum role r = theme_pair_role(pair, &over);
    return r >= ROLE_COUNT ? '.' : (char)((over ? 'a' : 'A') + r);
}

int screen_dump(const char *path, int roles)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    cchar_t *cells = calloc((size_t)COLS + 1, sizeof *cells);
    char *line = malloc((size_t)COLS * 8 + 1);
    for (int y = 0; cells && line && y < LINES; y++) {
        int n = mvwin_wchnstr(curscr, y, 0, cells, COLS);
        size_t o = 0, keep = 0;
        for (int i = 0, col = 0; n != ERR && i < COLS && col < COLS; i++) {
            wchar_t wc[CCHARW_MAX + 1] = { 0 };
            attr_t at;
            short pair;
            if (getcchar(&cells[i], wc, &at, &pair, NULL) == ERR || !wc[0])
                break;
            int cw = wcwidth(wc[0]);
            cw = cw < 1 ? 1 : cw;
            if (roles) {
                for (int k = 0; k < cw; k++)
                    line[o++] = role_letter(pair);
                keep = o;
            } else {
                char mb[MB_LEN_MAX];
                int len = (int)wcrtomb(mb, wc[0], NULL);
                if (len > 0) {
                    memcpy(line + o, mb, (size_t)len);
                    o += (size_t)len;
                }
                if (wc[0] != L' ')
                    keep = o;
            }
            col += cw;
        }
        line[roles ? o : keep] = '\0';
        fprintf(f, "%s\n", line);
    }
    free(cells);
    free(line);
    return fclose(f) == 0 ? 0 : -1;
}
