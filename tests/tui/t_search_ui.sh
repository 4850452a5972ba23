#!/bin/sh
# The search as a new user tries it (issue 12, points 10 and 16): the prompt is edited as
# in a shell (←/→, Home/End, C-a/C-e, C-u, C-w, Del) with a history on ↑/↓; / starts an
# empty query and says the last one is a ↑ away; a result names its document; n/N keep
# "结果 i/N" on the status line; the result count stays in view before a long query; a
# chapter whose text is all in its items shows them instead of an empty snippet.
. tests/tui/lib.sh
need_explorer
shot() { screen_after "$1" "$2" zhoushan-plan:4.15; }   # shot SIZE SCRIPT: the screen in $T/s.txt
prompt() { tail -1 "$T/s.txt"; }
head2() { sed -n 2p "$T/s.txt"; }
want_prompt() { [ "$(prompt)" = "/$1" ] || fail "$2: the prompt reads '$(prompt)', not '/$1'"; }

# 10: editing at the cursor.
shot 100x30 "keys /
type 位
keys <Home>
type 托
keys <End>
type 数"
want_prompt "托位数" "Home, typing, End"
shot 100x30 "keys /
type 养老
keys <C-a>
type 护理
keys <C-e> <Left> <Del>"
want_prompt "护理养" "C-a, C-e, ←, Del"
shot 100x30 "keys /
type 托位
keys <Left> <C-u>"
want_prompt "位" "C-u erases what is before the cursor"
shot 100x30 "keys /
type 托位 养老
keys <C-w>
type 医"
want_prompt "托位 医" "C-w"
shot 100x30 "keys /
type 托位
keys <Left> <Right> <C-b> <C-f> <BS>"
want_prompt "托" "BS at the end after moving"
# History: / starts empty, the last query a ↑ away; ↓ comes back to what was typed.
shot 100x30 "keys / 托 位 <Enter> / 养 老 <Enter> /"
want_prompt "" "/ after a search"
head2 | grep -q "↑ 上次的搜索“养老”" || fail "/ does not say the last query is a ↑ away: $(head2)"
shot 100x30 "keys / 托 位 <Enter> / 养 老 <Enter> / <Up>"
want_prompt "养老" "↑"
shot 100x30 "keys / 托 位 <Enter> / 养 老 <Enter> / <Up> <Up>"
want_prompt "托位" "↑ ↑"
shot 100x30 "keys / 托 位 <Enter> / 养 老 <Enter> / 医 <Up> <Up> <Down> <Down>"
want_prompt "医" "↑ ↑ ↓ ↓ back to what was typed"
# A result names its document.
shot 100x30 "keys / 托 位"
grep -q "^ 舟山市《舟山高质量发展建设共同富裕示范区先行市实施方案" "$T/s.txt" ||
    { cat "$T/s.txt"; fail "a result does not name its document"; }

# 16: n and N keep the result's number on the status line.
# (Said once: the message names the hit's place, the right side its number.)
once() { [ "$(prompt | grep -o "结果 [0-9]*/" | wc -l)" -eq 1 ] || fail "$1: the status line says the result twice: '$(prompt)'"; }
shot 100x30 "keys / 托 位 <Enter> n"
prompt | grep -q "结果 2/[0-9]* · " || fail "n: the status line is '$(prompt)'"
once n
prompt | grep -q "^ [^ ]*《" || fail "n: the status line does not say where the hit is: '$(prompt)'"
shot 100x30 "keys / 托 位 <Enter> n n N"
prompt | grep -q "结果 2/[0-9]* · " || fail "N: the status line is '$(prompt)'"
once N
# A long query keeps its count in view.
long="托位"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do long="$long 托位"; done
shot 80x24 "keys /
type $long"
head2 | grep -q "^[0-9]* 个结果：“托位 托位" || fail "a long query hid the count: $(head2)"
# A chapter whose text is all in its items shows them.
shot 100x30 "keys /
type 总体要求"
grep -q "包括：1.指导思想 · 2.工作原则 · 3.具体目标" "$T/s.txt" ||
    { cat "$T/s.txt"; fail "a chapter's hit shows no snippet"; }
echo "search: the prompt edits at the cursor, keeps a history, names documents; n/N say the result; counts stay"
