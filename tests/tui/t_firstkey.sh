#!/bin/sh
# The first key on a fresh screen (issue 12, point 1), in a real terminal: tmux at 100×30,
# a fresh HOME, everything gongfu writes recorded byte for byte by script(1). After each
# of j Space d G ] n t as the first key, the terminal still shows the sidebar, the divider
# and the target panel (t hides the panel: there the reader takes its rows), and if the
# key's bytes clear the screen they draw it all again. A golden screen cannot see this:
# curses once painted its never-drawn stdscr over the screen at the first getch.
. tests/tui/lib.sh
need_explorer
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
command -v script >/dev/null || fail "script(1) is not installed (bsdutils)"
sock=$T/tmux.sock
tm() { tmux -u -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
keys="j Space d G ] n t"
i=0
for k in $keys; do
    i=$((i + 1))
    mkdir -p "$T/$i/home"
    tm new-session -d -x 100 -y 30 -s "k$i" \
        "HOME='$T/$i/home' XDG_STATE_HOME='$T/$i/state' XDG_CONFIG_HOME='$T/$i/config' \
         script -qfc \"'$GONGFU' --db '$DB' --ambiwidth 1\" '$T/$i/raw'; echo EXITED; sleep 60"
done
# The screen shows the sidebar (the group rows at column 0), the divider on every body
# row, and (unless hidden) the panel's rule; with_panel 0 wants the reader down to the
# status line instead.
whole() {   # whole PANE_FILE WITH_PANEL
    grep -q "^▾ 国家 " "$1" && grep -q "^▾ 省级 " "$1" && grep -q "^▾ 市级 " "$1" || return 1
    [ "$(sed -n '2,24p' "$1" | grep -c '│')" -eq 23 ] || return 1
    if [ "$2" = 1 ]; then grep -q "^─ 指标 " "$1"; else ! grep -q "^─ 指标" "$1" &&
        [ "$(sed -n '2,29p' "$1" | grep -c '│')" -eq 28 ]; fi
}
wait_whole() {   # wait_whole SESSION WITH_PANEL OUT
    n=0
    while [ $n -lt 100 ]; do
        tm capture-pane -p -t "$1" > "$3" 2>/dev/null
        whole "$3" "$2" && return 0
        sleep 0.1
        n=$((n + 1))
    done
    return 1
}
i=0
for k in $keys; do
    i=$((i + 1))
    wait_whole "k$i" 1 "$T/$i/before" || { cat "$T/$i/before"; fail "the first screen never showed ($k)"; }
done
# Settled: the first screen's bytes end here; then each session gets its one key.
sleep 0.3
i=0
for k in $keys; do
    i=$((i + 1))
    wc -c < "$T/$i/raw" > "$T/$i/mark"
    tm send-keys -t "k$i" "$k"
done
bad=0
i=0
for k in $keys; do
    i=$((i + 1))
    panel=1
    [ "$k" = t ] && panel=0
    if ! wait_whole "k$i" $panel "$T/$i/after"; then
        echo "after the first key $k the screen is not whole:"
        cat "$T/$i/after"
        bad=1
    fi
    # The key's own bytes: a clear of the whole screen must come with a whole repaint.
    tail -c +$(($(cat "$T/$i/mark") + 1)) "$T/$i/raw" > "$T/$i/key"
    if python3 - "$T/$i/key" <<'EOF'
import sys
b = open(sys.argv[1], 'rb').read()
clear = b'\x1b[2J' in b or b'\x1b[H\x1b[J' in b
sys.exit(0 if clear and not all(w.encode() in b for w in ('国家', '省级', '市级')) else 1)
EOF
    then
        echo "the first key $k clears the screen ($(wc -c < "$T/$i/key") bytes) without drawing the sidebar again"
        bad=1
    fi
    tm send-keys -t "k$i" q
done
[ "$bad" -eq 0 ] || fail "the first key leaves the screen blank"
echo "first key: j Space d G ] n t each leave the whole screen (tmux 100×30, bytes recorded)"
