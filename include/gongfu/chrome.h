/* chrome.h — the furniture of web pages as it survives in copied text: tool bars (下载 打印
 * 全屏 收藏 【字号：加大 还原 减小】), navigation ("手机版…首页"), breadcrumbs ("您现在的位置:
 * 首页>今日温州>政务要闻…"), link labels (查看原文, 返回顶部) and forum bylines ("某某 发表于
 * 2025-3-7 22:50:57"). The vocabulary is that of Chinese web pages in general. */
#ifndef GONGFU_CHROME_H
#define GONGFU_CHROME_H

#include <stddef.h>

/* Is the line nothing but tool-bar and link words, brackets and separators (or no letter,
 * digit or Chinese character at all)? */
int chrome_is_toolbar(const char *s, size_t n);

/* Bytes of navigation and breadcrumb at the start of a line, after which its own text
 * begins ("您现在的位置:首页>今日温州>政务要闻温州打造…" → the offset of 温州打造…; a column
 * name glued to the text is part of the breadcrumb); n when the whole line is chrome, 0
 * when it starts with none. */
size_t chrome_prefix(const char *s, size_t n);

/* A forum or blog byline, "name 发表于 2025-3-7 22:50:57": the offset of its date (so that
 * it is read as the published date), else 0. */
size_t chrome_byline_date(const char *s, size_t n);

/* Bytes of zero-width characters (U+200B–U+200D, U+2060, U+FEFF) at s, else 0. */
size_t chrome_zero_width_at(const char *s, size_t n);

#endif
