#!/bin/sh
# The explorer's command line and environment: the UTF-8 locale check, options, bad
# places, the user's keys.conf (and its errors), NO_COLOR and the mono theme, TERM=vt100
# and TERM=linux, mouse clicks, and the compare view's CSV export.
. tests/tui/lib.sh
need_explorer

# Without a UTF-8 locale it says so, and how to fix it.
LC_ALL=C LANG=C GONGFU_HEADLESS=80x24 "$GONGFU" --db "$DB" >"$T/out" 2>"$T/err"
[ $? -eq 1 ] || fail "a C locale did not stop the explorer"
grep -q "UTF-8" "$T/err" && grep -q "LANG=C.UTF-8" "$T/err" || fail "locale message: $(cat "$T/err")"

"$GONGFU" --db "$DB" --ambiwidth=3 >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "--ambiwidth=3 accepted"
"$GONGFU" --db "$DB" --help >"$T/out" 2>&1 || fail "--help failed"
grep -q "SLUG\[:PATH\]" "$T/out" || fail "--help: $(cat "$T/out")"
run_screen 80x24 "" no-such-plan
[ "$rc" -eq 1 ] && grep -q "no document or command 'no-such-plan'" "$T/err" || fail "bad slug: rc=$rc $(cat "$T/err")"
run_screen 80x24 "" zhoushan-plan:99.1
[ "$rc" -eq 1 ] && grep -q "has no chapter or item" "$T/err" || fail "bad path: $(cat "$T/err")"
# A path into an outline the database cannot give (its sections' table gone) says why,
# not that the path does not exist.
cp "$DB" "$T/broken.db"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("ALTER TABLE node RENAME TO node_gone"); c.commit()' "$T/broken.db"
(cd "$T" && GONGFU_HEADLESS=80x24 "$GONGFU" --db "$T/broken.db" zhoushan-plan:1 >"$T/out" 2>"$T/err" </dev/null)
[ $? -eq 1 ] && grep -q "cannot read the chapters and items of zhoushan-plan: " "$T/err" &&
    ! grep -q "has no chapter or item" "$T/err" || fail "unreadable outline: $(cat "$T/err")"
"$GONGFU" --db "$T/none.db" >/dev/null 2>"$T/err" </dev/null
[ $? -eq 1 ] || fail "a missing database was not an error"
# Not on a terminal: it says what to use instead, and writes no escape codes.
"$GONGFU" --db "$DB" zhoushan-plan >"$T/out" 2>"$T/err" </dev/null
[ $? -eq 1 ] && [ ! -s "$T/out" ] && grep -q "needs a terminal" "$T/err" ||
    fail "run without a terminal: $(cat "$T/err")"

# --search opens with the results showing.
run_screen 80x24 "dump @T@/s.txt" --search 托位
grep -q "[0-9]* 个结果：“托位”" "$T/s.txt" || fail "--search: $(head -3 "$T/s.txt")"

# The user's keys.conf overrides the defaults, read by the same parser.
mkdir -p "$XDG_CONFIG_HOME/gongfu"
printf 'bind generic x help\nbind reader j up\n' > "$XDG_CONFIG_HOME/gongfu/keys.conf"
run_screen 120x80 "keys x
dump @T@/k.txt" zhoushan-plan
grep -q "所有窗格" "$T/k.txt" || fail "x did not open help"
grep -q "^   ? <F1> x  *help  *帮助（本页）" "$T/k.txt" || fail "help does not list x: $(grep 本页 "$T/k.txt")"
grep -q "^   j  *up  *上移一行" "$T/k.txt" || fail "help does not list j as up in the reader"
printf 'bind generic x fly\n' > "$XDG_CONFIG_HOME/gongfu/keys.conf"
run_screen 80x24 "" zhoushan-plan
[ "$rc" -eq 1 ] && grep -q "keys.conf:1: unknown command \"fly\"" "$T/err" || fail "bad keys.conf: $(cat "$T/err")"
rm -f "$XDG_CONFIG_HOME/gongfu/keys.conf"

# Themes: NO_COLOR draws with attributes only (no colour pair anywhere); each shipped
# theme loads; a user's theme is found by name; a missing theme is an error.
NO_COLOR=1 run_screen 80x24 "keys ]
dumproles @T@/r.txt" zhoushan-plan:1
grep -q '[A-Z]' "$T/r.txt" && fail "NO_COLOR: colour pairs drawn"
run_screen 80x24 "keys ]
dumproles @T@/r.txt" zhoushan-plan:1
grep -q 'R' "$T/r.txt" || fail "default theme: no current-target colour"
for th in default light mono high-contrast; do
    run_screen 80x24 "" --theme "$th" zhoushan-plan
    [ "$rc" -eq 0 ] || fail "theme $th: $(cat "$T/err")"
done
mkdir -p "$XDG_CONFIG_HOME/gongfu/themes"
echo "title red blue bold" > "$XDG_CONFIG_HOME/gongfu/themes/mine.theme"
run_screen 80x24 "" --theme mine zhoushan-plan
[ "$rc" -eq 0 ] || fail "user theme: $(cat "$T/err")"
echo "title red" > "$XDG_CONFIG_HOME/gongfu/themes/bad.theme"
run_screen 80x24 "" --theme bad zhoushan-plan
[ "$rc" -eq 1 ] && grep -q "bad.theme:1:" "$T/err" || fail "bad theme: $(cat "$T/err")"
run_screen 80x24 "" --theme nowhere zhoushan-plan
[ "$rc" -eq 1 ] && grep -q "no theme \"nowhere\"" "$T/err" || fail "missing theme: $(cat "$T/err")"

# 8 colours (TERM=xterm): the 256-colour theme is mapped onto them, nothing is lost.
TERM=xterm run_screen 80x24 "keys ]
dumproles @T@/x8.txt" zhoushan-plan:1
[ "$rc" -eq 0 ] && grep -q 'R' "$T/x8.txt" || fail "TERM=xterm: no colours drawn"

# Old terminals still get a usable screen.
for term in vt100 linux; do
    TERM=$term run_screen 80x24 "keys ]
dump @T@/$term.txt" zhoushan-plan:1
    [ "$rc" -eq 0 ] || fail "TERM=$term: $(cat "$T/err")"
    grep -q "一、全面落实发展目标" "$T/$term.txt" || fail "TERM=$term: $(cat "$T/$term.txt")"
done

# Mouse: a click on a sidebar row opens it; the wheel scrolls the reader.
run_screen 80x24 "click 5 4
dump @T@/m1.txt
wheel-down 50 10
dump @T@/m2.txt" zhoushan-plan:1
grep -q "gongfu ─ 浙江省" "$T/m1.txt" || fail "click on the sidebar: $(head -1 "$T/m1.txt")"
[ "$(tail -1 "$T/m1.txt")" != "$(tail -1 "$T/m2.txt")" ] || fail "the wheel did not move the reader"

# The compare view exports its table (asking for the file name: Enter takes the offered
# one, a .csv name writes csv) and says where.
mkdir -p "$T/work"
printf 'keys c e <Enter>\ndump %s/e.txt\nkeys e <C-u>\ntype t.csv\nkeys <Enter>\ndump %s/e2.txt\n' "$T" "$T" > "$T/exp"
(cd "$T/work" && GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$T/exp" "$GONGFU" --db "$DB" zhoushan-plan >/dev/null 2>"$T/err") || fail "export run: $(cat "$T/err")"
f=$T/work/gongfu-compare.xlsx
[ -s "$f" ] || fail "no xlsx written"
grep -q "已导出 [0-9]* 个指标到 $f" "$T/e.txt" || fail "export message: $(tail -1 "$T/e.txt")"
f=$T/work/t.csv
grep -q "已导出 [0-9]* 个指标到 $f" "$T/e2.txt" || fail "csv export message: $(tail -1 "$T/e2.txt")"
head -1 "$f" | grep -q "region,indicator,indicator_slug,category" || fail "CSV header: $(head -1 "$f")"
grep -q "每千人口拥有3岁以下婴幼儿托位数" "$f" || fail "CSV lacks the 托位 row"
echo "options: locale, errors, keys.conf, themes, old terminals, mouse and export all work"
