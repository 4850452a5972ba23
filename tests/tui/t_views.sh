#!/bin/sh
# Views stack as in tig (issue 12, point 12): q in a view opened from another — the source
# opened from the compare view, help, the reader opened from the search results — returns
# to it, and quits only from the main view; ← and BS come back the same way (down the
# history first); Esc closes a view and never quits; Tab in the compare view goes left to
# right through its columns.
. tests/tui/lib.sh
need_explorer
shot() {   # shot SCRIPT: the screen after the script in $T/s.txt
    screen_after 100x30 "$1" zhoushan-plan:1
    [ -s "$T/s.txt" ] || fail "'$1' quit before the end"
}
title() { head -1 "$T/s.txt" | grep -q -- "$1" || fail "after '$2' the screen is: $(head -1 "$T/s.txt")"; }

# The source opened from the compare view: q, BS and ← return to the compare view.
shot "keys ] c <Enter>"
title "gongfu ─ 舟山市" "] c Enter"
grep -q "q 返回指标对比" "$T/s.txt" || fail "the reader opened from compare does not say how to go back"
shot "keys ] c <Enter> q"
title "指标对比" "] c Enter q"
shot "keys ] c <Enter> <BS>"
title "指标对比" "] c Enter BS"
shot "keys ] c <Enter> <Left>"
title "指标对比" "] c Enter ←"
shot "keys ] c <Enter> <Esc>"
title "指标对比" "] c Enter Esc"
# …after a jump from there, back goes down the history first.
shot "keys ] c <Enter> <Tab> <Tab> <Enter> <BS>"
title "gongfu ─ 舟山市" "] c Enter (panel) Enter BS"
shot "keys ] c <Enter> <Tab> <Tab> <Enter> <BS> <BS>"
title "指标对比" "] c Enter (panel) Enter BS BS"
# Help over the compare view, and over the help the compare view again: each q goes back one.
shot "keys c ? q"
title "指标对比" "c ? q"
shot "keys c ? <BS>"
title "指标对比" "c ? BS"
# The reader opened from the search results: q returns to the results.
shot "keys / 托 位 <Enter> q"
title "搜索所有措施" "/ 托位 Enter q"
grep -q "[0-9]* 个结果：“托位”" "$T/s.txt" || fail "the results are gone after q"
# q quits only from the main view; Esc there does nothing.
shot "keys <Esc> <Esc>"
title "gongfu ─ 舟山市" "Esc Esc"
rm -rf "$XDG_STATE_HOME"
run_screen 100x30 "keys ] c <Enter> q q q
dump @T@/after.txt" zhoushan-plan:1
[ "$rc" -eq 0 ] && [ ! -s "$T/after.txt" ] || fail "q from the compare view over the main view did not quit"
# Tab in the compare view: the next column to the right.
shot "keys c <Tab> <Tab>"
grep -q "^─ 舟山市 · " "$T/s.txt" || fail "Tab Tab in compare is not the second region: $(grep '^─ ' "$T/s.txt" | head -1)"
shot "keys c <Tab> <Tab> <S-Tab>"
grep -q "^─ 浙江省 · " "$T/s.txt" || fail "S-Tab in compare is not the column to the left"
# Closing a view shows the main view's windows as its panes last drew them, redrawing only
# what changed meanwhile: the screen, its roles included, is the one drawing all afresh
# (C-l) gives — with the sidebar or the panel focused, after moves, and when the view
# was up over a resize or a jump made from it.
same_as_redrawn() {   # same_as_redrawn KEYS…: the screen after them, and after them and C-l
    rm -rf "$XDG_STATE_HOME"
    run_screen 100x30 "$1
dump @T@/a.txt
dumproles @T@/ar.txt
keys <C-l>
dump @T@/b.txt
dumproles @T@/br.txt" zhoushan-plan:1
    [ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
    cmp -s "$T/a.txt" "$T/b.txt" && cmp -s "$T/ar.txt" "$T/br.txt" ||
        fail "after '$1' the main view is not what drawing it again shows: $(diff "$T/a.txt" "$T/b.txt" | head -5)"
}
same_as_redrawn "keys ] ] j ? <Esc>"
same_as_redrawn "keys ] <Tab> j j c <Esc>"
same_as_redrawn "keys ] <S-Tab> c j j <Esc> k"
same_as_redrawn "keys ] ? j q ] c <Enter> q <Esc>"
same_as_redrawn "keys ] ?
resize 90 26
keys <Esc>"
same_as_redrawn "keys c j j <Enter> <Esc>"
# The sidebar redraws only the rows that changed: after moves, folds, jumps, a wider
# sidebar and the focus going and coming, it too is what drawing all afresh shows.
same_as_redrawn "keys <S-Tab> j j l j h k <Enter> ] ] [ <S-Tab> G g"
same_as_redrawn "keys <S-Tab> j l <gt> <gt> j <Tab> <Space> ] <lt> <S-Tab> k"
# The compare view redraws only the table rows that changed: after moves, columns,
# sorting, the chart hidden, a filter and help over it, the table is what C-l draws.
same_as_redrawn "keys c j j l l h j k s j G g t j k"
same_as_redrawn "keys c j ? <Esc> j <Tab> <Tab> <Space> b"
same_as_redrawn "keys c / 收 入 <Enter> j k / <Esc> j"
echo "views: q, BS, ← and Esc return to the view a view came from; q quits from the main view; Tab goes right; a view closed shows the main view as drawn afresh"
