/* fuzz_ask — the question parser on anything a user can type, with the real grammar
 * (data/ask.tsv) and regions (data/regions.tsv); and, when the embedded database is there
 * (build/gongfu.db, or $GONGFU_DB), the whole asker. Properties: the tokens cover the
 * folded question in order, each with a known role, their bytes inside the question and
 * never going back; classes match roles; places are regions of the table, years in range,
 * the level one of the grammar's; the subject is made of the question's own bytes. An
 * answer invents nothing: every value row's value is written in its source sentence, every
 * source names a document of the database, and an answer that cannot be given has no
 * answer rows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz.h"
#include "gongfu/ask.h"
#include "gongfu/fold.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"

static struct regions regions;
static struct ask_grammar *grammar;
static struct store *store;
static struct ask *ask;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    struct err e = {{0}};
    if (regions_load(fuzz_data_file("regions.tsv"), &regions, &e) < 0 ||
        ask_grammar_load(fuzz_data_file("ask.tsv"), &regions, &grammar, &e) < 0)
        fuzz_fail("%s", e.msg);
    const char *db = getenv("GONGFU_DB");
    db = db && *db ? db : "build/gongfu.db";
    if (access(db, R_OK) == 0) {
        store_add_hooks(&search_hooks);
        store_add_hooks(&targets_hooks);
        struct ask_files f = ask_data_files();
        if (store_open(db, STORE_READ, &store, &e) < 0 || ask_open(store, &f, &ask, &e) < 0)
            fuzz_fail("%s: %s", db, e.msg);
    }
    return 0;
}

static int known_region(const char *name)
{
    for (size_t i = 0; i < regions.n; i++)
        if (!strcmp(regions.v[i].name, name))
            return 1;
    return 0;
}

static void check_intent(const char *s, const struct ask_intent *q)
{
    size_t len = strlen(s), at = 0, ob = 0;
    for (size_t i = 0; i < q->ntok; i++) {
        const struct ask_token *t = &q->tok[i];
        if (t->start != at || t->end <= t->start || t->end > q->n)
            fuzz_fail("token %zu covers [%zu,%zu), expected to start at %zu", i, t->start,
                      t->end, at);
        if (t->ostart < ob || t->oend < t->ostart || t->oend > len)
            fuzz_fail("token %zu bytes [%zu,%zu) in a question of %zu", i, t->ostart, t->oend,
                      len);
        if ((unsigned)t->role > AR_CONTENT)
            fuzz_fail("token %zu role %d", i, (int)t->role);
        for (size_t k = t->start; k < t->end; k++)
            if (q->cls[k] != (t->role == AR_CONTENT ? ASK_SUBJECT
                              : t->role == AR_REGION || t->role == AR_YEAR ||
                                t->role == AR_PERIOD || t->role == AR_PUNCT || t->role == AR_AND
                                  ? ASK_CUT : ASK_WORD))
                fuzz_fail("class of character %zu does not match role %s", k,
                          ask_role_name(t->role));
        at = t->end, ob = t->ostart;
    }
    if (at != q->n)
        fuzz_fail("tokens end at %zu of %zu", at, q->n);
    if (q->nplaces > ASK_MAX_PLACES || (unsigned)q->kind > ASK_MEASURES ||
        (unsigned)q->order > ASK_STRICT)
        fuzz_fail("intent out of range");
    for (size_t i = 0; i < q->nplaces; i++)
        if (!known_region(q->places[i].region) ||
            (q->places[i].year && (q->places[i].year < 1900 || q->places[i].year > 2200)))
            fuzz_fail("place %zu: %s %d", i, q->places[i].region, q->places[i].year);
    if (q->year && (q->year < 1900 || q->year > 2200))
        fuzz_fail("year %d", q->year);
    int level_ok = !q->level;
    for (size_t i = 0; ask_levels[i] && !level_ok; i++)
        level_ok = !strcmp(q->level, ask_levels[i]);
    if (!level_ok)
        fuzz_fail("level %s", q->level);
    /* Each run of the subject is a piece of the question. */
    char *copy = strdup(q->subject);
    for (char *p = copy, *run; (run = strsep(&p, "\xe2\x80\xa6"));)
        if (*run && !strstr(s, run))
            fuzz_fail("subject run '%s' is not in the question", run);
    free(copy);
}

/* 1 when the row's highlight writes a number in Chinese numerals ("扩至低保标准的两倍" is
 * the value 2 倍): the extractor gives such a value in digits, which the sentence does
 * not hold as such. */
static int chinese_numeral_in(const struct ask_row *r)
{
    static const char *const numerals[] = { "〇", "零", "一", "二", "两", "三", "四", "五",
                                            "六", "七", "八", "九", "十", "百", "千", "万",
                                            "亿" };
    if (r->hl_end <= r->hl_start || r->hl_end > strlen(r->sentence))
        return 0;
    char *hl = strndup(r->sentence + r->hl_start, r->hl_end - r->hl_start);
    int found = 0;
    for (size_t i = 0; hl && !found && i < sizeof numerals / sizeof *numerals; i++)
        found = strstr(hl, numerals[i]) != NULL;
    free(hl);
    return found;
}

static void check_answer(const struct ask_answer *a)
{
    if (!a->text || !*a->text)
        fuzz_fail("an answer with no text");
    for (size_t i = 0; i < a->nrows; i++) {
        const struct ask_row *r = &a->rows[i];
        if (!a->answered && r->answer)
            fuzz_fail("an answer that cannot be given states row %zu", i);
        struct doc_row *d = NULL;
        struct err e = {{0}};
        if (store_doc_by_slug(store, r->slug, &d, &e) < 0)
            fuzz_fail("row %zu cites %s, which is no document", i, r->slug);
        store_docs_free(&d, 1);
        if (strcmp(r->kind, "measure") && r->value && *r->value &&
            !strstr(r->sentence, r->value) && !chinese_numeral_in(r))
            fuzz_fail("row %zu's value %s is not in its sentence: %s", i, r->value,
                      r->sentence);
        if (r->hl_end < r->hl_start || r->hl_end > strlen(r->sentence))
            fuzz_fail("row %zu's highlight is outside its sentence", i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_strdup(data, size);
    struct ask_intent q;
    struct err e = {{0}};
    if (ask_parse(grammar, s, &q, &e) < 0)
        fuzz_fail("ask_parse: %s", e.msg);
    check_intent(s, &q);
    ask_intent_free(&q);
    if (ask) {
        struct ask_answer a;
        if (ask_question(ask, s, &a, &e) < 0)
            fuzz_fail("ask_question: %s", e.msg);
        check_answer(&a);
        ask_answer_free(&a);
    }
    free(s);
    return 0;
}
