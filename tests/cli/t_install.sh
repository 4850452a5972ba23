# An installed gongfu finds its database, data files and format module relative to
# itself, so `make install PREFIX=… DESTDIR=…` works wherever it puts them.
. tests/cli/lib.sh
mkdir -p "$T/usr/bin" "$T/usr/share/gongfu" "$T/usr/lib/gongfu"
cp "$GONGFU" "$T/usr/bin/gongfu"
cp "$B/gongfu-formats.so" "$T/usr/lib/gongfu/gongfu-formats.so"
cp "$DB" "$T/usr/share/gongfu/gongfu.db"
cp data/*.tsv "$T/usr/share/gongfu/"
unset GONGFU_DATA
cd /
"$T/usr/bin/gongfu" docs >"$T/docs" 2>"$T/err" || { fail "installed docs"; cat "$T/err"; }
same "$TOP/tests/golden/docs.tsv" "$T/docs" "installed gongfu docs"
"$T/usr/bin/gongfu" import --db "$T/new.db" "$TOP/data/corpus/jinhua-plan.txt" 2>"$T/err" || { fail "installed import"; cat "$T/err"; }
"$T/usr/bin/gongfu" docs --db "$T/new.db" | grep -q '^jinhua-plan	金华市	city' || fail "installed import found regions.tsv"
"$T/usr/bin/gongfu" import --db "$T/page.db" \
    "$TOP/tests/dev/corpus/national_15th_fyp_recommendations_2025_cpc_central_committee.html" \
    2>"$T/err" || { fail "installed import of a web page (the format module in ../lib/gongfu)"; cat "$T/err"; }
"$T/usr/bin/gongfu" ask --help >"$T/help" 2>&1
grep -q "^  which     the regions that set one  ." "$T/help" ||
    fail "installed ask --help found no ask_examples.tsv: $(cat "$T/help")"
finish
