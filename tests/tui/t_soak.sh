#!/bin/sh
# A soak: 20,000 random keys at random sizes (in the ASan+UBSan build too, which fails on
# any leak or bad access at exit); the resident memory after 10,000 and after 20,000 keys
# differs by less than 2 MB.
. tests/tui/lib.sh
need_explorer
awk 'BEGIN {
    srand(20000);
    # Every key but q, which would end the run (Esc closes the views instead).
    n = split("j k d u <Space> b f g G ] [ <Tab> <S-Tab> h l <Enter> n N c s e ? / 托 位 养 老 <BS> <Esc> m a '"'"' t <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <C-l> x 1", keys, " ");
    for (i = 1; i <= 20000; i++) {
        k = keys[1 + int(rand() * n)];
        line = line " " k;
        if (i % 40 == 0) { print "keys" line; line = "" }
        if (i % 997 == 0) printf "resize %d %d\n", 1 + int(rand() * 240), 1 + int(rand() * 80);
        if (i % 1499 == 0) printf "click %d %d\n", int(rand() * 80), int(rand() * 24);
        if (i % 1601 == 0) printf "wheel-down %d %d\n", int(rand() * 80), int(rand() * 24);
        if (i == 10000 || i == 20000) print "mem @T@/mem";
    }
}' > "$T/soak.script"
run_screen 100x30 "$(cat "$T/soak.script")" zhoushan-plan
[ "$rc" -eq 0 ] || fail "exit $rc: $(tail -20 "$T/err")"
[ "$(wc -l < "$T/mem")" -eq 2 ] || fail "the soak stopped early: $(cat "$T/mem" 2>/dev/null)"
m1=$(sed -n 1p "$T/mem") m2=$(sed -n 2p "$T/mem")
# ASan keeps freed memory in quarantine, so only the plain build's memory must stay flat.
if ! ldd "$GONGFU" | grep -q asan; then
    [ $((m2 - m1)) -lt 2048 ] || fail "memory grew from $m1 kB to $m2 kB over 10,000 keys"
fi
echo "soak: 20,000 keys; resident memory $m1 kB after 10,000, $m2 kB after 20,000"
