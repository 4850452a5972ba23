#!/bin/sh
# Import speed at 1×, 100× and 1000× the embedded corpus (renamed copies, gen_corpus.sh),
# in MB/s, next to iconv reading and converting the same bytes (UTF-8 → UTF-16) in the same
# run; the database's size against the text's; the import's peak memory. Aims (issue 15):
# at 100× at least 10 MB/s and a database at most 3× the text; at 1000× imported in one go
# with memory flat (peak at most 2× the peak at 100×). The 100× and 1000× corpora and
# databases are BUILD_DIR/bench's, which bench_search.sh then searches.
# usage: sh tests/bench/bench_import.sh BUILD_DIR      (BENCH_SCALES="1 100" for fewer)
. tests/bench/lib.sh
SCALES=${BENCH_SCALES:-1 100 1000}
W="$B/bench"
mkdir -p "$W"

run() {   # run LABEL DB FILES...
    label=$1 db=$2; shift 2
    size=$(mb "$@")
    rm -f "$db" "$db"-*
    t0=$(now)
    rss=$(python3 tests/bench/tui_pty.py maxrss -- "$GONGFU" import --db "$db" "$@" 2>/dev/null) ||
        { echo "import $label failed"; return 1; }
    t1=$(now)
    cat "$@" | iconv -f utf-8 -t utf-16 >/dev/null; t2=$(now)
    awk -v l="$label" -v s="$size" -v a="$t0" -v b="$t1" -v c="$t2" -v r="$rss" \
        -v d="$(du -b "$db" | cut -f1)" 'BEGIN {
        imp = b - a; ic = c - b; if (ic < 1e-4) ic = 1e-4
        printf "import %-5s %7.2f MB in %6.3f s = %6.1f MB/s   iconv %6.3f s   import/iconv %5.1fx   db %6.1f MB (%.2fx text)   peak %d MB\n",
               l, s, imp, s / imp, ic, imp / ic, d / 1e6, d / 1e6 / s, r / 1024 }'
}

for N in $SCALES; do
    if [ "$N" = 1 ]; then
        run 1x "$T/b.db" data/corpus/*.txt | tee "$T/line"
        continue
    fi
    dir="$W/corpus-$N"
    corpus "$N" "$dir" || exit 1
    # One command line (xargs would split 6,000 files into several imports).
    run "${N}x" "$W/search-$N.db" "$dir"/*.txt | tee "$T/line"
    set -- $(awk '{ for (i = 1; i <= NF; i++) { if ($i == "MB/s") r = $(i - 1); if ($i == "text)") x = $(i - 1); if ($i == "peak") p = $(i + 1) } }
                  END { sub(/^\(/, "", x); sub(/x$/, "", x); print r, x, p }' "$T/line")
    [ $# -eq 3 ] || continue
    [ "$N" = 100 ] && { aim "import 100x speed" "$1" ">=" 10 " MB/s"; aim "database 100x size" "$2" "<=" 3 "x text"; peak100=$3; }
    [ "$N" = 1000 ] && [ -n "$peak100" ] &&
        aim "import 1000x peak memory against 100x" "$(echo "$3 $peak100" | awk '{ printf "%.2f", $1 / $2 }')" "<=" 2 "x"
done
