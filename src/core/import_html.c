/* import_html.c — decoding a web page and handing its parsed tree to the article reader
 * (html_article.c). Why libxml2: see import_html.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include "gongfu/decode.h"
#include "gongfu/import_html.h"
#include "html_page.h"

/* The value of `charset=` at s (quoted or not), lower-cased, into out; 0 when none. */
static int charset_value(const char *s, const char *end, char out[32])
{
    while (s < end && (*s == ' ' || *s == '=' || *s == '"' || *s == '\''))
        s++;
    size_t k = 0;
    while (s < end && k < 31 && (isalnum((unsigned char)*s) || strchr("-_.:", *s)))
        out[k++] = (char)tolower((unsigned char)*s++);
    out[k] = '\0';
    return k > 0;
}

/* Finds "charset" (or "encoding" in an XML declaration) inside [s, end) followed by '='. */
static int find_charset(const char *s, const char *end, const char *word, char out[32])
{
    size_t wl = strlen(word);
    for (const char *p = s; p + wl < end; p++) {
        if (strncasecmp(p, word, wl) != 0)
            continue;
        const char *q = p + wl;
        while (q < end && *q == ' ')
            q++;
        if (q < end && *q == '=' && charset_value(q, end, out))
            return 1;
    }
    return 0;
}

void html_declared_charset(const char *raw, size_t n, char out[32])
{
    out[0] = '\0';
    size_t lim = n < 16384 ? n : 16384;   /* <head>s with long scripts put <meta> late */
    const char *s = raw, *end = raw + lim;
    if (lim >= 5 && !strncasecmp(s, "<?xml", 5)) {
        const char *close = memchr(s, '>', lim);
        if (close && find_charset(s, close, "encoding", out))
            return;
    }
    for (const char *p = s; p + 5 < end; p++) {
        if (strncasecmp(p, "<meta", 5) != 0 || !(p[5] == ' ' || p[5] == '\t' || p[5] == '\n' ||
                                                  p[5] == '\r' || p[5] == '/'))
            continue;
        const char *close = memchr(p, '>', (size_t)(end - p));
        if (!close)
            return;
        if (find_charset(p, close, "charset", out))
            return;
        p = close;
    }
}

/* The decoder for a declared charset, per the WHATWG encoding standard's labels: the GB
 * family is read as GB18030, which contains GB2312 and GBK; Latin labels as windows-1252. */
static const char *decoder_for(const char *label)
{
    static const char *const gb[] = {"gb2312", "gbk", "gb_2312-80", "gb_2312", "x-gbk",
                                     "cp936", "ms936", "windows-936", "chinese", "csgb2312",
                                     "csiso58gb231280", "iso-ir-58", "gb18030", "euc-cn"};
    static const char *const big5[] = {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"};
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16",
                                       "utf-16le", "utf-16be"};
    static const char *const latin[] = {"iso-8859-1", "latin1", "l1", "us-ascii", "ascii",
                                        "windows-1252", "cp1252", "iso8859-1", "cp819"};
    for (size_t i = 0; i < sizeof gb / sizeof *gb; i++)
        if (!strcmp(label, gb[i]))
            return "GB18030";
    for (size_t i = 0; i < sizeof big5 / sizeof *big5; i++)
        if (!strcmp(label, big5[i]))
            return "BIG5-HKSCS";
    /* A page saved as UTF-16 was converted by whoever declared it; what arrives is bytes. */
    for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
        if (!strcmp(label, utf8[i]))
            return "UTF-8";
    for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
        if (!strcmp(label, latin[i]))
            return "WINDOWS-1252";
    return label;
}

/* libxml2 reports through a global handler even when asked not to in some paths. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static int decode_page(const char *raw, size_t n, const char *encoding, struct decoded *d,
                       char charset[32], struct err *e)
{
    char declared[32];
    const char *use = encoding;
    if (!use && n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
        use = "UTF-8";
    declared[0] = '\0';
    if (!use) {
        html_declared_charset(raw, n, declared);
        if (declared[0])
            use = decoder_for(declared);
    }
    struct err why = {{0}};
    if (decode_bytes(raw, n, use, d, &why) == 0) {
        snprintf(charset, 32, "%s", d->encoding);
        return 0;
    }
    if (declared[0])
        err_set(e, "the page declares charset %s, but %s (use --encoding)", declared, why.msg);
    else
        err_set(e, "%s", why.msg);
    return -1;
}

/* Removes the markers of Word's downlevel-revealed conditional comments, <![if !supportLists]>
 * and <![endif]>, in place: HTML parsers after the WHATWG standard read "<![" as a bogus
 * comment up to the next '>', so a browser shows what lies between them (Word's list
 * numbers); libxml2 would keep the markers as text. Real comments are left whole, since
 * Word's <!--[if gte mso 9]>…<![endif]--> holds a marker that must not end them. */
static size_t drop_bogus_comments(char *s, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
        if (s[r] == '<' && n - r >= 4 && !memcmp(s + r, "<!--", 4)) {
            const char *end = memmem(s + r + 4, n - r - 4, "-->", 3);
            size_t stop = end ? (size_t)(end - s) + 3 : n;
            memmove(s + w, s + r, stop - r);
            w += stop - r, r = stop;
            continue;
        }
        if (s[r] == '<' && n - r >= 3 && !memcmp(s + r, "<![", 3) &&
            !(n - r >= 9 && !memcmp(s + r, "<![CDATA[", 9))) {
            const char *gt = memchr(s + r, '>', n - r);
            if (gt) {
                r = (size_t)(gt - s) + 1;
                continue;
            }
        }
        s[w++] = s[r++];
    }
    s[w] = '\0';
    return w;
}

char *html_extract(const char *raw, size_t n, const char *encoding, size_t *len,
                   char charset[32], struct err *e)
{
    struct decoded d;
    charset[0] = '\0';
    if (n > (size_t)0x7FFFFFFF) {
        err_set(e, "a web page of more than 2 GB");
        return NULL;
    }
    if (decode_page(raw, n, encoding, &d, charset, e) < 0)
        return NULL;
    d.len = drop_bogus_comments(d.text, d.len);
    xmlSetGenericErrorFunc(NULL, quiet);
    /* IGNORE_ENC: the text is UTF-8 now, whatever the <meta> says; HUGE: long pages with
     * one enormous text node are still pages. */
    htmlDocPtr doc = htmlReadMemory(d.text, (int)d.len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                    HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
    decoded_free(&d);
    if (!doc) {
        err_set(e, "not a web page libxml2 can read");
        return NULL;
    }
    char *text = html_article_text(doc, len);
    xmlFreeDoc(doc);
    if (!text)
        err_set(e, "out of memory");
    return text;
}
