/* finder_draw.c — the search view on screen: the heading (the count first, so a long
 * query never hides it), the pinyin line, and each result with its place, its document
 * and a snippet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/doc.h"
#include "gongfu/query.h"
#include "draw.h"
#include "finder_int.h"

/* Draws text with its spans in the hit colour, from column x; returns the end column. */
static int draw_marked(WINDOW *w, int y, int x, int maxx, const char *s, size_t n,
                       const struct search_span *sp, size_t nsp, attr_t base, attr_t hit)
{
    size_t p = 0;
    for (size_t k = 0; k <= nsp && x < maxx; k++) {
        size_t hs = k < nsp ? sp[k].start : n, he = k < nsp ? sp[k].end : n;
        if (hs > n)
            hs = n;
        if (he > n)
            he = n;
        if (hs > p)
            x += draw_text(w, y, x, s + p, hs - p, maxx - x, base);
        if (he > hs && hs >= p)
            x += draw_text(w, y, x, s + hs, he - hs, maxx - x, hit);
        if (he > p)
            p = he;
    }
    return x;
}

/* The line of what the query's pinyin words read as, the picked one (or 全部, all of them)
 * marked, with the keys that pick; 0 when the query has no pinyin word. */
static int draw_pinyin(struct pane *p, WINDOW *w, int y, int wd)
{
    struct finder *f = p->state;
    const struct query_pinyin *r;
    size_t n = f->engine ? search_pinyin(f->engine, &r) : 0;
    if (!n)
        return 0;
    static const struct hint keys[] = {
        { CMD_PINYIN_NEXT, CMD_PINYIN_PREV, "/", "换词" }, { CMD_NONE, CMD_NONE, "", "" },
    };
    attr_t norm = theme_attr(ROLE_NORMAL), pick = theme_attr(ROLE_HIT) | A_BOLD;
    char line[256], hint[128];
    snprintf(line, sizeof line, "拼音（%s）",
             hint_line(p->ui->keys, KCTX_SEARCH, keys, " ", hint, sizeof hint));
    int x = draw_text(w, y, 0, line, strlen(line), wd, theme_attr(ROLE_META));
    for (size_t i = 0; i < n && x < wd; i++) {
        snprintf(line, sizeof line, " %s：", r[i].typed);
        x += draw_text(w, y, x, line, strlen(line), wd - x, norm | A_BOLD);
        x += draw_text(w, y, x, "全部", strlen("全部"), wd - x, r[i].chosen < 0 ? pick : norm);
        for (size_t k = 0; k < r[i].nwords && x < wd; k++) {
            x += draw_text(w, y, x, " ", 1, wd - x, norm);
            x += draw_text(w, y, x, r[i].words[k], strlen(r[i].words[k]), wd - x,
                           (long)k == r[i].chosen ? pick : norm);
        }
        if (r[i].literal) {
            snprintf(line, sizeof line, " +“%s”", r[i].typed);
            x += draw_text(w, y, x, line, strlen(line), wd - x, norm);
        }
    }
    return 1;
}

/* A result's first line: its region, its document (so 浙江省 4.2 says which plan), its
 * place and its title, with the hits marked. */
static void draw_place(struct pane *p, const struct search_hit *hit, WINDOW *w, int y, int wd,
                       attr_t base, attr_t mark)
{
    int d = corpus_doc_by_slug(p->ui->corpus, hit->slug);
    const char *doc = d >= 0 && p->ui->corpus->docs[d].title ? p->ui->corpus->docs[d].title
                                                             : hit->slug;
    char region[128], title[1024];
    snprintf(region, sizeof region, " %s", hit->region);
    int x = draw_text(w, y, 0, region, strlen(region), wd, base | A_BOLD);
    /* The document's title takes at most a third of the line, what is left after the
     * region, place and section title otherwise. */
    snprintf(title, sizeof title, "《%s》", doc);
    int rest = wd - x - draw_width(hit->path, strlen(hit->path)) - 3 -
               draw_width(hit->title, strlen(hit->title));
    int dw = rest > wd / 3 ? rest : wd / 3;
    x += draw_trunc(w, y, x, title, strlen(title), dw < wd - x ? dw : wd - x, base);
    snprintf(region, sizeof region, " %s ", hit->path);
    x += draw_text(w, y, x, region, strlen(region), wd - x, base | A_BOLD);
    draw_marked(w, y, x, wd, hit->title, strlen(hit->title), hit->title_spans,
                hit->ntitle_spans, base | A_BOLD, mark);
}

/* What a section without a snippet holds (a chapter whose text is all in its items): the
 * items' headings, from the outline. */
static void contents(struct pane *p, const struct search_hit *hit, char *buf, size_t n)
{
    const struct corpus *c = p->ui->corpus;
    int d = corpus_doc_by_slug(c, hit->slug);
    int at = d >= 0 ? corpus_outline_index(c, d, hit->node_id) : -1;
    size_t o = (size_t)snprintf(buf, n, "包括：");
    buf[0] = '\0';
    if (at < 0)
        return;
    const struct outline *ol = corpus_outline(c, d);
    int items = 0;
    for (size_t i = (size_t)at + 1; i < ol->n && o < n; i++) {
        const struct node_row *nr = &ol->nodes[i];
        if (nr->parent_id != ol->nodes[at].id)
            continue;
        char *h = node_heading(nr->kind, nr->label, nr->title);
        if (!items++)
            snprintf(buf, n, "包括：");
        o += (size_t)snprintf(buf + o, n - o, "%s%s", items > 1 ? " · " : "", h ? h : "");
        free(h);
    }
}

void finder_draw(struct pane *p, int focused)
{
    struct finder *f = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    attr_t norm = theme_attr(ROLE_NORMAL);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, norm);
    char head[1024];
    if (!f->prompt.len) {
        static const struct hint keys[] = {
            { CMD_UP, CMD_DOWN, "/", "选择" }, { CMD_ENTER, CMD_NONE, "", "打开" },
            { CMD_ESCAPE, CMD_NONE, "", "返回" }, { CMD_NONE, CMD_NONE, "", "" },
        };
        char line[256], last[700] = "", key[32];
        const struct prompt_history *hs = &f->history;
        if (hs->n && *hint_key(p->ui->keys, KCTX_SEARCH, CMD_HISTORY_PREV, key, sizeof key))
            snprintf(last, sizeof last, "%s 上次的搜索“%s”；", key, hs->item[hs->n - 1]);
        snprintf(head, sizeof head, "输入词语（简体、繁体或拼音）；%s%s", last,
                 hint_line(p->ui->keys, KCTX_SEARCH, keys, "，", line, sizeof line));
    }
    /* The count first: a long query is what gets cut short. */
    else if (!f->nhits)
        snprintf(head, sizeof head, "没有结果：“%s”", f->prompt.buf);
    else
        snprintf(head, sizeof head, "%zu 个结果%s：“%s”", f->nhits,
                 search_truncated(f->engine) ? "（词语过多，部分未搜索）" : "", f->prompt.buf);
    if (f->note[0])
        snprintf(head, sizeof head, "%s", f->note);
    draw_trunc(w, 0, 0, head, strlen(head), wd, theme_attr(ROLE_HEADING));
    int top = 1 + draw_pinyin(p, w, 1, wd);
    int rows = (h - top) / 2;
    if (rows <= 0)
        return;
    if (f->cur < f->top)
        f->top = f->cur;
    if (f->cur >= f->top + (size_t)rows)
        f->top = f->cur - (size_t)rows + 1;
    for (int r = 0; r < rows; r++) {
        size_t i = f->top + (size_t)r;
        if (i >= f->nhits)
            break;
        const struct search_hit *hit = &f->hits[i];
        int y = top + 2 * r;
        int sel = i == f->cur;
        attr_t base = theme_attr(sel ? ROLE_CURSOR : ROLE_NORMAL);
        attr_t mark = theme_attr(ROLE_HIT);
        draw_fill(w, y, 0, wd, base);
        draw_fill(w, y + 1, 0, wd, base);
        draw_place(p, hit, w, y, wd, base, mark);
        if (*hit->snippet) {
            draw_marked(w, y + 1, 3, wd, hit->snippet, strlen(hit->snippet),
                        hit->snippet_spans, hit->nsnippet_spans, base, mark);
        } else {
            char parts[1024];
            contents(p, hit, parts, sizeof parts);
            draw_trunc(w, y + 1, 3, parts, strlen(parts), wd - 3, base);
        }
    }
}

