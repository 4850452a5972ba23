/* commands.c — the table of commands, and the hooks every command that opens the database
 * registers. Apart from main.c so that the fuzz targets can link the command line's modules
 * without its main(). */
#include <string.h>
#include "cli.h"
#include "gongfu/paths.h"
#include "gongfu/relations_store.h"
#include "gongfu/search.h"
#include "gongfu/targets.h"

static const struct cli_command *const commands[] = {
    &cmd_import, &cmd_docs, &cmd_tree, &cmd_show, &cmd_search, &cmd_targets, &cmd_compare,
    &cmd_progress, &cmd_ask, &cmd_related,
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

const struct cli_command *cli_command_named(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i]->name, name))
            return commands[i];
    return NULL;
}

size_t cli_command_names(const char **out, size_t cap)
{
    size_t n = 0;
    for (; n < NCOMMANDS && n < cap; n++)
        out[n] = commands[n]->name;
    return n;
}

void cli_register_hooks(void)
{
    targets_set_catalogue(paths_data_file("indicators.tsv"));
    targets_set_regions(paths_data_file("regions.tsv"));
    store_add_hooks(&search_hooks);
    store_add_hooks(&targets_hooks);
    store_add_hooks(&relations_hooks);
}

