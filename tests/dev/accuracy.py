#!/usr/bin/env python3
"""The extractor on the development set: runs score-labels.py (a byte-for-byte copy of the
project's scorer, the one used on documents nobody here has seen) over tests/dev/corpus and
tests/dev/labels, prints its figures, and compares the totals with the dev-* lines of the
baseline file.

usage: accuracy.py GONGFU [--baseline FILE] [--write-baseline FILE] [--verbose]

Exit 1 when a figure is worse than its baseline (dev-reported-as-targets is a ceiling),
2 on a usage error or when the scorer prints no totals."""
import os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
if not args or args[0].startswith("--"):
    sys.exit(__doc__)
gongfu = args[0]
opt = lambda name: args[args.index(name) + 1] if name in args else None

cmd = [sys.executable, os.path.join(here, "score-labels.py"), gongfu,
       "--corpus", os.path.join(here, "corpus"), "--labels", os.path.join(here, "labels")]
if "--verbose" in args:
    cmd.append("--verbose")
out = subprocess.run(cmd, capture_output=True, text=True)
sys.stdout.write(out.stdout)
sys.stderr.write(out.stderr)
total = re.search(r"total: targets precision ([\d.]+) recall ([\d.]+); reported values taken as "
                  r"targets ([\d.]+)%; years right ([\d.]+)%; reported values precision ([\d.]+) "
                  r"recall ([\d.]+)", out.stdout)
if not total:
    print("accuracy.py: the scorer printed no totals", file=sys.stderr)
    sys.exit(2)
tp, tr, rat, yr, rp, rr = (float(x) for x in total.groups())
got = {"dev-targets-precision": tp, "dev-targets-recall": tr, "dev-years-right": yr / 100,
       "dev-reported-as-targets": rat / 100, "dev-reported-precision": rp,
       "dev-reported-recall": rr}
ceilings = {"dev-reported-as-targets"}

write = opt("--write-baseline")
if write:
    keep = [l for l in open(write, encoding="utf-8") if not l.startswith("dev-")] \
        if os.path.exists(write) else []
    with open(write, "w", encoding="utf-8") as f:
        f.writelines(keep)
        for k, v in got.items():
            f.write(f"{k} {v:.4f}\n")

status = 0
base = opt("--baseline")
if base:
    for line in open(base, encoding="utf-8"):
        parts = line.split()
        if len(parts) != 2 or parts[0] not in got:
            continue
        want, have = float(parts[1]), got[parts[0]]
        # The scorer prints three decimals (one for percentages): compare at that grain.
        worse = have > want + 5e-4 if parts[0] in ceilings else have + 5e-4 < want
        if worse:
            print(f"REGRESSION: {parts[0]} {have:.4f} is {'above' if parts[0] in ceilings else 'below'} "
                  f"the baseline {want:.4f}")
            status = 1
sys.exit(status)
