# What gongfu writes besides the database: the compare view's export never replaces a
# file that is there already (nor writes through a symlink planted in its place), and no
# command writes to a predictable name in a shared directory such as /tmp.
. tests/cli/lib.sh
. tests/hardening/lib.sh
export XDG_STATE_HOME="$T/state" HOME="$T/home" TERM=xterm-256color TMPDIR="$T/tmp"
mkdir -p "$HOME" "$T/work" "$T/tmp"
csv=gongfu-compare.xlsx

# export NAME: in $T/work, the compare view (c), export (e) to the name offered (Enter),
# dump the screen to $T/NAME.
export_csv() {
    printf 'keys c e <Enter>\ndump %s\n' "$T/$1" >"$T/script"
    (cd "$T/work" && GONGFU_HEADLESS=120x30 GONGFU_SCRIPT="$T/script" "$GONGFU" --db "$DB" \
        zhoushan-plan:4.15 >"$T/out" 2>"$T/err") || fail "$1: explorer exit $?: $(head -3 "$T/err")"
}
export_csv first
[ -s "$T/work/$csv" ] || fail "the export wrote no $csv in the current directory"
[ "$(head -c 2 "$T/work/$csv")" = PK ] || fail "the export is no xlsx (zip) file"
[ "$(wc -c <"$T/work/$csv")" -gt 5000 ] || fail "the export is too small"

# A file of the same name is there: it stays as it was, and the user is told.
echo "my own notes" >"$T/work/$csv"
export_csv second
[ "$(cat "$T/work/$csv")" = "my own notes" ] || fail "the export replaced an existing $csv"
# A symlink planted in its place (a shared directory): its target stays as it was.
rm -f "$T/work/$csv"
echo "precious" >"$T/victim"
ln -s "$T/victim" "$T/work/$csv"
export_csv third
[ "$(cat "$T/victim")" = "precious" ] || fail "the export wrote through a symlink to $(readlink "$T/work/$csv")"

# Every command and the explorer (through its views, an export and a bookmark), with
# TMPDIR, HOME, the state directory and the working directory ours: nothing in TMPDIR,
# and (where strace is installed) no file created outside the scratch directory (relative
# names are in the working directory, which is in it).
cd "$T/work" || exit 1
rm -f "$csv"
printf 'keys j j ] / 托位 <Enter> c e <Enter> q m a ? q\n' >"$T/script.all"
cmds="import --db $T/f.db $TOP/data/corpus/zhoushan-plan.txt
docs --db $T/f.db
search --db $T/f.db 托位
show --db $T/f.db zhoushan-plan:4.15
targets --db $T/f.db
compare --db $T/f.db
--db $T/f.db zhoushan-plan:4.15"
export GONGFU_HEADLESS=100x30 GONGFU_SCRIPT="$T/script.all"   # for the explorer (last line)
echo "$cmds" | while read -r line; do
    # shellcheck disable=SC2086
    if command -v strace >/dev/null; then
        strace -f -qq -e trace=open,openat,creat,mkdir,rename,link,symlink -o "$T/trace" "$GONGFU" $line >/dev/null 2>&1
        grep -E 'O_CREAT|creat\(|mkdir\(|rename\(|link\(' "$T/trace" | grep -v -E "\"$T/|\"/dev/null\"|\"[^/]" |
            grep -v -E '= -1 ' >"$T/created"
        [ -s "$T/created" ] && { echo "FAIL: gongfu $line created files outside its scratch directory:"; head -5 "$T/created"; echo x >>"$T/failed"; }
    else
        "$GONGFU" $line >/dev/null 2>&1
    fi
done
[ -f "$T/failed" ] && failures=$((failures + 1))
[ -z "$(ls -A "$T/tmp")" ] || fail "files left in TMPDIR: $(ls -A "$T/tmp")"
finish
