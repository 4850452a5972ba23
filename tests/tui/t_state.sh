#!/bin/sh
# Where the user left off and bookmarks survive a restart; q, SIGTERM and SIGHUP all save
# the state, atomically and privately (0600).
. tests/tui/lib.sh
need_explorer
rm -rf "$XDG_STATE_HOME"
run_screen 80x24 "keys j j j" zhoushan-plan:4.15
[ "$rc" -eq 0 ] || fail "exit $rc"
f=$XDG_STATE_HOME/gongfu/state
[ -f "$f" ] || fail "no state file after q"
[ "$(stat -c %a "$f")" = 600 ] || fail "state file mode $(stat -c %a "$f"), want 600"
grep -q "^last	zhoushan-plan	4.15	" "$f" || fail "state: $(cat "$f")"
ls "$XDG_STATE_HOME/gongfu" | grep -qv '^state$' && fail "a temporary file was left behind"

# Reopening without arguments lands on the same line as before.
run_screen 80x24 "keys j j j
dump @T@/a.txt" zhoushan-plan:4.15
ino=$(stat -c %i "$f")
run_screen 80x24 "dump @T@/b.txt"
# Nothing moved: the file is left as it was, not written again (no fsync at the q).
[ "$(stat -c %i "$f")" = "$ino" ] || fail "the state file was rewritten with nothing changed"
tail -1 "$T/a.txt" > "$T/a.last"; tail -1 "$T/b.txt" > "$T/b.last"
head -1 "$T/a.txt" > "$T/a.title"; head -1 "$T/b.txt" > "$T/b.title"
cmp -s "$T/a.title" "$T/b.title" || fail "reopened elsewhere: $(cat "$T/b.title")"
grep -q "舟山市 › 四、打造海岛.* › 15.促进人口长期均衡发展" "$T/b.title" ||
    fail "title after reopening: $(cat "$T/b.title")"
sed 's/.* \([0-9]*\)\/[0-9]* [0-9]*%$/\1/' "$T/a.last" > "$T/a.line"
sed 's/.* \([0-9]*\)\/[0-9]* [0-9]*%$/\1/' "$T/b.last" > "$T/b.line"
cmp -s "$T/a.line" "$T/b.line" || fail "reopened on line $(cat "$T/b.line"), left on $(cat "$T/a.line")"

# m + letter sets a bookmark; ' + letter comes back to it, in a later run too.
run_screen 80x24 "keys m a" taizhou-plan:1.3
grep -q "^mark	a	taizhou-plan	1.3	" "$f" || fail "bookmark a not saved: $(cat "$f")"
run_screen 80x24 "keys ' a
dump @T@/c.txt" jinhua-plan
grep -q "台州市（原文不完整） › 一、总体要求 › 3.具体目标" "$T/c.txt" || fail "' a went to: $(head -1 "$T/c.txt")"
run_screen 80x24 "keys ' z
dump @T@/d.txt" jinhua-plan
grep -q "没有书签 z" "$T/d.txt" || fail "no message for a missing bookmark"

# SIGTERM and SIGHUP (a dropped SSH link) leave cleanly and save the place.
for sig in TERM HUP; do
    rm -rf "$XDG_STATE_HOME"
    mkfifo "$T/fifo.$sig"
    # The script blocks reading the fifo: gongfu is inside its loop when the signal comes.
    GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/fifo.$sig" "$GONGFU" --db "$DB" zhoushan-plan:2.3 \
        >"$T/out" 2>"$T/err" &
    pid=$!
    exec 3>"$T/fifo.$sig"
    echo "keys j" >&3
    sleep 1
    kill -$sig $pid
    sleep 0.5
    exec 3>&-
    wait $pid
    rc=$?
    [ "$rc" -eq 0 ] || fail "SIG$sig: exit $rc: $(cat "$T/err")"
    grep -q "^last	zhoushan-plan	2.3	" "$f" 2>/dev/null || fail "SIG$sig: state not saved"
done
echo "state: saved on q, TERM and HUP; reopened in place; bookmarks work"
