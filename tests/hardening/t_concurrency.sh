# Many users, one database, as on the server: an administrator account imports into a
# database in a directory every user may write (sticky, mode 1777: the workaround users
# reach for), while eight readers of another account ask in a loop.
#   1. 100 re-imports of one plan, its file changed between two versions each time (the
#      ASan build: 10): every answer a reader gets is the version-1 answer or the
#      version-2 answer, byte for byte, never a mix, never an error; no reader creates a
#      file; no -wal, -shm or -journal file ever appears beside the database.
#   2. The 10× corpus (3× under ASan) in one transaction: every answer "before" or "after".
#   3. A third account plants a forged -wal, -shm and -journal (made from a copy with other
#      titles) beside the database: readers read the real documents, and the
#      administrator's next import succeeds.
. tests/cli/lib.sh
. tests/hardening/lib.sh
. tests/hardening/users.sh
case "$B" in
*asan*) N=3 reimports=10 pause=0.5 ;;
*) N=10 reimports=100 pause=0.2 ;;
esac
srv="$T/srv"
db="$srv/gongfu.db"
mkdir -p "$srv" "$T/in" "$T/v"
chmod 1777 "$srv"
chown "$ADMIN" "$T/in"
# The plan's first 40 lines (12 KB, two chapters): each import costs little, so that 100
# fit in seconds.
head -40 data/corpus/zhoushan-plan.txt >"$T/v/1.txt"
sed 's/托位/托育位/g; s/养老/养老服务/g' "$T/v/1.txt" >"$T/v/2.txt"
sh tests/bench/gen_corpus.sh $N "$T/corpus" >/dev/null || fail "gen_corpus.sh"
chmod -R a+rX "$T/v" "$T/corpus"
imp() { as "$ADMIN" "$GONGFU" import --db "$db" "$@"; }
# The other plans; the one re-imported below comes from its own file, a different source.
imp $(ls data/corpus/*.txt | grep -v zhoushan-plan) 2>"$T/import.err" || { fail "first import"; cat "$T/import.err"; }

# ask Q OUT: the question on line Q of $T/questions, as the first reader.
ask() {
    # shellcheck disable=SC2046
    set -- "$1" "$2" $(sed -n "${1}p" "$T/questions")
    out=$2; shift 2
    cmd=$1; shift
    as "$R1" "$GONGFU" "$cmd" --db "$db" "$@" >"$out" 2>"$out.err"
}
answers() {   # answers NAME: every question's answer into $T/NAME.Q
    i=1
    while [ $i -le "$nq" ]; do ask $i "$T/$1.$i" || fail "question $i ($1): $(cat "$T/$1.$i.err")"; i=$((i + 1)); done
}
# readers A: eight readers asking in turn until $T/done appears; an answer that is not
# $T/A.Q is kept for judge. $T/rN.log: "question status ms" per read.
readers() {
    rm -f "$T"/r*.log "$T"/r*.ans.* "$T/done"
    r=1
    while [ $r -le 8 ]; do
        (n=0
         while [ ! -f "$T/done" ]; do
             q=$(( (r + n) % nq + 1 ))
             t0=$(date +%s%N)
             ask $q "$T/r$r.out"; st=$?
             t1=$(date +%s%N)
             echo "$q $st $(( (t1 - t0) / 1000000 ))" >>"$T/r$r.log"
             [ $st -eq 0 ] || cp "$T/r$r.out.err" "$T/r$r.err.$n"
             cmp -s "$T/r$r.out" "$T/$1.$q" || cp "$T/r$r.out" "$T/r$r.ans.$n.$q"
             n=$((n + 1))
             sleep "$pause"
         done) &
        r=$((r + 1))
    done
}
# judge WHAT A B: every read succeeded, and every answer is $T/A.Q or $T/B.Q; the counts
# in $a and $b.
judge() {
    reads=0 a=0 b=0 bad=0 maxms=0
    for r in 1 2 3 4 5 6 7 8; do
        [ -f "$T/r$r.log" ] || { fail "$1: reader $r never read"; continue; }
        while read -r q st ms; do
            reads=$((reads + 1))
            [ "$st" = 0 ] || fail "$1: reader $r, question $q: exit $st"
            [ "$ms" -gt "$maxms" ] && maxms=$ms
        done <"$T/r$r.log"
    done
    for f in "$T"/r*.err.*; do [ -f "$f" ] && head -3 "$f"; done
    for f in "$T"/r*.ans.*; do
        [ -f "$f" ] || continue
        if cmp -s "$f" "$T/$3.${f##*.}"; then b=$((b + 1)); else
            bad=$((bad + 1))
            fail "$1: an answer to '$(sed -n "${f##*.}p" "$T/questions")' is neither:"
            diff "$T/$3.${f##*.}" "$f" | head -6
        fi
    done
    a=$((reads - b - bad))
    echo "$1: $reads reads, $a $2, $b $3, $bad neither; slowest $maxms ms"
}
# watch: until $T/done, notes any journal, WAL or shared-memory file beside the database
# and any file the readers' account owns there.
watch() {
    (while [ ! -f "$T/done" ]; do
         find "$srv" -maxdepth 1 \( -name '*-wal' -o -name '*-shm' -o -name '*-journal' \
             -o -user "$R1" \) -print >>"$T/seen" 2>/dev/null
         sleep 0.01
     done) &
}

# 1. Re-imports, the file alternating between two versions.
cat >"$T/questions" <<'Q'
show --width 72 zhoushan-plan
search --doc zhoushan-plan 托位
search 养老
tree zhoushan-plan
targets --region 舟山
docs
Q
nq=$(wc -l <"$T/questions")
for v in 2 1; do
    as "$ADMIN" cp "$T/v/$v.txt" "$T/in/zhoushan-plan.txt"
    imp "$T/in/zhoushan-plan.txt" 2>"$T/import.err" || { fail "import of version $v"; cat "$T/import.err"; }
    answers "v$v"
done
cmp -s "$T/v1.1" "$T/v2.1" && fail "the two versions give the same answer"
: >"$T/seen"
watch
readers v1
t0=$(date +%s%N)
k=0
while [ $k -lt $reimports ]; do
    as "$ADMIN" cp "$T/v/$((k % 2 + 1)).txt" "$T/in/zhoushan-plan.txt"
    imp "$T/in/zhoushan-plan.txt" 2>"$T/import.err" || { fail "re-import $k"; cat "$T/import.err"; }
    k=$((k + 1))
done
t1=$(date +%s%N)
touch "$T/done"
wait
judge "$reimports re-imports in $(( (t1 - t0) / 1000000 )) ms" v1 v2
[ "$a" -gt 0 ] && [ "$b" -gt 0 ] || fail "the readers did not see both versions"
[ -s "$T/seen" ] && { fail "files beside the database while the readers read:"; sort -u "$T/seen" | head; }
python3 -c "import sys; h=open(sys.argv[1],'rb').read(20); sys.exit(h[18:20]!=b'\x01\x01')" "$db" ||
    fail "the published database is not in rollback-journal mode"

# 2. The N× corpus in one transaction.
cat >"$T/questions" <<'Q'
search 托位
search --limit 5 共同富裕 2035
docs
tree zhoushan-plan
targets --region 金华
Q
nq=$(wc -l <"$T/questions")
answers before
readers before
t0=$(date +%s%N)
imp "$T"/corpus/*.txt 2>"$T/import.err" || { fail "the ${N}× import"; cat "$T/import.err"; }
t1=$(date +%s%N)
touch "$T/done"
wait
answers after
cmp -s "$T/before.1" "$T/after.1" && fail "the ${N}× import changed nothing the readers could see"
judge "${N}× import, $(sed -n 's/.*import: \([0-9]* documents\).*/\1/p' "$T/import.err") in $(( (t1 - t0) / 1000000 )) ms" before after
[ "$a" -gt 0 ] || fail "no reader read while the import ran"
find "$srv" -user "$R1" | grep . && fail "the readers' account left files"

# 3. Forged files planted beside the database by another account.
python3 - "$db" "$T/forged.db" <<'PY'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
c.execute("PRAGMA journal_mode=WAL")
keep = sqlite3.connect(sys.argv[2])          # holds the WAL open while it is copied
keep.execute("PRAGMA wal_autocheckpoint=0")
keep.execute("UPDATE doc SET title = 'FORGED ' || title")
keep.execute("UPDATE node SET text = 'FORGED' WHERE text IS NOT NULL")
keep.commit()
for ext in ("-wal", "-shm"):
    shutil.copy(sys.argv[2] + ext, sys.argv[2] + ".plant" + ext)
PY
python3 -c "import sys; open(sys.argv[2],'wb').write(b'\xd9\xd5\x05\xf9\x20\xa1\x63\xd7' + open(sys.argv[1],'rb').read()[:8184])" \
    "$T/forged.db" "$T/forged.db.plant-journal"
chmod a+r "$T"/forged.db.plant*
for ext in -wal -shm -journal; do
    as "$R2" cp "$T/forged.db.plant$ext" "$db$ext" || fail "planting $ext"
done
answers planted
i=1
while [ $i -le "$nq" ]; do cmp -s "$T/after.$i" "$T/planted.$i" || fail "the planted files changed answer $i"; i=$((i + 1)); done
grep -l FORGED "$T"/planted.* && fail "a reader read the forged text"
imp data/corpus/jinhua-plan.txt 2>"$T/import.err" || { fail "import beside planted files"; cat "$T/import.err"; }
as "$R1" "$GONGFU" docs --db "$db" >"$T/docs" 2>"$T/err" || fail "docs beside planted files: $(cat "$T/err")"
grep -q FORGED "$T/docs" && fail "docs shows forged titles"
finish
