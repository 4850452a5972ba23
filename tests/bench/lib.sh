# Shared by the tests/bench/bench_*.sh scripts: the binary, a scratch directory, a clock and
# file sizes in MB.
B=${1:-build}
GONGFU="$PWD/$B/gongfu"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
now() { date +%s.%N; }
mb() { du -cb "$@" | tail -1 | awk '{printf "%.2f", $1 / 1e6}'; }
