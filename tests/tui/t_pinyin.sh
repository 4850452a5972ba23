#!/bin/sh
# The explorer's search by pinyin (issue 18): typing tw shows, under the heading, the
# Chinese words it reads as (all searched); pinyin-next (Tab) picks them one by one, marked
# in the hit colour, the results following, and past the last comes back to all of them;
# pinyin-prev (S-Tab) goes back; Enter opens the picked word's first hit; the keys follow a
# rebinding. Golden screens search-pinyin-* at 80×24, 120×40 and 200×50.
. tests/tui/lib.sh
need_explorer
bad=0
for size in 80x24 120x40 200x50; do
    rm -rf "$XDG_STATE_HOME"
    run_screen "$size" "keys /
type tw
dump @T@/search-pinyin-all-$size.txt
keys <Tab>
dump @T@/search-pinyin-pick-$size.txt" zhoushan-plan
    [ "$rc" -eq 0 ] || fail "$size: exit $rc: $(cat "$T/err")"
    golden "search-pinyin-all-$size" || bad=1
    golden "search-pinyin-pick-$size" || bad=1
done

# What it became: 托位 is among the words, all of them searched; Tab picks it (the first
# word: it stands in more contexts than 态文 of 生态文明), whose four sections are the results.
rm -rf "$XDG_STATE_HOME"
run_screen 120x40 "keys /
type tw
dump @T@/all.txt
dumproles @T@/all.roles
keys <Tab>
dump @T@/pick.txt
dumproles @T@/pick.roles
keys <S-Tab>
dump @T@/back.txt
keys <S-Tab>
dump @T@/last.txt
dumproles @T@/last.roles
keys <Tab>
dump @T@/around.txt
keys <Tab> <Enter>
dump @T@/opened.txt" zhoushan-plan
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
sed -n 3p "$T/all.txt" | grep -q "tw：全部 托位 " || fail "no pinyin line: $(sed -n 3p "$T/all.txt")"
all=$(sed -n 2p "$T/all.txt" | sed 's/^\([0-9]*\) 个结果.*/\1/')
[ "$(sed -n 2p "$T/pick.txt")" = "4 个结果：“tw”" ] || fail "the pick: $(sed -n 2p "$T/pick.txt")"
grep -c "建设全龄友好包容社会\|全面落实发展目标\|構建育兒養老優質服務體系\|持续增进民生福祉" "$T/pick.txt" | grep -qx 4 ||
    fail "the 托位 sections are not the results"
# 全部 (all) is marked in the hit colour (S) until a word is picked.
python3 tests/tui/roles.py "$T/all.txt" "$T/all.roles" 全部 S || fail "全部 not marked"
python3 tests/tui/roles.py "$T/pick.txt" "$T/pick.roles" 全部 S >/dev/null &&
    fail "全部 still marked after a word was picked"
count() { sed -n 2p "$1" | sed 's/^\([0-9]*\) 个结果.*/\1/'; }
# S-Tab goes back word by word to all of them, then on to the last word; Tab past the last
# word comes back to all.
[ "$(count "$T/back.txt")" = "$all" ] || fail "S-Tab back to all: $(sed -n 2p "$T/back.txt")"
[ "$(count "$T/last.txt")" -lt "$all" ] || fail "S-Tab from all: $(sed -n 2p "$T/last.txt")"
python3 tests/tui/roles.py "$T/last.txt" "$T/last.roles" 全部 S >/dev/null &&
    fail "the last word is not picked"
[ "$(count "$T/around.txt")" = "$all" ] || fail "past the last word: $(sed -n 2p "$T/around.txt")"
tail -1 "$T/opened.txt" | grep -q "结果 1/4" || fail "Enter: $(tail -1 "$T/opened.txt")"

# The keys follow keys.conf, in the line that names them too.
mkdir -p "$XDG_CONFIG_HOME/gongfu"
printf 'bind search <F5> pinyin-next\nbind search <Tab> none\n' > "$XDG_CONFIG_HOME/gongfu/keys.conf"
run_screen 120x40 "keys /
type tuowei
keys <Tab>
dump @T@/tab.txt
keys <F5>
dump @T@/f5.txt" zhoushan-plan
sed -n 3p "$T/tab.txt" | grep -q "F5/S-Tab 换词" || fail "the line names: $(sed -n 3p "$T/tab.txt")"
[ "$(sed -n 2p "$T/f5.txt")" = "4 个结果：“tuowei”" ] || fail "F5: $(sed -n 2p "$T/f5.txt")"
rm -f "$XDG_CONFIG_HOME/gongfu/keys.conf"

# A query with nothing to pick says how, and a word found as written shows no line.
run_screen 120x40 "keys /
type 托位
keys <Tab>
dump @T@/none.txt
keys <Esc> /
type gdp
dump @T@/gdp.txt" zhoushan-plan
sed -n 2p "$T/none.txt" | grep -q "没有拼音可换：.*再按 Tab" || fail "Tab with no pinyin: $(sed -n 2p "$T/none.txt")"
grep -q "拼音（" "$T/gdp.txt" && fail "gdp shows a pinyin line"
[ "$bad" -eq 0 ] || fail "golden screens differ"
echo "search by pinyin in the explorer: the words shown, picked in turn, keys rebound"
