# The explorer killed with SIGKILL at random moments — while it starts, reads, and saves
# its state on the way out — 40 times in a row: the state file is always whole (the old
# state or the new one, every line well formed), private (0600 in a 0700 directory), and
# the next run starts normally. (tests/unit/test_hardening_state.c kills the save itself
# 300 times; this is the same through the real program.)
. tests/cli/lib.sh
. tests/hardening/lib.sh
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color
mkdir -p "$HOME"
f="$XDG_STATE_HOME/gongfu/state"

# whole FILE: every line is a comment, a last position or a bookmark, and it ends a line.
whole() {
    [ -s "$1" ] || return 1
    [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ] || return 1
    ! grep -v -E '^(#.*|last	[a-z0-9-]+	[0-9.]*	[0-9]+|mark	[a-zA-Z]	[a-z0-9-]+	[0-9.]*	[0-9]+)$' "$1" >/dev/null
}

# One clean run to measure how long a run takes.
printf 'keys m a j j m b\n' >"$T/script"
t0=$(date +%s%N)
GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" zhoushan-plan:4.15 >/dev/null 2>&1 ||
    fail "a clean run failed"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
whole "$f" || fail "the state after a clean run: $(cat "$f")"
seed=$$
k=0
while [ $k -lt 40 ]; do
    cp "$f" "$T/old"
    case $((k % 3)) in 0) at=zhoushan-plan:4.15 ;; 1) at=taizhou-plan:1.3 ;; *) at=jinhua-plan:2 ;; esac
    letter=$(printf "\\$(printf %o $((97 + k % 26)))")
    printf 'keys j m %s k\n' "$letter" >"$T/script"
    # A delay anywhere in the run, a little past its usual end too.
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    delay=$(( seed % (ms + ms / 4 + 1) ))
    GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" "$at" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '0.%03d' $((delay % 1000)))"
    [ $delay -ge 1000 ] && sleep $((delay / 1000))
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    whole "$f" || fail "round $k (killed after $delay ms): the state file is broken: $(head -c 300 "$f")"
    cmp -s "$f" "$T/old" || grep -q "^last	${at%%:*}	" "$f" ||
        fail "round $k: the state file is neither the old one nor this run's"
    [ "$(stat -c %a "$f")" = 600 ] || fail "round $k: state file mode $(stat -c %a "$f")"
    [ "$(stat -c %a "$XDG_STATE_HOME/gongfu")" = 700 ] || fail "round $k: state directory mode"
    k=$((k + 1))
done
# The next run starts where the last saved state says, and leaves cleanly.
printf 'dump %s\n' "$T/screen" >"$T/script"
GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" >"$T/out" 2>"$T/err" ||
    fail "the run after the kills: exit $?: $(head -3 "$T/err")"
[ -s "$T/screen" ] || fail "the run after the kills drew nothing"
# Without $XDG_STATE_HOME (or with a relative one, which the XDG spec says to ignore) the
# state goes to ~/.local/state/gongfu, just as privately.
for x in unset relative; do
    rm -rf "$HOME/.local"
    printf 'keys j\n' >"$T/script"
    if [ $x = unset ]; then
        env -u XDG_STATE_HOME GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" \
            zhoushan-plan:4.15 >/dev/null 2>&1
    else
        (cd "$T" && XDG_STATE_HOME=rel GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" "$GONGFU" \
            --db "$DB" zhoushan-plan:4.15 >/dev/null 2>&1)
        [ -e "$T/rel" ] && fail "a relative XDG_STATE_HOME was used"
    fi
    h="$HOME/.local/state/gongfu/state"
    whole "$h" || fail "XDG_STATE_HOME $x: no whole state in ~/.local/state/gongfu"
    [ "$(stat -c %a "$h" 2>/dev/null)" = 600 ] || fail "XDG_STATE_HOME $x: state file mode"
done
left=0
for x in "$XDG_STATE_HOME"/gongfu/state.*; do [ -e "$x" ] && left=$((left + 1)); done
echo "40 kills in runs of about $ms ms; $left temporary files left behind"
finish
