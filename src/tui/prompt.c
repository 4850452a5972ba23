/* prompt.c — the line editor. */
#include <string.h>
#include <unistr.h>
#include "gongfu/text.h"
#include "draw.h"
#include "prompt.h"
#include "theme.h"

void prompt_start(struct prompt *p, const char *text)
{
    p->active = 1;
    p->len = 0;
    p->buf[0] = '\0';
    if (text) {
        size_t n = strlen(text);
        if (n >= sizeof p->buf)
            n = sizeof p->buf - 1;
        /* Never keep half a character of an overlong text. */
        while (n > 0 && (text[n] & 0xC0) == 0x80)
            n--;
        memcpy(p->buf, text, n);
        p->len = n;
        p->buf[n] = '\0';
    }
}

static void erase_char(struct prompt *p)
{
    while (p->len > 0) {
        unsigned char c = (unsigned char)p->buf[--p->len];
        if ((c & 0xC0) != 0x80)
            break;
    }
    p->buf[p->len] = '\0';
}

static void erase_word(struct prompt *p)
{
    while (p->len > 0 && p->buf[p->len - 1] == ' ')
        erase_char(p);
    while (p->len > 0 && p->buf[p->len - 1] != ' ')
        erase_char(p);
}

enum prompt_result prompt_cmd(struct prompt *p, enum cmd c, keycode k)
{
    switch (c) {
    case CMD_ENTER:
        p->active = 0;
        return PROMPT_DONE;
    case CMD_ESCAPE:
        p->active = 0;
        return PROMPT_CANCEL;
    case CMD_ERASE_CHAR:
        if (!p->len) {
            p->active = 0;
            return PROMPT_CANCEL;
        }
        erase_char(p);
        return PROMPT_CHANGED;
    case CMD_ERASE_WORD:
        erase_word(p);
        return PROMPT_CHANGED;
    case CMD_ERASE_LINE:
        p->len = 0;
        p->buf[0] = '\0';
        return PROMPT_CHANGED;
    case CMD_NONE:
        break;
    default:
        return PROMPT_IGNORED;
    }
    if (KEY_IS_FUNC(k) || k < 0x20 || k == 0x7f || text_visible((uint32_t)k) != (uint32_t)k)
        return PROMPT_IGNORED;
    uint8_t u[8];
    int n = u8_uctomb(u, (ucs4_t)k, sizeof u);
    if (n <= 0 || p->len + (size_t)n >= sizeof p->buf)
        return PROMPT_IGNORED;
    memcpy(p->buf + p->len, u, (size_t)n);
    p->len += (size_t)n;
    p->buf[p->len] = '\0';
    return PROMPT_CHANGED;
}

int prompt_draw(const struct prompt *p, WINDOW *w, int y, const char *label)
{
    int wd = getmaxx(w);
    attr_t at = theme_attr(ROLE_PROMPT);
    draw_fill(w, y, 0, wd, at);
    int x = draw_text(w, y, 0, label, strlen(label), wd, at);
    /* The end of a long input stays in view: drop characters from its start. */
    const char *s = p->buf;
    size_t n = p->len;
    while (n > 0 && draw_width(s, n) > wd - x - 1) {
        uint32_t c;
        int len = text_next(s, n, &c);
        s += len;
        n -= (size_t)len;
    }
    x += draw_text(w, y, x, s, n, wd - x, at);
    return x < wd ? x : wd - 1;
}
