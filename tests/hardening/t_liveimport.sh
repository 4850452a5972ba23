# A user has the explorer open while the administrator imports into the same database:
# the plan being read is replaced, other plans are added. The explorer goes on working
# (reading, moving through the outline, searching, the target panel and the compare view)
# and leaves cleanly; it never crashes on sections that are gone.
. tests/cli/lib.sh
. tests/hardening/lib.sh
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color
mkdir -p "$HOME"
db="$T/live.db"
cp "$DB" "$db"
sh tests/bench/gen_corpus.sh 3 "$T/more" >/dev/null || fail "gen_corpus.sh"
mkfifo "$T/keys"
GONGFU_HEADLESS=100x30 GONGFU_SCRIPT="$T/keys" "$GONGFU" --db "$db" zhoushan-plan:4.15 \
    >"$T/out" 2>"$T/err" &
pid=$!
exec 3>"$T/keys"
printf 'keys j j ]\ndump %s\n' "$T/before" >&3
sleep 1
[ -s "$T/before" ] || fail "the explorer drew nothing before the import"
# The plan on screen and two others replaced, nine documents added.
clean 0 "import while the explorer reads" "$GONGFU" import --db "$db" data/corpus/zhoushan-plan.txt \
    data/corpus/taizhou-plan.txt data/corpus/jinhua-plan.txt "$T"/more/*.txt
printf 'keys j j j j <PgDn> <PgDn> ] ] [\ndump %s\n' "$T/a" >&3
printf 'keys <Tab> j j j j <Enter> <Tab>\ndump %s\n' "$T/b" >&3
printf 'keys / 托位 <Enter> n n\ndump %s\n' "$T/c" >&3
printf 'keys c j j <Enter>\ndump %s\n' "$T/d" >&3
printf "keys m a ' a G g\ndump %s\n" "$T/e" >&3
exec 3>&-
wait $pid
st=$?
[ $st -eq 0 ] || fail "the explorer: exit $st: $(head -5 "$T/err")"
grep -q -E 'Sanitizer|runtime error' "$T/err" && { fail "sanitizer report"; head -20 "$T/err"; }
for d in a b c d e; do
    [ -s "$T/$d" ] || fail "no screen $d after the import"
done
finish
