/* span_source.c — the registry of the reader's span sources, and SPAN_LIST's table. */
#include "span_source.h"

#define SPAN_ROW(id, role, current, next, prev) { role, current, CMD_##next, CMD_##prev },
static const struct { enum role role, current; enum cmd next, prev; } kinds[] = {
    SPAN_LIST(SPAN_ROW)
};
#undef SPAN_ROW

void spans_register(struct span_registry *r, enum span_kind k, const struct span_source *s)
{
    if (k < SPAN_COUNT) {
        r->src[k] = *s;
        r->gen++;
    }
}

void spans_changed(struct span_registry *r) { r->gen++; }

enum role span_role(enum span_kind k, int current)
{
    return k < SPAN_COUNT ? (current ? kinds[k].current : kinds[k].role) : ROLE_NORMAL;
}

int span_kind_of_cmd(enum cmd c, int *dir)
{
    for (int k = 0; k < SPAN_COUNT; k++)
        if (c == kinds[k].next || c == kinds[k].prev) {
            *dir = c == kinds[k].next ? 1 : -1;
            return k;
        }
    return -1;
}
