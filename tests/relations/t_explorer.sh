#!/bin/sh
# The related list and the side-by-side view, key by key (issue 14, point 2), headless:
# r toggles the bottom between the target panel and the related list (t hides either);
# Enter on a related item opens the side-by-side view; ] and [ go round the related items;
# j scrolls both sides together, s then h/l one side alone; Enter opens the chosen side in
# the reader and q comes back; q closes the view. Also: an old database without the
# relation table says so instead of listing nothing.
. tests/tui/lib.sh
need_explorer
at=zhejiang-plan:0.29
shot() { screen_after 80x24 "$1" "$at"; [ -s "$T/s.txt" ] || fail "'$1' quit before the end"; }
has() { grep -q -- "$1" "$T/s.txt" || fail "after '$2' the screen lacks '$1': $(cat "$T/s.txt")"; }
lacks() { ! grep -q -- "$1" "$T/s.txt" || fail "after '$2' the screen still shows '$1'"; }
title() { head -1 "$T/s.txt" | grep -q -- "$1" || fail "after '$2' the title is: $(head -1 "$T/s.txt")"; }
# Row N's text on the left (before the divider) and on the right (after it).
left() { sed -n "${1}p" "$T/s.txt" | sed 's/│.*//'; }
right() { sed -n "${1}p" "$T/s.txt" | sed 's/^[^│]*│//'; }

# The toggle: the list replaces the panel in the same place, and back.
shot ""
has "─ 指标" "(start)"; lacks "相关措施" "(start)"
shot "keys r"
has "─ 相关措施 1/" "r"; has "台州市《" "r"; lacks "─ 指标" "r"
shot "keys r r"
has "─ 指标" "r r"; lacks "─ 相关措施" "r r"
shot "keys r t"
lacks "─ 相关措施" "r t"; lacks "─ 指标" "r t"
shot "keys r t t"
has "─ 相关措施 1/" "r t t"
# The list follows the reading cursor: the next item's relations replace these.
shot "keys r ] ] ] ] ] ]"
has "─ 相关措施" "r ]…"; lacks "29.大力实施强村富民行动 ─" "r ]… (the list did not follow)"
# Tab gives the list the keys; j selects the next item.
shot "keys r <Tab> j"
has "相关措施  " "r Tab j (hint)"; has "─ 相关措施 2/" "r Tab j"

# Enter: the side-by-side view, the province's item left, the selected one right.
shot "keys r <Tab> j <Enter>"
title "并排阅读" "Enter"
left 2 | grep -q "浙江省《" || fail "the left side is not the province's item: $(left 2)"
right 2 | grep -q "相关 2/" || fail "the right side is not the second related item: $(right 2)"
has "共同的词组：" "Enter"
# ] and [ go round the related items.
shot "keys r <Tab> j <Enter> ]"
right 2 | grep -q "相关 3/" || fail "] did not put the next item on the right: $(right 2)"
shot "keys r <Tab> <Enter> ["
right 2 | grep -q "相关 4/4" || fail "[ on the first did not go round to the last: $(right 2)"
# Together: j scrolls both sides (each heading leaves row 5).
shot "keys r <Tab> j <Enter>"
left 5 | grep -q "29\." || fail "the left side does not start with its heading: $(left 5)"
head_r=$(right 5)
shot "keys r <Tab> j <Enter> j"
left 5 | grep -q "29\." && fail "j did not scroll the left side together"
[ "$(right 5)" != "$head_r" ] || fail "j did not scroll the right side together"
# Apart: s, then only the chosen side (l: the right) scrolls.
shot "keys r <Tab> j <Enter> s l j"
left 5 | grep -q "29\." || fail "s l j scrolled the left side too: $(left 5)"
[ "$(right 5)" != "$head_r" ] || fail "s l j did not scroll the right side"
has "右 " "s l j (where)"
shot "keys r <Tab> j <Enter> s h j"
left 5 | grep -q "29\." && fail "s h j did not scroll the left side"
[ "$(right 5)" = "$head_r" ] || fail "s h j scrolled the right side too"
# s again: together once more.
shot "keys r <Tab> j <Enter> s s j"
left 5 | grep -q "29\." && fail "s s j did not scroll both"
# Enter opens the chosen side in the reader, and q comes back to the view.
shot "keys r <Tab> j <Enter> <Enter>"
title "台州市" "Enter Enter"; has "q 回到并排阅读" "Enter Enter"
shot "keys r <Tab> j <Enter> <Enter> q"
title "并排阅读" "Enter Enter q"
# q closes the view: back to the reader with the list as it was.
shot "keys r <Tab> j <Enter> q"
title "29.大力实施强村富民行动" "Enter q"; has "─ 相关措施 2/" "Enter q"
# Help lists the new keys.
screen_after 120x160 "keys ?" "$at"
has "相关措施（底栏" "?"; has "并排视图" "?"; has "两边一起滚动" "?"; has "^   r  .*related  *底栏：在指标栏和相关措施" "?"

# A database from before relations: the list says to import again.
cp "$DB" "$T/old.db"
sqlite3 "$T/old.db" "DROP TABLE relation" || fail "cannot drop the relation table"
rm -rf "$XDG_STATE_HOME"
run_screen 100x30 "keys r
dump @T@/s.txt" --db "$T/old.db" "$at"
[ "$rc" -eq 0 ] || fail "the old database: exit $rc: $(cat "$T/err")"
has "没有相关措施：用 gongfu import 重新导入" "r (old database)"
echo "related in the explorer: toggle, follow, Enter, ] [, together and apart, q back"
