# The hostile plan (hostile.py) in the explorer in a real terminal (tmux), its output
# recorded byte for byte by script(1): only curses' own sequences, none of the document's.
# Whatever way the test ends (passed, failed, interrupted, killed by a timeout's TERM), it
# ends what it started: the explorer, script(1), the pane's shell and the tmux server
# (t_tmux_cleanup.sh checks).
. tests/cli/lib.sh
. tests/hardening/lib.sh
H=tests/hardening
command -v tmux >/dev/null || { fail "tmux is not installed (apt-get install tmux)"; finish; }
db="$T/h.db"
python3 $H/hostile.py "$T/hostile.txt"
clean 0 "import the hostile plan" "$GONGFU" import --db "$db" "$T/hostile.txt"
slug=$("$GONGFU" docs --db "$db" | tail -n +2 | cut -f1)
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color
mkdir -p "$HOME"

sock="$T/tmux.sock"
tm() { tmux -u -S "$sock" -f /dev/null "$@"; }
# The explorer's pid (written by the shell script(1) runs, which then becomes it) and the
# pane's (the leader of the pane's process group: its shell, script(1), sleep).
pane=
stop_all() {
    [ -s "$T/gongfu.pid" ] && kill -KILL "$(cat "$T/gongfu.pid")" 2>/dev/null
    [ -n "$pane" ] && kill -KILL -- "-$pane" 2>/dev/null
    tm kill-server 2>/dev/null
    rm -rf "$T"
}
trap stop_all EXIT
trap 'exit 1' INT TERM HUP
tm new-session -d -x 100 -y 30 -s h \
    "script -qfc \"echo \\\$\\\$ >'$T/gongfu.pid'; exec '$GONGFU' --db '$db' --ambiwidth 1 '$slug:1.1'\" '$T/raw'; echo EXITED; sleep 60"
pane=$(tm display-message -p -t h '#{pane_pid}')
i=0
while [ $i -lt 150 ] && ! tm capture-pane -p -t h 2>/dev/null | grep -q "控制"; do sleep 0.1; i=$((i + 1)); done
for k in j j j j j j j j j j j j J Tab Tab Tab / 控制 Enter n n N t c q '?' q; do
    tm send-keys -t h "$k"
    sleep 0.15
done
# q goes back through the views visited (here the search's), then quits; Esc leaves the
# search prompt. As many rounds as it takes, a few at most.
i=0
while [ $i -lt 150 ] && ! tm capture-pane -p -t h 2>/dev/null | grep -q EXITED; do
    [ $((i % 10)) -eq 0 ] && { tm send-keys -t h Escape; sleep 0.2; tm send-keys -t h q; }
    sleep 0.1; i=$((i + 1))
done
tm capture-pane -p -t h | grep -q EXITED || fail "the explorer in tmux did not quit"
[ -s "$T/raw" ] || fail "nothing recorded from the explorer in tmux"
python3 $H/scan.py curses "$T/raw" || fail "the explorer wrote the document's controls to the terminal"
finish
