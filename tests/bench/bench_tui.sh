#!/bin/sh
# The explorer's speed (issue 5), each figure next to less run on the same text in the
# same run (ratios: the machines are noisy):
#   start-up to the first full screen, against less opening the same document (pty, 80×24);
#   per key: median and 99th percentile of handling + drawing over 10,000 scripted keys
#     (headless, GONGFU_TIMING); aims: median < 1 ms, p99 < 5 ms;
#   the incremental search: time per keystroke at 1× and 100× the corpus, in characters
#     and in pinyin (with Tab picking among the words);
#   bytes written to the terminal paging through the Zhoushan plan, against less paging
#     the same text at the same size (aim: no more than less);
#   peak memory over a session that opens every document, the compare view and searches
#     (aim: under 20 MB).
# usage: sh tests/bench/bench_tui.sh BUILD_DIR
B=${1:-build}
G=$(cd "$B" && pwd)/gongfu
DB=$(cd "$B" && pwd)/gongfu.db
mkdir -p "$B/bench/tui"
W=$(cd "$B/bench/tui" && pwd)
PTY="python3 tests/bench/tui_pty.py"
. tests/bench/lib.sh
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$W/state" \
       XDG_CONFIG_HOME="$W/config"
unset NO_COLOR GONGFU_THEME
command -v less >/dev/null || { echo "tui: less is not installed"; exit 1; }
command -v python3 >/dev/null || { echo "tui: python3 is needed for the pty driver"; exit 1; }
"$G" show --db "$DB" --width 100000 zhoushan-plan > "$W/zhoushan.txt" || exit 1

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# stats FILE: median and p99 of the first column, in µs
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%d %d %d", v[int((NR + 1) / 2)], v[int(NR * 0.99)], NR }'; }

# ---- start-up: the first screen of the plan, then q, for both (typed ahead: read after
# drawing). Not `less +q`: less runs a + command before it shows anything, so that timed
# its start and quit with no screen drawn (53 bytes written, against 2,110 with the
# screen; 0.83 M instructions against 4.4 M).
# --ambiwidth=1: the probe would wait for an answer the pty driver never sends.
i=0
while [ $i -lt 7 ]; do
    rm -rf "$XDG_STATE_HOME"
    $PTY startup 80 24 q -- "$G" --ambiwidth=1 --db "$DB" zhoushan-plan >> "$W/start-g"
    $PTY startup 80 24 q -- less "$W/zhoushan.txt" >> "$W/start-l"
    i=$((i + 1))
done
sg=$(median < "$W/start-g") sl=$(median < "$W/start-l")
rm -f "$W/start-g" "$W/start-l"
echo "tui start-up:  gongfu ${sg} ms   less ${sl} ms   ratio $(echo "$sg $sl" | awk '{ printf "%.2f", $1 / $2 }')"
aim "explorer start-up against less" "$(echo "$sg $sl" | awk '{ printf "%.2f", $1 / $2 }')" "<=" 1.5 "x"

# ---- per key: 10,000 keys of reading (moving, paging, targets, panes, history, views).
awk 'BEGIN {
    srand(10000);
    n = split("j j j j k k <Space> b d u ] ] [ <Tab> <S-Tab> g G h l n N c <Esc> ? <Esc> t t", k, " ");
    for (i = 1; i <= 10000; i++) {
        line = line " " k[1 + int(rand() * n)];
        if (i % 50 == 0) { print "keys" line; line = "" }
    }
}' > "$W/keys.script"
rm -rf "$XDG_STATE_HOME"
GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/keys.script" GONGFU_TIMING="$W/keys.timing" \
    "$G" --db "$DB" zhoushan-plan || exit 1
set -- $(stats "$W/keys.timing")
echo "tui per key:   median $1 µs   p99 $2 µs   over $3 keys (aims: < 1000, < 5000)"
aim "explorer per key, median" "$1" "<=" 1000 " µs"
aim "explorer per key, p99" "$2" "<=" 5000 " µs"
# The same keys on each larger corpus bench_import.sh made (issue 15: 100× and 1000×, as
# BENCH_SCALES says), on its first plan, and the time to the first screen there.
for N in $(echo ${BENCH_SCALES:-1 100 1000} | tr ' ' '\n' | sort -rn); do
    [ "$N" -gt 1 ] || continue
    big="$B/bench/search-$N.db"
    [ -f "$big" ] || { echo "tui ${N}x:      no $big (bench_import.sh makes it)"; continue; }
    slug=$("$G" docs --db "$big" | awk -F '\t' 'NR > 1 && $1 ~ /plan/ { print $1; exit }')
    head -40 "$W/keys.script" >"$W/keys-big.script"
    rm -rf "$XDG_STATE_HOME"
    t0=$(date +%s%N)
    printf 'keys q\n' >"$W/q.script"
    GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/q.script" "$G" --db "$big" "$slug" || exit 1
    t1=$(date +%s%N)
    rm -rf "$XDG_STATE_HOME"
    GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/keys-big.script" GONGFU_TIMING="$W/keys-big.timing" \
        "$G" --db "$big" "$slug" || exit 1
    set -- $(stats "$W/keys-big.timing")
    slowest=$(sort -n "$W/keys-big.timing" | tail -1 | cut -d' ' -f1)
    echo "tui ${N}x:      start-up (headless, to the first screen and q) $(( (t1 - t0) / 1000000 )) ms; per key median $1 µs   p99 $2 µs   slowest $slowest µs   over $3 keys"
    aim "explorer per key at ${N}x, median" "$1" "<=" 1000 " µs"
    aim "explorer per key at ${N}x, p99" "$2" "<=" 5000 " µs"
done

# ---- per key in the related list and the side-by-side view (issue 14): 5,000 keys from
# the province's item 29 with the list shown and focused: choosing, opening the pair
# (Enter), scrolling it together and apart, cycling ] [, closing it (Esc), the list
# following the reader, toggling it (r).
awk 'BEGIN {
    srand(5000);
    n = split("j k j k <Enter> <Enter> ] [ ] s h l j j k <Space> b g G <Esc> <Esc> r r <Tab>", k, " ");
    print "keys r <Tab>";
    for (i = 1; i <= 5000; i++) {
        line = line " " k[1 + int(rand() * n)];
        if (i % 50 == 0) { print "keys" line; line = "" }
    }
}' > "$W/related.script"
rm -rf "$XDG_STATE_HOME"
GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/related.script" GONGFU_TIMING="$W/related.timing" \
    "$G" --db "$DB" zhejiang-plan:0.29 || exit 1
set -- $(stats "$W/related.timing")
echo "tui related:   median $1 µs   p99 $2 µs   over $3 keys in the related list and the side-by-side view (aims: < 1000, < 5000)"

# ---- incremental search: each typed character reruns the query and redraws the list.
search_keys() {
    for q in 托位 养老服务 数字化改革 共同富裕 医保 數位化 城乡居民收入 公共服务优质共享; do
        printf 'keys /\ntype %s\nkeys <Esc>\n' "$q"
    done
}
search_keys > "$W/search.script"
for q in tuowei szhgg gongtongfuyu yibao shuweihua tw ylfw cxjmsr; do
    printf 'keys /\ntype %s\nkeys <Tab> <Tab> <Tab> <Esc>\n' "$q"
done > "$W/pinyin.script"
for N in 1 100; do
    db=$DB
    if [ "$N" != 1 ]; then
        db="$B/bench/search-$N.db"
        if [ ! -f "$db" ]; then
            sh tests/bench/gen_corpus.sh "$N" "$B/bench/corpus-$N" >/dev/null &&
                find "$B/bench/corpus-$N" -name '*.txt' | sort |
                xargs "$B/gongfu" import --db "$db" >/dev/null 2>&1 || { echo "tui: no ${N}x db"; exit 1; }
        fi
    fi
    rm -rf "$XDG_STATE_HOME"
    GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/search.script" GONGFU_TIMING="$W/search.timing" \
        "$G" --db "$db" || exit 1
    # Only the typed characters (code points past ASCII), not / and Esc.
    awk '$2 > 127 { print $1 }' "$W/search.timing" > "$W/search.typed"
    set -- $(stats "$W/search.typed")
    echo "tui search ${N}x: per keystroke median $1 µs   p99 $2 µs   over $3 keystrokes"
    # The same typed in pinyin (issue 18), and Tab picking among the words each became:
    # the letters and the Tabs, not / and Esc.
    rm -rf "$XDG_STATE_HOME"
    GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$W/pinyin.script" GONGFU_TIMING="$W/pinyin.timing" \
        "$G" --db "$db" || exit 1
    awk '($2 >= 97 && $2 <= 122) || $2 == 9 { print $1 }' "$W/pinyin.timing" > "$W/pinyin.typed"
    set -- $(stats "$W/pinyin.typed")
    echo "tui search ${N}x: typed in pinyin, per keystroke median $1 µs   p99 $2 µs   over $3 keystrokes and Tabs"
done

# ---- bytes written paging through the plan at 80×24, Space to the end.
rm -rf "$XDG_STATE_HOME"
set -- $(TUI_PTY_SAVE="$W/page-g" $PTY page 80 24 "(END)" -- "$G" --ambiwidth=1 --db "$DB" zhoushan-plan)
gb=$1 gp=$2
rm -rf "$XDG_STATE_HOME"
set -- $(TUI_PTY_SAVE="$W/page-z" $PTY page 80 24 "(END)" z -- "$G" --ambiwidth=1 --db "$DB" zhoushan-plan)
zb=$1 zp=$2
set -- $(TUI_PTY_SAVE="$W/page-l" $PTY page 80 24 "(END)" -- less "$W/zhoushan.txt")
lb=$1 lp=$2
ratio() { echo "$1 $2" | awk '{ printf "%.2f", $1 / $2 }'; }
# Lines of text each pages through: less's, the text wrapped at 80 columns (a wide
# character two); the reader's, the total its status line gives ("1/808").
ll=$(python3 -c '
import sys, unicodedata
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    n += max(1, -(-w // 80))
print(n)' "$W/zhoushan.txt")
total_lines() {   # total_lines KEYS: the reader's line count at 80×24 after KEYS
    rm -rf "$XDG_STATE_HOME"
    printf 'keys %s\ndump %s/lines.dump\n' "$1" "$W" >"$W/lines.script"
    GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$W/lines.script" "$G" --ambiwidth=1 --db "$DB" zhoushan-plan
    tail -1 "$W/lines.dump" | sed -n 's|.* [0-9]*/\([0-9]*\) [0-9]*%.*|\1|p'
}
gl=$(total_lines "<Esc>") zl=$(total_lines z)
per() { echo "$1 $2" | awk '{ printf "%.1f", $1 / ($2 > 0 ? $2 : 1) }'; }
echo "tui paging:    less $lb bytes in $lp pages ($((lb / (lp > 0 ? lp : 1))) a page), $ll lines ($(per "$lb" "$ll") a line)"
echo "tui paging:    gongfu $gb bytes in $gp pages ($((gb / (gp > 0 ? gp : 1))) a page), $gl lines ($(per "$gb" "$gl") a line), sidebar and panel shown: ratio $(ratio "$gb" "$lb")"
echo "tui paging:    gongfu $zb bytes in $zp pages ($((zb / (zp > 0 ? zp : 1))) a page), $zl lines ($(per "$zb" "$zl") a line), reader zoomed (z): ratio $(ratio "$zb" "$lb")"
# The floor: the text's own bytes, which any program showing it sends once; per line of
# the reader's it is more than less's whole figure when the reader's lines hold more text
# on average (the text has a blank line after every paragraph and heading; the reader
# none after a heading).
tb=$(tr -d '\n' < "$W/zhoushan.txt" | wc -c)
echo "tui paging:    the text alone: $tb bytes, $(per "$tb" "$ll") a line of less's, $(per "$tb" "$gl") of the reader's with the sidebar, $(per "$tb" "$zl") zoomed"
# What the bytes do (tests/tui/vt.py): the text, cursor moves, colours and attributes
# (SGR), erases; a line of each one's own lines.
kinds() {   # kinds FILE LINES
    python3 tests/tui/vt.py kinds "$1" | awk -v n="$2" '{
        for (i = 1; i < NF; i += 2) printf "%s %d (%.1f a line)  ", $i, $(i + 1), $(i + 1) / n }'
}
echo "tui paging:    by kind, less:    $(kinds "$W/page-l" "$ll")"
echo "tui paging:    by kind, sidebar: $(kinds "$W/page-g" "$gl")"
echo "tui paging:    by kind, zoomed:  $(kinds "$W/page-z" "$zl")"
# A line's scroll: j past the reader's last row (40 j first, not counted, put the cursor
# there), 60 times, against less's j; bytes a press.
j40=$(printf 'j%.0s' $(seq 40))
rm -rf "$XDG_STATE_HOME"
set -- $(TUI_PTY_PRESS=j TUI_PTY_MAX=60 $PTY page 80 24 "(END)" "$j40" -- "$G" --ambiwidth=1 --db "$DB" zhoushan-plan)
gj=$(( ($1 - $3) / ($2 > 0 ? $2 : 1) ))
rm -rf "$XDG_STATE_HOME"
set -- $(TUI_PTY_PRESS=j TUI_PTY_MAX=60 $PTY page 80 24 "(END)" "z$j40" -- "$G" --ambiwidth=1 --db "$DB" zhoushan-plan)
zj=$(( ($1 - $3) / ($2 > 0 ? $2 : 1) ))
set -- $(TUI_PTY_PRESS=j TUI_PTY_MAX=60 $PTY page 80 24 "(END)" -- less "$W/zhoushan.txt")
lj=$(( ($1 - $3) / ($2 > 0 ? $2 : 1) ))
echo "tui paging:    a line's scroll (j, 60 of them): gongfu $gj bytes beside the sidebar, $zj zoomed; less $lj"
aim "paging bytes a line of text against less, sidebar shown" "$(ratio "$(per "$gb" "$gl")" "$(per "$lb" "$ll")")" "<=" 1.0 "x"
aim "paging bytes a line of text against less, zoomed" "$(ratio "$(per "$zb" "$zl")" "$(per "$lb" "$ll")")" "<=" 1.0 "x"

# ---- peak memory: every document opened, the compare view, searches, help.
{
    echo "keys c <Esc> ?"
    echo "keys <Esc> <Tab> <Tab> g"
    i=0
    while [ $i -lt 40 ]; do echo "keys j <Enter> <Tab> G g"; i=$((i + 1)); done
    search_keys
} > "$W/mem.script"
rm -rf "$XDG_STATE_HOME"
kb=$(GONGFU_HEADLESS=200x50 GONGFU_SCRIPT="$W/mem.script" $PTY maxrss -- "$G" --db "$DB")
echo "tui memory:    peak $kb kB over every document, compare, search and help (aim: < 20480)"
aim "explorer peak memory" "$kb" "<=" 20480 " kB"
