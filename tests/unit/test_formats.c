/* Formats on small inputs: detection by content, the web page reader (charset, article,
 * chrome, tables), the Word reader on archives made here (numbering, tables, text boxes,
 * revisions), the PDF layout rules on lines made by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "gongfu/format.h"
#include "gongfu/import_html.h"
#include "gongfu/pdf_layout.h"
#include "gongfu/textout.h"
#include "../../src/core/docx_style.h"

static void detection_by_content(void **state)
{
    (void)state;
#define CASE(bytes, f) {bytes, sizeof bytes - 1, f}
    static const struct { const char *bytes; size_t n; enum format f; } cases[] = {
        CASE("%PDF-1.7\n", FORMAT_PDF),
        CASE("\r\n\r\ngarbage before it %PDF-1.4", FORMAT_PDF),
        CASE("PK\x03\x04....word/document.xml....", FORMAT_DOCX),
        CASE("PK\x03\x04....xl/workbook.xml", FORMAT_TEXT),
        CASE("<!DOCTYPE html>\n<html>", FORMAT_HTML),
        CASE("\xEF\xBB\xBF  <HTML lang=zh>", FORMAT_HTML),
        CASE("<!-- saved --><div class=\"a\">", FORMAT_HTML),
        CASE("<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", FORMAT_HTML),
        CASE("<p>一段</p>", FORMAT_HTML),
        CASE("一、总体要求\n<p>不是标签", FORMAT_TEXT),
        CASE("<abbr", FORMAT_TEXT),
    };
#undef CASE
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(format_detect(cases[i].bytes, cases[i].n), cases[i].f);
    enum format f;
    assert_int_equal(format_from_name("DOCX", &f), 0);
    assert_int_equal(f, FORMAT_DOCX);
    assert_int_equal(format_from_name("odt", &f), -1);
}

/* The text format_read makes of bytes, or NULL with *why set. */
static char *read_as(const char *bytes, size_t n, enum format f, const char *enc, char *why)
{
    struct format_text ft;
    struct err e = {{0}};
    if (format_read(bytes, n, f, enc, &ft, &e) < 0) {
        strcpy(why, e.msg);
        return NULL;
    }
    char *s = strdup(ft.text.text);
    assert_ptr_equal(ft.shown, ft.text.text);           /* the extracted text is stored */
    format_text_free(&ft);
    return s;
}

static char *html(const char *page)
{
    char why[512] = "";
    char *s = read_as(page, strlen(page), FORMAT_AUTO, NULL, why);
    if (!s)
        fprintf(stderr, "%s\n", why);
    assert_non_null(s);
    return s;
}

static void charsets(void **state)
{
    (void)state;
    char buf[64];
    static const char *const pages[][2] = {
        {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">", "gb2312"},
        {"<html><head><meta charset='utf-8'/>", "utf-8"},
        {"<?xml version=\"1.0\" encoding=\"GBK\"?><html>", "gbk"},
        {"<html><body>charset=big5</body>", ""},
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        html_declared_charset(pages[i][0], strlen(pages[i][0]), buf);
        assert_string_equal(buf, pages[i][1]);
    }
    /* GB2312 declared, GBK bytes (銶 is outside GB2312): read as GB18030. */
    const char gbk[] = "<html><head><meta charset=gb2312><title>t</title></head><body><p>"
                       "\xD6\xD0\xCE\xC4\xE4\x4D</p></body></html>";
    char *s = html(gbk);
    assert_string_equal(s, "中文銶\n");
    free(s);
    char why[512];
    const char wrong[] = "<html><head><meta charset=utf-8></head><body><p>\xD6\xD0</p></body></html>";
    assert_null(read_as(wrong, strlen(wrong), FORMAT_AUTO, NULL, why));
    assert_non_null(strstr(why, "the page declares charset utf-8, but byte 48: not valid UTF-8"));
    s = read_as(wrong, strlen(wrong), FORMAT_AUTO, "GB18030", why);
    assert_string_equal(s, "中\n");
    free(s);
}

static void the_article_and_its_heading(void **state)
{
    (void)state;
    char *s = html(
        "<html><head><title>关于推进共同富裕的实施意见_政策文件_某市人民政府</title>"
        "<style>p{color:red}</style><script>var x='<p>脚本</p>';</script></head><body>"
        "<div id=nav><a href=/>首页</a><a href=/a>政务公开</a><a href=/b>政务服务</a></div>"
        "<div class=side><h3>热点</h3><ul><li><a href=1>第一条新闻标题很长很长</a></li>"
        "<li><a href=2>第二条新闻标题很长很长</a></li></ul></div>"
        "<div class=main><h1>关于推进共同富裕的实施意见</h1>"
        "<div class=info>发布日期：2022-03-01</div>"
        "<div class=share>分享到：<a href=#>微信</a><a href=#>微博</a></div>"
        "<div class=content><p>　　为推进共同富裕，制定本意见。</p>"
        "<p>一、总体要求</p><p>坚持以人民为中心，扎实推进。<br>到2025年，收入增长。</p>"
        "<p style=\"display:none\">隐藏的文字不算。</p>"
        "<div class=related><a href=x>相关文件一</a><a href=y>相关文件二</a></div>"
        "<p>二、主要任务</p><p>加快发展&nbsp;提高收入。</p></div>"
        "<div class=tools><a href=#>【打印本页】</a><a href=#>【关闭窗口】</a></div></div>"
        "<div class=footer>版权所有 某市人民政府 地址 人民路1号</div></body></html>");
    assert_string_equal(s, "关于推进共同富裕的实施意见\n"
                           "发布日期：2022-03-01\n"
                           "\xE3\x80\x80\xE3\x80\x80为推进共同富裕，制定本意见。\n"
                           "一、总体要求\n"
                           "坚持以人民为中心，扎实推进。\n"
                           "到2025年，收入增长。\n"
                           "二、主要任务\n"
                           "加快发展\xC2\xA0提高收入。\n");
    free(s);
}

/* A page saved by Word ("另存为网页", as many sites publish): its list numbers sit between
 * downlevel-revealed conditional comments (<![if !supportLists]>一、<![endif]>), which a
 * browser shows without the markers; Office XML islands and <o:p> add nothing. */
static void pages_saved_by_word(void **state)
{
    (void)state;
    char *s = html(
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
        "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
        "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author>"
        "</o:DocumentProperties></xml><![endif]--></head><body><div class=WordSection1>"
        "<p class=MsoNormal style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>一、"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"
        "<span>总体要求<o:p></o:p></span></p>"
        "<p class=MsoNormal>到2025年，收入增长。<![if !vml]><img src=a.png><![endif]></p>"
        "</div></body></html>");
    assert_string_equal(s, "一、\xC2\xA0\xC2\xA0 总体要求\n到2025年，收入增长。\n");
    free(s);
}

static void tables_as_rows(void **state)
{
    (void)state;
    char *s = html("<html><body><p>主要指标如下，共同富裕的主要指标。</p><table>"
                   "<tr><th rowspan=2>指标</th><th rowspan=2>单位</th><th colspan=2>目标值</th></tr>"
                   "<tr><th>2020年</th><th>2025年</th></tr>"
                   "<tr><td>居民人均可支配收入</td><td>万元</td><td>6.2</td><td>7.5</td></tr>"
                   "<tr><td><p>城镇化率</p></td><td>%</td><td></td><td>75</td></tr>"
                   "</table></body></html>");
    assert_string_equal(s, "主要指标如下，共同富裕的主要指标。\n"
                           "| 指标 | 单位 | 目标值 |  |\n"
                           "|  |  | 2020年 | 2025年 |\n"
                           "| 居民人均可支配收入 | 万元 | 6.2 | 7.5 |\n"
                           "| 城镇化率 | % |  | 75 |\n");
    free(s);
    /* A page laid out with tables is read as blocks, not as one row holding the article. */
    s = html("<html><body><table><tr><td><a href=/>首页</a></td><td><table><tr><td>"
             "<p>第一段文字，说明情况。</p><p>第二段文字，提出要求。</p></td></tr></table>"
             "</td></tr></table></body></html>");
    assert_string_equal(s, "第一段文字，说明情况。\n第二段文字，提出要求。\n");
    free(s);
}

/* ---- DOCX ------------------------------------------------------------------------ */

struct part {
    const char *name, *xml;
};

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
          "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""

/* A zip archive of the parts, in memory. */
static char *make_zip(const struct part *parts, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(z, parts[i].xml, strlen(parts[i].xml), 0);
        assert_true(zip_file_add(z, parts[i].name, s, 0) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
    zip_stat_t st;
    assert_int_equal(zip_source_stat(src, &st), 0);
    char *buf = malloc(st.size);
    assert_int_equal(zip_source_open(src), 0);
    assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
    zip_source_close(src);
    zip_source_free(src);
    *len = st.size;
    return buf;
}

static void word_documents(void **state)
{
    (void)state;
    static const struct part parts[] = {
        {"[Content_Types].xml", "<Types/>"},
        {"docProps/core.xml", "<cp:coreProperties><dc:title>模板标题</dc:title></cp:coreProperties>"},
        {"word/styles.xml",
         "<w:styles " W "><w:style w:styleId=\"H1\"><w:name w:val=\"heading 1\"/>"
         "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>"},
        {"word/numbering.xml",
         "<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\">"
         "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
         "<w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
         "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
         "<w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>"
         "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"},
        {"word/document.xml",
         "<w:document " W "><w:body>"
         "<w:p><w:r><w:t>实施方案</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
         "<w:r><w:t xml:space=\"preserve\">指导 </w:t></w:r><w:r><w:t>思想。</w:t></w:r>"
         "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>"
         "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
         "<w:r><w:t>坚持稳进。</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
         "<w:r><w:t>主要目标。</w:t><w:br/><w:t>到2025年。</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>主要任务</w:t></w:r></w:p>"
         "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>"
         "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr>"
         "<w:tr><w:tc><w:p><w:r><w:t>收入</w:t></w:r></w:p><w:p><w:r><w:t>增长</w:t></w:r></w:p></w:tc>"
         "<w:tc><w:p><w:r><w:t>%</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>6</w:t></w:r></w:p></w:tc>"
         "</w:tr></w:tbl>"
         "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r>"
         "<w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback>"
         "<w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict>"
         "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
         "<w:sectPr/></w:body></w:document>"},
    };
    size_t n;
    char *zip = make_zip(parts, sizeof parts / sizeof *parts, &n), why[512] = "";
    assert_int_equal(format_detect(zip, n), FORMAT_DOCX);
    char *s = read_as(zip, n, FORMAT_AUTO, NULL, why);
    if (!s)
        fprintf(stderr, "%s\n", why);
    assert_string_equal(s, "实施方案\n"
                           "一、总体要求\n"
                           "1. 指导 思想。坚持稳进。\n"
                           "2. 主要目标。\n到2025年。\n"
                           "二、主要任务\n"
                           "| 指标 | 目标 |  |\n"
                           "| 收入 增长 | % | 6 |\n"
                           "文本框\n");
    free(s);
    /* A truncated archive and one without the document part. */
    assert_null(read_as(zip, n / 2, FORMAT_DOCX, NULL, why));
    assert_non_null(strstr(why, "truncated or damaged"));
    free(zip);
    zip = make_zip(parts, 3, &n);
    assert_null(read_as(zip, n, FORMAT_DOCX, NULL, why));
    assert_non_null(strstr(why, "no word/document.xml in the archive"));
    free(zip);
}

/* Word's table of contents: paragraphs of the "toc N" styles (the entries, each with its
 * page number in a PAGEREF field) and "TOC Heading" (目录) repeat the headings: left out. */
static void a_word_table_of_contents(void **state)
{
    (void)state;
    static const struct part parts[] = {
        {"word/styles.xml",
         "<w:styles " W "><w:style w:styleId=\"10\"><w:name w:val=\"toc 1\"/></w:style>"
         "<w:style w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/></w:style>"
         "<w:style w:styleId=\"20\"><w:name w:val=\"toc 2\"/><w:basedOn w:val=\"10\"/></w:style>"
         "</w:styles>"},
        {"word/document.xml",
         "<w:document " W "><w:body>"
         "<w:p><w:r><w:t>某市实施方案</w:t></w:r></w:p>"
         "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
         "</w:docPartObj></w:sdtPr><w:sdtContent>"
         "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>目录</w:t></w:r></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"10\"/></w:pPr><w:hyperlink w:anchor=\"_Toc1\"><w:r>"
         "<w:t>一、总体要求</w:t></w:r><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/>"
         "</w:r><w:r><w:instrText>PAGEREF _Toc1 \\h</w:instrText></w:r><w:r>"
         "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r>"
         "<w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>"
         "<w:p><w:pPr><w:pStyle w:val=\"20\"/></w:pPr><w:r><w:t>（一）指导思想</w:t></w:r><w:r><w:tab/>"
         "</w:r><w:r><w:t>2</w:t></w:r></w:p>"
         "</w:sdtContent></w:sdt>"
         "<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>"
         "<w:p><w:r><w:t>（一）指导思想。坚持稳进。</w:t></w:r></w:p>"
         "</w:body></w:document>"},
    };
    size_t n;
    char *zip = make_zip(parts, sizeof parts / sizeof *parts, &n), why[512] = "";
    char *s = read_as(zip, n, FORMAT_DOCX, NULL, why);
    if (!s)
        fprintf(stderr, "%s\n", why);
    assert_string_equal(s, "某市实施方案\n一、总体要求\n（一）指导思想。坚持稳进。\n");
    free(s);
    free(zip);
}

static void list_numbers(void **state)
{
    (void)state;
    static const struct { int v; const char *fmt, *out; } cases[] = {
        {3, "decimal", "3"}, {11, "chineseCounting", "十一"}, {20, "chineseCounting", "二十"},
        {21, "chineseCountingThousand", "二十一"}, {105, "chineseCounting", "一百零五"},
        {12, "chineseLegalSimplified", "壹拾贰"}, {2, "ideographTraditional", "乙"},
        {12, "decimalEnclosedCircle", "⑫"}, {14, "upperRoman", "XIV"}, {28, "lowerLetter", "bb"},
        {7, "decimalFullWidth", "７"}, {5, "decimalZero", "05"}, {10, "ideographDigital", "一〇"},
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        docx_format_number(cases[i].v, cases[i].fmt, buf, sizeof buf);
        assert_string_equal(buf, cases[i].out);
    }
}

/* ---- PDF layout ------------------------------------------------------------------- */

struct sheet {
    struct pdf_line l[64];
    size_t n;
    char text[4096];
    size_t len;
};

static void line(struct sheet *s, int page, float x0, float x1, float base, float size,
                 const char *t)
{
    size_t k = strlen(t);
    s->l[s->n++] = (struct pdf_line){page, x0, base - size, x1, base + size / 4, base, size,
                                     s->len, k};
    memcpy(s->text + s->len, t, k);
    s->len += k;
}

static char *lay_out(struct sheet *s, int pages)
{
    struct pdf_page_size sz[8];
    for (int i = 0; i < pages; i++)
        sz[i] = (struct pdf_page_size){595, 842};
    size_t n;
    return pdf_layout(s->l, s->n, s->text, sz, pages, &n);
}

/* Three pages of a text block from x 100 to 228 (eight characters of 16 pt). */
static void pdf_pages_back_to_paragraphs(void **state)
{
    (void)state;
    static struct sheet s;
    for (int p = 0; p < 3; p++) {                   /* a running header, "— N —" */
        line(&s, p, 110, 180, 60, 10, "舟山市实施方案");
        char num[32];
        snprintf(num, sizeof num, "— %d —", p + 1);
        line(&s, p, p % 2 ? 100 : 180, p % 2 ? 148 : 228, 780, 14, num);
    }
    line(&s, 0, 98, 230, 120, 22, "共同富裕示范");       /* a title in 22 pt over two lines */
    line(&s, 0, 131, 197, 150, 22, "区方案");
    line(&s, 0, 132, 228, 200, 16, "一、总体要求");      /* indented by two characters */
    line(&s, 0, 100, 228, 229, 16, "加快发展，提高收");
    line(&s, 0, 100, 132, 258, 16, "入。");              /* ends short: the paragraph ends */
    line(&s, 0, 132, 228, 287, 16, "到2025年，收入");
    line(&s, 1, 100, 228, 120, 16, "增长8");             /* it runs on over the page */
    line(&s, 1, 100, 180, 149, 16, "8万人。");
    line(&s, 1, 132, 228, 178, 16, "PM2.5浓度下降，P");
    line(&s, 1, 100, 196, 207, 16, "M2.5达标。");
    line(&s, 2, 100, 124, 120, 12, "指标");             /* a row of cells */
    line(&s, 2, 200, 224, 120, 12, "单位");
    line(&s, 2, 300, 336, 120, 12, "2025年");
    line(&s, 2, 100, 196, 149, 16, "\xE3\x80\x80\xE3\x80\x80第二段。");
    line(&s, 2, 100, 228, 178, 16, "The plan aims at");
    line(&s, 2, 100, 150, 207, 16, "growth.");
    char *t = lay_out(&s, 3);
    assert_string_equal(t, "共同富裕示范区方案\n"
                           "一、总体要求加快发展，提高收入。\n"
                           "到2025年，收入增长88万人。\n"
                           "PM2.5浓度下降，PM2.5达标。\n"
                           "| 指标 | 单位 | 2025年 |\n"
                           "第二段。\n"
                           "The plan aims at growth.\n");
    free(t);
}

/* A page in two columns (a gazette's, a cover's): the left column read down, then the
 * right; the title across the gutter first; a paragraph runs on from the foot of the left
 * column to the head of the right, each column's own margins telling where lines end
 * short. A table's short cells beside each other are no columns. */
static void two_columns(void **state)
{
    (void)state;
    static struct sheet s;
    line(&s, 0, 150, 445, 100, 22, "某省人民政府公报");
    line(&s, 0, 92, 280, 150, 16, "第一段文字从左栏开");
    line(&s, 0, 60, 280, 179, 16, "始，一直写到左栏的");
    line(&s, 0, 60, 140, 208, 16, "末尾。");
    line(&s, 0, 92, 280, 237, 16, "第二段从左栏最后一");
    line(&s, 0, 315, 535, 150, 16, "行接到右栏的第一行");
    line(&s, 0, 315, 400, 179, 16, "，结束。");
    line(&s, 0, 347, 535, 208, 16, "第三段在右栏，写满");
    line(&s, 0, 315, 380, 237, 16, "一行。");
    char *t = lay_out(&s, 1);
    assert_string_equal(t, "某省人民政府公报\n"
                           "第一段文字从左栏开始，一直写到左栏的末尾。\n"
                           "第二段从左栏最后一行接到右栏的第一行，结束。\n"
                           "第三段在右栏，写满一行。\n");
    free(t);
    static struct sheet tab;
    const char *const names[] = {"地区生产总值", "居民收入", "城镇化率", "研发投入"};
    for (int r = 0; r < 4; r++) {
        line(&tab, 0, 60, 160, 150 + 29.0f * r, 16, names[r]);
        line(&tab, 0, 320, 352, 150 + 29.0f * r, 16, "5%");
    }
    t = lay_out(&tab, 1);
    assert_string_equal(t, "| 地区生产总值 | 5% |\n| 居民收入 | 5% |\n| 城镇化率 | 5% |\n| 研发投入 | 5% |\n");
    free(t);
}

static void page_number_shapes(void **state)
{
    (void)state;
    static const char *const yes[] = {"— 3 —", "- 12 -", "–7–", "第3页", "第 3 页 共 9 页",
                                      "第三页", "3/9", "12", "·5·", "Page 4", "- ii -"};
    static const char *const no[] = {"2025年", "第3章", "一、", "3.5", "共9页", "（3）", ""};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(pdf_is_page_number(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(pdf_is_page_number(no[i], strlen(no[i])));
}

static void textout_lines(void **state)
{
    (void)state;
    struct textout t = {0};
    textout_put(&t, "  a \n\t b  ", 10);
    textout_break(&t);
    textout_break(&t);
    textout_put(&t, "\x01中\x7f文", 8);
    textout_cell(&t);
    textout_put(&t, "x", 1);
    textout_row_end(&t);
    textout_put(&t, "\xFF", 1);
    size_t n;
    char *s = textout_finish(&t, &n);
    assert_string_equal(s, "a b\n中文 | x |\n\xEF\xBF\xBD\n");
    assert_int_equal(n, strlen(s));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(detection_by_content),
        cmocka_unit_test(charsets),
        cmocka_unit_test(the_article_and_its_heading),
        cmocka_unit_test(pages_saved_by_word),
        cmocka_unit_test(tables_as_rows),
        cmocka_unit_test(word_documents),
        cmocka_unit_test(a_word_table_of_contents),
        cmocka_unit_test(list_numbers),
        cmocka_unit_test(pdf_pages_back_to_paragraphs),
        cmocka_unit_test(two_columns),
        cmocka_unit_test(page_number_shapes),
        cmocka_unit_test(textout_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
