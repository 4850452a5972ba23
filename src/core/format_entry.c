/* format_entry.c — the table gongfu-formats.so exports (format_module.h): the readers and
 * the workbook writer that need libxml2, libzip, MuPDF and libxlsxwriter. */
#include "gongfu/format_module.h"
#include "gongfu/import_docx.h"
#include "gongfu/import_html.h"
#include "gongfu/import_pdf.h"

__attribute__((visibility("default")))
const struct format_module gongfu_format_module = {
    .abi = FORMAT_MODULE_ABI,
    .size = sizeof(struct format_module),
    .version = GONGFU_VERSION,
    .html_extract = html_extract,
    .docx_extract = docx_extract,
    .pdf_extract = pdf_extract,
    .sheet_open = sheet_open,
    .sheet_add = sheet_add,
    .sheet_row = sheet_row,
    .sheet_close = sheet_close,
};
