#!/usr/bin/env python3
"""Drives a full-screen program in a pseudo-terminal for the explorer's benchmarks
(tests/bench/bench_tui.sh), so gongfu and less are measured the same way.

  tui_pty.py startup COLS LINES KEYS -- CMD…   ms from spawn to exit; KEYS are typed
                                               into the terminal before it starts
  tui_pty.py page COLS LINES MARKER [KEYS] -- CMD…
                                               types KEYS (not counted), then presses
                                               Space until MARKER shows or a press
                                               changes nothing (the end), then q;
                                               prints bytes written, pages (the
                                               bytes to $TUI_PTY_SAVE if set);
                                               $TUI_PTY_PRESS is pressed instead of
                                               Space, at most $TUI_PTY_MAX times
  tui_pty.py maxrss -- CMD…                    peak resident memory of CMD in kB
"""
import os
import pty
import select
import struct
import sys
import time
import fcntl
import termios
import resource


def spawn(cols, lines, argv):
    pid, fd = pty.fork()
    size = struct.pack("HHHH", lines, cols, 0, 0)
    if pid == 0:
        # The size is the terminal's before the program starts: set only by the parent,
        # it could come after a fast start-up, as a resize (a redraw, a KEY_RESIZE).
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, size)
    return pid, fd


def drain(fd, quiet, limit):
    """Reads until nothing has come for `quiet` seconds (or `limit` passed)."""
    out = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def startup(cols, lines, keys, argv):
    t0 = time.monotonic()
    pid, fd = spawn(cols, lines, argv)
    if keys:
        os.write(fd, keys.encode())
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    print("%.1f" % ((time.monotonic() - t0) * 1000))


def page(cols, lines, marker, keys, argv):
    pid, fd = spawn(cols, lines, argv)
    total = drain(fd, 0.3, 10)
    if keys:
        os.write(fd, keys.encode())
        total = drain(fd, 0.3, 10)
    first = len(total)
    pages = 0
    seen = total
    press = os.environ.get("TUI_PTY_PRESS", " ").encode()
    most = int(os.environ.get("TUI_PTY_MAX", "2000"))
    while marker.encode() not in seen[-4000:] and pages < most:
        os.write(fd, press)
        got = drain(fd, 0.05, 5)
        # A press at the end redraws nothing but perhaps the cursor.
        if len(got) < 16:
            break
        total += got
        seen = got
        pages += 1
    os.write(fd, b"q")
    drain(fd, 0.2, 5)
    os.waitpid(pid, 0)
    if os.environ.get("TUI_PTY_SAVE"):     # the bytes counted, for a breakdown by kind
        with open(os.environ["TUI_PTY_SAVE"], "wb") as f:
            f.write(total)
    print("%d %d %d" % (len(total), pages, first))


def maxrss(argv):
    pid = os.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    print(usage.ru_maxrss)
    sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else 0)


def main():
    args = sys.argv[1:]
    cut = args.index("--")
    head, argv = args[:cut], args[cut + 1:]
    if head[0] == "startup":
        startup(int(head[1]), int(head[2]), head[3] if len(head) > 3 else "", argv)
    elif head[0] == "page":
        page(int(head[1]), int(head[2]), head[3], head[4] if len(head) > 4 else "", argv)
    elif head[0] == "maxrss":
        maxrss(argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
