/* Relations between sections of different documents, on small plans written here: one
 * "province" with eight measures, a "city" that answers seven of them and adds its own,
 * and a city written in Traditional characters that answers four. Every text also carries
 * the words all plans use (共同富裕, 推进, 建设), which must not relate anything. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/relations.h"
#include "../../src/core/relations_int.h"

enum { ITEM = 1, CHAPTER = 2 };

#define COMMON "坚持共同富裕方向,推进高质量发展建设。"

static const struct relations_section plans[] = {
    /* 0–7: the province */
    {0, ITEM, "发展普惠托育服务", "增加婴幼儿托位供给,推进托育机构建设,落实育儿补贴。" COMMON},
    {0, ITEM, "构建幸福养老服务体系", "发展居家社区养老服务,建设老年食堂,完善养老护理。" COMMON},
    {0, ITEM, "完善多层次医疗保障", "推进医保市级统筹,发展商业健康保险,完善大病保险。" COMMON},
    {0, ITEM, "建设世界一流强港", "提升港口货物吞吐量,发展海铁联运,建设国际航运枢纽。" COMMON},
    {0, ITEM, "传承优秀传统文化", "保护利用文物古迹,传承非物质文化遗产,推进文化基因解码。" COMMON},
    {0, ITEM, "深化数字化改革", "建设一体化智能化公共数据平台,推进数字政府整体智治。" COMMON},
    {0, ITEM, "推进清廉建设", "整治群众身边腐败问题,构建大监督格局,一体推进不敢腐不能腐。" COMMON},
    {0, ITEM, "实施碳达峰行动", "制定碳排放达峰方案,推动能源结构调整,发展清洁能源。" COMMON},
    /* 8–15: a city in Simplified characters, no port */
    {1, ITEM, "完善托育服务体系", "扩大普惠托育服务供给,新增婴幼儿托位,发放育儿补贴。" COMMON},
    {1, ITEM, "健全养老服务", "推进居家社区养老服务全覆盖,办好老年食堂,发展养老护理。" COMMON},
    {1, ITEM, "深化医保改革", "实现医保市级统筹,推广商业健康保险,健全大病保险。" COMMON},
    {1, ITEM, "弘扬传统文化", "加强文物古迹保护利用,开展非物质文化遗产传承。" COMMON},
    {1, ITEM, "推进数字化改革", "迭代公共数据平台,打造数字政府整体智治。" COMMON},
    {1, ITEM, "建设清廉城市", "深入整治群众身边腐败问题,完善大监督格局。" COMMON},
    {1, ITEM, "开展碳达峰行动", "落实碳排放达峰方案,调整能源结构,壮大清洁能源。" COMMON},
    {1, ITEM, "全力招商引资", "举办投资洽谈会,引进总部企业,优化营商环境。" COMMON},
    /* 16–20: a city in Traditional characters */
    {2, ITEM, "發展托育服務", "增加嬰幼兒托位,支持托育機構,發放育兒補貼。" "堅持共同富裕方向,推進高質量發展建設。"},
    {2, ITEM, "打造安心醫保", "推進醫保市級統籌,發展商業健康保險。" "堅持共同富裕方向,推進高質量發展建設。"},
    {2, ITEM, "建設國際強港", "提升港口貨物吞吐量,發展海鐵聯運。" "堅持共同富裕方向,推進高質量發展建設。"},
    {2, ITEM, "深化數字化改革", "建設公共數據平台,推進數字政府整體智治。" "堅持共同富裕方向,推進高質量發展建設。"},
    {2, ITEM, "擦亮山水旅遊", "打造詩畫山水旅遊線路,發展民宿經濟。" "堅持共同富裕方向,推進高質量發展建設。"},
    /* 21–30: chapter leads, related only to chapter leads */
    {0, CHAPTER, "推进公共服务优质共享", "托育养老同步推进。"},
    {1, CHAPTER, "推进公共服务优质共享", "托育养老一体推进。"},
    {0, CHAPTER, "建设生态文明", "碳达峰与生态修复并举。"},
    {1, CHAPTER, "打造清廉城市", "监督执纪问责。"},
    {2, CHAPTER, "推進數字化改革", "數據共享。"},
    {2, CHAPTER, "擦亮文旅金名片", "山水詩路。"},
    {1, CHAPTER, "做强海洋经济", "港航物流。"},
    {1, CHAPTER, "建设美丽乡村", "和美乡村。"},
    {2, CHAPTER, "深化開放合作", "自貿試驗區。"},
    {2, CHAPTER, "建設平安金華", "風險防控。"},
};
enum { NPLANS = sizeof plans / sizeof *plans };

static struct relations *model;
static struct relations_pair *pairs;
static size_t npairs;

static int setup(void **state)
{
    (void)state;
    struct err e = {{0}};
    if (relations_build(plans, NPLANS, &model, &e) < 0)
        return -1;
    return relations_pairs(model, RELATIONS_FACTOR, &pairs, &npairs, &e);
}

static int teardown(void **state)
{
    (void)state;
    free(pairs);
    relations_free(&model);
    return 0;
}

/* The sections related to `from` in document `doc`, best first; -1 ends the list. */
static size_t related_in(size_t from, int doc, size_t out[4])
{
    size_t k = 0;
    for (size_t i = 0; i < npairs; i++)
        if (pairs[i].from == from && plans[pairs[i].to].doc == doc && k < 3)
            out[k++] = pairs[i].to;
    out[k] = (size_t)-1;
    return k;
}

static void expect_first(size_t from, int doc, size_t to)
{
    size_t got[4];
    size_t k = related_in(from, doc, got);
    if (k == 0 || got[0] != to)
        fail_msg("section %zu in document %d: expected %zu first, got %zd (%zu related)", from,
                 doc, to, k ? (ssize_t)got[0] : (ssize_t)-1, k);
}

static void expect_none(size_t from, int doc)
{
    size_t got[4];
    size_t k = related_in(from, doc, got);
    if (k)
        fail_msg("section %zu in document %d: expected none, got %zu first", from, doc, got[0]);
}

static void test_counterparts_first(void **state)
{
    (void)state;
    static const size_t city[] = {8, 9, 10, (size_t)-1, 11, 12, 13, 14};
    for (size_t i = 0; i < 8; i++) {
        if (city[i] == (size_t)-1)
            expect_none(i, 1);
        else
            expect_first(i, 1, city[i]), expect_first(city[i], 0, i);
    }
}

static void test_traditional_matches_simplified(void **state)
{
    (void)state;
    expect_first(0, 2, 16);
    expect_first(16, 0, 0);
    expect_first(2, 2, 17);
    expect_first(3, 2, 18);
    expect_first(5, 2, 19);
    expect_first(16, 1, 8);
    expect_first(19, 1, 12);
}

/* Sharing only the words every plan uses is no relation. */
static void test_common_words_relate_nothing(void **state)
{
    (void)state;
    expect_none(15, 0), expect_none(15, 2);
    expect_none(20, 0), expect_none(20, 1);
    expect_none(1, 2), expect_none(4, 2), expect_none(6, 2), expect_none(7, 2);
    double common = relations_score(model, 15, 20);
    assert_true(common < relations_background(model, 15) * RELATIONS_FACTOR);
}

static void test_never_same_document_or_other_kind(void **state)
{
    (void)state;
    for (size_t i = 0; i < npairs; i++) {
        assert_int_not_equal(plans[pairs[i].from].doc, plans[pairs[i].to].doc);
        assert_int_equal(plans[pairs[i].from].kind, plans[pairs[i].to].kind);
    }
    expect_first(21, 1, 22);
}

static void test_scores_symmetric_and_ordered(void **state)
{
    (void)state;
    for (size_t a = 0; a < NPLANS; a++)
        for (size_t b = 0; b < NPLANS; b++) {
            double s = relations_score(model, a, b);
            assert_true(s >= 0 && s <= 1.0 + 1e-6);
            assert_true(s == relations_score(model, b, a));
        }
    assert_true(relations_score(model, 0, 0) > 0.999);
    for (size_t i = 1; i < npairs; i++) {
        assert_true(pairs[i].from >= pairs[i - 1].from);
        if (pairs[i].from == pairs[i - 1].from)
            assert_true(pairs[i].score <= pairs[i - 1].score);
    }
    for (size_t i = 0; i < npairs; i++) {
        double s = relations_score(model, pairs[i].from, pairs[i].to);
        assert_true(pairs[i].score > s - 1e-6 && pairs[i].score < s + 1e-6);
        assert_true(s >= RELATIONS_FACTOR * relations_background(model, pairs[i].from) - 1e-6);
    }
}

/* The background is the mean over the other documents' sections of the same kind. */
static void test_background_is_the_mean(void **state)
{
    (void)state;
    double sum = 0;
    int n = 0;
    for (size_t b = 0; b < NPLANS; b++)
        if (plans[b].doc != 1 && plans[b].kind == ITEM)
            sum += relations_score(model, 9, b), n++;
    double floor = 0;
    int nf = 0;
    for (size_t a = 0; a < NPLANS; a++)
        if (plans[a].kind == ITEM) {
            double s = 0;
            int k = 0;
            for (size_t b = 0; b < NPLANS; b++)
                if (plans[b].doc != plans[a].doc && plans[b].kind == ITEM)
                    s += relations_score(model, a, b), k++;
            floor += s / k, nf++;
        }
    double want = sum / n > floor / nf / 2 ? sum / n : floor / nf / 2;
    assert_true(relations_background(model, 9) > want - 1e-5);
    assert_true(relations_background(model, 9) < want + 1e-5);
}

/* Eleven documents answer section 0 with the same text, one of them four times: at most
 * RELATIONS_PER_DOC from one document and RELATIONS_PER_SECTION in all, ties by position. */
static void test_limits(void **state)
{
    (void)state;
    struct relations_section s[40];
    for (size_t i = 0; i < 40; i++) {
        int doc = i == 0 ? 0 : i <= 33 ? 1 + (int)(i - 1) / 3 : i == 34 ? 1 : 12;
        s[i] = i < 35 ? (struct relations_section){doc, ITEM, "托育托位", "婴幼儿照护服务"}
                      : (struct relations_section){doc, ITEM, "招商引资", "投资洽谈"};
    }
    struct relations *m;
    struct relations_pair *p;
    size_t n;
    struct err e = {{0}};
    assert_int_equal(relations_build(s, 40, &m, &e), 0);
    assert_int_equal(relations_pairs(m, 1.0, &p, &n, &e), 0);
    size_t from0 = 0, per_doc[16] = {0}, last = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i].from == 0) {
            from0++, per_doc[s[p[i].to].doc]++;
            assert_true(p[i].to > last);
            last = p[i].to;
        }
    assert_int_equal(from0, RELATIONS_PER_SECTION);
    for (size_t d = 0; d < 16; d++)
        assert_true(per_doc[d] <= RELATIONS_PER_DOC);
    assert_int_equal(per_doc[12], 0);
    free(p);
    relations_free(&m);
}

static void test_empty_sections(void **state)
{
    (void)state;
    const struct relations_section s[] = {
        {0, ITEM, NULL, NULL}, {1, ITEM, "", "。,;"}, {2, ITEM, "托育", "托育"}, {3, ITEM, "托育", "托育"},
    };
    struct relations *m;
    struct relations_pair *p;
    size_t n;
    struct err e = {{0}};
    assert_int_equal(relations_build(s, 4, &m, &e), 0);
    assert_true(relations_score(m, 0, 1) == 0);
    assert_int_equal(relations_pairs(m, RELATIONS_FACTOR, &p, &n, &e), 0);
    for (size_t i = 0; i < n; i++)
        assert_true(p[i].from >= 2 && p[i].to >= 2);
    char *sh = relations_shared(m, 0, 1);
    assert_string_equal(sh, "");
    free(sh);
    free(p);
    relations_free(&m);
    assert_int_equal(relations_build(NULL, 0, &m, &e), 0);
    assert_int_equal(relations_pairs(m, RELATIONS_FACTOR, &p, &n, &e), 0);
    assert_int_equal(n, 0);
    relations_free(&m);
}

/* ---- the import's model (relations_build_stream) gives what the in-memory one gives ---- */

struct feed {
    const struct relations_section *s;
    size_t n, at;
};

static int next_of(void *ctx, struct relations_section *s, struct err *e)
{
    struct feed *f = ctx;
    (void)e;
    if (f->at == f->n)
        return 0;
    *s = f->s[f->at++];
    return 1;
}

static int add_df(void *ctx, const char *term, size_t len, uint32_t df)
{
    char *out = ctx;
    size_t at = strlen(out);
    assert_true(at + len + 16 < 65536);
    snprintf(out + at, 65536 - at, "%.*s=%u ", (int)len, term, df);
    return 0;
}

/* Pairs (exactly, scores too) and shared terms of both models of s[0..n). */
static void same_as_array(const struct relations_section *s, size_t n)
{
    struct relations *a, *b;
    struct relations_pair *pa, *pb;
    size_t na, nb;
    struct err e = {{0}};
    struct feed f = {s, n, 0};
    struct relations_source src = {next_of, &f};
    static char dfa[65536], dfb[65536];
    dfa[0] = dfb[0] = 0;
    assert_int_equal(relations_build(s, n, &a, &e), 0);
    assert_int_equal(relations_build_stream(&src, &b, &e), 0);
    assert_int_equal(relations_pairs(a, RELATIONS_FACTOR, &pa, &na, &e), 0);
    assert_int_equal(relations_pairs(b, RELATIONS_FACTOR, &pb, &nb, &e), 0);
    assert_true(na > 0);
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(pa[i].from, pb[i].from);
        assert_int_equal(pa[i].to, pb[i].to);
        assert_true(pa[i].score == pb[i].score);
    }
    for (size_t i = 0; i < n; i++)
        assert_true(relations_background(a, i) == relations_background(b, i));
    assert_int_equal(relations_each_df(a, pa, na, add_df, dfa), 0);
    assert_int_equal(relations_each_shared_df(b, add_df, dfb), 0);
    assert_true(dfa[0] != 0);
    assert_string_equal(dfa, dfb);
    free(pa), free(pb);
    relations_free(&a), relations_free(&b);
}

/* More documents than RELATIONS_NEIGHBOURS + 1 (copies of the plans), given grouped by
 * document (the vectors go to the file) and not (they come back to memory). */
static void test_stream_same_as_array(void **state)
{
    (void)state;
    enum { COPIES = 7 };
    static struct relations_section grouped[NPLANS * COPIES], mixed[NPLANS * COPIES];
    size_t g = 0;
    for (int d = 0; d < 3 * COPIES; d++)
        for (size_t i = 0; i < NPLANS; i++)
            if (plans[i].doc == d % 3) {
                grouped[g] = plans[i];
                grouped[g++].doc = d;
            }
    for (size_t c = 0; c < COPIES; c++)
        for (size_t i = 0; i < NPLANS; i++) {
            mixed[c * NPLANS + i] = plans[i];
            mixed[c * NPLANS + i].doc = plans[i].doc + 3 * (int)c;
        }
    same_as_array(grouped, g);
    same_as_array(mixed, NPLANS * COPIES);
    same_as_array(plans, NPLANS);
}

/* What the pairs are by definition, scored pair by pair with relations_score: for each
 * section, the sections of its kind in its neighbour documents that clear its threshold,
 * best first (ties to the lower number), at most RELATIONS_PER_DOC from one document and
 * RELATIONS_PER_SECTION in all. The scoring pass reaches them through indexes and scores
 * a pair of mutual neighbours once for both; this is the check that it finds the same. */
static void same_as_defined(const struct relations_section *s, size_t n)
{
    struct relations *m;
    struct relations_pair *got;
    size_t ngot, at = 0;
    uint32_t *nb_off, *nb;
    struct err e = {{0}};
    assert_int_equal(relations_build(s, n, &m, &e), 0);
    assert_int_equal(relations_pairs(m, RELATIONS_FACTOR, &got, &ngot, &e), 0);
    assert_int_equal(rel_neighbours(m, &nb_off, &nb), 0);
    size_t *ref = malloc(n * sizeof *ref);
    double *score = malloc(n * sizeof *score);
    assert_non_null(ref), assert_non_null(score);
    for (size_t a = 0; a < n; a++) {
        size_t nref = 0;
        double thr = RELATIONS_FACTOR * relations_background(m, a);
        for (size_t b = 0; b < n; b++) {
            int near = 0;
            for (uint32_t k = nb_off[m->doc_of[a]]; k < nb_off[m->doc_of[a] + 1]; k++)
                near |= nb[k] == m->doc_of[b];
            if (!near || s[b].kind != s[a].kind)
                continue;
            score[b] = relations_score(m, a, b);
            if (score[b] > 0 && score[b] >= thr)
                ref[nref++] = b;
        }
        for (size_t i = 1; i < nref; i++)             /* best first, by insertion */
            for (size_t j = i; j > 0; j--) {
                float x = (float)score[ref[j - 1]], y = (float)score[ref[j]];
                if (y > x || (y == x && ref[j] < ref[j - 1])) {
                    size_t t = ref[j];
                    ref[j] = ref[j - 1], ref[j - 1] = t;
                }
            }
        size_t kept = 0;
        for (size_t i = 0; i < nref && kept < RELATIONS_PER_SECTION; i++) {
            size_t same = 0;
            for (size_t j = 0; j < i; j++)
                same += m->doc_of[ref[j]] == m->doc_of[ref[i]];
            if (same >= RELATIONS_PER_DOC)
                continue;
            if (at >= ngot || got[at].from != a || got[at].to != ref[i])
                fail_msg("section %zu: expected %zu as related number %zu", a, ref[i], kept + 1);
            assert_true(got[at].score == (float)score[ref[i]]);
            at++, kept++;
        }
    }
    assert_int_equal(at, ngot);
    free(ref), free(score), free(nb_off), free(nb), free(got);
    relations_free(&m);
}

/* A few documents (every one the others' neighbour) and more than RELATIONS_NEIGHBOURS + 1
 * (copies of the plans, each three times over, words dropped in some, so that documents
 * differ and neighbours are not all mutual). */
static void test_pairs_as_defined(void **state)
{
    (void)state;
    enum { COPIES = 9 };
    static struct relations_section many[NPLANS * COPIES];
    static char text[NPLANS * COPIES][512];
    same_as_defined(plans, NPLANS);
    for (size_t c = 0; c < COPIES; c++)
        for (size_t i = 0; i < NPLANS; i++) {
            struct relations_section *x = &many[c * NPLANS + i];
            *x = plans[i];
            x->doc = plans[i].doc + 3 * (int)c;
            /* copy c leaves out its text's clauses c % 3 and (c + i) % 4 of those the
             * commas part */
            const char *t = plans[i].text;
            size_t o = 0;
            for (int clause = 0; *t; clause++) {
                const char *end = strstr(t, ",");
                size_t len = end ? (size_t)(end - t) + 1 : strlen(t);
                if (clause != (int)(c % 3) && clause != (int)((c + i) % 4) && o + len < 511)
                    memcpy(text[c * NPLANS + i] + o, t, len), o += len;
                t += len;
            }
            text[c * NPLANS + i][o] = 0;
            x->text = text[c * NPLANS + i];
        }
    same_as_defined(many, NPLANS * COPIES);
}

/* Splits a relations_shared() string; checks no phrase lies inside another. */
static size_t phrases(char *sh, char *out[16])
{
    size_t n = 0;
    for (char *tok = strtok(sh, " "); tok && n < 16; tok = strtok(NULL, " "))
        out[n++] = tok;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (i != j && strstr(out[i], out[j]))
                fail_msg("phrase '%s' lies inside '%s'", out[j], out[i]);
    return n;
}

static int has(char **p, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(p[i], want))
            return 1;
    return 0;
}

/* Shared phrases: the longest runs in common, weightiest first, as `from` writes them;
 * runs of words every plan uses are no phrase. */
static void test_shared_phrases(void **state)
{
    (void)state;
    char *p[16], *sh = relations_shared(model, 2, 10);
    assert_non_null(sh);
    size_t n = phrases(sh, p);
    assert_true(n >= 3 && n <= RELATIONS_MAX_PHRASES);
    assert_true(has(p, n, "医保市级统筹") && has(p, n, "商业健康保险") && has(p, n, "大病保险"));
    free(sh);
    sh = relations_shared(model, 17, 2);       /* as the Traditional side writes them */
    assert_non_null(strstr(sh, "醫保市級統籌"));
    assert_non_null(strstr(sh, "商業健康保險"));
    free(sh);
    sh = relations_shared(model, 15, 20);
    assert_string_equal(sh, "");
    free(sh);
}

static void test_spans(void **state)
{
    (void)state;
    const char *text = "推進醫保市級統籌,發展商業健康保險。醫保";
    struct search_span *sp;
    size_t n;
    assert_int_equal(relations_spans("医保市级统筹 商业健康保险", text, strlen(text), &sp, &n), 0);
    assert_int_equal(n, 2);
    assert_memory_equal(text + sp[0].start, "醫保市級統籌", sp[0].end - sp[0].start);
    assert_int_equal(sp[0].end - sp[0].start, strlen("醫保市級統籌"));
    assert_memory_equal(text + sp[1].start, "商業健康保險", sp[1].end - sp[1].start);
    free(sp);
    assert_int_equal(relations_spans("", text, strlen(text), &sp, &n), 0);
    assert_int_equal(n, 0);
    /* Overlapping phrases give one span. */
    assert_int_equal(relations_spans("市级统筹 医保市级", text, strlen(text), &sp, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(sp[0].end - sp[0].start, strlen("醫保市級統籌"));
    free(sp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counterparts_first),
        cmocka_unit_test(test_traditional_matches_simplified),
        cmocka_unit_test(test_common_words_relate_nothing),
        cmocka_unit_test(test_never_same_document_or_other_kind),
        cmocka_unit_test(test_scores_symmetric_and_ordered),
        cmocka_unit_test(test_background_is_the_mean),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_empty_sections),
        cmocka_unit_test(test_stream_same_as_array),
        cmocka_unit_test(test_pairs_as_defined),
        cmocka_unit_test(test_shared_phrases),
        cmocka_unit_test(test_spans),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
