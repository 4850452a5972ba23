/* lexicon.h — the words the target extractor reads (private to src/core): one table per
 * word class, and the named sets of characters that separate the members of a list.
 *
 * Everything here is written folded (Simplified, NFKC: ，is ,), because the extractor
 * compares against folded text; Traditional text folds to these words. Word tables are
 * NULL-terminated; where two words of a table both match, the longer wins, and of two as
 * long the first. The tables are data: a rule asks for a class ("a comparator verb"),
 * never for a word of its own. */
#ifndef GONGFU_LEXICON_H
#define GONGFU_LEXICON_H

#include <stdint.h>
#include "gongfu/targets.h"

/* A word with what it means for a target: its comparator and flags (TF_* and the
 * extractor's private ones, see targets_int.h). */
struct lex_word {
    const char *w;
    enum target_cmp cmp;
    unsigned flags;
};

/* ---- verbs ---- */

/* Comparators written before a value: 达到, 不低于, 控制在, 年均增长 … (in prose, and in
 * the cells of tables of indicators: itable_value.c, which also reads lex_closing_words) */
extern const struct lex_word lex_cmp_verbs[];
/* Verbs that open a count written before its noun: "新增3家三甲医院". */
extern const char *const lex_count_verbs[];
/* More verbs that open a count written before its noun ("抓好550个省重大项目", "为80万
 *重点群体提供…"), and the scope words that may stand between the verb and the count
 * ("完成全省1000所学校…"). */
extern const char *const lex_count_openers[];
extern const char *const lex_scope_words[];
/* Words in a phrase that make its value what a year adds, not where a measure stands
 * ("城镇新增就业"): progress compares it with the same year's. */
extern const char *const lex_flow_words[];
/* Verbs that open a clause of its own ("整治低效工业企业1500家"). */
extern const char *const lex_action_verbs[];
/* Verbs before a level in words: 达到…水平, 高于…平均水平. */
extern const struct lex_word lex_level_verbs[];
/* Verbs before 前列: 走在, 位居 … */
extern const char *const lex_front_verbs[];
/* Full coverage (全覆盖), the verbs before it, and the verbs of building after which
 * 全覆盖 describes what is built rather than sets a level. */
extern const char *const lex_cover_words[];
extern const char *const lex_cover_verbs[];
extern const char *const lex_build_verbs[];

/* ---- values ---- */

/* Units a number carries (%, 个, 万元 …), what may follow a "/" (per day, per person),
 * and the multipliers that may stand before a unit (万, 亿 …). */
extern const char *const lex_units[];
extern const char *const lex_per_units[];
extern const char *const lex_multipliers[];
/* Measure words that count things, so "3家医院" is a count and "15分钟…圈" is not; and
 * the measures of extent that may count a noun as well ("8万亩高标准农田"). */
extern const char *const lex_classifiers[];
extern const char *const lex_counted_measures[];
/* Words closing a value: 以上, 以内, 左右 … */
extern const struct lex_word lex_closing_words[];

/* ---- phrases ---- */

/* The nouns a measurable indicator ends with: rates and shares, amounts, and words that
 * end like a measure but are not one (制度, 质量 …). */
extern const char *const lex_rate_heads[];
extern const char *const lex_amount_heads[];
extern const char *const lex_false_heads[];
/* Words before a year that sets a goal's date: 到2035年, 展望2035年. */
extern const char *const lex_year_preps[];
/* Framing words stripped from the front and the end of a phrase. */
extern const char *const lex_lead_words[];
extern const char *const lex_tail_words[];
/* Words that make a stretch goal (力争), a total over the period (累计) and a total or
 * a change each year (每年, 年均增 …). */
extern const char *const lex_stretch_words[];
extern const char *const lex_cumulative_words[];
extern const char *const lex_annual_words[];
/* Words joining the members of a phrase that lists several indicators. */
extern const char *const lex_member_joins[];
/* Words that name two things at once, and the two ("城乡" → 城镇, 农村): a 分别 list of two
 * values after a phrase opening with one measures the two in turn. */
struct lex_pair { const char *both, *first, *second; };
extern const struct lex_pair lex_pairs[];

/* ---- time frames ---- */

/* Words that put what follows in the past (a review: 回顾, 过去一年, 五年来) and in the
 * future (今年, 目标, 展望 …). lex_plan_words are the future's that only a heading or
 * a paragraph's opening clause uses ("主要目标任务", "2026年重点工作"), since inside a
 * sentence they name goals that may have been reached ("顺利实现主要目标"). */
extern const char *const lex_past_times[];
extern const char *const lex_coming_year_words[];
extern const char *const lex_plan_words[];
/* Words before a verb that say its value has been reached ("60岁以上人口已达2.5亿"). */
extern const char *const lex_perfect_words[];
/* Words before a year that make it a deadline (到2030年) or the end of a review
 * (截至2025年底). */
extern const char *const lex_deadline_preps[];
extern const char *const lex_until_preps[];
/* Words before a value that make it a baseline, the level a change starts from
 * ("从2.77%提高到3.3%"). */
extern const char *const lex_baseline_preps[];
/* Words before a value that make it the level in force now, which a goal changes
 * ("将现行16%的税率降至13%"). */
extern const char *const lex_current_words[];

/* ---- separators ---- */

/* Named sets of characters (UTF-8 strings; test with lex_sep). */
#define LEX_SEP_ENUM "、"
/* Conjunctions between the values of a list ("10%和20%"). */
#define LEX_SEP_JOIN "和及与或"
/* What may stand between the values of one list: 、 or a conjunction. */
#define LEX_SEP_VALUES LEX_SEP_ENUM LEX_SEP_JOIN
/* What may stand between the items of a clause before the next item's words. */
#define LEX_SEP_ITEMS "、和及与"
/* What may stand between two counts written before their nouns. */
#define LEX_SEP_COUNTS "、和及"
/* Where a level in words may end, besides the clause's end: 、 or 并. */
#define LEX_SEP_LEVEL_END "、并"
/* Characters after a number that make it part of a name: 2.0版, 5号, 3型, 第五代. */
#define LEX_NAME_MARKS "的版号型代级类期星届"
/* Closing quotation marks (a number after one counts the thing just named). */
#define LEX_QUOTE_CLOSE "”」』》’"
/* What after a value opens a new predicate of the same subject, so that the value
 * ends its clause ("不低于10%并逐步提升"). */
#define LEX_CLAUSE_JOINS "并"
/* Characters before 均 that make it part of the phrase: 年均, 亩均, 人均, 户均, 平均. */
#define LEX_AVERAGE_PREFIXES "年亩人户平"

/* 1 when the character c is one of the set's (a string as above). */
int lex_sep(const char *set, uint32_t c);

#endif
