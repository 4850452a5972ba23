#!/bin/sh
# A slow terminal's answer is never read as keys. Over an SSH link the answer to the
# start-up width probe (a cursor-position report, ESC[row;colR) may come 0.5–2 s later:
# the explorer paints its first screen without waiting for it, recognises the answer
# whenever it comes and swallows it (before, its "[" moved the reader to the previous
# target and the screen went blank until a key). A narrow answer changes nothing; a wide
# one redraws with ASCII borders. Through a pty proxy (tests/tui/slow_pty.py).
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the pty"
# The place where a run without any answer leaves off: nothing but "q" was pressed.
run() {   # run DELAY WIDTH NAME: the proxy's output in $T/NAME, the state left in $T/NAME.state
    rm -rf "$T/state"
    python3 tests/tui/slow_pty.py "$1" "$2" -- "$GONGFU" --db "$DB" zhoushan-plan:4.15 >"$T/$3"
    cp "$T/state/gongfu/state" "$T/$3.state" 2>/dev/null || : >"$T/$3.state"
}
run 0 1 base
grep -q "zhoushan-plan	4.15" "$T/base.state" || fail "the start position was not saved: $(cat "$T/base.state")"
for delay in 0.5 2; do
    for width in 1 2; do
        n="d$delay-w$width"
        run "$delay" "$width" "$n"
        first=$(sed -n 1p "$T/$n") sent=$(sed -n 2p "$T/$n")
        [ "$first" -gt 0 ] && [ "$first" -lt "$sent" ] ||
            fail "$n: the first screen ($first ms) did not come before the late answer ($sent ms)"
        cmp -s "$T/base.state" "$T/$n.state" ||
            fail "$n: the answer was read as keys: left off at $(tail -1 "$T/$n.state"), not $(tail -1 "$T/base.state")"
        tail -n +4 "$T/$n" >"$T/$n.after"
        if [ "$width" = 1 ]; then
            [ -s "$T/$n.after" ] && fail "$n: a narrow answer changed the screen: $(od -c "$T/$n.after" | head -3)"
        else
            grep -q "一、全面落实发展目标\|15.促进人口长期均衡发展" "$T/$n.after" || fail "$n: a wide answer did not redraw"
            grep -q "│" "$T/$n.after" && fail "$n: a wide answer still drew box-drawing borders"
        fi
    done
done
echo "slow terminal answers: swallowed after 0.5 s and 2 s; first screen before them"
