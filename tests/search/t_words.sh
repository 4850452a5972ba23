#!/bin/sh
# The word list pinyin is read with (search_word: every term of the index, the sections it
# is in, its contexts) is the same however the import made it: with the terms and contexts
# gathered from the tokens FTS5 had as it indexed every section in one pass (a new
# database, a re-index, every file imported again), or read from fts5vocab and counted from
# every section's text read again (an import into a database that has sections already).
. tests/cli/lib.sh
C=data/corpus
words() {
    python3 -c "import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
for r in c.execute('SELECT word, sections, contexts FROM search_word ORDER BY word'): print(*r)" "$1"
}

status 0 "import in one go" "$GONGFU" import --db "$T/one.db" $C/*.txt
words "$T/one.db" >"$T/one"
[ "$(wc -l <"$T/one")" -gt 1000 ] || fail "the word list has $(wc -l <"$T/one") rows"
grep -q "^托位 [1-9][0-9]* [1-9]" "$T/one" || fail "托位 has no sections or contexts"

set -- $C/*.txt
first=$1; shift
status 0 "import a file" "$GONGFU" import --db "$T/two.db" "$first"
status 0 "import the others into it" "$GONGFU" import --db "$T/two.db" "$@"
words "$T/two.db" >"$T/two"
same "$T/one" "$T/two" "the word list of one import and of two"

status 0 "reindex" "$GONGFU" import --reindex --db "$T/two.db"
words "$T/two.db" >"$T/re"
same "$T/one" "$T/re" "the word list after --reindex"

# Every section taken out of the index (their files imported again), then indexed anew.
status 0 "import every file again" "$GONGFU" import --db "$T/two.db" $C/*.txt
words "$T/two.db" >"$T/again"
same "$T/one" "$T/again" "the word list after importing every file again"
finish
