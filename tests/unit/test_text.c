/* Width, wrapping, truncation and sanitising (text.h), on made-up strings and on the
 * embedded corpus at every width from 2 to 300. */
#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unictype.h>
#include "gongfu/text.h"

static int width_of(const char *s) { return text_width(s, strlen(s)); }

static void test_width(void **st)
{
    (void)st;
    assert_int_equal(width_of(""), 0);
    assert_int_equal(width_of("abc"), 3);
    assert_int_equal(width_of("中文"), 4);
    assert_int_equal(width_of("4.5个"), 5);
    assert_int_equal(width_of("，。"), 4);
    assert_int_equal(width_of("e\xcc\x81"), 1);          /* e + combining acute */
    assert_int_equal(width_of("\x1b[1m"), 4);             /* ESC shown as one replacement */
    assert_int_equal(width_of("\xff\xfe"), 2);            /* two invalid bytes */
    assert_int_equal(width_of("\xe4\xb8"), 2);            /* truncated 中: two bad bytes */
    assert_int_equal(width_of("a\tb"), 3);
    assert_int_equal(width_of("\xe2\x80\x8b"), 1);        /* zero-width space made visible */
}

/* U+0600 (ARABIC NUMBER SIGN): glibc's C.UTF-8 gives it one column, libunistring (what a
 * single-byte locale uses) none. A thread in either locale gets its own locale's answer
 * whatever another thread learnt before it: no thread reads what another wrote. */
#define ARABIC_NUMBER_SIGN 0x0600u

struct width_thread {
    const char *locale;
    int width;                  /* text_char_width(ARABIC_NUMBER_SIGN) in that locale */
    int after_reset;            /* the same, asked after the main thread reset the widths */
    pthread_barrier_t *barrier; /* NULL: no reset */
};

static void *width_in_locale(void *arg)
{
    struct width_thread *t = arg;
    locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
    locale_t mine = newlocale(LC_ALL_MASK, t->locale, (locale_t)0);
    if (!utf8 || !mine)
        return NULL;
    uselocale(mine);
    t->width = text_char_width(ARABIC_NUMBER_SIGN);
    if (t->barrier) {
        /* The locale changes under the remembered answer; the main thread says so. */
        uselocale(utf8);
        pthread_barrier_wait(t->barrier);
        pthread_barrier_wait(t->barrier);
        t->after_reset = text_char_width(ARABIC_NUMBER_SIGN);
    }
    uselocale(LC_GLOBAL_LOCALE);
    freelocale(mine);
    freelocale(utf8);
    return NULL;
}

static void test_width_threads(void **st)
{
    (void)st;
    text_width_reset();
    assert_int_equal(text_char_width(ARABIC_NUMBER_SIGN), 1);   /* main: C.UTF-8 */
    struct width_thread utf8 = { "C.UTF-8", -1, -1, NULL }, c = { "C", -1, -1, NULL };
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, width_in_locale, &utf8), 0);
    pthread_join(th, NULL);
    assert_int_equal(pthread_create(&th, NULL, width_in_locale, &c), 0);
    pthread_join(th, NULL);
    assert_int_equal(utf8.width, 1);
    assert_int_equal(c.width, 0);
    assert_int_equal(text_char_width(ARABIC_NUMBER_SIGN), 1);

    /* A reset made in one thread reaches the answers another remembered. */
    pthread_barrier_t b;
    assert_int_equal(pthread_barrier_init(&b, NULL, 2), 0);
    struct width_thread r = { "C", -1, -1, &b };
    assert_int_equal(pthread_create(&th, NULL, width_in_locale, &r), 0);
    pthread_barrier_wait(&b);
    text_width_reset();
    pthread_barrier_wait(&b);
    pthread_join(th, NULL);
    pthread_barrier_destroy(&b);
    assert_int_equal(r.width, 0);
    assert_int_equal(r.after_reset, 1);
}

static void test_ambiguous(void **st)
{
    (void)st;
    assert_true(text_is_ambiguous(0x201C));   /* “ */
    assert_true(text_is_ambiguous(0x2014));   /* — */
    assert_true(text_is_ambiguous(0x00B7));   /* · */
    assert_true(text_is_ambiguous(0x2460));   /* ① */
    assert_true(text_is_ambiguous(0x2502));   /* │ */
    assert_false(text_is_ambiguous('a'));
    assert_false(text_is_ambiguous(0x4E2D));  /* 中 */
    assert_false(text_is_ambiguous(0xFF0C));  /* ， */
}

/* Wraps and returns the lines joined by "|". */
static char *wrapped(const char *s, int width)
{
    struct text_line *l;
    size_t n = text_wrap(s, strlen(s), width, &l);
    static char buf[4096];
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(l[i].width <= (width < 2 ? 2 : width));
        assert_int_equal(l[i].width, text_width(s + l[i].start, l[i].end - l[i].start));
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%.*s", i ? "|" : "",
                              (int)(l[i].end - l[i].start), s + l[i].start);
    }
    buf[o] = '\0';
    free(l);
    return buf;
}

static void test_wrap_basic(void **st)
{
    (void)st;
    assert_string_equal(wrapped("中文中文", 4), "中文|中文");
    assert_string_equal(wrapped("中文中文", 5), "中文|中文");
    assert_string_equal(wrapped("中文中文", 8), "中文中文");
    assert_string_equal(wrapped("hello world", 8), "hello|world");
    assert_string_equal(wrapped("hello   world", 5), "hello|world");
    assert_string_equal(wrapped("a\n\nb", 10), "a||b");
    assert_string_equal(wrapped("a\r\nb", 10), "a|b");
    assert_string_equal(wrapped("a\n", 10), "a");
    assert_string_equal(wrapped("", 10), "");
    struct text_line *l = (struct text_line *)1;
    assert_int_equal(text_wrap("", 0, 10, &l), 0);
    free(l);
}

static void test_wrap_punctuation(void **st)
{
    (void)st;
    /* The comma cannot start a line, so 文 moves down with it. */
    assert_string_equal(wrapped("中文，中文", 4), "中|文，|中文");
    assert_string_equal(wrapped("中文。中文", 4), "中|文。|中文");
    assert_string_equal(wrapped("中文、中文", 5), "中|文、|中文");
    assert_string_equal(wrapped("甲乙；丙丁", 4), "甲|乙；|丙丁");
    assert_string_equal(wrapped("甲乙：丙丁", 4), "甲|乙：|丙丁");
    assert_string_equal(wrapped("甲乙？丙丁", 4), "甲|乙？|丙丁");
    assert_string_equal(wrapped("甲乙！丙丁", 4), "甲|乙！|丙丁");
    assert_string_equal(wrapped("甲（乙）丙", 6), "甲|（乙）|丙");
    assert_string_equal(wrapped("甲「乙」丙", 6), "甲|「乙」|丙");
    /* UAX #14 keeps quotation marks (QU) with both neighbours. */
    assert_string_equal(wrapped("甲乙“丙”丁", 6), "甲|乙“丙”|丁");
    /* An opening bracket never ends a line. */
    assert_string_equal(wrapped("甲乙（丙丁）", 6), "甲乙|（丙|丁）");
    /* Half-width punctuation left in a Chinese text follows the same rule. */
    assert_string_equal(wrapped("中文,中文", 4), "中|文,|中文");
    /* Numbers with their units and percent signs stay whole where they fit. */
    assert_string_equal(wrapped("达到75%以上", 6), "达到|75%以|上");
}

/* A number and its unit are one unit of text (issue 12, point 15): no line ends between
 * the digits and 元/年, %, 万人, 萬元, nor inside them. */
static void test_wrap_number_unit(void **st)
{
    (void)st;
    /* Before: "达到14000元/" | "年". */
    assert_string_equal(wrapped("标准达到14000元/年", 16), "标准达到|14000元/年");
    assert_string_equal(wrapped("新增就业15万人以上", 9), "新增就业|15万人以|上");
    assert_string_equal(wrapped("收入达到7.5萬元", 10), "收入达到|7.5萬元");
    assert_string_equal(wrapped("比重达到53%左右", 10), "比重达到|53%左右");
    assert_string_equal(wrapped("提高到4.5个以上", 8), "提高到|4.5个以|上");
    assert_string_equal(wrapped("到2035年基本实现", 7), "到|2035年|基本实|现");
    assert_string_equal(wrapped("达到２０万元", 8), "达到|２０万元");
    /* A word after a number that is no unit breaks as before. */
    assert_string_equal(wrapped("建设3大平台", 6), "建设3|大平台");
    assert_string_equal(wrapped("建设3大平台", 5), "建设3|大平|台");
    /* Longer than a line: cut where it overflows, as any run with no break. */
    assert_string_equal(wrapped("12345678万元", 6), "123456|78万元");
}

static void test_wrap_forced(void **st)
{
    (void)st;
    assert_string_equal(wrapped("abcdefgh", 3), "abc|def|gh");
    /* A wide character is never split: width 3 holds one, 2 is the minimum. */
    assert_string_equal(wrapped("a中b", 2), "a|中|b");
    assert_string_equal(wrapped("中文", 3), "中|文");
    assert_string_equal(wrapped("中文", 1), "中|文");
    assert_string_equal(wrapped("中文", -5), "中|文");
    /* A run with no break opportunity is cut where it overflows. */
    assert_string_equal(wrapped("，，，，", 4), "，，|，，");
}

static void test_wrap_invalid(void **st)
{
    (void)st;
    const char s[] = "\xff\xfe中\x01\x1b[2J文\xe4\xb8";
    struct text_line *l;
    for (int w = 2; w < 12; w++) {
        size_t n = text_wrap(s, sizeof s - 1, w, &l);
        assert_true(n > 0);
        size_t prev = 0;
        for (size_t i = 0; i < n; i++) {
            assert_true(l[i].start >= prev && l[i].end >= l[i].start);
            assert_true(l[i].end <= sizeof s - 1);
            assert_true(l[i].width <= w);
            prev = l[i].end;
        }
        assert_int_equal(l[n - 1].end, sizeof s - 1);
        free(l);
    }
}

static void test_truncate(void **st)
{
    (void)st;
    int used;
    const char *s = "中文字";
    assert_int_equal(text_truncate(s, strlen(s), 6, &used), strlen(s));
    assert_int_equal(used, 6);
    assert_int_equal(text_truncate(s, strlen(s), 5, &used), strlen("中文"));
    assert_int_equal(used, 5);
    assert_int_equal(text_truncate(s, strlen(s), 4, &used), strlen("中"));
    assert_int_equal(used, 3);
    assert_int_equal(text_truncate(s, strlen(s), 1, &used), 0);
    assert_int_equal(used, 1);
    assert_int_equal(text_truncate(s, strlen(s), 0, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(text_truncate("abcdef", 6, 4, &used), 3);
    assert_int_equal(used, 4);
    assert_int_equal(text_truncate("abc", 3, 3, NULL), 3);
}

static void test_sanitize(void **st)
{
    (void)st;
    const char in[] = "a\x1b[31m\x07\xc2\x9b\xe2\x80\xae\xe2\x80\x8b\xef\xbb\xbf\xff\tz中";
    char *out = text_sanitize(in, sizeof in - 1);
    assert_string_equal(out, "a\xef\xbf\xbd[31m\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                             "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd z中");
    for (const char *p = out; *p; p++)
        assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
    assert_int_equal(text_width(out, strlen(out)), text_width(in, sizeof in - 1));
    free(out);
    out = text_sanitize("", 0);
    assert_string_equal(out, "");
    free(out);
    out = text_sanitize("a\0b", 3);
    assert_string_equal(out, "a\xef\xbf\xbd" "b");
    free(out);
    /* The joiners inside emoji and words, and the soft hyphen, are text, not controls. */
    const char kept[] = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9 co\xc2\xadop \xe2\x80\x8c";
    out = text_sanitize(kept, sizeof kept - 1);
    assert_string_equal(out, kept);
    free(out);
    assert_int_equal(text_visible(0x200D), 0x200D);
    assert_int_equal(text_visible(0x00AD), 0x00AD);
    assert_int_equal(text_visible(0x200B), 0xFFFD);    /* the zero-width space still goes */
    assert_int_equal(text_visible(0x202E), 0xFFFD);    /* and the bidi overrides */
}

/* What text_visible keeps and replaces, by the rule itself: controls and the format,
 * separator, surrogate, private-use and unassigned categories go (the joiners and the
 * soft hyphen stay, a tab is a space). Over the whole of Unicode, so a block taken for
 * the quick path that holds one character the rule replaces fails here. */
static uint32_t visible_by_rule(uint32_t c)
{
    if (c == '\t')
        return ' ';
    if (c == 0x200C || c == 0x200D || c == 0x00AD)
        return c;
    int hidden = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
                 uc_is_general_category(c, UC_CATEGORY_Cf) ||
                 uc_is_general_category(c, UC_CATEGORY_Zl) ||
                 uc_is_general_category(c, UC_CATEGORY_Zp) ||
                 uc_is_general_category(c, UC_CATEGORY_Cs) ||
                 uc_is_general_category(c, UC_CATEGORY_Co) ||
                 uc_is_general_category(c, UC_CATEGORY_Cn);
    return hidden ? 0xFFFD : c;
}

static void test_visible_everywhere(void **st)
{
    (void)st;
    for (uint32_t c = 0; c <= 0x10FFFF; c++)
        if (text_visible(c) != visible_by_rule(c))
            fail_msg("U+%04X: %04X, the rule says %04X", (unsigned)c, (unsigned)text_visible(c),
                     (unsigned)visible_by_rule(c));
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = malloc(1 << 20);
    *n = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

static int in_set(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++)
        if (n >= strlen(*set) && !memcmp(s, *set, strlen(*set)))
            return 1;
    return 0;
}

/* Every corpus file at every width: lines fit, cover the text in order, keep the
 * punctuation rules wherever the line has room for them. */
static void test_wrap_corpus(void **st)
{
    (void)st;
    static const char *const files[] = {
        "data/corpus/zhoushan-plan.txt", "data/corpus/taizhou-plan.txt",
        "data/corpus/jinhua-plan.txt", "data/corpus/zhejiang-plan-part2.txt",
        "data/corpus/zhejiang-opengov-2021-and-central-opinions.txt",
    };
    static const char *const no_start[] = { "，", "。", "、", "；", "：", "？", "！", "）",
                                            "」", "”", NULL };
    static const char *const no_end[] = { "（", "「", "“", NULL };
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        size_t n;
        char *s = slurp(files[f], &n);
        for (int w = 2; w <= 300; w += (w < 40 ? 1 : 7)) {
            struct text_line *l;
            size_t nl = text_wrap(s, n, w, &l);
            assert_true(nl > 0);
            size_t prev = 0;
            for (size_t i = 0; i < nl; i++) {
                assert_true(l[i].width <= w);
                assert_int_equal(l[i].width,
                                 text_width(s + l[i].start, l[i].end - l[i].start));
                for (size_t b = prev; b < l[i].start; b++)
                    assert_true(strchr(" \r\n", s[b]) != NULL);
                if (w >= 20 && l[i].end > l[i].start) {
                    assert_false(in_set(s + l[i].start, l[i].end - l[i].start, no_start));
                    for (const char *const *e = no_end; *e; e++) {
                        size_t el = strlen(*e);
                        if (l[i].end - l[i].start >= el && i + 1 < nl &&
                            l[i + 1].start == l[i].end)
                            assert_memory_not_equal(s + l[i].end - el, *e, el);
                    }
                }
                prev = l[i].end;
            }
            free(l);
        }
        free(s);
    }
}

int main(void)
{
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        fprintf(stderr, "test_text: the C.UTF-8 locale is missing\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_width_threads),
        cmocka_unit_test(test_ambiguous),
        cmocka_unit_test(test_wrap_basic),
        cmocka_unit_test(test_wrap_punctuation),
        cmocka_unit_test(test_wrap_number_unit),
        cmocka_unit_test(test_wrap_forced),
        cmocka_unit_test(test_wrap_invalid),
        cmocka_unit_test(test_truncate),
        cmocka_unit_test(test_sanitize),
        cmocka_unit_test(test_visible_everywhere),
        cmocka_unit_test(test_wrap_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
