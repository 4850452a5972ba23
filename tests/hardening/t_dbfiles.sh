# Database files that cannot be used — missing, empty, not SQLite, truncated, corrupted,
# another schema version, tables missing, garbage WAL — give a clear message and exit 1
# (or, where SQLite can still read what is asked, an answer), never a crash, in every
# reading command and in import.
. tests/cli/lib.sh
. tests/hardening/lib.sh
good="$T/good.db"
cp "$DB" "$good"
size=$(wc -c <"$good")

# Missing, empty, a text file, a directory.
readers "$T/none.db" 1 "missing"
contains "$T/err" "no database here" "missing database message"
: >"$T/empty.db"
readers "$T/empty.db" 1 "empty file"
contains "$T/err" "not a gongfu database" "empty file message"
cp data/corpus/zhoushan-plan.txt "$T/text.db"
readers "$T/text.db" 1 "text file"
contains "$T/err" "not a gongfu database" "text file message"
mkdir "$T/dir.db"
readers "$T/dir.db" 1 "directory"

# Truncated: the header only, a page, a tenth, a half, all but the last page.
for n in 100 4096 $((size / 10)) $((size / 2)) $((size - 4096)); do
    head -c "$n" "$good" >"$T/trunc.db"
    readers "$T/trunc.db" "0 1" "truncated to $n bytes"
done
head -c 100 "$good" >"$T/trunc.db"
clean 1 "header only" "$GONGFU" docs --db "$T/trunc.db"

# Corrupted: runs of plan text written over pages all through the file.
python3 - "$good" "$T/corrupt" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
data = bytearray(open(src, "rb").read())
junk = open("data/corpus/taizhou-plan.txt", "rb").read()
for k, stride in enumerate([4096 * 7, 4096 * 3, 4096]):
    d = bytearray(data)
    for off in range(4096 + 1000 * k, len(d) - 600, stride):
        d[off:off + 512] = junk[off % 40000: off % 40000 + 512]
    open("%s%d.db" % (out, k), "wb").write(d)
# The header's page size and page count made nonsense.
d = bytearray(data)
d[16:18] = b"\x00\x07"
d[28:32] = b"\xff\xff\xff\xff"
open(out + "-header.db", "wb").write(d)
PY
for f in "$T"/corrupt*.db; do
    readers "$f" "0 1" "corrupted ${f##*/}"
done

# Another schema version: told to re-import, for reading and for importing; the file is
# left as it was.
for v in 0 3 99 abc; do
    cp "$good" "$T/v.db"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE meta SET value=? WHERE key='schema_version'\", (sys.argv[2],)); c.commit()" "$T/v.db" "$v"
    readers "$T/v.db" 1 "schema version $v"
    contains "$T/err" "re-import" "schema version $v message"
    cp "$T/v.db" "$T/v0.db"
    clean 1 "import into schema version $v" "$GONGFU" import --db "$T/v.db" data/corpus/zhoushan-plan.txt
    contains "$T/err" "re-import" "import into version $v message"
    cmp -s "$T/v.db" "$T/v0.db" || fail "import into schema version $v changed the file"
done

# A SQLite file of something else, and a gongfu file with a table gone.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE t(x)'); c.commit()" "$T/other.db"
readers "$T/other.db" 1 "another program's database"
contains "$T/err" "not a gongfu database" "another program's database message"
for table in node doc search_fts target; do
    cp "$good" "$T/drop.db"
    python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA writable_schema=ON'); c.execute('DELETE FROM sqlite_master WHERE tbl_name=?', (sys.argv[2],)); c.commit()" "$T/drop.db" "$table"
    readers "$T/drop.db" "0 1" "table $table dropped"
done

# Garbage next to a good file (a -wal and -shm from another file, or random): SQLite's
# checksums reject it and the documents read as before.
"$GONGFU" docs --db "$good" >"$T/docs.want"
cp "$good" "$T/wal.db"
head -c 50000 data/corpus/jinhua-plan.txt >"$T/wal.db-wal"
head -c 32768 data/corpus/zhoushan-plan.txt >"$T/wal.db-shm"
clean "0 1" "garbage WAL" "$GONGFU" docs --db "$T/wal.db"
[ -s "$T/out" ] && { cmp -s "$T/out" "$T/docs.want" || fail "garbage WAL changed what docs shows"; }

# Importing into a corrupted file fails cleanly and says so.
clean 1 "import into a corrupted file" "$GONGFU" import --db "$T/corrupt2.db" data/corpus/zhoushan-plan.txt
clean 1 "import into a text file" "$GONGFU" import --db "$T/text.db" data/corpus/zhoushan-plan.txt
finish
