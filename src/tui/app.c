/* app.c — start-up, the loop and shut-down of the explorer. The loop: act on signals,
 * redraw what is dirty with one doupdate, wait for one input, handle it. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "gongfu/search.h"
#include "gongfu/targets.h"
#include "gongfu/text.h"
#include "app.h"
#include "builtin.h"
#include "draw.h"
#include "keyseq.h"
#include "reader.h"
#include "gongfu/paths.h"
#include "script.h"
#include "term.h"
#include "tui.h"

static const char usage[] =
    "usage: gongfu [--db PATH] [--theme NAME] [--ambiwidth 1|2] [--text-width N]\n"
    "              [SLUG[:PATH] | --search WORDS]\n"
    "The full-screen explorer: read, compare and search the plans. ? inside shows every key.\n"
    "  SLUG[:PATH]     open at a document or section (zhoushan-plan:4.15)\n"
    "  --search WORDS  open with the search results for WORDS showing\n"
    "  --theme NAME    default, light, mono, high-contrast, or ~/.config/gongfu/themes/NAME.theme\n"
    "  --ambiwidth N   2 if the terminal draws “ ” — · ① two columns wide (CJK set-ups);\n"
    "                  found out by asking the terminal when not given\n"
    "  --text-width N  the reading column's lines at most N columns wide (default 90, a\n"
    "                  readable measure of 45 characters; 0: as wide as the pane)\n"
    "Environment: GONGFU_DB, NO_COLOR, GONGFU_THEME, XDG_STATE_HOME, XDG_CONFIG_HOME.\n";

/* The reading column's default measure: 45 Chinese characters a line, the upper end of
 * what typesetters give a line of Chinese text. */
#define TEXT_WIDTH_DEFAULT 90

struct opts {
    const char *db, *theme, *start;
    char search[1024];
    int searching, ambiwidth, text_width;
};

static int parse_opts(int argc, char **argv, struct opts *o)
{
    static const struct option longs[] = {
        { "db", required_argument, 0, 'd' },     { "theme", required_argument, 0, 't' },
        { "ambiwidth", required_argument, 0, 'a' }, { "search", no_argument, 0, 's' },
        { "text-width", required_argument, 0, 'w' },
        { "help", no_argument, 0, 'h' },         { 0, 0, 0, 0 },
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+h", longs, NULL)) != -1) {
        switch (c) {
        case 'd': o->db = optarg; break;
        case 't': o->theme = optarg; break;
        case 's': o->searching = 1; break;
        case 'h': fputs(usage, stdout); return 0;
        case 'w': {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*end || end == optarg || w < 0 || w > 1000) {
                fprintf(stderr, "gongfu: --text-width is a number of columns, 0 to 1000\n%s", usage);
                return 2;
            }
            o->text_width = (int)w;
            break;
        }
        case 'a':
            if (strcmp(optarg, "1") && strcmp(optarg, "2")) {
                fprintf(stderr, "gongfu: --ambiwidth is 1 or 2\n%s", usage);
                return 2;
            }
            o->ambiwidth = atoi(optarg);
            break;
        default: fputs(usage, stderr); return 2;
        }
    }
    if (o->searching) {
        size_t n = 0;
        for (int i = optind; i < argc && n < sizeof o->search - 1; i++)
            n += (size_t)snprintf(o->search + n, sizeof o->search - n, "%s%s", n ? " " : "",
                                  argv[i]);
    } else if (optind < argc) {
        o->start = argv[optind];
        if (optind + 1 < argc) {
            fputs(usage, stderr);
            return 2;
        }
    }
    return -1;
}

/* ---- start-up ---- */

static int load_keys(struct app *a, struct err *e)
{
    if (keymap_load(&a->keys, builtin_text("keys.conf"), "keys.conf", e) < 0)
        return -1;
    char *user = paths_config_read(NULL, "keys.conf", e);
    if (!user)
        return e->msg[0] ? -1 : 0;
    char origin[4200];
    snprintf(origin, sizeof origin, "%s/keys.conf", paths_config_dir());
    int rc = keymap_load(&a->keys, user, origin, e);
    free(user);
    return rc;
}

/* Where to open: SLUG[:PATH], else where the user left off, else the first document.
 * -1 with e set; 1 when SLUG names no document, its name in e. */
static int start_loc(struct app *a, const char *spec, struct loc *l, struct err *e)
{
    if (spec) {
        struct state_pos p;
        char slug[256];
        snprintf(slug, sizeof slug, "%s", spec);
        char *colon = strchr(slug, ':');
        if (colon)
            *colon = '\0';
        if (state_pos_set(&p, slug, colon ? colon + 1 : "", 0) < 0 ||
            corpus_pos_to_loc(&a->corpus, &p, l) < 0) {
            if (corpus_doc_by_slug(&a->corpus, slug) < 0) {
                err_set(e, "%s", slug);
                return 1;
            }
            /* An outline that could not be read (a damaged database, no memory) is not
             * one without that path: say why, not that the user mistyped it. */
            if (a->corpus.failed[0])
                err_set(e, "cannot read the chapters and items of %s: %s", slug,
                        a->corpus.failed);
            else
                err_set(e, "%s has no chapter or item \"%s\" (see 'gongfu tree %s')", slug,
                        colon ? colon + 1 : "", slug);
            return -1;
        }
        return 0;
    }
    if (a->state.has_last && corpus_pos_to_loc(&a->corpus, &a->state.last, l) == 0)
        return 0;
    *l = (struct loc){ a->corpus.ndocs ? a->corpus.doc_order[0] : -1, 0, 0 };
    return 0;
}

static void save_state(struct app *a)
{
    struct err e = { "" };
    if (app_here(a).doc >= 0 && corpus_loc_to_pos(&a->corpus, app_here(a), &a->state.last) == 0)
        a->state.has_last = 1;
    if (state_save(&a->state, &e) < 0)
        fprintf(stderr, "gongfu: could not save where you left off: %s\n", e.msg);
}

/* ---- the loop ---- */

static long usec_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000000L + (t.tv_nsec - t0->tv_nsec) / 1000;
}

/* The terminal's late answer to the width probe (term.h): swallowed, and when it says
 * the terminal draws ambiguous characters otherwise than the screen assumed, everything
 * drawn again for that width. */
static void late_reply(struct app *a, int width)
{
    if (width <= 0 || a->ambiwidth_given || (width == 2) == draw_ambi2())
        return;
    draw_init(width == 2);
    app_notify(a, UI_GLYPHS);
    clearok(curscr, TRUE);
    a->dirty |= DIRTY_LAYOUT;
}

/* The next input from the terminal (wait: for as long as it takes, else only one there
 * already); 0 when there was none, a signal interrupted the wait, or what came was the
 * terminal's answer to a question, not a key. */
static int read_input(struct app *a, struct input *in, int wait)
{
    wint_t ch;
    memset(in, 0, sizeof *in);
    int rc = term_read_key(&ch, wait);
    if (rc == ERR)
        return 0;
    int reply = term_reply(rc == KEY_CODE_YES, ch);
    if (reply) {
        late_reply(a, reply);
        return 0;
    }
    in->key = keyseq_decode(rc == KEY_CODE_YES, (uint32_t)ch);
    if (in->key == KEYF(KEY_MOUSE) && getmouse(&in->mouse) != OK)
        return 0;
    return 1;
}

static int dirty_panes(const struct app *a)
{
    for (int i = 0; i < PANE_COUNT; i++)
        if (a->panes[i].dirty)
            return 1;
    return 0;
}

static void signals(struct app *a)
{
    if (term_quit_sig)
        a->quit = 1;
    if (term_stop_req) {
        term_stop_req = 0;
        save_state(a);
        term_suspend();
        a->dirty |= DIRTY_LAYOUT;
    }
    if (term_winch || term_cont) {
        term_winch = term_cont = 0;
        term_resize();
        a->dirty |= DIRTY_LAYOUT;
    }
}

/* An outline read on the way that could not be (corpus_outline) is said on the status
 * line; 1 when there was one. */
static int say_failed(struct app *a)
{
    if (!a->corpus.failed[0])
        return 0;
    ui_message(&a->ui, ROLE_ERROR, "%s", a->corpus.failed);
    a->corpus.failed[0] = '\0';
    return 1;
}

/* A key typed ahead (in the terminal, or an "ahead" line of the script) into in; 0 when
 * none waits. */
static int typed_ahead(struct app *a, struct script *sc, struct input *in)
{
    return sc ? script_ahead(sc) && script_next(sc, in) : read_input(a, in, 0);
}

static void loop(struct app *a, struct script *sc, FILE *timing)
{
    struct timespec t0;
    int timed = 0, drawn = 0;
    keycode last = 0;
    while (!a->quit) {
        signals(a);
        if (a->quit)
            break;
        /* Keys typed ahead (a key held down, a slow link) are handled before the screen is
         * drawn: the terminal gets the screen they lead to, not every one on the way. The
         * first screen is drawn whatever is typed ahead (as less does). */
        struct input in;
        int ahead = drawn && typed_ahead(a, sc, &in);
        say_failed(a);
        if (!ahead && (a->dirty || dirty_panes(a) || a->ui.spans.gen != a->spans_seen)) {
            app_redraw(a);
            if (say_failed(a))   /* found while drawing */
                app_redraw(a);
            drawn = 1;
        }
        /* What a screen leaves for later (the rest of the document laid out, the line
         * count on the status line) is done when no key waits, and shown. */
        struct pane *rp = &a->panes[PANE_READER];
        if (!ahead && !reader_laid_out(rp) && !(ahead = typed_ahead(a, sc, &in)) &&
            reader_idle(rp))
            app_redraw(a);
        if (timed && timing)
            fprintf(timing, "%ld %d\n", usec_since(&t0), (int)last);
        timed = 0;
        if (!ahead && sc && !script_next(sc, &in))
            break;
        if (!ahead && !sc && !read_input(a, &in, 1))
            continue;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        timed = 1;
        last = in.key;
        app_input(a, &in);
    }
}

static void app_free(struct app *a)
{
    layout_free(a);
    for (int i = PANE_COUNT; i-- > 0;) {
        struct pane *p = &a->panes[i];
        if (p->state && p->ops->free)
            p->ops->free(p);
        free(p->state);
        p->state = NULL;
    }
    keymap_free(&a->keys);
    struct store *s = a->corpus.store;
    corpus_free(&a->corpus);
    store_close(&s);
}

/* Every pane of PANE_LIST, set up from its ops. */
static int panes_init(struct app *a)
{
#define PANE_OPS(id, ops) &ops,
    static const struct pane_ops *const ops[PANE_COUNT] = { PANE_LIST(PANE_OPS) };
#undef PANE_OPS
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        *p = (struct pane){ .ops = ops[i], .id = (enum pane_id)i, .ui = &a->ui, .usable = 1 };
        if (!(p->state = calloc(1, ops[i]->state_size ? ops[i]->state_size : 1)))
            return -1;
        if (ops[i]->init && ops[i]->init(p) < 0)
            return -1;
    }
    /* Each place of the main view shows the first of its panes. */
    for (int i = PANE_COUNT; i-- > 0;)
        a->place[ops[i]->place] = (enum pane_id)i;
    return 0;
}

/* Everything that can fail before the screen starts, so errors print plainly. -1 with e
 * set; 1 when the SLUG asked for names no document, its name in e. */
static int prepare(struct app *a, const struct opts *o, struct loc *start, struct err *e)
{
    const char *db = paths_db(o->db);
    store_add_hooks(&search_hooks);
    store_add_hooks(&targets_hooks);
    struct store *s = NULL;
    if (store_open(db, STORE_READ, &s, e) < 0 || corpus_load(&a->corpus, s, e) < 0)
        return -1;
    if (!a->corpus.ndocs) {
        err_set(e, "%s holds no documents: import some with 'gongfu import'", db);
        return -1;
    }
    const char *theme = o->theme ? o->theme : getenv("GONGFU_THEME");
    int no_color = getenv("NO_COLOR") && *getenv("NO_COLOR");
    if (load_keys(a, e) < 0 || theme_load(&a->theme, no_color && !o->theme ? "mono"
                                                 : theme && *theme ? theme : "default", e) < 0)
        return -1;
    if (state_load(&a->state, e) < 0)
        e->msg[0] = '\0';   /* an unreadable state file only loses the last position */
    int rc = start_loc(a, o->start, start, e);
    if (rc)
        return rc;
    if (panes_init(a) < 0) {
        err_set(e, "out of memory");
        return -1;
    }
    a->show_panel = a->panes[PANE_PANEL].usable;
    /* A pane whose data could not be read says why on the first screen. */
    for (int i = 0; i < PANE_COUNT; i++)
        if (!a->panes[i].usable && a->panes[i].why[0]) {
            ui_message(&a->ui, ROLE_ERROR, "%s", a->panes[i].why);
            break;
        }
    return 0;
}

int tui_main(int argc, char **argv, tui_unknown_fn unknown)
{
    struct opts o;
    memset(&o, 0, sizeof o);
    o.text_width = TEXT_WIDTH_DEFAULT;
    int rc = parse_opts(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (term_check_locale() < 0)
        return 1;
    text_width_reset();   /* the locale is the user's again (term_check_locale) */
    struct app a;
    memset(&a, 0, sizeof a);
    a.ui.corpus = &a.corpus;
    a.ui.keys = &a.keys;
    a.ui.sel.doc = a.ui.sel.node = -1;
    for (int k = 0; k < SPAN_COUNT; k++)
        a.ui.sel.span[k] = -1;
    a.ui.cursor_pane = -1;
    a.ui.measure = o.text_width;
    a.views[0] = VIEW_MAIN;
    a.nviews = 1;
    a.focus = PANE_READER;
    struct err e = { "" };
    struct loc start;
    if ((rc = prepare(&a, &o, &start, &e)) != 0) {
        if (rc > 0 && unknown)
            rc = unknown(a.corpus.store, e.msg);
        else if (rc > 0)
            fprintf(stderr, "gongfu: no document \"%s\" (see 'gongfu docs')\n", e.msg), rc = 1;
        else
            fprintf(stderr, "gongfu: %s\n", e.msg), rc = 1;
        app_free(&a);
        return rc;
    }
    const char *hl = getenv("GONGFU_HEADLESS");
    struct term_opts to = { hl && *hl, 80, 24, !(getenv("NO_COLOR") && *getenv("NO_COLOR")) };
    if (to.headless && sscanf(hl, "%dx%d", &to.cols, &to.lines) != 2)
        to.cols = 80, to.lines = 24;
    if (!to.headless && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        fprintf(stderr, "gongfu: the explorer needs a terminal; for plain text use "
                        "'gongfu show SLUG', 'gongfu search WORDS' or 'gongfu compare'\n");
        app_free(&a);
        return 1;
    }
    int ambi = o.ambiwidth ? o.ambiwidth : 1;
    a.ambiwidth_given = o.ambiwidth != 0;
    struct script *sc = NULL;
    const char *script = getenv("GONGFU_SCRIPT");
    if (to.headless && script && *script && script_open(script, &sc, &e) < 0) {
        fprintf(stderr, "gongfu: %s\n", e.msg);
        app_free(&a);
        return 1;
    }
    if (term_start(&to) < 0) {
        script_close(&sc);
        app_free(&a);
        return 1;
    }
    /* Asked once the screen is ours; a terminal slower than 200 ms gets the first screen
     * drawn narrow, and its answer is applied when it comes (late_reply). */
    if (!o.ambiwidth && !to.headless)
        ambi = term_probe_ambiwidth(200) == 2 ? 2 : 1;
    draw_init(ambi == 2);
    /* A theme that marks things by colour alone would hide them on a terminal without
     * colours (TERM=vt100): there, unless the user chose one, the mono theme. */
    if (!term_has_color() && !o.theme && !getenv("GONGFU_THEME"))
        theme_load(&a.theme, "mono", &e);
    theme_apply(&a.theme, term_has_color());
    layout_apply(&a);
    ui_jump(&a.ui, start);
    if (o.searching)
        ui_view_open(&a.ui, PANE_SEARCH, o.search);
    const char *tf = getenv("GONGFU_TIMING");
    FILE *timing = tf && *tf ? fopen(tf, "w") : NULL;
    loop(&a, sc, timing);
    if (timing)
        fclose(timing);
    script_close(&sc);
    term_end();
    save_state(&a);
    if (term_quit_sig && term_quit_sig != SIGINT)
        fprintf(stderr, "gongfu: signal %d: saved your place and left\n", (int)term_quit_sig);
    app_free(&a);
    return 0;
}
