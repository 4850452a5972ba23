/* lexicon.c — the extractor's word tables, one per word class (see lexicon.h). */
#include <string.h>
#include "gongfu/fold.h"
#include "lexicon.h"
#include "targets_int.h"

/* ---- verbs ---- */

const struct lex_word lex_cmp_verbs[] = {
    { "达到或超过", CMP_GE, 0 }, { "达到或高于", CMP_GE, 0 },
    { "不低于", CMP_GE, 0 }, { "不少于", CMP_GE, 0 }, { "不小于", CMP_GE, 0 },
    { "大于等于", CMP_GE, 0 }, { "小于等于", CMP_LE, 0 },
    { "达到", CMP_EQ, 0 }, { "达", CMP_EQ, 0 }, { "为", CMP_EQ, 0 },
    { "提高到", CMP_EQ, 0 }, { "提高至", CMP_EQ, 0 }, { "提升到", CMP_EQ, 0 },
    { "提升至", CMP_EQ, 0 }, { "增加到", CMP_EQ, 0 }, { "增加至", CMP_EQ, 0 },
    { "增长到", CMP_EQ, 0 }, { "增长至", CMP_EQ, 0 }, { "增至", CMP_EQ, 0 },
    { "扩大到", CMP_EQ, 0 }, { "扩大至", CMP_EQ, 0 }, { "扩至", CMP_EQ, 0 }, { "上升到", CMP_EQ, 0 },
    { "上升至", CMP_EQ, 0 }, { "升至", CMP_EQ, 0 }, { "保持在", CMP_EQ, 0 },
    { "跃升到", CMP_EQ, 0 }, { "跃升至", CMP_EQ, 0 },
    { "稳定在", CMP_EQ, 0 }, { "维持在", CMP_EQ, 0 }, { "在", CMP_EQ, 0 },
    { "保持", CMP_EQ, 0 }, { "维持", CMP_EQ, 0 },
    { "提高", CMP_EQ, TF_GROWTH }, { "提升", CMP_EQ, TF_GROWTH },
    { "增加", CMP_EQ, TF_GROWTH }, { "增长", CMP_EQ, TF_GROWTH },
    { "年均增长", CMP_EQ, TF_ANNUAL | TF_CUMULATIVE | TF_GROWTH },
    { "年均提高", CMP_EQ, TF_ANNUAL | TF_CUMULATIVE | TF_GROWTH }, { "累计达到", CMP_EQ, TF_CUMULATIVE },
    { "累计达", CMP_EQ, TF_CUMULATIVE }, { "约", CMP_APPROX, TF_APPROX },
    { "控制在", CMP_LE, 0 }, { "缩小到", CMP_LE, TF_CHANGE_TO }, { "缩小至", CMP_LE, TF_CHANGE_TO },
    { "缩减到", CMP_LE, TF_CHANGE_TO }, { "降至", CMP_LE, TF_CHANGE_TO }, { "降到", CMP_LE, TF_CHANGE_TO },
    { "降低到", CMP_LE, TF_CHANGE_TO }, { "降低至", CMP_LE, TF_CHANGE_TO }, { "下降到", CMP_LE, TF_CHANGE_TO },
    { "下降至", CMP_LE, TF_CHANGE_TO }, { "减少到", CMP_LE, TF_CHANGE_TO }, { "减少至", CMP_LE, TF_CHANGE_TO },
    { "压减到", CMP_LE, TF_CHANGE_TO }, { "压减至", CMP_LE, TF_CHANGE_TO }, { "不高于", CMP_LE, 0 },
    { "不超过", CMP_LE, 0 }, { "不大于", CMP_LE, 0 }, { "不多于", CMP_LE, 0 },
    { "超过", CMP_GT, 0 }, { "超", CMP_GT, 0 }, { "突破", CMP_GT, 0 },
    { "高于", CMP_GT, 0 }, { "大于", CMP_GT, 0 }, { "多于", CMP_GT, 0 },
    { "低于", CMP_LT, 0 }, { "小于", CMP_LT, 0 }, { "少于", CMP_LT, 0 },
    { NULL, 0, 0 },
};

const char *const lex_count_verbs[] = {
    "新增", "新建", "建成", "建设", "培育", "打造", "创建", "创成", "引进", "招引", "引育",
    "培养", "激活", "完成", "开行", "设立", "认定", "遴选", "扶持", "建立", "改造", "推出",
    "新设", "设置", NULL,
};

const char *const lex_count_openers[] = {
    "抓好", "守住", "改建", "争取", "力争", "提供", "选送", "惠及", "带动", "办好", "举办",
    "组建", "为", "让", "推进", "推动", "实施", "开展", "完成", "支持", NULL,
};
const char *const lex_flow_words[] = { "新增", "新建", "新开工", "新认定", "新引进", NULL };
const char *const lex_scope_words[] = {
    "全省", "全市", "全国", "全区", "全县", "全年", "年内", "其中", "首批", "等", NULL,
};

const char *const lex_action_verbs[] = {
    "整治", "淘汰", "开展", "实施", "推进", "谋划", "安排", "发展", "提升", "提高", "降低",
    "实现", "推动", "加快", "引导", "支持", "新改建", NULL,
};

const struct lex_word lex_level_verbs[] = {
    { "达到", CMP_EQ, 0 }, { "高于", CMP_GT, 0 }, { "低于", CMP_LT, 0 },
    { "超过", CMP_GT, 0 }, { "赶上", CMP_EQ, 0 }, { "不低于", CMP_GE, 0 },
    { "不高于", CMP_LE, 0 }, { NULL, 0, 0 },
};

const char *const lex_front_verbs[] = {
    "走在", "位居", "保持", "保持在", "居于", "处于", "位于", "稳居", "位列", "进入", NULL,
};

const char *const lex_cover_words[] = { "全覆盖", "全面覆盖", NULL };
const char *const lex_cover_verbs[] = { "实现", "基本实现", "达到", NULL };
const char *const lex_build_verbs[] = {
    "形成", "构建", "建立", "打造", "健全", "完善", NULL,
};

/* ---- values ---- */

const char *const lex_units[] = {
    "%", "‰", "个百分点", "百分点", "个", "家", "所", "名", "人次", "人", "户", "套", "张",
    "幢", "床", "元", "美元", "岁", "年", "天", "小时", "分钟", "吨标准煤", "吨", "标准箱", "标箱",
    "箱", "立方米", "平方米", "平方公里", "公里", "千米", "米", "亩", "公顷", "斤", "公斤",
    "千克", "克", "微克", "毫克", "列", "艘", "座", "条", "项", "批", "处", "台", "辆", "架",
    "件", "册", "场", "次", "部", "间", "栋", "株", "棵", "块", "片", "支", "只", "头", "位",
    "倍", "千瓦时", "千瓦", "兆瓦", "千伏", "分", "级", "星", "类", "种", "份", "篇", "本",
    "幅", "期", "届", "周", "个月", "秒", "m2", "m3", "km", "kg", "例", "宗", "门", "场次",
    "户次", "班次", "架次", "辆次", "人天", "起", "个工作日", "工作日", NULL,
};
const char *const lex_per_units[] = { "日", "月", "年", "天", "人", "户", "亩", NULL };
const char *const lex_multipliers[] = { "十", "百", "千", "万", "亿", NULL };

const char *const lex_classifiers[] = {
    "个", "家", "所", "名", "座", "条", "项", "处", "张", "艘", "架", "列", "只", "支", "位",
    "套", "户", "幢", "栋", "间", "部", "台", "辆", "件", "场", "种", "起", NULL,
};

const char *const lex_counted_measures[] = {
    "亩", "公顷", "公里", "千米", "平方公里", "平方米", "立方米", "吨", "标箱", "标准箱", "人次",
    "户次", "场次", "例", "宗", "门", "万", "亿", NULL,
};

const struct lex_word lex_closing_words[] = {
    { "以上", CMP_GE, 0 }, { "及以上", CMP_GE, 0 }, { "以下", CMP_LE, 0 },
    { "及以下", CMP_LE, 0 }, { "以内", CMP_LE, 0 }, { "之内", CMP_LE, 0 },
    { "左右", CMP_APPROX, 0 }, { NULL, 0, 0 },
};

/* ---- phrases ---- */

const char *const lex_rate_heads[] = { "率", "比例", "比重", "占比", NULL };
const char *const lex_amount_heads[] = {
    "指数", "系数", "度", "收入", "总值", "产值", "增加值", "寿命", "年限", "面积", "浓度",
    "密度", "数", "量", "额", "规模", "增速", "增幅", "标准", "指标", "效率", "倍差", "天数",
    "比", NULL,
};
const char *const lex_false_heads[] = {
    "制度", "力度", "态度", "角度", "高度", "深度", "广度", "尺度", "进度", "难度", "年度",
    "额度", "质量", "力量", "能量", "分量", "少数", "多数", "无数", "对比", "类比", NULL,
};

const char *const lex_year_preps[] = { "到", "至", "展望到", "展望", "于", "在", NULL };
const char *const lex_lead_words[] = {
    "并", "且", "同时", "其中", "确保", "力争", "争取", "努力", "实现", "使", "全力", "累计",
    "每年", "年均", "推进", "推动", "加快", "——", "—", "、", "(", "今年", NULL,
};
const char *const lex_tail_words[] = {
    "分别", "均", "力争", "争取", "累计", "年均", "要", "将", "可", "能", "都", "也", "基本",
    "全部", "总体", "稳定", "逐步", "进一步", "持续", "力求", "确保", "努力", "全面", "预计",
    "实现", "的", "拟按", "按", NULL,   /* "赤字率拟按3%安排": 按 states the value arranged */
};
const char *const lex_stretch_words[] = { "力争", "争取", NULL };
const char *const lex_cumulative_words[] = { "累计", NULL };
const char *const lex_annual_words[] = {
    "每年", "年均增", "年均提", "年均降", "年均下", "年均递", "年平均增", "年均新", NULL,
};
const char *const lex_member_joins[] = { "和", "及", "与", "以及", NULL };
const struct lex_pair lex_pairs[] = {
    { "城乡", "城镇", "农村" }, { "城鄉", "城鎮", "農村" }, { "进出口", "进口", "出口" },
    { "進出口", "進口", "出口" }, { NULL, NULL, NULL },
};

/* ---- time frames ---- */

const char *const lex_past_times[] = {
    "回顾", "过去一年", "过去的一年", "过去五年", "过去的五年", "刚刚过去", "一年来", "五年来",
    "这五年", "成就", NULL,
};
const char *const lex_coming_year_words[] = { "今年", NULL };
const char *const lex_plan_words[] = {
    "目标", "任务", "展望", "远景", "预期", "今后", "重点工作", NULL,
};
const char *const lex_perfect_words[] = { "已", "已经", "业已", NULL };
const char *const lex_deadline_preps[] = { "到", "至", "展望到", "展望", NULL };
const char *const lex_until_preps[] = { "截至", "截止", "截止到", NULL };
const char *const lex_baseline_preps[] = { "从", "由", NULL };
const char *const lex_current_words[] = { "现行", NULL };

/* ---- separators ---- */

int lex_sep(const char *set, uint32_t c)
{
    char u[8];
    size_t n = fold_encode(c, u);
    if (!n || !c)
        return 0;
    u[n] = 0;
    return strstr(set, u) != NULL;
}
