# An installed gongfu finds its database and data files relative to itself, so
# `make install PREFIX=… DESTDIR=…` works wherever it puts them.
. tests/cli/lib.sh
mkdir -p "$T/usr/bin" "$T/usr/share/gongfu"
cp "$GONGFU" "$T/usr/bin/gongfu"
cp "$DB" "$T/usr/share/gongfu/gongfu.db"
cp data/*.tsv "$T/usr/share/gongfu/"
unset GONGFU_DATA
cd /
"$T/usr/bin/gongfu" docs >"$T/docs" 2>"$T/err" || { fail "installed docs"; cat "$T/err"; }
same "$TOP/tests/golden/docs.tsv" "$T/docs" "installed gongfu docs"
"$T/usr/bin/gongfu" import --db "$T/new.db" "$TOP/data/corpus/jinhua-plan.txt" 2>"$T/err" || { fail "installed import"; cat "$T/err"; }
"$T/usr/bin/gongfu" docs --db "$T/new.db" | grep -q '^jinhua-plan	金华市	city' || fail "installed import found regions.tsv"
finish
