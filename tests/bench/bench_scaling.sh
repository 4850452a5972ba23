#!/bin/sh
# Costs that must grow linearly with the input (issue 16), each at three sizes, with the
# exponent k of a least-squares fit time ∝ size^k (1 is linear, 2 quadratic) and, beside
# each time, a reference tool reading the same bytes in the same run:
#   slugs:   importing 2,000 / 4,000 / 8,000 one-item documents that share one title (so
#            one slug base, doc-plan-N), against sha256sum over the same files;
#   open:    the explorer's first screen of ONE plan of 5 / 20 / 50 MB (headless: lay
#            out, map the target spans, draw, quit), against wc -m reading the same text;
#   memory:  the import's peak resident memory for those plans, as a multiple of the file.
# Times are CPU seconds (user + system, of the process and its children): with up to seven
# builds on two cores, wall time measures the neighbours.
# usage: sh tests/bench/bench_scaling.sh BUILD_DIR [SIZES_MB]   (SIZES_MB default "5 20 50")
. tests/bench/lib.sh
SIZES=${2:-5 20 50}
W="$PWD/$B/bench/scaling"
mkdir -p "$W"
export XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config" TERM=xterm-256color
PY=/usr/bin/python3
[ -x $PY ] || PY=python3

# fit "n t" lines on stdin: the exponent of t ∝ n^k.
fit() {
    awk '{ x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
         END { d = n * sxx - sx * sx; printf "%.2f", d ? (n * sxy - sx * sy) / d : 0 }'
}
# cpu CMD…: runs it (output to /dev/null); its CPU seconds on stdout, 0 exit or none.
cpu() {
    /usr/bin/time -f "%U %S" -o "$T/cpu" "$@" >/dev/null 2>"$T/cpu.err" || return 1
    awk '{ printf "%.3f", $1 + $2 }' "$T/cpu"
}

# ---- slugs
: >"$T/fit.slug"
for n in 2000 4000 8000; do
    d="$T/slugs-$n"
    mkdir -p "$d"
    awk -v n=$n -v d="$d" 'BEGIN { for (i = 1; i <= n; i++) {
        f = sprintf("%s/%05d.txt", d, i)
        printf "发展规划\n一、总体要求\n1.第%d项任务。推进发展。\n", i > f; close(f) } }'
    rm -f "$T/s.db"*
    find "$d" -name '*.txt' | sort >"$T/list"
    # shellcheck disable=SC2046
    gi=$(cpu "$GONGFU" import --db "$T/s.db" $(cat "$T/list")) ||
        { echo "slugs: import of $n failed"; exit 1; }
    # shellcheck disable=SC2046
    ref=$(cpu sha256sum $(cat "$T/list"))
    last=$("$GONGFU" docs --db "$T/s.db" | tail -1 | cut -f1)
    echo "$n $gi" >>"$T/fit.slug"
    echo "slugs $n docs: import $gi s ($(awk -v a="$gi" -v n=$n 'BEGIN { printf "%.2f", a * 1000 / n }') ms a document)   sha256sum $ref s   last slug $last"
    rm -rf "$d"
done
echo "slugs: exponent $(fit <"$T/fit.slug") (1 is linear)"

# ---- open and memory: one plan per size, imported once and kept in $W.
: >"$T/fit.open"
: >"$T/fit.mem"
printf 'dump %s/screen\n' "$T" >"$T/script"
for s in $SIZES; do
    txt="$W/plan-$s.txt" db="$W/plan-$s.db"
    [ -f "$txt" ] || $PY tests/bench/gen_bigdoc.py "$s" "$txt" || { echo "open: no $s MB plan"; exit 1; }
    bytes=$(wc -c <"$txt")
    if [ ! -f "$db" ] || [ ! -f "$db.rss" ]; then
        rm -f "$db"
        /usr/bin/time -f %M -o "$db.rss" "$GONGFU" import --db "$db" "$txt" 2>/dev/null ||
            { echo "open: import of the $s MB plan failed"; rm -f "$db.rss"; exit 1; }
    fi
    rss=$(cat "$db.rss")
    slug=$("$GONGFU" docs --db "$db" | sed -n 2p | cut -f1)
    best=""
    for i in 1 2 3; do
        rm -rf "$XDG_STATE_HOME" "$T/screen"
        t=$(GONGFU_HEADLESS=120x40 GONGFU_SCRIPT="$T/script" cpu "$GONGFU" --db "$db" "$slug") ||
            { echo "open: the explorer failed on the $s MB plan"; exit 1; }
        [ -s "$T/screen" ] || { echo "open: no screen for the $s MB plan"; exit 1; }
        best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN { print (a < b ? a : b) }')
    done
    ref=$(cpu wc -m "$txt")
    echo "$bytes $best" >>"$T/fit.open"
    echo "$bytes $rss" >>"$T/fit.mem"
    awk -v s="$s" -v b="$bytes" -v t="$best" -v r="$ref" -v m="$rss" 'BEGIN {
        printf "open %2d MB plan: %6.2f s   wc -m %5.3f s   ratio %6.1f   import peak memory %6.1f MB = %4.1fx the file\n",
               s, t, r, t / (r > 1e-3 ? r : 1e-3), m / 1024, m * 1024 / b }'
done
echo "open: exponent $(fit <"$T/fit.open")   import memory: exponent $(fit <"$T/fit.mem") (1 is linear)"
