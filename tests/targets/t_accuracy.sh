#!/bin/sh
# Precision and recall of extraction and of linking on the hand labels
# (tests/golden/targets/*.tsv) must not fall below the committed baseline.
b=${1:-build}
exec "$b/accuracy" --db "$b/gongfu.db" --labels tests/golden/targets \
    --baseline tests/targets/baseline.txt
