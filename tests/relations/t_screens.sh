#!/bin/sh
# Golden screens of the related list (r under the reader) and the side-by-side view (Enter
# on a related item) at 80×24, 120×40 and 200×50, and of a section that has no related
# item (tests/golden/screens/related-*). GONGFU_UPDATE_GOLDEN=1 rewrites them.
. tests/tui/lib.sh
need_explorer
bad=0
for size in 80x24 120x40 200x50; do
    # The province's item 29 (强村富民): its counterparts in the cities, per document.
    shot related-list "$size" "keys r" zhejiang-plan:0.29
    # The second of them beside it, the phrases both write highlighted.
    shot related-pair "$size" "keys r <Tab> j <Enter>" zhejiang-plan:0.29
done
# A section no other document answers: the list says so, and lists nothing.
shot related-none 80x24 "keys r" zhejiang-work-report:1.10
[ "$bad" -eq 0 ] || fail "screens differ from tests/golden/screens"
echo "related screens: all match"
