/* ask_match.c — how well a phrase covers a question's subject: runs of two or more
 * characters both hold, longest first, in any order (greedy string tiling, as plagiarism
 * detectors compare texts). Chinese shortens names by dropping characters and reorders
 * them (托位 for 每千人口拥有3岁以下婴幼儿托位数, 持证养老护理员数 for 持证护理员), so a
 * subject is covered piece by piece, not as one substring. */
#include <stdlib.h>
#include <string.h>
#include "ask_int.h"

/* Runs are two characters or more; a subject of one character is matched by nothing. */
#define MIN_RUN 2
/* Recall weighs more than precision: a subject fully named by a longer indicator name
 * (托位 in 每千人口…托位数) is what was meant. */
#define RECALL_WEIGHT 0.75

size_t ask_subject_len(const struct ask_intent *q)
{
    size_t n = 0;
    for (size_t i = 0; i < q->n; i++)
        n += q->cls[i] == ASK_SUBJECT;
    return n;
}

/* Whether p holds any two characters in a row the question's window holds (with a
 * subject character among them): most phrases share none and are skipped. */
static int shares_pair(const struct ask_intent *q, size_t lo, size_t hi, const uint32_t *p,
                       size_t np)
{
    for (size_t i = lo; i + 1 < hi; i++) {
        if (q->cls[i] == ASK_CUT || q->cls[i + 1] == ASK_CUT ||
            (q->cls[i] != ASK_SUBJECT && q->cls[i + 1] != ASK_SUBJECT))
            continue;
        for (size_t j = 0; j + 1 < np; j++)
            if (p[j] == q->text[i] && p[j + 1] == q->text[i + 1])
                return 1;
    }
    return 0;
}

struct tile {
    size_t len, subject, qi, pj;    /* qi, pj: where the run ends (exclusive) */
};

/* The run both hold, on free characters, with the most subject characters (then the
 * longest); len 0 when none is long enough. */
static struct tile longest_run(const struct ask_intent *q, size_t lo, size_t hi,
                               const unsigned char *qm, const uint32_t *p, size_t np,
                               const unsigned char *pm, size_t *row, const size_t *pref,
                               size_t min_run)
{
    struct tile best = {0, 0, 0, 0};
    memset(row, 0, (np + 1) * sizeof *row);
    for (size_t i = lo; i < hi; i++) {
        size_t diag = 0;    /* row[j] of the previous i */
        for (size_t j = 0; j < np; j++) {
            size_t up = row[j + 1];
            size_t len = 0;
            if (!qm[i] && !pm[j] && q->text[i] == p[j])
                len = diag + 1;
            row[j + 1] = len;
            diag = up;
            if (len < min_run)
                continue;
            size_t subj = pref[i + 1] - pref[i + 1 - len];
            if (subj > best.subject || (subj == best.subject && len > best.len))
                best = (struct tile){len, subj, i + 1, j + 1};
        }
    }
    if (!best.subject)
        best.len = 0;
    return best;
}

struct ask_score ask_match(const struct ask_intent *q, const uint32_t *p, size_t np,
                           unsigned char *covered)
{
    struct ask_score s = {0, 0, 0, 0};
    size_t lo = 0, hi = q->n, total = 0;
    while (lo < hi && q->cls[lo] != ASK_SUBJECT)
        lo++;
    while (hi > lo && q->cls[hi - 1] != ASK_SUBJECT)
        hi--;
    for (size_t i = lo; i < hi; i++)
        total += q->cls[i] == ASK_SUBJECT;
    /* One character names nothing (主 of 主要). */
    if (total < MIN_RUN || !np || !shares_pair(q, lo, hi, p, np))
        return s;
    size_t min_run = MIN_RUN;
    unsigned char *qm = calloc(q->n + 1, 1), *pm = calloc(np + 1, 1);
    size_t *row = malloc((np + 1) * sizeof *row), *pref = malloc((q->n + 1) * sizeof *pref);
    if (!qm || !pm || !row || !pref)
        goto done;
    pref[0] = 0;
    for (size_t i = 0; i < q->n; i++) {
        pref[i + 1] = pref[i] + (q->cls[i] == ASK_SUBJECT);
        qm[i] = q->cls[i] == ASK_CUT;
    }
    size_t subj = 0, pcov = 0;
    for (;;) {
        struct tile t = longest_run(q, lo, hi, qm, p, np, pm, row, pref, min_run);
        if (!t.len)
            break;
        for (size_t k = 0; k < t.len; k++) {
            size_t qi = t.qi - t.len + k;
            qm[qi] = 1;
            pm[t.pj - t.len + k] = 1;
            if (covered && q->cls[qi] == ASK_SUBJECT)
                covered[qi] = 1;
        }
        subj += t.subject;
        pcov += t.len;
    }
    size_t before = hi - 1;
    while (before > lo && q->cls[before - 1] != ASK_SUBJECT)
        before--;
    s.head = qm[hi - 1] && before > lo && qm[before - 1];
    s.recall = (double)subj / (double)total;
    s.precision = (double)pcov / (double)np;
    s.score = RECALL_WEIGHT * s.recall + (1 - RECALL_WEIGHT) * s.precision;
done:
    free(qm);
    free(pm);
    free(row);
    free(pref);
    return s;
}
