/* format.c — telling formats apart by content, and the one entry point that reads any of
 * them into text for the cleaner. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "gongfu/format.h"
#include "gongfu/format_module.h"

static const char *const names[] = {"auto", "text", "html", "docx", "pdf"};

int format_from_name(const char *name, enum format *f)
{
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcasecmp(name, names[i]))
            return *f = (enum format)i, 0;
    return -1;
}

const char *format_name(enum format f)
{
    return (size_t)f < sizeof names / sizeof *names ? names[f] : "?";
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The tags that make browsers take a document for HTML (the WHATWG MIME sniffing
 * standard's list, and the HTML5 sectioning tags pages saved in pieces start with), each
 * followed by a space or '>'. */
static const char *const html_starts[] = {
    "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font",
    "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<meta", "<link",
    "<section", "<article", "<main", "<span", "<ul", "<h2", "<h3",
};

static int html_tag_at(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof html_starts / sizeof *html_starts; i++) {
        size_t k = strlen(html_starts[i]);
        if (n > k && !strncasecmp(s, html_starts[i], k) && (is_space((unsigned char)s[k]) ||
                                                            s[k] == '>'))
            return 1;
    }
    return 0;
}

/* After a BOM, white space, an XML declaration and comments: the first tag. */
static int looks_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    for (int guard = 0; guard < 64 && i < n; guard++) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
            const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);
            if (!end)
                return 1;             /* an unended comment: markup all the same */
            i = (size_t)(end - s) + 3;
        } else if (n - i >= 5 && !strncasecmp(s + i, "<?xml", 5)) {
            const char *end = memchr(s + i, '>', n - i);
            if (!end)
                return 0;
            i = (size_t)(end - s) + 1;
        } else {
            return html_tag_at(s + i, n - i);
        }
    }
    return 0;
}

static int is_zip(const char *raw, size_t n)
{
    return n >= 4 && !memcmp(raw, "PK\x03\x04", 4);
}

enum format format_detect(const char *raw, size_t n)
{
    size_t head = n < 1024 ? n : 1024;
    if (head >= 5 && memmem(raw, head, "%PDF-", 5))
        return FORMAT_PDF;
    /* Member names stand uncompressed in the local headers and the central directory. */
    if (is_zip(raw, n) && memmem(raw, n, "word/document.xml", 17))
        return FORMAT_DOCX;
    if (looks_html(raw, n < 4096 ? n : 4096))
        return FORMAT_HTML;
    return FORMAT_TEXT;
}

/* Files that look binary for a reason gongfu knows: say so rather than "NUL byte". */
static int known_binary(const char *raw, size_t n, struct err *e)
{
    if (is_zip(raw, n)) {
        err_set(e, "a zip archive without word/document.xml: not a Word document (.docx)");
        return 1;
    }
    if (n >= 8 && !memcmp(raw, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        err_set(e, "an old-style Office file (.doc, .xls) or an encrypted Office document: "
                   "save it as .docx or PDF, without a password");
        return 1;
    }
    return 0;
}

/* The extracted text stands for itself: offsets into it are offsets into what is stored. */
static int adopt(struct format_text *out, char *text, size_t len, struct err *e)
{
    struct decoded *d = &out->text;
    d->seg = malloc(sizeof *d->seg);
    if (!d->seg) {
        free(text);
        err_set(e, "out of memory");
        return -1;
    }
    d->text = text, d->len = len, d->encoding = "UTF-8";
    d->seg[0] = (struct decode_seg){0, 0};
    d->nseg = 1;
    out->shown = text, out->shown_len = len;
    return 0;
}

int format_read(const char *raw, size_t n, enum format f, const char *encoding,
                struct format_text *out, struct err *e)
{
    memset(out, 0, sizeof *out);
    if (f == FORMAT_AUTO)
        f = format_detect(raw, n);
    out->format = f;
    char *text = NULL;
    size_t len = 0;
    char charset[32] = "";
    /* The readers of the formats other than text are in the format module, loaded now. */
    const struct format_module *m = NULL;
    if ((f == FORMAT_HTML || f == FORMAT_DOCX || f == FORMAT_PDF) && !(m = format_module(e)))
        return -1;
    switch (f) {
    case FORMAT_HTML:
        text = m->html_extract(raw, n, encoding, &len, charset, e);
        snprintf(out->encoding, sizeof out->encoding, "html %s", charset);
        break;
    case FORMAT_DOCX:
        text = m->docx_extract(raw, n, &len, e);
        snprintf(out->encoding, sizeof out->encoding, "docx");
        break;
    case FORMAT_PDF:
        text = m->pdf_extract(raw, n, &len, e);
        snprintf(out->encoding, sizeof out->encoding, "pdf");
        break;
    default:
        if (known_binary(raw, n, e))
            return -1;
        if (decode_bytes(raw, n, encoding, &out->text, e) < 0)
            return -1;
        out->shown = raw, out->shown_len = n;
        snprintf(out->encoding, sizeof out->encoding, "%s", out->text.encoding);
        return 0;
    }
    if (!text)
        return -1;
    return adopt(out, text, len, e);
}

void format_text_free(struct format_text *t)
{
    decoded_free(&t->text);
    memset(t, 0, sizeof *t);
}
