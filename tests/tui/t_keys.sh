#!/bin/sh
# Every key goes through the keymap, in every context, and what the screen says about
# keys follows the bindings: a user's keys.conf rebinds keys in the search (results and
# prompt), the bookmark letter, the reader and the compare view, and the search's key
# line, the status-line hints and the help screen name the new keys.
. tests/tui/lib.sh
need_explorer
mkdir -p "$XDG_CONFIG_HOME/gongfu"
cat > "$XDG_CONFIG_HOME/gongfu/keys.conf" <<'EOF'
bind search  <F5>   down
bind search  <Down> none
bind prompt  <F6>   erase-line
bind mark    <F7>   escape
bind reader  x      next-target
bind generic <F2>   search
bind generic <F3>   prev-target
bind compare S      sort
EOF

# The search context: F5 moves down the results as you type, <Down> no longer does (nor
# goes through the history, as it would from the prompt), and the search's key line says so.
run_screen 120x40 "keys <F2>
dump @T@/empty.txt
type 托位
keys <F5> <F5> <Enter>
dump @T@/third.txt
keys <F2> <Up> <Down> <Enter>
dump @T@/first.txt" zhoushan-plan
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
sed -n 2p "$T/empty.txt" | grep -q "C-p/F5 选择，Enter 打开，Esc 返回" ||
    fail "the search's keys do not follow the binding: $(sed -n 2p "$T/empty.txt")"
tail -1 "$T/third.txt" | grep -q "结果 3/4" || fail "F5 did not move down: $(tail -1 "$T/third.txt")"
tail -1 "$T/first.txt" | grep -q "结果 1/4" || fail "<Down> still moves: $(tail -1 "$T/first.txt")"

# The prompt context: F6 empties what was typed (the key line shows again).
run_screen 120x40 "keys /
type 托位
keys <F6>
dump @T@/erased.txt" zhoushan-plan
sed -n 2p "$T/erased.txt" | grep -q "输入词语" || fail "F6 did not erase: $(sed -n 2p "$T/erased.txt")"

# The mark context: F7 gives up instead of being taken for a letter.
run_screen 120x40 "keys m <F7>
dump @T@/mark.txt" zhoushan-plan
grep -q "书签用字母" "$T/mark.txt" && fail "F7 after m was taken for a bookmark's letter"

# Status-line hints name the keys in force: x for next-target (in the reader), F3 for
# prev-target and F2 for search (everywhere), S for sort; x does move to the next target.
run_screen 120x40 "dump @T@/reader.txt
keys x
dump @T@/target.txt
keys c
dump @T@/compare.txt" zhoushan-plan:1
tail -1 "$T/reader.txt" | grep -q "阅读  x F3 指标  F2 搜索  c 对比  Tab 切换窗格" ||
    fail "reader hint: $(tail -1 "$T/reader.txt")"
grep -q "光标处没有指标。] 下一个指标，F3 上一个" "$T/reader.txt" ||
    fail "panel hint: $(grep 光标处 "$T/reader.txt")"
grep -q "指标 .*·" "$T/target.txt" || fail "x did not go to a target"
tail -1 "$T/compare.txt" | grep -q "h/l 选列  S 排序" || fail "compare hint: $(tail -1 "$T/compare.txt")"

# The help screen lists the new keys in their contexts.
run_screen 120x120 "keys ?
dump @T@/help.txt" zhoushan-plan
grep -q "^   <C-n> <F5>  *down  *下一个结果" "$T/help.txt" || fail "help, search: $(grep 下一个结果 "$T/help.txt")"
grep -q "^   <C-u> <F6>  *erase-line  *删除光标前的全部输入" "$T/help.txt" ||
    fail "help, prompt: $(grep 删除光标前的全部 "$T/help.txt")"
echo "keys: rebinding in the search, prompt, mark, reader and compare contexts works; hints follow"
