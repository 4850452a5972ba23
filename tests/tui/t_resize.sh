#!/bin/sh
# Every size from 1×1 to 300×100 (a sweep plus random sizes), in every view, with keys in
# between: no crash (the ASan build catches any bad access), and each screen fits.
. tests/tui/lib.sh
need_explorer
awk 'BEGIN {
    srand(5);
    split("j k <Space> b G g ] [ <Tab> c ? / x <Esc> l h <Enter> n", keys, " ");
    for (c = 1; c <= 300; c += (c < 30 ? 1 : 13)) {
        l = 1 + (c * 7) % 100;
        printf "resize %d %d\n", c, l;
        printf "keys %s %s\n", keys[1 + int(rand() * 18)], keys[1 + int(rand() * 18)];
    }
    for (i = 0; i < 150; i++) {
        printf "resize %d %d\n", 1 + int(rand() * 300), 1 + int(rand() * 100);
        printf "keys %s\n", keys[1 + int(rand() * 18)];
        if (i % 10 == 0) printf "dump @T@/d%d.txt\n", i;
    }
    print "resize 1 1"; print "keys j ?"; print "dump @T@/one.txt";
    print "resize 300 100"; print "keys c G"; print "dump @T@/big.txt";
}' > "$T/resize.script"
run_screen 80x24 "$(cat "$T/resize.script")" zhoushan-plan:4
[ "$rc" -eq 0 ] || fail "exit $rc: $(cat "$T/err")"
[ "$(wc -l < "$T/one.txt")" -eq 1 ] || fail "1×1 dump has $(wc -l < "$T/one.txt") lines"
[ "$(wc -l < "$T/big.txt")" -eq 100 ] || fail "300×100 dump has $(wc -l < "$T/big.txt") lines"
grep -q "指标" "$T/big.txt" || fail "300×100: no compare view"
for d in "$T"/d*.txt; do
    [ -s "$d" ] || fail "empty dump $d"
done
echo "resize: 1×1 … 300×100 survived"
