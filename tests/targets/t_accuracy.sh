#!/bin/sh
# The extractor's figures must not be worse than the committed baseline
# (tests/targets/baseline.txt): on the embedded plans against their hand labels
# (tests/golden/targets), and on the development set (tests/dev) by the project's scorer.
b=${1:-build}
fail=0
"$b/accuracy" --db "$b/gongfu.db" --labels tests/golden/targets \
    --baseline tests/targets/baseline.txt || fail=1
python3 tests/dev/accuracy.py "$b/gongfu" --baseline tests/targets/baseline.txt || fail=1
exit $fail
