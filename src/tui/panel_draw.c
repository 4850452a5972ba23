/* panel_draw.c — the target panel on screen: a heading naming the indicator, then its
 * entries side by side on the rows below, as many as fit from the first shown, "←" and
 * "更多 →" where some are off the panel. Each entry's text and width are made once, when
 * the entries are (at 100× the corpus, formatting them again at each layout was a third
 * of a key's instructions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draw.h"
#include "panel_int.h"

/* "舟山市 >=4.5个 (2025) 力争 已达成": each target as the command line's compare formats
 * it, with the words that qualify it (力争, 左右 …) and its status against the value the
 * region reported; "实际 4.76个 (2025)": the value reported. */
static void entry_text(const struct panel *p, const struct panel_entry *en, char *buf, size_t n)
{
    size_t o = (size_t)snprintf(buf, n, "%s ", en->label);
    if (o >= n)                /* a region longer than the buffer: the entry is the region */
        return;
    if (!en->n)
        snprintf(buf + o, n - o, "%s", glyph(G_DASH));
    for (size_t i = 0; i < en->n && o < n; i++) {
        const struct target_row *t = en->t[i];
        char *cell = targets_format_cell(t, 1, 1);
        const char *q = t->kind == TK_TARGET ? t->qualifier : NULL;
        enum progress_status s = t->kind == TK_TARGET ? panel_status(p, t) : PROGRESS_NO_DATA;
        const char *st = s == PROGRESS_MET ? " 已达成" : s == PROGRESS_NOT_YET ? " 未达成" : "";
        o += (size_t)snprintf(buf + o, n - o, "%s%s%s%s%s", i ? "; " : "", cell ? cell : "",
                              q && *q ? " " : "", q && *q ? q : "", st);
        free(cell);
    }
}

/* The texts hold glyphs and the widths count ambiguous characters: both are made again
 * when the terminal turns out to draw those wide (UI_GLYPHS). Each is made when first
 * laid out: an indicator has an entry a region (hundreds at 100× the corpus) and the
 * panel shows a few, so making them all at the first target of each was half a
 * million instructions of the key. */
void panel_entry_texts(struct panel *p)
{
    p->texts_ambi2 = draw_ambi2();
    for (size_t k = 0; k < p->nentries; k++) {
        free(p->entries[k].text);
        p->entries[k].text = NULL;
    }
}

static struct panel_entry *entry_made(struct panel *p, size_t k)
{
    struct panel_entry *en = &p->entries[k];
    if (!en->text) {
        char text[1024];
        entry_text(p, en, text, sizeof text);
        en->text = strdup(text);
        en->width = en->text ? draw_width(en->text, strlen(en->text)) : 0;
    }
    return en;
}

int panel_entry_width(struct panel *p, size_t k)
{
    return entry_made(p, k)->width;
}

static const char *text_of(struct panel *p, size_t k)
{
    const struct panel_entry *en = entry_made(p, k);
    return en->text ? en->text : "";
}

/* Lays out the entries from first, as many as fit the rows below the heading (an entry
 * wider than a row is cut short on a row of its own); when some are left over, the last
 * row keeps room for "更多 →". Returns how many fit (at most max). */
size_t panel_layout(const struct pane *pn, size_t first, struct panel_slot *slot, size_t max)
{
    struct panel *p = pn->state;
    char more[32];
    snprintf(more, sizeof more, " 更多 %s", glyph(G_RIGHT));
    int h = pn->h, wd = pn->w, mw = draw_width(more, strlen(more));
    size_t n = 0;
    for (int reserve = 0; reserve < 2; reserve++) {
        int y = 1, x = 1;
        n = 0;
        for (size_t k = first; k < p->nentries && n < max; k++) {
            int need = panel_entry_width(p, k);
            int room = wd - (reserve && y == h - 1 ? mw : 0);
            if (x > 1 && x + need > room) {
                y++;
                x = 1;
                room = wd - (reserve && y == h - 1 ? mw : 0);
            }
            if (y >= h || (x > 1 && x + need > room))
                break;
            slot[n++] = (struct panel_slot){ y, x, room - x };
            x += need + 3;
        }
        if (first + n >= p->nentries || n == max)
            break;
    }
    return n;
}

/* The heading: the indicator and its category, or why there is none. */
static void draw_heading(struct pane *pn, WINDOW *w, int wd)
{
    const struct panel *p = pn->state;
    const struct target_row *t = p->shown;
    char head[1024];
    if (!pn->usable)
        snprintf(head, sizeof head, " 指标栏不可用：%s ", pn->why);
    else if (!t)
        snprintf(head, sizeof head, " 指标 ");
    else if (t->indicator_name)
        snprintf(head, sizeof head, " 指标 %s%s%s ", t->indicator_name,
                 t->category ? " · " : "", t->category ? t->category : "");
    else
        snprintf(head, sizeof head, " 指标 %s（未归入指标目录）", t->phrase);
    draw_trunc(w, 0, 1, head, strlen(head), wd - 2, theme_attr(ROLE_PANEL_LABEL));
}

/* No target under the cursor: the keys that reach one. */
static void draw_no_target(struct pane *pn, WINDOW *w, int wd)
{
    static const struct hint keys[] = {
        { CMD_NEXT_TARGET, CMD_NONE, "", "下一个指标" },
        { CMD_PREV_TARGET, CMD_NONE, "", "上一个" },
        { CMD_COMPARE, CMD_NONE, "", "对比全部指标" }, { CMD_NONE, CMD_NONE, "", "" },
    };
    char line[256], hint[300] = "";
    if (pn->usable)
        snprintf(hint, sizeof hint, " 光标处没有指标。%s",
                 hint_line(pn->ui->keys, KCTX_PANEL, keys, "，", line, sizeof line));
    draw_trunc(w, 1, 0, hint, strlen(hint), wd, theme_attr(ROLE_DIM));
}

/* The first entry shown, so that the selected one is in view. */
static size_t first_shown(struct pane *pn, struct panel_slot *slot, size_t max)
{
    struct panel *p = pn->state;
    if (p->first > p->sel)
        p->first = p->sel;
    /* No layout holds more than max entries: one from further back than that cannot
     * reach the selected one (nor need its entries' texts made). */
    if (p->sel >= max && p->first < p->sel - max + 1)
        p->first = p->sel - max + 1;
    size_t n;
    while ((n = panel_layout(pn, p->first, slot, max)) && p->first + n <= p->sel)
        p->first++;
    return n;
}

void panel_draw(struct pane *pn, int focused)
{
    struct panel *p = pn->state;
    WINDOW *w = pn->win;
    int h = getmaxy(w), wd = getmaxx(w);
    attr_t norm = theme_attr(ROLE_NORMAL), border = theme_attr(ROLE_BORDER);
    for (int y = 0; y < h; y++)
        draw_fill(w, y, 0, wd, norm);
    draw_hline(w, 0, 0, wd, border);
    draw_heading(pn, w, wd);
    if (h < 2)
        return;
    if (!p->shown) {
        draw_no_target(pn, w, wd);
        return;
    }
    if (p->texts_ambi2 != draw_ambi2())
        panel_entry_texts(p);
    struct panel_slot slot[64];
    size_t n = first_shown(pn, slot, 64);
    attr_t mark = theme_attr(ROLE_FLAG);
    if (p->first > 0)
        draw_text(w, 1, 0, glyph(G_LEFT), strlen(glyph(G_LEFT)), 1, mark);
    if (p->first + n < p->nentries) {
        char more[32];
        snprintf(more, sizeof more, "更多 %s", glyph(G_RIGHT));
        int mw = draw_width(more, strlen(more));
        draw_text(w, h - 1, wd - mw, more, strlen(more), mw, mark);
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = p->first + i;
        const char *text = text_of(p, k);
        int sel = focused && k == p->sel, y = slot[i].y, x = slot[i].x;
        int mine = panel_entry_has(&p->entries[k], p->shown);
        attr_t at = theme_attr(sel ? ROLE_CURSOR : mine ? ROLE_TARGET_CURRENT : ROLE_VALUE);
        /* The region leads the entry text, which may have cut a very long one short. */
        size_t tl = strlen(text), rl = strlen(p->entries[k].label);
        if (rl > tl)
            rl = tl;
        int used = draw_text(w, y, x, text, rl, slot[i].w, sel ? at : theme_attr(ROLE_PANEL_LABEL));
        draw_trunc(w, y, x + used, text + rl, tl - rl, slot[i].w - used, at);
        if (sel)
            pane_cursor(pn, y, x);
    }
}
