#!/bin/sh
# Search by pinyin on the embedded corpus (issue 18): a word of Latin letters the
# documents lack is read as the Chinese words that read so. The hits of each pinyin query
# must be the hits of the Chinese it stands for (tests/golden/search/*.tsv, or the same
# query typed in characters), Latin words found as written stay as written, and what each
# query became (standard error) is compared with tests/golden/search/pinyin.txt.
# usage: sh tests/search/t_pinyin.sh BUILD_DIR        (UPDATE=1 rewrites pinyin.txt)
. tests/cli/lib.sh
DIR=tests/golden/search

# The hits' slug, region, path and title, sorted.
sections() {
    "$GONGFU" search --db "$DB" "$@" >"$T/out" 2>"$T/err" || fail "exit $? for: $*"
    head -n 1 "$T/out" | grep -qx 'slug	region	path	title	snippet' || fail "header for: $*"
    tail -n +2 "$T/out" | cut -f1-4 | LC_ALL=C sort
}

# equal QUERY CHINESE: the pinyin query finds exactly what the Chinese query finds.
equal() {
    sections "$1" >"$T/a"; sections "$2" >"$T/b"
    [ -s "$T/b" ] || fail "'$2' finds nothing"
    cmp -s "$T/a" "$T/b" || { fail "'$1' is not '$2'"; diff "$T/b" "$T/a" | head -8; }
}

# within QUERY CHINESE: every hit of the Chinese query is a hit of the pinyin query.
within() {
    sections "$1" >"$T/a"; sections "$2" >"$T/b"
    [ -s "$T/b" ] || fail "'$2' finds nothing"
    [ -z "$(LC_ALL=C comm -13 "$T/a" "$T/b")" ] || fail "'$1' misses hits of '$2'"
}

# 托位 by full syllables (with or without spaces, apostrophes, tones) and by initials. The
# 2026 report's 稳妥有序 is read tuo-wei too (Unihan gives 有 wěi as well), so tuowei is 托位
# or 妥有; with the tones written (tuo1wei4) only 托位.
cut -f1-4 "$DIR/tuowei.tsv" | LC_ALL=C sort >"$T/tuo4"
{ cat "$T/tuo4"; sections 妥有; } | LC_ALL=C sort -u >"$T/tuowei"
for q in tuowei "tuo wei" "tuo'wei" TuoWei tuow; do
    sections "$q" >"$T/got"
    same "$T/tuowei" "$T/got" "pinyin '$q'"
done
sections tuo1wei4 >"$T/got"
same "$T/tuo4" "$T/got" "pinyin 'tuo1wei4'"
sections tw >"$T/got"
[ -z "$(LC_ALL=C comm -13 "$T/got" "$T/tuo4")" ] || fail "tw misses the 托位 hits"
# 数字化改革 by initials, and 數位化改革 through folding and the vocabulary.
cut -f1-4 "$DIR/shuzihua-gaige.tsv" | LC_ALL=C sort >"$T/szhgg"
for q in szhgg shuzihuagaige "shu zi hua gai ge" shuzhgg; do
    sections "$q" >"$T/got"
    same "$T/szhgg" "$T/got" "pinyin '$q'"
done
grep -q '數位化改革' "$DIR/shuzihua-gaige.tsv" || fail "the golden 数字化改革 hits hold no 數位化改革"
# A polyphonic character by each of its readings: 行 háng / xíng, 重 zhòng / chóng.
within yinhang 银行
equal xingdong 行动
within zhongdian 重点
within chongjian 重建
within hangye 行业
equal gtfy 共同富裕
# Latin words found as written stay so, and say nothing on standard error.
for q in gdp GDP gep pm2.5 5g 'r&d'; do
    sections "$q" >"$T/a"; err=$(cat "$T/err")
    sections "\"$q\"" >"$T/b"
    [ -s "$T/b" ] && cmp -s "$T/a" "$T/b" || fail "'$q' is not found as written"
    [ -z "$err" ] || fail "'$q' said: $err"
done
# --pinyin reads as pinyin only; --no-pinyin never.
"$GONGFU" search --db "$DB" --no-pinyin tuowei >"$T/out" 2>"$T/err"
[ "$(wc -l <"$T/out")" -eq 1 ] && [ ! -s "$T/err" ] || fail "--no-pinyin tuowei found something"
"$GONGFU" search --db "$DB" --pinyin tuowei >"$T/out" 2>"$T/err" || fail "--pinyin: exit $?"
[ "$(tail -n +2 "$T/out" | cut -f1-4 | LC_ALL=C sort)" = "$(cat "$T/tuowei")" ] ||
    fail "--pinyin tuowei"
status 2 "--pinyin without a query" "$GONGFU" search --db "$DB" --pinyin
# The same line on standard error in every format; standard output stays the table.
for f in tsv csv json; do
    "$GONGFU" search --db "$DB" --format $f tuowei >"$T/out" 2>"$T/err"
    [ "$(cat "$T/err")" = "gongfu search: pinyin tuowei: 托位 妥有" ] || fail "$f: $(cat "$T/err")"
    lacks "$T/out" "pinyin" "$f output"
done
"$GONGFU" search --db "$DB" --format json szhgg 2>/dev/null | python3 -c 'import json, sys; json.load(sys.stdin)' ||
    fail "json with a pinyin query"
# A long query of pinyin ends cleanly and soon.
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a "; }')
status 0 "5000 syllables" timeout 20 "$GONGFU" search --db "$DB" "$long"
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "qq "; }')
status 0 "5000 pairs of initials" timeout 20 "$GONGFU" search --db "$DB" "$long"
[ "$(sort -u "$T/err" | wc -l)" -le 2 ] || fail "the same reading said more than once"

# What each query became, against the golden list.
while read -r q; do
    "$GONGFU" search --db "$DB" --limit 1 "$q" 2>&1 >/dev/null | sed "s/^/$q	/"
done <<'EOF' >"$T/pinyin.txt"
tuowei
tw
szhgg
gtfy
czhl
rjdqsczz
yanglao
ylfw
yibao
xingdong
yinhang
zhongdian
chongjian
hangye
tuo
shuzihua
jiuye
gongtongfuyu
EOF
if [ "${UPDATE:-0}" = 1 ]; then
    cp "$T/pinyin.txt" "$DIR/pinyin.txt"
else
    same "$DIR/pinyin.txt" "$T/pinyin.txt" "what the queries became"
fi
exit $((failures > 0))
