/* fuzz_targets — the target extractor on a section's text, linked with the real catalogue
 * (data/indicators.tsv). Properties: every target's spans (fragment, phrase, value) lie
 * inside the text and the phrase and value inside the fragment; the strings it hands on are
 * valid UTF-8 when the text is; comparator, flags, kind, frequency and year are in range;
 * a number is a number and a level has none. */
#include <math.h>
#include <string.h>
#include <unistr.h>
#include "fuzz.h"
#include "gongfu/catalogue.h"
#include "gongfu/targets.h"

static struct catalogue *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    struct err e = {{0}};
    if (catalogue_load(fuzz_data_file("indicators.tsv"), &cat, &e) < 0)
        fuzz_fail("%s", e.msg);
    return 0;
}

static void utf8(const char *what, const char *s, size_t i)
{
    if (!s)
        fuzz_fail("target %zu: %s is NULL", i, what);
    if (u8_check((const uint8_t *)s, strlen(s)))
        fuzz_fail("target %zu: %s is not valid UTF-8", i, what);
}

static void span(const char *what, size_t a, size_t b, size_t lo, size_t hi, size_t i)
{
    if (a > b || a < lo || b > hi)
        fuzz_fail("target %zu: %s [%zu,%zu) outside [%zu,%zu)", i, what, a, b, lo, hi);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    const char *text = (const char *)data;
    int valid = u8_check(data, size) == NULL;
    struct targets_opts o = {.default_year = 2025, .cat = cat};
    struct target_list l = {0};
    struct err e = {{0}};
    if (targets_extract(text, size, &o, &l, &e) < 0)
        fuzz_fail("targets_extract failed: %s", e.msg);
    for (size_t i = 0; i < l.n; i++) {
        const struct target *t = &l.v[i];
        span("fragment", t->start, t->end, 0, size, i);
        if (t->start == t->end)
            fuzz_fail("target %zu: empty fragment", i);
        span("phrase", t->phrase_start, t->phrase_end, t->start, t->end, i);
        span("value", t->value_start, t->value_end, t->start, t->end, i);
        if (valid) {
            utf8("phrase", t->phrase, i), utf8("value_text", t->value_text, i);
            utf8("unit", t->unit, i), utf8("qualifier", t->qualifier, i);
        }
        if ((unsigned)t->cmp > CMP_APPROX || (t->flags & ~(unsigned)(TF_INFERRED_UNIT |
            TF_DISTRIBUTED | TF_APPROX | TF_STRETCH | TF_QUALITATIVE)))
            fuzz_fail("target %zu: comparator %d, flags %u", i, (int)t->cmp, t->flags);
        if ((unsigned)t->kind > TK_REPORTED || (unsigned)t->freq > TFQ_CUMULATIVE)
            fuzz_fail("target %zu: kind %d, frequency %d", i, (int)t->kind, (int)t->freq);
        if (t->for_region)
            utf8("for_region", t->for_region, i);
        if ((t->flags & TF_QUALITATIVE) ? !isnan(t->value) : !isfinite(t->value))
            fuzz_fail("target %zu: value %g with flags %u", i, t->value, t->flags);
        if (t->year && (t->year < 1900 || t->year > 2200))
            fuzz_fail("target %zu: year %d", i, t->year);
    }
    target_list_free(&l);
    return 0;
}
