#!/bin/sh
# The related lists against the hand key (tests/golden/relations/key.tsv) must not fall
# below the committed baseline, on the tuned part and on the held-out part.
b=${1:-build}
exec "$b/rel_accuracy" --db "$b/gongfu.db" --key tests/golden/relations/key.tsv \
    --baseline tests/relations/baseline.txt
