#!/bin/sh
# `gongfu related` on the embedded corpus (issue 14): golden lists for the sections in
# tests/golden/relations/sections.txt, the formats and filters, the errors; properties of
# every stored relation; and the relations recomputed at each import (the same table
# whether the files come at once, one by one or one again; unchanged by a failed import).
# usage: sh tests/relations/t_related.sh BUILD_DIR        (UPDATE=1 rewrites the golden file)
. tests/cli/lib.sh
DIR=tests/golden/relations

# Golden: each section's full list, under a "# SLUG:PATH" line.
while read -r spec; do
    echo "# $spec"
    "$GONGFU" related --db "$DB" "$spec" || fail "exit $? for $spec"
done <"$DIR/sections.txt" >"$T/related.tsv"
if [ "${UPDATE:-0}" = 1 ]; then
    cp "$T/related.tsv" "$DIR/related.tsv"
else
    same "$DIR/related.tsv" "$T/related.tsv" "related lists"
fi

# The formats carry the same rows; json adds kind and node, score is a number.
"$GONGFU" related --db "$DB" zhejiang-plan:0.29 >"$T/tsv"
"$GONGFU" related --db "$DB" --format csv zhejiang-plan:0.29 >"$T/csv"
"$GONGFU" related --db "$DB" zhejiang-plan:0.29 --format json >"$T/json"
python3 - "$T" <<'EOF' || fail "formats disagree"
import csv, json, sys
d = sys.argv[1]
tsv = [l.rstrip("\n").split("\t") for l in open(d + "/tsv", encoding="utf-8")]
rows = list(csv.reader(open(d + "/csv", encoding="utf-8", newline="")))
js = json.load(open(d + "/json", encoding="utf-8"))
assert tsv == rows, "tsv and csv"
assert len(js) == len(tsv) - 1 >= 3, "json rows"
for r, t in zip(js, tsv[1:]):
    assert [r["slug"], r["region"], r["path"], r["title"], "%.3f" % r["score"], r["shared"]] == t
    assert r["kind"] == "item" and isinstance(r["node"], int)
EOF

# Filters: one document; the best N of each.
"$GONGFU" related --db "$DB" --doc jinhua-plan zhejiang-plan:0.29 | tail -n +2 | cut -f1 | sort -u >"$T/docs"
[ "$(cat "$T/docs")" = jinhua-plan ] || fail "--doc jinhua-plan: $(cat "$T/docs")"
"$GONGFU" related --db "$DB" --limit 1 zhejiang-plan:0.29 | tail -n +2 | cut -f1 | sort | uniq -d >"$T/dup"
[ -s "$T/dup" ] && fail "--limit 1 gave two rows of $(cat "$T/dup")"
[ "$("$GONGFU" related --db "$DB" --limit 1 zhejiang-plan:0.29 | tail -n +2 | cut -f1 | sort -u | wc -l)" = \
  "$("$GONGFU" related --db "$DB" zhejiang-plan:0.29 | tail -n +2 | cut -f1 | sort -u | wc -l)" ] ||
    fail "--limit 1 lost a document"

# Errors name what is wrong; no relation is no error.
status 1 "unknown document" "$GONGFU" related --db "$DB" no-such-plan:1.1
contains "$T/err" "no document 'no-such-plan'" "unknown document message"
status 1 "unknown path" "$GONGFU" related --db "$DB" zhejiang-plan:99.99
contains "$T/err" "has no chapter or item '99.99'" "unknown path message"
status 1 "no path" "$GONGFU" related --db "$DB" zhejiang-plan
contains "$T/err" "expected SLUG:PATH" "no path message"
status 1 "unknown --doc" "$GONGFU" related --db "$DB" --doc nope zhejiang-plan:0.29
status 2 "bad --limit" "$GONGFU" related --db "$DB" --limit -1 zhejiang-plan:0.29
status 2 "two sections" "$GONGFU" related --db "$DB" zhejiang-plan:0.29 zhejiang-plan:0.30

# Every stored relation: other document, same kind, at most 3 per document and 10 in all,
# a score in (0, 1], both directions scored alike. (The phrases, computed when read, are
# checked against the whole model by rel_accuracy, and written in the section asked about
# by the goldens above and fuzz_relations.)
python3 - "$DB" <<'EOF' || fail "relation properties"
import collections, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
text = {}
for nid, title, doc, kind in db.execute("SELECT id, coalesce(title, ''), doc_id, kind FROM node WHERE kind != 'paragraph'"):
    body = "".join(t for (t,) in db.execute("SELECT text FROM node WHERE parent_id = ? AND kind = 'paragraph' ORDER BY seq", (nid,)))
    text[nid] = ("".join((title + body).split()), doc, kind)
rel = list(db.execute("SELECT from_node, to_node, score FROM relation"))
assert len(rel) > 300, "too few relations: %d" % len(rel)
per_doc, per_sec, score = collections.Counter(), collections.Counter(), {}
for f, t, s in rel:
    assert text[f][1] != text[t][1], "same document"
    assert text[f][2] == text[t][2], "different kinds"
    assert 0 < s <= 1.000001, "score %r" % s
    per_doc[f, text[t][1]] += 1
    per_sec[f] += 1
    score[f, t] = s
assert max(per_doc.values()) <= 3 and max(per_sec.values()) <= 10
for (f, t), s in score.items():
    if (t, f) in score:
        assert abs(score[t, f] - s) < 1e-6, "asymmetric score"
EOF

# Recomputed at every import: all at once, one by one, and one file again give one table.
dump() {
    { sqlite3 "$1" "SELECT fd.slug || ':' || f.path, td.slug || ':' || t.path, printf('%.6f', r.score)
        FROM relation r JOIN node f ON f.id = r.from_node JOIN doc fd ON fd.id = f.doc_id
        JOIN node t ON t.id = r.to_node JOIN doc td ON td.id = t.doc_id"
      sqlite3 "$1" "SELECT term, df FROM relation_df; SELECT 'sections', sections FROM relation_info"
    } | LC_ALL=C sort
}
"$GONGFU" import --db "$T/all.db" data/corpus/*.txt 2>/dev/null || fail "import all"
for f in data/corpus/*.txt; do
    "$GONGFU" import --db "$T/one.db" "$f" 2>/dev/null || fail "import $f"
done
cp "$T/all.db" "$T/again.db"
"$GONGFU" import --db "$T/again.db" data/corpus/zhoushan-plan.txt 2>/dev/null || fail "import again"
dump "$T/all.db" >"$T/all"
dump "$T/one.db" >"$T/one"
dump "$T/again.db" >"$T/again"
[ -s "$T/all" ] || fail "no relations after import"
same "$T/all" "$T/one" "relations imported one by one"
same "$T/all" "$T/again" "relations after a re-import"
# A failed import changes nothing, relations included.
printf 'bad\000bytes' >"$T/bad.txt"
status 1 "failed import" "$GONGFU" import --db "$T/again.db" data/corpus/zhoushan-plan.txt "$T/bad.txt"
dump "$T/again.db" >"$T/after"
same "$T/all" "$T/after" "relations after a failed import"

# A database from before relations: told to import again, no rows; the next import adds them.
cp "$T/all.db" "$T/old.db"
sqlite3 "$T/old.db" "DROP TABLE relation"
status 0 "old database" "$GONGFU" related --db "$T/old.db" zhejiang-plan:0.29
contains "$T/err" "import its documents again" "old database message"
[ "$(wc -l <"$T/out")" = 1 ] || fail "old database: rows without a relation table"
"$GONGFU" import --db "$T/old.db" data/corpus/zhoushan-plan.txt 2>/dev/null || fail "import into old"
dump "$T/old.db" >"$T/old"
same "$T/all" "$T/old" "relations after importing into an old database"

# A database whose relation table stored the phrases (before they were computed when read):
# they are read as stored; the next import makes the table anew.
cp "$T/all.db" "$T/v1.db"
sqlite3 "$T/v1.db" "DROP TABLE relation; DROP TABLE relation_df; DROP TABLE relation_info;
    CREATE TABLE relation(from_node INTEGER NOT NULL, to_node INTEGER NOT NULL, score REAL NOT NULL,
      shared TEXT NOT NULL, PRIMARY KEY(from_node, to_node)) WITHOUT ROWID;
    INSERT INTO relation SELECT f.id, t.id, 0.5, '强村富民' FROM node f, node t
      JOIN doc fd ON fd.id = f.doc_id JOIN doc td ON td.id = t.doc_id
      WHERE fd.slug = 'zhejiang-plan' AND f.path = '0.29' AND td.slug = 'taizhou-plan' AND t.path = '7.29'"
status 0 "phrases stored" "$GONGFU" related --db "$T/v1.db" zhejiang-plan:0.29
contains "$T/out" "强村富民" "phrases stored: read as stored"
"$GONGFU" import --db "$T/v1.db" data/corpus/zhoushan-plan.txt 2>/dev/null || fail "import into v1"
dump "$T/v1.db" >"$T/v1"
same "$T/all" "$T/v1" "relations after importing into a database with stored phrases"

finish
