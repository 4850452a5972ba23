#!/bin/sh
# make bench: every benchmark, each printing figures next to a reference tool run on the
# same bytes in the same run (these machines are noisy: ratios, not absolute times), then
# every figure that has an aim, with its aim and whether it is met (the "aim:" lines).
# BENCH_SCALES="1 100" leaves out 1000× (its import alone takes minutes).
B=${1:-build}
export LC_ALL=C.UTF-8 GONGFU_DATA="$PWD/data"
status=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for s in tests/bench/bench_import.sh tests/bench/bench_formats.sh tests/bench/bench_search.sh \
         tests/bench/bench_pinyin.sh tests/bench/bench_relations.sh tests/bench/bench_tui.sh \
         tests/bench/bench_ask.sh tests/bench/bench_scaling.sh; do
    echo "== $s"
    sh "$s" "$B" | tee -a "$out" || status=1
done
echo "== related lists against the hand key (issue 14's aims: first >= 0.80, within 3 >= 0.95)"
"$B/rel_accuracy" --db "$B/gongfu.db" --key tests/golden/relations/key.tsv || status=1
echo "== target extraction against the hand labels"
"$B/accuracy" --db "$B/gongfu.db" --labels tests/golden/targets || status=1
echo "== aims"
grep '^aim: ' "$out"
exit $status
