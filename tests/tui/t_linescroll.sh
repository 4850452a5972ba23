#!/bin/sh
# A line's scroll beside the sidebar (issue 15, aim 2): a terminal scrolls whole rows, and
# the sidebar's rows did not move, so curses redrew every row of the reader (its text
# again, 1.3–1.5 KB a line at 80×24). Scrolled on the terminal, only the sidebar's cells
# and the lines that changed are sent: j or k past the pane's edge must write less than
# the reader's rows' own text, which is what redrawing them sent. Each screen on the way,
# played through tests/tui/vt.py, must be the one curses holds, for xterm, screen/tmux,
# PuTTY and the Linux console; and in tmux itself, the pane must show it.
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the terminal emulator"
j18="j j j j j j j j j j j j j j j j j j" k18=$(echo "$j18" | tr j k)
j12="j j j j j j j j j j j j" k12=$(echo "$j12" | tr j k)

# bytes TERM KEYS: the bytes headless gongfu writes at 80×24 after <Esc> (the sidebar
# shown, the reader focused) and KEYS; the screen is in $T/end.txt, the bytes in $T/bytes.
bytes() {
    rm -rf "$XDG_STATE_HOME" "$T/bytes"
    TERM=$1 GONGFU_HEADLESS_OUT="$T/bytes" run_screen 80x24 "keys <Esc> $2
dump @T@/end.txt" --ambiwidth 1 zhoushan-plan
    [ "$rc" -eq 0 ] || fail "$1: exit $rc: $(cat "$T/err")"
    python3 tests/tui/vt.py screen 80 24 "$T/bytes" > "$T/shown.txt"
    sed 's/ *$//' "$T/end.txt" | diff - "$T/shown.txt" > "$T/diff" ||
        { cat "$T/diff"; fail "$1 after $2: the bytes do not draw the screen curses holds"; }
    wc -c < "$T/bytes"
}
# The reader's text on screen: its rows (1 to 19 at 80×24), right of the divider.
reader_text() {
    sed -n '2,20p' "$T/end.txt" | sed 's/^[^│]*│//' | tr -d '\n' | wc -c
}

# scrolls TERM BEFORE KEY TWELVE WHERE: the bytes of TWELVE presses of KEY after BEFORE,
# each third on the way checked in the emulator (bytes does); fails if they weigh 12 times
# the reader's text on screen or more. Sets scrolled (those bytes) and seen (that text's).
scrolls() {
    at_edge=$(bytes "$1" "$2")
    keys="$2"
    for step in 1 2 3 4; do
        keys="$keys $3 $3 $3"
        bytes "$1" "$keys" >/dev/null
    done
    scrolled=$(( $(bytes "$1" "$2 $4") - at_edge ))
    seen=$(reader_text)
    [ "$scrolled" -lt $((12 * seen)) ] ||
        fail "$1: 12 $3 $5 wrote $scrolled bytes, more than 12 times the reader's text ($seen bytes)"
}

for term in xterm-256color screen-256color putty-256color linux; do
    if ! infocmp "$term" >/dev/null 2>&1; then
        echo "$term: no terminfo entry here, not measured"
        continue
    fi
    # The cursor to the reader's last row, then 12 lines' scrolls down; then to the top
    # row, 12 lines' scrolls up.
    scrolls "$term" "$j18" j "$j12" "past the bottom"
    down=$scrolled below=$seen
    scrolls "$term" "$j18 $j12 $k18" k "$k12" "past the top"
    up=$scrolled above=$seen
    echo "$term: a line's scroll beside the sidebar $((down / 12)) bytes down, $((up / 12)) up" \
         "(the reader's text on screen: $below, $above bytes)"
done

# In tmux, keys one at a time: the pane shows the screen curses holds after the same keys.
if command -v tmux >/dev/null; then
    sock=$T/tmux.sock
    tm() { tmux -u -S "$sock" -f /dev/null "$@"; }
    trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
    rm -rf "$XDG_STATE_HOME"
    tm new-session -d -x 100 -y 30 -s gf \
        "'$GONGFU' --db '$DB' --ambiwidth=1 zhoushan-plan; sleep 60"
    tmux_wait gf "帮助"
    keys=""
    for k in $j18 $j18 $j12 $k18 $k12; do
        tm send-keys -t gf "$k"
        keys="$keys $k"
        sleep 0.05
    done
    tmux_wait gf " 19/[0-9]* "
    sleep 0.3
    tm capture-pane -p -t gf | sed 's/ *$//' > "$T/pane"
    tm kill-server
    rm -rf "$XDG_STATE_HOME"
    TERM=tmux-256color run_screen 100x30 "keys$keys
dump @T@/tmux-end.txt" --ambiwidth 1 zhoushan-plan
    sed 's/ *$//' "$T/tmux-end.txt" | diff - "$T/pane" > "$T/diff" ||
        { cat "$T/diff"; fail "tmux: the pane after j and k is not the screen curses holds"; }
    echo "tmux: the pane after 48 j and 30 k at 100×30 is the screen curses holds"
fi
echo "ok"
