# The files a user has, as a user (a real non-root account): config and state files that
# are no regular files (a FIFO, a link to /dev/zero) or too big, long comment lines, a
# HOME that does not exist; and what an import is given: UTF-16 with a byte-order mark,
# Japanese (Shift_JIS) and Korean (EUC-KR) texts, a directory, /dev/zero, a file over
# --max-size, a file size limit (ulimit -f), a slow standard input on a terminal.
# Every case ends in seconds with a clear message, never a hang, a kill or a tree of
# directories made from "/".
. tests/cli/lib.sh
. tests/hardening/lib.sh
. tests/hardening/users.sh
U=$R1
h="$T/home/$U"
cfg="$h/.config/gongfu"
db="$T/db"
cp "$DB" "$db"
chmod 644 "$db"
mkdir -p "$T/w"
chown "$U" "$T/w"
C=data/corpus

# explorer WHAT STATUS [ENV…]: the explorer as the user (headless, one screen dumped),
# within 20 s; its exit status must be STATUS.
explorer() {
    what=$1 want=$2; shift 2
    rm -f "$T/w/screen"
    printf 'dump %s/w/screen\n' "$T" >"$T/w/script"
    chmod 644 "$T/w/script"
    as "$U" env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/w/script" TERM=xterm-256color "$@" \
        timeout 20 "$GONGFU" --db "$db" zhoushan-plan >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = "$want" ] || { fail "$what: exit $got, wanted $want"; head -c 400 "$T/err"; echo; }
    grep -q -E 'Sanitizer|runtime error' "$T/err" && fail "$what: sanitizer report"
    if [ "$want" = 0 ]; then [ -s "$T/w/screen" ] || fail "$what: no screen"; fi
}
mkcfg() { as "$U" mkdir -p "$cfg/themes" "$h/.local/state/gongfu"; }
mkcfg

# keys.conf and a theme: a FIFO, a link to /dev/zero, a file over the cap are refused at
# once, naming the file.
for kind in fifo zero big; do
    for f in "$cfg/keys.conf" "$cfg/themes/mine.theme"; do
        rm -f "$f"
        case $kind in
        fifo) as "$U" mkfifo "$f" ;;
        zero) as "$U" ln -s /dev/zero "$f" ;;
        big) as "$U" truncate -s 5M "$f" ;;
        esac
        explorer "$(basename "$f") as $kind" 1 GONGFU_THEME=mine
        case $kind in
        big) contains "$T/err" "more than" "$kind $(basename "$f") message" ;;
        *) contains "$T/err" "not a regular file" "$kind $(basename "$f") message" ;;
        esac
        contains "$T/err" "$(basename "$f")" "the message names the file"
        rm -f "$f"
    done
done
# The state file as a FIFO or /dev/zero: the explorer starts without the last position,
# and leaves its state as a file in its place.
for kind in fifo zero; do
    st="$h/.local/state/gongfu/state"
    rm -f "$st"
    if [ $kind = fifo ]; then as "$U" mkfifo "$st"; else as "$U" ln -s /dev/zero "$st"; fi
    explorer "state file as $kind" 0
    [ -f "$st" ] && ! [ -L "$st" ] || fail "the state file as $kind was not replaced by a file"
done

# Comment lines of any length in keys.conf and a theme.
long=$(python3 -c "print('#' + '注释' * 400)")
printf '%s\n  %s\nbind generic j none\n' "$long" "$long" >"$cfg/keys.conf"
printf '%s\nnormal default default\n' "$long" >"$cfg/themes/mine.theme"
chown "$U" "$cfg/keys.conf" "$cfg/themes/mine.theme"
explorer "long comment lines" 0 GONGFU_THEME=mine
rm -f "$cfg/keys.conf" "$cfg/themes/mine.theme"

# HOME that does not exist: the explorer reads, says it cannot save, and makes nothing.
chown "$U" "$T/w"
explorer "HOME that does not exist" 0 HOME="$T/w/gone/x"
contains "$T/err" "no such directory" "HOME missing message"
[ -e "$T/w/gone" ] && fail "a missing HOME was made"

# Imports, as the user, into a database of their own.
imp() { as "$U" "$GONGFU" import --db "$T/w/u.db" "$@"; }
# UTF-16 with either byte-order mark, and forced without one: the same documents as the
# UTF-8 file.
"$GONGFU" import --db "$T/ref.db" $C/zhoushan-plan.txt 2>/dev/null
"$GONGFU" tree --db "$T/ref.db" zhoushan-plan >"$T/ref.tree"
python3 - "$C/zhoushan-plan.txt" "$T/w" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2] + "/le.txt", "wb").write(b"\xff\xfe" + t.encode("utf-16-le"))
open(sys.argv[2] + "/be.txt", "wb").write(b"\xfe\xff" + t.encode("utf-16-be"))
open(sys.argv[2] + "/nobom.txt", "wb").write(t.encode("utf-16-be"))
PY
chmod 644 "$T/w"/*.txt
for f in le be; do
    rm -f "$T/w/u.db"
    clean 0 "UTF-16 $f import" imp "$T/w/$f.txt"
    as "$U" "$GONGFU" tree --db "$T/w/u.db" "$(as "$U" "$GONGFU" docs --db "$T/w/u.db" | sed -n 2p | cut -f1)" >"$T/$f.tree"
    sed 1d "$T/ref.tree" >"$T/a" && sed 1d "$T/$f.tree" >"$T/b"
    same "$T/a" "$T/b" "the UTF-16 $f outline"
done
clean 1 "UTF-16 without a mark" imp "$T/w/nobom.txt"
contains "$T/err" "say --encoding UTF-16BE" "the hint for UTF-16 without a mark"
rm -f "$T/w/u.db"
clean 0 "--encoding UTF-16 without a mark" imp --encoding UTF-16 "$T/w/nobom.txt"

# Japanese and Korean texts are refused with a hint, not imported as GB18030 garbage.
printf '%s\n' "この計画は市民の生活を豊かにするための施策をまとめたものです。" \
    "第一章では、地域の経済と社会の発展について述べます。" | iconv -t SHIFT_JIS >"$T/w/ja.txt"
printf '%s\n' "이 계획은 시민의 삶을 풍요롭게 하기 위한 정책을 정리한 것입니다." \
    "제1장에서는 지역 경제와 사회의 발전에 대해 설명합니다." | iconv -t EUC-KR >"$T/w/ko.txt"
chmod 644 "$T/w"/*.txt
clean 1 "a Shift_JIS file" imp "$T/w/ja.txt"
contains "$T/err" "Japanese in Shift_JIS" "the Shift_JIS hint"
clean 1 "an EUC-KR file" imp "$T/w/ko.txt"
contains "$T/err" "Korean in EUC-KR" "the EUC-KR hint"
contains "$T/err" "convert it to UTF-8" "the hint says what to do"

# A directory; /dev/zero stops at --max-size; a file over the default 256 MB is refused
# by its size before it is read.
clean 1 "a directory" imp "$T/w"
contains "$T/err" "is a directory" "the directory message"
clean 1 "/dev/zero" imp --max-size 2M /dev/zero
contains "$T/err" "more than --max-size 2.0 MB" "the /dev/zero message"
as "$U" truncate -s 300M "$T/w/huge.txt"
clean 1 "a file over 256 MB" imp "$T/w/huge.txt"
contains "$T/err" "300.0 MB, more than --max-size 256.0 MB" "the default cap"
rm -f "$T/w/huge.txt"
clean 2 "--max-size nonsense" imp --max-size lots $C/zhoushan-plan.txt
contains "$T/err" "a size such as" "the --max-size usage message"

# A file size limit (ulimit -f, in 1 KB blocks here): a message and exit 1, not SIGXFSZ;
# the database as it was.
rm -f "$T/w/u.db"
clean 0 "a first import" imp $C/zhoushan-plan.txt
cp "$T/w/u.db" "$T/before.db"
as "$U" sh -c 'ulimit -f 200; exec "$@"' sh "$GONGFU" import --db "$T/w/u.db" \
    $C/jinhua-plan.txt $C/taizhou-plan.txt >"$T/out" 2>"$T/err"
got=$?
[ $got = 1 ] || fail "import under ulimit -f: exit $got, wanted 1 (153 is SIGXFSZ)"
contains "$T/err" "File too large\|too large" "the ulimit -f message"
cmp -s "$T/w/u.db" "$T/before.db" || fail "import under ulimit -f changed the database"

# A slow standard input on a terminal shows how much has come on the import's one progress
# line, which the summary overwrites: the terminal gets one line. A pipe as stderr gets
# the summary alone.
slow="{ cat $C/zhoushan-plan.txt; sleep 1.6; cat $C/jinhua-plan.txt; }"
as "$U" script -qec "sh -c '$slow | $GONGFU import --db $T/w/s.db -'" /dev/null \
    </dev/null >"$T/tty" 2>&1
contains "$T/tty" "0/1 files, .* MB/s, reading standard input" "the progress line on a terminal"
[ "$(grep -c '' "$T/tty")" = 1 ] || fail "the terminal got more than one line: $(cat -A "$T/tty")"
as "$U" sh -c "$slow | $GONGFU import --db $T/w/p.db -" >"$T/out" 2>"$T/err" ||
    fail "the slow standard input: $(cat "$T/err")"
[ "$(grep -c '' "$T/err")" = 1 ] && lacks "$T/err" "$(printf '\r')" "a progress line to a pipe" ||
    fail "a pipe got more than the summary: $(cat -A "$T/err")"
finish
