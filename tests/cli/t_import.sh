# Importing: bad input gives a clear error naming the file and place, and changes nothing.
. tests/cli/lib.sh
C=data/corpus
snapshot() { "$GONGFU" docs --db "$1"; for s in $("$GONGFU" docs --db "$1" | cut -f1 | tail -n +2); do "$GONGFU" tree --db "$1" "$s"; done; }

status 0 "import corpus" "$GONGFU" import --db "$T/a.db" $C/zhoushan-plan.txt $C/jinhua-plan.txt
snapshot "$T/a.db" >"$T/before"

# Invalid UTF-8 (and not GB18030 either): error with the byte offset, nothing imported.
{ head -c 3000 $C/zhoushan-plan.txt; printf '\377\376'; } >"$T/bad.txt"
status 1 "invalid UTF-8" "$GONGFU" import --db "$T/a.db" "$T/bad.txt"
contains "$T/err" "bad.txt: byte 3000" "invalid UTF-8 message"
# Two files where the second is bad: the first is not imported either.
status 1 "good then bad" "$GONGFU" import --db "$T/a.db" $C/taizhou-plan.txt "$T/bad.txt"
contains "$T/err" "nothing was imported" "rollback message"
printf 'abc\000def' >"$T/bin.dat"
status 1 "binary" "$GONGFU" import --db "$T/a.db" "$T/bin.dat"
contains "$T/err" "bin.dat: byte 3: NUL byte" "binary message"
: >"$T/empty.txt"
status 1 "empty file" "$GONGFU" import --db "$T/a.db" "$T/empty.txt"
contains "$T/err" "empty.txt: no text" "empty message"
status 1 "missing file" "$GONGFU" import --db "$T/a.db" "$T/nope.txt"
contains "$T/err" "nope.txt: cannot open" "missing message"
snapshot "$T/a.db" >"$T/after"
same "$T/before" "$T/after" "database after failed imports"

# Re-importing replaces (idempotent).
status 0 "re-import" "$GONGFU" import --db "$T/a.db" $C/zhoushan-plan.txt
snapshot "$T/a.db" >"$T/again"
same "$T/before" "$T/again" "database after re-import"

# Sources are known by full path and content, not by base name: two plans both called
# plan.txt are two sources; either imported again replaces only its own documents, with
# their slugs; the same bytes under another name are imported once; standard input is
# known by its content.
mkdir -p "$T/a" "$T/b"
cp $C/zhoushan-plan.txt "$T/a/plan.txt"
cp $C/jinhua-plan.txt "$T/b/plan.txt"
status 0 "two files of one base name" "$GONGFU" import --db "$T/n.db" "$T/a/plan.txt" "$T/b/plan.txt"
contains "$T/err" " 2 documents" "two files of one base name: message"
"$GONGFU" docs --db "$T/n.db" | cut -f1 >"$T/slugs"
printf 'slug\nzhoushan-plan\njinhua-plan\n' >"$T/slugs.want"
same "$T/slugs.want" "$T/slugs" "two files of one base name: both kept"
sed 's/托位/托育位/' $C/jinhua-plan.txt >"$T/b/plan.txt"
(cd "$T/b" && "$GONGFU" import --db "$T/n.db" plan.txt 2>"$T/err") || fail "re-import by a relative path: $(cat "$T/err")"
"$GONGFU" docs --db "$T/n.db" | cut -f1 >"$T/slugs"
same "$T/slugs.want" "$T/slugs" "the changed file replaced its own documents"
"$GONGFU" search --db "$T/n.db" --doc jinhua-plan 托育位 | grep -q . || fail "the changed file's text is not searchable"
cp "$T/a/plan.txt" "$T/copy.txt"
status 0 "the same bytes under two names" "$GONGFU" import --db "$T/n.db" "$T/copy.txt" "$T/a/plan.txt"
contains "$T/err" "the same bytes as" "the same bytes: message"
"$GONGFU" docs --db "$T/n.db" | cut -f1 >"$T/slugs"
same "$T/slugs.want" "$T/slugs" "the same bytes under two names: one source"
printf '舟山市说明一\n\n第一段。\n' | "$GONGFU" import --db "$T/n.db" - 2>/dev/null
printf '舟山市说明二\n\n第一段。\n' | "$GONGFU" import --db "$T/n.db" - 2>/dev/null
printf '舟山市说明一\n\n第一段。\n' | "$GONGFU" import --db "$T/n.db" - 2>/dev/null
[ "$("$GONGFU" docs --db "$T/n.db" | wc -l)" = 5 ] || fail "standard input by content: $("$GONGFU" docs --db "$T/n.db")"

# GB18030, BOM, CRLF: the same outline as the UTF-8 original.
iconv -f UTF-8 -t GB18030 $C/jinhua-plan.txt >"$T/jinhua-gb.txt"
{ printf '\357\273\277'; cat $C/zhoushan-plan.txt; } >"$T/zs-bom.txt"
sed 's/$/\r/' $C/taizhou-plan.txt >"$T/tz-crlf.txt"
tr '\n' '\r' <$C/zhejiang-plan-part2.txt >"$T/zj-cr.txt"
status 0 "variants" "$GONGFU" import --db "$T/v.db" "$T/jinhua-gb.txt" "$T/zs-bom.txt" "$T/tz-crlf.txt" "$T/zj-cr.txt"
for s in jinhua-plan zhoushan-plan taizhou-plan zhejiang-plan; do
    "$GONGFU" tree --db "$T/v.db" $s >"$T/tree" && same tests/golden/outline/$s.tsv "$T/tree" "$s re-encoded"
done
"$GONGFU" show --db "$T/v.db" --width 60 zhoushan-plan:4.15 >"$T/s" && "$GONGFU" show --db "$DB" --width 60 zhoushan-plan:4.15 >"$T/s0" && same "$T/s0" "$T/s" "BOM text"
status 0 "forced encoding" "$GONGFU" import --db "$T/f.db" --encoding GB18030 "$T/jinhua-gb.txt"
status 1 "wrong forced encoding" "$GONGFU" import --db "$T/f.db" --encoding UTF-8 "$T/jinhua-gb.txt"
contains "$T/err" "not valid UTF-8" "forced UTF-8 message"

# Standard input, overrides, plain text.
printf '第一段，没有标题。\n\n第二段。\n' | "$GONGFU" import --db "$T/p.db" --region 舟山市 --title 说明 - 2>"$T/err" || fail "stdin import"
"$GONGFU" docs --db "$T/p.db" >"$T/pd"
contains "$T/pd" "zhoushan-text	舟山市	city	说明	1	0" "plain text as one chapter"

# What a file is known by when its text has no title: its base name (not the directories
# on the way), standard input as "stdin"; the source is recorded under the base name, or
# "-" for standard input (which has no path).
mkdir -p "$T/notes/sub"
printf '第一段，没有标题。\n\n第二段。\n' >"$T/notes/sub/note.txt"
printf '第一段，没有标题。\n\n第三段。\n' | "$GONGFU" import --db "$T/t.db" - "$T/notes/sub/note.txt" 2>"$T/err" ||
    fail "untitled texts: $(cat "$T/err")"
"$GONGFU" docs --db "$T/t.db" | cut -f4 >"$T/titles"
printf 'title\nstdin\nnote.txt\n' >"$T/titles.want"
same "$T/titles.want" "$T/titles" "untitled texts' titles"
python3 -c 'import sqlite3, sys
for name, path in sqlite3.connect(sys.argv[1]).execute("SELECT name, path FROM source ORDER BY id"):
    print(name, path is None)' "$T/t.db" >"$T/names"
printf -- '- True\nnote.txt False\n' >"$T/names.want"
same "$T/names.want" "$T/names" "the sources' names"

# 10 MB without a line break imports (as one chapter of one paragraph).
python3 -c "import sys; sys.stdout.write('共同富裕示范区建设，' * 350000)" >"$T/long.txt"
status 0 "10 MB one line" "$GONGFU" import --db "$T/l.db" "$T/long.txt"

# A database that cannot be used: clear errors, no crash.
head -c 4096 /dev/urandom >"$T/corrupt.db"
status 1 "corrupt db" "$GONGFU" docs --db "$T/corrupt.db"
contains "$T/err" "not a gongfu database" "corrupt db message"
status 1 "corrupt db import" "$GONGFU" import --db "$T/corrupt.db" $C/zhoushan-plan.txt
status 1 "missing db" "$GONGFU" docs --db "$T/none.db"
contains "$T/err" "no database here" "missing db message"
cp "$T/a.db" "$T/ro.db" && chmod 444 "$T/ro.db"
status 0 "read-only db read" "$GONGFU" docs --db "$T/ro.db"
status 2 "import into --db ''" "$GONGFU" import --db "" $C/zhoushan-plan.txt
contains "$T/err" "must be a file name" "--db '' message"
status 2 "import into :memory:" "$GONGFU" import --db :memory: $C/zhoushan-plan.txt
contains "$T/err" "must be a file name" "--db :memory: message"

# One import at a time. The first holds the lock while it reads its standard input; a
# second fails at once with --no-wait, naming who holds the lock, or says so and waits.
mkfifo "$T/slow"
"$GONGFU" import --db "$T/a.db" - <"$T/slow" 2>"$T/first.err" &
first=$!
exec 4>"$T/slow"
n=0
while ! grep -q "pid $first," "$T/a.db.lock" 2>/dev/null && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
status 1 "import --no-wait while another runs" "$GONGFU" import --no-wait --db "$T/a.db" $C/taizhou-plan.txt
contains "$T/err" "another import is running (pid $first, user $(id -un)" "--no-wait message"
"$GONGFU" import --db "$T/a.db" $C/taizhou-plan.txt 2>"$T/second.err" 4>&- &
second=$!
n=0
while ! grep -q waiting "$T/second.err" && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
contains "$T/second.err" "is locked by another import (pid $first" "waiting message"
printf '舟山市说明\n\n第一段。\n' >&4
exec 4>&-
wait $first || fail "the first import: $(cat "$T/first.err")"
wait $second || fail "the waiting import: $(cat "$T/second.err")"
"$GONGFU" docs --db "$T/a.db" >"$T/pd"
contains "$T/pd" "^taizhou-plan" "the waiting import's document"
contains "$T/pd" "说明" "the first import's document"
ls -a "$T" | grep -e '\.import-' -e '-journal$' -e '-wal$' && fail "imports left working files"

# Usage errors exit 2; --help and --version exit 0.
status 2 "no args" "$GONGFU" import
status 2 "bad option" "$GONGFU" docs --bogus
status 2 "unknown option" "$GONGFU" --frobnicate
status 1 "unknown document" "$GONGFU" frobnicate
contains "$T/err" "no document or command 'frobnicate'" "a word that is no command is a document for the explorer"
status 0 "help" "$GONGFU" tree --help
status 0 "version" "$GONGFU" --version
status 1 "unknown slug" "$GONGFU" tree --db "$DB" nosuch
contains "$T/err" "documents: " "unknown slug lists slugs"
finish
