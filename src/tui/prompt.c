/* prompt.c — the line editor. */
#include <stdio.h>
#include <string.h>
#include <unistr.h>
#include "gongfu/text.h"
#include "draw.h"
#include "prompt.h"
#include "theme.h"

/* text cut to the buffer, never half a character. */
static void set_text(struct prompt *p, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (n >= sizeof p->buf)
        n = sizeof p->buf - 1;
    while (n > 0 && (text[n] & 0xC0) == 0x80)
        n--;
    memmove(p->buf, text ? text : "", n);
    p->buf[n] = '\0';
    p->len = p->pos = n;
}

void prompt_start(struct prompt *p, const char *text)
{
    p->active = 1;
    p->at = -1;
    p->draft[0] = '\0';
    set_text(p, text);
}

void prompt_remember(struct prompt_history *h, const char *text)
{
    if (!h || !text || !*text || (h->n && !strcmp(h->item[h->n - 1], text)))
        return;
    if (h->n == PROMPT_HISTORY) {
        memmove(h->item[0], h->item[1], (PROMPT_HISTORY - 1) * sizeof h->item[0]);
        h->n--;
    }
    snprintf(h->item[h->n++], sizeof h->item[0], "%s", text);
}

/* The start of the character before byte i, and the end of the one at i. */
static size_t char_before(const struct prompt *p, size_t i)
{
    while (i > 0 && ((unsigned char)p->buf[--i] & 0xC0) == 0x80)
        ;
    return i;
}

static size_t char_after(const struct prompt *p, size_t i)
{
    if (i >= p->len)
        return p->len;
    uint32_t c;
    return i + (size_t)text_next(p->buf + i, p->len - i, &c);
}

/* Removes bytes [a, b), leaving the cursor at a. */
static void cut(struct prompt *p, size_t a, size_t b)
{
    memmove(p->buf + a, p->buf + b, p->len - b + 1);
    p->len -= b - a;
    p->pos = a;
}

/* The start of the word before the cursor, as a shell's C-w finds it (spaces, then the
 * word). */
static size_t word_before(const struct prompt *p)
{
    size_t i = p->pos;
    while (i > 0 && p->buf[i - 1] == ' ')
        i--;
    while (i > 0 && p->buf[i - 1] != ' ')
        i = char_before(p, i);
    return i;
}

/* ↑ (dir -1) to older items, ↓ (1) back to newer ones and to what was being typed. */
static enum prompt_result browse(struct prompt *p, int dir)
{
    const struct prompt_history *h = p->history;
    if (!h || !h->n)
        return PROMPT_IGNORED;
    long to = p->at < 0 ? (dir < 0 ? (long)h->n - 1 : -1) : p->at + dir;
    if (to < -1 || (p->at < 0 && to < 0))
        return PROMPT_IGNORED;
    if (to >= (long)h->n)
        to = -1;
    if (p->at < 0)
        snprintf(p->draft, sizeof p->draft, "%s", p->buf);
    p->at = to;
    set_text(p, to < 0 ? p->draft : h->item[to]);
    return PROMPT_CHANGED;
}

static enum prompt_result insert(struct prompt *p, keycode k)
{
    if (KEY_IS_FUNC(k) || k < 0x20 || k == 0x7f || text_visible((uint32_t)k) != (uint32_t)k)
        return PROMPT_IGNORED;
    uint8_t u[8];
    int n = u8_uctomb(u, (ucs4_t)k, sizeof u);
    if (n <= 0 || p->len + (size_t)n >= sizeof p->buf)
        return PROMPT_IGNORED;
    memmove(p->buf + p->pos + n, p->buf + p->pos, p->len - p->pos + 1);
    memcpy(p->buf + p->pos, u, (size_t)n);
    p->len += (size_t)n;
    p->pos += (size_t)n;
    return PROMPT_CHANGED;
}

enum prompt_result prompt_cmd(struct prompt *p, enum cmd c, keycode k)
{
    size_t was = p->pos;
    switch (c) {
    case CMD_ENTER:
        p->active = 0;
        prompt_remember(p->history, p->buf);
        return PROMPT_DONE;
    case CMD_ESCAPE:
        p->active = 0;
        return PROMPT_CANCEL;
    case CMD_ERASE_CHAR:
        if (!p->len) {
            p->active = 0;
            return PROMPT_CANCEL;
        }
        if (!p->pos)
            return PROMPT_IGNORED;
        cut(p, char_before(p, p->pos), p->pos);
        return PROMPT_CHANGED;
    case CMD_DELETE_CHAR:
        if (p->pos >= p->len)
            return PROMPT_IGNORED;
        cut(p, p->pos, char_after(p, p->pos));
        p->pos = was;
        return PROMPT_CHANGED;
    case CMD_ERASE_WORD:
        cut(p, word_before(p), p->pos);
        return PROMPT_CHANGED;
    case CMD_ERASE_LINE:
        cut(p, 0, p->pos);
        return PROMPT_CHANGED;
    case CMD_ERASE_TO_END:
        cut(p, p->pos, p->len);
        return PROMPT_CHANGED;
    case CMD_LEFT: p->pos = char_before(p, p->pos); break;
    case CMD_RIGHT: p->pos = char_after(p, p->pos); break;
    case CMD_LINE_START: p->pos = 0; break;
    case CMD_LINE_END: p->pos = p->len; break;
    case CMD_HISTORY_PREV: return browse(p, -1);
    case CMD_HISTORY_NEXT: return browse(p, 1);
    case CMD_NONE: return insert(p, k);
    default: return PROMPT_IGNORED;
    }
    return p->pos == was ? PROMPT_IGNORED : PROMPT_MOVED;
}

int prompt_draw(const struct prompt *p, WINDOW *w, int y, const char *label)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_PROMPT);
    draw_fill(w, y, 0, wd, at);
    int x = draw_text(w, y, 0, label, strlen(label), wd, at);
    /* The cursor stays in view: characters before it are dropped from the start while
     * the text up to it does not fit. */
    const char *s = p->buf;
    size_t n = p->len, pos = p->pos;
    while (pos > 0 && draw_width(s, pos) > wd - x - 1) {
        uint32_t c;
        int len = text_next(s, n, &c);
        s += len;
        n -= (size_t)len;
        pos -= (size_t)len;
    }
    int cx = x + draw_width(s, pos);
    draw_text(w, y, x, s, n, wd - x, at);
    return cx < wd ? cx : wd - 1;
}
