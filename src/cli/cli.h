/* cli.h — what the command-line front end's subcommands share: output tables in
 * tsv/csv/json, opening the database, and the option conventions. Private to src/cli. */
#ifndef GONGFU_CLI_H
#define GONGFU_CLI_H

#include <stdarg.h>
#include <stdio.h>
#include "args.h"
#include "gongfu/outfile.h"
#include "gongfu/store.h"

/* Exit statuses every command uses. */
enum { EXIT_OK = 0, EXIT_ERR = 1, EXIT_USAGE = 2 };

enum out_format { OUT_TSV, OUT_CSV, OUT_JSON };

/* A table written row by row: tsv (tabs and newlines inside values become spaces),
 * csv (RFC 4180 quoting) or json (an array of objects, one per row). */
struct table_out {
    FILE *f;
    enum out_format fmt;
    int bom;                   /* csv: starts with the byte-order mark (for Excel) */
    const char *const *cols;
    int ncols;
    long nrows;
    unsigned numeric;          /* bit i: column i is a number (unquoted in json) */
    int tty;                   /* a terminal: controls in values are made visible */
};
/* The table format the command line asks for: --format (tsv when not given) and --bom,
 * where the command declares them; "csv-excel" is csv with the BOM. */
void out_format_of(const struct cli_args *a, enum out_format *fmt, int *bom);
void out_begin(struct table_out *t, FILE *f, enum out_format fmt, const char *const *cols,
               int ncols);
/* out_begin with the format the command line asks for. */
void out_begin_args(struct table_out *t, FILE *f, const struct cli_args *a,
                    const char *const *cols, int ncols);
/* Marks columns as numbers (bit i for column i), for json. */
void out_numeric(struct table_out *t, unsigned mask);
/* values[i] may be NULL: empty in tsv/csv, null in json. */
void out_row(struct table_out *t, const char *const *values);
void out_end(struct table_out *t);
/* Where a table goes: standard output, or --output FILE, written to a private file and
 * moved into place by out_close when complete (never replacing a file without --force). */
struct out_dest {
    FILE *f;
    struct outfile file;
    int to_file;
};
int out_open(const struct cli_args *a, struct out_dest *d);
/* ok: the table is complete. 0, or -1 after printing the error (nothing is left). */
int out_close(const struct cli_args *a, struct out_dest *d, int ok);
/* --format xlsx? out_check: exit status 2 (printed) when it lacks --output, else -1. */
int out_xlsx(const struct cli_args *a);
int out_check(const struct cli_args *a);
/* An export (export.h) as the command line asks: xlsx to --output, or long-form csv (BOM
 * with csv-excel or --bom) to standard output or --output. -1 after printing the error. */
struct export;
int out_export(const struct cli_args *a, struct out_dest *d, struct export **x);
int out_export_close(const struct cli_args *a, struct out_dest *d, struct export **x, int ok);
/* The whole of an export: opened as out_export, written by write (0, or -1 with the reason
 * in e), closed, kept only when complete. 0, or -1 after printing the error. The caller
 * says what was written where. */
struct store;
typedef int (*out_export_fn)(struct export *x, struct store *s, const void *table,
                             struct err *e);
int out_export_write(const struct cli_args *a, struct store *s, out_export_fn write,
                     const void *table);

/* A JSON string literal (or null) for v. */
void out_json_string(FILE *f, const char *v);

/* The database paths_db() names (--db, $GONGFU_DB, the default), opened; prints the error
 * and returns NULL on failure. */
struct store *cli_open_store(const char *db_opt, enum store_mode mode);
/* When the database to read is not there: says so (as cli_open_store) and returns
 * EXIT_ERR; -1 when it is. */
int cli_db_missing(const char *db_opt);
/* Registers the core modules' store hooks (search index, targets) once. */
void cli_register_hooks(void);

/* The document called slug; else prints "no document 'x'; did you mean y?" (the nearest
 * slug) as cmd's error and returns -1. */
int cli_find_doc(struct store *s, const char *cmd, const char *slug, struct doc_row **out);
/* For a word that names neither a command nor a document: the error, with the nearest
 * command or slug; returns EXIT_ERR (as for any unknown document). */
int cli_unknown_word(struct store *s, const char *word);
/* --region R of a command that reads: -1 when R names a region (an alias in
 * data/regions.tsv or a document's region, or the start of one, folded: 舟山, 臺州); else
 * prints the usage error "no region 'R'; did you mean …?" (the nearest name) and returns
 * EXIT_USAGE. -1 too when region is NULL. */
int cli_check_region(struct store *s, const struct cli_command *cmd, const char *region);

/* The arguments joined by spaces, as typed (a search's words, a question); malloc'd. */
char *cli_join_args(int argc, char **argv);
/* import_read.c. The bytes of one file to import ("-": standard input), at most max: a
 * regular file read at its size; standard input, a pipe or a device read to its end,
 * telling pg (may be NULL) how much has come. NULL with the reason (a directory, more than
 * max, …) in e. */
struct progress;
char *import_read(const char *path, size_t max, struct progress *pg, size_t *n, struct err *e);
/* "256M", "1G", "500k", "1048576" → bytes; -1 when it is not a size. */
int import_parse_size(const char *s, size_t *out);

/* Prints to f what fmt makes, sanitised as document text is: a file name or word from
 * outside never carries a control sequence to the terminal. */
void cli_say(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_vsay(FILE *f, const char *fmt, va_list ap);
/* Prints "gongfu CMD: message" to stderr, sanitised. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Every subcommand, with its options' table (args.h); main.c lists them. */
extern const struct cli_command cmd_import, cmd_docs, cmd_tree, cmd_show, cmd_search,
    cmd_targets, cmd_compare, cmd_progress, cmd_ask,
    cmd_related;
/* The explorer's options (no command word), and the hidden `gongfu complete`. */
extern const struct cli_command cmd_explorer, cmd_complete;
/* The command called name, or NULL; the names in the order `gongfu --help` lists them. */
const struct cli_command *cli_command_named(const char *name);
size_t cli_command_names(const char **out, size_t cap);

#endif
