#!/bin/sh
# The man page (data/gongfu.1) cannot drift from the program: every command of the
# explorer's command table (src/tui/keymap.h), every default binding (data/keys.conf, in
# its pane's section, key and command together) and every option of its usage is in it,
# and it formats without warnings.
. tests/tui/lib.sh
man=data/gongfu.1
[ -f "$man" ] || fail "no $man"
plain=$(sed 's/\\-/-/g' "$man")
missing=
for c in $(sed -n 's/^ *X([A-Z_]*, *"\([a-z-]*\)".*/\1/p' src/tui/keymap.h); do
    echo "$plain" | grep -q -- "$c" || missing="$missing $c"
done
for o in --db --theme --ambiwidth --text-width --search; do
    "$GONGFU" --help | grep -q -- "$o" || fail "the explorer's --help lacks $o"
    echo "$plain" | grep -q -- "$o" || missing="$missing $o"
done
[ -z "$missing" ] || fail "the man page does not mention:$missing"
# Every default binding, under its pane's heading, with its key and its command.
python3 tests/tui/manpage_keys.py data/keys.conf "$man" > "$T/keys" ||
    fail "the man page's KEYS section lacks these bindings of data/keys.conf:
$(cat "$T/keys")"
if command -v groff >/dev/null; then
    groff -k -ww -man -Tutf8 "$man" 2>"$T/warn" >/dev/null
    [ ! -s "$T/warn" ] || fail "groff warns: $(cat "$T/warn")"
fi
echo "man page: every command, default binding and option documented"
