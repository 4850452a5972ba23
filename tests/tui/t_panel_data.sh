#!/bin/sh
# The target panel reads what it shows when the cursor first reaches a target of the
# reader's document (the rows of every indicator the document links, each indicator's
# progress paired among its own rows), a target no indicator links alone, and keeps them
# while the reader stays in the document (issue 15). The screens must be the ones the
# panel drew when it read every target at once: a target's indicator, the regions, the
# statuses; after a jump to another document's target (the panel's Enter), a next target
# there (one no indicator links), back in the first document, and its next targets.
. tests/tui/lib.sh
need_explorer
bad=0
steps="keys ] ] ]
keys <Tab> <Left> <Enter>
keys ]
keys <BS>
keys ] ]"
for size in 80x24 120x40; do
    rm -rf "$XDG_STATE_HOME"
    i=0 script=""
    while IFS= read -r line; do
        i=$((i + 1))
        script="$script$line
dump @T@/panel-docs-$i-$size.txt
"
    done <<STEPS
$steps
STEPS
    run_screen "$size" "$script" zhoushan-plan:1
    [ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
    for k in 1 2 3 4 5; do
        golden "panel-docs-$k-$size" || bad=1
    done
done
# The compare view keeps the height of the selected row's detail for its row, width and
# room: after rows, columns and two resizes, the detail is as tall as the build before made
# it (a resize or another row counts again).
rm -rf "$XDG_STATE_HOME"
run_screen 120x40 "keys c j j l
dump @T@/compare-detail-1.txt
resize 80 24
dump @T@/compare-detail-2.txt
keys k l l
dump @T@/compare-detail-3.txt
resize 200 50
dump @T@/compare-detail-4.txt" zhoushan-plan
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
for k in 1 2 3 4; do
    golden "compare-detail-$k" || bad=1
done
# What the dumps must show, whatever the goldens: the document changed and came back, and
# the panel named the indicator of each target (one not in the catalogue among them).
grep -q "舟山市 ›" "$T/panel-docs-1-120x40.txt" || fail "step 1 is not in the Zhoushan plan"
grep -q "^ gongfu ─ 浙江省" "$T/panel-docs-2-120x40.txt" || fail "step 2 did not jump to another document"
grep -q "未归入指标目录" "$T/panel-docs-3-120x40.txt" || fail "step 3 is not a target no indicator links"
grep -q "舟山市 ›" "$T/panel-docs-4-120x40.txt" || fail "step 4 is not back in the Zhoushan plan"
[ "$bad" -eq 0 ] || fail "panel screens differ from tests/golden/screens"
echo "panel across documents, compare detail: all match"
