/* describe.h — what a document is: its kind (plan, work report, opinions …), its region
 * and level, its issuer and date, and a stable slug; read from its title, its header
 * (metadata fields, the byline under the title) and, for the region, its text. */
#ifndef GONGFU_DESCRIBE_H
#define GONGFU_DESCRIBE_H

#include <stddef.h>
#include "gongfu/doc.h"
#include "gongfu/err.h"
#include "gongfu/lines.h"
#include "gongfu/regions.h"

/* The kind of document a title names ("plan" for …实施方案, "work-report" for …政府工作报告,
 * "opinions" for …的意见), or NULL when the line does not end in a document type. */
const char *describe_title_kind(const char *s, size_t n);

/* YYYY-MM-DD from a date field's value ("2022-02-28", "2021-08-02 10:15", "2021年5月20日",
 * "2025/3/7"), malloc'd, or NULL. */
char *describe_date(const char *s, size_t n);
/* The date a header line starts with, as bylines and adoption notes do ("——2024年3月5日在
 * 第十四届全国人民代表大会第二次会议上", "（2025年10月23日…通过）", "2021年5月20日"); NULL for
 * a line that does not start with a full date. */
char *describe_line_date(const char *s, size_t n);

/* From the header lines [from, to) of a document whose title block is [title_at, title_last]
 * (title_at == L->n: none): its issuer, its date (成文日期, else the byline's date, else
 * 发布日期/公开日期/发布时间 …) and, in d->region, the region its byline or issuer names. */
void describe_header(struct doc *d, const struct regions *r, const char *t,
                     const struct lines *L, size_t from, size_t to, size_t title_at,
                     size_t title_last);

/* Fills title (override, else as found, else fallback), region (override, else from the
 * title, else what describe_header found, else the text), level, kind and slug. */
int describe_doc(struct doc *d, const struct regions *r, const char *title, const char *region,
                 const char *fallback_title, struct err *e);

#endif
