#!/usr/bin/env python3
"""Checks where a theme role was drawn, for t_highlight.sh: in the screen dump TEXT and
the role dump ROLES (src/tui/script.h), some occurrence of WORD must be drawn entirely in
role letters from LETTERS.   usage: roles.py TEXT ROLES WORD LETTERS   (exit 0 if so)"""
import sys
import unicodedata


def cols(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


text = open(sys.argv[1], encoding="utf-8").read().split("\n")
roles = open(sys.argv[2], encoding="utf-8").read().split("\n")
word, letters = sys.argv[3], sys.argv[4]
found = []
for y, line in enumerate(text):
    start = 0
    while True:
        i = line.find(word, start)
        if i < 0:
            break
        x = cols(line[:i])
        got = roles[y][x:x + cols(word)] if y < len(roles) else ""
        found.append((y, x, got))
        if got and all(c in letters for c in got):
            sys.exit(0)
        start = i + 1
print("%s not drawn in %s; found at (row, col, roles): %s" % (word, letters, found))
sys.exit(1)
