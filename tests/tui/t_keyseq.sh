#!/bin/sh
# Keys as terminals send them (issue 12, points 2 and 3), through a pty with TERM=xterm:
# Home and End as PuTTY, rxvt and xterm send them (ESC[1~ ESC[4~ ESC[7~ ESC[8~ ESC[H ESC[F
# ESCOH ESCOF) and the keypad in application mode each arrive as one key, whatever
# terminfo says; End in the reader goes to the end (not [, the previous target) and in
# the search prompt does not cancel the search; Esc followed at once by ? (what Alt-?
# sends) shows the help without waiting for another key.
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the pty driver"
PTY="python3 tests/tui/keys_pty.py"
export TERM=xterm
# keycode NAME: gongfu's code for a curses key (KEYF) or a character.
keycode() {
    python3 -c "import curses, sys; n = sys.argv[1]
print(0x200000 | getattr(curses, n) if n.startswith('KEY_') else ord(n))" "$1"
}

# Every sequence is one key, the one it stands for: the GONGFU_TIMING file lists the keys
# the explorer read, one a line.
set -f   # the steps hold [ and *
set -- '\e[1~' KEY_HOME '\e[4~' KEY_END '\e[7~' KEY_HOME '\e[8~' KEY_END \
       '\e[H' KEY_HOME '\e[F' KEY_END '\eOH' KEY_HOME '\eOF' KEY_END \
       '\e[A' KEY_UP '\eOB' KEY_DOWN '\e[5~' KEY_PPAGE '\e[6~' KEY_NPAGE '\e[3~' KEY_DC \
       '\eOp' 0 '\eOq' 1 '\eOr' 2 '\eOs' 3 '\eOt' 4 '\eOu' 5 '\eOv' 6 '\eOw' 7 '\eOx' 8 \
       '\eOy' 9 '\eOn' . '\eOk' + '\eOm' - '\eOj' '*' '\e[E' KEY_B2 '\eOM' ENTER \
       '\e[11~' KEY_F1 '\eOP' KEY_F1
steps="" n=0
: > "$T/want"
while [ $# -gt 1 ]; do
    steps="$steps $1"
    if [ "$2" = ENTER ]; then echo 10; else keycode "$2"; fi >> "$T/want"
    n=$((n + 1))
    shift 2
done
# Both with the width given and with it probed: the probe's answers are key codes of
# their own too, and must not take the codes of these sequences (ESC[1~ was swallowed as
# an answer once).
for ambi in --ambiwidth=1 ""; do
    rm -rf "$XDG_STATE_HOME" "$T/seq" "$T/timing"
    mkdir -p "$T/seq"
    KEYS_PTY_QUIET=0.1 GONGFU_TIMING="$T/timing" $PTY 100 30 "$T/seq" $steps -- "$GONGFU" --db "$DB" $ambi \
        >/dev/null 2>&1
    cut -d' ' -f2 "$T/timing" | head -n $n > "$T/got"
    diff "$T/want" "$T/got" > "$T/diff" ||
        { cat "$T/diff"; fail "key sequences read as other keys (< wanted, > read) ${ambi:-probing the width}"; }
done
set +f

# End in the reader, and in the search prompt, as PuTTY sends it: the same place as the
# End key of a headless run (whose keys need no decoding), where [ and ~ would not be.
place() { sed -n 's/^last\t//p' "$XDG_STATE_HOME/gongfu/state"; }
pty_place() {   # pty_place STEP…: the place saved after the steps
    rm -rf "$XDG_STATE_HOME" "$T/pty"
    mkdir -p "$T/pty"
    $PTY 100 30 "$T/pty" "$@" -- "$GONGFU" --db "$DB" --ambiwidth=1 zhoushan-plan >/dev/null 2>&1
    place
}
headless_place() {   # headless_place SCRIPT
    rm -rf "$XDG_STATE_HOME"
    run_screen 100x30 "$1" zhoushan-plan
    place
}
a=$(pty_place '\e[4~') b=$(headless_place "keys <End>")
[ -n "$b" ] && [ "$a" = "$b" ] || fail "ESC[4~ in the reader: at '$a', End goes to '$b'"
a=$(pty_place '\e[8~') b=$(headless_place "keys <End>")
[ "$a" = "$b" ] || fail "ESC[8~ in the reader: at '$a', End goes to '$b'"
a=$(pty_place '\e[4~' '\e[1~') b=$(headless_place "keys <End> <Home>")
[ "$a" = "$b" ] || fail "ESC[1~ in the reader: at '$a', Home goes to '$b'"
a=$(pty_place / 托位 '\e[1~' '\e[4~' '\r') b=$(headless_place "keys / 托 位 <Home> <End> <Enter>")
c=$(headless_place "")
[ "$a" = "$b" ] && [ "$a" != "$c" ] ||
    fail "Home and End in the search prompt: at '$a' (headless: '$b'; not searched: '$c')"

# Esc and ? in one write: the help shows at once.
rm -rf "$XDG_STATE_HOME" "$T/pty"
mkdir -p "$T/pty"
$PTY 100 30 "$T/pty" j '\e?' -- "$GONGFU" --db "$DB" --ambiwidth=1 zhoushan-plan >/dev/null 2>&1
grep -q "共同富裕规划浏览器" "$T/pty/2" || fail "Esc ? did not show the help until the next key"
echo "key sequences: Home/End variants, keypad, arrows, F1 decoded; End in reader and prompt; Esc ? opens help"
