# Regenerates the seed corpora in tests/fuzz/seeds/ from the real plans and the explorer's
# own configuration (run from the top of the tree: python3 tests/fuzz/seeds.py). The
# seeds are committed; this says where they came from. Fuzzers start from them and from
# tests/fuzz/regress/ (inputs that once failed), never writing into either.
import glob
import hashlib
import os
import re

OUT = "tests/fuzz/seeds"
corpus = {os.path.basename(p): open(p, "rb").read() for p in sorted(glob.glob("data/corpus/*.txt"))}


def put(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    open(os.path.join(d, name), "wb").write(data)


def pieces(raw, size):
    """Whole lines of raw, about `size` bytes at a time (the one-line plan in chunks
    cut at character boundaries)."""
    text = raw.decode("utf-8")
    out, cur = [], ""
    for line in text.splitlines(keepends=True):
        while len(line.encode()) > size:
            cut = line[: size // 3]
            out.append(cut)
            line = line[len(cut):]
        if len((cur + line).encode()) > size and cur:
            out.append(cur)
            cur = ""
        cur += line
    if cur:
        out.append(cur)
    return [p.encode() for p in out]


# import: the head of each plan (title, metadata, first chapters) and a few variants of
# encoding and line ends; the whole plans are added by run.sh from data/corpus.
for name, raw in corpus.items():
    head = pieces(raw, 6000)[0]
    put("import", head)
    put("import", head.decode().encode("gb18030"))
    put("import", b"\xef\xbb\xbf" + head.replace(b"\n", b"\r\n"))
    put("import", head.replace(b"\n", b"\r"))
    # UTF-16 with its byte-order mark, either order (decoded by decode.c's own loop)
    put("import", b"\xff\xfe" + head.decode().encode("utf-16-le"))
    put("import", b"\xfe\xff" + head.decode().encode("utf-16-be"))
for name, raw in corpus.items():
    for p in pieces(raw, 3000)[1:4]:
        put("import", p)

# tokenizer and text: paragraphs of every plan, some mixed with Latin and numbers.
paras = []
for raw in corpus.values():
    for p in pieces(raw, 400):
        for line in p.decode().splitlines():
            if len(line) > 20:
                paras.append(line[:200])
for line in paras[::25]:
    put("tokenizer", line.encode())
    put("text", bytes([40]) + line.encode())
for extra in ["PM2.5浓度下降到30微克/立方米", "R&D经费支出占GDP比重达3.3%", "ＰＭ２．５和醫保、數位化",
              "两 慢病 到 2025年", "e\u0301te\u0301 ①②③ ㍿ Ａｂｃ", "\u200b零宽\u202e反向\x1b[31m"]:
    put("tokenizer", extra.encode())
    put("text", bytes([12]) + extra.encode())

# targets: clauses that commit to a level, as the plans write them.
pat = re.compile(r"(达到|達到|以上|以内|以內|不低于|不低於|控制在|缩小到|縮小到|全覆盖|全覆蓋|水平|左右|力争|力爭)")
seen = 0
for raw in corpus.values():
    for line in raw.decode().replace("。", "。\n").splitlines():
        if pat.search(line) and 10 < len(line) < 300:
            seen += 1
            if seen % 3 == 0:
                put("targets", line.strip().encode())

# query: what people type in the search prompt.
for q in ["托位", "托位 养老", "托位 OR 托育", "养老 -护理", "养老 NOT 护理", '"共同富裕 2035"',
          "“共同富裕”", "「数字化改革」", "數位化改革", "醫保", "PM2.5", "R&D", "4.5个",
          "托位、养老", '" * ( ) : ^ NEAR', "'); DROP TABLE doc;--", "-", "OR", "a OR OR b",
          "——", "網路 計畫 軟體", "社会 保障 体系 建设 医疗 教育 养老 托育 住房 就业 收入"]:
    put("query", q.encode())

# keymap and theme: the built-in files and the forms their lines take.
put("keymap", open("data/keys.conf", "rb").read())
for line in ["bind reader j down", "bind generic <C-d> half-page-down", "bind tree <S-Tab> prev-pane",
             "bind search <Enter> enter", "bind help 中 none", "bind compare <lt> sort",
             "bind panel <F1> help", "bind reader <PgDn> page-down # comment", "<Esc>", "<C-z>"]:
    put("keymap", line.encode())
for p in sorted(glob.glob("themes/*.theme")):
    put("theme", open(p, "rb").read())
for line in ["normal default default", "title bright-white blue bold", "hit color220 default reverse underline",
             "cursor 0 255 standout italic dim # note", "# only a comment"]:
    put("theme", line.encode())

# catalogue: the indicator catalogue and the vocabulary as shipped, and the catalogue's head.
put("catalogue", open("data/indicators.tsv", "rb").read())
put("catalogue", open("data/vocab.tsv", "rb").read())
put("catalogue", b"\n".join(open("data/indicators.tsv", "rb").read().split(b"\n")[:12]) + b"\n")

# args: the README's command lines (a first byte for the command's shape, then the words
# NUL-separated), and the forms the option parser must refuse.
import shlex
lines = [l.split("  #")[0].strip() for l in open("README.md", encoding="utf-8")
         if l.startswith("gongfu ")]
lines += ["gongfu search 托位 --limit -1", "gongfu search 托位 --limit 99999999999",
          "gongfu targets --format nonsense", "gongfu tree zhoushan-plan --formt csv",
          "gongfu targets --unlinked=yes --d x", "gongfu search 养老 -护理 -- --limit 2",
          "gongfu compare --year=2035 --for json --force -h"]
for i, l in enumerate(lines):
    words = shlex.split(l)[2:]
    put("args", bytes([i % 4]) + b"\0".join(w.encode() for w in words))

# pinyin: what users type for the catalogue's indicator names — whole syllables (with and
# without apostrophes, spaces and tones) and initials — read from Unihan as gen_pinyin does.
import bz2
import unicodedata

readings = {}
for line in bz2.open("/usr/share/unicode/Unihan_Readings.txt.bz2", "rt", encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 3 and f[1] == "kMandarin":
        readings[chr(int(f[0][2:], 16))] = f[2].split()[0]


def plain(r):
    d = unicodedata.normalize("NFD", r).replace("u\u0308", "v")
    tone = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}
    t = next((tone[c] for c in d if c in tone), "5")
    return "".join(c for c in d if c.isascii()), t


names = []
for line in open("data/indicators.tsv", encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) > 2 and not line.startswith("#") and cols[0] != "slug":
        names.append(cols[1])
for name in names[::3]:
    syl = [plain(readings[c]) for c in name if c in readings][:8]
    if len(syl) < 2:
        continue
    put("pinyin", "".join(s for s, _ in syl).encode())
    put("pinyin", "'".join(s for s, _ in syl).encode())
    put("pinyin", " ".join(s for s, _ in syl).encode())
    put("pinyin", "".join(s + t for s, t in syl).encode())
    put("pinyin", "".join(s[0] for s, _ in syl).encode())
    put("pinyin", ("".join(s[0] for s, _ in syl) + " " + name[:2]).encode())
for typed in ["tuowei", "tw", "szhgg", "tuo1wei4", "xi'an", "l\u00fce", "gdp", "-tw 托位",
              "tuo wei OR yanglao", "\"tuowei\"", "!tw", "a a a a a a a a a"]:
    put("pinyin", typed.encode())

# ask: questions made of what a question is read by — the regions' names, the catalogue's
# indicator names, years, and the grammar's words by role — in the shapes questions take.
roles = {}
for line in open("data/ask.tsv", encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if not line.startswith("#") and len(f) >= 2:
        roles.setdefault(f[1], []).append(f[0])
regions = [l.split("\t")[0] for l in open("data/regions.tsv", encoding="utf-8")
           if l.strip() and not l.startswith("#")]
indicators = [l.split("\t")[1] for l in open("data/indicators.tsv", encoding="utf-8")
              if l.strip() and not l.startswith(("#", "slug\t"))]
shapes = ["{r}的{i}{target}是{amount}？", "{which}{cls}{target}了{i}{target}？",
          "{which}{cls}的{i}{target}{high}", "{i}，{which}{cls}{low}",
          "{compare}{r}{and}{r2}的{i}{target}。", "{r}{i}{target}{progress}",
          "{filler}{i}有{which}{measures}？", "{y}年{r}的{i}{target}", "“{period}”{time}{r}{i}{reported}",
          "{r}{y}年的{i}和{r2}{y2}年的{target}{compare}", "三个{cls}中，{which}的{i}{strict}？"]
for k, shape in enumerate(shapes * 4):
    pick = lambda words, j=0: words[(k * 7 + j) % len(words)]
    q = shape.format(r=pick(regions), r2=pick(regions, 3), i=pick(indicators, k),
                     y=2020 + k % 16, y2=2030 + k % 6, **{role: pick(words, k) for role, words in
                                                         [("target", roles["target"]), ("amount", roles["amount"]),
                                                          ("which", roles["which"]), ("cls", roles["class"]),
                                                          ("high", roles["high"]), ("low", roles["low"]),
                                                          ("compare", roles["compare"]), ("and", roles["and"]),
                                                          ("progress", roles["progress"]), ("filler", roles["filler"]),
                                                          ("measures", roles["measures"]), ("period", roles["period"]),
                                                          ("time", roles["time"]), ("reported", roles["reported"]),
                                                          ("strict", roles["strict"])]})
    put("ask", q.encode())

# relations: small sets of sections ("\n\n" between them; a first byte picking document and
# kind, a title line, then text), paragraphs of different plans side by side.
for k in range(20):
    secs = []
    for j in range(6):
        p = paras[(k * 37 + j * 101) % len(paras)]
        secs.append(bytes([j % 4 + 4 * (k % 2)]) + (p[:12] + "\n" + p[12:160]).encode())
    put("relations", b"\n\n".join(secs))

# html, docx, pdf: pieces of the plans made into a web page, a Word document and a PDF by the
# fixture scripts (tests/fixtures), small enough to fuzz. docx seeds are also the XML parts
# joined by NUL bytes, the form fuzz_docx puts into an archive itself; pdf seeds are also
# line records for pdf_layout (see fuzz_pdf.c).
import struct
import subprocess
import tempfile
import zipfile

py = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"
with tempfile.TemporaryDirectory() as tmp:
    for name, raw in corpus.items():
        piece = os.path.join(tmp, "piece.txt")
        open(piece, "wb").write(pieces(raw, 2500)[0])
        subprocess.run([py, "tests/fixtures/make_html.py", piece, tmp + "/a.html", tmp + "/p.html",
                        "--title-line", "1"], check=True)
        put("html", open(tmp + "/p.html", "rb").read())
        put("html", open(tmp + "/a.html", "rb").read())
        subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", tmp + "/d.docx", tmp + "/a.html"], check=True)
        with zipfile.ZipFile(tmp + "/d.docx") as z:
            put("docx", b"\0".join(z.read(p) for p in ("word/document.xml", "word/styles.xml",
                                                        "word/numbering.xml")))
        small = os.path.join(tmp, "small.txt")
        open(small, "wb").write(pieces(raw, 300)[0])
        subprocess.run([py, "tests/fixtures/make_pdf.py", small, tmp + "/s.pdf", "--title-line", "1",
                        "--header", name], check=True)
        subprocess.run(["mutool", "clean", "-d", "-f", tmp + "/s.pdf", tmp + "/d.pdf"], check=True,
                       stderr=subprocess.DEVNULL)
        put("pdf", open(tmp + "/d.pdf", "rb").read())
    put("docx", open(tmp + "/d.docx", "rb").read())
    put("html", open("tests/dev/corpus/national_15th_fyp_recommendations_2025_cpc_central_committee.html", "rb").read()[:30000])


def record(page, x0, x1, base, size, text):
    t = text.encode()[:255]
    return struct.pack(">BHHHBB", page, int(x0 * 64), int(x1 * 64), int(base * 64), int(size * 4), len(t)) + t


sheet = b""
for p in range(3):
    sheet += record(p, 250, 345, 60, 10.5, "舟山市实施方案") + record(p, 280, 330, 780, 14, "— %d —" % (p + 1))
    for k, line in enumerate(["一、总体要求", "加快发展，提高收入水平，扩大中等收入", "群体。", "| 指标 | 单位 |"]):
        sheet += record(p, 132 if k == 0 else 100, 528 if k == 1 else 300, 120 + 28.5 * k, 16, line)
put("pdf", sheet)
