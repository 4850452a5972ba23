#!/bin/sh
# Keys that arrive together cost one screen, not one each: over a slow link (or with a key
# held down) the keys typed ahead are all handled before the screen is drawn, as less and
# vim do, so the terminal gets the screen the keys lead to instead of every screen on the
# way. Through a pty (tests/tui/keys_pty.py, each step one write): 30 j in one write may
# write no more than two full page repaints, where drawing after every key wrote 13.
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the pty driver"
export TERM=xterm
j30=jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj
mkdir -p "$T/pty"
rm -rf "$XDG_STATE_HOME"
python3 tests/tui/keys_pty.py 80 24 "$T/pty" ' ' "$j30" ' ' -- "$GONGFU" --db "$DB" --ambiwidth=1 \
    zhoushan-plan >/dev/null 2>&1
page=$(wc -c < "$T/pty/1") burst=$(wc -c < "$T/pty/2")
[ "$page" -gt 500 ] || fail "a page down wrote only $page bytes"
[ "$burst" -le $((2 * page)) ] ||
    fail "30 j typed ahead wrote $burst bytes, more than two pages ($page bytes each)"
# …and every key counts: the place left is the one the same keys reach one at a time.
place() { sed -n 's/^last\t//p' "$XDG_STATE_HOME/gongfu/state"; }
a=$(place)
rm -rf "$XDG_STATE_HOME"
run_screen 80x24 "keys <Space> $(echo "$j30" | sed 's/./& /g') <Space>" zhoushan-plan
b=$(place)
[ -n "$a" ] && [ "$a" = "$b" ] || fail "the keys typed ahead left off at '$a', one at a time at '$b'"
# Typed ahead of the first screen, a key still finds it drawn first (as less does; the
# start-up benchmark types q ahead and times the first screen).
python3 - "$GONGFU" "$DB" <<'PY' || fail "q typed before start-up quit without drawing the first screen"
import os, sys
sys.path.insert(0, "tests/bench")
from tui_pty import drain, spawn
pid, fd = spawn(80, 24, [sys.argv[1], "--db", sys.argv[2], "--ambiwidth=1", "zhoushan-plan"])
os.write(fd, b"q")
out = drain(fd, 2, 20)
os.waitpid(pid, 0)
sys.exit(0 if "帮助".encode() in out and "舟山".encode() in out else 1)
PY
echo "typeahead: 30 keys in one write drew $burst bytes (a page: $page)"
