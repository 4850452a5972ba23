#!/usr/bin/env python3
"""A pseudo-terminal that answers the explorer's cursor-position request late, as a
terminal over a slow SSH link does, for t_slowreply.sh.  usage: slow_pty.py DELAY WIDTH --
CMD…  The answer, after DELAY seconds, says the cursor is in column 1 + WIDTH (the probe's
"“" drawn WIDTH columns wide) of the row it is on: the row of the last cursor move
(ESC[row;colH) before the request, else row 5 (a shell prompt's line). Prints the ms until
the first screen was complete (0 if never), the ms at which the answer was sent, then,
after a line "--", everything the program wrote after the answer until it had been quiet
for 0.6 s; then sends "q" and waits for it to end."""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

delay, width = float(sys.argv[1]), int(sys.argv[2])
argv = sys.argv[sys.argv.index("--") + 1:]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
out, after = b"", b""
first = asked = answered = None
quiet_since = time.monotonic()
while True:
    now = time.monotonic()
    if answered and now - quiet_since > 0.6:
        break
    if now - t0 > delay + 10:
        break
    if asked is not None and answered is None and now >= asked + delay:
        moves = re.findall(rb"\x1b\[(\d+);\d+H", out[:out.find(b"\x1b[6n")])
        row = int(moves[-1]) if moves else 5
        os.write(fd, b"\x1b[%d;%dR" % (row, 1 + width))
        answered = now
        quiet_since = now
    r, _, _ = select.select([fd], [], [], 0.05)
    if not r:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    quiet_since = time.monotonic()
    if answered:
        after += chunk
    out += chunk
    if asked is None and b"\x1b[6n" in out:
        asked = time.monotonic()
    if first is None and "帮助".encode() in out:
        first = time.monotonic() - t0
os.write(fd, b"q")
end = time.monotonic() + 3
while time.monotonic() < end:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
os.waitpid(pid, 0)
sys.stdout.write("%d\n%d\n--\n" % (int((first or 0) * 1000),
                                  int(((answered or t0) - t0) * 1000)))
sys.stdout.flush()
sys.stdout.buffer.write(after)
