#!/bin/sh
# The compare view tried as a new user would (issue 12): units folded for the chart
# (point 4), one heading per category (5), the focused cell whole with the marks' legend
# and a wider name column on a wide terminal (7), marks where columns are off screen (8),
# opening at the indicator under the cursor (9), s on the indicator column says what to do
# (11), / on names and C on categories, sorting within a unit, t hiding the chart (17).
. tests/tui/lib.sh
need_explorer
shot() { screen_after "$@"; }   # shot SIZE SCRIPT [args…]: the screen in $T/s.txt
has() { grep -q -- "$1" "$T/s.txt" || { cat "$T/s.txt"; fail "$2"; }; }
hasnt() { ! grep -q -- "$1" "$T/s.txt" || { cat "$T/s.txt"; fail "$2"; }; }

# 4: 7.5万元 and 7.5萬元 are one unit, 4.5个 and 4.5張 count the same places.
shot 80x24 "keys c /
type 居民人均可支配收入
keys <Enter>" zhoushan-plan
has "居民人均可支配收入（万元、萬元）" "the chart does not fold 萬元 into 万元"
has "台州市 *█* 7.5万元" "no bar for 7.5万元"
has "金华市 *█* 7.5萬元" "no bar for 7.5萬元"
shot 80x24 "keys c /
type 托位
keys <Enter>" zhoushan-plan
has "金华市 *█* 4.5張" "4.5張 is not charted beside 4.5个"
has "舟山市 *█* 4.5个" "no bar for 4.5个"
# A row of words says why nothing is drawn.
shot 80x24 "keys c /
type 城乡居民收入
keys <Enter>" zhoushan-plan
has "没有可画的数值：浙江省 文字目标；舟山市 文字目标" "a row of words does not say why it has no chart"

# 5: every category heading once (a terminal tall enough for every row).
shot 100x200 "keys c t" zhoushan-plan
for cat in 经济 收入分配 城乡区域 公共服务 文化 生态 治理; do
    n=$(grep -c "^$cat\$" "$T/s.txt")
    [ "$n" -eq 1 ] || { cat "$T/s.txt"; fail "the heading $cat shows $n times"; }
done

# 7: the focused cell whole: both of 舟山's targets with year and frequency; the legend.
# (Reached by the name filter, wherever the catalogue puts the row.)
at_gdp="keys c /
type 人均地区生产总值
keys <Enter>"
shot 80x24 "$at_gdp
keys l l" zhoushan-plan
has "20万元（2025年，到期水平） zhoushan-plan:1；>30万元（2035年，到期水平）" "the focused cell is not shown whole"
has "\* 原文缺单位，据目录补" "no legend for the * mark"
shot 80x24 "$at_gdp
keys l" zhoushan-plan
# …every target of it, however long the detail (each with the value reported, here).
tr -d '\n' < "$T/s.txt" > "$T/flat"
grep -q "中等发达经济体水平 \[全国\]（2025年，到期水平，文字目标，.*national-opinions:1.4；.*发达经济体水平 \[全国\]（2035年，到期水平，.*文字目标.*national-opinions:1.4" "$T/flat" ||
    { cat "$T/s.txt"; fail "a cut-short cell is not readable in the detail"; }
# …and a wide terminal gives the names the room the cells do not need.
shot 200x50 "keys c" zhoushan-plan
has " 研究与试验发展经费支出占地区生产总值比重 " "the indicator column does not widen at 200 columns"

# A click selects a cell of the table; one on the detail or the chart below selects no
# row (once, a row off screen).
shot 80x24 "keys c" zhoushan-plan
before=$(grep "^─ 指标 · " "$T/s.txt")
y=$(grep -n "^─ [^·]*（.*）─" "$T/s.txt" | cut -d: -f1)
for dy in -2 -1 0 1; do
    shot 80x24 "keys c
click 30 $((y + dy))" zhoushan-plan
    [ "$(grep "^─ 指标 · " "$T/s.txt")" = "$before" ] ||
        { cat "$T/s.txt"; fail "a click on row $((y + dy)), below the table, selected a row"; }
done
shot 80x24 "keys c
click 30 4" zhoushan-plan
name=$(sed -n 5p "$T/s.txt" | cut -c2-13 | sed 's/ *$//')
grep -q "^─ 浙江省 · $name" "$T/s.txt" || { cat "$T/s.txt"; fail "a click on a row's 浙江省 cell did not select it"; }

# 8: six regions at 80×24: the columns off screen are marked on each side.
cat > "$T/ningbo.txt" <<'EOF'
宁波高质量发展建设共同富裕先行市实施方案（2021—2025年）

一、发展目标
1.主要目标。到2025年，每千人口拥有3岁以下婴幼儿托位数达到5个，居民人均可支配收入达到8万元，常住人口城镇化率达到80%。
EOF
sed 's/宁波/温州/; s/5个/4.6个/; s/8万元/7万元/; s/80%/74%/' "$T/ningbo.txt" > "$T/wenzhou.txt"
"$GONGFU" import --db "$T/six.db" data/corpus/*.txt "$T/ningbo.txt" "$T/wenzhou.txt" >/dev/null 2>&1 ||
    fail "cannot import the six-region corpus"
DB6=$T/six.db
shot 80x24 "keys c" --db "$DB6" zhoushan-plan
sed -n 2p "$T/s.txt" | grep -q "更多 →" || fail "no 更多 → where columns are off screen: $(sed -n 2p "$T/s.txt")"
shot 80x24 "keys c l l l l l l" --db "$DB6" zhoushan-plan
sed -n 2p "$T/s.txt" | grep -q "←" || fail "no ← where columns are off screen: $(sed -n 2p "$T/s.txt")"
sed -n 2p "$T/s.txt" | grep -q "更多" && fail "更多 → at the last column: $(sed -n 2p "$T/s.txt")"

# …and the target panel: entries that do not fit are marked, and the selected one is
# scrolled into view (the mark on the other side then).
shot 80x24 "keys ]" zhoushan-plan:1
sed -n 23p "$T/s.txt" | grep -q "更多 →$" || fail "the panel drops 金华市 with no sign: $(sed -n 22,23p "$T/s.txt")"
# (l past the last entry stays there: on 金华市, however many entries come before it.)
shot 80x24 "keys ] <Tab> l l l l l l l l" zhoushan-plan:1
sed -n 22p "$T/s.txt" | grep -q "^←" && sed -n 23p "$T/s.txt" | grep -q "金华市" ||
    fail "the panel's selection is not in view: $(sed -n 22,23p "$T/s.txt")"

# 9: c opens at the indicator of the target under the cursor, in its region's column.
shot 80x24 "keys ] c" zhoushan-plan:1
has "─ 舟山市 · 人均地区生产总值 " "c did not open at the target under the cursor"
shot 80x24 "keys c j j j j q ] ] c" zhoushan-plan:1
grep "^─ 舟山市 · " "$T/s.txt" | grep -q "人均地区生产总值" && fail "c opened where it was, not at the target"

# 11: s on the indicator column says how to sort.
shot 80x24 "keys c s" zhoushan-plan
has "选一个地区列，再按 s 按它的数值排序" "s in a fresh compare view says nothing"

# 17: / filters names only, C categories; a sort orders values within each unit.
shot 80x24 "keys c /
type 文化
keys <Enter>" zhoushan-plan
hasnt "文明好习惯养成实现率" "/ matched a category, not a name"
has "15分钟品质文化生活圈覆盖率" "/ does not match names"
shot 80x24 "keys c C
type 文化
keys <Enter>" zhoushan-plan
has "文明好习惯养成实现率" "C does not filter by category"
hasnt "人均地区生产总值" "C matched an indicator outside the category"
shot 100x200 "keys c t l l s" zhoushan-plan
python3 - "$T/s.txt" <<'EOF' || { cat "$T/s.txt"; fail "s does not order 舟山市's values within each unit"; }
import re, sys, unicodedata
# Each line as display cells (a wide character then a filler), so columns line up.
cells = lambda l: "".join(c + ("\0" if unicodedata.east_asian_width(c) in "WF" else "")
                          for c in l)
lines = [cells(l) for l in open(sys.argv[1]).read().split("\n")]
col = lines[1].index(cells("舟山市"))
start = next(i for i, l in enumerate(lines) if l.startswith(cells("单位：%")))
vals = []
for l in lines[start + 1:]:
    if l.startswith(cells("单位")):
        break
    m = re.match(r"[<>=~]*([0-9.]+)%", l[col - 1:].strip())
    if m:
        vals.append(float(m.group(1)))
sys.exit(0 if len(vals) > 5 and vals == sorted(vals, reverse=True) else 1)
EOF
has "^单位：万人、人" "no unit heading in a sort by a region"
# t hides the chart and gives its rows to the table.
shot 80x24 "keys c" zhoushan-plan
chart=$(grep "^─ [^·]*（.*）─" "$T/s.txt") || { cat "$T/s.txt"; fail "no chart under the table"; }
shot 80x24 "keys c t" zhoushan-plan
hasnt "^$chart\$" "t does not hide the chart"
# Issue 9: a region with no target but a value reported: the cell shows the value, Enter
# opens the sentence that reports it (the province's 2025 收入倍差 in its 2026 report).
shot 120x40 "keys c / 倍 差 <Enter> l" zhoushan-plan
has "城乡居民收入倍差 *—（实际1.81）" "the empty cell does not show the value reported"
has "导入的文本中没有这个指标" "the empty cell's detail says the province set none"
shot 120x40 "keys c / 倍 差 <Enter> l <Enter>" zhoushan-plan
head -1 "$T/s.txt" | grep -q "浙江省 › 一、2025年" || fail "Enter on 实际 did not open the report: $(head -1 "$T/s.txt")"
echo "compare: units folded, headings once, cells whole, marks, opens at the cursor, s, filters, sort, t, reported values"
