#!/usr/bin/env python3
"""damage.py GOOD OUT TABLE WHICH: OUT is GOOD with b-tree pages of TABLE damaged, the
way a bad disk sector or a stray write damages a file: the page-type byte of the chosen
leaf pages (WHICH: all, first, middle, last, in the file's order) set to a value no page
has, which SQLite detects as corruption when it reads the page. The pages are found with
SQLite's dbstat table. Prints the damaged page numbers."""
import shutil
import sqlite3
import sys

good, out, table, which = sys.argv[1:5]
db = sqlite3.connect("file:%s?immutable=1" % good, uri=True)
size = db.execute("PRAGMA page_size").fetchone()[0]
pages = sorted(p for (p,) in db.execute(
    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)))
db.close()
if not pages:
    sys.exit("no leaf pages of " + table)
chosen = {"all": pages, "first": pages[:1], "middle": [pages[len(pages) // 2]],
          "last": pages[-1:]}[which]
shutil.copy(good, out)
with open(out, "r+b") as f:
    for p in chosen:
        f.seek((p - 1) * size + (100 if p == 1 else 0))
        f.write(b"\x07")          # not 2, 5, 10 or 13: no b-tree page has this type
print(" ".join(map(str, chosen)))
