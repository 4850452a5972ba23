# Readers who cannot write. `make install` into a DESTDIR, the tree then made read-only;
# two reader accounts read the installed database — every reading command and the
# explorer — get root's answers, and leave no file behind. Then, while a reader has the
# explorer open, `make install` twice and `make` (the build's database) twice: the
# explorer goes on with what it opened, and afterwards every reader sees exactly the
# documents of one import.
. tests/cli/lib.sh
. tests/hardening/lib.sh
. tests/hardening/users.sh
case "$B" in *asan*) san=1 ;; *) san=0 ;; esac
mk() { env -u MAKEFLAGS -u MAKELEVEL make -s --no-print-directory B="$B" SAN=$san "$@"; }
dest="$T/dest"
share="$dest/usr/share/gongfu"
gf="$dest/usr/bin/gongfu"
mk install DESTDIR="$dest" PREFIX=/usr >"$T/make.out" 2>&1 || { fail "make install"; cat "$T/make.out"; }
[ -f "$share/gongfu.db" ] || { fail "make install put no database in $share"; finish; }
python3 -c "import sys; h=open(sys.argv[1],'rb').read(20); sys.exit(h[18:20]!=b'\x01\x01')" \
    "$share/gongfu.db" || fail "the installed database is not in rollback-journal mode"
chmod -R a-w "$dest"
unset GONGFU_DATA
(cd "$dest" && find . -printf '%p %u %s\n' | sort) >"$T/tree.before"

# ask WHO NAME: every reading command as WHO (root when "root"), answers into $T/NAME.*
ask() {
    who=$1 name=$2 i=0
    while read -r c; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        if [ "$who" = root ]; then "$gf" $c; else as "$who" "$gf" $c; fi \
            >"$T/$name.$i" 2>"$T/$name.$i.err" || fail "$who: gongfu $c: $(head -3 "$T/$name.$i.err")"
        [ -s "$T/$name.$i" ] || fail "$who: gongfu $c: an empty answer"
    done <<'Q'
docs
tree zhoushan-plan
show --width 60 zhoushan-plan:4.15
search 托位
targets --region 舟山
compare --year 2025
Q
}
# screen WHO NAME: the explorer, headless, at an item; its screen in $T/NAME.screen
screen() {
    who=$1 name=$2 d="$T/home/$1"
    [ "$who" = root ] && d="$T/rootscreen" && mkdir -p "$d"
    printf 'keys j j <Tab>\ndump %s/screen\n' "$d" >"$d/script"
    chmod 644 "$d/script"
    set -- env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$d/script" TERM=xterm-256color "$gf" \
        zhoushan-plan:4.15
    if [ "$who" = root ]; then XDG_STATE_HOME="$d/state" "$@"; else as "$who" "$@"; fi \
        >"$T/out" 2>"$T/err" || fail "$who: the explorer: $(head -3 "$T/err")"
    cp "$d/screen" "$T/$name.screen" 2>/dev/null || fail "$who: the explorer drew nothing"
}

ask root want
screen root want
same tests/golden/docs.tsv "$T/want.1" "root: installed docs"
for u in $R1 $R2; do
    ask "$u" "$u"
    for i in 1 2 3 4 5 6; do same "$T/want.$i" "$T/$u.$i" "$u: answer $i"; done
    screen "$u" "$u"
    same "$T/want.screen" "$T/$u.screen" "$u: the explorer's screen"
done
(cd "$dest" && find . -printf '%p %u %s\n' | sort) >"$T/tree.after"
same "$T/tree.before" "$T/tree.after" "the installed tree after the readers"

# explorer_open DB: a reader's explorer reading keys from a FIFO; explorer_close checks it
# drew the same screen before and after what ran meanwhile.
explorer_open() {
    rm -f "$T/keys" "$T/home/$R1/s1" "$T/home/$R1/s2"
    mkfifo -m 644 "$T/keys"
    as "$R1" env GONGFU_HEADLESS=100x30 GONGFU_SCRIPT="$T/keys" TERM=xterm-256color "$gf" \
        --db "$1" zhoushan-plan:4.15 >"$T/live.out" 2>"$T/live.err" &
    live=$!
    exec 3>"$T/keys"
    printf 'keys j j\ndump %s/s1\n' "$T/home/$R1" >&3
    n=0
    while [ ! -s "$T/home/$R1/s1" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
}
explorer_close() {
    printf 'keys k j j k\ndump %s/s2\n' "$T/home/$R1" >&3
    exec 3>&-
    wait $live || fail "$1: the open explorer: exit $?: $(head -3 "$T/live.err")"
    same "$T/home/$R1/s1" "$T/home/$R1/s2" "$1: the open explorer's screen"
}

explorer_open "$share/gongfu.db"
for k in 1 2; do
    mk install DESTDIR="$dest" PREFIX=/usr >"$T/make.out" 2>&1 || { fail "make install $k"; cat "$T/make.out"; }
done
explorer_close "make install twice"
as "$R2" "$gf" docs >"$T/docs.after" 2>"$T/err" || fail "docs after make install: $(cat "$T/err")"
same tests/golden/docs.tsv "$T/docs.after" "docs after make install twice"
ls -a "$share" | grep -E -e '-(wal|shm|journal)$|installing' && fail "make install left files beside the database"

explorer_open "$TOP/$B/gongfu.db"
for k in 1 2; do
    mk -W "$B/gongfu" "$B/gongfu.db" >"$T/make.out" 2>&1 || { fail "make $k"; cat "$T/make.out"; }
done
explorer_close "make twice"
as "$R2" "$GONGFU" docs --db "$TOP/$B/gongfu.db" >"$T/docs.after" 2>"$T/err" ||
    fail "docs after make: $(cat "$T/err")"
same tests/golden/docs.tsv "$T/docs.after" "docs after make twice"
ls -a "$B" | grep -E -e 'gongfu\.db-(wal|shm|journal)$|\.import-' && fail "make left files beside the database"
finish
