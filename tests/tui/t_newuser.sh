#!/bin/sh
# The explorer as a new user meets it (issue 12): an account of its own (not root), a
# fresh HOME, over tmux at 80×24, 120×40 and 200×50, with TERM=xterm and screen-256color
# (six sessions side by side). Each screen is whole — title, the sidebar's groups, the
# divider, the target panel, the status line's position — and the views a user tries
# first come and go as the README says: ? (help with its position), c (compare, with the
# focused cell's detail and the chart), / 托位 Enter (the reader at a hit, 结果 1/N), q back
# to the results, Esc to the reader, q to quit, the place saved in the account's own
# state, mode 0600.
. tests/tui/lib.sh
need_explorer
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
. tests/hardening/users.sh
U=$R1
mkdir -p "$T/u"
chown "$U" "$T/u"
tm() { as "$U" tmux -u -S "$T/u/sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; users_cleanup' EXIT
sessions=""
for term in xterm screen-256color; do
    for size in 80x24 120x40 200x50; do
        s="$term-$size"
        sessions="$sessions $s"
        tm new-session -d -x "${size%x*}" -y "${size#*x}" -s "$s" \
            "env TERM=$term '$GONGFU' --db '$DB'; echo EXITED \$?; sleep 60"
    done
done
pane() { tm capture-pane -p -t "$1" > "$T/pane"; }
wait_for() { tmux_wait "$@"; }
for s in $sessions; do
    lines=${s##*x}
    wait_for "$s" "[0-9]*/[0-9]* [0-9]*%"
    head -1 "$T/pane" | grep -q "gongfu ─ .* 帮助" || fail "$s: the title: $(head -1 "$T/pane")"
    for g in 国家 省级 市级; do grep -q "^▾ $g " "$T/pane" || { cat "$T/pane"; fail "$s: no group $g"; }; done
    grep -q "^─ 指标 " "$T/pane" || { cat "$T/pane"; fail "$s: no target panel"; }
    [ "$(sed -n "2,$((lines - 6))p" "$T/pane" | grep -c '│')" -eq $((lines - 7)) ] ||
        { cat "$T/pane"; fail "$s: the divider is broken"; }
    tm send-keys -t "$s" '?'
done
for s in $sessions; do
    wait_for "$s" "第 1–[0-9]* 行，共 [0-9]* 行"
    grep -q "^ gongfu ─ 帮助" "$T/pane" || fail "$s: ? did not open the help"
    tm send-keys -t "$s" q c
done
for s in $sessions; do
    wait_for "$s" "gongfu ─ 指标对比"
    grep -q "^─ 指标 · " "$T/pane" || { cat "$T/pane"; fail "$s: no detail under the table"; }
    grep -q "^─ [^·]*（.*）─" "$T/pane" || { cat "$T/pane"; fail "$s: no chart"; }
    tm send-keys -t "$s" q / 托位
done
for s in $sessions; do
    wait_for "$s" "[0-9]* 个结果：“托位”"
    tm send-keys -t "$s" Enter
done
for s in $sessions; do
    wait_for "$s" "结果 1/[0-9]* · "
    tm send-keys -t "$s" q
done
for s in $sessions; do
    wait_for "$s" "gongfu ─ 搜索所有措施"
    tm send-keys -t "$s" Escape
done
sleep 0.3
for s in $sessions; do
    pane "$s"
    grep -q "gongfu ─ 搜索所有措施" "$T/pane" && fail "$s: Esc did not leave the results"
    tm send-keys -t "$s" q
done
for s in $sessions; do
    wait_for "$s" "EXITED 0"
done
st=$T/home/$U/.local/state/gongfu/state
[ -f "$st" ] || fail "no state in the account's HOME ($st)"
[ "$(stat -c '%a %U' "$st")" = "600 $U" ] || fail "the state is $(stat -c '%a %U' "$st")"
echo "new user: 80×24 120×40 200×50 × xterm, screen-256color as $U: screens whole, help, compare, search, back, quit"
