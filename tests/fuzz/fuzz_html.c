/* fuzz_html — any bytes as a web page: decoded by BOM, declared charset or detection, parsed
 * by libxml2, the article found and rendered, then cleaned and structured as `gongfu import`
 * does. The text must be what the cleaner is promised (fuzz_check_text); a page that cannot
 * be read must say why. */
#include <stdint.h>
#include "fuzz.h"
#include "gongfu/format.h"
#include "gongfu/structure.h"

static struct regions regions;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_load_regions(&regions);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct err e = {{0}};
    struct format_text ft;
    if (format_read((const char *)data, size, FORMAT_HTML, NULL, &ft, &e) < 0) {
        if (!e.msg[0])
            fuzz_fail("a page refused without a reason");
        return 0;
    }
    fuzz_check_text("html", ft.text.text, ft.text.len);
    struct structure_opts o = {.regions = &regions, .fallback_title = "fuzz.html"};
    struct doc *docs = NULL;
    size_t ndocs = 0;
    if (structure_parse(&ft.text, &o, &docs, &ndocs, &e) == 0) {
        for (size_t i = 0; i < ndocs; i++)
            for (size_t k = 0; k < docs[i].nnodes; k++)
                if (docs[i].nodes[k].raw_end > ft.shown_len)
                    fuzz_fail("node past the stored text");
        structure_free(&docs, ndocs);
    }
    format_text_free(&ft);
    return 0;
}
