#!/bin/sh
# Highlights, read back from the colour pairs of the screen (dumproles: 'A' + role, see
# src/tui/theme.h): a search hit in the hit colours, the current target in its own, other
# targets underlined/coloured; the real cursor on the focused line.
. tests/tui/lib.sh
need_explorer
# Roles: L cursor, Q target, R target-current, S hit, T hit-current; lower case: over the
# cursor line's background.
run_screen 120x40 "keys / 托 位 <Enter>
dump @T@/s.txt
dumproles @T@/s.roles" zhoushan-plan
python3 tests/tui/roles.py "$T/s.txt" "$T/s.roles" 托位 ST || fail "search hit"
run_screen 120x40 "keys ]
dump @T@/t.txt
dumproles @T@/t.roles" zhoushan-plan:1
python3 tests/tui/roles.py "$T/t.txt" "$T/t.roles" 人均地区生产总值达到20万元 R || fail "current target"
python3 tests/tui/roles.py "$T/t.txt" "$T/t.roles" 比重提高到70% Q || fail "another target"
grep -q "指标 人均地区生产总值" "$T/t.txt" || fail "the panel does not show the target's indicator"
# n moves to the next hit: the current-hit colour moves with it.
run_screen 120x40 "keys / 数 字 化 <Enter> n
dump @T@/n.txt
dumproles @T@/n.roles" zhoushan-plan
grep -c T "$T/n.roles" >/dev/null || fail "no current hit after n"
# 数字化 finds the Jinhua plan's 數位化 (Traditional script, Taiwan vocabulary).
python3 tests/tui/roles.py "$T/n.txt" "$T/n.roles" 數位化 T || fail "n: current hit"
# A target on the cursor line keeps the line's background (issue 12, point 6): its cells
# are the cursor's role in lower case (a highlight over it), never the target's own Q.
run_screen 120x40 "keys ] ] ] ] k
dumproles @T@/c.roles" zhoushan-plan:1
python3 - "$T/c.roles" <<'EOF2' || fail "a target on the cursor line resets its background"
import sys
rows = [r for r in open(sys.argv[1]).read().split("\n") if "CL" in r or "Cl" in r]
line = rows[0][rows[0].index("C") + 1:] if rows else ""
sys.exit(0 if "l" in line and "Q" not in line else 1)
EOF2
echo "highlight: hits, the current target and other targets drawn in their roles"
