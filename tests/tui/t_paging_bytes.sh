#!/bin/sh
# What paging costs a slow link (issue 15, aim 2): the bytes the explorer writes paging
# through the Zhoushan plan at 80×24, headless with the bytes kept (GONGFU_HEADLESS_OUT),
# so the count is the same on every run, against the budget in tests/tui/paging_budget.tsv,
# with the sidebar and zoomed (z), for xterm, screen/tmux and PuTTY. The bytes, played through a
# small terminal emulator (tests/tui/vt.py), must show the screen curses holds (its dump):
# a stream that is shorter because it leaves something out fails.
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the terminal emulator"
"$GONGFU" show --db "$DB" --width 100000 zhoushan-plan > "$T/plan.txt" || fail "show"
plain=$(tr -d '\n' < "$T/plan.txt" | wc -c)
grep -v '^#' tests/tui/paging_budget.tsv | while IFS='	' read -r term view budget; do
    if ! infocmp "$term" >/dev/null 2>&1; then
        echo "$term $view: no terminfo entry for $term here, not measured"
        continue
    fi
    first="<Esc>"
    [ "$view" = zoomed ] && first=z
    {
        echo "keys $first"
        i=0
        while [ $i -lt 45 ]; do echo "keys <Space>"; i=$((i + 1)); done
        echo "dump @T@/end.txt"
    } > "$T/keys"
    rm -rf "$XDG_STATE_HOME" "$T/bytes"
    TERM=$term GONGFU_HEADLESS_OUT="$T/bytes" run_screen 80x24 "$(cat "$T/keys")" \
        --ambiwidth 1 zhoushan-plan
    [ "$rc" -eq 0 ] || fail "$term $view: exit $rc: $(cat "$T/err")"
    bytes=$(wc -c < "$T/bytes")
    lines=$(tail -1 "$T/end.txt" | sed -n 's|.* \([0-9]*\)/\1 100%.*|\1|p')
    [ -n "$lines" ] || fail "$term $view: not at the end: $(tail -1 "$T/end.txt")"
    over=$(echo "$bytes $plain $lines" | awk '{ printf "%.1f", ($1 - $2) / $3 }')
    echo "$term $view: $bytes bytes, $lines lines, $over bytes a line beyond the text" \
         "($(python3 tests/tui/vt.py kinds "$T/bytes"))"
    python3 tests/tui/vt.py screen 80 24 "$T/bytes" > "$T/shown.txt"
    sed 's/ *$//' "$T/end.txt" | diff - "$T/shown.txt" > "$T/diff" ||
        { cat "$T/diff"; fail "$term $view: the bytes do not draw the screen curses holds"; }
    [ "$bytes" -le "$budget" ] ||
        fail "$term $view: $bytes bytes, over the budget of $budget (+$((bytes - budget)))"
    if [ "$bytes" -lt "$budget" ]; then
        echo "  under the budget by $((budget - bytes)): lower it in tests/tui/paging_budget.tsv"
    fi
done || exit 1
echo "ok"
