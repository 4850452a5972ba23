/* ask_progress.c — whether a region met its target: each target that is due (its year not
 * after the latest value reported for it) beside that value, as targets_progress pairs and
 * judges them; where no target is due, the values reported; and, for a count of a named
 * thing (a train line, a port: a phrase the catalogue does not hold) that a city set and
 * only the province reports, the province's figure, said to be the province's. A
 * catalogue indicator is a rate of the region itself: the province's value is never a
 * city's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/fold.h"
#include "ask_int.h"
#include "ask_values.h"

static const char *status_words(enum progress_status s)
{
    return s == PROGRESS_MET ? "已完成" : s == PROGRESS_NOT_YET ? "尚未完成" : "无法判断";
}

/* The latest year a value is reported for the key in the region, 0 if none. */
static int latest_reported(const struct ask *a, const struct ask_intent *q, size_t key,
                           const char *region, size_t *row)
{
    int year = 0;
    for (size_t i = 0; i < a->nrows; i++)
        if (ask_row_in(a, q, i, key, region, 0, KM_REPORTED) && !isnan(a->rows[i].value) &&
            a->rows[i].year >= year) {
            year = a->rows[i].year;
            *row = i;
        }
    return year;
}

/* The names a sentence writes in quotes or brackets (“义新欧”, （义新欧）), folded; each
 * appended to out as "|name|". */
static void bracketed(const char *s, char *out, size_t cap)
{
    static const char *const open[] = {"“", "「", "『", "《", "（", "(", "【"},
                             *const close[] = {"”", "」", "』", "》", "）", ")", "】"};
    char *f = fold_utf8(s, strlen(s), NULL, NULL);   /* keeps the quotes */
    size_t len = strlen(out);
    for (const char *p = f; p && *p; p++)
        for (size_t k = 0; k < sizeof open / sizeof *open; k++) {
            size_t lo = strlen(open[k]);
            if (strncmp(p, open[k], lo))
                continue;
            const char *z = strstr(p + lo, close[k]);
            size_t n = z ? (size_t)(z - p - lo) : 0;
            if (n >= 6 && n <= 36 && len + n + 3 < cap) {
                len += (size_t)snprintf(out + len, cap - len, "|%.*s|", (int)n, p + lo);
            }
        }
    free(f);
}

static int shares_name(const char *x, const char *y)
{
    char nx[1024] = "", ny[1024] = "";
    bracketed(x, nx, sizeof nx);
    bracketed(y, ny, sizeof ny);
    for (char *p = nx; *p;) {
        char *z = strchr(p + 1, '|');
        if (!z)
            break;
        char one[300];
        snprintf(one, sizeof one, "%.*s", (int)(z - p + 1), p);
        if (strstr(ny, one))
            return 1;
        p = z + 1;
    }
    return 0;
}

static int names_region(const struct ask *a, const char *sentence, const char *region)
{
    const struct region *g = ask_region(a, region);
    char *f = targets_fold_key(sentence, strlen(sentence));
    int found = 0;
    for (size_t i = 0; f && g && i < g->naliases && !found; i++) {
        char *al = targets_fold_key(g->aliases[i], strlen(g->aliases[i]));
        found = al && *al && strstr(f, al);
        free(al);
    }
    free(f);
    return found;
}

static char *sentence_of(struct ask *a, const struct target_row *t)
{
    char *text = ask_section_text(a, t->node_id);
    size_t hs, he;
    char *s = text ? ask_sentence(text, strlen(text), (size_t)t->start, (size_t)t->end, &hs,
                                  &he) : NULL;
    free(text);
    return s;
}

/* A value reported for a region that holds this one, for the same named thing as the
 * target: the same unit, and a sentence that shares a quoted name with the target's or
 * names the target's region. Returns its row index, or a->nrows. */
static size_t wider_figure(struct ask *a, const struct target_row *t, const char *region)
{
    const struct region *own = ask_region(a, region);
    char *tu = targets_fold_key(t->unit, strlen(t->unit)), *ts = NULL;
    size_t best = a->nrows;
    int best_named = 0;
    for (size_t i = 0; own && tu && i < a->nrows; i++) {
        const struct target_row *r = &a->rows[i];
        const struct region *g = a->row_reg[i];
        if (r->kind != TK_REPORTED || isnan(r->value) || !g || g == own ||
            !regions_within(&a->regions, own, g) || (t->year && r->year > t->year))
            continue;
        char *ru = targets_fold_key(r->unit, strlen(r->unit));
        int same = ru && !strcmp(ru, tu) && *tu;
        free(ru);
        if (!same)
            continue;
        if (!ts && !(ts = sentence_of(a, t)))
            break;
        char *rs = sentence_of(a, r);
        int named = rs && shares_name(ts, rs) ? 2 : rs && names_region(a, rs, region) ? 1 : 0;
        free(rs);
        if (named > best_named || (named && named == best_named && r->year > a->rows[best].year))
            best = i, best_named = named;
    }
    free(tu);
    free(ts);
    return best;
}

/* A value reported for a region that holds this one, for what the question's subject
 * names (the province's 托位数 beside a city's target): shown, never judged — it is not the
 * city's. Returns its row index, or a->nrows. */
static size_t holder_value(struct ask *a, const struct ask_intent *q, const char *region)
{
    const struct region *own = ask_region(a, region);
    size_t best = a->nrows;
    double best_score = 0;
    for (size_t i = 0; own && i < a->nrows; i++) {
        const struct target_row *r = &a->rows[i];
        const struct region *g = a->row_reg[i];
        if (r->kind != TK_REPORTED || isnan(r->value) || !g || g == own ||
            !regions_within(&a->regions, own, g))
            continue;
        const struct ask_key *k = &a->keys[a->row_key[i]];
        for (size_t t = 0; t < k->ntexts; t++) {
            struct ask_score s = ask_match(q, k->texts[t], k->ntext[t], NULL);
            if (ask_score_accepted(&s) && (s.score > best_score ||
                                           (s.score == best_score && r->year > a->rows[best].year)))
                best = i, best_score = s.score;
        }
    }
    return best;
}

static void say_pair(struct ask_build *b, const struct target_row *t,
                     const struct target_row *r, const char *region, enum progress_status st)
{
    char *tv = ask_value_words(t), *rv = r ? ask_value_words(r) : NULL;
    ask_say(b, "目标%s（%d年）", tv ? tv : "", t->year);
    if (r)
        ask_say(b, "，实际%s（%d年）", rv ? rv : "", r->year);
    else
        ask_say(b, "，没有%s的实际数值", region);
    ask_say(b, "，%s", status_words(st));
    free(tv);
    free(rv);
}

static void add_status(struct ask *a, struct ask_build *b, const struct target_row *t,
                       const char *region, int answer, const char *status)
{
    struct ask_row *r = ask_add_target(a, b, t, region, answer);
    if (r && status && !(r->status = strdup(status)))
        b->oom = 1;
}

/* Whether a target of the progress table is the key's, in the region (and year); a row
 * without one (a value reported that no target names) is not. */
static int progress_for(const struct ask_key *k, const struct target_row *t,
                        const char *region, int year)
{
    if (!t || !t->region || strcmp(t->region, region) || (year && t->year != year))
        return 0;
    return k->ind ? t->indicator_slug && !strcmp(t->indicator_slug, k->id)
                  : !t->indicator_slug && t->key && !strcmp(t->key, k->id);
}

/* One region's targets for the key, from the progress of every target (targets_progress,
 * read once); 1 if it said anything. */
static int one_region(struct ask *a, const struct ask_intent *q, struct ask_build *b,
                      size_t key, const char *region, int year)
{
    const struct ask_key *k = &a->keys[key];
    if (!a->has_progress) {
        struct target_filter all = {0};
        if (targets_progress(store_db(a->store), &all, &a->progress, b->e) < 0)
            return -1;
        a->has_progress = 1;
    }
    const struct progress_table *pt = &a->progress;
    size_t rep = a->nrows;
    int yrep = latest_reported(a, q, key, region, &rep), said = 0;
    for (size_t i = 0; i < pt->n; i++) {
        const struct progress_row *pr = &pt->rows[i];
        const struct target_row *t = pr->target;
        if (!progress_for(k, t, region, year) || (yrep && t->year > yrep))
            continue;
        ask_say(b, "%s%s：", said++ ? "；" : "", region);
        const struct target_row *r = pr->reported;
        enum progress_status st = pr->status;
        size_t w = !r && !k->ind ? wider_figure(a, t, region) : a->nrows;
        if (w < a->nrows) {
            r = &a->rows[w];
            st = targets_judge(t, r);
            ask_reading(b, "没有%s自己的数字，按%s报告的同一事项判断", region,
                        a->row_region[w]);
            ask_other(b, "也可以认为没有%s的实际数值（无法判断）", region);
        }
        say_pair(b, t, r, region, st);
        add_status(a, b, t, region, 1, progress_status_name(st));
        if (r)
            add_status(a, b, r, w < a->nrows ? a->row_region[w] : region, 1,
                       progress_status_name(st));
        size_t h = !r && k->ind ? holder_value(a, q, region) : a->nrows;
        if (h < a->nrows) {
            char *hv = ask_value_words(&a->rows[h]);
            ask_say(b, "（%s实际%s（%d年），是%s的数字，不是%s的）", a->row_region[h],
                    hv ? hv : "", a->rows[h].year, a->row_region[h], region);
            free(hv);
            add_status(a, b, &a->rows[h], a->row_region[h], 0, NULL);
        }
    }
    if (!said && rep < a->nrows) {
        /* Nothing due: the value reached, and the targets still ahead. */
        char *rv = ask_value_words(&a->rows[rep]);
        ask_say(b, "%s：没有到期的目标，实际%s（%d年），无法判断是否完成", region,
                rv ? rv : "", a->rows[rep].year);
        free(rv);
        add_status(a, b, &a->rows[rep], region, 1, progress_status_name(PROGRESS_NO_DATA));
        int years[16];          /* the targets' years, each once, earliest first */
        size_t ahead = 0;
        for (size_t i = 0; i < pt->n; i++)
            if (progress_for(k, pt->rows[i].target, region, year)) {
                int y = pt->rows[i].target->year;
                size_t at = 0;
                while (at < ahead && years[at] < y)
                    at++;
                if ((at == ahead || years[at] != y) && ahead < 16) {
                    memmove(years + at + 1, years + at, (ahead - at) * sizeof *years);
                    years[at] = y, ahead++;
                }
                add_status(a, b, pt->rows[i].target, region, 0, NULL);
            }
        if (ahead) {
            char words[256];
            ask_years_words(years, ahead, words, sizeof words);
            ask_say(b, "；目标在%s才到期", words);
        }
        said = 1;
    }
    return said;
}

int ask_answer_progress(struct ask *a, const struct ask_intent *q, struct ask_build *b)
{
    if (!*q->subject) {
        ask_say(b, "问题里没有看出问的是哪个指标。");
        return 0;
    }
    /* The targets of the places asked about first, unless what they report names the
     * subject better (城乡居民收入倍差, reported by a province whose imported text sets no
     * target for it, is not its 城乡居民收入 target); else whatever has values. */
    struct ask_resolved r = {0}, any = {0};
    if (q->nplaces && (ask_resolve(a, q, KM_TARGETS, 1, &r) < 0 ||
                       ask_resolve(a, q, KM_ANY, 1, &any) < 0))
        return -1;
    if (any.found && (!r.found || any.best.s.score > r.best.s.score))
        r = any;
    if (!r.found && ask_resolve(a, q, KM_ANY, 0, &r) < 0)
        return -1;
    if (!r.found) {
        ask_say(b, "文件中没有与“%s”对应的指标。", q->subject);
        if (r.has_near)
            ask_other(b, "最接近的指标：%s", a->keys[r.near.key].name);
        return 0;
    }
    size_t key = r.best.key, n = 0, said = 0;
    for (size_t i = 0; i < r.nalts; i++)
        ask_other(b, "%s", a->keys[r.alts[i].key].name);
    size_t *sel = malloc((a->nrows + 1) * sizeof *sel);
    if (!sel)
        return -1;
    /* The regions asked about, or every region that has the key. */
    if (!q->nplaces)
        n = ask_select(a, q, key, q->year, KM_ANY, sel);
    ask_say(b, "%s：", a->keys[key].name);
    for (size_t p = 0; p < (q->nplaces ? q->nplaces : n); p++) {
        const char *region = q->nplaces ? q->places[p].region : a->row_region[sel[p]];
        if (!q->nplaces && p && !strcmp(region, a->row_region[sel[p - 1]]))
            continue;
        int year = q->nplaces && q->places[p].year ? q->places[p].year : q->year;
        if (said)
            ask_say(b, "。");
        int rc = one_region(a, q, b, key, region, year);
        if (rc < 0) {
            free(sel);
            return -1;
        }
        if (!rc)
            ask_say(b, "%s没有目标或实际数值", region);
        said++;
    }
    ask_say(b, "。");
    b->ans->answered = b->ans->nrows > 0;
    free(sel);
    return 0;
}
