#!/bin/sh
# The explorer's ask view (issue 17), as golden screens (tests/golden/screens/ask-*):
# the prompt and what can be asked, answers of each shape (which, a rank, measures in
# Traditional, one the documents cannot give), a row's source opened in the reader over
# the view with the target under the cursor, q back to the answer with the row still
# chosen, and where the value is drawn in the hit colour. GONGFU_UPDATE_GOLDEN=1 rewrites
# them after a deliberate change; review the diff before committing.
. tests/tui/lib.sh
need_explorer
bad=0
which="keys a
type 哪些城市提出了每千人口托位数目标？
keys <Enter>"
for size in 80x24 120x40; do
    shot ask-intro "$size" "keys a" zhoushan-plan
    shot ask-which "$size" "$which" zhoushan-plan
    shot ask-source "$size" "$which
keys j <Enter>" zhoushan-plan
    shot ask-back "$size" "$which
keys j <Enter> q" zhoushan-plan
    shot ask-measures "$size" "keys a
type 關於未來社區有哪些舉措
keys <Enter>" zhoushan-plan
done
shot ask-rank 80x24 "keys a
type 哪个城市的高等教育毛入学率目标最高
keys <Enter>" zhoushan-plan
shot ask-none 80x24 "keys a
type 杭州的医生数目标
keys <Enter>" zhoushan-plan
shot ask-again 200x50 "$which
keys a <C-u>
type 台州的律师数
keys <Enter>" zhoushan-plan
# Where the value is drawn: the hit colour on the first row's sentence.
rm -rf "$XDG_STATE_HOME"
run_screen 80x24 "$which
dumproles @T@/ask-roles-80x24.txt" zhoushan-plan
golden ask-roles-80x24 || bad=1
# Esc on an empty prompt leaves the view; the reader is where it was.
run_screen 80x24 "keys a <Esc>
dump @T@/ask-escape-80x24.txt" zhoushan-plan
grep -q "问答" "$T/ask-escape-80x24.txt" && { echo "Esc left the ask view open"; bad=1; }
[ "$bad" -eq 0 ] || fail "screens differ from tests/golden/screens"
echo "ask screens: all match"
