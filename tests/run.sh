#!/bin/sh
# Runs every test against each build directory given (normal, then ASan+UBSan):
# the cmocka unit tests, then each tests/*/t_*.sh script (golden and end-to-end tests,
# called as `sh script BUILD_DIR`, exit 0 on pass). Ends with "N passed, N failed".
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
unset GONGFU_DB GONGFU_DATA XDG_STATE_HOME XDG_CONFIG_HOME
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pass=0; fail=0; failed=""
for b in "$@"; do
    for t in "$b"/tests/test_*; do
        [ -x "$t" ] || continue
        if "$t" >"$t.log" 2>&1; then pass=$((pass + 1)); else
            fail=$((fail + 1)); failed="$failed $t"; cat "$t.log"; fi
    done
    for s in tests/*/t_*.sh; do
        [ -f "$s" ] || continue
        log="$b/$(echo "$s" | tr / _).log"
        if sh "$s" "$b" >"$log" 2>&1; then pass=$((pass + 1)); else
            fail=$((fail + 1)); failed="$failed $s($b)"; cat "$log"; fi
    done
done
[ -n "$failed" ] && echo "FAILED:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
