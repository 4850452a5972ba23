#!/bin/sh
# A user's locale with a decimal comma (de_DE.UTF-8, built here with localedef into a
# directory of the test's own: no root needed) changes neither the values read from the
# documents nor the numbers gongfu writes: 4.5个 is 4.5, not 4, and JSON stays JSON.
. tests/cli/lib.sh
C=data/corpus
mkdir -p "$T/loc"
if ! localedef -i de_DE -f UTF-8 "$T/loc/de_DE.UTF-8" 2>"$T/localedef.err" &&
   [ ! -f "$T/loc/de_DE.UTF-8/LC_NUMERIC" ]; then
    fail "localedef could not build de_DE.UTF-8 (Debian's locales package): $(head -3 "$T/localedef.err")"
    exit 1
fi
de() { LOCPATH="$T/loc" LC_ALL=de_DE.UTF-8 "$@"; }
[ "$(de sh -c 'printf "%s" "$(locale decimal_point)"')" = "," ] || fail "the test locale has no decimal comma"

de "$GONGFU" import --fresh --db "$T/de.db" $C/zhoushan-plan.txt >"$T/out" 2>"$T/err" ||
    fail "import under de_DE.UTF-8: $(cat "$T/err")"
contains "$T/err" "0\.1 MB" "the import's summary under de_DE.UTF-8"
python3 - "$T/de.db" >"$T/values" <<'PY' || fail "reading the stored values"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for value, text in c.execute("SELECT value, value_text FROM target WHERE value_text LIKE '%.%' ORDER BY id"):
    print(value, text, "same" if value == float(text) else "DIFFERENT")
PY
[ -s "$T/values" ] || fail "no target of the plan has a decimal value"
lacks "$T/values" "DIFFERENT" "values stored under de_DE.UTF-8 (value, as written): $(grep DIFFERENT "$T/values" | head -3)"

# Written numbers: the same bytes as in C.UTF-8, and the JSON parses.
de "$GONGFU" targets --db "$T/de.db" --format json >"$T/de.json" 2>"$T/err" || fail "targets json: $(cat "$T/err")"
"$GONGFU" targets --db "$T/de.db" --format json >"$T/c.json" 2>"$T/err" || fail "targets json in C.UTF-8"
same "$T/c.json" "$T/de.json" "targets --format json under de_DE.UTF-8"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$T/de.json" || fail "the JSON does not parse"

[ "$failures" -eq 0 ] || exit 1
echo "locale with a decimal comma: values read and numbers written with a point"
