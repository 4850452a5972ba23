# Shared by the tests/bench/bench_*.sh scripts: the binary, a scratch directory, a clock and
# file sizes in MB.
B=${1:-build}
GONGFU="$PWD/$B/gongfu"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
now() { date +%s.%N; }
mb() { du -cb "$@" | tail -1 | awk '{printf "%.2f", $1 / 1e6}'; }
# aim WHAT VALUE OP LIMIT UNIT: one figure against its aim (issue 15: every figure says its
# aim and whether it is met); OP is <= or >=. run.sh repeats these lines at the end.
aim() {
    awk -v w="$1" -v v="$2" -v op="$3" -v l="$4" -v u="$5" 'BEGIN {
        ok = (op == "<=") ? (v + 0 <= l + 0) : (v + 0 >= l + 0)
        printf "aim: %s %s%s (aim %s %s%s): %s\n", w, v, u, op, l, u, ok ? "met" : "NOT MET" }'
}
# corpus N DIR: N renamed copies of the embedded corpus in DIR (gen_corpus.sh), made anew
# only when DIR does not hold them all or the generator changed.
corpus() {
    if [ "$(ls "$2" 2>/dev/null | wc -l)" -ne $(($1 * $(ls data/corpus/*.txt | wc -l))) ] ||
       [ tests/bench/gen_corpus.sh -nt "$2" ]; then
        rm -rf "$2"
        sh tests/bench/gen_corpus.sh "$1" "$2" >/dev/null
    fi
}
