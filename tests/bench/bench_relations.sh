#!/bin/sh
# Relations (issue 14): their share of the import's time on the embedded corpus (aim: at
# most 20%) and on 10× renamed copies (tests/bench/gen_corpus.sh). The import is timed
# whole (`gongfu import`, CPU time as /usr/bin/time reports it, median of 5); the
# relations are timed alone on the imported file (relations_bench: relations_recompute,
# rolled back, median of 5), both in this run, so the ratio holds on a busy machine.
# usage: sh tests/bench/bench_relations.sh BUILD_DIR     (BENCH_SCALES="1 10 100")
B=${1:-build}
SCALES=${BENCH_SCALES:-1 10}
W="$B/bench"
mkdir -p "$W"
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags-only-I sqlite3) \
   -o "$W/relations_bench" tests/bench/relations_bench.c "$B/libgongfu.a" \
   $(pkg-config --libs ncursesw sqlite3 opencc) -lunistring -lm || exit 1
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

for N in $SCALES; do
    if [ "$N" = 1 ]; then
        files=$(ls data/corpus/*.txt)
    else
        dir="$W/corpus-$N"
        [ "$(ls "$dir" 2>/dev/null | wc -l)" -eq $((N * $(ls data/corpus/*.txt | wc -l))) ] ||
            { rm -rf "$dir"; sh tests/bench/gen_corpus.sh "$N" "$dir" >/dev/null || exit 1; }
        files=$(ls "$dir"/*)
    fi
    runs=5; [ "$N" -ge 100 ] && runs=1
    : >"$W/import-cpu"
    i=0
    while [ $i -lt $runs ]; do
        rm -f "$W/rel.db"*
        # shellcheck disable=SC2086
        /usr/bin/time -f "%U %S" -o "$W/time" "$B/gongfu" import --db "$W/rel.db" $files 2>/dev/null ||
            { echo "import failed"; exit 1; }
        awk '{ printf "%.1f\n", ($1 + $2) * 1000 }' "$W/time" >>"$W/import-cpu"
        i=$((i + 1))
    done
    imp=$(median <"$W/import-cpu")
    set -- $("$W/relations_bench" "$W/rel.db" $runs)
    awk -v n="$N" -v imp="$imp" -v rel="$1" -v wall="$2" -v rows="$3" 'BEGIN {
        printf "relations %4dx: %8.1f ms CPU (wall %.1f ms), %d rows; import %8.1f ms CPU; relations %.1f%% of the import\n",
               n, rel, wall, rows, imp, 100 * rel / imp }'
done
