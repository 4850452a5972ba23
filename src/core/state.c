/* state.c — the per-user state file: "last" and "mark" lines of tab-separated fields.
 * Unknown lines are ignored so an older gongfu can read a newer file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gongfu/paths.h"
#include "gongfu/state.h"

const char *state_dir(void)
{
    static char dir[4096];
    const char *x = getenv("XDG_STATE_HOME");
    const char *h = getenv("HOME");
    int n;
    /* The XDG spec says a relative $XDG_STATE_HOME is to be ignored. */
    if (x && x[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/gongfu", x);
    else if (h && h[0])
        n = snprintf(dir, sizeof dir, "%s/.local/state/gongfu", h);
    else
        return NULL;
    return n > 0 && (size_t)n < sizeof dir ? dir : NULL;
}

int state_mark_index(int letter)
{
    if (letter >= 'a' && letter <= 'z')
        return letter - 'a';
    if (letter >= 'A' && letter <= 'Z')
        return 26 + letter - 'A';
    return -1;
}

static int field_ok(const char *s, size_t cap)
{
    return s && strlen(s) < cap && !strpbrk(s, "\t\n\r");
}

int state_pos_set(struct state_pos *pos, const char *slug, const char *path, long offset)
{
    if (!field_ok(slug, sizeof pos->slug) || !slug[0] || !field_ok(path, sizeof pos->path))
        return -1;
    memset(pos, 0, sizeof *pos);
    strcpy(pos->slug, slug);
    strcpy(pos->path, path);
    pos->offset = offset < 0 ? 0 : offset;
    return 0;
}

/* Parses "slug\tpath\toffset" (the tail of a line). */
static int parse_pos(char *s, struct state_pos *pos)
{
    /* strsep, not strtok: an empty path (the whole document) is a field too. */
    char *slug = strsep(&s, "\t");
    char *path = strsep(&s, "\t");
    char *off = strsep(&s, "\t");
    if (!slug || !path || !off || !*off)
        return -1;
    char *end;
    long o = strtol(off, &end, 10);
    if (*end)
        return -1;
    return state_pos_set(pos, slug, path, o);
}

static void parse_line(struct state *st, char *line)
{
    line[strcspn(line, "\r\n")] = '\0';
    if (!strncmp(line, "last\t", 5)) {
        if (parse_pos(line + 5, &st->last) == 0)
            st->has_last = 1;
    } else if (!strncmp(line, "mark\t", 5) && line[5] && line[6] == '\t') {
        int i = state_mark_index((unsigned char)line[5]);
        if (i >= 0 && parse_pos(line + 7, &st->marks[i]) == 0)
            st->marks_set |= (uint64_t)1 << i;
    }
}

int state_load(struct state *st, struct err *e)
{
    memset(st, 0, sizeof *st);
    const char *dir = state_dir();
    if (!dir)
        return 0;
    char path[4200];
    snprintf(path, sizeof path, "%s/state", dir);
    /* A regular file only, of a sensible size: a FIFO or a link to /dev/zero put there must
     * neither hang the start nor be read for ever. */
    struct err why = {{0}};
    char *text = paths_read(path, PATHS_CONFIG_MAX, NULL, &why);
    if (!text) {
        if (errno == ENOENT)
            return 0;
        err_set(e, "%s", why.msg);
        return -1;
    }
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        parse_line(st, line);
    }
    free(text);
    return 0;
}

/* The directory that must already be there for the state's to be made in it: HOME, or
 * the parent of $XDG_STATE_HOME (which the XDG spec lets a program create). */
static int state_base(char *base, size_t cap)
{
    const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");
    if (x && x[0] == '/') {
        snprintf(base, cap, "%s", x);
        char *slash = strrchr(base, '/');
        if (slash == base)
            slash[1] = '\0';
        else
            *slash = '\0';
        return 0;
    }
    return h && h[0] ? (snprintf(base, cap, "%s", h), 0) : -1;
}

/* The directories of dir below base, made with mode 0700 (the state is private to its
 * user); base must exist: a HOME that does not is an error, not a tree made from "/". */
static int make_dirs(const char *dir, struct err *e)
{
    char base[4096], buf[4096];
    struct stat st;
    if (state_base(base, sizeof base) < 0 || stat(base, &st) < 0 || !S_ISDIR(st.st_mode)) {
        err_set(e, "%s: no such directory: set HOME (or XDG_STATE_HOME) to one that exists",
                base);
        return -1;
    }
    size_t bl = strlen(base);
    snprintf(buf, sizeof buf, "%s", dir);
    if (strncmp(buf, base, bl))
        bl = 0;
    for (char *p = buf + bl + 1; p <= buf + strlen(dir); p++) {
        if (*p != '/' && *p)
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(buf, 0700) < 0 && errno != EEXIST) {
            err_set(e, "%s: %s", buf, strerror(errno));
            return -1;
        }
        *p = c;
        if (!c)
            break;
    }
    return 0;
}

/* The file's text for st, malloc'd (*len its length); NULL when memory ran out. */
static char *state_text(const struct state *st, size_t *len)
{
    char *text = NULL;
    FILE *f = open_memstream(&text, len);
    if (!f)
        return NULL;
    fprintf(f, "# gongfu state: where you left off and your bookmarks\n");
    if (st->has_last)
        fprintf(f, "last\t%s\t%s\t%ld\n", st->last.slug, st->last.path, st->last.offset);
    for (int i = 0; i < STATE_MARKS; i++) {
        if (!(st->marks_set >> i & 1))
            continue;
        const struct state_pos *m = &st->marks[i];
        fprintf(f, "mark\t%c\t%s\t%s\t%ld\n", i < 26 ? 'a' + i : 'A' + i - 26, m->slug,
                m->path, m->offset);
    }
    if (fclose(f) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* What the file at path holds against text: STATE_SAME, STATE_OTHER (another text, or
 * a file state_load would not read), or STATE_NONE (no file). */
enum held { STATE_SAME, STATE_OTHER, STATE_NONE };

static enum held held_text(const char *path, const char *text, size_t len)
{
    struct err why = {{0}};
    size_t n = 0;
    char *old = paths_read(path, PATHS_CONFIG_MAX, &n, &why);
    if (!old)
        return errno == ENOENT ? STATE_NONE : STATE_OTHER;
    enum held h = n == len && !memcmp(old, text, len) ? STATE_SAME : STATE_OTHER;
    free(old);
    return h;
}

/* Temporary file, fsync (sync), rename: a reader, or a crash, sees the old file or the
 * new one, never a new one not yet on the disk in the old one's place. */
static int replace(const char *dir, const char *path, const char *text, size_t len, int sync,
                   struct err *e)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s/state.XXXXXX", dir);
    int fd = mkstemp(tmp);   /* created 0600 */
    if (fd < 0) {
        err_set(e, "%s: %s", tmp, strerror(errno));
        return -1;
    }
    int bad = 0;
    for (size_t off = 0; off < len && !bad;) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        bad = w <= 0;
        off += bad ? 0 : (size_t)w;
    }
    bad = bad || (sync && fsync(fd) != 0);
    if (close(fd) != 0 || bad || rename(tmp, path) < 0) {
        err_set(e, "%s: %s", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* Written only when the file does not already say the same: quitting where the last run
 * left off, with the same bookmarks, costs no fsync (0.5–1.2 ms at a q, several under a
 * disk's load; issue 15). Nor does the first file: the fsync keeps a crash from leaving
 * an empty file in an old one's place, and there is none (a crash then leaves no file or
 * an empty one, both read as no state, as it would have without this run). */
int state_save(const struct state *st, struct err *e)
{
    const char *dir = state_dir();
    if (!dir) {
        err_set(e, "no place for the state file: neither XDG_STATE_HOME nor HOME is set");
        return -1;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/state", dir);
    size_t len = 0;
    char *text = state_text(st, &len);
    if (!text) {
        err_set(e, "%s: out of memory", path);
        return -1;
    }
    enum held h = held_text(path, text, len);
    int rc = 0;
    if (h != STATE_SAME)
        rc = make_dirs(dir, e) < 0 ? -1 : replace(dir, path, text, len, h == STATE_OTHER, e);
    free(text);
    return rc;
}
