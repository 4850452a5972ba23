#!/bin/sh
# The search index records its format (the tables' layout, the tokens' format, the folding
# table's identity): a database whose index was built otherwise says to re-index and finds
# nothing wrong; `import --reindex`, or any import, builds it anew from the stored text,
# which then answers as a fresh import does. The index holds no copy of the text.
. tests/cli/lib.sh
C=data/corpus
Q="托位 医保 數位化改革 共同富裕 PM2.5"
answers() { for q in $Q; do "$GONGFU" search --db "$1" --limit 50 "$q"; done; }

status 0 "import" "$GONGFU" import --fresh --db "$T/a.db" $C/*.txt
answers "$T/a.db" >"$T/want"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT value FROM meta WHERE key='search_index'\").fetchone()[0]); print(c.execute(\"SELECT count(*) FROM sqlite_master WHERE name='search_fts_content'\").fetchone()[0])" "$T/a.db" >"$T/meta"
contains "$T/meta" "fold table " "the index's format names the folding table"
[ "$(sed -n 2p "$T/meta")" = 0 ] || fail "FTS5 keeps a copy of the text (search_fts_content)"

# Another folding table (as a build with another OpenCC would have made it).
stale() {
    cp "$T/a.db" "$T/$1.db"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE meta SET value='layout 2, tokens 1, fold table 0000000000000000' WHERE key='search_index'\"); c.commit()" "$T/$1.db"
}
stale b
status 1 "search in a stale index" "$GONGFU" search --db "$T/b.db" 托位
contains "$T/err" "re-index with 'gongfu import --reindex'" "stale index message"
contains "$T/err" "fold table 0000000000000000" "the message names the index's format"
status 0 "docs with a stale index" "$GONGFU" docs --db "$T/b.db"
status 0 "reindex" "$GONGFU" import --reindex --db "$T/b.db"
answers "$T/b.db" >"$T/got"
same "$T/want" "$T/got" "answers after --reindex"

# An import into it rebuilds the whole index, the documents already there too.
stale c
status 0 "import into a stale index" "$GONGFU" import --db "$T/c.db" $C/zhoushan-plan.txt
answers "$T/c.db" >"$T/got"
same "$T/want" "$T/got" "answers after an import into a stale index"

# An index an older gongfu made (its own copy of the text, no format recorded).
stale d
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"DELETE FROM meta WHERE key='search_index'\"); c.commit()" "$T/d.db"
status 1 "search in an older index" "$GONGFU" search --db "$T/d.db" 托位
contains "$T/err" "built by an older gongfu" "older index message"

# Nothing to import and no --reindex is a usage error.
status 2 "no files" "$GONGFU" import --db "$T/a.db"
contains "$T/err" "no file to import" "no files message"
finish
