/* fuzz_relations — the relations model on any sections: the input is cut into sections
 * at each '\n\n'; a section's first byte picks its document (of four) and kind (of two),
 * its first line is the title and the rest the text.
 * Properties: scores lie in [0, 1] and are symmetric; every pair joins two sections of one
 * kind in different documents, clears factor · background, and the lists are sorted, at
 * most RELATIONS_PER_DOC per document and RELATIONS_PER_SECTION in all; shared phrases are
 * valid UTF-8, written in the from section (whitespace dropped), at most
 * RELATIONS_MAX_PHRASES, none inside another; their spans in the other text are sorted,
 * disjoint, inside it and on character boundaries. */
#include <string.h>
#include <unistr.h>
#include "fuzz.h"
#include "gongfu/fold.h"
#include "gongfu/relations.h"

#define MAX_SECTIONS 64

static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s ? s : "") + 1), *o = out;
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            *o++ = *s;
    *o = 0;
    return out;
}

static void check_phrases(const struct relations_section *a, const char *shared)
{
    if (u8_check((const uint8_t *)shared, strlen(shared)))
        fuzz_fail("shared phrases are not valid UTF-8");
    char *title = squeeze(a->title), *text = squeeze(a->text), *copy = strdup(shared);
    char *p[RELATIONS_MAX_PHRASES + 2];
    size_t n = 0;
    for (char *t = strtok(copy, " "); t; t = strtok(NULL, " ")) {
        if (n == RELATIONS_MAX_PHRASES)
            fuzz_fail("more than %d phrases", RELATIONS_MAX_PHRASES);
        if (!strstr(title, t) && !strstr(text, t))
            fuzz_fail("phrase '%s' is not in the from section", t);
        p[n++] = t;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j && strstr(p[i], p[j]))
                fuzz_fail("phrase '%s' inside '%s'", p[j], p[i]);
    free(title), free(text), free(copy);
}

static void check_spans(const char *shared, const char *text)
{
    size_t len = strlen(text ? text : ""), n;
    struct search_span *sp;
    if (relations_spans(shared, text ? text : "", len, &sp, &n) < 0)
        return;
    for (size_t i = 0; i < n; i++) {
        uint32_t c;
        if (sp[i].start >= sp[i].end || sp[i].end > len || (i && sp[i].start <= sp[i - 1].end))
            fuzz_fail("span %zu [%u,%u) of %zu bytes", i, sp[i].start, sp[i].end, len);
        for (size_t at = 0; at < sp[i].end;) {
            size_t l = fold_decode(text + at, len - at, &c);
            if (at < sp[i].start && at + l > sp[i].start)
                fuzz_fail("span starts inside a character");
            if (at < sp[i].end && at + l > sp[i].end)
                fuzz_fail("span ends inside a character");
            at += l;
        }
    }
    free(sp);
}

static void check_pairs(const struct relations *m, const struct relations_section *s, size_t n,
                        const struct relations_pair *p, size_t np)
{
    size_t per_sec[MAX_SECTIONS] = {0}, per_doc[MAX_SECTIONS][4] = {{0}};
    for (size_t i = 0; i < np; i++) {
        size_t a = p[i].from, b = p[i].to;
        if (a >= n || b >= n)
            fuzz_fail("pair %zu: %zu → %zu of %zu sections", i, a, b, n);
        if (s[a].doc == s[b].doc || s[a].kind != s[b].kind)
            fuzz_fail("pair %zu → %zu: same document or other kind", a, b);
        if (p[i].score < RELATIONS_FACTOR * relations_background(m, a) - 1e-6)
            fuzz_fail("pair %zu → %zu below its threshold", a, b);
        if (i && (p[i].from < p[i - 1].from ||
                  (p[i].from == p[i - 1].from && p[i].score > p[i - 1].score)))
            fuzz_fail("pairs out of order at %zu", i);
        if (++per_sec[a] > RELATIONS_PER_SECTION || ++per_doc[a][s[b].doc] > RELATIONS_PER_DOC)
            fuzz_fail("section %zu has too many relations", a);
        char *shared = relations_shared(m, a, b);
        if (shared) {
            check_phrases(&s[a], shared);
            check_spans(shared, s[b].text);
        }
        free(shared);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char *in = fuzz_strdup(data, size), *cur = in;
    struct relations_section s[MAX_SECTIONS];
    size_t n = 0;
    while (cur && n < MAX_SECTIONS) {
        char *end = strstr(cur, "\n\n");
        if (end)
            *end = 0;
        unsigned char pick = (unsigned char)*cur;
        char *title = *cur ? cur + 1 : cur, *nl = strchr(title, '\n');
        if (nl)
            *nl = 0;
        s[n++] = (struct relations_section){pick % 4, (pick >> 2) % 2, title, nl ? nl + 1 : NULL};
        cur = end ? end + 2 : NULL;
    }
    struct relations *m;
    struct relations_pair *p;
    size_t np;
    struct err e = {{0}};
    if (relations_build(s, n, &m, &e) == 0) {
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++) {
                double x = relations_score(m, a, b);
                if (!(x >= 0 && x <= 1 + 1e-5) || x != relations_score(m, b, a))
                    fuzz_fail("score(%zu, %zu) = %g", a, b, x);
            }
        if (relations_pairs(m, RELATIONS_FACTOR, &p, &np, &e) == 0) {
            check_pairs(m, s, n, p, np);
            free(p);
        }
        relations_free(&m);
    }
    free(in);
    return 0;
}
