# Documents whose metadata is unlike the embedded plans' (any file a user imports may be
# one): a title naming no known region, a region or a title thousands of bytes long. They
# import, list, search and show their targets, and the explorer shows them with the target
# panel and the compare view, without crashing or reading past a buffer.
. tests/cli/lib.sh
. tests/hardening/lib.sh
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color
mkdir -p "$HOME"
printf '一、总体要求\n1.托育服务。每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n' >"$T/plan.txt"
long_region=$(python3 -c "print('长' * 700)")
long_title=$(python3 -c "print('很长的标题' * 700 + '实施方案')")

# explorer NAME DB START: ] to the first target (the panel shows it), c for the compare
# view, a search; exit 0 and the dumps written.
explorer() {
    printf 'keys ]\ndump %s\nkeys c\ndump %s\nkeys q / 托位 <Enter>\ndump %s\n' \
        "$T/$1.a" "$T/$1.b" "$T/$1.c" >"$T/script"
    for size in 80x24 200x50; do
        GONGFU_HEADLESS=$size GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$2" "$3" >"$T/out" 2>"$T/err"
        st=$?
        [ $st -eq 0 ] || { fail "$1: explorer at $3 ($size): exit $st"; head -5 "$T/err"; }
        grep -q -E 'Sanitizer|runtime error' "$T/err" && fail "$1: sanitizer report"
        [ -s "$T/$1.c" ] || fail "$1: the explorer ($size) did not get to the end of its script"
    done
}

# No region: alone, and next to the plans.
db="$T/n.db"
clean 0 "import with no region" "$GONGFU" import --db "$db" "$T/plan.txt"
slug=$("$GONGFU" docs --db "$db" | tail -n +2 | cut -f1)
clean 0 "targets" "$GONGFU" targets --db "$db"
contains "$T/out" "4.5" "the target is extracted"
clean 0 "compare" "$GONGFU" compare --db "$db"
explorer noregion "$db" "$slug:1.1"
grep -q "4.5" "$T/noregion.a" 2>/dev/null || fail "the target panel does not show the target"
cp "$DB" "$T/m.db"
clean 0 "import next to the plans" "$GONGFU" import --db "$T/m.db" "$T/plan.txt"
explorer mixed "$T/m.db" "zhoushan-plan:4.15"

# A region of 2,100 bytes, a title of 10 KB, next to the plans.
cp "$DB" "$T/l.db"
clean 0 "import with a long region" "$GONGFU" import --db "$T/l.db" --region "$long_region" "$T/plan.txt"
printf '%s\n一、总体要求\n1.托育服务。每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n' "$long_title" >"$T/title.txt"
clean 0 "import with a long title" "$GONGFU" import --db "$T/l.db" "$T/title.txt"
clean 0 "docs" "$GONGFU" docs --db "$T/l.db"
clean 0 "compare" "$GONGFU" compare --db "$T/l.db"
explorer long "$T/l.db" "zhoushan-plan:4.15"
explorer long2 "$T/l.db" "$("$GONGFU" docs --db "$T/l.db" | grep "$long_region" | cut -f1):1.1"
finish
