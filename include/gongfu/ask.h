/* ask.h — questions in plain Chinese about the imported documents, answered from them:
 * "舟山的托位目标是多少？", "哪个城市的城乡居民收入倍差目标最低？", "關於中歐班列有哪些舉措？".
 *
 * A question is read by words, not by patterns: the region names and aliases of
 * data/regions.tsv, years ("2025年", 十四五 → 2025), and the question and comparison words
 * of a small grammar (data/ask.tsv: 哪些 which, 最高 high, 比较 compare, 完成 progress,
 * 措施 measures …). What is left is the question's subject: the indicator (matched against
 * the catalogue's names and aliases and the stored target phrases) or the topic (searched).
 * Both sides are folded as search folds them (Traditional → Simplified, NFKC, case), so
 * Traditional and full-width questions read alike.
 *
 * The answer is one or two sentences and the rows they rest on, each with its source
 * (slug:path and the sentence). What the documents cannot answer — a region with no
 * document, an indicator nobody set, a year nobody covers, a topic nobody writes about —
 * is said so, with no rows; where a question can be read more than one way the answer says
 * which reading it took and names the others. */
#ifndef GONGFU_ASK_H
#define GONGFU_ASK_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/describe.h"
#include "gongfu/err.h"
#include "gongfu/store.h"

/* ---- the grammar and the parser ---- */

enum ask_role {
    AR_WHICH, AR_AMOUNT, AR_WHAT, AR_HIGH, AR_LOW, AR_STRICT, AR_COMPARE, AR_PROGRESS,
    AR_MEASURES, AR_TARGET, AR_REPORTED, AR_PERIOD, AR_TIME, AR_CLASS, AR_NUMERAL,
    AR_COUNTER, AR_AND, AR_ISSUER, AR_DOC, AR_REPORT, AR_VERB, AR_PARTICLE, AR_FILLER,
    AR_GENERIC, AR_EACH,
    /* not grammar words: what the parser finds besides them */
    AR_REGION, AR_YEAR, AR_PUNCT, AR_CONTENT,
};

struct ask_grammar;

/* Reads data/ask.tsv text ("word<TAB>role[<TAB>value]", '#' comments) and the regions'
 * names and aliases (which the grammar keeps pointers into: r must outlive it). Errors
 * name the file and line. 0 or -1. */
int ask_grammar_parse(const char *text, size_t n, const char *name, const struct regions *r,
                      struct ask_grammar **out, struct err *e);
int ask_grammar_load(const char *path, const struct regions *r, struct ask_grammar **out,
                     struct err *e);
void ask_grammar_free(struct ask_grammar **g);
/* The role called name ("which"), or -1. */
int ask_role_parse(const char *name);
const char *ask_role_name(enum ask_role r);

enum ask_kind { ASK_LOOKUP, ASK_WHICH, ASK_RANK, ASK_COMPARE, ASK_PROGRESS, ASK_MEASURES };
enum ask_order { ASK_ORDER_NONE, ASK_HIGH, ASK_LOW, ASK_STRICT };
enum { ASK_WANT_TARGETS = 1, ASK_WANT_REPORTED = 2 };

/* How a character of the folded question counts when it is matched with a phrase: part
 * of the subject, a grammar word (a match may run over it, it does not count), or a cut
 * (a region, a year, punctuation: no match runs over it). */
enum ask_class { ASK_SUBJECT, ASK_WORD, ASK_CUT };

/* A question is read up to this many characters; the rest is left out (and said so). */
#define ASK_MAX_CHARS 400
#define ASK_MAX_PLACES 16

struct ask_token {
    enum ask_role role;
    size_t start, end;      /* in the folded text (code points) */
    size_t ostart, oend;    /* in the question as written (bytes) */
    int value;              /* a year; a region's index in the regions; for a class, its
                             * level's index in ask_levels */
};

struct ask_place {
    const char *region;     /* the region's name (regions.tsv) */
    int year;               /* a year written right after it ("舟山2025年"), else 0 */
};

struct ask_intent {
    enum ask_kind kind;
    struct ask_place places[ASK_MAX_PLACES];
    size_t nplaces;
    const char *level;      /* "city", "province", "county" from 哪个城市, 三个省 …; NULL */
    int year;               /* the question's year, 0 when it names none */
    enum ask_order order;
    unsigned wants;         /* ASK_WANT_*: words about goals (目标) or values reached (实际) */
    const char *issuer;     /* the level of the body that issued the documents asked about
                             * (中央 → "national"), else NULL */
    int truncated;          /* the question was longer than ASK_MAX_CHARS */
    /* The folded question, a class per character, and its tokens in order. */
    uint32_t *text;
    unsigned char *cls;
    size_t n;
    struct ask_token *tok;
    size_t ntok;
    char *subject;          /* the subject's characters as written, runs joined by "…";
                             * "" when the question has none */
};

/* The levels class words name, in the grammar's value column. */
extern const char *const ask_levels[];

/* Reads a question (UTF-8; invalid bytes are read as U+FFFD). 0, or -1 when out of memory. */
int ask_parse(const struct ask_grammar *g, const char *question, struct ask_intent *out,
              struct err *e);
void ask_intent_free(struct ask_intent *in);
const char *ask_kind_name(enum ask_kind k);
/* The kind called name ("lookup"), or -1. */
int ask_kind_parse(const char *name);

/* ---- example questions ---- */

/* The questions the help and the explorer show as examples of each kind, in the order of
 * data/ask_examples.tsv ("kind<TAB>question", '#' comments): reference data like the
 * grammar, so no region or indicator is named in code. */
struct ask_example {
    enum ask_kind kind;
    char *question;
};
struct ask_examples {
    struct ask_example *v;
    size_t n;
};
/* 0, or -1 with e naming the file and line (out is then empty). */
int ask_examples_parse(const char *text, size_t n, const char *name,
                       struct ask_examples *out, struct err *e);
int ask_examples_load(const char *path, struct ask_examples *out, struct err *e);
/* The nth (from 0) example of kind k, or NULL. */
const char *ask_example_of(const struct ask_examples *x, enum ask_kind k, size_t nth);
void ask_examples_free(struct ask_examples *x);

/* ---- answering ---- */

struct ask_row {
    int answer;             /* 1: a row the answer states; 0: context (the others in a rank) */
    char *region;           /* the region the value is for, or the document's (measures) */
    char *indicator;        /* the catalogue name, else the phrase; measures: the title */
    char *kind;             /* "target", "reported", "measure" */
    char *comparator, *value, *unit, *frequency, *flags;
    int year;
    char *status;           /* progress: "met", "not yet", "no data"; else NULL */
    char *slug, *path;      /* the source */
    int64_t node_id;
    int64_t target_id;      /* the target or reported value's id; 0 for a measure */
    size_t offset;          /* where the value (or hit) is in the section's text, bytes */
    char *sentence;         /* the sentence of the source it rests on */
    size_t hl_start, hl_end;    /* the value (or hit) inside sentence, bytes */
};

struct ask_answer {
    int answered;           /* 0: the documents cannot answer it (text says why) */
    enum ask_kind kind;
    char *text;             /* one or two sentences */
    char *reading;          /* how the question was read, when it could be read otherwise */
    char **others;          /* the other readings */
    size_t nothers;
    struct ask_row *rows;
    size_t nrows;
};

struct ask;

/* Files an asker reads besides the database. */
struct ask_files {
    const char *grammar;    /* data/ask.tsv */
    const char *regions;    /* data/regions.tsv */
    const char *indicators; /* data/indicators.tsv */
    const char *vocab;      /* data/vocab.tsv, or NULL */
};

/* The files where the command line finds its data (paths_data_file: $GONGFU_DATA, the
 * source tree's data/, or the installed data directory). */
struct ask_files ask_data_files(void);

/* An asker over an open store (which stays the caller's and must outlive it): it reads
 * the grammar, the regions, the catalogue, the documents and every target and reported
 * value once, so each question after the first is answered from memory and the search
 * index. 0, or -1 with e set. */
int ask_open(struct store *s, const struct ask_files *f, struct ask **out, struct err *e);
void ask_close(struct ask **a);
/* The grammar an asker reads by (for the parser's own callers). */
const struct ask_grammar *ask_grammar_of(const struct ask *a);

/* Answers a question. 0 with *out filled (answered or not), or -1 with e set when the
 * database fails. */
int ask_question(struct ask *a, const char *question, struct ask_answer *out, struct err *e);
void ask_answer_free(struct ask_answer *ans);
/* A row's value in words: "≥50%", "4.5个", "80%左右", "累计15万人", "高于全省平均水平", with
 * "*" after a unit the source lost; "" for a measure. malloc'd. */
char *ask_row_value(const struct ask_row *r);

#endif
