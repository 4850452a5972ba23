#!/bin/sh
# Golden screens of the explorer at 80×24, 120×40 and 200×50 (tests/golden/screens/),
# dumped from curses in headless mode. GONGFU_UPDATE_GOLDEN=1 rewrites them after a
# deliberate change; review the diff before committing.
. tests/tui/lib.sh
need_explorer
bad=0
for size in 80x24 120x40 200x50; do
    shot startup "$size" ""
    shot chapter-national "$size" "" national-opinions:3
    shot chapter-keypoints "$size" "" zhejiang-keypoints:2
    shot chapter-zhejiang "$size" "" zhejiang-plan:7
    shot chapter-zhoushan "$size" "" zhoushan-plan:4
    shot chapter-taizhou "$size" "" taizhou-plan:6
    shot chapter-jinhua "$size" "" jinhua-plan:5
    shot panel-tuowei "$size" "keys / 托 位 <Enter>" zhoushan-plan:1
    shot compare "$size" "keys c" zhoushan-plan
    shot search-tuowei "$size" "keys / 托 位" zhoushan-plan
    shot search-shuweihua "$size" "keys / 數 位 化" zhoushan-plan
    shot help "$size" "keys ?" zhoushan-plan
    shot ambiwidth2 "$size" "" --ambiwidth=2 zhoushan-plan:1
    # A view closed with the focus on the panel, which leaves the cursor nowhere: the main
    # view is all back (the view's window, where the cursor was, once painted over it).
    shot view-closed "$size" "keys <Tab> c q" zhoushan-plan
    # The panel on a 2030 goal of the 2026 report: each target's status against the value
    # reported for 2025, the value itself one entry after, the cities' 2025 targets.
    shot panel-progress "$size" "keys ]" zhejiang-work-report:2
done
# The province reported 托位 but set no target in the text imported, which is only the
# second half of its plan: the panel says so (and the title line of that plan).
shot panel-incomplete 120x40 "keys / 托 位 <Enter> <Tab> <Left> <Enter>" zhoushan-plan
# The province column of the compare view where the imported province plan (its second
# half) sets no target but the 2026 report states the value reached: the cell shows it,
# the detail says the imported text has no target (not that the province set none).
shot compare-reported 120x40 "keys c / 倍 差 <Enter> l" zhoushan-plan
# A resize: the same place redrawn at each size after starting at another.
shot resize 120x40 "resize 80 24" zhoushan-plan:4.15
shot resize 80x24 "resize 200 50" zhoushan-plan:4.15
# A compare view whose filter leaves no row (so no cursor there), opened again from the
# reader: the view, not the reader, shows (the reader's window was refreshed over it).
shot compare-empty 80x24 "keys c / [ <Enter> c <Up> c" zhoushan-plan
# A wide terminal keeps the reading column to a measure (90 columns) and says how to widen
# it; W widens it to the pane (issue 12, point 15).
shot text-full 200x50 "keys W" zhoushan-plan:4
shot text-width 200x50 "" --text-width=60 zhoushan-plan:4
shot small 20x6 "" zhoushan-plan
shot small-after 80x24 "resize 20 6" zhoushan-plan
[ "$bad" -eq 0 ] || fail "screens differ from tests/golden/screens"
echo "screens: all match"
