# Scans bytes written to a terminal for anything a document could use to act on it.
#   python3 scan.py text FILE   output of a line-oriented command: no control character
#                               at all but line ends, no C1, bidi, zero-width space,
#                               surrogate
#   python3 scan.py curses FILE raw output of the full-screen explorer: curses writes its
#                               own escape sequences, so look for what only the document
#                               holds (OSC, BEL, cursor report, C0 it never sends, C1 …)
# Prints each finding with its offset; exit 1 if there is any.
import re
import sys

mode, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
bad = [
    (rb"\xc2[\x80-\x9f]", "C1 control"),
    (rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xe2\x80[\x8e\x8f]|\xd8\x9c", "bidi control"),
    # The joiners U+200C/U+200D are text (emoji sequences, Persian words): gongfu keeps
    # them; the zero-width space, the word joiner and a BOM inside text are not.
    (rb"\xe2\x80\x8b|\xe2\x81\xa0|\xef\xbb\xbf", "zero-width character"),
    (rb"\xed[\xa0-\xbf]", "encoded surrogate"),
]
if mode == "text":
    bad.append((rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "C0 control or DEL"))
else:
    bad += [(rb"\x1b\]", "OSC sequence"), (rb"\x07", "BEL"), (rb"\x1b\[6n", "cursor report"),
            (rb"[\x01\x02\x0b\x0c\x1f\x7f]", "C0 control or DEL")]
found = 0
for pat, what in bad:
    for m in re.finditer(pat, data):
        if found < 20:
            ctx = data[max(0, m.start() - 20):m.end() + 20]
            print("%s: %s at byte %d: %r" % (path, what, m.start(), ctx))
        found += 1
if mode == "text":
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print("%s: invalid UTF-8 at byte %d" % (path, e.start))
        found += 1
sys.exit(1 if found else 0)
