/* panel.c — the target panel (panel_ops): the indicator of the value under the reading
 * cursor, set by every region side by side (the province first), each target with the
 * value reported for it and its status, each value one key from its source. It is the
 * reader's target span source. What it reads and the entries made of it are
 * panel_data.c's; drawing them, panel_draw.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "panel_int.h"

static void beyond(struct pane *pn, int dir)
{
    if (!pn->usable)   /* the targets could not be read: say so, not "none" */
        ui_message(pn->ui, ROLE_ERROR, "指标栏不可用：%s", pn->why);
    else
        ui_message(pn->ui, ROLE_STATUS, dir > 0 ? "后面没有指标了" : "前面没有指标了");
}

/* Nothing is read but whether the targets can be: a database without them says so on
 * the first screen, as before. */
static int panel_init(struct pane *pn)
{
    struct panel *p = pn->state;
    const struct corpus *c = pn->ui->corpus;
    struct err e = { "" };
    p->measures_doc = -1;
    p->doc_spans = calloc(c->ndocs + 1, sizeof *p->doc_spans);
    p->ndoc_spans = calloc(c->ndocs + 1, sizeof *p->ndoc_spans);
    p->doc_read = calloc(c->ndocs + 1, 1);
    if (!p->doc_spans || !p->ndoc_spans || !p->doc_read)
        return -1;
    spans_register(&pn->ui->spans, SPAN_TARGET,
                   &(struct span_source){ pn, panel_doc_spans, beyond, 1 });
    if (targets_readable(store_db(c->store), &e) < 0) {
        snprintf(pn->why, sizeof pn->why, "%.200s", e.msg);
        pn->usable = 0;
    }
    return 0;
}

static void panel_free(struct pane *pn)
{
    struct panel *p = pn->state;
    panel_data_free(p);
    for (size_t d = 0; p->doc_spans && d < pn->ui->corpus->ndocs; d++)
        free(p->doc_spans[d]);
    free(p->doc_spans);
    free(p->ndoc_spans);
    free(p->doc_read);
    memset(p, 0, sizeof *p);
}

/* The panel follows the target under the reading cursor. */
static unsigned panel_notify(struct pane *pn, unsigned events)
{
    if (!pn->usable || !(events & UI_SPAN_AT(SPAN_TARGET)))
        return 0;
    long id = pn->ui->sel.span[SPAN_TARGET];
    panel_follow(pn, id);
    if (!pn->usable) {      /* the targets could not be read: say why, show none */
        ui_message(pn->ui, ROLE_ERROR, "指标栏不可用：%s", pn->why);
        spans_changed(&pn->ui->spans);
    }
    return PANE_REDRAW;
}

/* Opens the selected region's target (or reported value) in the reader, highlighted. */
static void open_entry(struct pane *pn)
{
    struct panel *p = pn->state;
    if (p->sel >= p->nentries)
        return;
    const struct panel_entry *en = &p->entries[p->sel];
    if (!en->n) {
        char why[800];
        corpus_no_target_text(pn->ui->corpus, en->region, why, sizeof why);
        ui_message(pn->ui, ROLE_STATUS, "%s", why);
        return;
    }
    const struct target_row *t = en->t[0];
    int d = corpus_doc_by_slug(pn->ui->corpus, t->doc_slug);
    if (d < 0)
        return;
    ui_show_span(pn->ui, (struct loc){ d, t->node_id, (long)t->start }, SPAN_TARGET,
                 (long)t->id);
}

static unsigned panel_key(struct pane *pn, enum cmd c, keycode k)
{
    struct panel *p = pn->state;
    (void)k;
    switch (c) {
    case CMD_DOWN:
    case CMD_RIGHT:
        if (p->sel + 1 < p->nentries)
            p->sel++;
        break;
    case CMD_UP:
    case CMD_LEFT:
        if (p->sel > 0)
            p->sel--;
        break;
    case CMD_TOP:
        p->sel = 0;
        break;
    case CMD_BOTTOM:
        p->sel = p->nentries ? p->nentries - 1 : 0;
        break;
    case CMD_ENTER:
        open_entry(pn);
        break;
    default:
        return 0;
    }
    return PANE_HANDLED | PANE_REDRAW;
}

static unsigned panel_click(struct pane *pn, int y, int x)
{
    struct panel *p = pn->state;
    struct panel_slot slot[64];
    size_t n = panel_layout(pn, p->first, slot, 64);
    for (size_t i = 0; i < n; i++) {
        int need = panel_entry_width(p, p->first + i);
        if (slot[i].y == y && x >= slot[i].x && x < slot[i].x + need) {
            p->sel = p->first + i;
            ui_focus(pn->ui, pn->id);
            open_entry(pn);
            return PANE_HANDLED | PANE_REDRAW;
        }
    }
    return 0;
}

static const struct hint hints[] = {
    { CMD_LEFT, CMD_RIGHT, "/", "选地区" }, { CMD_ENTER, CMD_NONE, "", "跳到原文" },
    { CMD_NEXT_PANE, CMD_NONE, "", "切换窗格" }, { CMD_NONE, CMD_NONE, "", "" },
};

const struct pane_ops panel_ops = {
    .name = "panel", .place = PLACE_BOTTOM, .kctx = KCTX_PANEL, .hint_lead = "指标栏",
    .hints = hints, .state_size = sizeof(struct panel),
    .init = panel_init, .free = panel_free, .draw = panel_draw, .key = panel_key,
    .click = panel_click, .notify = panel_notify,
};
