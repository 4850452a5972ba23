/* csv.h — one CSV field as RFC 4180 writes it, for every table gongfu exports. */
#ifndef GONGFU_CSV_H
#define GONGFU_CSV_H

#include <stdio.h>

/* Writes s (NULL as empty), quoted when it holds a comma, quote or line break. */
void csv_field(FILE *f, const char *s);

#endif
