# t_hostile_tmux.sh ends what it starts however it ends: run in a scratch TMPDIR of its
# own, then sent TERM (as a timeout does) while the explorer runs in tmux, and run to its
# end, it leaves no process behind — none whose command line names that directory
# (tmux's server names its socket there, script(1) its log, the explorer its database).
. tests/cli/lib.sh
M=$(mktemp -d)
trap 'tidy; rm -rf "$T" "$M"' EXIT
# the processes that name M, but this script and ps itself
left() { ps -eo pid=,args= | grep -F "$M" | grep -v -e "grep -F" -e "t_tmux_cleanup" -e " ps -eo"; }
tidy() { for p in $(left | awk '{print $1}'); do kill -KILL "$p" 2>/dev/null; done; }
# what is still there after up to 10 s: a process on its way out under load (a `script`
# still alive 0.5 s after the test was killed, once in a loaded make check) is not left
settle() { i=0; while [ $i -lt 100 ] && [ -n "$(left)" ]; do sleep 0.1; i=$((i + 1)); done; left; }

TMPDIR="$M" sh tests/hardening/t_hostile_tmux.sh "$B" >"$T/log" 2>&1 &
test_pid=$!
i=0
while [ $i -lt 300 ] && ! left | grep -q -- "--ambiwidth 1"; do sleep 0.1; i=$((i + 1)); done
left | grep -q -- "--ambiwidth 1" || fail "the explorer never ran in tmux: $(cat "$T/log")"
kill -TERM "$test_pid"
wait "$test_pid"
settle >"$T/left"
[ -s "$T/left" ] && fail "TERM left processes behind: $(cat "$T/left")"
tidy

TMPDIR="$M" sh tests/hardening/t_hostile_tmux.sh "$B" >"$T/log" 2>&1 || fail "the tmux test: $(cat "$T/log")"
settle >"$T/left"
[ -s "$T/left" ] && fail "a run to its end left processes behind: $(cat "$T/left")"
finish
