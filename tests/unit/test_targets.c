/* test_targets.c — the extractor on the sentences these plans actually write. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "gongfu/targets.h"

/* A small catalogue in the file's format; it names indicators, never values. */
static const char test_cat[] =
    "slug\tname\tunit\tdirection\tcategory\taliases\n"
    "childcare\t每千人口拥有3岁以下婴幼儿托位数\t个\thigher\t公共服务\t"
    "每千人口拥有婴幼儿照护设施托位数|每千人拥有婴幼儿照护设施托位\n"
    "urban\t常住人口城镇化率\t%\thigher\t城乡区域\t\n"
    "kinder-l2\t二级以上幼儿园占比\t%\thigher\t公共服务\t二级以上幼儿园在园幼儿占比\n"
    "kinder-pub\t普惠性幼儿园占比\t%\thigher\t公共服务\t普惠性幼儿园在园幼儿占比\n"
    "income-gap\t城乡居民收入倍差\t\tlower\t收入分配\t\n"
    "gdp-pc\t人均地区生产总值\t万元\thigher\t经济\t人均生产总值\n"
    "rural-income\t城乡居民收入\t万元\thigher\t收入分配\t\n"
    "urban-pc\t城镇居民人均可支配收入\t万元\thigher\t收入分配\t\n"
    "rural-pc\t农村居民人均可支配收入\t万元\thigher\t收入分配\t\n"
    "life\t人均预期寿命\t岁\thigher\t公共服务\t\n"
    "culture-circle\t15分钟品质文化生活圈覆盖率\t%\thigher\t文化\t15分钟品质文化生活圈\n"
    "civil-circle\t15分钟文明实践服务圈覆盖率\t%\thigher\t文化\t\n";

static struct catalogue *cat;

static int setup(void **state)
{
    (void)state;
    struct err e = {0};
    return catalogue_parse(test_cat, strlen(test_cat), "test.tsv", &cat, &e);
}

static int teardown(void **state)
{
    (void)state;
    catalogue_free(&cat);
    return 0;
}

static struct target_list run(const char *text, int with_cat)
{
    struct target_list l = {0};
    struct targets_opts o = { .default_year = 2025, .cat = with_cat ? cat : NULL };
    struct err e = {0};
    assert_int_equal(targets_extract(text, strlen(text), &o, &l, &e), 0);
    return l;
}

static char *span(const char *text, size_t a, size_t b)
{
    return strndup(text + a, b - a);
}

/* Checks target i: value as written, unit, comparator, year, flags. */
static void check(const struct target_list *l, size_t i, const char *value, const char *unit,
                  enum target_cmp cmp, int year, unsigned flags)
{
    assert_true(i < l->n);
    const struct target *t = &l->v[i];
    assert_string_equal(t->value_text, value);
    assert_string_equal(t->unit, unit);
    assert_int_equal(t->cmp, cmp);
    assert_int_equal(t->year, year);
    assert_int_equal(t->flags, flags);
}

static void check_phrase(const char *text, const struct target *t, const char *phrase)
{
    char *p = span(text, t->phrase_start, t->phrase_end);
    assert_string_equal(p, phrase);
    assert_string_equal(t->phrase, phrase);
    free(p);
}

/* A list member whose phrase got back the head it shares: the span is the member as
 * written, the phrase names the whole indicator. */
static void check_member(const char *text, const struct target *t, const char *member,
                         const char *phrase)
{
    char *p = span(text, t->phrase_start, t->phrase_end);
    assert_string_equal(p, member);
    assert_string_equal(t->phrase, phrase);
    free(p);
}

static void test_simple_comparators(void **state)
{
    (void)state;
    const char *s = "经济总量和质量效益明显提升,人均地区生产总值达到20万元。"
                    "城乡居民收入倍差缩小到1.6以内,常住人口城镇化率达75%。"
                    "城镇登记失业率控制在3%以内。高等教育毛入学率达到70%以上。"
                    "人均地区生产总值突破30万元,劳动报酬占GDP比重超过50%。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 7);
    check(&l, 0, "20", "万元", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[0], "人均地区生产总值");
    check(&l, 1, "1.6", "", CMP_LE, 2025, 0);
    check_phrase(s, &l.v[1], "城乡居民收入倍差");
    check(&l, 2, "75", "%", CMP_EQ, 2025, 0);
    check(&l, 3, "3", "%", CMP_LE, 2025, 0);
    check_phrase(s, &l.v[3], "城镇登记失业率");
    check(&l, 4, "70", "%", CMP_GE, 2025, 0);
    check(&l, 5, "30", "万元", CMP_GT, 2025, 0);
    check(&l, 6, "50", "%", CMP_GT, 2025, 0);
    check_phrase(s, &l.v[6], "劳动报酬占GDP比重");
    assert_true(fabs(l.v[1].value - 1.6) < 1e-9);
    target_list_free(&l);
}

static void test_value_after_phrase(void **state)
{
    (void)state;
    const char *s = "每千人口拥有3岁以下婴幼儿托位数4.5个,每千人口拥有执业(助理)医师数4.2人,"
                    "最低生活保障标准达到14000元/年,城市PM2.5平均浓度在19微克/立方米以内。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 4);
    check(&l, 0, "4.5", "个", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[0], "每千人口拥有3岁以下婴幼儿托位数");
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "childcare");
    check(&l, 1, "4.2", "人", CMP_EQ, 2025, 0);
    check(&l, 2, "14000", "元/年", CMP_EQ, 2025, 0);
    check(&l, 3, "19", "微克/立方米", CMP_LE, 2025, 0);
    check_phrase(s, &l.v[3], "城市PM2.5平均浓度");
    target_list_free(&l);

    /* An aside after a value leaves it a value; a number inside one measures nothing. */
    l = run("全市地区生产总值达到8000亿元(增长5%),新建保障性租赁住房0.8万套(户)。", 0);
    assert_int_equal(l.n, 2);
    check(&l, 0, "8000", "亿元", CMP_EQ, 2025, 0);
    check(&l, 1, "0.8", "万套", CMP_EQ, 2025, 0);
    target_list_free(&l);
}

static void test_fenbie_two(void **state)
{
    (void)state;
    const char *s = "建设家庭友好型社会,二级以上、普惠性幼儿园占比分别达到80%、90%以上。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 2);
    check(&l, 0, "80", "%", CMP_GE, 2025, TF_DISTRIBUTED);
    check(&l, 1, "90", "%", CMP_GE, 2025, TF_DISTRIBUTED);
    check_member(s, &l.v[0], "二级以上", "二级以上幼儿园占比");
    check_phrase(s, &l.v[1], "普惠性幼儿园占比");
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "kinder-l2");
    assert_non_null(l.v[1].indicator);
    assert_string_equal(l.v[1].indicator->slug, "kinder-pub");
    target_list_free(&l);
}

static void test_fenbie_three_traditional(void **state)
{
    (void)state;
    const char *s = "城鄉居民收入倍差、地區人均GDP最高最低倍差、地區人均可支配收入最高最低倍差"
                    "分別縮小到1.9、1.5和2.2以內;城鎮居民內部差距持續縮小。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 3);
    check(&l, 0, "1.9", "", CMP_LE, 2025, TF_DISTRIBUTED);
    check(&l, 1, "1.5", "", CMP_LE, 2025, TF_DISTRIBUTED);
    check(&l, 2, "2.2", "", CMP_LE, 2025, TF_DISTRIBUTED);
    check_phrase(s, &l.v[0], "城鄉居民收入倍差");
    check_phrase(s, &l.v[1], "地區人均GDP最高最低倍差");
    check_phrase(s, &l.v[2], "地區人均可支配收入最高最低倍差");
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "income-gap");
    assert_null(l.v[2].indicator);     /* ends differently from every alias */
    char *v = span(s, l.v[2].value_start, l.v[2].value_end);
    assert_string_equal(v, "2.2");
    free(v);
    target_list_free(&l);
}

static void test_fenbie_fewer_values(void **state)
{
    (void)state;
    /* Taizhou lost the second value and its %: one target, the unit from the catalogue. */
    const char *s = "婴幼儿照护服务体系更加完善, 二级以上幼儿园、普惠性幼儿园在园幼儿占比分别达到 75 "
                    "——在城乡区域协调发展上先行。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 1);
    check(&l, 0, "75", "%", CMP_EQ, 2025, TF_DISTRIBUTED | TF_INFERRED_UNIT);
    check_member(s, &l.v[0], "二级以上幼儿园", "二级以上幼儿园在园幼儿占比");
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "kinder-l2");
    target_list_free(&l);
}

static void test_fenbie_units_each(void **state)
{
    (void)state;
    const char *s = "確保糧食種植面積、產量分別穩定在120萬畝、9.2億斤以上。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 2);
    check(&l, 0, "120", "萬畝", CMP_GE, 2025, TF_DISTRIBUTED);
    check(&l, 1, "9.2", "億斤", CMP_GE, 2025, TF_DISTRIBUTED);
    check_phrase(s, &l.v[1], "產量");
    target_list_free(&l);
}

static void test_traditional_units(void **state)
{
    (void)state;
    const char *s = "每千人口擁有嬰幼兒照護設施托位數達到4.5張,居民人均可支配收入達到7.5萬元,"
                    "城鎮登記失業率控制在3.5%以下。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 3);
    check(&l, 0, "4.5", "張", CMP_EQ, 2025, 0);
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "childcare");
    check(&l, 1, "7.5", "萬元", CMP_EQ, 2025, 0);
    check(&l, 2, "3.5", "%", CMP_LE, 2025, 0);
    target_list_free(&l);
}

static void test_lost_percent(void **state)
{
    (void)state;
    const char *s = "基本建成 300 万以上人口规模的区域中心城市, 常住人口城镇化率达到 70,城乡融合"
                    "格局基本形成。R&D 经费支出占 GDP 比重力争达到 3.3 ——在收入分配制度改革上先行。"
                    "“15 分钟品质文化生活圈”覆盖率100 ——在生态文明建设上先行。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 3);
    check(&l, 0, "70", "%", CMP_EQ, 2025, TF_INFERRED_UNIT);
    assert_string_equal(l.v[0].indicator->slug, "urban");
    /* No catalogue entry: a rate or share (率, 比重, 比例, 占比) is a percentage. */
    check(&l, 1, "3.3", "%", CMP_EQ, 2025, TF_INFERRED_UNIT | TF_STRETCH);
    check_phrase(s, &l.v[1], "R&D 经费支出占 GDP 比重");
    check(&l, 2, "100", "%", CMP_EQ, 2025, TF_INFERRED_UNIT);
    target_list_free(&l);

    /* Two quoted names sharing one head and one value: a target each. */
    const char *q = "“15 分钟品质文化生活圈”“15 分钟文明实践服务圈”覆盖率100 ——在生态文明建设上先行。";
    l = run(q, 1);
    assert_int_equal(l.n, 2);
    check_member(q, &l.v[0], "“15 分钟品质文化生活圈”", "“15 分钟品质文化生活圈”覆盖率");
    assert_string_equal(l.v[0].indicator->slug, "culture-circle");
    check(&l, 1, "100", "%", CMP_EQ, 2025, TF_INFERRED_UNIT);
    assert_string_equal(l.v[1].indicator->slug, "civil-circle");
    target_list_free(&l);

    /* A bare number after a phrase that measures nothing is no target. */
    l = run("推进智慧医院、海上120、智慧校园建设。", 0);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
}

static void test_years(void **state)
{
    (void)state;
    const char *s = "到2022年,新建5G基站达到3000个。城镇住房保障受益覆盖率达25%以上。\n"
                    "展望到2035年,创新舟山建设取得更大成就。人均地区生产总值突破30万元,"
                    "城乡居民收入争取达到发达经济体水平。常住人口城镇化率达到80%左右。\n"
                    "森林覆盖率达到51%。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 6);
    check(&l, 0, "3000", "个", CMP_EQ, 2022, 0);
    check(&l, 1, "25", "%", CMP_GE, 2022, 0);
    check(&l, 2, "30", "万元", CMP_GT, 2035, 0);
    check(&l, 3, "发达经济体水平", "", CMP_EQ, 2035, TF_QUALITATIVE | TF_STRETCH);
    check(&l, 4, "80", "%", CMP_APPROX, 2035, TF_APPROX);
    check(&l, 5, "51", "%", CMP_EQ, 2025, 0);
    assert_true(isnan(l.v[3].value));
    target_list_free(&l);

    /* A year inside a paragraph holds for its sentence only. */
    s = "森林覆盖率达到51%。到2022年底前,完成老旧小区改造300个,建设未来社区10个。"
        "城镇住房保障受益覆盖率达25%以上。";
    l = run(s, 0);
    assert_int_equal(l.n, 4);
    assert_int_equal(l.v[0].year, 2025);
    assert_int_equal(l.v[1].year, 2022);
    assert_int_equal(l.v[2].year, 2022);
    assert_int_equal(l.v[3].year, 2025);
    target_list_free(&l);
}

static void test_qualitative(void **state)
{
    (void)state;
    const char *s = "经济总量持续扩大,人均生产总值达到中等发达经济体水平。人均预期寿命高于全国全省平均水平。"
                    "发展均衡度走在全省前列,法治舟山、平安舟山达到高水平,海洋科技创新走在全省前列。"
                    "市、县、乡三级文化设施覆盖率实现全覆盖。"
                    "实现5G网络乡镇级以上区域和重点行政村、重点岛屿全覆盖。"
                    "平安指数和群众安全感满意度保持全省前列。"
                    "绿色产业发展、资源能源利用效率、清洁能源发展位居全省前列。";
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 8);
    check(&l, 0, "中等发达经济体水平", "", CMP_EQ, 2025, TF_QUALITATIVE);
    assert_string_equal(l.v[0].indicator->slug, "gdp-pc");
    check_phrase(s, &l.v[0], "人均生产总值");
    check(&l, 1, "全国全省平均水平", "", CMP_GT, 2025, TF_QUALITATIVE);
    check(&l, 2, "全省前列", "", CMP_EQ, 2025, TF_QUALITATIVE);
    check_phrase(s, &l.v[2], "发展均衡度");
    check(&l, 3, "全覆盖", "", CMP_EQ, 2025, TF_QUALITATIVE);
    /* Full coverage of places or services is a target whatever its subject. */
    check(&l, 4, "全覆盖", "", CMP_EQ, 2025, TF_QUALITATIVE);
    check_phrase(s, &l.v[4], "5G网络乡镇级以上区域和重点行政村、重点岛屿");
    /* A level over a list: one target per measurable member. */
    check(&l, 5, "全省前列", "", CMP_EQ, 2025, TF_QUALITATIVE);
    check_phrase(s, &l.v[5], "平安指数");
    check_phrase(s, &l.v[6], "群众安全感满意度");
    check_phrase(s, &l.v[7], "资源能源利用效率");
    target_list_free(&l);
}

static void test_range_in_indicator(void **state)
{
    (void)state;
    const char *s = "家庭年可支配收入 10—50 万元的群体比例达到70、20—60 万元的群体比例力争达到 45。"
                    "家庭年可支配收入10萬—50萬元的群體比例達到73.5%。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 3);
    check(&l, 0, "70", "%", CMP_EQ, 2025, TF_INFERRED_UNIT);
    check_phrase(s, &l.v[0], "家庭年可支配收入 10—50 万元的群体比例");
    check(&l, 1, "45", "%", CMP_EQ, 2025, TF_INFERRED_UNIT | TF_STRETCH);
    check_phrase(s, &l.v[1], "20—60 万元的群体比例");
    check(&l, 2, "73.5", "%", CMP_EQ, 2025, 0);
    target_list_free(&l);
}

static void test_lists_without_fenbie(void **state)
{
    (void)state;
    const char *s = "实现研发投入倍增,新增高新技术企业200家、科技型中小企业660家。"
                    "行政村治理覆盖率和出水水质达标率均达到95%以上。"
                    "金华—义乌港集装箱吞吐量达到400万标准箱、海铁联运量达到40万标准箱。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 6);
    check(&l, 0, "200", "家", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[0], "新增高新技术企业");
    check(&l, 1, "660", "家", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[1], "科技型中小企业");
    /* 均 gives each indicator the one value: not a distributed list. */
    check(&l, 2, "95", "%", CMP_GE, 2025, 0);
    check_phrase(s, &l.v[2], "行政村治理覆盖率");
    check(&l, 3, "95", "%", CMP_GE, 2025, 0);
    check_phrase(s, &l.v[3], "出水水质达标率");
    check(&l, 4, "400", "万标准箱", CMP_EQ, 2025, 0);
    check(&l, 5, "40", "万标准箱", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[5], "海铁联运量");
    target_list_free(&l);
}

static void check_freq(const struct target_list *l, size_t i, enum target_freq f)
{
    assert_true(i < l->n);
    assert_string_equal(target_freq_name(l->v[i].freq), target_freq_name(f));
}

/* Totals over the period (5年…, 累计) and totals or changes each year (年均, 每年) are
 * told apart: neither is a level, and they must not sit unmarked side by side. */
static void test_cumulative(void **state)
{
    (void)state;
    const char *s = "扩大就业容量,5年城镇新增就业15万人,技术交易额累计达100亿元以上,"
                    "財政科技投入年均增長15%以上,每年淘汰落后产能企业100家以上。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 4);
    check(&l, 0, "15", "万人", CMP_EQ, 2025, 0);
    check_freq(&l, 0, TFQ_CUMULATIVE);
    check(&l, 1, "100", "亿元", CMP_GE, 2025, 0);
    check_freq(&l, 1, TFQ_CUMULATIVE);
    check(&l, 2, "15", "%", CMP_GE, 2025, 0);
    check_freq(&l, 2, TFQ_ANNUAL);
    check_phrase(s, &l.v[2], "財政科技投入年均增長");
    assert_string_equal(l.v[2].qualifier, "年均");
    check(&l, 3, "100", "家", CMP_GE, 2025, 0);
    check_freq(&l, 3, TFQ_ANNUAL);
    assert_string_equal(l.v[3].qualifier, "每年");
    target_list_free(&l);

    /* An annual mean is a level, not a yearly change. */
    l = run("城市PM2.5年均浓度下降到25微克/立方米。", 0);
    assert_int_equal(l.n, 1);
    check(&l, 0, "25", "微克/立方米", CMP_LE, 2025, 0);
    check_freq(&l, 0, TFQ_LEVEL);
    target_list_free(&l);
}

/* How far 力争, 每年 and “十四五”期间 reach: 力争 on through items joined by 、 and clauses
 * without a verb of their own, 每年 and “十四五”期间 to the sentence's end; 累计 stays with
 * its own verb. */
static void test_marker_scope(void **state)
{
    (void)state;
    struct target_list l = run("力争引进500强企业投资项目15个以上,行业领军企业投资项目25个以上,"
                               "高新技术企业投资项目35个以上。完成投资5420亿元以上。", 0);
    assert_int_equal(l.n, 4);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(l.v[i].flags, TF_STRETCH);
    assert_int_equal(l.v[3].flags, 0);
    target_list_free(&l);

    l = run("力争累计城镇新增就业50万人,城镇登记失业率控制在3.5%以下。", 0);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[0].flags, TF_STRETCH);
    check_freq(&l, 0, TFQ_CUMULATIVE);
    assert_int_equal(l.v[1].flags, 0);
    check_freq(&l, 1, TFQ_LEVEL);
    target_list_free(&l);

    l = run("“十四五”期间,谋划安排重大建设项目336个,完成全市重大项目投资4500亿。", 0);
    assert_int_equal(l.n, 2);
    check_freq(&l, 0, TFQ_CUMULATIVE);
    check(&l, 1, "4500", "亿", CMP_EQ, 2025, 0);
    check_freq(&l, 1, TFQ_CUMULATIVE);
    target_list_free(&l);

    const char *s = "每年招引顶尖人才超百名、硕士博士超5000名,引育技术技能人才超10万名。"
                    "累计开展职业技能培训50万人次、参加培训人员平均提升一个技能等级。";
    l = run(s, 0);
    assert_int_equal(l.n, 5);
    check(&l, 0, "100", "名", CMP_GT, 2025, 0);
    check_freq(&l, 0, TFQ_ANNUAL);
    check(&l, 1, "5000", "名", CMP_GT, 2025, 0);
    check_freq(&l, 1, TFQ_ANNUAL);
    check(&l, 2, "10", "万名", CMP_GT, 2025, 0);
    check_freq(&l, 2, TFQ_ANNUAL);      /* 每年 holds to the sentence's end */
    check(&l, 3, "50", "万人次", CMP_EQ, 2025, 0);
    check_freq(&l, 3, TFQ_CUMULATIVE);
    check(&l, 4, "1", "个", CMP_EQ, 2025, 0);
    check_phrase(s, &l.v[4], "参加培训人员平均提升");
    target_list_free(&l);
}

static void test_share_of_units(void **state)
{
    (void)state;
    /* "65% of villages have ≥50万元": the share is the target, not the income. */
    const char *s = "增强集体经济造血功能,全市65%以上的村年经营性收入达50万元以上,村级收入稳步增长。";
    struct target_list l = run(s, 0);
    assert_int_equal(l.n, 1);
    check(&l, 0, "65", "%", CMP_GE, 2025, 0);
    target_list_free(&l);
}

static void test_not_targets(void **state)
{
    (void)state;
    const char *bad[] = {
        "发布日期:2022-02-28",
        "中共金华市委 金华市人民政府 2021年7月22日",
        "制定舟山实施方案(“十四五”时期)如下。到2035年,基本实现共同富裕。",
        "全国统一咨询热线:0571-86971085 88273072",
        "组织实施幸福清单全覆盖行动计划,构建全覆盖的政府监管体系,健全覆盖城乡的服务网络。",
        "基本建成学前教育、公共卫生、养老照料等15分钟公共服务圈。",
        "建成一批30万吨级以上泊位和智能化码头集群。",
        "赋予科研人员职务成果所有权和不低于10年的长期使用权。",
        "实施循环经济“991”行动计划,深化舟山群岛新区2.0版建设,打造“5G+工业互联网”。",
        "16.完善创新要素参与分配机制。",
        "按照到 2025年、2035 年“两阶段目标安排”,走深走实。",
        "推动PM2.5和臭氧双控双减,长三角G60科创走廊。",
        "对国家级重点生态功能区范围内的11个县(市),推行绿色发展财政奖补机制。",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct target_list l = run(bad[i], 1);
        if (l.n)
            fail_msg("\"%s\" gave a target: %s %s", bad[i], l.v[0].phrase, l.v[0].value_text);
        target_list_free(&l);
    }
}

static void test_huge_inputs(void **state)
{
    (void)state;
    /* A 10,000-digit number, then a 50,000-character sentence without punctuation. */
    size_t n = 10000;
    char *s = malloc(n + 64);
    strcpy(s, "人口达到");
    size_t k = strlen(s);
    memset(s + k, '7', n);
    strcpy(s + k + n, "个。");
    struct target_list l = run(s, 1);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
    free(s);

    const char *unit = "人均";
    size_t reps = 25000;
    s = malloc(reps * strlen(unit) + 64);
    s[0] = 0;
    char *p = s;
    for (size_t i = 0; i < reps; i++)
        p = stpcpy(p, unit);
    strcpy(p, "收入达到5万元");
    l = run(s, 1);
    assert_int_equal(l.n, 1);
    check(&l, 0, "5", "万元", CMP_EQ, 2025, 0);
    target_list_free(&l);
    free(s);

    /* 10,000 values in one clause, and 10,000 year marks in one paragraph: each is found,
     * in linear time. */
    reps = 10000;
    s = malloc(reps * 24 + 64);
    p = s;
    for (size_t i = 0; i < reps; i++)
        p = stpcpy(p, "人口达到1个、");
    strcpy(p, "。");
    l = run(s, 0);
    assert_int_equal(l.n, reps);
    target_list_free(&l);
    p = s;
    for (size_t i = 0; i < reps; i++)
        p = stpcpy(p, "到2030年");
    strcpy(p, ",城镇化率达到70%。");
    l = run(s, 0);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].year, 2030);
    target_list_free(&l);
    free(s);

    l = run("", 1);
    assert_int_equal(l.n, 0);
    target_list_free(&l);
    /* A value at the very start of the text (fuzzing found a read before it). */
    l = run("1!. 大力提升居民收入水平。", 1);
    target_list_free(&l);
    l = run("5个", 1);
    target_list_free(&l);
    const char junk[] = "\xff\xfe达到\x80" "5\xc3个";
    l = run(junk, 1);
    target_list_free(&l);
}

static void test_horizon(void **state)
{
    (void)state;
    assert_int_equal(targets_horizon("舟山高质量发展建设共同富裕示范区先行市实施方案(2021-2025年)", NULL), 2025);
    assert_int_equal(targets_horizon("金華實施方案(2021—2025年)", NULL), 2025);
    assert_int_equal(targets_horizon("2021年浙江省政务公开工作要点", NULL), 2021);
    assert_int_equal(targets_horizon("关于支持浙江的意见", "序言。到 2025 年,取得进展。到2035年,基本实现。"), 2025);
    assert_int_equal(targets_horizon("意见", "没有年份。"), 0);
    assert_int_equal(targets_horizon(NULL, NULL), 0);
}

/* The year a document was issued in: its date, else its title, else its first date. */
static void test_doc_year(void **state)
{
    (void)state;
    assert_int_equal(targets_doc_year("2026-01-22", "2025年工作报告", NULL), 2026);
    assert_int_equal(targets_doc_year(NULL, "2026年浙江省政府工作报告", NULL), 2026);
    assert_int_equal(targets_doc_year("", "实施方案(2021—2025年)", NULL), 2021);
    assert_int_equal(targets_doc_year(NULL, "政府工作报告", "2023年3月5日在第十四届全国人民代表大会"
                                      "第一次会议上"), 2023);
    /* A year named in the text is not the document's date. */
    assert_int_equal(targets_doc_year(NULL, "政府工作报告", "2025年是极不平凡的一年。"), 0);
    assert_int_equal(targets_doc_year("20260", NULL, NULL), 0);
    assert_int_equal(targets_doc_year(NULL, NULL, NULL), 0);
}

static void test_kind_names(void **state)
{
    (void)state;
    enum target_kind k = TK_TARGET;
    enum target_freq f = TFQ_LEVEL;
    assert_string_equal(target_kind_name(TK_REPORTED), "reported");
    assert_int_equal(target_kind_parse("reported", &k), 0);
    assert_int_equal(k, TK_REPORTED);
    assert_int_equal(target_kind_parse("all", &k), -1);
    assert_string_equal(target_freq_name(TFQ_CUMULATIVE), "cumulative");
    assert_int_equal(target_freq_parse("annual", &f), 0);
    assert_int_equal(f, TFQ_ANNUAL);
    assert_int_equal(target_freq_parse("yearly", &f), -1);
}

static void test_names(void **state)
{
    (void)state;
    char buf[128];
    target_flags_format(TF_INFERRED_UNIT | TF_STRETCH | TF_QUALITATIVE, buf, sizeof buf);
    assert_string_equal(buf, "inferred-unit,stretch,qualitative");
    unsigned f;
    struct err e = {0};
    assert_int_equal(target_flags_parse("approx,stretch", &f, &e), 0);
    assert_int_equal(f, TF_APPROX | TF_STRETCH);
    /* A frequency is not a flag. */
    struct err e_freq = {0};
    assert_int_equal(target_flags_parse("cumulative", &f, &e_freq), -1);
    assert_int_equal(target_flags_parse("approx,bogus", &f, &e), -1);
    assert_non_null(strstr(e.msg, "bogus"));
    enum target_cmp c;
    assert_int_equal(target_cmp_parse(">=", &c), 0);
    assert_int_equal(c, CMP_GE);
    assert_string_equal(target_cmp_name(CMP_APPROX), "~");
    assert_int_equal(target_cmp_parse("≥", &c), -1);
}

/* A count of things ("新建…生活圈2415个") is not a value of a rate the phrase also names
 * (the catalogue's 覆盖率, in %): it stays unlinked; the rate itself links. */
static void test_a_count_is_no_rate(void **state)
{
    (void)state;
    struct target_list l = run("新建“15分钟品质文化生活圈”2415个,15分钟品质文化生活圈覆盖率达到"
                               "100%。", 1);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].value_text, "2415");
    assert_null(l.v[0].indicator);
    assert_non_null(l.v[1].indicator);
    assert_string_equal(l.v[1].indicator->slug, "culture-circle");
    target_list_free(&l);
}

/* "城镇和农村居民人均可支配收入分别超过8万元、4.5万元": the first member borrows the head
 * of the last; the same phrase's growth in % is no value of the income (万元). */
static void test_urban_and_rural_in_turn(void **state)
{
    (void)state;
    struct target_list l = run("城镇和农村居民人均可支配收入分别超过8万元、4.5万元。"
                               "城镇和农村居民人均可支配收入分别增长4.3%、5.5%。", 1);
    assert_int_equal(l.n, 4);
    assert_non_null(l.v[0].indicator);
    assert_string_equal(l.v[0].indicator->slug, "urban-pc");
    assert_string_equal(l.v[1].indicator->slug, "rural-pc");
    assert_string_equal(l.v[2].value_text, "4.3");
    assert_null(l.v[2].indicator);
    assert_null(l.v[3].indicator);
    target_list_free(&l);

    /* 城乡 names the two: the first value is 城镇's, the second 农村's. */
    l = run("城乡居民人均可支配收入分别达6.9万元、3.4万元。", 1);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0].phrase, "城镇居民人均可支配收入");
    assert_string_equal(l.v[0].indicator->slug, "urban-pc");
    assert_string_equal(l.v[1].phrase, "农村居民人均可支配收入");
    assert_string_equal(l.v[1].indicator->slug, "rural-pc");
    target_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple_comparators),
        cmocka_unit_test(test_a_count_is_no_rate),
        cmocka_unit_test(test_urban_and_rural_in_turn),
        cmocka_unit_test(test_value_after_phrase),
        cmocka_unit_test(test_fenbie_two),
        cmocka_unit_test(test_fenbie_three_traditional),
        cmocka_unit_test(test_fenbie_fewer_values),
        cmocka_unit_test(test_fenbie_units_each),
        cmocka_unit_test(test_traditional_units),
        cmocka_unit_test(test_lost_percent),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_qualitative),
        cmocka_unit_test(test_range_in_indicator),
        cmocka_unit_test(test_lists_without_fenbie),
        cmocka_unit_test(test_cumulative),
        cmocka_unit_test(test_doc_year),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_marker_scope),
        cmocka_unit_test(test_share_of_units),
        cmocka_unit_test(test_not_targets),
        cmocka_unit_test(test_huge_inputs),
        cmocka_unit_test(test_horizon),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
