# Hostile text: a plan holding ESC sequences (OSC title, CSI, screen clear, cursor report),
# other C0 and C1 controls, bidi overrides, zero-width characters, lone surrogates and
# 10,000 combining marks on one letter is imported, stored as written (surrogates as
# U+FFFD), and never sends a control to a terminal: not from `gongfu show`, `search`,
# `docs`, `tree`, `targets` or `compare` when stdout is a terminal, nor from the
# explorer's screen (headless dumps); what the explorer writes to a real terminal (tmux)
# is t_hostile_tmux.sh's.
. tests/cli/lib.sh
. tests/hardening/lib.sh
H=tests/hardening
db="$T/h.db"
python3 $H/hostile.py "$T/hostile.txt"
clean 0 "import the hostile plan" "$GONGFU" import --db "$db" "$T/hostile.txt"
"$GONGFU" docs --db "$db" >"$T/docs"
slug=$(tail -n +2 "$T/docs" | cut -f1)
[ "$(echo "$slug" | wc -l)" -eq 1 ] && [ -n "$slug" ] || fail "expected one document: $(cat "$T/docs")"
"$GONGFU" tree --db "$db" "$slug" >"$T/tree"
[ "$(grep -c '	item	' "$T/tree")" -eq 7 ] || fail "expected 7 items: $(cat "$T/tree")"

# Stored as written: a pipe gets the bytes back (scripts need the real text), lone
# surrogates as U+FFFD.
"$GONGFU" show --db "$db" --width 100000 "$slug" >"$T/piped" || fail "show to a pipe"
python3 - "$T/piped" <<'PY' || fail "the text was not stored as written"
import sys
d = open(sys.argv[1], "rb").read()
for want in [b"\x1b]0;PWNED-TITLE\x07", b"\x1b[2J\x1b[H", b"\x01\x02\x08", b"\xc2\x9b31m",
             b"\xe2\x80\xae", b"\xe2\x80\x8b", b"a" + b"\xcc\x81" * 10000,
             b"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"]:
    if want not in d:
        print("missing %r" % want[:40]); sys.exit(1)
if b"\xed\xa0" in d or b"\xed\xbf" in d:
    print("a surrogate was stored"); sys.exit(1)
PY

# On a terminal (script(1) gives the command a pty): nothing but text.
on_tty() {   # on_tty NAME gongfu-arguments…
    name=$1; shift
    # shellcheck disable=SC2016
    timeout 120 script -qec "$(printf '%s ' "$GONGFU" "$@")" /dev/null </dev/null >"$T/tty.$name" 2>&1
    st=$?
    [ $st -eq 0 ] || fail "$name on a terminal: exit $st: $(head -c 300 "$T/tty.$name")"
    grep -q -E 'Sanitizer|runtime error' "$T/tty.$name" && fail "$name: sanitizer report"
    python3 $H/scan.py text "$T/tty.$name" || fail "$name wrote controls to the terminal"
}
q() { printf "'%s'" "$1"; }
on_tty show show --db "$(q "$db")" --width 70 "$slug"
for p in 1.1 1.2 1.3 1.4 1.5 1.6; do
    on_tty "show-$p" show --db "$(q "$db")" --width 30 "$slug:$p"
done
on_tty docs docs --db "$(q "$db")"
on_tty docs-json docs --db "$(q "$db")" --format json
on_tty tree tree --db "$(q "$db")" "$slug"
on_tty tree-csv tree --db "$(q "$db")" --format csv "$slug"
for w in 控制 字符 正文 双向 组合 代理项 PWNED 红色; do
    on_tty "search-$w" search --db "$(q "$db")" "$w"
done
on_tty search-json search --db "$(q "$db")" --format json 字符
on_tty targets targets --db "$(q "$db")"
on_tty compare compare --db "$(q "$db")"
grep -q "$(printf '\357\277\275')" "$T/tty.show" || fail "show on a terminal has no visible replacement"
grep -q "组合字符" "$T/tty.search-组合" || fail "search did not find the item with 10,000 marks"

# The explorer, headless: its screen holds visible replacements, never a control.
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color
mkdir -p "$HOME"
n=0
for start in "$slug" "$slug:1.1" "$slug:1.2" "$slug:1.3" "$slug:1.4" "$slug:1.5" "$slug:1.6"; do
    n=$((n + 1))
    for size in 80x24 40x12; do
        p="$T/d$n-$size"
        printf 'dump %s\nkeys j j j j j j\ndump %s\nkeys <Tab>\ndump %s\nkeys / 字符\ndump %s\nkeys <Enter>\ndump %s\n' \
            "$p.a" "$p.b" "$p.c" "$p.d" "$p.e" >"$T/script"
        GONGFU_HEADLESS=$size GONGFU_SCRIPT="$T/script" timeout 120 "$GONGFU" --db "$db" "$start" \
            >"$T/out" 2>"$T/err"
        st=$?
        [ $st -eq 0 ] || { fail "explorer at $start ($size): exit $st"; head -c 500 "$T/err"; continue; }
        for d in "$p".?; do
            [ -s "$d" ] || { fail "explorer at $start: no dump $d"; continue; }
            python3 $H/scan.py text "$d" || fail "explorer at $start ($size): control on screen"
        done
    done
done
cat "$T"/d*.? | grep -q "$(printf '\357\277\275')" || fail "the explorer shows no visible replacement"

finish
