/* fuzz_docx — Word documents. An input starting "PK" is read as an archive as it is (libzip's
 * checks, truncation, bad CRCs); any other input is word/document.xml, styles.xml and
 * numbering.xml separated by NUL bytes, put into a fresh archive, so that mutations reach
 * the XML walk (paragraphs, numbering, tables, text boxes) instead of dying in the zip's
 * checksums. The text must be what the cleaner is promised; a refusal must say why. */
#include <stdint.h>
#include <string.h>
#include <zip.h>
#include "fuzz.h"
#include "gongfu/import_docx.h"

/* The parts into a stored (uncompressed) archive in memory; NULL when libzip will not. */
static char *archive(const uint8_t *data, size_t size, size_t *len)
{
    static const char *const names[] = {"word/document.xml", "word/styles.xml",
                                        "word/numbering.xml"};
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? (zip_source_keep(src), zip_open_from_source(src, ZIP_TRUNCATE, &ze)) : NULL;
    char *buf = NULL;
    if (z) {
        size_t at = 0;
        for (size_t p = 0; p < 3 && at <= size; p++) {
            const uint8_t *nul = memchr(data + at, 0, size - at);
            size_t end = nul ? (size_t)(nul - data) : size;
            zip_source_t *s = zip_source_buffer(z, data + at, end - at, 0);
            zip_int64_t i = s ? zip_file_add(z, names[p], s, 0) : -1;
            if (i >= 0)
                zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
            else
                zip_source_free(s);
            at = end + 1;
            if (!nul)
                break;
        }
        zip_stat_t st;
        if (zip_close(z) != 0)
            zip_discard(z);
        else if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
            buf = malloc(st.size + 1);
            if (buf && zip_source_read(src, buf, st.size) == (zip_int64_t)st.size)
                *len = st.size;
            else
                free(buf), buf = NULL;
            zip_source_close(src);
        }
    }
    zip_source_free(src);
    zip_error_fini(&ze);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n = size, len = 0;
    char *zip = size >= 2 && data[0] == 'P' && data[1] == 'K' ? NULL : archive(data, size, &n);
    const char *bytes = zip ? zip : (const char *)data;
    struct err e = {{0}};
    char *text = docx_extract(bytes, n, &len, &e);
    if (!text && !e.msg[0])
        fuzz_fail("a document refused without a reason");
    if (text)
        fuzz_check_text("docx", text, len);
    free(text);
    free(zip);
    return 0;
}
