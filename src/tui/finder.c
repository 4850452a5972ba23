/* finder.c — the search view (finder_ops): a prompt over every measure of every plan (the
 * core's search engine), a results list that follows each keystroke, and the reader's
 * hit span source, which n/N move between. The engine runs on every keystroke; its hits
 * stay valid until the next run, so the spans the reader draws are filed again each time.
 * A word typed in pinyin searches every Chinese word it reads as (gongfu/query.h); a line
 * under the heading shows them, and pinyin-next / pinyin-prev pick one in turn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gongfu/paths.h"
#include "gongfu/query.h"
#include "gongfu/search.h"
#include "finder_int.h"

#define RESULT_LIMIT 500

static void clear_spans(struct pane *p)
{
    struct finder *f = p->state;
    for (size_t d = 0; d < p->ui->corpus->ndocs; d++) {
        free(f->doc_spans[d]);
        f->doc_spans[d] = NULL;
        f->ndoc_spans[d] = 0;
    }
}

static size_t doc_spans(struct pane *p, int doc, const struct secspan **out)
{
    struct finder *f = p->state;
    if (!f->doc_spans || doc < 0 || (size_t)doc >= p->ui->corpus->ndocs) {
        *out = NULL;
        return 0;
    }
    *out = f->doc_spans[doc];
    return f->ndoc_spans[doc];
}

/* Every hit's spans, filed by document; a span's id is its result's index. */
static void collect_spans(struct pane *p)
{
    struct finder *f = p->state;
    clear_spans(p);
    for (size_t i = 0; i < f->nhits; i++) {
        const struct search_hit *h = &f->hits[i];
        int d = corpus_doc_by_slug(p->ui->corpus, h->slug);
        if (d < 0 || !h->nspans)
            continue;
        struct secspan *v = realloc(f->doc_spans[d],
                                    (f->ndoc_spans[d] + h->nspans) * sizeof *v);
        if (!v)
            return;
        f->doc_spans[d] = v;
        for (size_t k = 0; k < h->nspans; k++)
            v[f->ndoc_spans[d]++] = (struct secspan){ h->node_id, h->spans[k].start,
                                                      h->spans[k].end, (long)i };
    }
}

/* Picks that no pinyin word of the last query still takes are forgotten. */
static void forget_picks(struct finder *f)
{
    const struct query_pinyin *r;
    size_t n = f->engine ? search_pinyin(f->engine, &r) : 0, kept = 0;
    for (size_t i = 0; i < f->npick; i++) {
        int used = 0;
        for (size_t j = 0; j < n && !used; j++)
            used = r[j].chosen >= 0 && !strcmp(r[j].typed, f->pick[i].typed) &&
                   !strcmp(r[j].words[r[j].chosen], f->pick[i].word);
        if (used)
            f->pick[kept++] = f->pick[i];
    }
    f->npick = kept;
}

/* Picks word for what was typed (NULL: every word it reads as again). */
static void set_pick(struct finder *f, const char *typed, const char *word)
{
    size_t i = 0;
    while (i < f->npick && strcmp(f->pick[i].typed, typed))
        i++;
    if (!word || strlen(typed) >= sizeof f->pick[0].typed ||
        strlen(word) >= sizeof f->pick[0].word) {
        if (i < f->npick)
            f->pick[i] = f->pick[--f->npick];
        return;
    }
    if (i == f->npick && f->npick == MAX_PICKS)
        return;
    if (i == f->npick)
        f->npick++;
    snprintf(f->pick[i].typed, sizeof f->pick[i].typed, "%s", typed);
    snprintf(f->pick[i].word, sizeof f->pick[i].word, "%s", word);
}

static void run(struct pane *p)
{
    struct finder *f = p->state;
    struct err e = { "" };
    struct query_choice choice[MAX_PICKS];
    for (size_t i = 0; i < f->npick; i++)
        choice[i] = (struct query_choice){ f->pick[i].typed, f->pick[i].word };
    struct search_opts o = { RESULT_LIMIT, NULL, NULL, 40, SEARCH_PINYIN_AUTO, choice,
                             f->npick };
    struct timespec t0, t1;
    f->hits = NULL;
    f->nhits = 0;
    f->cur = f->top = 0;
    f->opened = -1;
    f->note[0] = 0;
    if (f->engine) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        f->failed[0] = '\0';
        if (search_run(f->engine, f->prompt.buf, &o, &f->hits, &f->nhits, &e) < 0) {
            snprintf(f->failed, sizeof f->failed, "%.250s", e.msg);
            ui_message(p->ui, ROLE_ERROR, "%s", e.msg);
            f->hits = NULL;
            f->nhits = 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        f->last_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
        forget_picks(f);
    }
    collect_spans(p);
    spans_changed(&p->ui->spans);
    p->dirty |= PANE_REDRAW | PANE_STATUS;
}

/* The last pinyin word of the query becomes the next (dir 1) or previous Chinese word it
 * reads as; past the last, every word again. */
static void cycle_pinyin(struct pane *p, int dir)
{
    struct finder *f = p->state;
    const struct query_pinyin *r;
    size_t n = f->engine ? search_pinyin(f->engine, &r) : 0;
    if (!n) {
        char key[32];
        snprintf(f->note, sizeof f->note, "没有拼音可换：输入拼音（如 tuowei、tw）再按 %s",
                 hint_key(p->ui->keys, KCTX_SEARCH, CMD_PINYIN_NEXT, key, sizeof key));
        p->dirty |= PANE_REDRAW;
        return;
    }
    const struct query_pinyin *last = &r[n - 1];
    long k = last->chosen + dir, nw = (long)last->nwords;
    k = k >= nw ? -1 : k < -1 ? nw - 1 : k;
    char typed[sizeof f->pick[0].typed];
    snprintf(typed, sizeof typed, "%s", last->typed);
    set_pick(f, typed, k < 0 ? NULL : last->words[k]);
    run(p);
}

/* Opens result i at its first hit. */
static void open_result(struct pane *p, size_t i)
{
    struct finder *f = p->state;
    const struct search_hit *h = &f->hits[i];
    int d = corpus_doc_by_slug(p->ui->corpus, h->slug);
    if (d < 0)
        return;
    f->opened = (long)i;
    struct loc to = { d, h->node_id, h->nspans ? (long)h->spans[0].start : 0 };
    ui_show_span(p->ui, to, SPAN_HIT, (long)i);
}

/* n / N found no further hit in the reader's document: the next result's, if any. */
static void beyond(struct pane *p, int dir)
{
    struct finder *f = p->state;
    if (!f->nhits) {
        char key[32];
        ui_message(p->ui, ROLE_STATUS, "没有搜索结果：按 %s 搜索",
                   hint_key(p->ui->keys, KCTX_READER, CMD_SEARCH, key, sizeof key));
        return;
    }
    long next = f->opened + dir;
    if (f->opened < 0)
        next = dir > 0 ? 0 : (long)f->nhits - 1;
    if (next < 0 || (size_t)next >= f->nhits) {
        ui_message(p->ui, ROLE_STATUS, dir > 0 ? "已是最后一个命中" : "已是第一个命中");
        return;
    }
    f->cur = (size_t)next;
    open_result(p, (size_t)next);
    const struct search_hit *h = &f->hits[next];
    int d = corpus_doc_by_slug(p->ui->corpus, h->slug);
    const char *doc = d >= 0 && p->ui->corpus->docs[d].title ? p->ui->corpus->docs[d].title
                                                             : h->slug;
    /* Where the hit is; which result it is, the status line's right side says (describe). */
    ui_message(p->ui, ROLE_STATUS, "%s《%s》%s %s", h->region, doc, h->path, h->title);
}

/* The status line while a hit is under the reader's cursor: which result it is. */
static void describe(struct pane *p, long id, char *buf, size_t n)
{
    const struct finder *f = p->state;
    if (id >= 0 && (size_t)id < f->nhits)
        snprintf(buf, n, "结果 %ld/%zu", id + 1, f->nhits);
}

static int finder_init(struct pane *p)
{
    struct finder *f = p->state;
    const struct corpus *c = p->ui->corpus;
    f->opened = -1;
    f->doc_spans = calloc(c->ndocs + 1, sizeof *f->doc_spans);
    f->ndoc_spans = calloc(c->ndocs + 1, sizeof *f->ndoc_spans);
    if (!f->doc_spans || !f->ndoc_spans)
        return -1;
    f->prompt.history = &f->history;
    spans_register(&p->ui->spans, SPAN_HIT,
                   &(struct span_source){ p, doc_spans, beyond, 0, describe });
    return 0;
}

/* The engine, opened at the first search: its vocabulary and the index's section lengths
 * are read then, not before a first screen that has no use for them. 0, or -1 with
 * p->why saying why there is none. */
static int open_engine(struct pane *p)
{
    struct finder *f = p->state;
    if (f->engine || !p->usable)
        return f->engine ? 0 : -1;
    struct store *s = p->ui->corpus->store;
    struct err e = { "" };
    const char *vocab = paths_data_file("vocab.tsv");
    if (search_open(store_db(s), vocab, &f->engine, &e) < 0 &&
        search_open(store_db(s), NULL, &f->engine, &e) < 0) {
        snprintf(p->why, sizeof p->why, "%.200s", e.msg);
        p->usable = 0;
        f->engine = NULL;
        return -1;
    }
    return 0;
}

static void finder_free(struct pane *p)
{
    struct finder *f = p->state;
    if (f->doc_spans)
        clear_spans(p);
    free(f->doc_spans);
    free(f->ndoc_spans);
    search_close(&f->engine);
    memset(f, 0, sizeof *f);
}

/* The view opens with the prompt holding arg (NULL: empty, the last query a ↑ away). */
static int finder_open(struct pane *p, const char *arg)
{
    struct finder *f = p->state;
    if (open_engine(p) < 0) {
        ui_message(p->ui, ROLE_ERROR, "无法搜索：%s", p->why);
        return -1;
    }
    prompt_start(&f->prompt, arg);
    run(p);
    return 0;
}

static unsigned finder_key(struct pane *p, enum cmd c, keycode k)
{
    struct finder *f = p->state;
    int per_page = p->h / 2 > 1 ? p->h / 2 - 1 : 1, big;
    switch (prompt_cmd(&f->prompt, c, k)) {
    case PROMPT_CHANGED:
        run(p);
        return PANE_HANDLED;
    case PROMPT_MOVED:
        return PANE_HANDLED | PANE_STATUS;
    case PROMPT_DONE:
        if (f->nhits) {
            static const struct hint next[] = {
                { CMD_NEXT_HIT, CMD_NONE, "", "下一个命中" },
                { CMD_PREV_HIT, CMD_NONE, "", "上一个" }, { CMD_NONE, CMD_NONE, "", "" },
            };
            char keys[128];
            open_result(p, f->cur);
            ui_view_main(p->ui);
            ui_focus(p->ui, PANE_READER);
            /* The status line's right side says which result this is (describe). */
            ui_message(p->ui, ROLE_STATUS, "%s",
                       hint_line(p->ui->keys, KCTX_READER, next, " · ", keys, sizeof keys));
        } else if (f->failed[0]) {   /* an unreadable index is no "not found" */
            ui_message(p->ui, ROLE_ERROR, "无法搜索：%s", f->failed);
        } else {
            ui_message(p->ui, ROLE_STATUS, "没有找到“%s”", f->prompt.buf);
            ui_view_close(p->ui);
        }
        return PANE_HANDLED;
    case PROMPT_CANCEL:
        f->hits = NULL;
        f->nhits = 0;
        clear_spans(p);
        spans_changed(&p->ui->spans);
        ui_view_close(p->ui);
        return PANE_HANDLED;
    default:
        break;
    }
    if (c == CMD_PINYIN_NEXT || c == CMD_PINYIN_PREV) {
        cycle_pinyin(p, c == CMD_PINYIN_NEXT ? 1 : -1);
        return PANE_HANDLED;
    }
    long d = cmd_motion(c, per_page, (long)f->nhits, &big);
    if (!d)
        return c == CMD_NONE ? PANE_HANDLED : 0;
    long to = (long)f->cur + d;
    long last = f->nhits ? (long)f->nhits - 1 : 0;
    f->cur = (size_t)(to < 0 ? 0 : to > last ? last : to);
    return PANE_HANDLED | PANE_REDRAW;
}

static struct prompt *finder_prompt(struct pane *p, const char **label)
{
    *label = "/";
    return &((struct finder *)p->state)->prompt;
}

const struct pane_ops finder_ops = {
    .name = "search", .place = PLACE_VIEW, .open_cmd = CMD_SEARCH, .kctx = KCTX_SEARCH, .title = "搜索所有措施",
    .state_size = sizeof(struct finder),
    .init = finder_init, .free = finder_free, .open = finder_open, .draw = finder_draw,
    .key = finder_key, .prompt = finder_prompt,
};
