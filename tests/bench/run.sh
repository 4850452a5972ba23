#!/bin/sh
# make bench: every benchmark, each printing figures next to a reference tool run on the
# same bytes in the same run (these machines are noisy: ratios, not absolute times).
B=${1:-build}
export LC_ALL=C.UTF-8 GONGFU_DATA="$PWD/data"
status=0
for s in tests/bench/bench_import.sh tests/bench/bench_formats.sh tests/bench/bench_search.sh \
         tests/bench/bench_pinyin.sh tests/bench/bench_relations.sh tests/bench/bench_tui.sh \
         tests/bench/bench_ask.sh tests/bench/bench_scaling.sh; do
    echo "== $s"
    sh "$s" "$B" || status=1
done
echo "== target extraction against the hand labels"
"$B/accuracy" --db "$B/gongfu.db" --labels tests/golden/targets || status=1
exit $status
