# Shared by the tests/*/t_*.sh scripts: the binary under test, a scratch directory, and
# small assertions that say what went wrong.
B=${1:?usage: sh t_x.sh BUILD_DIR}
GONGFU="$PWD/$B/gongfu"
DB="$PWD/$B/gongfu.db"
TOP="$PWD"
export LC_ALL=C.UTF-8 TZ=UTC GONGFU_DATA="$TOP/data"
unset GONGFU_DB
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { :; }

# same EXPECTED_FILE ACTUAL_FILE what
same() {
    if cmp -s "$1" "$2"; then ok; else fail "$3 differs from $1:"; diff -u "$1" "$2" | head -20; fi
}

# status EXPECTED what COMMAND... : runs the command, checks its exit status.
status() {
    want=$1 what=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; got=$?
    [ "$got" = "$want" ] || { fail "$what: exit $got, wanted $want"; cat "$T/err"; }
}

contains() { grep -q -- "$2" "$1" || fail "$3: '$2' not in $(head -c 300 "$1")"; }
lacks() { ! grep -q -- "$2" "$1" || fail "$3: '$2' found"; }

finish() { [ "$failures" -eq 0 ] && echo "all passed" || { echo "$failures failures"; exit 1; }; }
