#!/bin/sh
# East Asian Ambiguous width detection: gongfu asks the terminal where the cursor lands
# after "“" (a cursor-position request, as vim does). A terminal that draws it two columns
# wide gets ASCII borders and the documents' text as written (“ ” —— two columns each: curses
# is told so, issue 12 point 14); one that draws it narrow gets the box-drawing ones; one
# that never answers costs no more than ~200 ms and gets the narrow default. --ambiwidth
# skips the question.
. tests/tui/lib.sh
need_explorer
command -v python3 >/dev/null || fail "python3 is needed for the pty"
probe() {   # probe MODE [args]: first-screen ms in $ms, output in $T/pty.out
    mode=$1
    shift
    python3 tests/tui/ambi_pty.py "$mode" -- "$GONGFU" --db "$DB" "$@" zhoushan-plan:1 > "$T/pty.out"
    ms=$(head -1 "$T/pty.out")
}
probe 2
grep -q "│" "$T/pty.out" && fail "wide ambiguous: box-drawing characters were drawn"
grep -q "“" "$T/pty.out" || fail "wide ambiguous: the text's “ was replaced"
grep -q "一、全面落实发展目标" "$T/pty.out" || fail "wide ambiguous: no text"
probe 1
grep -q "│" "$T/pty.out" || fail "narrow ambiguous: no box-drawing divider"
probe none
grep -q "│" "$T/pty.out" || fail "no answer: not the narrow default"
[ "$ms" -gt 0 ] && [ "$ms" -lt 1500 ] || fail "no answer: first screen after $ms ms"
silent=$ms
# The option overrides, and no request is sent at all.
probe none --ambiwidth=2
grep -q "$(printf '\033\[6n')" "$T/pty.out" && fail "--ambiwidth=2 still asked the terminal"
grep -q "│" "$T/pty.out" && fail "--ambiwidth=2: box-drawing characters were drawn"
# Headless, --ambiwidth=2: the text keeps “ ” and ——, and every row fits the screen with
# them two columns wide (as the terminal draws them).
run_screen 80x24 "dump @T@/wide.txt" --ambiwidth=2 zhoushan-plan:1
grep -q "“推动高质量发展" "$T/wide.txt" && grep -q "——率先推进" "$T/wide.txt" ||
    { cat "$T/wide.txt"; fail "--ambiwidth=2 changed the document's text"; }
python3 - "$T/wide.txt" <<'EOF2' || fail "--ambiwidth=2: a row is wider than the screen"
import sys, unicodedata
for row in open(sys.argv[1]).read().split("\n"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in row)
    if w > 80:
        sys.exit("%d columns: %s" % (w, row))
EOF2
grep -q "[│─›▾▸]" "$T/wide.txt" && fail "--ambiwidth=2: box-drawing chrome"
echo "ambiwidth: wide → ASCII chrome, narrow → box drawing, silent terminal → first screen in $silent ms"
