#!/bin/sh
# The format module (format_module.h): gongfu itself links none of the libraries that read
# web pages, Word documents and PDFs or write .xlsx, and neither the explorer's first
# screen nor `gongfu search` loads them (issue 15: mapping and relocating them was most of
# the start-up); an HTML import or an .xlsx export loads the module; a missing or broken
# module is an error naming the file and what to do, never a crash.
. tests/cli/lib.sh
PAGE=tests/dev/corpus/national_15th_fyp_recommendations_2025_cpc_central_committee.html
# Each library the module brings in, and the module.
FORMAT_LIBS='gongfu-formats\.so|libxml2\.|libzip\.|libxlsxwriter|libminizip|libmujs|libgumbo|libopenjp2|libjbig2dec|libjpeg|libfreetype|libharfbuzz|libicuuc'
export XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"

# The libraries gongfu needs to start, all the way down.
ldd "$GONGFU" >"$T/ldd" || fail "ldd $GONGFU"
! grep -E "$FORMAT_LIBS" "$T/ldd" || fail "gongfu links a format library (above)"

# loaded NAME COMMAND…: the files the dynamic loader opened while COMMAND ran, in $T/NAME.
loaded() {
    name=$1; shift
    rm -f "$T/ld".*
    LD_DEBUG=files LD_DEBUG_OUTPUT="$T/ld" "$@" >"$T/out" 2>"$T/err" || { fail "$name: exit $?"; cat "$T/err"; }
    cat "$T/ld".* 2>/dev/null | sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u >"$T/$name"
    [ -s "$T/$name" ] || fail "$name: LD_DEBUG=files showed no file (the check cannot see loads)"
}
printf 'keys q\n' >"$T/q.script"
loaded explorer env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/q.script" \
    "$GONGFU" --ambiwidth=1 --db "$DB" zhoushan-plan
! grep -E "$FORMAT_LIBS" "$T/explorer" || fail "the explorer's start loads a format library (above)"
loaded search "$GONGFU" search --db "$DB" --limit 20 养老服务
! grep -E "$FORMAT_LIBS" "$T/search" || fail "gongfu search loads a format library (above)"
# The check can fail: an import of a web page loads the module, and libxml2 with it.
loaded import "$GONGFU" import --db "$T/page.db" "$PAGE"
grep -q 'gongfu-formats\.so' "$T/import" || fail "an HTML import did not load the module"
grep -q 'libxml2\.' "$T/import" || fail "an HTML import did not load libxml2"

# Without the module beside it (nor installed where this build was configured to put it):
# a clear error, the exit status of a file that cannot be read, nothing imported.
mkdir -p "$T/bin"
cp "$GONGFU" "$T/bin/gongfu"
"$T/bin/gongfu" import --db "$T/none.db" "$PAGE" >"$T/out" 2>"$T/err"; rc=$?
if [ "$rc" -eq 0 ]; then
    echo "note: an installed module was found ($(grep -o '/[^ ]*gongfu-formats.so' "$T/err" | head -1)); the missing case is not checked"
else
    [ "$rc" -eq 1 ] || fail "import without the module: exit $rc, wanted 1"
    contains "$T/err" "gongfu-formats.so cannot be loaded" "import without the module"
    contains "$T/err" "make install" "import without the module says what to do"
    "$T/bin/gongfu" targets --format xlsx --db "$DB" --output "$T/t.xlsx" >"$T/out" 2>"$T/err"; rc=$?
    [ "$rc" -eq 1 ] || fail "xlsx export without the module: exit $rc, wanted 1"
    contains "$T/err" "gongfu-formats.so cannot be loaded" "xlsx export without the module"
    [ ! -e "$T/t.xlsx" ] || fail "xlsx export without the module left a file"
fi
# A file of that name that is not the module.
echo "not a shared object" >"$T/bin/gongfu-formats.so"
"$T/bin/gongfu" import --db "$T/broken.db" "$PAGE" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" -eq 1 ] || fail "import with a broken module: exit $rc, wanted 1"
contains "$T/err" "$T/bin/gongfu-formats.so cannot be loaded" "import with a broken module names it"
finish
