/* fuzz_pdf — PDFs, and the layout rules on their own. An input starting "%PDF" is read by
 * MuPDF and laid out as an import does; any other input is a list of lines (page, box,
 * baseline, size, text) for pdf_layout, so that mutations reach the furniture, row and
 * paragraph rules directly. The text must be what the cleaner is promised. */
#include <stdint.h>
#include <string.h>
#include "fuzz.h"
#include "gongfu/import_pdf.h"
#include "gongfu/pdf_layout.h"

#define MAX_LINES 512

/* Each line: page (1 byte, 0–3), x0, x1, baseline (2 bytes each, big-endian, /64 of a
 * point), size (1 byte, /4), length (1 byte), then that many bytes of text. */
static void layout(const uint8_t *d, size_t n)
{
    static struct pdf_line lines[MAX_LINES];
    struct pdf_page_size pages[4] = {{595, 842}, {595, 842}, {842, 595}, {0, 0}};
    size_t k = 0, i = 0;
    while (i + 9 <= n && k < MAX_LINES) {
        size_t len = d[i + 8];
        if (i + 9 + len > n)
            break;
        lines[k++] = (struct pdf_line){d[i] % 4, (float)(d[i + 1] << 8 | d[i + 2]) / 64,
                                       (float)(d[i + 3] << 8 | d[i + 4]) / 64, 0, 0,
                                       (float)(d[i + 5] << 8 | d[i + 6]) / 64,
                                       (float)d[i + 7] / 4, i + 9, len};
        i += 9 + len;
    }
    /* Pages in reading order, as the reader gives them. */
    for (size_t a = 1; a < k; a++)
        for (size_t b = a; b > 0 && lines[b - 1].page > lines[b].page; b--) {
            struct pdf_line t = lines[b];
            lines[b] = lines[b - 1], lines[b - 1] = t;
        }
    size_t len = 0;
    char *out = pdf_layout(lines, k, (const char *)d, pages, 4, &len);
    if (!out)
        fuzz_fail("pdf_layout: no text");
    /* Invalid UTF-8 in the lines is the reader's to prevent; here only its shape counts. */
    for (size_t j = 0; j < len; j++)
        if (out[j] == '\0')
            fuzz_fail("pdf_layout: NUL in the text");
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || memcmp(data, "%PDF", 4)) {
        layout(data, size);
        return 0;
    }
    struct err e = {{0}};
    size_t len = 0;
    char *text = pdf_extract((const char *)data, size, &len, &e);
    if (!text && !e.msg[0])
        fuzz_fail("a PDF refused without a reason");
    if (text)
        fuzz_check_text("pdf", text, len);
    free(text);
    return 0;
}
