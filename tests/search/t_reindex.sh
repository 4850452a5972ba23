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
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE meta SET value='layout 3, tokens 1, fold table 0000000000000000' WHERE key='search_index'\"); c.commit()" "$T/$1.db"
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

# An index of layout 2, as the gongfu before search_lengths made it: a row of search_len per
# section. It says to re-index, naming its layout; the re-index keeps the lengths once, in
# search_lengths (no search_len left), and answers as a fresh import does.
cp "$T/a.db" "$T/e.db"
python3 - "$T/e.db" <<'EOF2'
import sqlite3, struct, sys
c = sqlite3.connect(sys.argv[1])
blob = c.execute("SELECT lengths FROM search_lengths").fetchone()[0]
n = len(blob) // 12
ids = struct.unpack("<%dq" % n, blob[:8 * n])
lens = struct.unpack("<%dI" % n, blob[8 * n:])
c.execute("CREATE TABLE search_len(id INTEGER PRIMARY KEY, positions INTEGER NOT NULL)")
c.executemany("INSERT INTO search_len VALUES(?, ?)", zip(ids, lens))
c.execute("DROP TABLE search_lengths")
c.execute("UPDATE meta SET value = replace(value, 'layout 3,', 'layout 2,') WHERE key = 'search_index'")
c.commit()
EOF2
status 1 "search in a layout 2 index" "$GONGFU" search --db "$T/e.db" 托位
contains "$T/err" "re-index with 'gongfu import --reindex'" "layout 2 index message"
contains "$T/err" "(layout 2, tokens" "the message names the index's layout"
status 0 "reindex a layout 2 index" "$GONGFU" import --reindex --db "$T/e.db"
answers "$T/e.db" >"$T/got"
same "$T/want" "$T/got" "answers after re-indexing a layout 2 index"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'search_len%'\").fetchone()[0]); print(c.execute(\"SELECT count(*), sum(length(lengths)) FROM search_lengths\").fetchone())" "$T/e.db" >"$T/tables"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(\"SELECT length(lengths) FROM search_lengths\").fetchone()[0] // 12 == c.execute(\"SELECT count(*) FROM node WHERE kind <> 'paragraph' AND (coalesce(title, '') <> '' OR id IN (SELECT parent_id FROM node WHERE kind = 'paragraph'))\").fetchone()[0])" "$T/e.db" >>"$T/tables"
[ "$(sed -n 1p "$T/tables")" = search_lengths ] || fail "tables of the lengths after the re-index: $(sed -n 1p "$T/tables")"
case "$(sed -n 2p "$T/tables")" in "(1, "*) ;; *) fail "search_lengths rows: $(sed -n 2p "$T/tables")";; esac
[ "$(sed -n 3p "$T/tables")" = True ] || fail "the blob holds other than one entry per indexed section"

# Nothing to import and no --reindex is a usage error.
status 2 "no files" "$GONGFU" import --db "$T/a.db"
contains "$T/err" "no file to import" "no files message"
finish
