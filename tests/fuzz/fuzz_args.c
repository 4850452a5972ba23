/* fuzz_args — the command line's option parser (src/cli/args.c) on any argv (the input's
 * NUL-separated pieces) against a table with every kind of option. Properties: the result
 * is run (-1), help (0) or a usage error (2); when it runs, the arguments are the input's
 * own words in their order, none an option unless it came after "--", their count within
 * the command's bounds; a number is within its range, a choice one of its words. */
#include <string.h>
#include "args.h"
#include "fuzz.h"

static const struct cli_opt opts[] = {
    {"db", ARG_TEXT, "PATH", "the database", VAL_FILE, NULL, 0, 0},
    {"doc", ARG_TEXT, "SLUG", "a document", VAL_SLUG, NULL, 0, 0},
    {"limit", ARG_NUMBER, "N", "at most N", VAL_NONE, NULL, 0, 1000000},
    {"year", ARG_NUMBER, "Y", "a year", VAL_NONE, NULL, 1900, 2200},
    {"format", ARG_CHOICE, "F", "a format", VAL_CHOICES, "tsv csv csv-excel json xlsx", 0, 0},
    {"force", ARG_FLAG, NULL, "replace", VAL_NONE, NULL, 0, 0},
    {"unlinked", ARG_FLAG, NULL, "only those", VAL_NONE, NULL, 0, 0},
    OPT_END,
};

static struct cli_command cmd = {
    .name = "fuzz", .summary = "", .synopsis = "WORD...", .min_args = 1, .max_args = 3,
    .opts = opts,
};

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    devnull = fopen("/dev/null", "w");    /* the usage text and errors go nowhere */
    return devnull ? 0 : 1;
}

static int choice_ok(const char *choices, const char *v)
{
    size_t n = strlen(v);
    for (const char *p = choices; *p; ) {
        size_t w = strcspn(p, " ");
        if (w == n && !strncmp(p, v, n))
            return 1;
        p += w + (p[w] == ' ');
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096 || size < 1)
        return 0;
    /* The first byte chooses the command's shape; the rest are the words. */
    cmd.dash_words = data[0] & 1;
    cmd.max_args = data[0] & 2 ? -1 : 3;
    char *buf = malloc(size);
    memcpy(buf, data + 1, size - 1);
    buf[size - 1] = '\0';
    char *argv[34], *orig[34];
    int argc = 0;
    argv[argc++] = "fuzz";
    for (size_t i = 0; i < size - 1 && argc < 33; i += strlen(buf + i) + 1)
        argv[argc++] = buf + i;
    memcpy(orig, argv, sizeof argv);
    int dashes = argc;      /* where the first "--" is */
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--")) {
            dashes = i;
            break;
        }
    FILE *out = stdout, *err = stderr;
    stdout = stderr = devnull;
    struct cli_args a;
    int rc = args_parse(&cmd, argc, argv, &a);
    stdout = out, stderr = err;
    if (rc != -1 && rc != 0 && rc != 2)
        fuzz_fail("status %d", rc);
    if (rc == -1) {
        if (a.argc < cmd.min_args || (cmd.max_args >= 0 && a.argc > cmd.max_args))
            fuzz_fail("%d arguments run", a.argc);
        int at = 0;
        for (int k = 0; k < a.argc; k++) {
            while (at < argc && orig[at] != a.argv[k])
                at++;
            if (at == argc)
                fuzz_fail("argument %d is not one of the input's words, in order", k);
            if (a.argv[k][0] == '-' && a.argv[k][1] == '-' && a.argv[k][2] && at < dashes)
                fuzz_fail("option-like argument '%s' before --", a.argv[k]);
            at++;
        }
        for (int i = 0; opts[i].name; i++) {
            if (!a.text[i])
                continue;
            if (opts[i].kind == ARG_NUMBER && (a.number[i] < opts[i].min || a.number[i] > opts[i].max))
                fuzz_fail("--%s %lld out of range", opts[i].name, a.number[i]);
            if (opts[i].kind == ARG_CHOICE && !choice_ok(opts[i].choices, a.text[i]))
                fuzz_fail("--%s '%s' not a choice", opts[i].name, a.text[i]);
            if (opts[i].kind == ARG_FLAG && *a.text[i])
                fuzz_fail("flag --%s has a value", opts[i].name);
        }
    }
    free(buf);
    return 0;
}
