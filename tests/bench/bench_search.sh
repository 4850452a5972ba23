#!/bin/sh
# Search speed (issue 3): for the 20 queries of tests/bench/search_queries.tsv, at 1×, 100×
# and 1000× the embedded corpus (renamed copies, tests/bench/gen_corpus.sh), the median and
# 99th-percentile time of one search in-process (search_bench: first 20 hits with snippets),
# next to the time `grep -E -c` takes over the same raw text in the same run; and the index
# size against the text size. Aims: median under 1 ms at 1×, under 20 ms at 1000×, and at
# 1000× at least 10× faster than grep. Corpora and databases are kept in BUILD_DIR/bench.
# usage: sh tests/bench/bench_search.sh BUILD_DIR      (BENCH_SCALES="1 100" for fewer)
B=${1:-build}
SCALES=${BENCH_SCALES:-1 100 1000}
W="$B/bench"
Q=tests/bench/search_queries.tsv
VOCAB=data/vocab.tsv
mkdir -p "$W"
ns() { date +%s%N; }

cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags-only-I sqlite3) \
   -o "$W/search_bench" tests/bench/search_bench.c "$B/libgongfu.a" \
   $(pkg-config --libs ncursesw sqlite3 opencc) -lunistring -lm || exit 1

status=0
for N in $SCALES; do
    if [ "$N" = 1 ]; then
        dir=data/corpus
    else
        dir="$W/corpus-$N"
        if [ "$(ls "$dir" 2>/dev/null | wc -l)" -ne $((N * 5)) ] ||
           [ tests/bench/gen_corpus.sh -nt "$dir" ]; then
            rm -rf "$dir"
            sh tests/bench/gen_corpus.sh "$N" "$dir" >/dev/null || exit 1
        fi
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
        }' "$W/result-$N.tsv" "$W/grep-$N.txt"
done
exit $status
