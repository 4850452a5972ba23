/* targets.h — the goals a plan commits to: "常住人口城镇化率达75%", "城乡居民收入倍差缩小到
 * 1.6以内", "二级以上、普惠性幼儿园占比分别达到80%、90%以上", "人均地区生产总值达到中等
 * 发达经济体水平". The extractor reads them from a section's text (pure: text in, targets
 * out), the store hooks keep them in the database at import, the queries serve the command
 * line and the explorer's target panel and compare view.
 *
 * The rules follow the grammar of these texts, not particular sentences: a target is an
 * indicator phrase, a comparator word (达到, 不低于, 控制在, 缩小到 …), a value with its unit and
 * a closing word (以上, 以内, 左右 …) at the end of a clause; 分别 distributes a list of values
 * over a list of phrases; a level form (全覆盖, 达到…水平, 高于…平均水平, 走在…前列) makes a
 * qualitative target when its subject is a measurable indicator. */
#ifndef GONGFU_TARGETS_H
#define GONGFU_TARGETS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "gongfu/catalogue.h"
#include "gongfu/describe.h"
#include "gongfu/err.h"
#include "gongfu/store.h"

enum target_cmp { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_APPROX };

enum target_flag {
    TF_INFERRED_UNIT = 1,   /* the source lost the unit; it comes from the catalogue */
    TF_DISTRIBUTED = 2,     /* one of the values of a 分别 (or 均) list */
    TF_APPROX = 4,          /* 左右 */
    TF_STRETCH = 8,         /* 力争, 争取 */
    TF_QUALITATIVE = 32,    /* a level in words, not a number */
};

/* What a number is: a goal for a future year or period, or a value the document says
 * was reached (in the year it refers to). */
enum target_kind { TK_TARGET, TK_REPORTED };
/* How a value is counted: a level reached at the year (城镇化率达75%), each year (每年,
 * 年均增长8%), or over the period (累计, 五年累计, 5年…, "十四五"期间). */
enum target_freq { TFQ_LEVEL, TFQ_ANNUAL, TFQ_CUMULATIVE };

struct target {
    char *phrase;           /* the indicator phrase as written */
    char *value_text;       /* the number as written ("4.5"), or the words of a level */
    double value;           /* the number; NAN for a qualitative target */
    char *unit;             /* as written ("万元", "%"), inferred, or "" */
    enum target_cmp cmp;
    int year;
    enum target_kind kind;
    enum target_freq freq;
    unsigned flags;
    char *qualifier;        /* the words that set flags, as written ("力争 年均"), or "" */
    char *for_region;       /* the region the value is for when the text names one other
                             * than the document's (malloc'd), else NULL */
    char *key;              /* the folded phrase the linker matched against */
    const struct indicator *indicator;   /* NULL when unlinked */
    /* Byte spans in the input text: the whole fragment, its phrase, its value. */
    size_t start, end, phrase_start, phrase_end, value_start, value_end;
};

struct target_list {
    struct target *v;
    size_t n, cap;
};

struct targets_opts {
    int default_year;               /* the plan's horizon, e.g. 2025; 0 if unknown */
    int doc_year;                   /* the year the document was issued in; 0 if unknown */
    const char *const *headings;    /* the titles of the chapter and the item the text is
                                     * in, outermost first (they may say its time: "2025年
                                     * 工作回顾", "“十五五”时期的主要目标任务") */
    size_t nheadings;
    const struct catalogue *cat;    /* links targets and supplies lost units; may be NULL */
};

/* Appends the targets found in text[0..n) (UTF-8; Simplified or Traditional) to *out.
 * 0, or -1 only when out of memory. */
int targets_extract(const char *text, size_t n, const struct targets_opts *o,
                    struct target_list *out, struct err *e);
void target_list_free(struct target_list *l);

/* The plan's horizon read from a title ("…(2021—2025年)" → 2025, "2021年…要点" → 2021), or
 * from the first "到2025年" in the given text; 0 when neither says. */
int targets_horizon(const char *title, const char *text);

/* The year a document was issued in: its date ("2026-01-22"), else the first year its
 * title names ("2026年…工作报告", "…(2021—2025年)" → 2021), else the first date written
 * in the text ("2026年1月14日"); 0 when none says. Any argument may be NULL. */
int targets_doc_year(const char *published, const char *title, const char *text);

/* "=", ">=", ">", "<=", "<", "~" */
const char *target_cmp_name(enum target_cmp c);
int target_cmp_parse(const char *s, enum target_cmp *c);
/* "target", "reported"; "level", "annual", "cumulative". A parse gives 0, or -1 for a
 * word that names none. */
const char *target_kind_name(enum target_kind k);
int target_kind_parse(const char *s, enum target_kind *k);
const char *target_freq_name(enum target_freq f);
int target_freq_parse(const char *s, enum target_freq *f);
/* Comma-separated flag names ("inferred-unit,distributed"); writes at most n bytes. */
void target_flags_format(unsigned flags, char *buf, size_t n);
/* Parses such a list; 0, or -1 naming an unknown flag in e. */
int target_flags_parse(const char *s, unsigned *flags, struct err *e);

/* Folds a phrase for matching: the same folding as the catalogue (see catalogue.h), spaces
 * removed. malloc'd. */
char *targets_fold_key(const char *s, size_t n);

/* The region a document's targets are for when its issuer sets them for a region below
 * it: the earliest region of a lower level than the document's that its title names
 * ("中共中央 国务院关于支持浙江…的意见", issued for 全国 → 浙江省); NULL when none (they are
 * for the document's own region). Into r. */
const char *targets_region_for(const struct regions *r, const char *title, const char *region,
                               const char *level);

/* ---- store ---- */

/* The catalogue the import links with: the hooks read it at the first section of an
 * import. NULL: targets are stored unlinked. The path is copied. */
void targets_set_catalogue(const char *path);
/* The regions (data/regions.tsv) that say which region a document's targets are for;
 * read at the first section of an import. NULL: every target is its document's region's. */
void targets_set_regions(const char *path);
extern const struct store_hooks targets_hooks;

/* ---- queries ---- */

struct target_row {
    int64_t id, node_id;
    char *indicator_slug, *indicator_name, *category;   /* NULL when unlinked */
    char *direction;                /* the indicator's: "higher", "lower"; NULL unlinked */
    char *phrase, *value_text, *unit, *comparator, *flags, *qualifier;
    char *key;                      /* the folded phrase the linker matched against */
    double value;                   /* NAN when qualitative */
    int year;
    enum target_kind kind;
    enum target_freq freq;
    char *doc_slug, *path, *section_title;
    char *region;                   /* the region the value is for */
    char *set_by, *set_by_level;    /* the issuing document's region and level; set_by
                                     * differs from region when a body sets a target for
                                     * another (the central opinions for a province) */
    int64_t start, end;             /* in the section text (paragraphs joined by "\n") */
};

#define TARGET_KIND_ALL (-1)

struct target_filter {
    const char *indicator;  /* slug, name or alias (folded), else part of a name; NULL: all */
    const char *region;     /* the region a value is for: "舟山市" or "舟山" (folded); NULL:
                             * all */
    int kind;               /* TK_TARGET (the default), TK_REPORTED, or TARGET_KIND_ALL */
    int unlinked;           /* only targets with no indicator */
    int year;               /* 0: all years */
    const char *category;   /* NULL: all */
    int64_t node_id;        /* 0: all sections; else that section's targets, in text order */
};

/* Targets in the order regions are compared — the province first, then 舟山市, 台州市,
 * 金华市, then the others — then by document and position. An --indicator that names
 * nothing is an error. */
int targets_query(sqlite3 *db, const struct target_filter *f, struct target_row **out,
                  size_t *n, struct err *e);
void target_rows_free(struct target_row **rows, size_t n);

/* Where each target and reported value of one document stands, in the text's order (by
 * section, then start, then id; targets_query's puts a region's rank first): what the reader
 * highlights, read without the rest of the rows (the explorer's first screen needs no
 * more). */
struct target_span {
    int64_t id, node_id;
    int64_t start, end;
};
/* 0 when targets_query can read this database's targets; else -1 with what to do (import
 * again), as targets_query would say, without reading a row. */
int targets_readable(sqlite3 *db, struct err *e);
int targets_doc_spans(sqlite3 *db, const char *doc_slug, struct target_span **out,
                      size_t *n, struct err *e);

/* The side-by-side table: one row per indicator that at least one region sets (in
 * catalogue order), one column per region (in the order above). */
struct compare_cell {
    const struct target_row *t;     /* into compare_table.targets */
    size_t n;
};
struct compare_row {
    const char *slug, *name, *category;
    struct compare_cell *cells;     /* nregions of them */
};
struct compare_table {
    struct target_row *targets;
    size_t ntargets;
    char **regions;
    size_t nregions;
    struct compare_row *rows;
    size_t nrows;
};
int targets_compare(sqlite3 *db, int year, const char *category, struct compare_table *out,
                    struct err *e);
void compare_table_free(struct compare_table *t);
/* The compare table's columns (targets_compare's for every year and category), read
 * without its rows: what the target panel lists regions by. malloc'd strings. */
int targets_regions(sqlite3 *db, char ***regions, size_t *n, struct err *e);

/* The folded phrases of the values reported that no indicator links, sorted (strcmp):
 * read once, they tell targets_measure_rows which targets it need look for values of. */
struct target_keys {
    char **v;
    size_t n;
};
int targets_reported_keys(sqlite3 *db, struct target_keys *out, struct err *e);
void target_keys_free(struct target_keys *k);
/* The rows target id is measured and compared with, in targets_query's order, read
 * through indexes (a key on the target panel reads one indicator, not every target): of a
 * target an indicator links, every row of that indicator (targets and values reported,
 * every region); of one no indicator links, the target, then the values reported under
 * its phrase when `reported` (may be NULL) holds it. None when no target has that id. */
int targets_measure_rows(sqlite3 *db, int64_t id, const struct target_keys *reported,
                         struct target_row **out, size_t *n, struct err *e);
/* Every row of each indicator a target of document doc_slug links, one indicator after
 * another (by its id), each in targets_query's order: what the panel shows for any of the
 * document's targets, in one read. */
int targets_doc_measures(sqlite3 *db, const char *doc_slug, struct target_row **out,
                         size_t *n, struct err *e);
/* ---- progress ---- */

enum progress_status { PROGRESS_NO_DATA, PROGRESS_NOT_YET, PROGRESS_MET, PROGRESS_NO_TARGET };

struct progress_row {
    const struct target_row *target;    /* into progress_table.targets; NULL: no target */
    const struct target_row *reported;  /* into progress_table.reported; NULL: no data */
    enum progress_status status;
};
struct progress_table {
    struct target_row *targets, *reported;
    size_t ntargets, nreported;
    struct progress_row *rows;          /* one per target, in targets_query's order, then
                                         * one per indicator and region reported and set
                                         * by no target (PROGRESS_NO_TARGET) */
    size_t n;
};

/* Every target the filter selects (its year: the target's), each with the latest value
 * reported for the same indicator (or, unlinked, the same folded phrase) and the same
 * region, from any document: for a value per year (an annual target, a growth rate) the
 * value reported for the same year, else the latest at or before the target's year, of
 * the same frequency. Met / not yet from the comparator (>= > <= <), or for = and ~ from
 * the indicator's direction (lower is better: a ratio ≤ 1.9 reported at 1.81 is met),
 * after scaling 万, 亿 … units; no data when nothing was reported, the target is words,
 * or the units count different things. */
/* Then the latest value reported for each catalogue indicator and region that no target
 * names. */
int targets_progress(sqlite3 *db, const struct target_filter *f, struct progress_table *out,
                     struct err *e);
void progress_table_free(struct progress_table *t);
/* The same pairing over rows read already: each target of targets[0..nt) with the values
 * of reported[0..nr) (each in targets_query's order, or the compare table's), then the
 * values no target names (of `year`, 0: any), into *out (malloc'd; pointing into the two
 * arrays). targets_progress_rows pairs the targets of rows[0..n) (targets_measure_rows')
 * with its values reported. 0, or -1 out of memory. */
int targets_progress_pair(const struct target_row *targets, size_t nt,
                          const struct target_row *reported, size_t nr, int year,
                          struct progress_row **out, size_t *nout, struct err *e);
int targets_progress_rows(const struct target_row *rows, size_t n, struct progress_row **out,
                          size_t *nout, struct err *e);
/* The compare table (targets_compare for every year and category) and the progress of its
 * targets, from one read of the rows an indicator links: the explorer's compare view. The
 * progress table's rows point into t's targets (p->targets stays empty) and its own
 * reported values. */
int targets_compare_progress(sqlite3 *db, struct compare_table *t, struct progress_table *p,
                             struct err *e);
/* Whether the reported value r meets target t, as targets_progress judges a pair (r may
 * be NULL: no data); for a pair the caller made (the asker's province-wide figure). */
enum progress_status targets_judge(const struct target_row *t, const struct target_row *r);
/* "met", "not yet", "no data", "no target" */
const char *progress_status_name(enum progress_status s);

/* A cell as text: ">=4.5个", "~10%", "全覆盖"; "*" after a unit the source lost; " 每年" or
 * " 累计" after a total each year or over the period; " [全国]" after a target a body
 * above the region set for it; several targets joined by "; ", each with " (2035)" when
 * with_year. malloc'd. */
char *targets_format_cell(const struct target_row *t, size_t n, int with_year);

#endif
