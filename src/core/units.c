/* units.c — units compared: multipliers scaled off, the rest folded, classifiers as one. */
#include <stdlib.h>
#include <string.h>
#include "gongfu/targets.h"
#include "gongfu/units.h"
#include "lexicon.h"

double units_scale(const char *unit, const char **base)
{
    static const struct { const char *w; double x; } mult[] = {
        { "十", 10 }, { "百", 100 }, { "千", 1e3 }, { "万", 1e4 }, { "萬", 1e4 },
        { "亿", 1e8 }, { "億", 1e8 },
    };
    double scale = 1;
    const char *u = unit ? unit : "";
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < sizeof mult / sizeof *mult; i++) {
            size_t l = strlen(mult[i].w);
            /* "千克", "千米", "千瓦" are units of their own. */
            if (!strncmp(u, mult[i].w, l) && u[l] && strncmp(u + l, "克", 3) &&
                strncmp(u + l, "米", 3) && strncmp(u + l, "瓦", 3)) {
                scale *= mult[i].x;
                u += l;
                again = 1;
            }
        }
    }
    *base = u;
    return scale;
}

/* The key every classifier folds to: a control character no folded unit holds. */
#define COUNTED "\x01" "count"

char *units_key(const char *unit)
{
    const char *base;
    units_scale(unit, &base);
    char *k = targets_fold_key(base, strlen(base));
    if (!k)
        return NULL;
    for (size_t i = 0; lex_classifiers[i]; i++) {
        char *c = targets_fold_key(lex_classifiers[i], strlen(lex_classifiers[i]));
        int same = c && !strcmp(c, k);
        free(c);
        if (same) {
            free(k);
            return strdup(COUNTED);
        }
    }
    return k;
}

int units_same(const char *a, const char *b)
{
    char *ka = units_key(a), *kb = units_key(b);
    int same = ka && kb && !strcmp(ka, kb);
    free(ka);
    free(kb);
    return same;
}

static int is_rate(const char *u)
{
    return !strcmp(u, "%") || !strcmp(u, "％") || !strcmp(u, "‰") || strstr(u, "百分点");
}

int units_fit(const char *ind_unit, const char *unit)
{
    if (!ind_unit || !unit || !*unit || !is_rate(ind_unit))
        return 1;
    return is_rate(unit);
}
