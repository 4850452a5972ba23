#!/usr/bin/env python3
"""Types byte sequences into gongfu on a pseudo-terminal, as a terminal's keys would
arrive, for t_keyseq.sh. Each STEP is written in one write() (so an escape sequence
arrives whole, and "Esc ?" as Alt-? sends it), then the output is read until the
terminal has been quiet for a while; what came after step N goes to OUTDIR/N.

  keys_pty.py COLS LINES OUTDIR STEP… -- CMD…

A STEP is text with \\e, \\r, \\n and \\xHH escapes. Exit status: the program's."""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from tui_pty import drain, spawn  # noqa: E402  (the benchmarks' pty driver)


def unescape(s):
    # Bytes that are not escapes come through as they are (UTF-8 text too).
    return s.replace("\\e", "\\x1b").encode().decode("unicode_escape").encode("latin-1")


# Seconds of silence that end a step's output (KEYS_PTY_QUIET).
QUIET = float(os.environ.get("KEYS_PTY_QUIET", "0.3"))


def main():
    cut = sys.argv.index("--")
    cols, lines, outdir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    steps, argv = sys.argv[4:cut], sys.argv[cut + 1:]
    pid, fd = spawn(cols, lines, argv)
    # The first screen: until the title's help key shows and the terminal is quiet.
    first = b""
    end = time.monotonic() + 20
    while "帮助".encode() not in first and time.monotonic() < end:
        first += drain(fd, 0.5, 1)
    first += drain(fd, 0.3, 5)
    with open(os.path.join(outdir, "0"), "wb") as f:
        f.write(first)
    for i, step in enumerate(steps, 1):
        os.write(fd, unescape(step))
        out = drain(fd, QUIET, 10)
        with open(os.path.join(outdir, str(i)), "wb") as f:
            f.write(out)
    # Leave: q from wherever the steps ended (a view, then the main view).
    for _ in range(4):
        try:
            os.write(fd, b"\x1b")
            time.sleep(0.1)
            os.write(fd, b"q")
        except OSError:
            break
        drain(fd, 0.3, 2)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
    os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    return 1


sys.exit(main())
