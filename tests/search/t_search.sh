#!/bin/sh
# Golden tests of `gongfu search` on the embedded corpus (issue 3).
# For each line "NAME<TAB>QUERY" of tests/golden/search/queries.tsv, the hits — slug,
# region, path, title and the words marked 【】 in the snippet, "|"-separated — sorted,
# must equal tests/golden/search/NAME.tsv. Then: ranks ascending, equivalent spellings,
# filters, and queries that must end cleanly with no rows.
# usage: sh tests/search/t_search.sh BUILD_DIR        (UPDATE=1 rewrites the golden files)
B=${1:-build}
G="$B/gongfu"
DB="$B/gongfu.db"
DIR=tests/golden/search
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# The hits of a query in golden form.
hits() {
    "$G" search --db "$DB" "$@" >"$TMP/out" || { bad "exit $? for: $*"; return; }
    head -n 1 "$TMP/out" | grep -qx 'slug	region	path	title	snippet' || bad "header for: $*"
    tail -n +2 "$TMP/out" | sed 's/【/\x01/g; s/】/\x02/g' | awk -F '\t' '{
        s = $5; m = ""
        while ((i = index(s, "\001")) > 0) {
            s = substr(s, i + 1); j = index(s, "\002")
            m = m (m == "" ? "" : "|") substr(s, 1, j - 1); s = substr(s, j + 1)
        }
        print $1 "\t" $2 "\t" $3 "\t" $4 "\t" m }' | LC_ALL=C sort
}

while IFS='	' read -r name query; do
    hits "$query" >"$TMP/$name.tsv"
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$TMP/$name.tsv" "$DIR/$name.tsv"
    elif ! diff -u "$DIR/$name.tsv" "$TMP/$name.tsv"; then
        bad "golden $name ($query)"
    fi
done <"$DIR/queries.tsv"

# Best first: the json ranks never decrease.
"$G" search --db "$DB" --format json 养老 | grep -o '"rank": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' \
    >"$TMP/ranks"
[ "$(wc -l <"$TMP/ranks")" -gt 10 ] || bad "json ranks missing"
awk 'NR > 1 && $1 < prev { exit 1 } { prev = $1 }' "$TMP/ranks" || bad "ranks not ascending"

# Spellings that must give the same hits.
same() {
    hits "$1" >"$TMP/a"; hits "$2" >"$TMP/b"
    cut -f1-4 "$TMP/a" >"$TMP/a4"; cut -f1-4 "$TMP/b" >"$TMP/b4"
    [ -s "$TMP/a4" ] && cmp -s "$TMP/a4" "$TMP/b4" || bad "'$1' and '$2' differ"
}
same 医保 醫保
same PM2.5 ＰＭ２．５
same pm2.5 PM2.5
same '"共同富裕" 2035' '“共同富裕” 2035'
same 托位 '托位 托位'

# Filters and limits.
[ "$("$G" search --db "$DB" --region 金华市 托位 | tail -n +2 | cut -f1 | sort -u)" = jinhua-plan ] ||
    bad "--region 金华市"
[ "$("$G" search --db "$DB" --region 舟山 托位 | tail -n +2 | cut -f2 | sort -u)" = 舟山市 ] ||
    bad "--region 舟山 (prefix)"
[ "$("$G" search --db "$DB" --doc taizhou-plan 托位 | tail -n +2 | cut -f1 | sort -u)" = taizhou-plan ] ||
    bad "--doc"
[ "$("$G" search --db "$DB" --limit 2 养老 | tail -n +2 | wc -l)" -eq 2 ] || bad "--limit 2"

# Clean endings: exit 0, the header and no rows.
empty() {
    "$G" search --db "$DB" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    [ $rc -eq 0 ] && [ "$(wc -l <"$TMP/out")" -eq 1 ] || bad "not a clean empty result (exit $rc): $(head -c 80 "$TMP/err")"
}
empty ''
empty '，。！？（）'
empty '" * ( ) : ^ NEAR('
empty '-护理'
empty 这个词语不会出现在任何文件里
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "托位"; }')
empty "$long"
long=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "qq "; }')
empty --no-pinyin "$long"
empty -- -护理
hits -护理 养老 >"$TMP/neg"
cmp -s "$TMP/neg" "$DIR/yanglao-not-huli.tsv" || bad "-护理 养老 is a query, not an option"
# Usage errors are exit 2.
"$G" search --db "$DB" >/dev/null 2>&1; [ $? -eq 2 ] || bad "no query: exit 2"
"$G" search --db "$DB" --limit x 托 >/dev/null 2>&1; [ $? -eq 2 ] || bad "--limit x: exit 2"
exit $fail
