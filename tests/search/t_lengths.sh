#!/bin/sh
# The sections' lengths (one blob, search_lengths) kept up to date across imports: after a
# second import adding a document, and a third replacing it (its old sections taken out,
# the new ones taking the same ids), the blob is the one a re-index of the same database
# makes from its stored text, and the answers are the same too.
. tests/cli/lib.sh
C=data/corpus
Q="托位 医保 數位化改革 共同富裕 PM2.5 舟山"
answers() { for q in $Q; do "$GONGFU" search --db "$1" --limit 50 "$q"; done; }
blob() {
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('SELECT hex(lengths) FROM search_lengths').fetchone()[0])" "$1"
}

mkdir "$T/c"
cp $C/*.txt "$T/c/"
last=$(ls "$T/c" | tail -1)
status 0 "import all but one" "$GONGFU" import --fresh --db "$T/i.db" $(ls "$T"/c/*.txt | sed '$d')
status 0 "import the last" "$GONGFU" import --db "$T/i.db" "$T/c/$last"
sed 's/发展/发展发展/' "$T/c/$last" >"$T/edited" && cat "$T/edited" >"$T/c/$last"
status 0 "import the last, changed" "$GONGFU" import --db "$T/i.db" "$T/c/$last"
contains "$T/err" "1 documents" "one document replaced"

cp "$T/i.db" "$T/r.db"
status 0 "reindex" "$GONGFU" import --reindex --db "$T/r.db"
blob "$T/i.db" >"$T/want"
blob "$T/r.db" >"$T/got"
[ -s "$T/want" ] || fail "no lengths in the database"
same "$T/want" "$T/got" "the lengths kept across imports against a re-index's"
answers "$T/r.db" >"$T/want"
answers "$T/i.db" >"$T/got"
same "$T/want" "$T/got" "answers after three imports against a re-index's"
finish
