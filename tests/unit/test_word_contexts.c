/* The contexts of two-character terms: the different characters seen on each side. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <stdlib.h>
#include "gongfu/fold.h"
#include "gongfu/word_contexts.h"

static unsigned of(const struct word_contexts *t, const char *term)
{
    return word_contexts_of(t, term, strlen(term));
}

static void sides(void **state)
{
    (void)state;
    struct word_contexts *t;
    assert_int_equal(word_contexts_new(&t), 0);
    const char *text = "推进生态文明建设。繁荣生态文化，婴幼儿托位数4.5个，照护设施托位达到。"
                       "新增托位";
    assert_int_equal(word_contexts_add(t, text, strlen(text)), 0);
    /* 态文: always after 生 (before it 明 or 化): one context on its weaker side. */
    assert_int_equal(of(t, "态文"), 1);
    /* 托位: after 儿, 施, 增; before 数, 达 and the end of the text. */
    assert_int_equal(of(t, "托位"), 3);
    /* The edge of a run is a context: 推进 begins the text, 建设 ends at 。. */
    assert_int_equal(of(t, "推进"), 1);
    assert_int_equal(of(t, "建设"), 1);
    /* Never seen, one character, or not Han: none. */
    assert_int_equal(of(t, "养老"), 0);
    assert_int_equal(of(t, "托"), 0);
    assert_int_equal(of(t, "4.5"), 0);
    /* Folded as the index folds: a Traditional text adds to the same term. */
    const char *trad = "發展家庭託位服務";
    assert_int_equal(word_contexts_add(t, trad, strlen(trad)), 0);
    assert_int_equal(of(t, "托位"), 4);
    word_contexts_free(&t);
    assert_null(t);
}

/* Thousands of terms: the table grows while a text is read (a lookup may move every slot,
 * so none may be held across one). */
static void many_terms(void **state)
{
    (void)state;
    struct word_contexts *t;
    assert_int_equal(word_contexts_new(&t), 0);
    static char text[3 * 20000 + 1];
    size_t n = 0;
    for (uint32_t c = 0x4E00; c < 0x4E00 + 20000; c++) {   /* 一丁丂…: 19,999 bigrams */
        text[n++] = (char)(0xE0 | c >> 12);
        text[n++] = (char)(0x80 | (c >> 6 & 0x3F));
        text[n++] = (char)(0x80 | (c & 0x3F));
    }
    assert_int_equal(word_contexts_add(t, text, n), 0);
    /* Every one of them kept: the first (the text's edge on its left), one in the middle,
     * the last (the edge on its right). */
    assert_int_equal(of(t, "一丁"), 1);
    assert_int_equal(of(t, "丁丂"), 1);
    const size_t at[] = {3 * 10000, n - 6};
    for (size_t i = 0; i < 2; i++) {        /* folded, as the index holds them */
        size_t fn;
        char *f = fold_utf8(text + at[i], 6, &fn, NULL);
        assert_non_null(f);
        assert_int_equal(word_contexts_of(t, f, fn), 1);
        free(f);
    }
    word_contexts_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sides),
        cmocka_unit_test(many_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
