#!/bin/sh
# The explorer's shape (src/tui), read from its #include lines and PANE_LIST:
#   - no include cycle between its modules (a module: x.c with x.h), so no circle runs
#     through app.h as it once did through every pane;
#   - only the app's own files (which have no header of their own) include app.h; a pane
#     sees ui.h;
#   - each PANE_LIST row's ops are defined in one file and named nowhere else, so adding
#     a pane is that file and its row.
# usage: sh tests/tui/t_modules.sh BUILD_DIR (the build directory is not used)
command -v python3 >/dev/null || { echo "FAIL: python3 is needed"; exit 1; }
python3 - "${TUI_DIR:-src/tui}" <<'EOF'
import os, re, sys
d = sys.argv[1]
files = sorted(f for f in os.listdir(d) if f.endswith(('.c', '.h')))
# A module is x.c with x.h; x_int.h is its private part (reader_int.h).
mod = lambda f: re.sub(r'_int$', '', f.rsplit('.', 1)[0])
text = {f: open(os.path.join(d, f), encoding='utf-8').read() for f in files}
code = {f: re.sub(r'/\*.*?\*/|//[^\n]*', '', text[f], flags=re.S) for f in files}
inc = {f: re.findall(r'^#include "([^"/]+)\.h"', text[f], re.M) for f in files}
headers = {mod(f) for f in files if f.endswith('.h')}
graph = {}
for f in files:
    for h in inc[f]:
        if h in headers and h != mod(f):
            graph.setdefault(mod(f), set()).add(h)
bad = []

# Tarjan's strongly connected components: any with two modules or more is a cycle.
index, low, stack, on, sccs = {}, {}, [], set(), []
def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v); on.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        sccs.append(c)
sys.setrecursionlimit(10000)
for v in sorted({mod(f) for f in files}):
    if v not in index:
        visit(v)
for c in sccs:
    if len(c) > 1:
        bad.append('include cycle: ' + ' -> '.join(sorted(c)))

for f in files:
    if 'app' in inc[f] and f != 'app.c' and mod(f) in headers and f != 'app.h':
        bad.append(f + ' includes app.h but is a module of its own (' + mod(f) + '.h)')

rows = re.findall(r'^\s*X\((\w+),\s*(\w+)\)', text.get('pane.h', ''), re.M)
if len(rows) < 2:
    bad.append('no PANE_LIST rows found in pane.h')
for pid, ops in rows:
    defs = [f for f in files if re.search(r'const struct pane_ops ' + ops + r'\s*=', code[f])]
    if len(defs) != 1:
        bad.append('%s: defined in %s' % (ops, defs or 'no file'))
        continue
    if 'app' in inc[defs[0]]:
        bad.append('pane %s (%s) includes app.h' % (pid, defs[0]))
    others = [f for f in files if f not in (defs[0], 'pane.h') and re.search(r'\b' + ops + r'\b', code[f])]
    if others:
        bad.append('%s named outside its file and its row: %s' % (ops, ', '.join(others)))
for b in bad:
    print('FAIL: ' + b)
if bad:
    sys.exit(1)
print('modules: %d files, %d panes, no include cycle' % (len(files), len(rows)))
EOF
