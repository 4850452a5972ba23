#!/usr/bin/env python3
"""What a terminal makes of the bytes gongfu writes (tests of paging's cost: t_paging_bytes.sh,
and tests/bench/bench_tui.sh's breakdown): a small VT emulator, enough for what curses sends
to xterm, screen, tmux and PuTTY (cursor addressing, SGR, erases, scrolling regions), and
the bytes sorted by what they do.

  vt.py screen COLS LINES FILE       the screen after FILE's bytes, one line per row
                                     (trailing blanks cut: as gongfu's screen dumps)
  vt.py kinds FILE                   the bytes by kind: text, motion, sgr, erase, other
"""
import re
import sys
import unicodedata

TOKEN = re.compile(rb"\x1b\[([0-9;?>=]*)([ -/]*)([@-~])|\x1b([()][0-9A-Za-z])"
                   rb"|\x1b([=>78MDEc])|\x1b\][^\x07]*\x07|([\x00-\x1f\x7f])"
                   rb"|([^\x00-\x1f\x7f\x1b]+)")
MOTION = set("HfdGCDABEe`a")


def width(c):
    if unicodedata.combining(c) or c in "\u200b\u200c\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def kind(m):
    """What one token does: text, motion, sgr, erase or other."""
    params, inter, final, charset, esc, ctl, text = m.groups()
    if text is not None:
        return "text"
    if ctl is not None:
        if ctl in (b"\x0e", b"\x0f"):
            return "sgr"        # SO/SI: part of sgr and sgr0 on screen, tmux, linux
        return "motion" if ctl in (b"\r", b"\n", b"\b", b"\t") else "other"
    if esc is not None and esc in (b"D", b"E", b"M"):
        return "motion"         # index, next line, reverse index (PuTTY's cud1 is ESC D)
    if charset is not None:
        return "sgr"            # ESC ( B: part of sgr and sgr0 on xterm
    if final is not None and not inter and not params.startswith(b"?"):
        f = final.decode()
        if f == "m":
            return "sgr"
        if f in MOTION:
            return "motion"
        if f in "KJX":
            return "erase"
    return "other"


class Screen:
    def __init__(self, cols, lines):
        self.cols, self.lines = cols, lines
        self.bg = None
        self.cells = [self.blank_row() for _ in range(lines)]
        self.y = self.x = 0
        self.wrap = False          # the last column written: the next character wraps
        self.top, self.bottom = 0, lines - 1
        self.saved = (0, 0)        # the cursor DECSC (ESC 7) saved, for DECRC (ESC 8)

    def blank_row(self):
        return [" "] * self.cols

    def newline(self):
        if self.y == self.bottom:
            del self.cells[self.top]
            self.cells.insert(self.bottom, self.blank_row())
        elif self.y < self.lines - 1:
            self.y += 1

    def put(self, c):
        w = width(c)
        if w == 0:
            return
        if self.wrap or self.x + w > self.cols:
            self.wrap = False
            self.x = 0
            self.newline()
        self.cells[self.y][self.x] = c
        if w == 2:
            self.cells[self.y][self.x + 1] = ""
        self.x += w
        if self.x >= self.cols:
            self.x, self.wrap = self.cols - 1, True

    def erase(self, y, x0, x1):
        row = self.cells[y]
        for x in range(max(0, x0), min(self.cols, x1)):
            row[x] = " "

    def scroll(self, n, up=True):
        for _ in range(n):
            if up:
                del self.cells[self.top]
                self.cells.insert(self.bottom, self.blank_row())
            else:
                del self.cells[self.bottom]
                self.cells.insert(self.top, self.blank_row())

    def csi(self, params, final):
        nums = [int(v) if v else 0 for v in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] else 1
        if final in "Hf":
            self.y = min(self.lines, n) - 1
            self.x = min(self.cols, nums[1] if len(nums) > 1 and nums[1] else 1) - 1
        elif final == "d":
            self.y = min(self.lines, n) - 1
        elif final in "G`":
            self.x = min(self.cols, n) - 1
        elif final in "Ca":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "A":
            self.y = max(0, self.y - n)
        elif final in "Be":
            self.y = min(self.lines - 1, self.y + n)
        elif final == "E":
            self.y, self.x = min(self.lines - 1, self.y + n), 0
        elif final == "K":
            k = nums[0] if nums else 0
            self.erase(self.y, *((self.x, self.cols), (0, self.x + 1), (0, self.cols))[min(k, 2)])
        elif final == "J":
            k = nums[0] if nums else 0
            rows = range(self.y + 1, self.lines) if k == 0 else range(self.y) if k == 1 else range(self.lines)
            for y in rows:
                self.erase(y, 0, self.cols)
            if k == 0:
                self.erase(self.y, self.x, self.cols)
            elif k == 1:
                self.erase(self.y, 0, self.x + 1)
        elif final == "X":
            self.erase(self.y, self.x, self.x + n)
        elif final == "r":
            self.top = (nums[0] if nums and nums[0] else 1) - 1
            self.bottom = (nums[1] if len(nums) > 1 and nums[1] else self.lines) - 1
            self.y = self.x = 0
        elif final in "ST":
            self.scroll(n, final == "S")
        elif final in "LM" and self.top <= self.y <= self.bottom:
            top, self.top = self.top, self.y
            self.scroll(n, final == "M")
            self.top = top
        elif final == "P":
            row = self.cells[self.y]
            del row[self.x:self.x + n]
            row += [" "] * (self.cols - len(row))
        elif final == "@":
            row = self.cells[self.y]
            row[self.x:self.x] = [" "] * n
            del row[self.cols:]

    def feed(self, data):
        for m in TOKEN.finditer(data):
            params, inter, final, charset, esc, ctl, text = m.groups()
            if text is not None:
                for c in text.decode("utf-8", "replace"):
                    self.put(c)
            elif ctl is not None:
                if ctl == b"\r":
                    self.x, self.wrap = 0, False
                elif ctl in (b"\n", b"\v", b"\f"):
                    self.wrap = False
                    self.newline()
                elif ctl == b"\b":
                    self.x, self.wrap = max(0, self.x - 1), False
            elif esc is not None:
                if esc == b"7":
                    self.saved = (self.y, self.x)
                elif esc == b"8":
                    (self.y, self.x), self.wrap = self.saved, False
                elif esc == b"M":
                    if self.y == self.top:
                        self.scroll(1, False)
                    elif self.y > 0:
                        self.y -= 1
                elif esc in (b"D", b"E"):
                    if esc == b"E":
                        self.x = 0
                    self.newline()
            elif final is not None and not inter and not params.startswith(b"?"):
                if final != b"m":
                    self.wrap = False
                self.csi(params.decode(), final.decode())

    def text(self):
        return ["".join(row).rstrip() for row in self.cells]


def kinds(data):
    out = {}
    for m in TOKEN.finditer(data):
        k = kind(m)
        out[k] = out.get(k, 0) + len(m.group())
    return out


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "screen":
        s = Screen(int(a[1]), int(a[2]))
        s.feed(open(a[3], "rb").read())
        print("\n".join(s.text()))
    elif len(a) == 2 and a[0] == "kinds":
        k = kinds(open(a[1], "rb").read())
        print(" ".join("%s %d" % (n, k.get(n, 0)) for n in ("text", "motion", "sgr", "erase", "other")))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
