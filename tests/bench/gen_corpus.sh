#!/bin/sh
# Writes N renamed copies of the embedded corpus (data/corpus/*.txt) into OUTDIR, for the
# import and search benchmarks: copy i of each file has its place names (舟山, 台州, 金华/金華,
# 浙江) replaced by a three-character name of its own, so no two documents are the same.
# usage: sh tests/bench/gen_corpus.sh N OUTDIR        (files OUTDIR/NNNN-<name>.txt)
set -e
N=${1:?usage: gen_corpus.sh N OUTDIR}
OUT=${2:?usage: gen_corpus.sh N OUTDIR}
mkdir -p "$OUT"
k=0
for f in data/corpus/*.txt; do
    base=$(basename "$f" .txt)
    LC_ALL=C awk -v n="$N" -v out="$OUT" -v base="$base" -v k="$k" '
        { text = text $0 "\n" }
        END {
            nc = split("东 南 西 北 安 康 宁 泰 平 和 兴 盛 华 丰 瑞 祥 云 山 海 江 湖 川 河 阳 " \
                       "春 秋 明 清 永 长 新 德 文 武 昌 嘉 庆 福 余 临", c, " ")
            for (i = 1; i <= n; i++) {
                j = i * 5 + k
                name = c[j % nc + 1] c[int(j / nc) % nc + 1] c[int(j / nc / nc) % nc + 1]
                s = text
                gsub(/舟山|台州|金华|金華|浙江/, name, s)
                file = sprintf("%s/%04d-%s.txt", out, i, base)
                printf "%s", s > file
                close(file)
            }
        }' "$f"
    k=$((k + 1))
done
echo "$OUT: $(ls "$OUT" | wc -l) files, $(du -sb "$OUT" | cut -f1) bytes"
