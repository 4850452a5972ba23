/* Pinyin: the readings table, what a user types read as a key, and keys matched to words. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/pinyin.h"

/* Whether c has the reading syllable+tone, and whether it is rare (-1: no such reading). */
static int reading(uint32_t c, const char *syllable, int tone)
{
    struct pinyin_reading r[PINYIN_MAX_READINGS];
    size_t n = pinyin_readings(c, r);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(r[i].syllable, syllable) && r[i].tone == tone)
            return r[i].rare;
    return -1;
}

static void test_readings(void **state)
{
    (void)state;
    assert_int_equal(reading(0x6258, "tuo", 1), 0);    /* 托 */
    assert_int_equal(reading(0x4F4D, "wei", 4), 0);    /* 位 */
    /* Polyphonic characters: every reading. */
    assert_int_equal(reading(0x884C, "xing", 2), 0);   /* 行 xíng */
    assert_int_equal(reading(0x884C, "hang", 2), 0);   /* 行 háng */
    assert_int_equal(reading(0x91CD, "zhong", 4), 0);  /* 重 zhòng */
    assert_int_equal(reading(0x91CD, "chong", 2), 0);  /* 重 chóng */
    /* A simplified character's other readings come from the modern dictionaries. */
    assert_int_equal(reading(0x6570, "shu", 3), 0);    /* 数 shǔ */
    assert_int_equal(reading(0x6570, "shuo", 4), 0);   /* 数 shuò */
    /* A reading only the classical dictionary gives is rare. */
    assert_int_equal(reading(0x7701, "xian", 3), 1);   /* 省 xiǎn */
    assert_int_equal(reading(0x7701, "sheng", 3), 0);
    /* ü is v; the neutral tone is 5. */
    assert_int_equal(reading(0x5973, "nv", 3), 0);     /* 女 */
    assert_int_equal(reading(0x7565, "lve", 4), 0);    /* 略 */
    assert_int_equal(reading(0x7684, "de", 5), 0);     /* 的 */
    /* Not Han: no reading. */
    struct pinyin_reading r[PINYIN_MAX_READINGS];
    assert_int_equal(pinyin_readings('a', r), 0);
    assert_int_equal(pinyin_readings(0x3002, r), 0);   /* 。 */
    assert_int_equal(pinyin_readings(0x10FFFF, r), 0);
    assert_int_equal(pinyin_readings(0x7FFFFFFF, r), 0);
    assert_non_null(strstr(pinyin_source(), "Unihan "));
    assert_true(pinyin_table_chars() > 20000);
    assert_true(pinyin_table_bytes() > 10000);
}

/* The key of text formatted back ("" when it is not pinyin). */
static const char *key(const char *text)
{
    static char buf[256];
    struct pinyin_key k;
    if (!pinyin_key_parse(text, strlen(text), &k))
        return "";
    pinyin_key_format(&k, buf, sizeof buf);
    return buf;
}

static void test_key_parse(void **state)
{
    (void)state;
    assert_string_equal(key("tuowei"), "tuowei");
    assert_string_equal(key("tuo'wei"), "tuo'wei");
    assert_string_equal(key("tuo wei"), "tuo'wei");
    assert_string_equal(key("tuo\xE2\x80\x99wei"), "tuo'wei");   /* ’ */
    assert_string_equal(key("tuo1wei4"), "tuo1wei4");
    assert_string_equal(key("tuo1'wei4"), "tuo1wei4");
    assert_string_equal(key("TuoWei"), "tuowei");
    assert_string_equal(key("\xEF\xBC\xB4\xEF\xBD\x97"), "tw");     /* ＴＷ */
    assert_string_equal(key("l\xC3\xBC" "e"), "lve");               /* lüe */
    assert_string_equal(key("L\xC3\x9C"), "lv");                     /* LÜ */
    assert_string_equal(key("szhgg"), "szhgg");
    assert_string_equal(key("gdp"), "gdp");
    assert_string_equal(key("'tuo''wei'"), "tuo'wei");
    assert_string_equal(key("de5"), "de5");
    assert_string_equal(key("de0"), "de5");   /* 0 and 5: the neutral tone */
    /* Not pinyin. */
    assert_string_equal(key(""), "");
    assert_string_equal(key("'"), "");
    assert_string_equal(key("5g"), "");
    assert_string_equal(key("pm2.5"), "");
    assert_string_equal(key("r&d"), "");
    assert_string_equal(key("tuo11"), "");
    assert_string_equal(key("tuo6"), "");
    assert_string_equal(key("tuo'1"), "");
    assert_string_equal(key("\xE6\x89\x98\xE4\xBD\x8D"), "");       /* 托位 */
    assert_string_equal(key("caf\xC3\xA9"), "");                     /* café */
    assert_string_equal(key("tuo\xFFwei"), "");
    char lng[PINYIN_MAX_KEY + 2];
    memset(lng, 'a', sizeof lng - 1);
    lng[sizeof lng - 1] = 0;
    assert_string_equal(key(lng), "");
    lng[PINYIN_MAX_KEY] = 0;
    assert_string_equal(key(lng), lng);
}

/* The match of a key and a word: -1 no match, else the flags. */
static int m(const char *k, const char *word)
{
    struct pinyin_key key_;
    int flags = -1;
    assert_int_equal(pinyin_key_parse(k, strlen(k), &key_), 1);
    if (!pinyin_match(&key_, word, strlen(word), &flags))
        return -1;
    assert_true(flags >= 0);
    return flags;
}

static void test_match_syllables_and_initials(void **state)
{
    (void)state;
    assert_int_equal(m("tuowei", "托位"), PINYIN_FULL);
    assert_int_equal(m("tuo'wei", "托位"), PINYIN_FULL);
    assert_int_equal(m("tuo wei", "托位"), PINYIN_FULL);
    assert_int_equal(m("tuo1wei4", "托位"), PINYIN_FULL);
    assert_int_equal(m("tw", "托位"), 0);
    assert_int_equal(m("tuow", "托位"), 0);         /* typed so far */
    assert_int_equal(m("tuowe", "托位"), 0);
    assert_int_equal(m("twei", "托位"), 0);
    assert_int_equal(m("szhgg", "数字化改革"), 0);
    assert_int_equal(m("shzhgg", "数字化改革"), 0);   /* sh is an initial too */
    assert_int_equal(m("shuzhgg", "数字化改革"), 0);
    assert_int_equal(m("shuzihuagaige", "数字化改革"), PINYIN_FULL);
    assert_int_equal(m("shu zi hua gai ge", "数字化改革"), PINYIN_FULL);
    assert_int_equal(m("gtfy", "共同富裕"), 0);
    /* One unit per character, every letter used. */
    assert_int_equal(m("t", "托位"), -1);
    assert_int_equal(m("tuoweii", "托位"), -1);
    assert_int_equal(m("tuow", "托"), -1);
    assert_int_equal(m("tuwei", "托位"), -1);        /* tu is neither tuo nor its initial */
    assert_int_equal(m("tuow", "托位数"), -1);
    /* Apostrophes and spaces say where a unit starts. */
    assert_int_equal(m("xian", "西安"), PINYIN_FULL);
    assert_int_equal(m("xi'an", "西安"), PINYIN_FULL);
    assert_int_equal(m("xi'an", "先"), -1);
    assert_int_equal(m("xian", "先"), PINYIN_FULL);
    assert_int_equal(m("tuo'w'ei", "托位"), -1);
    /* Not Han, or no reading: never. */
    assert_int_equal(m("ab", "ab"), -1);
    assert_int_equal(m("tuo", ""), -1);
    assert_int_equal(m("tuo", "\xFF"), -1);
}

static void test_match_tones_polyphones(void **state)
{
    (void)state;
    assert_int_equal(m("tuo2wei4", "托位"), -1);     /* 托 is tuō */
    assert_int_equal(m("t1wei", "托位"), -1);        /* a tone follows a whole syllable */
    assert_int_equal(m("tuo1w", "托位"), 0);
    assert_int_equal(m("de5", "的"), PINYIN_FULL);
    assert_int_equal(m("de0", "的"), PINYIN_FULL);
    assert_int_equal(m("de1", "的"), -1);
    /* 行 and 重 by each reading. */
    assert_int_equal(m("yinhang", "银行"), PINYIN_FULL);
    assert_int_equal(m("xingdong", "行动"), PINYIN_FULL);
    assert_int_equal(m("hang2", "行"), PINYIN_FULL);
    assert_int_equal(m("xing2", "行"), PINYIN_FULL);
    assert_int_equal(m("zhongdian", "重点"), PINYIN_FULL);
    assert_int_equal(m("chongjian", "重建"), PINYIN_FULL);
    assert_int_equal(m("zd", "重点"), 0);
    assert_int_equal(m("cj", "重建"), 0);
    /* A rare reading matches, marked. */
    assert_int_equal(m("xian", "省"), PINYIN_FULL | PINYIN_RARE);
    assert_int_equal(m("sheng", "省"), PINYIN_FULL);
    /* ü */
    assert_int_equal(m("nv", "女"), PINYIN_FULL);
    assert_int_equal(m("n\xC3\xBC", "女"), PINYIN_FULL);
    assert_int_equal(m("lve", "略"), PINYIN_FULL);
    assert_int_equal(m("lue", "略"), PINYIN_FULL);
    assert_int_equal(m("nu", "女"), -1);
    /* Traditional characters have readings of their own. */
    assert_int_equal(m("swhgg", "數位化改革"), 0);
}

static int syllable(const char *text)
{
    struct pinyin_key k;
    return pinyin_key_parse(text, strlen(text), &k) && pinyin_is_syllable(&k);
}

static void test_is_syllable(void **state)
{
    (void)state;
    assert_true(syllable("tuo"));
    assert_true(syllable("zhuang"));
    assert_true(syllable("a"));
    assert_true(syllable("zhong4"));
    assert_true(syllable("lue"));
    assert_true(syllable("lve"));
    assert_true(syllable("nv"));
    assert_false(syllable("tuowei"));
    assert_false(syllable("tw"));
    assert_false(syllable("t"));
    assert_true(syllable("tuo'"));       /* an apostrophe at the end starts nothing */
    assert_false(syllable("tu'o"));
    assert_false(syllable("zhuangg"));
}

static void test_steps(void **state)
{
    (void)state;
    struct pinyin_key k;
    struct pinyin_step st[PINYIN_MAX_STEPS];
    assert_int_equal(pinyin_key_parse("shuzi", 5, &k), 1);
    size_t n = pinyin_steps(&k, 0, 0x6570, st);   /* 数: s, sh (initials), shu (full) */
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (st[i].end == 1 && !(st[i].flags & PINYIN_FULL))
            seen |= 1;
        if (st[i].end == 2 && !(st[i].flags & PINYIN_FULL))
            seen |= 2;
        if (st[i].end == 3 && (st[i].flags & PINYIN_FULL))
            seen |= 4;
        assert_true(st[i].end >= 1 && st[i].end <= 3);
    }
    assert_int_equal(seen, 7);
    assert_int_equal(pinyin_steps(&k, 3, 0x5B57, st), 2);   /* 字: z, zi */
    assert_int_equal(pinyin_steps(&k, 5, 0x5B57, st), 0);   /* past the end */
    assert_int_equal(pinyin_steps(&k, 0, 'a', st), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_key_parse),
        cmocka_unit_test(test_match_syllables_and_initials),
        cmocka_unit_test(test_match_tones_polyphones),
        cmocka_unit_test(test_is_syllable),
        cmocka_unit_test(test_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
