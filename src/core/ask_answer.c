/* ask_answer.c — an asker's life (open, question, close) and the answers about values:
 * a region's value (lookup), the regions that set one (which), regions side by side
 * (compare); ranks are in ask_rank.c, measures in ask_measures.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/vocab.h"
#include "ask_int.h"
#include "ask_values.h"

int ask_open(struct store *s, const struct ask_files *f, struct ask **out, struct err *e)
{
    struct ask *a = calloc(1, sizeof *a);
    *out = NULL;
    if (!a)
        return err_set(e, "out of memory"), -1;
    a->store = s;
    if (regions_load(f->regions, &a->regions, e) < 0 ||
        ask_grammar_load(f->grammar, &a->regions, &a->grammar, e) < 0 ||
        catalogue_load(f->indicators, &a->cat, e) < 0 ||
        search_open(store_db(s), f->vocab, &a->search, e) < 0 ||
        (f->vocab && vocab_load(f->vocab, &a->vocab, e) < 0) || ask_index_load(a, e) < 0) {
        ask_close(&a);
        return -1;
    }
    *out = a;
    return 0;
}

void ask_close(struct ask **pa)
{
    struct ask *a = pa ? *pa : NULL;
    if (!a)
        return;
    ask_index_free(a);
    search_close(&a->search);
    vocab_free(&a->vocab);
    catalogue_free(&a->cat);
    ask_grammar_free(&a->grammar);
    regions_free(&a->regions);
    free(a);
    *pa = NULL;
}

const struct ask_grammar *ask_grammar_of(const struct ask *a)
{
    return a->grammar;
}

static const char *kind_word(const struct target_row *t)
{
    return t->kind == TK_REPORTED ? "实际" : "目标";
}

/* "目标4.5个（2025年）" for row i; appended to the answer's text. */
static void say_value(struct ask *a, struct ask_build *b, size_t i, int with_kind)
{
    const struct target_row *t = &a->rows[i];
    char *v = ask_value_words(t);
    char year[24] = "";
    if (t->year)
        snprintf(year, sizeof year, "（%d年）", t->year);
    ask_say(b, "%s%s%s%s", with_kind ? kind_word(t) : "",
            t->flags && strstr(t->flags, "stretch") ? "力争" : "", v ? v : "", year);
    free(v);
}

static void add_rows(struct ask *a, struct ask_build *b, const size_t *sel, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ask_add_target(a, b, &a->rows[sel[i]], a->row_region[sel[i]], 1);
}

/* Every region that has values for the key, as "舟山市、台州市". */
static void other_regions(struct ask *a, const struct ask_intent *q, struct ask_build *b,
                          size_t key, int mode)
{
    size_t *sel = malloc((a->nrows + 1) * sizeof *sel);
    struct ask_intent any = *q;
    any.level = NULL;
    any.nplaces = 0;
    size_t n = sel ? ask_select(a, &any, key, 0, mode, sel) : 0;
    char list[512] = "";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const char *r = a->row_region[sel[i]];
        if (i && !strcmp(r, a->row_region[sel[i - 1]]))
            continue;
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? "、" : "", r);
        if (len >= sizeof list - 1)
            break;
    }
    if (len)
        ask_other(b, "有%s数值的地区：%s", a->keys[key].name, list);
    free(sel);
}

static int lookup(struct ask *a, const struct ask_intent *q, struct ask_build *b, size_t key,
                  int mode)
{
    const char *region = q->places[0].region, *name = a->keys[key].name;
    int year = q->places[0].year ? q->places[0].year : q->year;
    size_t *sel = malloc((a->nrows + 1) * sizeof *sel), n = 0;
    if (!sel)
        return -1;
    for (size_t i = 0; i < a->nrows; i++)
        if (ask_row_in(a, q, i, key, region, year, mode))
            sel[n++] = i;
    if (n) {
        b->ans->answered = 1;
        ask_say(b, "%s的%s：", region, name);
        for (size_t i = 0; i < n; i++) {
            ask_say(b, "%s", i ? "；" : "");
            say_value(a, b, sel[i], 1);
        }
        ask_say(b, "。");
        add_rows(a, b, sel, n);
        free(sel);
        return 0;
    }
    free(sel);
    int years[16];
    size_t ny = ask_years(a, q, key, region, mode, years, 16);
    char yw[256];
    ask_years_words(years, ny, yw, sizeof yw);
    if (year && ny) {
        ask_say(b, "文件中没有%s%d年的%s；有%s的。", region, year, name, yw);
        ask_other(b, "%s%s的%s", region, yw, name);
    } else if (mode != KM_ANY && ask_years(a, q, key, region, KM_ANY, years, 1)) {
        ask_say(b, "文件中没有%s%s的%s%s。", region, year ? "当年" : "", name,
                mode == KM_TARGETS ? "目标，只有实际数值" : "实际数值，只有目标");
        ask_other(b, "%s的%s（%s）", region, name, mode == KM_TARGETS ? "实际数值" : "目标");
    } else {
        ask_say(b, "文件中没有%s的%s%s。", region, name, mode == KM_REPORTED ? "实际数值"
                : "目标");
        other_regions(a, q, b, key, mode);
    }
    return 0;
}

static const char *level_word(const char *level)
{
    return !level ? "地区" : !strcmp(level, "city") ? "城市" : !strcmp(level, "province")
           ? "省份" : !strcmp(level, "county") ? "县（市、区）" : "地区";
}

static size_t count_regions(struct ask *a, const size_t *sel, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !i || strcmp(a->row_region[sel[i]], a->row_region[sel[i - 1]]);
    return k;
}

/* "舟山市4.5个（2025年）、台州市…" */
static void say_regions(struct ask *a, struct ask_build *b, const size_t *sel, size_t n,
                        const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        int same = i && !strcmp(a->row_region[sel[i]], a->row_region[sel[i - 1]]);
        ask_say(b, "%s%s", i ? (same ? "、" : sep) : "", same ? "" : a->row_region[sel[i]]);
        say_value(a, b, sel[i], 0);
    }
}

static int which(struct ask *a, const struct ask_intent *q, struct ask_build *b, size_t key,
                 int mode)
{
    size_t *sel = malloc((a->nrows + 1) * sizeof *sel);
    if (!sel)
        return -1;
    size_t n = ask_select(a, q, key, q->year, mode, sel);
    const char *name = a->keys[key].name, *what = mode == KM_REPORTED ? "实际数值" : "目标";
    char year[16] = "";
    if (q->year)
        snprintf(year, sizeof year, "%d年", q->year);
    if (!n) {
        ask_say(b, "文件中没有%s设定%s%s的%s。", level_word(q->level), year, name, what);
        if (q->year || q->level)
            other_regions(a, q, b, key, mode);
    } else {
        b->ans->answered = 1;
        ask_say(b, "设定了%s%s%s的%s有%zu个：", year, name, what, level_word(q->level),
                count_regions(a, sel, n));
        say_regions(a, b, sel, n, "；");
        ask_say(b, "。");
        add_rows(a, b, sel, n);
    }
    free(sel);
    return 0;
}

static int same_value(const struct target_row *x, const struct target_row *y)
{
    char *ux = targets_fold_key(x->unit, strlen(x->unit)),
         *uy = targets_fold_key(y->unit, strlen(y->unit));
    int same = ux && uy && !strcmp(ux, uy) && !strcmp(x->value_text, y->value_text) &&
               !strcmp(x->comparator, y->comparator);
    free(ux);
    free(uy);
    return same;
}

static int compare(struct ask *a, const struct ask_intent *q, struct ask_build *b, size_t key,
                   int mode)
{
    size_t *sel = malloc((a->nrows + 1) * sizeof *sel), n = 0, with = 0;
    if (!sel)
        return -1;
    const char *name = a->keys[key].name;
    char missing[512] = "";
    size_t mlen = 0;
    ask_say(b, "%s：", name);
    for (size_t p = 0; p < q->nplaces; p++) {
        const char *region = q->places[p].region;
        int year = q->places[p].year ? q->places[p].year : q->year;
        size_t first = n;
        for (size_t i = 0; i < a->nrows; i++)
            if (ask_row_in(a, q, i, key, region, year, mode))
                sel[n++] = i;
        if (n == first) {
            mlen += (size_t)snprintf(missing + mlen, sizeof missing - mlen, "%s%s",
                                     mlen ? "、" : "", region);
            if (mlen >= sizeof missing)
                mlen = sizeof missing - 1;
            continue;
        }
        ask_say(b, "%s%s", with++ ? "；" : "", region);
        for (size_t i = first; i < n; i++) {
            ask_say(b, "%s", i > first ? "、" : "");
            say_value(a, b, sel[i], mode == KM_ANY);
        }
    }
    ask_say(b, "。");
    int same = with >= 2;
    for (size_t i = 1; same && i < n; i++)
        same = same_value(&a->rows[sel[0]], &a->rows[sel[i]]);
    if (same)
        ask_say(b, "%s的目标相同。", with == 2 ? "两地" : "各地");
    if (mlen)
        ask_say(b, "文件中没有%s的%s%s。", missing, name, mode == KM_REPORTED ? "实际数值"
                : "目标");
    b->ans->answered = with > 0;
    add_rows(a, b, sel, n);
    free(sel);
    return 0;
}

/* Words of the subject the chosen indicator does not cover (the second of two indicators
 * asked at once): said, so that nothing asked is passed over in silence. */
static void say_unused(struct ask *a, const struct ask_intent *q, struct ask_build *b,
                       size_t key)
{
    unsigned char *cov = calloc(q->n + 1, 1);
    if (!cov)
        return;
    const struct ask_key *k = &a->keys[key];
    for (size_t t = 0; t < k->ntexts; t++)
        ask_match(q, k->texts[t], k->ntext[t], cov);
    for (size_t i = 0; i < q->ntok; i++) {
        const struct ask_token *t = &q->tok[i];
        size_t j = i, chars = 0;
        while (j < q->ntok && q->tok[j].role == AR_CONTENT && !cov[q->tok[j].start])
            chars += q->tok[j].end - q->tok[j].start, j++;
        if (chars >= 2) {
            ask_other(b, "问题里的“%.*s”没有用上，可以另问", (int)(q->tok[j - 1].oend - t->ostart),
                      b->question + t->ostart);
            break;
        }
        i = j > i ? j - 1 : i;
    }
    free(cov);
}

static int answer_values(struct ask *a, const struct ask_intent *q, struct ask_build *b)
{
    int mode = ask_kind_mode(q, q->kind != ASK_LOOKUP);
    if (!*q->subject) {
        ask_say(b, "问题里没有看出问的是哪个指标。");
        return 0;
    }
    struct ask_resolved r;
    if (ask_resolve(a, q, mode, 0, &r) < 0)
        return -1;
    /* No phrase names it anywhere: the places' phrases with their sentences may. */
    if (!r.found && q->nplaces && ask_resolve(a, q, mode, 1, &r) < 0)
        return -1;
    if (!r.found) {
        ask_say(b, "文件中没有与“%s”对应的指标%s。", q->subject,
                mode == KM_REPORTED ? "数值" : "目标");
        if (r.has_near)
            ask_other(b, "最接近的指标：%s", a->keys[r.near.key].name);
        return 0;
    }
    if (r.nalts) {
        ask_reading(b, "“%s”按“%s”理解", q->subject, a->keys[r.best.key].name);
        for (size_t i = 0; i < r.nalts; i++)
            ask_other(b, "%s", a->keys[r.alts[i].key].name);
    }
    say_unused(a, q, b, r.best.key);
    switch (q->kind) {
    case ASK_LOOKUP:
        return lookup(a, q, b, r.best.key, mode);
    case ASK_COMPARE:
        return q->nplaces >= 2 ? compare(a, q, b, r.best.key, mode)
                               : which(a, q, b, r.best.key, mode);
    case ASK_RANK:
        return ask_rank(a, q, b, r.best.key, mode);
    default:
        return which(a, q, b, r.best.key, mode);
    }
}

/* A region the question names that no document is for or about. */
static const char *region_without_docs(const struct ask *a, const struct ask_intent *q)
{
    for (size_t i = 0; i < q->nplaces; i++)
        if (!ask_region_has_docs(a, q->places[i].region))
            return q->places[i].region;
    return NULL;
}

int ask_question(struct ask *a, const char *question, struct ask_answer *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    struct ask_intent q;
    if (ask_parse(a->grammar, question, &q, e) < 0)
        return -1;
    struct ask_build b = {.ans = out, .question = question, .e = e};
    out->kind = q.kind;
    const char *missing = region_without_docs(a, &q);
    int rc = 0;
    if (missing && (q.kind != ASK_COMPARE || q.nplaces < 2)) {
        ask_say(&b, "没有%s的文件，无法回答。", missing);
    } else {
        rc = q.kind == ASK_MEASURES ? ask_answer_measures(a, &q, &b)
             : q.kind == ASK_PROGRESS ? ask_answer_progress(a, &q, &b)
             : answer_values(a, &q, &b);
    }
    if (q.truncated)
        ask_other(&b, "问题太长，只读了前%d个字", ASK_MAX_CHARS);
    ask_intent_free(&q);
    if (a->read_failed) {
        a->read_failed = 0;
        ask_answer_free(out);
        return err_set(e, "%s", a->read_err.msg), -1;
    }
    if (rc < 0 || b.oom) {
        ask_answer_free(out);
        return err_set(e, "out of memory"), -1;
    }
    if (!out->answered)
        for (size_t i = 0; i < out->nrows; i++)
            out->rows[i].answer = 0;
    return 0;
}
