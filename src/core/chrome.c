/* chrome.c — page furniture in copied web text (see chrome.h). */
#include <stdint.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/chrome.h"
#include "gongfu/clean.h"
#include "gongfu/lines.h"

/* Words of tool bars and link labels, Simplified and Traditional. */
static const char *const toolbar_words[] = {
    "下载", "下載", "打印", "列印", "全屏", "收藏", "分享到", "分享", "关闭窗口", "關閉窗口", "关闭",
    "關閉", "打印本页", "打印本頁", "打印此页", "字号", "字號", "字体", "字體", "加大", "还原", "還原",
    "减小", "減小", "放大", "缩小", "縮小", "默认", "默認", "返回顶部", "返回頂部", "返回首页",
    "返回首頁", "返回", "顶部", "頂部", "查看原文", "阅读原文", "閱讀原文", "原文链接", "原文鏈接",
    "点击查看", "點擊查看", "扫一扫", "掃一掃", "手机版", "手機版", "手机阅读", "手機閱讀", "纠错",
    "糾錯", "我要纠错", "评论", "評論", "微信", "微博", "QQ空间", "朋友圈", "二维码", "二維碼", "TOP",
    "听全文", "語音播報", "语音播报", "朗读", "無障礙", "无障碍", "关怀版", "關懷版", "长者版", "简体",
    "簡體", "繁体", "繁體", "English", "登录", "登錄", "注册", "註冊", "网站地图", "網站地圖", "设为首页",
    "加入收藏", "首页", "首頁", "保存", "复制链接", "大", "中", "小",
};
/* Counters a page shows beside its tool bar, each with the count after it ("浏览次数：1234"). */
static const char *const counter_words[] = {
    "浏览次数", "瀏覽次數", "浏览量", "瀏覽量", "阅读次数", "閱讀次數", "阅读量", "閱讀量", "点击数",
    "點擊數", "点击量", "點擊量", "点击率", "访问量", "訪問量", "访问次数", "訪問次數",
};
/* Navigation words a page's first line starts with. */
static const char *const nav_words[] = {
    "手机版", "手機版", "手机站", "移动版", "無障礙", "无障碍", "关怀版", "關懷版", "长者版", "简体",
    "簡體", "繁体", "繁體", "English", "登录", "登錄", "注册", "註冊", "网站地图", "網站地圖",
    "设为首页", "加入收藏", "首页", "首頁",
};
static const char *const crumb_marks[] = {
    "您现在的位置", "您現在的位置", "您当前的位置", "您當前的位置", "您的位置", "当前位置",
    "當前位置", "现在位置", "所在位置", "当前的位置",
};
static const char *const crumb_separators[] = {">>", ">", "＞", "›", "»", "→", "/", "／", "|", "｜"};
/* How the names of a site's columns end (政务要闻, 工作动态, 通知公告 …). */
static const char *const column_ends[] = {
    "要闻", "要聞", "新闻", "新聞", "动态", "動態", "资讯", "資訊", "公告", "通知", "专栏", "專欄",
    "专题", "專題", "快讯", "快訊", "头条", "頭條", "聚焦", "政策", "文件", "解读", "解讀", "公开",
    "公開", "信息", "简讯", "簡訊", "报道", "報道", "时政", "時政", "视频", "視頻", "图片", "圖片",
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static size_t word_at(const char *s, size_t n, const char *const *words, size_t nw)
{
    size_t best = 0;
    for (size_t i = 0; i < nw; i++) {
        size_t k = strlen(words[i]);
        if (k > best && k <= n && !memcmp(s, words[i], k))
            best = k;
    }
    return best;
}

static ucs4_t cp_at(const char *s, size_t n, size_t *k)
{
    ucs4_t c = 0xFFFD;
    int len = n ? u8_mbtouc(&c, (const uint8_t *)s, n) : 1;
    *k = len > 0 ? (size_t)len : 1;
    return c;
}

/* Letters, digits and Chinese characters: what content is made of. */
static int is_wordy(ucs4_t c)
{
    return clean_is_han(c) || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') ||
           (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xC0 && c < 0x2000);
}

size_t chrome_zero_width_at(const char *s, size_t n)
{
    static const char *const zw[] = {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D",
                                     "\xE2\x81\xA0", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < COUNT(zw); i++)
        if (n >= 3 && !memcmp(s, zw[i], 3))
            return 3;
    return 0;
}

static size_t colon_at(const char *s, size_t n);

int chrome_is_toolbar(const char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k) {
        if ((k = word_at(s + i, n - i, toolbar_words, COUNT(toolbar_words))))
            continue;
        if ((k = word_at(s + i, n - i, counter_words, COUNT(counter_words)))) {
            size_t c;
            while (i + k < n && ((c = colon_at(s + i + k, n - i - k)) ||
                                 (c = lines_space_at(s + i + k, n - i - k)) ||
                                 (s[i + k] >= '0' && s[i + k] <= '9' && (c = 1))))
                k += c;
            continue;
        }
        if (is_wordy(cp_at(s + i, n - i, &k)))
            return 0;
    }
    return 1;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t k;
    while (i < n && (k = lines_space_at(s + i, n - i)))
        i += k;
    return i;
}

static size_t colon_at(const char *s, size_t n)
{
    if (n >= 1 && s[0] == ':')
        return 1;
    return n >= 3 && !memcmp(s, "：", 3) ? 3 : 0;
}

/* "广电网首页": a site's name and 首页, at most ten characters without punctuation. */
static size_t site_home_at(const char *s, size_t n)
{
    size_t i = 0, chars = 0, k;
    while (i < n && chars < 10) {
        if (n - i >= 6 && (!memcmp(s + i, "首页", 6) || !memcmp(s + i, "首頁", 6)))
            return i > 0 ? i + 6 : 0;
        if (!is_wordy(cp_at(s + i, n - i, &k)))
            return 0;
        i += k, chars++;
    }
    return 0;
}

/* A breadcrumb segment: up to twelve characters without punctuation, then a separator.
 * Returns the bytes through the separator, else 0. */
static size_t segment_at(const char *s, size_t n)
{
    size_t i = 0, chars = 0, k;
    while (i < n && chars <= 12) {
        size_t j = skip_spaces(s, n, i);
        if ((k = word_at(s + j, n - j, crumb_separators, COUNT(crumb_separators))))
            return chars ? j + k : 0;
        if (!is_wordy(cp_at(s + i, n - i, &k)))
            return 0;
        i += k, chars++;
    }
    return 0;
}

/* After the breadcrumb: a column name ("政务要闻", "通知公告") glued to the text that
 * follows; the longest of at most six characters. */
static size_t column_name_at(const char *s, size_t n)
{
    size_t i = 0, k, best = 0;
    for (int chars = 0; chars < 6 && i < n; chars++) {
        if (!is_wordy(cp_at(s + i, n - i, &k)))
            break;
        i += k;
        for (size_t w = 0; chars >= 1 && w < COUNT(column_ends); w++) {
            size_t wl = strlen(column_ends[w]);
            if (i >= wl && !memcmp(s + i - wl, column_ends[w], wl))
                best = i;
        }
    }
    return best;
}

static size_t count_chars(const char *s, size_t n)
{
    size_t c = 0, k;
    for (size_t i = 0; i < n; i += k)
        c += is_wordy(cp_at(s + i, n - i, &k));
    return c;
}

size_t chrome_prefix(const char *s, size_t n)
{
    size_t i = skip_spaces(s, n, 0), k, last = 0;
    int crumb = 0, home = 0;
    for (;;) {                                   /* 手机版 广电网首页 … */
        if ((k = word_at(s + i, n - i, nav_words, COUNT(nav_words))) ||
            (k = site_home_at(s + i, n - i))) {
            home = k >= 6 && (!memcmp(s + i + k - 6, "首页", 6) || !memcmp(s + i + k - 6, "首頁", 6));
            i = skip_spaces(s, n, i + k);
            last = i;
            continue;
        }
        if ((k = word_at(s + i, n - i, crumb_marks, COUNT(crumb_marks)))) {
            i = skip_spaces(s, n, i + k);
            i += colon_at(s + i, n - i);
            last = i = skip_spaces(s, n, i);
            crumb = 1;
        }
        break;
    }
    if (home && (k = word_at(s + i, n - i, crumb_separators, COUNT(crumb_separators))))
        crumb = 1, last = i = skip_spaces(s, n, i + k);
    if (!crumb)
        return last;
    while (i < n && (k = segment_at(s + i, n - i)))   /* 首页 > 今日温州 > */
        last = i = skip_spaces(s, n, i + k);
    size_t col = column_name_at(s + last, n - last);
    if (col && count_chars(s + last + col, n - last - col) >= 2)
        return last + col;                            /* 政务要闻|温州打造… */
    if (count_chars(s + last, n - last) <= 10)
        return n;                                     /* only the breadcrumb: 学习专栏 */
    return last + col;
}

size_t chrome_byline_date(const char *s, size_t n)
{
    static const char *const verbs[] = {"发表于", "發表於", "发布于", "發佈於", "發布於"};
    if (n > 200)
        return 0;
    for (size_t i = 0; i + 9 <= n && i <= 90; i++)
        for (size_t v = 0; v < COUNT(verbs); v++)
            if (!memcmp(s + i, verbs[v], 9)) {
                size_t j = skip_spaces(s, n, i + 9);
                j = skip_spaces(s, n, j + colon_at(s + j, n - j));
                if (j < n && s[j] >= '0' && s[j] <= '9')
                    return j;
            }
    return 0;
}
