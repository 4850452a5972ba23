#!/usr/bin/env python3
"""For t_manpage.sh: every default binding (data/keys.conf) is in the man page's KEYS
section, under its context's heading, in an entry that names the key as the man page
writes keys and the command it runs.  usage: manpage_keys.py KEYS.CONF GONGFU.1
Prints one line per binding missing; exit status 1 if any."""
import re
import sys

# The man page's heading for each context; a context's keys may also be written under a
# heading of the contexts it falls back to (the search's keys, under Everywhere).
HEADINGS = {
    "generic": ["Everywhere"], "tree": ["The sidebar"], "reader": ["The reading pane"],
    "panel": ["The target panel"], "compare": ["The compare view"], "help": ["The help"],
    "ask": ["The ask view"], "related": ["The related list"], "pair": ["The side-by-side view"],
    "search": ["Everywhere", "The search prompt and the compare filter"],
    "prompt": ["The search prompt and the compare filter"],
    "mark": ["The search prompt and the compare filter"],
}
NAMED = {"BS": "Backspace", "gt": ">", "lt": "<", "S-Tab": ("Shift-Tab", "S-Tab")}


def man_names(key):
    """How the man page may write a keys.conf key."""
    m = re.fullmatch(r"<(.+)>", key)
    if not m:
        return (key,)
    k = m.group(1)
    if k in NAMED:
        v = NAMED[k]
        return v if isinstance(v, tuple) else (v,)
    if k.startswith("C-"):
        return ("Ctrl-" + k[2:],)
    return (k,)


def entries(man):
    """(heading, set of words) for each .TP/.PP entry of the KEYS section."""
    text = man.replace("\\-", "-")
    keys = text[text.index("\n.SH KEYS"):]
    keys = keys[:keys.index("\n.SH ", 1)]
    heading, out, cur = "", [], []
    for line in keys.split("\n"):
        if line.startswith(".SS "):
            out.append((heading, cur))
            heading, cur = line[4:].strip().strip('"'), []
        elif line.startswith((".TP", ".PP")):
            out.append((heading, cur))
            cur = []
        else:
            body = re.sub(r"^\.[A-Z]+ ?", "", line)
            cur += [w for w in re.split(r'[\s",();]+', body) if w]
    out.append((heading, cur))
    return [(h, set(ws)) for h, ws in out]


def main():
    conf, man = open(sys.argv[1]).read(), open(sys.argv[2]).read()
    ents = entries(man)
    missing = 0
    for line in conf.split("\n"):
        f = line.split()
        if len(f) != 4 or f[0] != "bind":
            continue
        ctx, key, cmd = f[1:]
        names = man_names(key)
        ok = any(h in HEADINGS[ctx] and cmd in ws and any(n in ws for n in names)
                 for h, ws in ents)
        if not ok:
            print("  %s %s %s (the man page writes the key as %s)" % (ctx, key, cmd, " or ".join(names)))
            missing += 1
    return 1 if missing else 0


sys.exit(main())
