# The order of regions in targets, compare and progress comes from data/region_order.tsv
# (no region is named in code): another order in the file gives that order of columns and
# rows; without the file regions go by level, then name; a name with quotes is harmless.
. tests/cli/lib.sh
D="$T/data"
mkdir "$D"
cp "$TOP"/data/*.tsv "$D"/
header() { GONGFU_DATA="$D" "$GONGFU" --db "$DB" compare --format tsv | head -1; }

[ "$(header)" = "$(printf 'indicator\tslug\tcategory\t浙江省\t舟山市\t台州市\t金华市')" ] ||
    fail "the shipped order: $(header)"

printf '# reversed\n金华市\n台州市\n\n舟山市\n' >"$D/region_order.tsv"
[ "$(header)" = "$(printf 'indicator\tslug\tcategory\t浙江省\t金华市\t台州市\t舟山市')" ] ||
    fail "the file's order: $(header)"
GONGFU_DATA="$D" "$GONGFU" --db "$DB" targets --format tsv | awk -F'\t' 'NR > 1 { print $4 }' |
    awk '!seen[$0]++' >"$T/regions"
printf '浙江省\n金华市\n台州市\n舟山市\n' >"$T/want"
same "$T/want" "$T/regions" "targets' regions in the file's order"

rm "$D/region_order.tsv"
[ "$(header)" = "$(printf 'indicator\tslug\tcategory\t浙江省\t台州市\t舟山市\t金华市')" ] ||
    fail "no file: by name: $(header)"

printf '"舟山市\\"]\n台州市\n' >"$D/region_order.tsv"
status 0 "a name with quotes" env GONGFU_DATA="$D" "$GONGFU" --db "$DB" compare --format tsv
[ "$(head -1 "$T/out")" = "$(printf 'indicator\tslug\tcategory\t浙江省\t台州市\t舟山市\t金华市')" ] ||
    fail "a name with quotes: $(head -1 "$T/out")"
exit $((failures > 0))
