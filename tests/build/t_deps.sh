#!/bin/sh
# The Makefile rebuilds exactly what depends on a changed file: `make -n -W FILE` (make as
# if FILE had just changed, touching nothing) must remake the objects, tests and programs
# whose sources include FILE — as the compiler itself reports with -MM — and nothing else.
# Covers the tests' dependency files (a test that compiles src/tui/draw.c in is rebuilt
# when draw.c changes) and the generated headers (data/keys.conf reaches only the objects
# that include the header made from it).
B=${1:?usage: sh $0 BUILD_DIR}
[ -d "$B" ] || { echo "no build directory $B"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gongfu-deps.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }
# A make of its own, not the one running `make check` (its flags and jobserver).
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory B="$B" "$@"; }

# What make would remake if FILE changed, one target a line, sorted.
remade() {
    mk -n -W "$1" --debug=b all unit 2>&1 |
        sed -n "s/^ *Must remake target '\(.*\)'\.$/\1/p" | grep -v '^all$\|^unit$' | sort
}
[ -z "$(remade Makefile.nothing)" ] || fail "$B is not up to date: $(remade Makefile.nothing | head -3)"

# Each source's dependencies as the compiler finds them now: "SOURCE FILE" lines.
INC="-Iinclude -I$B/gen $(pkg-config --cflags-only-I ncursesw sqlite3 opencc 2>/dev/null) -D_GNU_SOURCE -DNCURSES_WIDECHAR=1"
for s in src/*/*.c tests/unit/test_*.c tests/targets/accuracy.c tests/ask/golden.c \
         tests/relations/accuracy.c; do
    # shellcheck disable=SC2086
    cc -MM $INC -Isrc/tui "$s" > "$T/mm" || fail "cc -MM $s"
    sed 's/^[^:]*://; s/\\$//' "$T/mm" | tr ' ' '\n' | grep . | sed "s|^|$s |"
done > "$T/deps"

# The expected set for FILE: what includes it, the library and programs linking those.
# The format module's sources (the Makefile's FORMAT_SRC) are compiled apart (B/pic) into
# their own archive, which the test programs link, and the module; the list of the core's
# functions they call (formats.dynlist) is read from them and the library, and gongfu is
# linked with it.
expected() {
    awk -v f="$1" -v b="$B" '
        BEGIN { n = split(ENVIRON["FORMAT_SRC"], fs, " "); for (i = 1; i <= n; i++) mod[fs[i]] = 1 }
        $2 == f { hit[$1] = 1 }
        END {
            for (s in hit) {
                o = s; sub(/\.c$/, ".o", o)
                if (s in mod) { print b "/pic/" o; fmt = 1; continue }
                if (s ~ /^src\//) print b "/obj/" o
                if (s ~ /^src\/core\//) lib = 1; else if (s ~ /^src\//) app = 1
            }
            if (lib) print b "/libgongfu.a"
            if (fmt) { print b "/libgongfu-formats.a"; print b "/gongfu-formats.so" }
            if (lib || fmt) { print b "/formats.dynlist"; app = 1 }
            while ((getline line < (ENVIRON["T"] "/tests")) > 0)
                if (lib || fmt || hit[line]) { n = line; sub(/.*\//, "", n); sub(/\.c$/, "", n); print b "/tests/" n }
            if (lib || fmt || hit["tests/targets/accuracy.c"]) print b "/accuracy"
            if (lib || fmt || hit["tests/ask/golden.c"]) print b "/ask_golden"
            if (lib || fmt || hit["tests/relations/accuracy.c"]) print b "/rel_accuracy"
            if (app) { print b "/gongfu"; print b "/gongfu.db" }
        }' "$T/deps" | sort -u
}
FORMAT_SRC=$(mk -s --eval 'print-format-src: ; @echo $(FORMAT_SRC)' print-format-src)
[ -n "$FORMAT_SRC" ] || fail "no FORMAT_SRC in the Makefile"
export T FORMAT_SRC
ls tests/unit/test_*.c > "$T/tests"

check() {   # check FILE [GENERATED_HEADER made from it]
    remade "$1" > "$T/got"
    if [ -n "$2" ]; then { echo "$2"; expected "$2"; } | sort > "$T/want"
    else expected "$1" > "$T/want"; fi
    diff -u "$T/want" "$T/got" > "$T/diff" ||
        fail "changing $1 remakes the wrong set (- expected, + make):
$(cat "$T/diff")"
    echo "$1: $(wc -l < "$T/got") targets"
}
check src/tui/draw.c          # an explorer source that a unit test compiles in whole
check src/tui/keymap.h        # a header of the explorer, included by tests and objects
check src/cli/main.c          # a command-line source: the program only
check include/gongfu/text.h   # a core header: the library, so every test and program
check src/core/import_html.c  # a source of the format module: the module and what links it
check tests/unit/test_text.c  # a test: itself
check data/keys.conf "$B/gen/tui_builtin.h"   # built in through a generated header
# The generated header reaches one object, not all of them.
n=$(remade data/keys.conf | grep -c '/obj/')
[ "$n" -eq 1 ] || fail "data/keys.conf recompiles $n objects"
echo "dependencies: each change remakes exactly what includes it"
