#!/bin/sh
# The reader lays a document out as far as a screen needs and the rest when the explorer
# is idle (reader.c); keys typed ahead (the script's "ahead", as on a slow link or a key
# held down) come before it is idle, so they meet a document laid out only in part. Each
# must land where it lands when the whole document was laid out first: the same screen,
# line count and percentage on the status line, and highlights, after going to the end,
# paging, moving by targets and search hits, bookmarks, changes of the reader's width
# (zoom, text width, sidebar) and another document, at two sizes and from the start or a
# place. (Both runs type KEYS ahead, as nothing is drawn between typed-ahead keys; the
# first lets the explorer be idle, and lay the document out whole, before them.)
. tests/tui/lib.sh
need_explorer

# same NAME SIZE KEYS [gongfu arguments…]: the screen and its roles after KEYS typed ahead
# once the document was laid out whole, and from the start.
same() {
    name=$1 size=$2 keys=$3
    shift 3
    for how in keys ahead; do
        rm -rf "$XDG_STATE_HOME"
        if [ $how = keys ]; then first="keys <Tab> <S-Tab>
ahead"; else first="ahead <Tab> <S-Tab>"; fi
        run_screen "$size" "$first $keys
dump @T@/$how.txt
dumproles @T@/$how.roles" "$@"
        [ "$rc" -eq 0 ] || fail "$name ($how): exit $rc: $(cat "$T/err")"
    done
    cmp -s "$T/keys.txt" "$T/ahead.txt" || { diff "$T/keys.txt" "$T/ahead.txt" | head -20;
        fail "$name at $size: the screen differs when the keys are typed ahead"; }
    cmp -s "$T/keys.roles" "$T/ahead.roles" ||
        fail "$name at $size: the highlights differ when the keys are typed ahead"
    # The status line says where the cursor is among all the lines, both ways.
    tail -1 "$T/ahead.txt" | grep -q '[0-9]/[0-9][0-9]* [0-9]*%' ||
        fail "$name at $size: no line count on the status line: $(tail -1 "$T/ahead.txt")"
}

for size in 80x24 120x40; do
    same end "$size" "G" zhoushan-plan
    same end-key "$size" "<End> k k" zhoushan-plan
    same pages "$size" "<Space> <Space> <Space> b" zhoushan-plan
    same half "$size" "d d u" taizhou-plan
    same top "$size" "G g" jinhua-plan
    same targets "$size" "] ] ] [" zhoushan-plan
    same targets-far "$size" "<Tab> <Tab> ]" zhejiang-plan
    same search "$size" "/ 托 位 <Enter> n n N" zhoushan-plan
    same search-far "$size" "/ 共 同 富 裕 <Enter> n n n n" jinhua-plan
    same mark "$size" "G m a g ' a" zhoushan-plan
    same zoom "$size" "z G" zhoushan-plan
    same zoom-back "$size" "j j z z" zhoushan-plan:4.15
    same width "$size" "W G" zhoushan-plan
    same sidebar "$size" "> > > G" zhoushan-plan
    same place "$size" "G" zhoushan-plan:4.15
    same place-up "$size" "k k k" zhejiang-plan:0.29
    same other-doc "$size" "<S-Tab> j <Enter> G" zhoushan-plan
done

# The line count laid out a screen at a time is the whole layout's: the last line of G
# is the count (a document laid out whole once it was idle, and one never idle).
rm -rf "$XDG_STATE_HOME"
run_screen 80x24 "ahead G
dump @T@/g.txt" zhoushan-plan
line=$(tail -1 "$T/g.txt" | sed -n 's|.* \([0-9]*\)/\([0-9]*\) 100%$|\1 \2|p')
set -- $line
[ -n "$2" ] && [ "$1" = "$2" ] || fail "G typed ahead: the cursor is not on the last line: $(tail -1 "$T/g.txt")"
echo "lazy layout: the same screens typed ahead and typed one by one"
