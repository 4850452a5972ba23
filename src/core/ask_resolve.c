/* ask_resolve.c — which indicator a question's subject names, and the rows that answer
 * it: the key (a catalogue indicator or an unlinked phrase) whose texts cover the subject
 * best, and every value for it in the regions, years and kinds the question asks about. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ask_int.h"
#include "ask_values.h"

/* A subject is named when a key covers this much of it, or this much with its head; keys
 * this close to the best, covering nearly as much of the subject, are other readings. */
#define MIN_RECALL 0.6
#define MIN_RECALL_HEAD 0.5
#define MIN_SCORE 0.5
#define CLOSE 0.12
#define CLOSE_RECALL 0.1

int ask_kind_ok(int mode, const struct target_row *r)
{
    return mode == KM_ANY || (mode == KM_TARGETS) == (r->kind == TK_TARGET);
}

int ask_kind_mode(const struct ask_intent *q, int targets_by_default)
{
    if (q->wants == ASK_WANT_TARGETS)
        return KM_TARGETS;
    if (q->wants == ASK_WANT_REPORTED)
        return KM_REPORTED;
    return targets_by_default ? KM_TARGETS : KM_ANY;
}

/* The documents a question names by their issuer (中央 → the national ones). */
static int issuer_ok(const struct ask *a, const struct ask_intent *q, size_t row)
{
    if (!q->issuer)
        return 1;
    size_t d = a->row_doc[row];
    return d < a->ndocs && a->docs[d].row->level && !strcmp(a->docs[d].row->level, q->issuer);
}

static int by_score(const void *x, const void *y)
{
    const struct ask_pick *a = x, *b = y;
    if (a->s.score != b->s.score)
        return a->s.score < b->s.score ? 1 : -1;
    /* On a tie, a catalogue indicator before a phrase, then the first read. */
    if ((a->ind != NULL) != (b->ind != NULL))
        return a->ind ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* Whether row i is in one of the question's places (any row when it names none). */
static int in_places(const struct ask *a, const struct ask_intent *q, size_t i)
{
    if (!q->nplaces)
        return 1;
    for (size_t p = 0; p < q->nplaces; p++)
        if (a->row_region[i] && !strcmp(a->row_region[i], q->places[p].region))
            return 1;
    return 0;
}

int ask_score_accepted(const struct ask_score *s)
{
    return (s->recall >= MIN_RECALL || (s->head && s->recall >= MIN_RECALL_HEAD)) &&
           s->score >= MIN_SCORE;
}

static void pick_best(struct ask_pick *picks, size_t n, struct ask_resolved *out)
{
    qsort(picks, n, sizeof *picks, by_score);
    if (!n)
        return;
    out->found = 1;
    out->best = picks[0];
    for (size_t i = 1; i < n && out->nalts < ASK_MAX_ALTS; i++)
        if (picks[i].s.score >= picks[0].s.score - CLOSE &&
            picks[i].s.recall >= picks[0].s.recall - CLOSE_RECALL)
            out->alts[out->nalts++] = picks[i];
}

/* When no phrase names the subject, the sentences do: a key whose phrase holds part of
 * the subject and whose sentence in one of the places holds the rest ("义新欧中欧班列年开行"
 * for 年开行 in "推进“义新欧”中欧班列…力争年开行超3000列"). */
static size_t by_sentence(struct ask *a, const struct ask_intent *q, int mode,
                          const unsigned char *live, struct ask_pick *picks)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nrows; i++) {
        size_t k = a->row_key[i];
        if (!live[k] || !ask_kind_ok(mode, &a->rows[i]) || !in_places(a, q, i))
            continue;
        struct ask_score ph = {0, 0, 0, 0};
        for (size_t t = 0; t < a->keys[k].ntexts; t++) {
            struct ask_score s = ask_match(q, a->keys[k].texts[t], a->keys[k].ntext[t], NULL);
            if (s.recall > ph.recall)
                ph = s;
        }
        if (ph.recall <= 0)
            continue;
        char *text = ask_section_text(a, a->rows[i].node_id);
        size_t hs, he, np;
        char *sent = text ? ask_sentence(text, strlen(text), (size_t)a->rows[i].start,
                                         (size_t)a->rows[i].end, &hs, &he) : NULL;
        uint32_t *cp = sent ? ask_fold_cps(sent, strlen(sent), &np) : NULL;
        struct ask_score st = cp ? ask_match(q, cp, np, NULL) : (struct ask_score){0, 0, 0, 0};
        free(cp);
        free(sent);
        free(text);
        struct ask_score s = {(ph.recall + st.recall) / 2, ph.precision, 0, st.head};
        s.score = s.recall;
        int seen = 0;
        for (size_t j = 0; j < n && !seen; j++)
            if (picks[j].key == k) {
                seen = 1;
                if (s.score > picks[j].s.score)
                    picks[j].s = s;
            }
        if (!seen && s.recall >= MIN_RECALL)
            picks[n++] = (struct ask_pick){k, a->keys[k].ind, s};
    }
    return n;
}

int ask_resolve(struct ask *a, const struct ask_intent *q, int mode, int scoped,
                struct ask_resolved *out)
{
    memset(out, 0, sizeof *out);
    unsigned char *live = calloc(a->nkeys + 1, 1);
    struct ask_pick *picks = malloc((a->nkeys + 1) * sizeof *picks);
    if (!live || !picks) {
        free(live);
        free(picks);
        return -1;
    }
    for (size_t i = 0; i < a->nrows; i++)
        if (ask_kind_ok(mode, &a->rows[i]) && issuer_ok(a, q, i) &&
            (!scoped || in_places(a, q, i)))
            live[a->row_key[i]] = 1;
    size_t n = 0;
    for (size_t k = 0; k < a->nkeys; k++) {
        if (!live[k])
            continue;
        struct ask_score best = {0, 0, 0, 0};
        for (size_t t = 0; t < a->keys[k].ntexts; t++) {
            struct ask_score s = ask_match(q, a->keys[k].texts[t], a->keys[k].ntext[t], NULL);
            if (s.score > best.score)
                best = s;
        }
        if (ask_score_accepted(&best))
            picks[n++] = (struct ask_pick){k, a->keys[k].ind, best};
        else if (best.score > 0 && (!out->has_near || best.score > out->near.s.score)) {
            out->has_near = 1;
            out->near = (struct ask_pick){k, a->keys[k].ind, best};
        }
    }
    if (!n && scoped && q->nplaces)
        n = by_sentence(a, q, mode, live, picks);
    pick_best(picks, n, out);
    free(live);
    free(picks);
    return 0;
}

/* The key's direction: the catalogue's, else unknown. */
const char *ask_key_direction(const struct ask *a, size_t key)
{
    return a->keys[key].ind ? a->keys[key].ind->direction : NULL;
}

int ask_row_in(const struct ask *a, const struct ask_intent *q, size_t i, size_t key,
               const char *region, int year, int mode)
{
    const struct target_row *r = &a->rows[i];
    return a->row_key[i] == key && (!region || (a->row_region[i] &&
                                                !strcmp(a->row_region[i], region))) &&
           (!year || r->year == year) && ask_kind_ok(mode, r) && issuer_ok(a, q, i);
}

/* Level rank of a region by the regions table (4 when unknown). */
int ask_region_rank(const struct ask *a, const char *region)
{
    const struct region *g = ask_region(a, region);
    return g ? ask_level_rank(g->level) : 4;
}

int ask_level_ok(const struct ask *a, const struct ask_intent *q, const char *region)
{
    if (!region || !*region)
        return 0;
    if (!q->level)
        return 1;
    const struct region *g = ask_region(a, region);
    return g && !strcmp(g->level, q->level);
}

/* The rows that answer for key in the question's scope (its places, else every region of
 * its level), in region order (the province
 * first, then cities, counties, the rest; within a level as targets_query orders them). */
size_t ask_select(const struct ask *a, const struct ask_intent *q, size_t key, int year,
                  int mode, size_t *out)
{
    size_t n = 0;
    for (int rank = 0; rank <= 4; rank++)
        for (size_t i = 0; i < a->nrows; i++) {
            if (!ask_row_in(a, q, i, key, NULL, year, mode) || !in_places(a, q, i) ||
                !ask_level_ok(a, q, a->row_region[i]) ||
                (a->row_reg[i] ? ask_level_rank(a->row_reg[i]->level) : 4) != rank)
                continue;
            /* Group each region's rows together, at its first row. */
            int seen = 0;
            for (size_t k = 0; k < n && !seen; k++)
                seen = !strcmp(a->row_region[out[k]], a->row_region[i]);
            if (seen)
                continue;
            for (size_t j = i; j < a->nrows; j++)
                if (ask_row_in(a, q, j, key, a->row_region[i], year, mode))
                    out[n++] = j;
        }
    return n;
}

/* Years the key has values for in a region (any region: NULL), ascending; at most max. */
size_t ask_years(const struct ask *a, const struct ask_intent *q, size_t key,
                 const char *region, int mode, int *years, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nrows; i++) {
        if (!ask_row_in(a, q, i, key, region, 0, mode) || !a->rows[i].year)
            continue;
        int y = a->rows[i].year;
        size_t k = 0;
        while (k < n && years[k] < y)
            k++;
        if ((k < n && years[k] == y) || n == max)
            continue;
        memmove(years + k + 1, years + k, (n - k) * sizeof *years);
        years[k] = y;
        n++;
    }
    return n;
}

/* "2025年、2035年" */
void ask_years_words(const int *years, size_t n, char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && len + 16 < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%d年", i ? "、" : "", years[i]);
}
