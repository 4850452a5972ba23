#!/bin/sh
# make soak: the headless explorer under random keys, resizes, clicks and searches for
# SECONDS (default 1800), in the given build (make soak uses the ASan+UBSan one). Keys are
# streamed through a FIFO, so the run lasts as long as asked however fast keys go; resident
# memory is noted every minute and printed, and must be flat: the last minute's within
# 3 MB of the second's (ASan's quarantine is capped so freed memory does not count).
. tests/tui/lib.sh
SECS=${2:-1800}
mkfifo "$T/keys"
python3 - "$T/keys" "$SECS" "$T/mem" <<'PY' &
import random, sys, time
fifo, secs, mem = sys.argv[1], float(sys.argv[2]), sys.argv[3]
keys = ("j k d u <Space> b f g G ] [ <Tab> <S-Tab> h l <Enter> n N c s e ? / 托 位 养 老 "
        "醫 保 <BS> <Esc> m a ' t <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> "
        "<C-l> x 1 z").split()
rnd = random.Random(1800)
start = time.monotonic(); next_note = start + 60; sent = 0
with open(fifo, "w") as out:
    out.write("mem %s\n" % mem)
    while time.monotonic() - start < secs:
        out.write("keys " + " ".join(rnd.choice(keys) for _ in range(40)) + "\n")
        sent += 40
        if sent % 4000 == 0:
            out.write("resize %d %d\n" % (rnd.randint(1, 240), rnd.randint(1, 80)))
            out.write("click %d %d\n" % (rnd.randint(0, 79), rnd.randint(0, 23)))
        if time.monotonic() >= next_note:
            out.write("mem %s\n" % mem)
            next_note += 60
    out.write("mem %s\n" % mem)
print(sent, file=open(mem + ".keys", "w"))
PY
gen=$!
export ASAN_OPTIONS="quarantine_size_mb=4:detect_leaks=1:abort_on_error=1"
(cd "$T" && GONGFU_HEADLESS=100x30 GONGFU_SCRIPT="$T/keys" "$GONGFU" --db "$DB" zhoushan-plan \
    >"$T/out" 2>"$T/err")
rc=$?
wait $gen
[ "$rc" -eq 0 ] || fail "exit $rc: $(tail -20 "$T/err")"
keys=$(cat "$T/mem.keys" 2>/dev/null)
echo "soak: $SECS s, $keys keys with resizes and clicks; resident memory (kB) at start and each minute:"
tr '\n' ' ' <"$T/mem"; echo
n=$(wc -l <"$T/mem")
if [ "$n" -ge 4 ]; then
    second=$(sed -n 3p "$T/mem") last=$(tail -1 "$T/mem")
    [ $((last - second)) -lt 3072 ] || fail "memory grew from $second kB to $last kB"
fi
echo "soak: memory flat"
