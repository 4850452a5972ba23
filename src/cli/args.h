/* args.h — each command declares its options once, in a table; from it come the parsing
 * (options anywhere, as getopt_long permutes them), the usage text, the errors and the
 * shell completion. Private to src/cli. */
#ifndef GONGFU_CLI_ARGS_H
#define GONGFU_CLI_ARGS_H

#include <stdio.h>

enum arg_kind {
    ARG_FLAG,       /* --unlinked */
    ARG_TEXT,       /* --region R */
    ARG_NUMBER,     /* --limit N: a whole number from min to max */
    ARG_CHOICE,     /* --format F: one word of choices */
};

/* What completion offers for an option's value or a command's arguments. */
enum arg_values {
    VAL_NONE,       /* nothing: free text */
    VAL_FILE,       /* file names */
    VAL_SLUG,       /* the documents' slugs */
    VAL_SLUG_PATH,  /* slugs, and SLUG:PATH for their chapters and items */
    VAL_REGION,     /* the regions that have documents */
    VAL_INDICATOR,  /* the catalogue's indicator slugs */
    VAL_CATEGORY,   /* the catalogue's categories */
    VAL_THEME,      /* the built-in themes and the user's */
    VAL_CHOICES,    /* the option's choices */
};

struct cli_opt {
    const char *name;           /* "limit" for --limit */
    enum arg_kind kind;
    const char *metavar;        /* "N" in "--limit N" */
    const char *help;           /* one line, for the usage text */
    enum arg_values values;     /* for completion */
    const char *choices;        /* ARG_CHOICE: the words, space-separated */
    long long min, max;         /* ARG_NUMBER */
};

/* The options most commands share. */
#define OPT_DB {"db", ARG_TEXT, "PATH", "the database (default: $GONGFU_DB, else the embedded one)", \
                VAL_FILE, NULL, 0, 0}
#define FORMATS_TEXT "tsv csv csv-excel json"
#define FORMATS_SHEET "tsv csv csv-excel json xlsx"
#define OPT_FORMAT(choices) {"format", ARG_CHOICE, "F", \
    "tsv (default), csv, csv-excel (csv with the BOM Excel needs), json", VAL_CHOICES, choices, 0, 0}
#define OPT_FORMAT_SHEET {"format", ARG_CHOICE, "F", \
    "tsv (default), csv, csv-excel, json, or xlsx (a spreadsheet, with --output)", VAL_CHOICES, \
    FORMATS_SHEET, 0, 0}
#define OPT_BOM {"bom", ARG_FLAG, NULL, "csv starts with the byte-order mark Excel needs", \
                 VAL_NONE, NULL, 0, 0}
#define OPT_OUTPUT {"output", ARG_TEXT, "FILE", \
    "write to FILE (a new file; written whole or not at all) instead of standard output", \
    VAL_FILE, NULL, 0, 0}
#define OPT_FORCE {"force", ARG_FLAG, NULL, "let --output replace an existing file", VAL_NONE, \
                   NULL, 0, 0}
#define OPT_END {NULL, 0, NULL, NULL, 0, NULL, 0, 0}

struct cli_args;

struct cli_command {
    const char *name;
    const char *summary;            /* for `gongfu --help` */
    const char *synopsis;           /* the arguments in the usage line: "SLUG[:PATH]" */
    int min_args, max_args;         /* max_args -1: any number */
    enum arg_values arg_values;     /* what completion offers for the arguments */
    int dash_words;                 /* "-word" is an argument (search's exclusions) */
    const struct cli_opt *opts;     /* ends with OPT_END; --help is implied */
    const char *about;              /* the text after the usage line */
    void (*about_data)(FILE *f);    /* prints what follows about that is read from data
                                       files (ask's example questions), or NULL */
    int (*run)(const struct cli_args *a);
};

#define ARGS_MAX_OPTS 24

/* The parsed command line: the options' values by their index in the command's table. */
struct cli_args {
    const struct cli_command *cmd;
    const char *text[ARGS_MAX_OPTS];    /* the value as given (a flag: "") or NULL */
    long long number[ARGS_MAX_OPTS];    /* ARG_NUMBER's value */
    char **argv;                        /* the arguments, options taken out */
    int argc;
};

/* Parses argv[1..argc) (argv[0] is the command's name): options before, between and
 * after the arguments, "--name value" or "--name=value", unambiguous prefixes as
 * getopt_long takes them; "--" ends the options. Returns -1 when the command should run,
 * else the exit status: 0 after --help, 2 after an error naming the option or the value
 * (with the nearest option's name for a misspelt one). argv is permuted in place. */
int args_parse(const struct cli_command *c, int argc, char **argv, struct cli_args *a);
/* The value of option `name` (which must be in the command's table), or NULL. */
const char *args_text(const struct cli_args *a, const char *name);
/* 1 if the flag or option was given. */
int args_flag(const struct cli_args *a, const char *name);
/* A number option's value, or dflt when it was not given. */
long long args_number(const struct cli_args *a, const char *name, long long dflt);
/* The option called name in the table, or NULL. */
const struct cli_opt *args_find(const struct cli_opt *opts, const char *name);
/* The usage text: the synopsis, the command's text, one line per option. */
void args_usage(const struct cli_command *c, FILE *f);
/* Prints "gongfu CMD: message" and "Try 'gongfu CMD --help'."; returns 2. */
int args_error(const struct cli_command *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The nearest of n words to w by edit distance, when near enough to be a likely misspelling
 * (at most a third of its length, at least 1, at most 3); NULL otherwise. */
const char *args_nearest(const char *w, const char *const *words, size_t n);

#endif
