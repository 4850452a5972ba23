/* ask_values.h — what the answers about values share (ask_resolve.c): the indicator a
 * subject names and the rows in a question's scope. Private to src/core/ask*.c. */
#ifndef GONGFU_ASK_VALUES_H
#define GONGFU_ASK_VALUES_H

#include "ask_int.h"

/* Which rows count: targets, reported values, or both. */
enum { KM_ANY, KM_TARGETS, KM_REPORTED };

#define ASK_MAX_ALTS 3

struct ask_pick {
    size_t key;
    const struct indicator *ind;
    struct ask_score s;
};

struct ask_resolved {
    int found;
    struct ask_pick best;
    struct ask_pick alts[ASK_MAX_ALTS];     /* keys that cover the subject nearly as well */
    size_t nalts;
    int has_near;
    struct ask_pick near;                   /* the best below the bar, for "did you mean" */
};

/* Whether a key's score names the subject. */
int ask_score_accepted(const struct ask_score *s);
int ask_kind_mode(const struct ask_intent *q, int targets_by_default);
int ask_kind_ok(int mode, const struct target_row *r);
/* The key whose texts cover the subject best among keys with rows of the mode (scoped:
 * rows in the question's places; then, if no phrase names the subject, a key whose
 * phrase and sentence there do). 0, or -1 when out of memory. */
int ask_resolve(struct ask *a, const struct ask_intent *q, int mode, int scoped,
                struct ask_resolved *out);
const char *ask_key_direction(const struct ask *a, size_t key);
/* Whether row i is for key, in region (NULL: any) and year (0: any), of the mode. */
int ask_row_in(const struct ask *a, const struct ask_intent *q, size_t i, size_t key,
               const char *region, int year, int mode);
int ask_region_rank(const struct ask *a, const char *region);
int ask_level_ok(const struct ask *a, const struct ask_intent *q, const char *region);
/* Rows for key in every region of the question's level, grouped by region; out holds
 * nrows entries. Returns how many. */
size_t ask_select(const struct ask *a, const struct ask_intent *q, size_t key, int year,
                  int mode, size_t *out);
size_t ask_years(const struct ask *a, const struct ask_intent *q, size_t key,
                 const char *region, int mode, int *years, size_t max);
void ask_years_words(const int *years, size_t n, char *buf, size_t cap);

#endif
