/* finder.c — the search view. The engine runs on every keystroke; its hits stay valid
 * until the next run, so the spans the reader draws are rebuilt each time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gongfu/search.h"
#include "app.h"
#include "draw.h"
#include "hint.h"
#include "gongfu/paths.h"

#define RESULT_LIMIT 500

int finder_init(struct app *a)
{
    struct finder *f = &a->finder;
    struct err e = { "" };
    f->opened = -1;
    f->doc_spans = calloc(a->corpus.ndocs + 1, sizeof *f->doc_spans);
    f->ndoc_spans = calloc(a->corpus.ndocs + 1, sizeof *f->ndoc_spans);
    if (!f->doc_spans || !f->ndoc_spans)
        return -1;
    const char *vocab = paths_data_file("vocab.tsv");
    if (search_open(store_db(a->corpus.store), vocab, &f->engine, &e) < 0 &&
        search_open(store_db(a->corpus.store), NULL, &f->engine, &e) < 0) {
        snprintf(f->why, sizeof f->why, "%.200s", e.msg);
        f->engine = NULL;
    }
    return 0;
}

static void clear_spans(struct app *a)
{
    struct finder *f = &a->finder;
    for (size_t d = 0; d < a->corpus.ndocs; d++) {
        free(f->doc_spans[d]);
        f->doc_spans[d] = NULL;
        f->ndoc_spans[d] = 0;
    }
}

void finder_free(struct app *a)
{
    struct finder *f = &a->finder;
    if (f->doc_spans)
        clear_spans(a);
    free(f->doc_spans);
    free(f->ndoc_spans);
    search_close(&f->engine);
    memset(f, 0, sizeof *f);
}

size_t finder_doc_spans(struct app *a, int doc, const struct secspan **out)
{
    struct finder *f = &a->finder;
    if (!f->doc_spans || doc < 0 || (size_t)doc >= a->corpus.ndocs) {
        *out = NULL;
        return 0;
    }
    *out = f->doc_spans[doc];
    return f->ndoc_spans[doc];
}

/* Every hit's spans, filed by document; a span's id is its result's index. */
static void collect_spans(struct app *a)
{
    struct finder *f = &a->finder;
    clear_spans(a);
    for (size_t i = 0; i < f->nhits; i++) {
        const struct search_hit *h = &f->hits[i];
        int d = corpus_doc_by_slug(&a->corpus, h->slug);
        if (d < 0 || !h->nspans)
            continue;
        struct secspan *v = realloc(f->doc_spans[d],
                                    (f->ndoc_spans[d] + h->nspans) * sizeof *v);
        if (!v)
            return;
        f->doc_spans[d] = v;
        for (size_t k = 0; k < h->nspans; k++)
            v[f->ndoc_spans[d]++] = (struct secspan){ h->node_id, h->spans[k].start,
                                                      h->spans[k].end, i };
    }
}

static void run(struct app *a)
{
    struct finder *f = &a->finder;
    struct err e = { "" };
    struct search_opts o = { RESULT_LIMIT, NULL, NULL, 40 };
    struct timespec t0, t1;
    f->hits = NULL;
    f->nhits = 0;
    f->cur = f->top = 0;
    f->opened = -1;
    if (f->engine) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (search_run(f->engine, f->prompt.buf, &o, &f->hits, &f->nhits, &e) < 0) {
            app_message(a, ROLE_ERROR, "%s", e.msg);
            f->hits = NULL;
            f->nhits = 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        f->last_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    }
    collect_spans(a);
    reader_spans(a);
    a->dirty |= DIRTY(W_VIEW) | DIRTY(W_STATUS) | DIRTY(W_READER);
}

void finder_start(struct app *a, const char *text)
{
    struct finder *f = &a->finder;
    if (!f->engine) {
        app_message(a, ROLE_ERROR, "无法搜索：%s", f->why);
        return;
    }
    char keep[sizeof f->prompt.buf];
    snprintf(keep, sizeof keep, "%s", text ? text : f->prompt.buf);
    prompt_start(&f->prompt, keep);
    app_view(a, VIEW_SEARCH);
    run(a);
}

/* Opens result i at its first hit. */
static void open_result(struct app *a, size_t i)
{
    struct finder *f = &a->finder;
    const struct search_hit *h = &f->hits[i];
    int d = corpus_doc_by_slug(&a->corpus, h->slug);
    if (d < 0)
        return;
    f->opened = (long)i;
    struct loc to = { d, h->node_id, h->nspans ? (long)h->spans[0].start : 0 };
    app_jump(a, to);
    reader_select_span(a, SPAN_HIT, i);
}

static void step(struct app *a, long delta)
{
    struct finder *f = &a->finder;
    long c = (long)f->cur + delta;
    long last = f->nhits ? (long)f->nhits - 1 : 0;
    f->cur = (size_t)(c < 0 ? 0 : c > last ? last : c);
    a->dirty |= DIRTY(W_VIEW);
}

void finder_key(struct app *a, enum cmd c, keycode k)
{
    struct finder *f = &a->finder;
    int per_page = a->rect[W_VIEW].h / 2 > 1 ? a->rect[W_VIEW].h / 2 - 1 : 1, big;
    switch (prompt_cmd(&f->prompt, c, k)) {
    case PROMPT_CHANGED:
        run(a);
        return;
    case PROMPT_DONE:
        app_view(a, VIEW_MAIN);
        if (f->nhits) {
            static const struct hint next[] = {
                { CMD_NEXT_HIT, CMD_NONE, "", "下一个命中" },
                { CMD_PREV_HIT, CMD_NONE, "", "上一个" }, { CMD_NONE, CMD_NONE, "", "" },
            };
            char keys[128];
            open_result(a, f->cur);
            app_focus(a, PANE_READER);
            app_message(a, ROLE_STATUS, "结果 %zu/%zu · %s", f->cur + 1, f->nhits,
                        hint_line(&a->keys, KCTX_READER, next, " · ", keys, sizeof keys));
        } else {
            app_message(a, ROLE_STATUS, "没有找到“%s”", f->prompt.buf);
        }
        return;
    case PROMPT_CANCEL:
        f->hits = NULL;
        f->nhits = 0;
        clear_spans(a);
        reader_spans(a);
        app_view(a, VIEW_MAIN);
        return;
    default:
        break;
    }
    long d = cmd_motion(c, per_page, (long)f->nhits, &big);
    if (d)
        step(a, d);
}

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

void finder_draw(struct app *a, WINDOW *w)
{
    struct finder *f = &a->finder;
    int h = getmaxy(w), wd = getmaxx(w);
    attr_t norm = theme_attr(ROLE_NORMAL);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, norm);
    char head[1024];
    if (!f->prompt.len) {
        static const struct hint keys[] = {
            { CMD_UP, CMD_DOWN, "/", "选择" }, { CMD_ENTER, CMD_NONE, "", "打开" },
            { CMD_ESCAPE, CMD_NONE, "", "返回" }, { CMD_NONE, CMD_NONE, "", "" },
        };
        char line[256];
        snprintf(head, sizeof head, "搜索所有措施：输入词语（简体或繁体），%s",
                 hint_line(&a->keys, KCTX_SEARCH, keys, "，", line, sizeof line));
    }
    else if (!f->nhits)
        snprintf(head, sizeof head, "“%s”：没有结果", f->prompt.buf);
    else
        snprintf(head, sizeof head, "“%s”：%zu 个结果%s", f->prompt.buf, f->nhits,
                 search_truncated(f->engine) ? "（词语过多，部分未搜索）" : "");
    draw_trunc(w, 0, 0, head, strlen(head), wd, theme_attr(ROLE_HEADING));
    int rows = (h - 1) / 2;
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
        int y = 1 + 2 * r;
        int sel = i == f->cur;
        attr_t base = theme_attr(sel ? ROLE_CURSOR : ROLE_NORMAL);
        attr_t mark = theme_attr(ROLE_HIT);
        draw_fill(w, y, 0, wd, base);
        draw_fill(w, y + 1, 0, wd, base);
        char where[128];
        snprintf(where, sizeof where, " %s %s ", hit->region, hit->path);
        int x = draw_text(w, y, 0, where, strlen(where), wd, base | A_BOLD);
        draw_marked(w, y, x, wd, hit->title, strlen(hit->title), hit->title_spans,
                    hit->ntitle_spans, base | A_BOLD, mark);
        draw_marked(w, y + 1, 3, wd, hit->snippet, strlen(hit->snippet), hit->snippet_spans,
                    hit->nsnippet_spans, base, mark);
    }
}

void finder_draw_prompt(struct app *a, WINDOW *w)
{
    prompt_draw(&a->finder.prompt, a, w, 0, "/");
}

void finder_next(struct app *a, int dir)
{
    struct finder *f = &a->finder;
    if (!f->nhits) {
        char key[32];
        app_message(a, ROLE_STATUS, "没有搜索结果：按 %s 搜索",
                    hint_key(&a->keys, KCTX_READER, CMD_SEARCH, key, sizeof key));
        return;
    }
    if (reader_next_span(a, SPAN_HIT, dir) == 0)
        return;
    long next = f->opened + dir;
    if (f->opened < 0)
        next = dir > 0 ? 0 : (long)f->nhits - 1;
    if (next < 0 || (size_t)next >= f->nhits) {
        app_message(a, ROLE_STATUS, dir > 0 ? "已是最后一个命中" : "已是第一个命中");
        return;
    }
    f->cur = (size_t)next;
    open_result(a, (size_t)next);
    app_message(a, ROLE_STATUS, "结果 %ld/%zu：%s %s", next + 1, f->nhits, f->hits[next].region,
                f->hits[next].title);
}
