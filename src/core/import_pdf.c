/* import_pdf.c — the characters of each page of a PDF, through MuPDF's structured text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include "gongfu/array.h"
#include "gongfu/import_pdf.h"
#include "gongfu/pdf_layout.h"

struct collect {
    struct pdf_line *lines;
    size_t n, cap;
    char *text;
    size_t len, tcap;
    struct pdf_page_size *pages;
    int oom;
    size_t chars;            /* characters that are not white space */
};

/* MuPDF reports to stderr unless told otherwise; its messages reach the user through e. */
static void quiet(void *user, const char *msg)
{
    (void)user, (void)msg;
}

static void put_char(struct collect *c, int ch)
{
    char buf[4];
    int k = 0;
    unsigned u = (unsigned)ch;
    if (u < 0x20 || u == 0x7F || (u >= 0xD800 && u <= 0xDFFF) || u > 0x10FFFF)
        u = ' ';
    if (u < 0x80)
        buf[k++] = (char)u;
    else if (u < 0x800)
        buf[k++] = (char)(0xC0 | u >> 6), buf[k++] = (char)(0x80 | (u & 0x3F));
    else if (u < 0x10000)
        buf[k++] = (char)(0xE0 | u >> 12), buf[k++] = (char)(0x80 | ((u >> 6) & 0x3F)),
        buf[k++] = (char)(0x80 | (u & 0x3F));
    else
        buf[k++] = (char)(0xF0 | u >> 18), buf[k++] = (char)(0x80 | ((u >> 12) & 0x3F)),
        buf[k++] = (char)(0x80 | ((u >> 6) & 0x3F)), buf[k++] = (char)(0x80 | (u & 0x3F));
    if (array_grow((void **)&c->text, &c->tcap, c->len + (size_t)k + 1, 1) < 0) {
        c->oom = 1;
        return;
    }
    memcpy(c->text + c->len, buf, (size_t)k);
    c->len += (size_t)k;
    c->chars += u > ' ' && u != 0x3000 && u != 0xA0;
}

static void collect_line(struct collect *c, int page, const fz_stext_line *ln)
{
    if (ln->wmode || !ln->first_char)
        return;                   /* vertical text is not what these documents are set in */
    if (array_grow((void **)&c->lines, &c->cap, c->n + 1, sizeof *c->lines) < 0) {
        c->oom = 1;
        return;
    }
    struct pdf_line *l = &c->lines[c->n];
    *l = (struct pdf_line){page, ln->bbox.x0, ln->bbox.y0, ln->bbox.x1, ln->bbox.y1,
                           ln->first_char->origin.y, ln->first_char->size, c->len, 0};
    for (const fz_stext_char *ch = ln->first_char; ch; ch = ch->next)
        put_char(c, ch->c);
    l->len = c->len - l->text;
    c->n++;
}

/* One page into c; -1 with e set when MuPDF cannot read it. */
static int read_page(fz_context *ctx, fz_document *doc, int i, struct collect *c, struct err *e)
{
    fz_page *page = NULL;
    fz_stext_page *st = NULL;
    int rc = 0;
    fz_var(page);
    fz_var(st);
    fz_try(ctx) {
        page = fz_load_page(ctx, doc, i);
        fz_rect box = fz_bound_page(ctx, page);
        c->pages[i] = (struct pdf_page_size){box.x1 - box.x0, box.y1 - box.y0};
        fz_stext_options opts = {.flags = FZ_STEXT_MEDIABOX_CLIP};
        st = fz_new_stext_page_from_page(ctx, page, &opts);
        for (fz_stext_block *b = st->first_block; b && !c->oom; b = b->next)
            if (b->type == FZ_STEXT_BLOCK_TEXT)
                for (fz_stext_line *ln = b->u.t.first_line; ln && !c->oom; ln = ln->next)
                    collect_line(c, i, ln);
    }
    fz_always(ctx) {
        fz_drop_stext_page(ctx, st);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) {
        err_set(e, "page %d cannot be read: %s", i + 1, fz_caught_message(ctx));
        rc = -1;
    }
    return rc;
}

static fz_document *open_pdf(fz_context *ctx, const char *raw, size_t n, struct err *e)
{
    fz_stream *stm = NULL;
    pdf_document *pdf = NULL;
    fz_var(stm);
    fz_var(pdf);
    fz_try(ctx) {
        stm = fz_open_memory(ctx, (const unsigned char *)raw, n);
        pdf = pdf_open_document_with_stream(ctx, stm);
    }
    fz_always(ctx) {
        fz_drop_stream(ctx, stm);
    }
    fz_catch(ctx) {
        err_set(e, "not a readable PDF: %s", fz_caught_message(ctx));
        return NULL;
    }
    if (pdf_needs_password(ctx, pdf) && !pdf_authenticate_password(ctx, pdf, "")) {
        err_set(e, "an encrypted PDF that needs a password: save it without one");
        fz_drop_document(ctx, &pdf->super);
        return NULL;
    }
    return &pdf->super;
}

char *pdf_extract(const char *raw, size_t n, size_t *len, struct err *e)
{
    fz_context *ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
    if (!ctx) {
        err_set(e, "out of memory");
        return NULL;
    }
    fz_set_warning_callback(ctx, quiet, NULL);
    fz_set_error_callback(ctx, quiet, NULL);
    struct collect c = {0};
    char *out = NULL;
    fz_document *doc = open_pdf(ctx, raw, n, e);
    int pages = 0;
    if (doc) {
        fz_try(ctx) pages = fz_count_pages(ctx, doc);
        fz_catch(ctx) {
            err_set(e, "not a readable PDF: %s", fz_caught_message(ctx));
            pages = -1;
        }
    }
    if (doc && pages == 0)
        err_set(e, "a PDF without pages: broken or truncated");
    if (doc && pages > 0 && !(c.pages = calloc((size_t)pages, sizeof *c.pages)))
        c.oom = 1;
    for (int i = 0; c.pages && i < pages && !c.oom; i++)
        if (read_page(ctx, doc, i, &c, e) < 0)
            break;
    /* A repaired cross-reference table may have lost objects, and with them text: such a
     * file is refused rather than imported in part. */
    if (doc && pages > 0 && !e->msg[0] && ((pdf_document *)doc)->repair_attempted)
        err_set(e, "a broken PDF: its cross-reference table is damaged, so pages or text may be "
                   "missing; save it again (e.g. mutool clean FILE OUT.pdf) and import that");
    if (c.oom)
        err_set(e, "out of memory");
    else if (doc && pages > 0 && !e->msg[0] && c.chars == 0)
        err_set(e, "no text layer: %d page%s of images (a scan?); gongfu reads the text of a "
                   "PDF, so run OCR on it first", pages, pages == 1 ? "" : "s");
    else if (doc && pages > 0 && !e->msg[0] && !(out = pdf_layout(c.lines, c.n, c.text, c.pages,
                                                                  pages, len)))
        err_set(e, "out of memory");
    fz_drop_document(ctx, doc);
    fz_drop_context(ctx);
    free(c.lines), free(c.text), free(c.pages);
    return out;
}
