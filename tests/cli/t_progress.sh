# The import's progress line (issue 15): on a terminal, once the import has taken more
# than a second, a line of files, MB, MB/s and time left (while standard input is read,
# how much has come, on the same line), cleared before the summary; on a pipe, nothing
# but the summary. The first file is standard input, fed 2 s late, so
# the import takes that long whatever the machine's speed.
. tests/cli/lib.sh
C=data/corpus
# run_late OUT TTY: the import with standard error on a terminal (TTY 1) or a pipe (0).
run_late() {
    python3 - "$1" "$2" $C/jinhua-plan.txt "$GONGFU" import --db "$T/$2.db" - \
        $C/zhoushan-plan.txt $C/taizhou-plan.txt <<'PY'
import os, pty, subprocess, sys, time
out, tty, late, cmd = sys.argv[1], sys.argv[2] == "1", sys.argv[3], sys.argv[4:]
if tty:
    m, s = pty.openpty()
    err = s
else:
    err = open(out, "wb")
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err)
time.sleep(2.0)
p.stdin.write(open(late, "rb").read())
p.stdin.close()
if tty:
    os.close(s)
    got = b""
    while True:
        try:
            b = os.read(m, 4096)
        except OSError:
            break
        if not b:
            break
        got += b
    open(out, "wb").write(got)
sys.exit(p.wait())
PY
}

run_late "$T/tty.err" 1 || fail "import on a terminal: exit $?"
contains "$T/tty.err" "gongfu import: 0/3 files, [0-9.]*/[0-9.]* MB, [0-9.]* MB/s, reading standard input" \
    "standard input's bytes on the line"
# one line: the summary's is the only line end (CR LF on a pty)
[ "$(tr -cd '\n' <"$T/tty.err" | wc -c)" = 1 ] || fail "more than one line: $(cat -A "$T/tty.err")"
contains "$T/tty.err" "gongfu import: 1/3 files, 0.1/0.1 MB, [0-9.]* MB/s, [0-9]* s left" "the progress line"
contains "$T/tty.err" "3/3 files, 0.2/0.2 MB, [0-9.]* MB/s, indexing" "the line at the commit"
# cleared (CR, erase to the end of the line) before the summary, which is said whole
grep -q "$(printf '\r\033\\[K')gongfu import: 3 documents" "$T/tty.err" || fail "the line is not cleared before the summary"

run_late "$T/pipe.err" 0 || fail "import on a pipe: exit $?"
[ "$(wc -l <"$T/pipe.err")" = 1 ] && contains "$T/pipe.err" "^gongfu import: 3 documents" "the summary on a pipe"
lacks "$T/pipe.err" "/3 files" "a progress line on a pipe"
grep -q "$(printf '\r')" "$T/pipe.err" && fail "a carriage return on a pipe"
finish
