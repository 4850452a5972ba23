# What gongfu echoes from outside is sanitised like document text: a file name holding an
# OSC that sets the window title, CSI and BEL, in import's messages (an error, the same
# bytes twice, the summary) and as a document's title when it has no other; the database
# path in "no database here"; the --output file in "written to" of each command that
# exports a table (targets, compare, progress); a line of keys.conf and of a theme in their error messages.
# Every byte written to stderr, to a pipe or through a pty is scanned (scan.py).
. tests/cli/lib.sh
export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_STATE_HOME="$T/state" TERM=xterm-256color
mkdir -p "$HOME" "$XDG_CONFIG_HOME/gongfu/themes"
evil=$(printf 'x\033]0;pwned\007\033[31mred\033[0m\233y')
mkdir -p "$T/d$evil"
printf 'abc\000def' >"$T/d$evil/bin$evil.txt"
printf '第一段，没有标题。\n\n第二段。\n' >"$T/d$evil/plan$evil.txt"
cp "$T/d$evil/plan$evil.txt" "$T/d$evil/copy$evil.txt"
# scanned WHAT FILE: no byte in FILE could act on a terminal
scanned() { python3 tests/hardening/scan.py text "$2" >"$T/scan" || { fail "$1"; head -3 "$T/scan"; }; }

"$GONGFU" import --db "$T/a.db" "$T/d$evil/bin$evil.txt" 2>"$T/err"
[ $? -eq 1 ] || fail "a binary file was imported"
grep -q "NUL byte" "$T/err" || fail "the binary file's error: $(cat "$T/err")"
scanned "import's error quoting the file name" "$T/err"
"$GONGFU" import --db "$T/a.db" "$T/d$evil/plan$evil.txt" "$T/d$evil/copy$evil.txt" 2>"$T/err" ||
    fail "import: $(cat "$T/err")"
grep -q "the same bytes as" "$T/err" || fail "the same bytes twice: $(cat "$T/err")"
scanned "import's notes and summary" "$T/err"
"$GONGFU" import --db "$T/none$evil/a.db" "$T/d$evil/plan$evil.txt" 2>"$T/err"
scanned "import into a directory that is not there" "$T/err"
"$GONGFU" docs --db "$T/none$evil.db" 2>"$T/err"
grep -q "no database here" "$T/err" || fail "a missing database: $(cat "$T/err")"
scanned "a missing database's path" "$T/err"
# The title taken from the file name: on a terminal, the name is shown with replacements.
python3 - "$T/pty.out" "$GONGFU" docs --db "$T/a.db" <<'PY'
import os, pty, sys
out = open(sys.argv[1], "wb")
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out.write(chunk)
os.waitpid(pid, 0)
PY
tr -d '\r' <"$T/pty.out" >"$T/docs"
grep -q "plan" "$T/docs" || fail "the title from the file name is not listed: $(cat "$T/docs")"
scanned "docs on a terminal, a title from the file name" "$T/docs"

# Config files: the line quoted in the error is sanitised.
printf 'bind generic x %s\n' "$evil" >"$XDG_CONFIG_HOME/gongfu/keys.conf"
"$GONGFU" --db "$DB" 2>"$T/err"
grep -q "keys.conf:1" "$T/err" || fail "a bad keys.conf line: $(cat "$T/err")"
scanned "keys.conf's error" "$T/err"
rm "$XDG_CONFIG_HOME/gongfu/keys.conf"
printf 'title %s default\n' "$evil" >"$XDG_CONFIG_HOME/gongfu/themes/evil.theme"
"$GONGFU" --db "$DB" --theme evil 2>"$T/err"
grep -q "evil.theme" "$T/err" || fail "a bad theme line: $(cat "$T/err")"
scanned "a theme's error" "$T/err"

# The file an export is written to, named in the line that says so.
for c in "targets --format xlsx" "compare --format xlsx" "progress --format xlsx" \
         "compare --format csv" "progress --format csv"; do
    rm -f "$T/d$evil/out$evil"
    $GONGFU $c --db "$DB" --output "$T/d$evil/out$evil" 2>"$T/err" || fail "$c: $(cat "$T/err")"
    grep -q "written to" "$T/err" || fail "$c says nothing of where: $(cat "$T/err")"
    scanned "$c --output's file name" "$T/err"
done
finish
