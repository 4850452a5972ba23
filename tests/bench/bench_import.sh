#!/bin/sh
# Import speed at 1× and 100× the embedded corpus, in MB/s, next to iconv reading and
# converting the same bytes (UTF-8 → UTF-16) in the same run.
. tests/bench/lib.sh

run() {   # run LABEL FILES...
    label=$1; shift
    size=$(mb "$@")
    rm -f "$T/b.db"*
    t0=$(now); "$GONGFU" import --db "$T/b.db" "$@" 2>/dev/null || { echo "import failed"; return 1; }; t1=$(now)
    cat "$@" | iconv -f utf-8 -t utf-16 >/dev/null; t2=$(now)
    awk -v l="$label" -v s="$size" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$(du -b "$T/b.db" | cut -f1)" 'BEGIN {
        imp = b - a; ic = c - b; if (ic < 1e-4) ic = 1e-4
        printf "import %-5s %7.2f MB in %6.3f s = %6.1f MB/s   iconv %6.3f s   import/iconv %5.1fx   db %5.1f MB (%.1fx text)\n",
               l, s, imp, s / imp, ic, imp / ic, d / 1e6, d / 1e6 / s }'
}

run 1x data/corpus/*.txt
if [ -f tests/bench/gen_corpus.sh ]; then
    sh tests/bench/gen_corpus.sh 100 "$T/c100" >/dev/null
    run 100x "$T"/c100/*
fi
