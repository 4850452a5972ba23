/* err.h — one error message carried up from where a failure is first understood. */
#ifndef GONGFU_ERR_H
#define GONGFU_ERR_H

struct err {
    char msg[512];
};

/* Formats the message; the first failure wins, so callers may add context freely. A
 * message is sanitised as document text is (text_sanitize): a control character in what it
 * quotes (a file name, a config line) becomes a visible replacement, never reaching a
 * terminal. */
void err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefixes context ("file.txt: ") to a message already set. */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
