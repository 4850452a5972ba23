#!/bin/sh
# Search speed (issue 3): for the 20 queries of tests/bench/search_queries.tsv, at 1×, 100×
# and 1000× the embedded corpus (renamed copies, tests/bench/gen_corpus.sh), the median and
# 99th-percentile time of one search in-process (search_bench: first 20 hits with snippets),
# next to the time `grep -E -c` takes over the same raw text in the same run; and the index
# size against the text size. Aims: median under 1 ms at 1×, under 20 ms at 1000× (issue
# 15: under 10 ms), and at 1000× at least 10× faster than grep; a whole `gongfu search`
# process at most 0.4× `grep -c -F` at 100× (whole). Corpora and databases are kept in
# BUILD_DIR/bench (bench_import.sh makes them first).
# usage: sh tests/bench/bench_search.sh BUILD_DIR      (BENCH_SCALES="1 100" for fewer)
B=${1:-build}
SCALES=${BENCH_SCALES:-1 100 1000}
W="$B/bench"
Q=tests/bench/search_queries.tsv
VOCAB=data/vocab.tsv
mkdir -p "$W"
ns() { date +%s%N; }
. tests/bench/lib.sh

cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags-only-I sqlite3) \
   -o "$W/search_bench" tests/bench/search_bench.c "$B/libgongfu.a" \
   $(pkg-config --libs ncursesw sqlite3 opencc) -lunistring -lm || exit 1
cc -std=c11 -O2 -D_GNU_SOURCE -o "$W/best_time" tests/bench/best_time.c || exit 1

# whole N DB DIR: a whole `gongfu search --limit 20` process (start-up, query, the first 20
# hits printed, as search_bench times in-process)
# against `grep -c -F` of the query over the raw files, best of 3 each, per query, both timed
# by best_time (clock_gettime around fork..wait: no fork of date in either interval); the
# median of the ratios (issue 15: at most 0.4 at 100×).
whole() {
    grep -v '^#' "$Q" | cut -f1 | while read -r query; do
        bg=$("$W/best_time" 3 "$B/gongfu" search --db "$2" --limit 20 "$query")
        bq=$(LC_ALL=C "$W/best_time" 3 grep -c -F -r -- "$query" "$3")
        echo "$bg $bq $query"
    done >"$W/whole-$1.txt"
    r=$(awk '{ print $1 / ($2 > 0 ? $2 : 1) }' "$W/whole-$1.txt" | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }')
    awk -v n="$1" -v r="$r" '{ g += $1; q += $2 } END {
        printf "search %sx  whole process: gongfu search --limit 20 %.1f ms, grep -c -F %.1f ms (means of the 20 queries); median ratio %s\n",
               n, g / NR / 1000, q / NR / 1000, r }' "$W/whole-$1.txt"
    aim "search ${1}x whole process against grep -c -F" "$r" "<=" 0.4 "x"
}

status=0
for N in $SCALES; do
    if [ "$N" = 1 ]; then
        dir=data/corpus
    else
        dir="$W/corpus-$N"
        corpus "$N" "$dir" || exit 1
    fi
    db="$W/search-$N.db"
    text=$(cat "$dir"/*.txt | wc -c)
    if [ ! -f "$db" ] || [ "$B/gongfu" -nt "$db" ] || [ "$dir" -nt "$db" ]; then
        rm -f "$db" "$db-wal" "$db-shm"
        t0=$(ns)
        find "$dir" -name '*.txt' | sort | xargs "$B/gongfu" import --db "$db" >/dev/null 2>&1 ||
            { echo "search ${N}x: import failed"; exit 1; }
        echo "search ${N}x: imported $text bytes in $(( ($(ns) - t0) / 1000000 )) ms"
    fi
    "$W/search_bench" "$db" "$Q" "$VOCAB" >"$W/result-$N.tsv" || exit 1
    # grep: best of 3 at the small scales, one run at 1000× (the page cache is warm).
    reps=3; [ "$N" -ge 1000 ] && reps=1
    grep -v '^#' "$Q" | while IFS='	' read -r query re; do
        best=
        i=0
        while [ $i -lt $reps ]; do
            t0=$(ns)
            LC_ALL=C grep -E -c -r -- "$re" "$dir" >/dev/null
            t=$(( ($(ns) - t0) / 1000 ))
            [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
            i=$((i + 1))
        done
        echo "$best"
    done >"$W/grep-$N.txt"
    grep -v '^index' "$W/result-$N.tsv" | paste - "$W/grep-$N.txt" | awk -F '\t' -v n="$N" '
        BEGIN { printf "search %sx  %8s %10s %10s %10s %8s  query\n", n, "matched", "median µs",
                       "p99 µs", "grep µs", "grep/med" }
        { printf "search %sx  %8s %10.1f %10.1f %10d %7.0fx  %s\n", n, $2, $3, $4, $5,
                 $5 / ($3 > 0 ? $3 : 1), $1 }'
    idx=$(awk -F '\t' '/^index/ { print $2 "\t" $3 }' "$W/result-$N.tsv")
    awk -F '\t' -v n="$N" -v text="$text" -v idx="$idx" -v db="$(du -b "$db" | cut -f1)" '
        FNR == NR && !/^index/ { med[++q] = $3; next }
        FNR != NR { g[++k] = $1 }
        END {
            for (i = 1; i <= q; i++) m[i] = med[i]
            for (i = 1; i <= q; i++) for (j = i + 1; j <= q; j++) if (m[j] < m[i]) { t = m[i]; m[i] = m[j]; m[j] = t }
            for (i = 1; i <= k; i++) h[i] = g[i]
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (h[j] < h[i]) { t = h[i]; h[i] = h[j]; h[j] = t }
            mm = m[int((q + 1) / 2)]; gm = h[int((k + 1) / 2)]; worst = m[q]
            split(idx, ix, "\t")
            printf "search %sx  summary: median of the 20 medians %.1f µs (worst %.1f µs), grep median %d µs, %.0fx faster\n",
                   n, mm, worst, gm, gm / (mm > 0 ? mm : 1)
            printf "search %sx  sizes: text %.2f MB, database %.2f MB, FTS5 index %.2f MB (%.2fx text), its copy of the text %.2f MB\n",
                   n, text / 1e6, db / 1e6, ix[1] / 1e6, ix[1] / text, ix[2] / 1e6
            aim = (n == 1) ? 1000 : 20000
            fast = (gm >= 10 * mm) ? "met" : "MISSED"
            if (n == 1)
                printf "search %sx  aim: median under %d µs: %s\n", n, aim, (mm < aim) ? "met" : "MISSED"
            if (n >= 1000)
                printf "search %sx  aim: median under %d µs: %s; 10x faster than grep: %s\n", n, aim,
                       (mm < aim) ? "met" : "MISSED", fast
            if (n >= 1000)
                printf "%.0f\n", mm > "/dev/stderr"
        }' "$W/result-$N.tsv" "$W/grep-$N.txt" 2>"$W/median-$N.txt"
    [ "$N" -ge 1000 ] && aim "search ${N}x median in-process" "$(awk '{ printf "%.1f", $1 / 1000 }' "$W/median-$N.txt")" "<=" 10 " ms"
    [ "$N" -ge 100 ] && whole "$N" "$db" "$dir"
done
exit $status
