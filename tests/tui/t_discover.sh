#!/bin/sh
# What a new user looks for (issue 12, points 11 and 13): ' lists the bookmarks there are
# (or says how to set one), the help shows where it is, what h and l do in each pane and
# what the mouse does; the sidebar tells documents from chapters by indent and 《》, grows
# and shrinks with > and <, and shows a row's whole title on i.
. tests/tui/lib.sh
need_explorer
shot() { screen_after "$1" "$2" zhoushan-plan:4.15; }   # shot SIZE SCRIPT: the screen in $T/s.txt
status() { tail -1 "$T/s.txt"; }

# 11: ' with no bookmark says how to set one; with some, it lists them.
shot 80x24 "keys '"
status | grep -q "还没有书签：按 m 再按一个字母" || fail "' with no bookmarks: $(status)"
shot 100x30 "keys m a j j j j j j j j j j j j j j j j j j j j j j m b g '"
status | grep -q "回到书签（按字母）：a 舟山市 4.15  b 舟山市 4.1[56]" || fail "' does not list the bookmarks: $(status)"
# The help: where it is, h and l per pane, the mouse.
shot 80x24 "keys ?"
status | grep -q "第 1–22 行，共 [0-9]* 行" || fail "the help has no position: $(status)"
shot 80x24 "keys ? G"
status | grep -q "共 [0-9]* 行 100%" || fail "the help's position at its end: $(status)"
shot 100x200 "keys ?"
for want in "侧栏（文档与章节）" "折叠；已折叠时到上一级" "指标栏" "选左边的地区" "对比视图" "选左边一列" \
            "鼠标" "点击指标栏的地区 *跳到它的原文" "滚轮"; do
    grep -q -- "$want" "$T/s.txt" || { cat "$T/s.txt"; fail "the help lacks \"$want\""; }
done

# The help names each command as keys.conf does (where there is room for it), each
# context too, and lists the commands a user's keys.conf left without a key.
shot 120x200 "keys ?"
grep -q "^   j <Down> <C-n>  *down  *下移一行" "$T/s.txt" || fail "the help does not name down: $(grep 下移一行 "$T/s.txt")"
grep -q "^ 侧栏（文档与章节） · tree" "$T/s.txt" || fail "the help does not name the tree context"
grep -q "没有按键的命令" "$T/s.txt" && fail "the help lists unbound commands when every one has a key"
mkdir -p "$XDG_CONFIG_HOME/gongfu"
echo "bind generic z none" > "$XDG_CONFIG_HOME/gongfu/keys.conf"
shot 120x200 "keys ?"
rm -f "$XDG_CONFIG_HOME/gongfu/keys.conf"
sed -n '/没有按键的命令/,$p' "$T/s.txt" | grep -q "^ *zoom  *阅读区占满屏幕" ||
    { cat "$T/s.txt"; fail "the help does not list zoom once z is unbound"; }

# 13: documents in 《》 one level in, chapters two columns further, items two more.
shot 100x30 ""
grep -q "^ ▸ 《中共中央 国务院" "$T/s.txt" || fail "a document row: $(sed -n 3p "$T/s.txt")"
grep -q "^   ▾ 四、打造海岛公共服务" "$T/s.txt" || fail "a chapter row is not indented under its document"
grep -q "^       15.促进人口长期均衡" "$T/s.txt" || fail "an item row is not indented under its chapter"
# > and < move the divider four columns; i shows a row's whole title.
col() { sed -n 2p "$T/s.txt" | python3 -c "import sys, unicodedata
l = sys.stdin.read(); i = l.index('│')
print(sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l[:i]))"; }
shot 100x30 ""
c0=$(col)
shot 100x30 "keys > >"
c1=$(col)
[ "$c1" -eq $((c0 + 8)) ] || fail "> > moved the divider from $c0 to $c1"
shot 100x30 "keys > > <"
c2=$(col)
[ "$c2" -eq $((c0 + 4)) ] || fail "> > < put the divider at $c2, not $((c0 + 4))"
# (h from the item: up to its chapter, fold it, up to the document.)
shot 120x30 "keys <S-Tab> h h h i"
status | grep -q "《舟山高质量发展建设共同富裕示范区先行市实施方案(2021-2025年)》" || fail "i: $(status)"
echo "discover: bookmarks listed, help with position, per-pane keys and mouse; sidebar levels, widths, titles"
