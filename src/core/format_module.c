/* format_module.c — gongfu-formats.so found and loaded on first use (format_module.h). */
#include <dlfcn.h>
#include <string.h>
#include "gongfu/format_module.h"
#include "gongfu/paths.h"

/* Defined only where the module's objects are linked in (the unit tests, the fuzzers). The
 * reference is weak so that gongfu itself, which does not link them, sees NULL here and
 * loads the module instead. */
extern const struct format_module gongfu_format_module __attribute__((weak));

static const char *const what_to_do =
    "it reads web pages, Word documents and PDFs and writes .xlsx; build it with `make` "
    "in the source tree, or reinstall gongfu (`make install`)";

/* Checked before any of its functions is called: a table of another layout would be
 * called through the wrong pointers. */
static int usable(const struct format_module *m, const char *path, struct err *e)
{
    if (m->abi == FORMAT_MODULE_ABI && m->size == sizeof *m && m->version &&
        !strcmp(m->version, GONGFU_VERSION))
        return 1;
    err_set(e, "%s is from another build of gongfu (%s), not this one (%s): %s", path,
            m->version ? m->version : "?", GONGFU_VERSION, what_to_do);
    return 0;
}

const struct format_module *format_module(struct err *e)
{
    /* Atomic: an import may read files on more than one thread; loading twice is harmless
     * (dlopen counts), reading a half-written pointer is not. */
    static const struct format_module *_Atomic loaded;
    const struct format_module *m = loaded;
    if (m)
        return m;
    if (&gongfu_format_module) {
        loaded = &gongfu_format_module;
        return &gongfu_format_module;
    }
    const char *path = paths_lib_file(FORMAT_MODULE_FILE);
    /* RTLD_NOW: a symbol missing from this program fails here, with dlerror naming it,
     * not later in the middle of a read. The module is never unloaded. */
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        size_t n = strlen(path);
        if (why && !strncmp(why, path, n) && !strncmp(why + n, ": ", 2))
            why += n + 2;             /* dlerror names the file too */
        err_set(e, "the format module %s cannot be loaded (%s): %s", path,
                why ? why : "unknown error", what_to_do);
        return NULL;
    }
    m = dlsym(h, "gongfu_format_module");
    if (!m) {
        err_set(e, "%s is not gongfu's format module (no table in it): %s", path, what_to_do);
        dlclose(h);
        return NULL;
    }
    if (!usable(m, path, e)) {
        dlclose(h);
        return NULL;
    }
    loaded = m;
    return m;
}
