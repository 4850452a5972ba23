/* askview.c — the ask view (askview_ops): a prompt for a question in plain Chinese and its
 * answer, as `gongfu ask` gives it: one or two sentences, how the question was read, then
 * the rows it rests on, each with its source and the source's sentence. Each row is one
 * key (Enter) away from its place in the reader, which opens over the view: q comes back
 * to the answer. The asker (the core's) is opened at the first question. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gongfu/ask.h"
#include "gongfu/paths.h"
#include "gongfu/text.h"
#include "draw.h"
#include "prompt.h"
#include "ui.h"

/* One line of the view as laid out: a piece of the answer's text, or of a row. */
enum vline_kind { L_TEXT, L_READING, L_HEAD, L_SENTENCE, L_NOTE, L_BLANK };

struct vline {
    enum vline_kind kind;
    long row;                   /* the answer row it belongs to, -1 for the text */
    const char *s;              /* into the answer or the heads */
    size_t start, end;          /* its bytes of s */
    int indent;
};

struct askview {
    struct ask *asker;          /* NULL until the first question (or when it failed) */
    struct prompt prompt;
    char question[512];
    struct ask_answer ans;
    int answered_once;
    char **heads;               /* per row: "舟山市  目标 4.5个  2025  zhoushan-plan:1" */
    char *reading;              /* "理解：…；其他：…" */
    struct vline *lines;
    size_t nlines;
    int laid_w;                 /* the width the lines were laid out for */
    size_t cur;                 /* the answer row under the cursor */
    size_t top;                 /* the first line shown */
    double ms;                  /* the last answer's time */
    struct ask_examples examples;   /* data/ask_examples.tsv, read when the view opens */
    char examples_error[640];       /* why they could not be read, else "" */
};

static void clear_answer(struct askview *v)
{
    for (size_t i = 0; v->heads && i < v->ans.nrows; i++)
        free(v->heads[i]);
    free(v->heads);
    v->heads = NULL;
    free(v->reading);
    v->reading = NULL;
    ask_answer_free(&v->ans);
    free(v->lines);
    v->lines = NULL;
    v->nlines = 0;
    v->laid_w = 0;
    v->cur = v->top = 0;
}

static char *row_head(const struct ask_row *r)
{
    char *s = NULL, year[16] = "";
    if (r->year)
        snprintf(year, sizeof year, "  %d", r->year);
    if (!strcmp(r->kind, "measure")) {
        if (asprintf(&s, "%s  %s:%s  %s", r->region, r->slug, r->path, r->indicator) < 0)
            return NULL;
        return s;
    }
    char *val = ask_row_value(r);
    int n = asprintf(&s, "%s  %s %s%s%s%s  %s:%s", r->region, strcmp(r->kind, "reported")
                     ? "目标" : "实际", val ? val : "", year, r->status ? "  " : "",
                     r->status ? r->status : "", r->slug, r->path);
    free(val);
    return n < 0 ? NULL : s;
}

static char *reading_text(const struct ask_answer *a)
{
    if (!a->reading && !a->nothers)
        return NULL;
    size_t n = (a->reading ? strlen(a->reading) : 0) + 32;
    for (size_t i = 0; i < a->nothers; i++)
        n += strlen(a->others[i]) + 4;
    char *s = malloc(n);
    if (!s)
        return NULL;
    snprintf(s, n, "%s%s%s", a->reading ? "（" : "（其他：", a->reading ? a->reading : "",
             a->reading && a->nothers ? "；其他：" : "");
    for (size_t i = 0; i < a->nothers; i++) {
        if (i)
            strcat(s, "；");
        strcat(s, a->others[i]);
    }
    strcat(s, "）");
    return s;
}

static int add_line(struct askview *v, size_t *cap, struct vline l)
{
    if (v->nlines == *cap) {
        size_t nc = *cap ? *cap * 2 : 64;
        struct vline *nl = realloc(v->lines, nc * sizeof *nl);
        if (!nl)
            return -1;
        v->lines = nl, *cap = nc;
    }
    v->lines[v->nlines++] = l;
    return 0;
}

/* Wraps s into lines of the kind, for row (or -1), indented. */
static int add_wrapped(struct askview *v, size_t *cap, enum vline_kind k, long row,
                       const char *s, int width, int indent)
{
    struct text_line *tl = NULL;
    size_t n = text_wrap(s, strlen(s), width - indent > 8 ? width - indent : 8, &tl);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = add_line(v, cap, (struct vline){k, row, s, tl[i].start, tl[i].end, indent});
    free(tl);
    return rc;
}

/* The lines at width w: the text, the reading, then each row's head and sentence. */
static void lay_out(struct askview *v, int w)
{
    size_t cap = 0;
    free(v->lines);
    v->lines = NULL;
    v->nlines = 0;
    v->laid_w = w;
    const struct ask_answer *a = &v->ans;
    if (a->text)
        add_wrapped(v, &cap, L_TEXT, -1, a->text, w, 1);
    if (v->reading)
        add_wrapped(v, &cap, L_READING, -1, v->reading, w, 1);
    int inferred = 0;
    for (size_t i = 0; i < a->nrows; i++) {
        const struct ask_row *r = &a->rows[i];
        inferred |= r->flags && strstr(r->flags, "inferred-unit") != NULL;
        add_line(v, &cap, (struct vline){L_BLANK, -1, "", 0, 0, 0});
        if (v->heads[i])
            add_wrapped(v, &cap, L_HEAD, (long)i, v->heads[i], w, r->answer ? 1 : 3);
        add_wrapped(v, &cap, L_SENTENCE, (long)i, r->sentence, w, 5);
    }
    if (inferred) {
        add_line(v, &cap, (struct vline){L_BLANK, -1, "", 0, 0, 0});
        add_wrapped(v, &cap, L_NOTE, -1, "* 原文丢了单位，按指标的单位补上。", w, 1);
    }
}

static void answer(struct pane *p)
{
    struct askview *v = p->state;
    struct err e = {{0}};
    if (!v->asker) {
        struct ask_files f = ask_data_files();
        if (ask_open(p->ui->corpus->store, &f, &v->asker, &e) < 0) {
            ui_message(p->ui, ROLE_ERROR, "无法回答：%s", e.msg);
            return;
        }
    }
    clear_answer(v);
    snprintf(v->question, sizeof v->question, "%s", v->prompt.buf);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (ask_question(v->asker, v->question, &v->ans, &e) < 0) {
        ui_message(p->ui, ROLE_ERROR, "无法回答：%s", e.msg);
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    v->ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    v->answered_once = 1;
    v->heads = calloc(v->ans.nrows + 1, sizeof *v->heads);
    for (size_t i = 0; v->heads && i < v->ans.nrows; i++)
        v->heads[i] = row_head(&v->ans.rows[i]);
    v->reading = reading_text(&v->ans);
}

/* The reader at row i's source, over this view. */
static void open_row(struct pane *p, size_t i)
{
    struct askview *v = p->state;
    if (i >= v->ans.nrows)
        return;
    const struct ask_row *r = &v->ans.rows[i];
    int d = corpus_doc_by_slug(p->ui->corpus, r->slug);
    if (d < 0) {
        ui_message(p->ui, ROLE_ERROR, "没有文件 %s", r->slug);
        return;
    }
    struct loc to = {d, r->node_id, (long)r->offset};
    if (r->target_id)
        ui_show_span(p->ui, to, SPAN_TARGET, (long)r->target_id);
    else
        ui_jump(p->ui, to);
    /* After the jump, so back (BS, ←) returns to the answer from there. */
    ui_view_main(p->ui);
    ui_focus(p->ui, PANE_READER);
    char key[32];
    ui_message(p->ui, ROLE_STATUS, "%s:%s · %s 回到回答", r->slug, r->path,
               hint_key(p->ui->keys, KCTX_GENERIC, CMD_QUIT, key, sizeof key));
}

static int askview_open(struct pane *p, const char *arg)
{
    struct askview *v = p->state;
    struct err e = {{0}};
    if (!v->examples.n &&
        ask_examples_load(paths_data_file("ask_examples.tsv"), &v->examples, &e) < 0)
        snprintf(v->examples_error, sizeof v->examples_error, "（没有例句：%s）", e.msg);
    prompt_start(&v->prompt, arg ? arg : "");
    if (arg && *arg) {
        v->prompt.active = 0;
        answer(p);
    }
    p->dirty |= PANE_REDRAW | PANE_STATUS;
    return 0;
}

static void askview_free(struct pane *p)
{
    struct askview *v = p->state;
    clear_answer(v);
    ask_close(&v->asker);
    ask_examples_free(&v->examples);
}

/* The first line of answer row i, or nlines. */
static size_t line_of_row(const struct askview *v, size_t i)
{
    for (size_t k = 0; k < v->nlines; k++)
        if (v->lines[k].row == (long)i)
            return k;
    return v->nlines;
}

static unsigned prompt_key(struct pane *p, enum cmd c, keycode k)
{
    struct askview *v = p->state;
    switch (prompt_cmd(&v->prompt, c, k)) {
    case PROMPT_DONE:
        v->prompt.active = 0;
        if (v->prompt.len)
            answer(p);
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case PROMPT_CANCEL:
        v->prompt.active = 0;
        if (!v->answered_once)
            ui_view_close(p->ui);
        return PANE_HANDLED | PANE_REDRAW | PANE_STATUS;
    case PROMPT_IGNORED:
        return PANE_HANDLED;
    default:
        return PANE_HANDLED | PANE_STATUS;
    }
}

static unsigned askview_key(struct pane *p, enum cmd c, keycode k)
{
    struct askview *v = p->state;
    if (v->prompt.active)
        return prompt_key(p, c, k);
    size_t n = v->ans.nrows;
    int big;
    long d = cmd_motion(c, 1, (long)n, &big);
    switch (c) {
    case CMD_ASK:
        prompt_start(&v->prompt, v->question);
        return PANE_HANDLED | PANE_STATUS;
    case CMD_ENTER:
        open_row(p, v->cur);
        return PANE_HANDLED;
    case CMD_PAGE_DOWN: case CMD_PAGE_UP: case CMD_HALF_DOWN: case CMD_HALF_UP: {
        long step = c == CMD_PAGE_DOWN || c == CMD_PAGE_UP ? p->h - 1 : p->h / 2;
        long top = (long)v->top + ((c == CMD_PAGE_DOWN || c == CMD_HALF_DOWN) ? step : -step);
        long last = (long)v->nlines - p->h;
        v->top = (size_t)(top > last ? (last > 0 ? last : 0) : top < 0 ? 0 : top);
        /* The cursor goes to the first row shown. */
        for (size_t i = 0; i < n; i++)
            if (line_of_row(v, i) >= v->top) {
                v->cur = i;
                break;
            }
        return PANE_HANDLED | PANE_REDRAW;
    }
    default:
        break;
    }
    if (!d || !n)
        return 0;
    long to = (long)v->cur + d;
    v->cur = (size_t)(to < 0 ? 0 : to >= (long)n ? (long)n - 1 : to);
    return PANE_HANDLED | PANE_REDRAW;
}

/* The help before the first question: what can be asked, with an example of each kind
 * (the first of data/ask_examples.tsv's). */
static void draw_intro(struct pane *p, WINDOW *w, int wd)
{
    struct askview *v = p->state;
    static const struct {
        enum ask_kind kind;
        const char *says;
    } kinds[] = {
        {ASK_LOOKUP, "某地的目标或实际数值"}, {ASK_WHICH, "哪些地方设定了某个目标"},
        {ASK_RANK, "哪里最高、最低、最严"}, {ASK_COMPARE, "几个地方对比"},
        {ASK_PROGRESS, "目标完成得怎么样"}, {ASK_MEASURES, "关于某事的措施"},
    };
    char keys[256];
    static const struct hint h[] = {
        {CMD_ENTER, CMD_NONE, "", "回答"}, {CMD_ESCAPE, CMD_NONE, "", "返回"},
        {CMD_NONE, CMD_NONE, "", ""},
    };
    char head[512];
    snprintf(head, sizeof head, "用中文提问（简体或繁体），%s",
             hint_line(p->ui->keys, KCTX_PROMPT, h, "，", keys, sizeof keys));
    draw_trunc(w, 0, 1, head, strlen(head), wd - 1, theme_attr(ROLE_HEADING));
    size_t i = 0;
    for (; i < sizeof kinds / sizeof *kinds && (int)(2 + i) < getmaxy(w); i++) {
        const char *q = ask_example_of(&v->examples, kinds[i].kind, 0);
        int x = 3 + draw_text(w, (int)(2 + i), 3, kinds[i].says, strlen(kinds[i].says), wd - 3,
                              theme_attr(ROLE_NORMAL));
        if (!q)
            continue;
        x += draw_text(w, (int)(2 + i), x, "：", strlen("："), wd - x, theme_attr(ROLE_NORMAL));
        draw_trunc(w, (int)(2 + i), x, q, strlen(q), wd - x, theme_attr(ROLE_DIM));
    }
    if (v->examples_error[0] && (int)(3 + i) < getmaxy(w))
        draw_trunc(w, (int)(3 + i), 3, v->examples_error, strlen(v->examples_error), wd - 3,
                   theme_attr(ROLE_DIM));
}

static void draw_line(struct pane *p, int y, const struct vline *l, int wd)
{
    struct askview *v = p->state;
    WINDOW *w = p->win;
    int sel = l->row >= 0 && (size_t)l->row == v->cur;
    const struct ask_row *r = l->row >= 0 ? &v->ans.rows[l->row] : NULL;
    enum role role = l->kind == L_READING || l->kind == L_NOTE ? ROLE_DIM
                     : l->kind == L_TEXT ? ROLE_HEADING : ROLE_NORMAL;
    attr_t base = theme_attr(sel ? ROLE_CURSOR : role);
    if (l->kind == L_HEAD && !sel)
        base |= r && r->answer ? A_BOLD : 0;
    draw_fill(w, y, 0, wd, theme_attr(sel ? ROLE_CURSOR : ROLE_NORMAL));
    int x = l->indent;
    if (l->kind != L_SENTENCE || !r || r->hl_end <= r->hl_start) {
        draw_text(w, y, x, l->s + l->start, l->end - l->start, wd - x, base);
        return;
    }
    /* The sentence, with what the row rests on in the hit colour. */
    size_t cut[4] = {l->start, r->hl_start, r->hl_end, l->end};
    for (int k = 0; k < 3; k++) {
        size_t a = cut[k] < l->start ? l->start : cut[k] > l->end ? l->end : cut[k];
        size_t z = cut[k + 1] < l->start ? l->start : cut[k + 1] > l->end ? l->end : cut[k + 1];
        if (z > a)
            x += draw_text(w, y, x, l->s + a, z - a, wd - x,
                           k == 1 ? theme_attr(ROLE_HIT) : base);
    }
}

static void askview_draw(struct pane *p, int focused)
{
    struct askview *v = p->state;
    WINDOW *w = p->win;
    int h = getmaxy(w), wd = getmaxx(w);
    (void)focused;
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, theme_attr(ROLE_NORMAL));
    if (!v->answered_once) {
        draw_intro(p, w, wd);
        return;
    }
    if (v->laid_w != wd)
        lay_out(v, wd);
    /* Keep the cursor's row in view, its head and sentence together where there is room. */
    size_t first = line_of_row(v, v->cur), last = first;
    while (last + 1 < v->nlines && v->lines[last + 1].row == (long)v->cur)
        last++;
    if (first < v->nlines) {
        if (first < v->top)
            v->top = first;
        if (last >= v->top + (size_t)h)
            v->top = last - (size_t)h + 1 > first ? first : last - (size_t)h + 1;
    }
    if (v->ans.nrows && v->cur == 0)
        v->top = 0;
    for (int y = 0; y < h && v->top + (size_t)y < v->nlines; y++)
        draw_line(p, y, &v->lines[v->top + (size_t)y], wd);
}

/* A click selects the row under it. */
static unsigned askview_click(struct pane *p, int y, int x)
{
    struct askview *v = p->state;
    (void)x;
    size_t li = v->top + (size_t)y;
    if (y < 0 || li >= v->nlines || v->lines[li].row < 0)
        return 0;
    v->cur = (size_t)v->lines[li].row;
    return PANE_HANDLED | PANE_REDRAW;
}

static enum kctx askview_context(const struct pane *p)
{
    return ((const struct askview *)p->state)->prompt.active ? KCTX_PROMPT : KCTX_ASK;
}

static struct prompt *askview_prompt(struct pane *p, const char **label)
{
    struct askview *v = p->state;
    *label = "问: ";
    return v->prompt.active ? &v->prompt : NULL;
}

static void askview_where(const struct pane *p, char *buf, size_t n)
{
    const struct askview *v = p->state;
    if (v->ans.nrows)
        snprintf(buf, n, "%zu/%zu", v->cur + 1, v->ans.nrows);
    else
        buf[0] = 0;
}

static const struct hint hints[] = {
    { CMD_DOWN, CMD_UP, "/", "选择" }, { CMD_ENTER, CMD_NONE, "", "原文" },
    { CMD_ASK, CMD_NONE, "", "再问" }, { CMD_QUIT, CMD_NONE, "", "返回" },
    { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops askview_ops = {
    .name = "ask", .place = PLACE_VIEW, .open_cmd = CMD_ASK, .flags = PANE_WHEEL,
    .kctx = KCTX_ASK, .title = "问答：用中文提问，答案附原文", .hints = hints,
    .state_size = sizeof(struct askview), .free = askview_free, .open = askview_open,
    .draw = askview_draw, .key = askview_key, .click = askview_click,
    .context = askview_context,
    .prompt = askview_prompt, .where = askview_where,
};
