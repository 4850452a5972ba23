#!/bin/sh
# `gongfu ask` speed (issue 17): the 70 questions of tests/golden/ask/questions.tsv asked
# in-process (tests/bench/ask_bench.c) of the embedded corpus (1×) and of 100 renamed
# copies of it plus the corpus itself (100×, so the questions have their answers among
# 600 documents): the time to open the asker (it reads the targets once), the median time
# to parse a question, and the median and worst time to answer one, per kind. Aim: every
# answer under 50 ms at 100× (the explorer's per-key budget). The reference in the same
# run: `grep -c` for one subject word over the same raw text.
# usage: sh tests/bench/bench_ask.sh BUILD_DIR       (BENCH_ASK_SCALES="1" for fewer)
B=${1:-build}
SCALES=${BENCH_ASK_SCALES:-1 100}
W="$B/bench"
Q=tests/golden/ask/questions.tsv
mkdir -p "$W"
ns() { date +%s%N; }
cc -std=c11 -O2 -D_GNU_SOURCE -Iinclude $(pkg-config --cflags-only-I sqlite3) \
   -o "$W/ask_bench" tests/bench/ask_bench.c "$B/libgongfu.a" \
   $(pkg-config --libs ncursesw sqlite3 opencc) -lunistring -lm || exit 1
status=0
for N in $SCALES; do
    if [ "$N" = 1 ]; then
        dir=data/corpus db="$B/gongfu.db"
    else
        dir="$W/ask-corpus-$N" db="$W/ask-$N.db"
        if [ "$(ls "$dir" 2>/dev/null | wc -l)" -ne $(((N + 1) * $(ls data/corpus/*.txt | wc -l))) ] ||
           [ tests/bench/gen_corpus.sh -nt "$dir" ]; then
            rm -rf "$dir"
            sh tests/bench/gen_corpus.sh "$N" "$dir" >/dev/null && cp data/corpus/*.txt "$dir/" ||
                exit 1
        fi
        if [ ! -f "$db" ] || [ "$B/gongfu" -nt "$db" ] || [ "$dir" -nt "$db" ]; then
            rm -f "$db" "$db-wal" "$db-shm"
            find "$dir" -name '*.txt' | sort | xargs "$B/gongfu" import --db "$db" >/dev/null 2>&1 ||
                { echo "ask ${N}x: import failed"; exit 1; }
        fi
    fi
    "$W/ask_bench" "$db" "$Q" data >"$W/ask-result-$N.tsv" || exit 1
    best=
    for i in 1 2 3; do
        t0=$(ns); LC_ALL=C grep -c -r 托位 "$dir" >/dev/null; t=$(( ($(ns) - t0) / 1000 ))
        [ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
    done
    awk -F '\t' -v n="$N" -v grep_us="$best" '
        $1 == "open" { printf "ask %sx  opening the asker (documents, every target): %.1f ms\n", n, $2 / 1000 }
        $1 == "kind" { printf "ask %sx  %-9s %3d questions  median %8.1f µs  worst %8.1f µs\n", n, $2, $3, $4, $5 }
        $1 ~ /^q/ { parse[++k] = $3; if ($5 > cold) { cold = $5; coldq = $1 } }
        $1 == "all" {
            for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (parse[j] < parse[i]) { t = parse[i]; parse[i] = parse[j]; parse[j] = t }
            printf "ask %sx  all %d: parse median %.1f µs; answer median %.1f µs, worst %.1f µs; grep -c 托位 over the text %d µs (%.1fx the median answer)\n",
                   n, $2, parse[int((k + 1) / 2)], $3, $4, grep_us, grep_us / ($3 > 0 ? $3 : 1)
            printf "ask %sx  the slowest first answer (%s, with what the asker reads once): %.1f ms\n", n, coldq, cold / 1000
            if (n >= 100) printf "ask %sx  aim: every answer under 50 ms: %s\n", n, ($4 < 50000) ? "met" : "MISSED"
            if (n >= 100 && $4 >= 50000) bad = 1
        }
        END { exit bad }' "$W/ask-result-$N.tsv" || status=1
done
exit $status
