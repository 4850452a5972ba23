/* targets_region.c — the region a document's targets are for: its own, or, when the body
 * that issues it sets goals for a region below it, that region. The central government's
 * opinions "关于支持浙江高质量发展建设共同富裕示范区的意见" are issued for 全国 by their
 * issuer but set 浙江省's goals. */
#include <stdint.h>
#include <string.h>
#include "gongfu/targets.h"

/* national above province above city above county; others below all. */
static int level_rank(const char *level)
{
    static const char *const order[] = { "national", "province", "city", "county" };
    for (int i = 0; level && i < 4; i++)
        if (!strcmp(level, order[i]))
            return i;
    return 4;
}

/* Where the earliest of the region's names stands in the title, or SIZE_MAX. */
static size_t named_at(const struct region *g, const char *title)
{
    size_t at = SIZE_MAX;
    const char *p = strstr(title, g->name);
    if (p)
        at = (size_t)(p - title);
    for (size_t k = 0; k < g->naliases; k++)
        if (*g->aliases[k] && (p = strstr(title, g->aliases[k])) && (size_t)(p - title) < at)
            at = (size_t)(p - title);
    return at;
}

const char *targets_region_for(const struct regions *r, const char *title, const char *region,
                               const char *level)
{
    const char *best = NULL;
    size_t best_at = SIZE_MAX;
    int own = level_rank(level);
    for (size_t i = 0; r && title && own < 4 && i < r->n; i++) {
        const struct region *g = &r->v[i];
        if ((region && !strcmp(g->name, region)) || level_rank(g->level) <= own)
            continue;
        size_t at = named_at(g, title);
        if (at < best_at)
            best = g->name, best_at = at;
    }
    return best;
}
