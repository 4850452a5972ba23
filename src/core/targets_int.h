/* targets_int.h — what the extractor's modules share (private to src/core).
 *
 * The extractor works on "tchars": the text folded (Traditional → Simplified, NFKC, so
 * 達到 is 达到 and ，is ,) with spaces dropped (the Taizhou text puts them inside words
 * and numbers), each character keeping its byte span in the original text so every span
 * reported points at the text as written. */
#ifndef GONGFU_TARGETS_INT_H
#define GONGFU_TARGETS_INT_H

#include <stddef.h>
#include <stdint.h>
#include "gongfu/targets.h"
#include "lexicon.h"

struct tchar {
    uint32_t c;
    size_t off, end;        /* byte span of the original character */
    int gap;                /* whitespace stood before it in the original */
};

struct ttext {
    const char *src;        /* the original text */
    size_t srclen;
    struct tchar *v;        /* v[n] is a sentinel: c == 0, off == end == srclen */
    size_t n;
};

int ttext_build(const char *s, size_t n, struct ttext *t);
void ttext_free(struct ttext *t);

/* Length in tchars of `word` (folded UTF-8) at t->v[i..lim), or 0. */
size_t tx_at_word(const struct ttext *t, size_t i, size_t lim, const char *word);
/* The same, its first character held against t->v[i] here, inline: most calls are a
 * literal that fails there, and the compiler decodes a literal's first character itself
 * (at 10x the corpus the calls cost 4% of an import's instructions). */
static inline size_t tx_at(const struct ttext *t, size_t i, size_t lim, const char *word)
{
    const unsigned char *u = (const unsigned char *)word;
    uint32_t c;
    if (!u[0])
        return 0;
    if (u[0] < 0x80)
        c = u[0];
    else if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
        c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    else
        c = 0;
    if (c < 0x800 && u[0] >= 0x80)          /* as tx_at_word decodes the rest */
        return tx_at_word(t, i, lim, word);
    if (c >= 0xD800 && c <= 0xDFFF)
        return tx_at_word(t, i, lim, word);
    if (i >= lim || t->v[i].c != c)
        return 0;
    return tx_at_word(t, i, lim, word);
}
/* Length of `word` ending just before t->v[i], starting at or after lo, or 0. */
size_t tx_before(const struct ttext *t, size_t lo, size_t i, const char *word);
/* The longest of a NULL-terminated list at i / ending at i; its index in *which. */
size_t tx_at_any(const struct ttext *t, size_t i, size_t lim, const char *const *words,
                 int *which);
size_t tx_before_any(const struct ttext *t, size_t lo, size_t i, const char *const *words,
                     int *which);

/* A set of characters as 256 bits of a hash: a character whose bit is clear is surely not
 * in it (a filter before the words are looked at; targets_lex.c keeps one per word list). */
struct tx_chars {
    uint64_t bits[4];
};
static inline unsigned tx_chars_bit(uint32_t c) { return (c * 0x9E3779B1u) >> 24; }
static inline void tx_chars_add(struct tx_chars *s, uint32_t c)
{
    unsigned b = tx_chars_bit(c);
    s->bits[b >> 6] |= 1ULL << (b & 63);
}
static inline int tx_chars_may_have(const struct tx_chars *s, uint32_t c)
{
    unsigned b = tx_chars_bit(c);
    return (int)(s->bits[b >> 6] >> (b & 63) & 1);
}
/* Adds the first character of each word of a NULL-terminated list. */
void tx_chars_add_firsts(struct tx_chars *s, const char *const *words);
/* The first characters of a list's words as tx_at_any filters with them (NULL: none, then
 * every position may hold one); the list must be one of the lexicon's constants. */
const struct tx_chars *tx_list_firsts(const char *const *words);

static inline int tx_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static inline int tx_alpha(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int tx_han(uint32_t c);
/* Punctuation that ends a clause: , ; 。 : ! ? and the line end. */
/* Inline: the extractor and frame_marks ask it at every character. */
static inline int tx_clause_end(const struct ttext *t, size_t i)
{
    uint32_t c = t->v[i].c;
    if (i >= t->n)
        return 1;
    if (c == ',' || c == ';' || c == 0x3002 || c == ':' || c == '!' || c == '?' ||
        c == '\n' || c == 0xFF61)
        return 1;
    /* "——" (two em dashes) opens the next goal in a bulleted list. */
    return c == 0x2014 && t->v[i + 1].c == 0x2014;
}
int tx_quote(uint32_t c);

/* Folded UTF-8 of t->v[a..b) without quotation marks (what the linker matches, so
 * “15分钟品质文化生活圈”覆盖率 is 15分钟品质文化生活圈覆盖率); malloc'd. */
char *tx_fold(const struct ttext *t, size_t a, size_t b);
/* The original bytes of t->v[a..b), as one substring / character by character (which
 * leaves out the spaces between them); malloc'd. */
char *tx_orig(const struct ttext *t, size_t a, size_t b);
char *tx_orig_chars(const struct ttext *t, size_t a, size_t b);

/* ---- the lexicon's words in a text (targets_lex.c; the tables are lexicon.c's) ---- */

/* Not a target flag: the verb states growth (增长15%), so it belongs to the phrase. */
#define TF_GROWTH 0x100
/* Not a target flag: a cumulative marker that reaches on to the next items (每年), unlike
 * 累计, which belongs to its own verb. */
#define TF_EACH_YEAR 0x200
/* Not target flags: what the frequency is made from. A total over a period (累计, 5年,
 * "十四五"期间), and, with it, a total each year (每年, 年均增长). */
#define TF_CUMULATIVE 0x10
#define TF_ANNUAL 0x400
/* Not a target flag: the verb is in the perfect (已达, 已经超过): a value reached. */
#define TF_PAST 0x800
/* Not a target flag: the verb changes a level to the value (缩小至, 降至): at most the
 * value for a goal, the value itself once reached. */
#define TF_CHANGE_TO 0x1000

/* The longest word of a lexicon table at i / ending just before i (not before lo): its
 * length, and the word in *hit; 0 when none. */
size_t lex_word_at(const struct ttext *t, size_t i, size_t lim, const struct lex_word *words,
                   const struct lex_word **hit);
size_t lex_word_before(const struct ttext *t, size_t lo, size_t i, const struct lex_word *words,
                       const struct lex_word **hit);
/* The comparator word ending just before t->v[i] (not before lo): its length, meaning
 * and flags; 0 when none. */
size_t lex_verb_before(const struct ttext *t, size_t lo, size_t i, enum target_cmp *cmp,
                       unsigned *flags);
/* A number's unit at i (万元, %, 微克/立方米, 个百分点 …): its length, 0 if none. */
size_t lex_unit(const struct ttext *t, size_t i, size_t lim);
/* The closing word at i: 以上, 以内, 左右 …; sets *cmp. 0 if none. */
size_t lex_suffix(const struct ttext *t, size_t i, size_t lim, enum target_cmp *cmp);
/* 1 when the phrase t->v[a..b) names something measurable (a rate, a count, an amount);
 * *rate set when it is a rate or share, whose lost unit is "%". */
int lex_measurable(const struct ttext *t, size_t a, size_t b, int *rate);

/* ---- values (targets_value.c) ---- */

/* A number with its unit and closing word; a range "10—50" has hi set (else NAN). */
struct val {
    size_t ns, ne;          /* the number(s) */
    size_t us, ue;          /* the unit, empty when none is written */
    size_t end;             /* after the closing word */
    size_t noun_end;        /* VAL_PRE: the end of the counted noun that follows */
    double value, hi;
    int has_suffix;
    int lost_pct;           /* "50以上县…": a share whose % the source lost */
    int chinese;            /* written in Chinese numerals (百, 万, 两) */
    int more;               /* "8000多个": more than the number (a closing word of its own) */
    size_t more_at;         /* "7万多家": where the 多 stands inside the unit's span, else 0 */
    enum target_cmp scmp;   /* what the closing word means */
};

enum { VAL_NO, VAL_OK, VAL_SHARE, VAL_PRE };
/* Reads the number starting at t->v[i] in the clause [cs, lim) (a digit, or a Chinese
 * numeral when `chinese`): VAL_OK, a committed value ending a clause or a list member;
 * VAL_SHARE, a percentage of the things the rest of the clause describes ("65%以上的
 * 村…"); VAL_PRE, a count written before its noun ("3家本科医学院校", noun_end set);
 * VAL_NO, a number that commits to nothing. *next is where scanning goes on. */
int val_parse(const struct ttext *t, size_t cs, size_t i, size_t lim, int chinese,
              struct val *v, size_t *next);
/* 1 for a Chinese numeral character: 一…九, 两, 十, 百, 千, 万, 亿. */
int val_chinese_numeral(uint32_t c);
/* Inline with the numerals' range first (一 U+4E00 to 百 U+767E): the extractor asks at
 * every character of a clause. */
static inline int val_chinese_or_unit(uint32_t c)
{
    return c >= 0x4E00 && c <= 0x767E && val_chinese_numeral(c);
}

/* ---- items: what a clause commits to (targets.c, targets_level.c) ---- */

#define MAX_LIST 8
/* ITEM_BASELINE: "从2.77%" before "提高到3.3%", the level a change starts from; it
 * commits to nothing and is not part of the next value's phrase. */
enum item_kind { ITEM_VALUE, ITEM_SHARE, ITEM_PRE, ITEM_LEVEL, ITEM_BASELINE };

struct item {
    enum item_kind kind;
    struct val v[MAX_LIST]; /* a value, or a list of values joined by 、/和 */
    size_t nv;
    size_t start, end;      /* tchars: the first number (or a level's verb) .. the end */
    size_t ls, le;          /* a level's words ("中等发达经济体水平", "全覆盖") */
    enum target_cmp lcmp;
    int cover;              /* a 全覆盖 level: measurability is not asked */
};

/* The first level in words in the clause [cs, ce) at or after `from`: 全覆盖, 达到…水平,
 * 高于…平均水平, 走在…前列, closing the clause or a member of it. 1 found, else 0. */
int level_find(const struct ttext *t, size_t cs, size_t ce, size_t from, struct item *out);

/* ---- phrases (targets_phrase.c) ---- */

/* The phrase before a value, stripped of framing words, with what those words mean. */
struct subject {
    size_t s, e;
    unsigned flags;
    int dist, each;         /* 分别, 均 before the verb */
    char qual[64];          /* the words that set flags, as written */
};
void phrase_frame(const struct ttext *t, size_t s, size_t e, struct subject *sub);
/* Adds the words t->v[a..b) to the subject's qualifier. */
void phrase_note(struct subject *sub, const struct ttext *t, size_t a, size_t b);
int phrase_has_word(const struct ttext *t, size_t a, size_t b);

#define MAX_PARTS 8
/* Splits [s, e) into members at 、 and between quoted names ("“A”“B”"), and also at
 * 和/及/与 when `joins`. Returns how many (at most MAX_PARTS). */
size_t phrase_members(const struct ttext *t, size_t s, size_t e, int joins,
                      size_t ps[MAX_PARTS], size_t pe[MAX_PARTS]);

/* Links t->v[s..e); a member of a list may borrow the head of the last member
 * (head [hs, he): "二级以上" + "幼儿园占比") or the start of the first (lead [ls, le):
 * "粮食" + "产量"). *keyp gets the folded key that linked (else the phrase's own);
 * [*bs, *be) what was borrowed (empty if nothing; bs may be NULL). */
const struct indicator *phrase_link(const struct catalogue *cat, const struct ttext *t,
                                    size_t s, size_t e, size_t hs, size_t he, size_t ls,
                                    size_t le, char **keyp, size_t *bs, size_t *be);

/* ---- time frames (targets_frame.c) ---- */

/* A time the text speaks of: what a value said in it is, and its year. */
struct frame {
    int kind;               /* TK_TARGET, TK_REPORTED, or -1 when the time does not say */
    int year;               /* 0 when it does not say */
    int by_word;            /* said by a word (回顾, 目标), not by a year or a period */
};
/* The times said in one paragraph, each holding for [pos, until). */
struct fmarks {
    struct fmark { size_t pos, until; struct frame f; } *v;
    size_t n, cap;
};

/* The time expression at t->v[i] (in [lo, lim)), read against the document's year (0:
 * unknown): its length, and the frame in *f; 0 when none. With `words`, also the words
 * of plan (目标, 任务 …) that only headings and opening clauses use. */
size_t frame_at(const struct ttext *t, size_t lo, size_t i, size_t lim, int doc_year,
                int words, struct frame *f);
/* The first time expression in t->v[a..b) (with `words`, the words of plan too). 1 found,
 * else 0. */
int frame_first(const struct ttext *t, size_t a, size_t b, int doc_year, int words,
                struct frame *f);
/* The same for a heading's UTF-8 text. */
int frame_of_text(const char *s, int doc_year, struct frame *f);
/* The times of the paragraph t->v[ps..pe) in *m; the time of its opening clause in *para
 * (*has_para set when there is one). 0, or -1 out of memory. */
int frame_marks(const struct ttext *t, size_t ps, size_t pe, int doc_year, struct fmarks *m,
                struct frame *para, int *has_para);
/* The frame at pos: the innermost mark holding there, then the outer frames in order
 * (innermost first: the paragraph's, the headings'). */
struct frame frame_resolve(const struct fmarks *m, size_t pos, const struct frame *outer,
                           size_t nouter);
int year_at(const struct ttext *t, size_t i, size_t lim);
/* "2025年的" (or "2020年底的") ending just before t->v[i], not before lo: its length, else 0.
 * A value's own year. */
size_t year_of_before(const struct ttext *t, size_t lo, size_t i);

#endif
