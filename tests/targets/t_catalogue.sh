#!/bin/sh
# The catalogue at import: a malformed line stops the import with file:line; a good one
# links; re-importing a file replaces its targets instead of adding to them.
b=${1:-build}
g="$b/gongfu"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir -p "$tmp/bad" "$tmp/good"
cp data/*.tsv data/*.conf "$tmp/good/" 2>/dev/null
cp data/*.tsv data/*.conf "$tmp/bad/" 2>/dev/null
printf 'slug\tname\tunit\tdirection\tcategory\taliases\nx\t名\t%%\tsideways\t经济\t\n' \
    >"$tmp/bad/indicators.tsv"
if GONGFU_DATA="$tmp/bad" "$g" import --db "$tmp/bad.db" data/corpus/zhoushan-plan.txt \
    2>"$tmp/err"; then
    echo "FAIL import with a malformed catalogue succeeded"
    fail=1
fi
grep -q "indicators.tsv:2: direction" "$tmp/err" || { echo "FAIL message:"; cat "$tmp/err"; fail=1; }

for i in 1 2; do
    GONGFU_DATA="$tmp/good" "$g" import --db "$tmp/good.db" data/corpus/zhoushan-plan.txt \
        >/dev/null || { echo "FAIL import $i"; fail=1; }
    "$g" targets --db "$tmp/good.db" --region 舟山 >"$tmp/out$i" || fail=1
done
cmp -s "$tmp/out1" "$tmp/out2" || { echo "FAIL re-import changed the targets"; fail=1; }
n=$(grep -c "^每千人口拥有3岁以下婴幼儿托位数	" "$tmp/out2")
[ "$n" -eq 1 ] || { echo "FAIL childcare target linked $n times"; fail=1; }
exit $fail
