/* cmd_import.c — `gongfu import`: files into the database, all or nothing. */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/format.h"
#include "gongfu/describe.h"
#include "gongfu/search.h"
#include "gongfu/sha256.h"
#include "gongfu/structure.h"
#include "gongfu/text.h"
#include "gongfu/workq.h"
#include "progress.h"

static const char about[] =
    "Imports plans into the database in one transaction: texts (UTF-8, UTF-8 with BOM,\n"
    "GB18030/GBK), web pages, Word documents (.docx) and PDFs, told apart by their content;\n"
    "'-' reads standard input. A file imported again replaces its documents, and a file that\n"
    "fails leaves the database as it was. The new database is built beside the old one and\n"
    "replaces it whole when done; readers keep what they opened. One import at a time:\n"
    "another waits for the lock (PATH.lock), saying who holds it. A search index built by\n"
    "another gongfu (another format or folding table) is built anew from the stored text by\n"
    "any import, or by --reindex alone.\n";

struct seen {
    char sha[65];           /* the SHA-256 of a file imported in this run; "" free */
    const char *path;
};

struct totals {
    size_t docs, chapters, items, bytes;
    struct seen *seen;      /* a hash set by SHA-256, so that 10,000 files cost O(n) */
    size_t seen_cap, nseen;
    struct progress *pg;    /* cleared before a message is said */
};

/* The file's full path, symlinks resolved, which identifies it with its content; NULL for
 * standard input. malloc'd. */
static char *full_path(const char *path)
{
    if (!strcmp(path, "-"))
        return NULL;
    char *real = realpath(path, NULL);
    if (real || path[0] == '/')
        return real ? real : strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *abs = malloc(n);
    if (abs)
        snprintf(abs, n, "%s/%s", cwd, path);
    return abs;
}

/* The slot of sha in a table of cap (a power of 2) slots: its own, or the free one it
 * would take. The hash is the digest's own first 16 hex digits. */
static struct seen *seen_slot(struct seen *v, size_t cap, const char *sha)
{
    char head[17];
    memcpy(head, sha, 16);
    head[16] = '\0';
    size_t h = (size_t)strtoull(head, NULL, 16);
    for (h &= cap - 1; v[h].sha[0] && strcmp(v[h].sha, sha); h = (h + 1) & (cap - 1))
        ;
    return &v[h];
}

/* The same bytes as a file earlier in this run: that file's name (they are one source). */
static const char *seen_before(struct totals *t, const char *sha, const char *path)
{
    if (t->seen) {
        struct seen *at = seen_slot(t->seen, t->seen_cap, sha);
        if (at->sha[0])
            return at->path;
    }
    if (2 * (t->nseen + 1) > t->seen_cap) {     /* at most half full */
        size_t cap = t->seen_cap ? 2 * t->seen_cap : 64;
        struct seen *v = calloc(cap, sizeof *v);
        if (!v)
            return NULL;        /* the same bytes then import twice: no harm but the work */
        for (size_t i = 0; i < t->seen_cap; i++)
            if (t->seen[i].sha[0])
                *seen_slot(v, cap, t->seen[i].sha) = t->seen[i];
        free(t->seen);
        t->seen = v, t->seen_cap = cap;
    }
    struct seen *at = seen_slot(t->seen, t->seen_cap, sha);
    memcpy(at->sha, sha, 65);
    at->path = path;
    t->nseen++;
    return NULL;
}

/* One file read, decoded and parsed: the work before its documents are stored, which the
 * import does for the next file on a thread of its own while it stores this one (a regular
 * file's: a stream's progress is shown as it comes, so it is read on the import's thread,
 * when nothing else is being read). */
struct prep {
    const char *path;
    const char *base;        /* path's last part: the source's name ("-" for stdin) */
    const struct structure_opts *o;
    const char *encoding;
    enum format format;
    size_t max;
    struct progress *pg;     /* NULL on the thread */
    char *raw, *full;
    size_t n;
    char sha[65];
    struct format_text ft;
    int have_ft;
    struct doc *docs;
    size_t ndocs;
    int rc;
    struct err e;
    uint64_t ticket;
};

static void prep_run(void *arg)
{
    struct prep *p = arg;
    const char *path = p->path;
    p->raw = import_read(path, p->max, p->pg, &p->n, &p->e);
    if (!p->raw) {
        p->rc = -1;
        return;
    }
    sha256_hex(p->raw, p->n, p->sha);
    const char *slash = strrchr(path, '/');
    p->base = slash ? slash + 1 : path;
    struct structure_opts opts = *p->o;
    opts.fallback_title = strcmp(path, "-") ? p->base : "stdin";
    p->full = full_path(path);
    p->rc = format_read(p->raw, p->n, p->format, p->encoding, &p->ft, &p->e);
    p->have_ft = p->rc == 0;
    if (p->rc == 0)
        p->rc = structure_parse(&p->ft.text, &opts, &p->docs, &p->ndocs, &p->e);
}

static void prep_free(struct prep *p)
{
    if (p->have_ft)
        format_text_free(&p->ft);
    structure_free(&p->docs, p->ndocs);
    free(p->full), free(p->raw);
    *p = (struct prep){0};
}

/* Whether path can be read on the thread: a regular file. */
static int readable_ahead(const char *path)
{
    struct stat st;
    return strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Stores the file p prepared. A file read counts in the bytes unless it is the same as
 * one before (which is said, and not an error). */
static int import_one(struct store *s, struct prep *p, struct totals *t, struct err *e)
{
    if (p->raw) {
        const char *same = seen_before(t, p->sha, p->path);
        if (same) {
            progress_end(t->pg);
            cli_say(stderr, "gongfu import: %s: the same bytes as %s, imported once\n",
                    p->path, same);
            return 0;
        }
        t->bytes += p->n;
    }
    if (p->rc < 0) {
        *e = p->e;
        return -1;
    }
    struct source_file src = { .name = p->base, .raw = p->ft.shown, .size = p->ft.shown_len,
                               .encoding = p->ft.encoding, .path = p->full,
                               .sha256 = p->sha, .file_size = p->n };
    if (store_put_source(s, &src, p->docs, p->ndocs, e) < 0)
        return -1;
    for (size_t i = 0; i < p->ndocs; i++) {
        t->docs++;
        for (size_t k = 0; k < p->docs[i].nnodes; k++) {
            t->chapters += p->docs[i].nodes[k].kind == NODE_CHAPTER;
            t->items += p->docs[i].nodes[k].kind == NODE_ITEM;
        }
    }
    return 0;
}

static void say_waiting(const char *holder, void *db)
{
    cli_say(stderr, "gongfu import: %s is locked by another import (%s); waiting for it to "
            "finish (--no-wait fails instead)\n", (const char *)db, holder);
}

static int run(const struct cli_args *a)
{
    const char *db = args_text(a, "db"), *encoding = args_text(a, "encoding");
    enum format format = FORMAT_AUTO;
    if (args_text(a, "format"))
        format_from_name(args_text(a, "format"), &format);   /* the table checked the name */
    struct structure_opts so = {.region = args_text(a, "region"), .title = args_text(a, "title")};
    struct store_write_opts wo = { .fresh = args_flag(a, "fresh"),
                                   .no_wait = args_flag(a, "no-wait"), .waiting = say_waiting };
    int reindex = args_flag(a, "reindex");
    if (a->argc == 0 && !reindex)
        return args_error(a->cmd, "no file to import (--reindex rebuilds the search index alone)");
    if (db && (!*db || !strcmp(db, ":memory:") || !strncmp(db, "file:", 5)))
        return args_error(a->cmd, "--db '%s': the database must be a file name", db);
    size_t max = (size_t)256 << 20;
    const char *limit = args_text(a, "max-size");
    if (limit && import_parse_size(limit, &max) < 0)
        return args_error(a->cmd, "--max-size '%s': a size such as 256M, 1G or 500k", limit);
    struct err e = {{0}};
    struct regions regions;
    if (regions_load(paths_data_file("regions.tsv"), &regions, &e) < 0) {
        cli_error("import", "%s", e.msg);
        return EXIT_ERR;
    }
    so.regions = &regions;
    /* A file size limit (ulimit -f) must be a write error with a message, not a death. */
    signal(SIGXFSZ, SIG_IGN);
    cli_register_hooks();
    const char *path = paths_db(db);
    wo.ctx = (void *)path;
    struct store *s;
    if (store_open_write(path, &wo, &s, &e) < 0) {
        cli_error("import", "%s", e.msg);
        regions_free(&regions);
        return EXIT_ERR;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct progress pg;
    progress_start(&pg, a->argv, a->argc);
    struct totals tot = {.pg = &pg};
    int rc = store_begin(s, &e);
    if (rc == 0 && reindex)
        rc = search_reindex(store_db(s), &e);
    /* File i + 1 is read and parsed on the thread while file i is stored. */
    struct prep prep[2] = {{0}};
    struct workq *q = NULL;
    if (rc == 0 && a->argc > 1 && workq_start(&q, 1) < 0)
        rc = -1, err_set(&e, "out of memory");
    for (int i = 0; rc == 0 && i < a->argc; i++) {
        struct prep *p = &prep[i % 2], *next = &prep[(i + 1) % 2];
        if (!p->path) {          /* not read ahead: read here, nothing else being read */
            *p = (struct prep){ .path = a->argv[i], .o = &so, .encoding = encoding,
                                .format = format, .max = max, .pg = &pg };
            prep_run(p);
        } else {
            workq_wait(q, p->ticket);
        }
        if (i + 1 < a->argc && readable_ahead(a->argv[i + 1])) {
            *next = (struct prep){ .path = a->argv[i + 1], .o = &so, .encoding = encoding,
                                   .format = format, .max = max };
            next->ticket = workq_submit(q, prep_run, next);
        }
        size_t before = tot.bytes;
        if ((rc = import_one(s, p, &tot, &e)) < 0)
            err_prefix(&e, "%s: ", a->argv[i]);
        prep_free(p);
        progress_file(&pg, tot.bytes - before);
    }
    workq_stop(&q);
    prep_free(&prep[0]), prep_free(&prep[1]);
    if (rc == 0) {
        progress_committing(&pg);
        rc = store_commit(s, &e);
    }
    progress_end(&pg);
    if (rc < 0) {
        store_rollback(s);
        cli_error("import", "%s; nothing was imported", e.msg);
    } else {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        cli_say(stderr, "gongfu import: %zu documents (%zu chapters, %zu items) from %d files, "
                "%.1f MB in %.0f ms, into %s\n", tot.docs, tot.chapters, tot.items,
                a->argc, (double)tot.bytes / 1e6, ms, path);
    }
    store_close(&s);
    regions_free(&regions);
    free(tot.seen);
    return rc < 0 ? EXIT_ERR : EXIT_OK;
}

static const struct cli_opt opts[] = {
    OPT_DB,
    {"fresh", ARG_FLAG, NULL, "a new database of these files alone, replacing all PATH held",
     VAL_NONE, NULL, 0, 0},
    {"no-wait", ARG_FLAG, NULL, "fail at once when another import holds the lock", VAL_NONE,
     NULL, 0, 0},
    {"max-size", ARG_TEXT, "SIZE", "refuse a file larger than SIZE (default 256M; k, M, G: "
     "1024-based)",
     VAL_NONE, NULL, 0, 0},
    {"region", ARG_TEXT, "R", "the region of the documents (default: from their titles)",
     VAL_REGION, NULL, 0, 0},
    {"title", ARG_TEXT, "T", "the title of each file's first document (default: from the text)",
     VAL_NONE, NULL, 0, 0},
    {"reindex", ARG_FLAG, NULL, "build the search index anew from the stored text (no FILE "
     "needed)", VAL_NONE, NULL, 0, 0},
    {"encoding", ARG_TEXT, "E", "the encoding of texts and web pages (default: a page's "
     "declared charset, else UTF-8, else GB18030)", VAL_NONE, NULL, 0, 0},
    {"format", ARG_CHOICE, "F", "what the files are (default: auto, told by their content)",
     VAL_CHOICES, "auto text html docx pdf", 0, 0},
    OPT_END,
};

const struct cli_command cmd_import = {
    .name = "import", .summary = "import plans (text, web page, docx, PDF) into the database",
    .synopsis = "[FILE...]", .min_args = 0, .max_args = -1, .arg_values = VAL_FILE,
    .opts = opts, .run = run,
    .about = about,
};
