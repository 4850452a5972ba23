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
# The examples are data/ask_examples.tsv's, each kind's first.
mkdir "$T/data" && cp data/*.tsv "$T/data/"
printf 'lookup\t问例一\nlookup\t问例二\nmeasures\t问例三\n' >"$T/data/ask_examples.tsv"
rm -rf "$XDG_STATE_HOME"
(export GONGFU_DATA="$T/data"; run_screen 80x24 "keys a
dump @T@/ask-data-80x24.txt" zhoushan-plan)
grep -q "某地的目标或实际数值：问例一" "$T/ask-data-80x24.txt" &&
    grep -q "关于某事的措施：问例三" "$T/ask-data-80x24.txt" &&
    ! grep -q "问例二\|舟山的托位" "$T/ask-data-80x24.txt" ||
    { echo "the ask view does not show data/ask_examples.tsv's:"; cat "$T/ask-data-80x24.txt"; bad=1; }
# Esc on an empty prompt leaves the view; the reader is where it was.
run_screen 80x24 "keys a <Esc>
dump @T@/ask-escape-80x24.txt" zhoushan-plan
grep -q "问答" "$T/ask-escape-80x24.txt" && { echo "Esc left the ask view open"; bad=1; }
[ "$bad" -eq 0 ] || fail "screens differ from tests/golden/screens"
echo "ask screens: all match"
