/* ask_int.h — what the asker's modules share: the grammar's word list, the matcher of a
 * question's subject with phrases, and the knowledge an asker reads once from the store.
 * Private to src/core/ask*.c. */
#ifndef GONGFU_ASK_INT_H
#define GONGFU_ASK_INT_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/ask.h"
#include "gongfu/catalogue.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"

/* ---- the grammar (ask_grammar.c) ---- */

struct ask_word {
    uint32_t *cp;           /* folded */
    size_t n;
    enum ask_role role;
    int value;              /* a period's year, a level's index, a region's index */
    char *kind;             /* a report word's document kind, else NULL */
};

struct ask_grammar {
    struct ask_word *v;     /* longest first */
    size_t n, cap;
    const struct regions *regions;
};

/* Roles that may sit inside a subject or a topic (the subject itself, fillers, particles,
 * verbs, general and time words); the others end it. */
int ask_weak_role(enum ask_role r);
uint32_t *ask_fold_cps(const char *s, size_t len, size_t *n);
/* Whether documents of this kind review results (a report word names the kind). */
int ask_grammar_is_report(const struct ask_grammar *g, const char *kind);
const struct ask_word *ask_grammar_at(const struct ask_grammar *g, const uint32_t *text,
                                      size_t at, size_t n);

/* ---- matching a subject with a phrase (ask_match.c) ---- */

struct ask_score {
    double recall;          /* the share of the subject's characters the phrase covers */
    double precision;       /* the share of the phrase the subject covers */
    double score;
    int head;               /* it covers the subject's last two characters: the head of a
                             * Chinese noun phrase, which a shorter name keeps (收入倍差 for
                             * 城乡居民收入倍差) */
};

/* Covers the question's subject characters with runs of at least two characters that the
 * phrase (folded code points) holds, longest first, in any order (greedy string tiling);
 * runs never cross a cut. covered (n entries, may be NULL) gets 1 where a run covered the
 * question. */
struct ask_score ask_match(const struct ask_intent *q, const uint32_t *p, size_t np,
                           unsigned char *covered);
/* How many subject characters the question has. */
size_t ask_subject_len(const struct ask_intent *q);

/* ---- what an asker knows (ask_index.c) ---- */

/* One thing values are given for: a catalogue indicator, or an unlinked phrase. */
struct ask_key {
    const struct indicator *ind;    /* NULL for a phrase */
    char *id;                       /* the indicator's slug, or the folded phrase */
    char *name;                     /* the indicator's name, or the phrase as first written */
    uint32_t **texts;               /* folded: the name, the aliases, the phrases written */
    size_t *ntext, ntexts;
};

struct ask_doc {
    const struct doc_row *row;
    const char *subject;    /* the region its targets are for: its own, or the lower one
                             * its title names (the central opinions on 浙江 → 浙江省) */
};

struct ask {
    struct store *store;
    struct regions regions;
    struct ask_grammar *grammar;
    struct catalogue *cat;
    struct search *search;
    struct vocab *vocab;            /* for counting what a search finds; may be NULL */
    struct doc_row *docrows;
    struct ask_doc *docs;           /* by slug */
    size_t *doc_by_id;              /* indexes into docs, by the documents' ids */
    size_t ndocs;
    struct target_row *rows;        /* every target and reported value */
    size_t nrows;
    size_t *row_key;                /* the key of each row */
    const char **row_region;        /* the region each row is for (after the subject rule) */
    const struct region **row_reg;  /* that region in the table, NULL when unknown */
    size_t *row_doc;
    struct ask_key *keys;
    size_t nkeys;
    struct err read_err;            /* the first read of the database that failed while */
    int read_failed;                /* answering: the question fails, never answers less */
    struct progress_table progress;  /* every target's progress, read at the first
                                      * progress question */
    int has_progress;
};

int ask_index_load(struct ask *a, struct err *e);
/* A section's text; NULL when the read failed (remembered in a->read_err). */
char *ask_section_text(struct ask *a, int64_t node_id);
/* The document with this slug, or id; NULL when none. */
const struct ask_doc *ask_doc_by_slug(const struct ask *a, const char *slug);
const struct ask_doc *ask_doc_by_id(const struct ask *a, int64_t id);
void ask_index_free(struct ask *a);
const struct region *ask_region(const struct ask *a, const char *name);
/* The level rank of a region: 0 national, 1 province, 2 city, 3 county, 4 unknown. */
int ask_level_rank(const char *level);
/* Whether any document is for the region (or, by its subject, about it). */
int ask_region_has_docs(const struct ask *a, const char *region);

/* ---- building an answer (ask_answer.c, ask_measures.c, ask_text.c) ---- */

struct ask_build {
    struct ask_answer *ans;
    const char *question;   /* as written: the tokens' byte offsets point into it */
    size_t cap;
    struct err *e;
    int oom;
};

/* Appends a row for target row t (answer: 1 or 0); the sentence is read from the store. */
struct ask_row *ask_add_target(struct ask *a, struct ask_build *b, const struct target_row *t,
                               const char *region, int answer);
struct ask_row *ask_add_row(struct ask_build *b);
void ask_say(struct ask_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ask_reading(struct ask_build *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ask_other(struct ask_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A value in words: "不低于50%", "4.5个", "中等发达经济体水平"; malloc'd. */
char *ask_value_words(const struct target_row *t);
/* The sentence of text around [start, end): from the last 。！？； or line end before to the next
 * after; malloc'd; hl_start and hl_end get [start, end) inside it. */
char *ask_sentence(const char *text, size_t n, size_t start, size_t end, size_t *hl_start,
                   size_t *hl_end);

int ask_rank(struct ask *a, const struct ask_intent *q, struct ask_build *b, size_t key,
             int mode);
int ask_answer_progress(struct ask *a, const struct ask_intent *q, struct ask_build *b);
int ask_answer_measures(struct ask *a, const struct ask_intent *q, struct ask_build *b);

#endif
