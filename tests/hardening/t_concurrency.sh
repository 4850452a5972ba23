# Many users, one database: an administrator imports while eight readers run searches,
# outlines, texts and target listings in a loop. Every answer a reader gets must be the
# answer from before an import or the one from after it, byte for byte (never a
# half-imported or half-replaced document), every reader must succeed (never kept waiting
# past its busy timeout), and every import must succeed.
#   1. Re-imports: two plans imported again and again (each time their documents are
#      deleted and written anew, in one transaction): many commits for readers to race.
#   2. The 100× corpus (500 files, 600 documents; the 5 embedded files among them, so
#      their documents are replaced) in one transaction.
# The ASan build runs everything several times slower: it imports the 10× corpus, with
# fewer re-imports and readers pausing longer, to keep `make check` short.
. tests/cli/lib.sh
. tests/hardening/lib.sh
db="$T/c.db"
cp "$DB" "$db"
case "$B" in
*asan*) N=10 reimports=5 pause1=0.3 pause2=1 ;;
*) N=100 reimports=15 pause1=0.02 pause2=0.3 ;;
esac
sh tests/bench/gen_corpus.sh $N "$T/corpus" >/dev/null || fail "gen_corpus.sh"

# ask Q OUT: asks the question on line Q of $T/questions; gongfu's status.
ask() {
    # shellcheck disable=SC2046
    set -- "$1" "$2" $(sed -n "${1}p" "$T/questions")
    out=$2; shift 2
    cmd=$1; shift
    "$GONGFU" "$cmd" --db "$db" "$@" >"$out" 2>"$out.err"
}
answers() {   # answers NAME: every question's answer into $T/NAME.Q
    i=1
    while [ $i -le "$nq" ]; do ask $i "$T/$1.$i" || fail "question $i ($1)"; i=$((i + 1)); done
}
# readers PAUSE: eight readers asking in turn until $T/done appears; each answer that is
# not the "before" one is kept for judging.
readers() {
    rm -f "$T"/r*.log "$T"/r*.kind "$T"/r*.out.* "$T/done"
    r=1
    while [ $r -le 8 ]; do
        (n=0
         while [ ! -f "$T/done" ]; do
             q=$(( (r + n) % nq + 1 ))
             t0=$(date +%s%N)
             ask $q "$T/r$r.out"; st=$?
             t1=$(date +%s%N)
             echo "$q $st $(( (t1 - t0) / 1000000 ))" >>"$T/r$r.log"
             if [ $st -ne 0 ]; then
                 cp "$T/r$r.out.err" "$T/r$r.out.err$n"
             elif cmp -s "$T/r$r.out" "$T/before.$q"; then
                 echo before >>"$T/r$r.kind"
             else
                 cp "$T/r$r.out" "$T/r$r.out.$n.$q"
                 echo "check $T/r$r.out.$n.$q" >>"$T/r$r.kind"
             fi
             n=$((n + 1))
             sleep "$1"
         done) &
        r=$((r + 1))
    done
}
# judge WHAT: every answer was "before" or "after"; prints the counts.
judge() {
    before=0 after=0 bad=0 reads=0 maxms=0
    for r in 1 2 3 4 5 6 7 8; do
        [ -f "$T/r$r.log" ] || { fail "$1: reader $r never read"; continue; }
        while read -r q st ms; do
            reads=$((reads + 1))
            [ "$st" = 0 ] || { bad=$((bad + 1)); fail "$1: reader $r, question $q: exit $st"; }
            [ "$ms" -gt "$maxms" ] && maxms=$ms
        done <"$T/r$r.log"
        [ -f "$T/r$r.kind" ] || continue
        while read -r kind f; do
            if [ "$kind" = before ]; then
                before=$((before + 1))
            elif cmp -s "$f" "$T/after.${f##*.}"; then
                after=$((after + 1))
            else
                bad=$((bad + 1))
                fail "$1: reader $r's answer to '$(sed -n "${f##*.}p" "$T/questions")' is neither before nor after:"
                diff "$T/after.${f##*.}" "$f" | head -6
            fi
        done <"$T/r$r.kind"
    done
    for f in "$T"/r*.out.err*; do [ -f "$f" ] && head -3 "$f"; done
    echo "$1: $reads reads, $before before, $after after, $bad neither; slowest $maxms ms"
}

# 1. Re-imports of two plans: the answers about them are the same before and after, so
#    any other answer is a reader that saw the documents half replaced.
cat >"$T/questions" <<'Q'
tree zhoushan-plan
show --width 72 zhoushan-plan:4.15
show --width 50 taizhou-plan:1.3
search --doc zhoushan-plan 托位
search --region 台州 养老 -护理
targets --region 舟山
docs
Q
nq=$(wc -l <"$T/questions")
answers before
cp_after() { i=1; while [ $i -le "$nq" ]; do cp "$T/before.$i" "$T/after.$i"; i=$((i + 1)); done; }
cp_after
readers $pause1
k=0
while [ $k -lt $reimports ]; do
    "$GONGFU" import --db "$db" data/corpus/zhoushan-plan.txt data/corpus/taizhou-plan.txt \
        2>"$T/import.err" || { fail "re-import $k failed"; cat "$T/import.err"; }
    k=$((k + 1))
done
touch "$T/done"
wait
judge "re-imports"
answers again
i=1
while [ $i -le "$nq" ]; do cmp -s "$T/before.$i" "$T/again.$i" || fail "re-imports changed answer $i"; i=$((i + 1)); done

# 2. The N× corpus in one transaction.
cat >"$T/questions" <<'Q'
search 托位
search --limit 5 共同富裕 2035
search --region 舟山 养老 -护理
docs
tree zhoushan-plan
show --width 72 zhoushan-plan:4.15
targets --region 金华
Q
nq=$(wc -l <"$T/questions")
answers before
readers $pause2
t0=$(date +%s)
"$GONGFU" import --db "$db" "$T"/corpus/*.txt data/corpus/*.txt >"$T/import.out" 2>"$T/import.err" ||
    { fail "the ${N}× import failed"; cat "$T/import.err"; }
t1=$(date +%s)
touch "$T/done"
wait
answers after
cmp -s "$T/before.1" "$T/after.1" && fail "the import changed nothing the readers could see"
judge "${N}× import ($(sed -n 's/.*import: \([0-9]* documents\).*/\1/p' "$T/import.err"), $((t1 - t0)) s with the readers)"
[ "$before" -gt 0 ] || fail "no reader read while the import ran"
finish
