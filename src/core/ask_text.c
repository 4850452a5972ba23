/* ask_text.c — an answer's parts: its sentences, its readings and its rows, each row with
 * the sentence of the source it rests on; values put in words. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/array.h"
#include "ask_int.h"

static char *vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    return vasprintf(&s, fmt, ap) < 0 ? NULL : s;
}

/* Appends to *dst (a sentence after a sentence, no separator: Chinese needs none). */
static void append(struct ask_build *b, char **dst, const char *s)
{
    if (!s) {
        b->oom = 1;
        return;
    }
    size_t n = *dst ? strlen(*dst) : 0;
    char *d = realloc(*dst, n + strlen(s) + 1);
    if (!d) {
        b->oom = 1;
        return;
    }
    strcpy(d + n, s);
    *dst = d;
}

void ask_say(struct ask_build *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    append(b, &b->ans->text, s);
    free(s);
}

void ask_reading(struct ask_build *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    free(b->ans->reading);
    b->ans->reading = s;
    if (!s)
        b->oom = 1;
}

void ask_other(struct ask_build *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    char **o = s ? realloc(b->ans->others, (b->ans->nothers + 1) * sizeof *o) : NULL;
    if (!o) {
        free(s);
        b->oom = 1;
        return;
    }
    b->ans->others = o;
    o[b->ans->nothers++] = s;
}

struct ask_row *ask_add_row(struct ask_build *b)
{
    struct ask_answer *ans = b->ans;
    if (array_grow((void **)&ans->rows, &b->cap, ans->nrows + 1, sizeof *ans->rows) < 0) {
        b->oom = 1;
        return NULL;
    }
    struct ask_row *r = &ans->rows[ans->nrows++];
    memset(r, 0, sizeof *r);
    return r;
}

static int is_stop(const char *s)
{
    static const char *const stops[] = {"。", "！", "？", "；", "\n"};
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
        if (!strncmp(s, stops[i], strlen(stops[i])))
            return (int)strlen(stops[i]);
    return 0;
}

char *ask_sentence(const char *text, size_t n, size_t start, size_t end, size_t *hl_start,
                   size_t *hl_end)
{
    if (start > n)
        start = n;
    if (end > n || end < start)
        end = start;
    size_t a = start, z = end;
    /* Back to just after the previous stop; on to just after the next. */
    while (a > 0) {
        size_t k = a - 1;
        while (k > 0 && ((unsigned char)text[k] & 0xc0) == 0x80)
            k--;
        if (is_stop(text + k) && k + (size_t)is_stop(text + k) <= a)
            break;
        a = k;
    }
    while (z < n) {
        int s = is_stop(text + z);
        if (s) {
            z += text[z] == '\n' ? 0 : (size_t)s;
            break;
        }
        z++;
    }
    *hl_start = start - a;
    *hl_end = end - a;
    return strndup(text + a, z - a);
}

static const char *cmp_sign(const char *c)
{
    if (!c)
        return "";
    return !strcmp(c, ">=") ? "≥" : !strcmp(c, "<=") ? "≤" : !strcmp(c, ">") ? ">"
           : !strcmp(c, "<") ? "<" : "";
}

/* A value in words from its parts; qualitative values take words for their signs. */
static char *value_words(const char *cmp, const char *value, const char *unit,
                         const char *flags, int qualitative, const char *freq)
{
    cmp = cmp ? cmp : "=";
    const char *pre = cmp_sign(cmp);
    if (qualitative)
        pre = !strcmp(cmp, ">") ? "高于" : !strcmp(cmp, ">=") ? "不低于"
              : !strcmp(cmp, "<") ? "低于" : !strcmp(cmp, "<=") ? "不高于" : "";
    int inferred = flags && strstr(flags, "inferred-unit");
    char *s = NULL;
    if (asprintf(&s, "%s%s%s%s%s%s", freq && !strcmp(freq, "annual") ? "每年"
                 : freq && !strcmp(freq, "cumulative") ? "累计" : "", pre, value ? value : "",
                 unit ? unit : "", inferred ? "*" : "", !strcmp(cmp, "~") ? "左右" : "") < 0)
        return NULL;
    return s;
}

char *ask_value_words(const struct target_row *t)
{
    return value_words(t->comparator, t->value_text, t->unit, t->flags, isnan(t->value),
                       target_freq_name(t->freq));
}

char *ask_row_value(const struct ask_row *r)
{
    if (!r->value)
        return strdup("");
    return value_words(r->comparator, r->value, r->unit, r->flags,
                       r->flags && strstr(r->flags, "qualitative"), r->frequency);
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

struct ask_row *ask_add_target(struct ask *a, struct ask_build *b, const struct target_row *t,
                               const char *region, int answer)
{
    struct ask_row *r = ask_add_row(b);
    if (!r)
        return NULL;
    char *text = ask_section_text(a, t->node_id);
    r->answer = answer;
    r->region = dup_or_empty(region);
    r->indicator = dup_or_empty(t->indicator_name ? t->indicator_name : t->phrase);
    r->kind = dup_or_empty(target_kind_name(t->kind));
    r->comparator = dup_or_empty(t->comparator);
    r->value = dup_or_empty(t->value_text);
    r->unit = dup_or_empty(t->unit);
    r->frequency = dup_or_empty(target_freq_name(t->freq));
    r->flags = dup_or_empty(t->flags);
    r->year = t->year;
    r->slug = dup_or_empty(t->doc_slug);
    r->path = dup_or_empty(t->path);
    r->node_id = t->node_id;
    r->target_id = t->id;
    r->offset = (size_t)t->start;
    if (text) {
        size_t n = strlen(text);
        r->sentence = ask_sentence(text, n, (size_t)t->start, (size_t)t->end, &r->hl_start,
                                   &r->hl_end);
    } else {
        r->sentence = strdup("");
    }
    free(text);
    if (!r->region || !r->indicator || !r->kind || !r->comparator || !r->value || !r->unit ||
        !r->frequency || !r->flags || !r->slug || !r->path || !r->sentence)
        b->oom = 1;
    return r;
}

static void row_free(struct ask_row *r)
{
    free(r->region);
    free(r->indicator);
    free(r->kind);
    free(r->comparator);
    free(r->value);
    free(r->unit);
    free(r->frequency);
    free(r->flags);
    free(r->status);
    free(r->slug);
    free(r->path);
    free(r->sentence);
}

void ask_answer_free(struct ask_answer *ans)
{
    for (size_t i = 0; i < ans->nrows; i++)
        row_free(&ans->rows[i]);
    free(ans->rows);
    for (size_t i = 0; i < ans->nothers; i++)
        free(ans->others[i]);
    free(ans->others);
    free(ans->text);
    free(ans->reading);
    memset(ans, 0, sizeof *ans);
}
