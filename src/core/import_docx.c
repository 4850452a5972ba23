/* import_docx.c — the parts of a Word document's archive, and its body in reading order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "gongfu/import_docx.h"
#include "gongfu/textout.h"
#include "docx_style.h"
#include "docx_xml.h"

/* More than this uncompressed is a zip bomb, not a document. */
#define PART_MAX ((zip_uint64_t)512 << 20)

/* A part of the archive, NUL-terminated; NULL with *missing set when it is not there, or
 * with e set when it cannot be read. */
static char *read_part(zip_t *z, const char *name, size_t *n, int *missing, struct err *e)
{
    zip_stat_t st;
    zip_stat_init(&st);
    *missing = 0;
    if (zip_stat(z, name, 0, &st) < 0)
        return *missing = 1, NULL;
    if (!(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX) {
        err_set(e, "%s is larger than %llu MB uncompressed: not read", name,
                (unsigned long long)(PART_MAX >> 20));
        return NULL;
    }
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f) {
        err_set(e, "the zip archive is damaged: %s: %s", name, zip_strerror(z));
        return NULL;
    }
    char *buf = malloc((size_t)st.size + 1), extra;
    zip_int64_t got = buf ? zip_fread(f, buf, st.size) : 0;
    /* Reading on to the end makes libzip check the CRC. */
    zip_int64_t more = got == (zip_int64_t)st.size ? zip_fread(f, &extra, 1) : -1;
    if (!buf)
        err_set(e, "out of memory");
    else if (got != (zip_int64_t)st.size || more != 0)
        err_set(e, "the zip archive is damaged: %s: %s", name, zip_file_strerror(f));
    zip_fclose(f);
    if (!buf || got != (zip_int64_t)st.size || more != 0) {
        free(buf);
        return NULL;
    }
    buf[st.size] = '\0';
    *n = (size_t)st.size;
    return buf;
}

/* The main document part named by _rels/.rels (word/document.xml nearly always). */
static void main_part(zip_t *z, char *out, size_t cap)
{
    snprintf(out, cap, "word/document.xml");
    size_t n;
    int missing;
    char *rels = read_part(z, "_rels/.rels", &n, &missing, NULL);
    xmlTextReaderPtr r = rels ? docx_xml_open(rels, n) : NULL;
    while (r && docx_xml_next(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        char *type = docx_xml_attr(r, "Type"), *target = docx_xml_attr(r, "Target");
        size_t tl = type ? strlen(type) : 0;
        if (type && target && tl >= 15 && !strcmp(type + tl - 15, "/officeDocument") &&
            target[0] && !strstr(target, ".."))
            snprintf(out, cap, "%s", target[0] == '/' ? target + 1 : target);
        free(type), free(target);
    }
    xmlFreeTextReader(r);
    free(rels);
}

struct walk {
    struct textout *t;
    struct docx_styles *st;
    struct textout para;     /* the paragraph being read */
    int in_p, in_ppr, in_t;
    char *pstyle;
    int num_id, ilvl, has_num;
    int tables, span;        /* table nesting; the columns the current cell spans */
    int skip;                /* depth of a subtree being skipped, or -1 */
};

/* A paragraph ends: its label and text, as a line or, in a table, inside its cell. */
static void end_paragraph(struct walk *w)
{
    int num_id = w->num_id, ilvl = w->ilvl;
    if (!w->has_num)
        docx_style_numbering(w->st, w->pstyle, &num_id, &ilvl);
    size_t n = 0;
    char *text = textout_finish(&w->para, &n), label[128] = "";
    if (text && docx_style_contents(w->st, w->pstyle))
        n = 0;                              /* an entry of the table of contents */
    if (text && n && num_id > 0)
        docx_number_next(w->st, num_id, ilvl, label, sizeof label);
    if (text && n) {
        if (w->tables) {
            if (textout_line_len(w->t) > 0)
                textout_putc(w->t, ' ');
            textout_put(w->t, label, strlen(label));
            textout_put(w->t, text, n);
        } else {
            textout_break(w->t);
            textout_put(w->t, label, strlen(label));
            textout_put_raw(w->t, text, n);
            textout_break(w->t);
        }
    }
    free(text);
    free(w->pstyle);
    w->pstyle = NULL, w->has_num = 0, w->num_id = 0, w->ilvl = 0;
}

static int skipped(const char *name, int is_w)
{
    static const char *const w_skip[] = {"instrText", "delText", "del", "moveFrom", "rPr",
                                         "footnoteReference", "endnoteReference",
                                         "commentReference", "sectPr", "tblPr", "trPr"};
    if (!is_w)
        return !strcmp(name, "Fallback");   /* mc:Fallback repeats mc:Choice */
    for (size_t i = 0; i < sizeof w_skip / sizeof *w_skip; i++)
        if (!strcmp(name, w_skip[i]))
            return 1;
    return 0;
}

static void start_element(struct walk *w, xmlTextReaderPtr r, const char *name, int empty)
{
    if (!strcmp(name, "p")) {
        if (!empty && w->in_p++ == 0)
            w->para = (struct textout){0};
    } else if (!strcmp(name, "pPr")) {
        w->in_ppr = !empty;
    } else if (w->in_ppr && !strcmp(name, "pStyle")) {
        free(w->pstyle);
        w->pstyle = docx_xml_attr(r, "val");
    } else if (w->in_ppr && !strcmp(name, "numId")) {
        w->num_id = docx_xml_int(r, "val", 0), w->has_num = 1;
    } else if (w->in_ppr && !strcmp(name, "ilvl")) {
        w->ilvl = docx_xml_int(r, "val", 0);
    } else if (!strcmp(name, "t")) {
        w->in_t = !empty;
    } else if (w->in_p && (!strcmp(name, "tab") || !strcmp(name, "ptab"))) {
        textout_putc(&w->para, ' ');
    } else if (w->in_p && (!strcmp(name, "br") || !strcmp(name, "cr"))) {
        char *type = docx_xml_attr(r, "type");
        if (!type || !strcmp(type, "textWrapping"))
            textout_break(&w->para);        /* a line break; page breaks are layout */
        free(type);
    } else if (w->in_p && !strcmp(name, "noBreakHyphen")) {
        textout_putc(&w->para, '-');
    } else if (!strcmp(name, "tbl") && !empty) {
        if (w->tables++ == 0)
            textout_break(w->t);
    } else if (w->tables == 1 && !strcmp(name, "tc")) {
        textout_cell(w->t);
        w->span = 1;
    } else if (w->tables == 1 && !strcmp(name, "gridSpan")) {
        int k = docx_xml_int(r, "val", 1);
        w->span = k < 1 ? 1 : k > 64 ? 64 : k;
    }
}

static void end_element(struct walk *w, const char *name)
{
    if (!strcmp(name, "p") && w->in_p > 0) {
        if (--w->in_p == 0)
            end_paragraph(w);
        else
            textout_break(&w->para);        /* a paragraph of a text box inside this one */
    } else if (!strcmp(name, "pPr")) {
        w->in_ppr = 0;
    } else if (!strcmp(name, "t")) {
        w->in_t = 0;
    } else if (!strcmp(name, "tbl") && w->tables > 0) {
        if (--w->tables == 0)
            textout_break(w->t);
    } else if (w->tables == 1 && !strcmp(name, "tc")) {
        for (int k = 1; k < w->span; k++)
            textout_cell(w->t);
    } else if (w->tables == 1 && !strcmp(name, "tr")) {
        textout_row_end(w->t);
    }
}

static int read_body(struct walk *w, const char *part, const char *xml, size_t n, struct err *e)
{
    xmlTextReaderPtr r = docx_xml_open(xml, n);
    if (!r)
        return err_set(e, "out of memory"), -1;
    int rc;
    w->skip = -1;
    while ((rc = docx_xml_next(r)) == 1) {
        int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
        if (w->skip >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && depth == w->skip)
                w->skip = -1;
            continue;
        }
        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
            type == XML_READER_TYPE_CDATA) {
            const char *v = (const char *)xmlTextReaderConstValue(r);
            if (w->in_t && w->in_p && v)
                textout_put(&w->para, v, strlen(v));
            continue;
        }
        if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
            continue;
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        int is_w = docx_xml_is_w(r), empty = xmlTextReaderIsEmptyElement(r);
        if (!name || (!is_w && strcmp(name, "Fallback")))
            continue;
        if (type == XML_READER_TYPE_ELEMENT && skipped(name, is_w)) {
            if (!empty)
                w->skip = depth;
        } else if (type == XML_READER_TYPE_ELEMENT) {
            start_element(w, r, name, empty);
        } else {
            end_element(w, name);
        }
    }
    if (rc < 0)
        err_set(e, "%s: not well-formed XML (line %d)", part, xmlTextReaderGetParserLineNumber(r));
    xmlFreeTextReader(r);
    return rc < 0 ? -1 : 0;
}

char *docx_extract(const char *raw, size_t n, size_t *len, struct err *e)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(raw, n, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z) {
        err_set(e, "not a readable Word document: the zip archive is truncated or damaged (%s)",
                zip_error_strerror(&ze));
        zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    char part[256], *text = NULL;
    main_part(z, part, sizeof part);
    size_t nd = 0, ns = 0, nn = 0;
    int missing;
    char *doc = read_part(z, part, &nd, &missing, e);
    char *styles = doc ? read_part(z, "word/styles.xml", &ns, &missing, e) : NULL;
    char *numbering = doc && (styles || missing) ?
                      read_part(z, "word/numbering.xml", &nn, &missing, e) : NULL;
    if (!doc && missing)
        err_set(e, "no %s in the archive: not a Word document", part);
    struct docx_styles st;
    struct textout out = {0};
    int ok = doc && !e->msg[0];
    if (ok && docx_styles_load(&st, styles, ns, numbering, nn) < 0) {
        err_set(e, "out of memory");
        ok = 0;
    } else if (ok) {
        struct walk w = {.t = &out, .st = &st};
        ok = read_body(&w, part, doc, nd, e) == 0;
        textout_free(&w.para);
        free(w.pstyle);
        docx_styles_free(&st);
    }
    if (ok && !(text = textout_finish(&out, len)))
        err_set(e, "out of memory");
    textout_free(&out);
    free(doc), free(styles), free(numbering);
    zip_discard(z);
    return text;
}
