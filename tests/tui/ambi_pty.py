#!/usr/bin/env python3
"""Runs gongfu in a pseudo-terminal that answers its cursor-position request as a
terminal drawing East Asian Ambiguous characters WIDTH columns wide would (or not at all
with "none"), for t_ambiwidth.sh. Prints the ms until the first screen was complete, then
everything gongfu wrote after its question (the question itself draws a “).   usage: ambi_pty.py 1|2|none -- CMD…"""
import os
import pty
import re
import select
import struct
import sys
import time
import fcntl
import termios

mode = sys.argv[1]
argv = sys.argv[sys.argv.index("--") + 1:]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
out = b""
answered = False
first = None
end = time.monotonic() + 5
while time.monotonic() < end:
    r, _, _ = select.select([fd], [], [], 0.3)
    if not r:
        if first is None and b"\x1b[6n" not in out or not out:
            continue
        break
    chunk = os.read(fd, 65536)
    if not chunk:
        break
    out += chunk
    if not answered and b"\x1b[6n" in out:
        answered = True
        if mode != "none":
            # After "“" the cursor is in column 2 (narrow) or 3 (wide), 1-based, of the
            # row of the last cursor move before the request (else the first row).
            moves = re.findall(rb"\x1b\[(\d+);\d+H", out[:out.find(b"\x1b[6n")])
            row = int(moves[-1]) if moves else 1
            os.write(fd, ("\x1b[%d;%dR" % (row, 1 + int(mode))).encode())
    if first is None and "帮助".encode() in out:
        first = time.monotonic() - t0
os.write(fd, b"q")
time.sleep(0.3)
os.waitpid(pid, 0)
sys.stdout.write("%d\n" % int((first or 0) * 1000))
sys.stdout.flush()
cut = out.find(b"\x1b[6n")
sys.stdout.buffer.write(out[cut + 4:] if cut >= 0 else out)
