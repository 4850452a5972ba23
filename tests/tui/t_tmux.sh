#!/bin/sh
# A smoke test in a real terminal emulator: tmux at 100×30 runs gongfu (probing the
# ambiguous width and all), keys go in with send-keys, capture-pane shows the screen.
. tests/tui/lib.sh
need_explorer
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
sock=$T/tmux.sock
tm() { tmux -u -S "$sock" -f /dev/null "$@"; }
wait_for() { tmux_wait gf "$1"; }
tm new-session -d -x 100 -y 30 -s gf \
    "'$GONGFU' --db '$DB' zhoushan-plan:4.15; echo \"EXITED \$?\"; sleep 60"
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT
wait_for "15.促进人口长期均衡发展"
wait_for "舟山市 › 四、打造海岛"
# The sidebar marks the item, the status line says where the reader is.
grep -q "15.促进" "$T/pane" || fail "sidebar"
grep -q "[0-9]*/[0-9]* [0-9]*%" "$T/pane" || fail "no position in the status line"
# The terminal's own cursor sits on the reader's cursor line (screen readers follow it).
cy=$(tm display -p -t gf '#{cursor_y}')
sed -n "$((cy + 1))p" "$T/pane" | grep -q "│ 15.促进人口长期均衡发展" ||
    fail "the cursor is on row $cy: $(sed -n "$((cy + 1))p" "$T/pane")"
tm send-keys -t gf j j
sleep 0.3
cy2=$(tm display -p -t gf '#{cursor_y}')
[ "$cy2" -eq $((cy + 2)) ] || fail "after j j the cursor is on row $cy2, not $((cy + 2))"
tm send-keys -t gf k k
# The terminal shrinks below the minimum and grows back (SIGWINCH).
tm resize-window -t gf -x 30 -y 8
wait_for "终端太小"
tm resize-window -t gf -x 100 -y 30
wait_for "舟山市 › 四、打造海岛"
# Search for 托位 and open the first result: the target panel shows the indicator.
tm send-keys -t gf / 托位
wait_for "[0-9]* 个结果：“托位”"
tm send-keys -t gf Enter
wait_for "每千人口拥有3岁以下婴幼儿托位数"
wait_for "舟山市 4.5个"
# The compare view, then back, then help, then back to the search results the reader was
# opened from (views stack), Esc leaves them, q quits.
tm send-keys -t gf c
wait_for "指标对比"
tm send-keys -t gf q '?'
wait_for "所有窗格"
tm send-keys -t gf q q
wait_for "gongfu ─ 搜索所有措施"
tm send-keys -t gf Escape
# q only once Esc is read alone (a loaded machine may deliver them together, Alt-q).
wait_for "gongfu ─ .* › "
tm send-keys -t gf q
wait_for "EXITED 0"
grep -q "^last	" "$XDG_STATE_HOME/gongfu/state" || fail "no state saved"

# Ctrl-Z from an interactive shell: the shell gets the terminal back, fg restores the
# screen as it was, q still leaves cleanly.
tm new-session -d -x 100 -y 30 -s sh "PS1='PROMPT\$ ' sh -i"
tm send-keys -t sh "'$GONGFU' --db '$DB' zhoushan-plan:4.15" Enter
sleep 0.2
tm send-keys -t sh C-z
i=0
until tm capture-pane -p -t sh | grep -q "Stopped"; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "Ctrl-Z did not stop gongfu: $(tm capture-pane -p -t sh)"
    sleep 0.1
done
tm send-keys -t sh fg Enter
i=0
until tm capture-pane -p -t sh | grep -q "舟山市 › 四、打造海岛"; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "fg did not bring the screen back: $(tm capture-pane -p -t sh)"
    sleep 0.1
done
tm send-keys -t sh q
i=0
until tm capture-pane -p -t sh | grep -v '^ *$' | tail -1 | grep -q '^PROMPT'; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "q after fg: $(tm capture-pane -p -t sh)"
    sleep 0.1
done
echo "tmux: the explorer ran at 100×30, searched, compared, helped, suspended, resumed and quit"
