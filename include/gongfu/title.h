/* title.h — which lines at the head of a document set its title. A title is short, not
 * prose and not a heading; the best ends in a document type (…实施方案, …的意见, …工作报告);
 * it may stand below its issuers ("中共中央 国务院"), be broken over lines ("关于印发…规划" /
 * "的通知"), and carry its period below it ("(2021—2025年)"). A title repeated lower down
 * without the column name a web page put before it ("每周一学（…）关于…的建议" / "关于…的建议")
 * is taken in its shorter form. Page chrome never becomes a title: lines.c has classified it. */
#ifndef GONGFU_TITLE_H
#define GONGFU_TITLE_H

#include <stddef.h>
#include "gongfu/lines.h"

/* A line naming a document: short, no sentence punctuation, not a heading, ending in a
 * document type. */
int title_is_title_line(const char *t, const struct line *l);
/* A short line that is neither prose nor a heading (an issuer line, a title without a
 * document type). */
int title_is_short_plain(const char *t, const struct line *l);
/* The first line of the title block that ends at line k (not before from). */
size_t title_block_start(const char *t, const struct lines *L, size_t from, size_t k);

/* The title's main line among the header lines [from, to), or L->n when there is none. */
size_t title_find(const char *t, const struct lines *L, size_t from, size_t to);
/* The title set on the block around its main line `at`, joined (issuer spaces kept, zero-
 * width characters dropped); malloc'd, NULL when out of memory. *last gets the block's
 * last line. */
char *title_text(const char *t, const struct lines *L, size_t from, size_t to, size_t at,
                 size_t *last);

#endif
