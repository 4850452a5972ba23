# Shared by the explorer's tests (sourced, not run): a pinned environment, and
# `run_screen` which runs gongfu headless with a key script (see src/tui/script.h).
#   B        the build directory (build or build/asan), from $1
#   GONGFU   the program, DB its embedded database, T a scratch directory (removed at exit)
B=${1:?usage: sh $0 BUILD_DIR}
[ -d "$B" ] || { echo "no build directory $B"; exit 1; }
GONGFU=$(cd "$B" && pwd)/gongfu
DB=$(cd "$B" && pwd)/gongfu.db
T=$(mktemp -d "${TMPDIR:-/tmp}/gongfu-tui.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color HOME="$T/home"
export XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"
unset NO_COLOR GONGFU_THEME GONGFU_DB GONGFU_TIMING COLUMNS LINES
mkdir -p "$HOME"
GOLDEN=tests/golden/screens

fail() { echo "FAIL: $*"; exit 1; }

# run_screen COLSxLINES SCRIPT_TEXT [gongfu arguments…]: runs the script in the scratch
# directory (where an export lands); @T@ in it stands for that directory. Exit status of
# gongfu in $rc.
run_screen() {
    size=$1 text=$2
    shift 2
    printf '%s\n' "$text" | sed "s|@T@|$T|g" > "$T/script"
    (cd "$T" && GONGFU_HEADLESS=$size GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" "$@" \
        >"$T/out" 2>"$T/err")
    rc=$?
}

# screen_after COLSxLINES SCRIPT_TEXT [gongfu arguments…]: runs the script from a fresh
# state and dumps the screen after it to $T/s.txt; fails the test if gongfu fails.
screen_after() {
    size=$1 text=$2
    shift 2
    rm -rf "$XDG_STATE_HOME" "$T/s.txt"
    run_screen "$size" "$text
dump @T@/s.txt" "$@"
    [ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
}

# golden NAME: compares $T/NAME.txt with the golden screen, or writes it when
# GONGFU_UPDATE_GOLDEN=1. Returns 1 on a difference (printed).
golden() {
    if [ "${GONGFU_UPDATE_GOLDEN:-0}" = 1 ]; then
        cp "$T/$1.txt" "$GOLDEN/$1.txt"
        return 0
    fi
    [ -f "$GOLDEN/$1.txt" ] || { echo "no golden screen $GOLDEN/$1.txt"; return 1; }
    diff -u "$GOLDEN/$1.txt" "$T/$1.txt" >"$T/diff" || { echo "screen $1 differs:"; cat "$T/diff"; return 1; }
}

# shot NAME SIZE SCRIPT [gongfu arguments…]: the screen after the script, from a fresh
# state, compared with the golden screen NAME-SIZE; a difference or a failure sets bad=1.
shot() {
    name=$1 size=$2 text=$3
    shift 3
    rm -rf "$XDG_STATE_HOME"
    run_screen "$size" "$text
dump @T@/$name-$size.txt" "$@"
    [ "$rc" -eq 0 ] || { echo "$name $size: exit $rc: $(cat "$T/err")"; bad=1; return; }
    golden "$name-$size" || bad=1
}

# The program must be the explorer when run without a subcommand.
need_explorer() {
    run_screen 80x24 "dump @T@/probe.txt"
    [ "$rc" -eq 0 ] && [ -s "$T/probe.txt" ] ||
        fail "'$GONGFU --db $DB' did not run the explorer headless (rc=$rc): $(cat "$T/err")"
}

# tmux_wait SESSION TEXT: up to 10 s for the tmux pane of SESSION to show TEXT (a grep
# pattern), through the caller's tm (tmux with its socket); the pane is left in $T/pane.
# Fails with the pane otherwise.
tmux_wait() {
    i=0
    while [ $i -lt 100 ]; do
        tm capture-pane -p -t "$1" > "$T/pane" 2>/dev/null
        grep -q -- "$2" "$T/pane" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    echo "--- the pane of $1:"; cat "$T/pane"
    fail "tmux: waited in vain for \"$2\""
}
