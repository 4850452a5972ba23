#!/bin/sh
# Pinyin search (issue 18). The table: its size, and the time gen_pinyin takes to make it
# from Unihan next to bzip2 only decompressing the same file. Then, at 1× and 100× the
# embedded corpus (the databases bench_search.sh made in BUILD_DIR/bench), for each query
# of tests/bench/pinyin_queries.tsv the median time of the pinyin query against the same
# query typed in characters (what it became) — aim: at most 2× at 100× — and against the
# Chinese meant; the first pinyin query of a new search context (it reads the word list);
# and rebuilding the word list, as every import's commit does. The three queries run in
# turn, and a ratio is the median of the rounds' ratios, so the machine's noise cancels.
# usage: sh tests/bench/bench_pinyin.sh BUILD_DIR
B=${1:-build}
W="$B/bench"
UNIHAN=${UNIHAN:-/usr/share/unicode/Unihan_Readings.txt.bz2}
mkdir -p "$W"
ns() { date +%s%N; }

cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags-only-I sqlite3) \
   -o "$W/search_bench" tests/bench/search_bench.c "$B/libgongfu.a" \
   $(pkg-config --libs ncursesw sqlite3 opencc) -lunistring -lm || exit 1

t0=$(ns); bzip2 -dc "$UNIHAN" | "$B/tools/gen_pinyin" >"$W/pinyin_table.h" || exit 1; t1=$(ns)
bzip2 -dc "$UNIHAN" >/dev/null; t2=$(ns)
awk -v gen=$(( (t1 - t0) / 1000000 )) -v unz=$(( (t2 - t1) / 1000000 )) \
    -v bytes="$(sed -n 's/^#define PINYIN_TABLE_BYTES //p' "$W/pinyin_table.h")" \
    -v chars="$(sed -n 's/^#define PINYIN_TABLE_CHARS //p' "$W/pinyin_table.h")" \
    -v src="$(sed -n 's/^#define PINYIN_SOURCE //p' "$W/pinyin_table.h")" 'BEGIN {
    printf "pinyin table: %d characters, %.0f KB (%s); made in %d ms, bzip2 -dc alone %d ms (%.1fx)\n",
           chars, bytes / 1024, src, gen, unz, gen / (unz > 0 ? unz : 1) }'

status=0
for N in 1 100; do
    db="$W/search-$N.db"
    [ -f "$db" ] || { echo "pinyin ${N}x: no $db (run bench_search.sh first)"; continue; }
    "$W/search_bench" --pinyin "$db" tests/bench/pinyin_queries.tsv data/vocab.tsv \
        >"$W/pinyin-$N.tsv" || { status=1; continue; }
    awk -F '\t' -v n="$N" '
        BEGIN { printf "pinyin %sx  %-14s %7s %9s %9s %7s %9s %7s  became\n", n, "query", "matched",
                       "med µs", "became µs", "ratio", "meant µs", "ratio" }
        $1 == "first" { first = $2; next }
        $1 == "rebuild" { rebuild = $2; next }
        { q++; r = $8; m = $9
          if (r > worst) worst = r
          printf "pinyin %sx  %-14s %7d %9.1f %9.1f %6.2fx %9.1f %6.2fx  %s\n", n, $1, $3, $4, $5, r, $7, m, $2 }
        END {
            printf "pinyin %sx  first pinyin query of a new search context (reads the word list): %.1f ms\n", n, first / 1000
            printf "pinyin %sx  word list rebuilt at an import'\''s commit: %.1f ms\n", n, rebuild / 1000
            printf "pinyin %sx  worst pinyin/typed-in-characters ratio %.2fx", n, worst
            if (n == 100) printf "; aim at most 2x: %s", worst <= 2 ? "met" : "MISSED"
            printf "\n" }' "$W/pinyin-$N.tsv"
done
exit $status
