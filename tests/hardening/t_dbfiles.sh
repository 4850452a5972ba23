# Database files that cannot be used — missing, empty, not SQLite, truncated, corrupted,
# another schema version, tables missing, garbage WAL, one kind of page damaged — and a
# tight memory limit give a clear message and exit 1 (or, where SQLite can still read what
# is asked, the same answer as from the good file), never a crash and never a shorter
# answer, in every reading command, the explorer and import.
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
for v in 0 4 99 abc; do
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

# Every read checks its result. One kind of b-tree page damaged (a bad sector): each
# command answers exactly as from the good file, or fails with exit 1 and a message; never
# a shorter answer (docs listing nothing, show saying a document that is there is not).
questions="docs|tree zhoushan-plan|show --width 60 zhoushan-plan:4.15|show --width 60 zhoushan-plan|search 托位|targets|compare"
# judge WHAT DB: every question on DB against the good file's answer.
judge() {
    jwhat=$1 jdb=$2
    echo "$questions" | tr '|' '\n' >"$T/q"
    while read -r c; do
        # shellcheck disable=SC2086
        set -- $c
        cmd=$1; shift
        "$GONGFU" "$cmd" --db "$good" "$@" >"$T/want" 2>/dev/null
        "$GONGFU" "$cmd" --db "$jdb" "$@" >"$T/got" 2>"$T/err"; st=$?
        if [ $st -eq 0 ]; then
            cmp -s "$T/want" "$T/got" || { fail "$jwhat: gongfu $c: exit 0 with another answer"; diff "$T/want" "$T/got" | head -4; }
        elif [ $st -ne 1 ] || [ ! -s "$T/err" ]; then
            fail "$jwhat: gongfu $c: exit $st $(head -c 200 "$T/err")"
        elif grep -q -e "no document" -e "holds no documents" "$T/err"; then
            fail "$jwhat: gongfu $c: a read error taken for a missing document: $(cat "$T/err")"
        fi
        grep -q -E 'Sanitizer|runtime error' "$T/err" && fail "$jwhat: gongfu $c: sanitizer report"
    done <"$T/q"
}
# (The search index has no content table of its own: its text is the nodes'.)
for spec in "doc all" "node all" "node middle" "node last" "source all" "search_fts_data all" \
            "target all" "indicator all"; do
    # shellcheck disable=SC2086
    set -- $spec
    python3 tests/hardening/damage.py "$good" "$T/page.db" "$1" "$2" >/dev/null || fail "damage.py $spec"
    judge "damaged $spec" "$T/page.db"
    # The explorer: a message before the screen, or on it; never a document or a search
    # result list shown empty as if there were none.
    printf 'dump %s/s0\nkeys / 托 位 <Enter>\ndump %s/s1\nkeys ] ]\ndump %s/s2\n' "$T" "$T" "$T" >"$T/script"
    rm -f "$T/s0" "$T/s1" "$T/s2"
    clean "0 1" "damaged $spec: the explorer" env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" \
        XDG_STATE_HOME="$T/state" TERM=xterm-256color "$GONGFU" --db "$T/page.db" zhoushan-plan:4.15
    if [ -s "$T/s0" ]; then
        tail -1 "$T/s1" | grep -q "没有找到" && fail "damaged $spec: the explorer's search says 'not found'"
        grep -q "0/0" "$T/s0" && ! grep -q -e "cannot read" -e "memory" "$T/s0" &&
            fail "damaged $spec: the explorer shows an empty document"
        case $1 in target | indicator)
            tail -1 "$T/s2" | grep -q "不可用" || fail "damaged $spec: ] says nothing of the unreadable targets: $(tail -1 "$T/s2")" ;;
        esac
    else
        grep -q "holds no documents" "$T/err" && fail "damaged $spec: the explorer says there are no documents"
    fi
done

# The same under a tight memory limit (ulimit -v; not under ASan, which reserves terabytes
# of address space). The limit is swept in 150 KB steps from the least with which the
# program loads at all (--version) to where every command answers, as every allocation
# SQLite or gongfu makes may be the one that fails.
case "$B" in
*asan*) ;;
*)
    # Up from 2 MB: linked with SQLite and libunistring in, gongfu loads in about 7 MB (it
    # needed more than 8 MB, where this began, with them shared). Below the least, the
    # loader itself fails, by a segmentation fault at the lowest: an inner shell's report
    # of it, not ours, goes to /dev/null.
    low=2000
    while [ $low -lt 200000 ] &&
          ! sh -c 'ulimit -v "$1"; "$2" --version; exit $?' sh $low "$GONGFU" >/dev/null 2>&1; do
        low=$((low + 100))
    done
    v=$low oom=0
    while [ $v -le $((low + 3000)) ]; do
        (ulimit -v $v; judge "memory limit $v KB" "$good") >"$T/mem.out"
        grep FAIL "$T/mem.out" && failures=$((failures + 1))
        v=$((v + 150))
    done
    # The explorer loads every document before its screen starts: short of memory there,
    # it says so and exits 1 (it said "holds no documents"). Swept up to where the
    # screen's own start fails or succeeds (past that, ncurses' terminfo reader itself is
    # not safe from a failed allocation).
    printf 'dump %s/s0\n' "$T" >"$T/script"
    v=$low
    while [ $v -le $((low + 5000)) ]; do
        rm -f "$T/s0"
        (ulimit -v $v; env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" XDG_STATE_HOME="$T/state" \
            TERM=xterm-256color "$GONGFU" --db "$good" zhoushan-plan:4.15 >/dev/null 2>"$T/err"); st=$?
        grep -q -e screen -e "cannot write the dump" "$T/err" && break
        [ $st -eq 0 ] && break
        [ $st -eq 1 ] && [ -s "$T/err" ] || fail "the explorer at $v KB: exit $st $(head -c 200 "$T/err")"
        grep -q "holds no documents" "$T/err" && fail "the explorer at $v KB says there are no documents"
        oom=$((oom + 1))
        v=$((v + 100))
    done
    [ $oom -gt 0 ] || fail "no memory limit made the explorer's loading fail (from $low KB)"
    ;;
esac

# Importing into a corrupted file fails cleanly and says so.
clean 1 "import into a corrupted file" "$GONGFU" import --db "$T/corrupt2.db" data/corpus/zhoushan-plan.txt
clean 1 "import into a text file" "$GONGFU" import --db "$T/text.db" data/corpus/zhoushan-plan.txt
finish
