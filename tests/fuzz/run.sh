#!/bin/sh
# Runs every libFuzzer target in BUILD/fuzz for SECONDS each (default 60):
#   sh tests/fuzz/run.sh build/fuzz 60
# Each target starts from its seeds (tests/fuzz/seeds/NAME, plus the real plans for the
# importer) and its regression inputs (tests/fuzz/regress/NAME: every crash ever found,
# which must keep passing); what it learns goes to BUILD/fuzz/corpus/NAME, never into the
# source tree. A crash or a failed property leaves the input in BUILD/fuzz/crash-NAME-*
# and fails the run. Prints one line of figures per target.
B=${1:?usage: sh tests/fuzz/run.sh BUILD_DIR [SECONDS]}
SECONDS_EACH=${2:-60}
export LC_ALL=C.UTF-8 GONGFU_DATA="$PWD/data"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for f in "$B"/fuzz/fuzz_*; do
    [ -x "$f" ] || continue
    case "$f" in *.d|*.log) continue ;; esac
    name=${f##*/fuzz_}
    work="$B/fuzz/corpus/$name"
    log="$B/fuzz/$name.log"
    mkdir -p "$work"
    dirs=""
    for d in "tests/fuzz/seeds/$name" "tests/fuzz/regress/$name"; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    [ "$name" = import ] && dirs="$dirs data/corpus"
    # -timeout: an input that takes 25 s (quadratic code on a 16 KB input) is a failure,
    # not a run that hangs for libFuzzer's default 20 minutes.
    opts="-max_total_time=$SECONDS_EACH -timeout=25 -print_final_stats=1 -artifact_prefix=$B/fuzz/crash-$name-"
    [ -f "tests/fuzz/$name.dict" ] && opts="$opts -dict=tests/fuzz/$name.dict"
    [ -f "tests/fuzz/$name.options" ] && opts="$opts $(cat "tests/fuzz/$name.options")"
    # shellcheck disable=SC2086
    if "$f" $opts "$work" $dirs >"$log" 2>&1; then
        awk -v n="$name" '
            /^stat::number_of_executed_units:/ { runs = $2 }
            /^stat::average_exec_per_sec:/ { eps = $2 }
            /^stat::new_units_added:/ { added = $2 }
            /^stat::peak_rss_mb:/ { rss = $2 }
            /INFO: seed corpus: files:/ { seeds = $5 }
            /cov: [0-9]+ ft:/ { for (i = 1; i < NF; i++) { if ($i == "cov:") cov = $(i + 1); if ($i == "corp:") corp = $(i + 1) } }
            END { printf "fuzz %-10s ok  %9d inputs  %7d/s  cov %5d  corpus %s  seeds %s  rss %s MB\n", n, runs, eps, cov, corp, seeds, rss }
        ' "$log"
    else
        status=1
        echo "fuzz $name FAILED (log: $log):"
        grep -E 'PROPERTY FAILED|ERROR: |SUMMARY: |Test unit written|#[0-9]+ 0x' "$log" | head -25
    fi
done
exit $status
