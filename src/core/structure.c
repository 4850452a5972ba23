/* structure.c — documents, chapters, items and paragraphs from classified lines.
 *
 * A document is a title, a header of page furniture and metadata, a body that starts
 * with the prose preamble just before its first heading, and ends where a new title is
 * followed by chapter numbering that starts again, or where page chrome begins.
 * Headings are recognised at line starts and inside lines (one plan is a single line),
 * and only when their number continues the sequence, so "1.6以内" or "到 2025年" are text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gongfu/clean.h"
#include "gongfu/describe.h"
#include "gongfu/doc_note.h"
#include "gongfu/heading.h"
#include "gongfu/lines.h"
#include "gongfu/structure.h"
#include "gongfu/title.h"

struct seq {
    int chapter, item;
    enum heading_kind item_style;
    int chapter_since_item;
    int chapter_named;    /* the chapters are 第…章 (1), 一、 (0), none yet (-1 or 0 with chapter 0) */
};

struct spans {
    struct span *v;
    size_t n, cap;
};

struct builder {
    const char *t;
    const struct decoded *dt;
    const struct lines *L;
    struct doc *doc;
    struct seq seq;
    int section;          /* node receiving paragraphs, -1 none yet */
    int chapter_node;     /* current chapter node, -1 none */
    struct spans para;    /* the paragraph being gathered */
    int title_open;       /* item whose title may go on in the next line, -1 none */
    int title_runs_on;    /* its heading style runs its title into the text ("33.…。…"), so a
                           * page break may split that title */
    struct spans title;   /* that title's spans */
    const struct regions *regions;
    struct err *e;
    int oom;
    size_t *next_head;    /* [k]: the first line at or after k with a fresh heading, or L->n */
};

static int spans_push(struct spans *s, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 8;
        struct span *p = realloc(s->v, ncap * sizeof *p);
        if (!p)
            return -1;
        s->v = p, s->cap = ncap;
    }
    s->v[s->n++] = (struct span){a, b};
    return 0;
}

static int starts(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

/* ——, •, (1) and the like open a new paragraph even after an unfinished one. */
static int starts_bullet(const char *s, size_t n)
{
    return starts(s, n, "—") || starts(s, n, "•") || starts(s, n, "·") ||
           starts(s, n, "（1）") || starts(s, n, "(1)") || starts(s, n, "★");
}

/* ---- nodes ---------------------------------------------------------------------- */

static int add_node(struct builder *b, enum node_kind kind, int parent, size_t raw_start)
{
    struct doc *d = b->doc;
    if (d->nnodes == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 64;
        struct node *p = realloc(d->nodes, ncap * sizeof *p);
        if (!p)
            return b->oom = 1, -1;
        d->nodes = p, d->cap = ncap;
    }
    struct node *nd = &d->nodes[d->nnodes];
    memset(nd, 0, sizeof *nd);
    nd->kind = kind;
    nd->parent = parent;
    nd->raw_start = nd->raw_end = raw_start;
    return (int)d->nnodes++;
}

/* Extends the raw span of a node and of its ancestors to cover raw_end. */
static void cover(struct builder *b, int idx, size_t raw_end)
{
    for (; idx >= 0; idx = b->doc->nodes[idx].parent)
        if (b->doc->nodes[idx].raw_end < raw_end)
            b->doc->nodes[idx].raw_end = raw_end;
}

static size_t raw(const struct builder *b, size_t off)
{
    return decoded_raw_offset(b->dt, off);
}

static void ensure_section(struct builder *b, size_t at)
{
    if (b->section >= 0)
        return;
    b->section = add_node(b, NODE_PREAMBLE, -1, raw(b, at));
    if (b->section >= 0)
        b->doc->nodes[b->section].path = strdup("0");
}

static void flush_paragraph(struct builder *b)
{
    if (!b->para.n)
        return;
    char *text = clean_join(b->t, b->para.v, b->para.n, 0);
    size_t first = b->para.v[0].start, last = b->para.v[b->para.n - 1].end;
    b->para.n = 0;
    if (!text)
        return (void)(b->oom = 1);
    if (!*text)
        return free(text);
    ensure_section(b, first);
    int p = add_node(b, NODE_PARAGRAPH, b->section, raw(b, first));
    if (p < 0)
        return free(text);
    b->doc->nodes[p].text = text;
    b->doc->nodes[p].raw_end = raw(b, last);
    cover(b, p, raw(b, last));
}

static void close_title(struct builder *b);

/* A row of a table of indicators: a paragraph of its own, as written (its cells' spaces
 * and "|" are the table's, not extraction artefacts). */
static void add_row(struct builder *b, const struct line *l)
{
    flush_paragraph(b);
    close_title(b);
    ensure_section(b, l->start);
    int p = add_node(b, NODE_PARAGRAPH, b->section, raw(b, l->start));
    if (p < 0)
        return;
    if (!(b->doc->nodes[p].text = strndup(b->t + l->start, l->end - l->start)))
        b->oom = 1;
    b->doc->nodes[p].raw_end = raw(b, l->end);
    cover(b, p, raw(b, l->end));
}

static void close_title(struct builder *b)
{
    if (b->title_open < 0)
        return;
    struct node *nd = &b->doc->nodes[b->title_open];
    free(nd->title);
    nd->title = clean_join(b->t, b->title.v, b->title.n, 0);
    if (!nd->title)
        b->oom = 1;
    if (b->title.n)           /* a bare label ("39." ending a line) has no title spans */
        cover(b, b->title_open, raw(b, b->title.v[b->title.n - 1].end));
    b->title_open = -1;
    b->title.n = 0;
}

/* Byte offset of the first 。！？ in [a,b), or b. */
static size_t sentence_end(const char *t, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i++)
        if (starts(t + i, b - i, "。") || starts(t + i, b - i, "！") || starts(t + i, b - i, "？"))
            return i;
    return b;
}

/* A chapter title written inline ends at a space after which prose follows:
 * "二、推动民营经济创富 民营经济是推动共同富裕的创造性力量,…". */
static size_t chapter_title_end(const char *t, size_t ts, size_t te, size_t end)
{
    /* Prose follows byte i when i is at or before the last punctuation mark, found once:
     * asking clean_is_prose of the rest of the line at every space made a long line of
     * words take quadratic time. A mark is at most 3 bytes. */
    size_t last = 0;
    int any = 0;
    for (size_t j = end; j-- > ts && !any;)
        if (clean_is_prose(t + j, end - j < 3 ? end - j : 3))
            last = j, any = 1;
    for (size_t i = ts; any && i < te && i <= last; i++)
        if (lines_space_at(t + i, te - i))
            return i;
    return te;
}

/* A heading and its title; the text after the title's full stop starts its body. */
static void open_heading(struct builder *b, const struct heading *h, size_t at, size_t end)
{
    flush_paragraph(b);
    close_title(b);
    int chapter = h->kind == HEADING_CHAPTER;
    int parent = chapter ? -1 : b->chapter_node;
    int idx = add_node(b, chapter ? NODE_CHAPTER : NODE_ITEM, parent, raw(b, at));
    if (idx < 0)
        return;
    cover(b, idx, raw(b, at + h->end));   /* the label, even when no title follows */
    struct node *nd = &b->doc->nodes[idx];
    nd->label = strndup(b->t + at + h->label_start, h->label_end - h->label_start);
    nd->ordinal = h->number;
    char path[32];
    if (chapter)
        snprintf(path, sizeof path, "%d", h->number);
    else
        snprintf(path, sizeof path, "%d.%d", b->chapter_node >= 0 ?
                 b->doc->nodes[b->chapter_node].ordinal : 0, h->number);
    nd->path = strdup(path);
    if (!nd->label || !nd->path)
        b->oom = 1;
    if (chapter)
        b->chapter_node = idx;
    b->section = idx;

    /* An article (第一条) has no title: its text is its body. */
    size_t ts = at + h->end,
           te = h->kind == HEADING_ITEM_ARTICLE ? ts : sentence_end(b->t, ts, end);
    if (chapter)
        te = chapter_title_end(b->t, ts, te, end);
    b->title_open = idx;
    b->title_runs_on = h->kind == HEADING_ITEM_ARABIC || h->kind == HEADING_ITEM_PAREN_ARABIC;
    spans_push(&b->title, ts, te);
    if (te < end) {                       /* "15.促进人口长期均衡发展。率先构建…" */
        close_title(b);
        spans_push(&b->para, starts(b->t + te, end - te, "。") ? te + 3 : te, end);
    } else if (chapter) {
        close_title(b);                   /* chapter titles stand on one line */
    }
}

/* Text that is not a heading: continues an open title or paragraph across a page break,
 * or starts a new paragraph. */
static void add_text(struct builder *b, size_t a, size_t z)
{
    size_t k = clean_jump_marker(b->t + a, z - a);
    a += k;
    if (a >= z)
        return;
    int bullet = starts_bullet(b->t + a, z - a);
    if (b->title_open >= 0) {
        size_t se = sentence_end(b->t, a, z);
        int fragment = b->title_runs_on && !bullet && se < z && se - a <= 90 &&
                       !clean_is_prose(b->t + a, se - a);
        if (fragment) {                   /* "…中国特色社会主义" / "思想的重要阵地。…" */
            spans_push(&b->title, a, se);
            close_title(b);
            a = se + 3;
            if (a >= z)
                return;
        } else {
            close_title(b);
        }
    }
    if (b->para.n && !bullet) {
        const struct span *last = &b->para.v[b->para.n - 1], *first = &b->para.v[0];
        struct heading h;
        /* A numbered line outside the outline ("一、经济实力" in a 第…节) is a heading
         * of its own, not a paragraph a page break split. */
        if (!clean_ends_sentence(b->t + last->start, last->end - last->start) &&
            !(b->para.n == 1 && heading_at(b->t + first->start, first->end - first->start, &h))) {
            spans_push(&b->para, a, z);   /* a page break split this paragraph */
            return;
        }
    }
    flush_paragraph(b);
    spans_push(&b->para, a, z);
}

/* ---- heading sequence --------------------------------------------------------- */

static int fits_sequence(const struct seq *s, const struct heading *h)
{
    if (h->kind == HEADING_CHAPTER)  /* in a 第…章 outline, "一、" are points of a section */
        return s->chapter == 0 || (h->named == s->chapter_named && h->number > s->chapter &&
                                   h->number <= s->chapter + 2);
    if (s->item_style && h->kind != s->item_style)
        return 0;
    if (s->item == 0)
        return 1;
    if (h->number == 1 && s->chapter_since_item)
        return 1;
    return h->number > s->item && h->number <= s->item + 4;
}

static void advance(struct seq *s, const struct heading *h)
{
    if (h->kind == HEADING_CHAPTER) {
        s->chapter = h->number;
        s->chapter_named = h->named;
        s->chapter_since_item = 1;
    } else {
        s->item = h->number;
        s->item_style = h->kind;
        s->chapter_since_item = 0;
    }
}

/* May a heading start at byte i inside a line? Only after spaces that follow the end of
 * a sentence, a number whose unit the source lost ("覆盖率 80 21."), or a chapter title. */
static int inline_ok(const char *t, size_t line_start, size_t i, int in_chapter_title)
{
    size_t j = i, sp;
    int spaces = 0;
    while (j > line_start) {
        size_t w = 0;
        for (size_t k = 1; k <= 3 && k <= j - line_start; k++)
            if ((sp = lines_space_at(t + j - k, k)) == k) { w = k; break; }
        if (!w)
            break;
        j -= w, spaces = 1;
    }
    if (!spaces || j == line_start)
        return 0;
    unsigned char c = (unsigned char)t[j - 1];
    if (c >= '0' && c <= '9')
        return 1;
    return in_chapter_title || clean_ends_sentence(t + line_start, j - line_start);
}

/* Finds the next heading in [from, end) of a line that fits the sequence. */
static int next_heading(const struct builder *b, const struct seq *s, size_t line_start,
                        size_t from, size_t end, int in_chapter_title, struct heading *h,
                        size_t *at)
{
    /* The last byte of every space lines_space_at knows (' ', '\t', '\f', '\v', U+3000 and
     * U+FEFF's 0x80 and 0xBF): a byte before i that is none of them rules i out at once. */
    static const unsigned char ends_space[256] = {
        [' '] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1, [0x80] = 1, [0xBF] = 1,
    };
    const unsigned char *u = (const unsigned char *)b->t;
    for (size_t i = from; i < end; i++) {
        if (i > line_start) {
            while (i < end && !ends_space[u[i - 1]])
                i++;
            if (i == end)
                break;
        }
        if (i > line_start && !lines_space_at(b->t + i - 1, 1) &&
            !(i >= 3 + line_start && lines_space_at(b->t + i - 3, 3) == 3))
            continue;
        if (i > line_start && lines_space_at(b->t + i, end - i))
            continue;
        if (!heading_at(b->t + i, end - i, h) || !fits_sequence(s, h))
            continue;
        if (i == line_start || inline_ok(b->t, line_start, i, in_chapter_title)) {
            *at = i;
            return 1;
        }
    }
    return 0;
}

/* ---- documents ------------------------------------------------------------------ */

static size_t lbytes(const struct line *l) { return l->end - l->start; }

static int is_title_line(const struct builder *b, const struct line *l)
{
    return title_is_title_line(b->t, l);
}

/* Fills b->next_head in one backward pass: it is asked for at every line that could
 * start a document, and scanning forward each time made a file of many title-like lines
 * take quadratic time. */
static int index_headings(struct builder *b)
{
    struct seq fresh = {0};
    struct heading h;
    size_t at, n = b->L->n;
    if (!(b->next_head = malloc((n + 1) * sizeof *b->next_head)))
        return -1;
    b->next_head[n] = n;
    for (size_t k = n; k-- > 0;) {
        const struct line *l = &b->L->v[k];
        int head = l->kind == LINE_TEXT &&
                   next_heading(b, &fresh, l->start, l->start, l->end, 0, &h, &at);
        b->next_head[k] = head ? k : b->next_head[k + 1];
    }
    return 0;
}

/* First heading line at or after `from` with a fresh sequence, or `to`. */
static size_t first_heading_line(const struct builder *b, size_t from, size_t to)
{
    size_t k = from < b->L->n ? b->next_head[from] : b->L->n;
    return k < to ? k : to;
}

/* Does a new document start at line k: a title, then headings whose chapter numbering
 * starts again? */
static int new_doc_at(const struct builder *b, size_t k, size_t *title_first)
{
    if (!is_title_line(b, &b->L->v[k]))
        return 0;
    size_t h = first_heading_line(b, k + 1, b->L->n);
    if (h == b->L->n)
        return 0;
    struct seq fresh = {0};
    struct heading hd;
    size_t at;
    const struct line *l = &b->L->v[h];
    next_heading(b, &fresh, l->start, l->start, l->end, 0, &hd, &at);
    if (hd.kind != HEADING_CHAPTER || hd.number > b->seq.chapter)
        return 0;
    *title_first = title_block_start(b->t, b->L, 0, k);
    return 1;
}

/* Does the title block of a new document begin at line k (its title may be below an
 * issuer line or two)? */
static int doc_starts_at(const struct builder *b, size_t k)
{
    size_t first;
    for (size_t j = k; j < b->L->n && j <= k + 2; j++)
        if (new_doc_at(b, j, &first) && first == k)
            return 1;
    return 0;
}

/* Title, metadata and date from the header lines [from, to). */
static void read_header(struct builder *b, size_t from, size_t to, size_t title_at)
{
    size_t last = title_at;
    if (title_at < to && !(b->doc->title = title_text(b->t, b->L, from, to, title_at, &last)))
        b->oom = 1;
    describe_header(b->doc, b->regions, b->t, b->L, from, to, title_at < to ? title_at : b->L->n,
                    last);
}

/* Lines [body, end) of one document, headings and paragraphs; returns the line where the
 * next document starts (or L->n). */
static size_t read_body(struct builder *b, size_t body, size_t end_limit)
{
    size_t k;
    for (k = body; k < end_limit; k++) {
        const struct line *l = &b->L->v[k];
        size_t title_first;
        if (l->kind == LINE_TRAILER) {
            /* Page chrome to the end, unless another document follows it. */
            size_t j = k + 1;
            while (j < end_limit && !new_doc_at(b, j, &title_first))
                j++;
            k = j < end_limit ? title_first : end_limit;
            break;
        }
        if (l->kind == LINE_TABLE)
            add_row(b, l);
        if (l->kind != LINE_TEXT)
            continue;
        if (k > body && b->seq.chapter > 0 && doc_starts_at(b, k))
            break;
        size_t pos = l->start, at;
        struct heading h;
        int in_chapter_title = 0;
        while (pos < l->end) {
            int found = next_heading(b, &b->seq, l->start, pos, l->end, in_chapter_title, &h, &at);
            size_t stop = found ? at : l->end;
            if (stop > pos) {
                size_t z = stop;
                while (z > pos && lines_space_at(b->t + z - 1, 1))
                    z--;
                add_text(b, pos, z);
            }
            if (!found)
                break;
            /* The heading runs to the next heading in the line, or to its end. */
            struct seq after = b->seq;
            advance(&after, &h);
            struct heading h2;
            size_t at2, hend = l->end;
            if (next_heading(b, &after, l->start, at + h.end, l->end,
                             h.kind == HEADING_CHAPTER, &h2, &at2))
                hend = at2;
            while (hend > at && lines_space_at(b->t + hend - 1, 1))
                hend--;
            open_heading(b, &h, at, hend);
            advance(&b->seq, &h);
            in_chapter_title = h.kind == HEADING_CHAPTER;
            pos = hend;
            while (pos < l->end && lines_space_at(b->t + pos, l->end - pos))
                pos += lines_space_at(b->t + pos, l->end - pos);
        }
    }
    flush_paragraph(b);
    close_title(b);
    return k;
}

static struct doc *new_doc(struct doc **docs, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        struct doc *p = realloc(*docs, ncap * sizeof *p);
        if (!p)
            return NULL;
        *docs = p, *cap = ncap;
    }
    struct doc *d = &(*docs)[(*n)++];
    memset(d, 0, sizeof *d);
    return d;
}

/* A text without any heading: one document, one chapter holding its paragraphs. */
static void read_plain(struct builder *b, size_t title_at)
{
    int ch = add_node(b, NODE_CHAPTER, -1, 0);
    if (ch < 0)
        return;
    b->doc->nodes[ch].path = strdup("1");
    b->doc->nodes[ch].ordinal = 1;
    b->doc->nodes[ch].title = strdup(b->doc->title ? b->doc->title : "");
    b->section = b->chapter_node = ch;
    for (size_t k = 0; k < b->L->n; k++)
        if (b->L->v[k].kind == LINE_TABLE)
            add_row(b, &b->L->v[k]);
        else if (b->L->v[k].kind == LINE_TEXT && k != title_at)
            add_text(b, b->L->v[k].start, b->L->v[k].end);
    flush_paragraph(b);
}

int structure_parse(const struct decoded *dt, const struct structure_opts *opts,
                    struct doc **docs, size_t *ndocs, struct err *e)
{
    struct lines L;
    *docs = NULL;
    *ndocs = 0;
    if (lines_split(dt->text, dt->len, &L) < 0) {
        err_set(e, "out of memory");
        return -1;
    }
    if (L.n == 0) {
        lines_free(&L);
        err_set(e, "no text in this file: nothing to import");
        return -1;
    }
    size_t cap = 0, k = 0;
    struct builder b = {.t = dt->text, .dt = dt, .L = &L, .e = e,
                        .regions = opts ? opts->regions : NULL};
    if (index_headings(&b) < 0)
        b.oom = 1;
    while (k < L.n && !b.oom) {
        struct doc *d = new_doc(docs, ndocs, &cap);
        if (!d) { b.oom = 1; break; }
        b.doc = d;
        b.seq = (struct seq){0};
        b.section = b.chapter_node = b.title_open = -1;
        size_t h = first_heading_line(&b, k, L.n), body = h;
        while (body > k && L.v[body - 1].kind == LINE_TEXT &&
               clean_is_prose(dt->text + L.v[body - 1].start, lbytes(&L.v[body - 1])))
            body--;
        size_t title_at = title_find(dt->text, &L, k, body);
        read_header(&b, k, h == L.n ? L.n : body, title_at);
        if (h == L.n) {
            read_plain(&b, title_at);
            k = L.n;
        } else {
            k = read_body(&b, body, L.n);
        }
        if (b.oom)
            break;
    }
    lines_free(&L);
    free(b.next_head);
    free(b.para.v);
    free(b.title.v);
    if (b.oom) {
        structure_free(docs, *ndocs);
        *ndocs = 0;
        err_set(e, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < *ndocs; i++)
        if (describe_doc(&(*docs)[i], opts ? opts->regions : NULL,
                         i == 0 && opts ? opts->title : NULL, opts ? opts->region : NULL,
                         opts ? opts->fallback_title : NULL, e) < 0 ||
            doc_note_incomplete(&(*docs)[i]) < 0) {
            if (e && !e->msg[0])
                err_set(e, "out of memory");
            structure_free(docs, *ndocs);
            *ndocs = 0;
            return -1;
        }
    return 0;
}

void structure_free(struct doc **docs, size_t ndocs)
{
    if (!*docs)
        return;
    for (size_t i = 0; i < ndocs; i++)
        doc_free(&(*docs)[i]);
    free(*docs);
    *docs = NULL;
}
