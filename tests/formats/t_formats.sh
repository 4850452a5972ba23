# Web pages, Word documents and PDFs. The same plan made as a government web page, a .docx
# and an official-layout PDF (tests/fixtures/make-fixtures.sh, from the texts in
# data/corpus) gives the same documents, outline, targets and text as the plain text; a
# real web page gets its real title, region and outline; page furniture and chrome never
# reach the stored text; bad files fail naming the file and the reason, importing nothing.
. tests/cli/lib.sh

# everything NAME.DB shows: documents, each one's outline and text, the targets
snapshot() {
    "$GONGFU" docs --db "$1"
    for s in $("$GONGFU" docs --db "$1" | cut -f1 | tail -n +2); do
        "$GONGFU" tree --db "$1" "$s"
        "$GONGFU" show --db "$1" --width 100000 "$s"
    done
    "$GONGFU" targets --db "$1" --kind all
}

# SOURCE TITLE_LINE: every format agrees (the text; a government page; the page as Word
# saves it; an older CMS's page of nested tables; .docx; PDF; a PDF in two columns, as a
# gazette sets it), detected by content (the
# copies have no extension that says what they are).
same_in_every_format() {
    name=$(basename "$1" .txt)
    sh tests/fixtures/make-fixtures.sh "$1" "$2" "$T/$name" || { fail "fixtures of $1"; return; }
    cp "$T/$name-word.html" "$T/$name.word"
    cp "$T/$name-tables.html" "$T/$name.tables"
    cp "$T/$name-columns.pdf" "$T/$name.columns"
    for f in txt html word tables docx pdf columns; do
        cp "$T/$name.$f" "$T/$name-as-$f"
        status 0 "import $name.$f" "$GONGFU" import --db "$T/$name-$f.db" "$T/$name-as-$f"
        snapshot "$T/$name-$f.db" >"$T/$name-$f.out"
    done
    [ "$(wc -l <"$T/$name-txt.out")" -gt 20 ] || fail "$name: the text import shows almost nothing"
    for f in html word tables docx pdf columns; do
        same "$T/$name-txt.out" "$T/$name-$f.out" "$name as $f"
    done
}
same_in_every_format data/corpus/zhoushan-plan.txt 11
same_in_every_format data/corpus/jinhua-plan.txt 1
same_in_every_format data/corpus/zhejiang-opengov-2021-and-central-opinions.txt 3
same_in_every_format tests/fixtures/indicators.txt 1

# What each reader was given to drop is in no stored text: the PDF's page numbers and
# running header, the web page's navigation, breadcrumb, side bar, share bar and footer.
python3 - "$T/zhoushan-plan-pdf.db" "$T/zhoushan-plan-html.db" "$T/zhoushan-plan-word.db" \
    "$T/zhoushan-plan-tables.db" "$T/zhoushan-plan-columns.db" <<'PY' || fail "furniture or chrome was stored"
import re, sqlite3, sys
for db, bad in ((sys.argv[1], [r"— \d+ —"]), (sys.argv[5], [r"— \d+ —"]),
                (sys.argv[2], ["手机版", "您现在的位置", "相关文件", "分享到", "打印本页", "版权所有",
                               "ICP备", "document.write", "政务公开"]),
                (sys.argv[3], ["supportLists", "endif", "<!", "mso", "admin", "o:p"]),
                (sys.argv[4], ["当前位置", "字体", "浏览次数", "重点工作督查的通知", "关闭窗口", "技术支持", "ICP备",
                               "政务公开", "便民服务"])):
    con = sqlite3.connect(db)
    texts = [r[0] for r in con.execute("SELECT text FROM node WHERE text IS NOT NULL")]
    texts += [r[0] for r in con.execute("SELECT title FROM node WHERE title IS NOT NULL")]
    for t in texts:
        for b in bad:
            if re.search(b, t):
                print(db, "holds", b); sys.exit(1)
    # the source keeps the file's identity: its size is the file's, its text what is shown
    size, enc = con.execute("SELECT size, encoding FROM source").fetchone()
    if size < 1000 or enc not in ("pdf", "html GB18030"):
        print(db, "source", size, enc); sys.exit(1)
PY
header=$(sed -n 11p data/corpus/zhoushan-plan.txt)
[ "$(grep -c -F "$header" "$T/zhoushan-plan-pdf.out")" = "$(grep -c -F "$header" "$T/zhoushan-plan-txt.out")" ] ||
    fail "the PDF's running header reached the text"

# The central committee's recommendations as a school's web site has them (the copy in
# tests/dev/corpus, see its README).
status 0 "import the recommendations page" "$GONGFU" import --db "$T/r.db" tests/dev/corpus/national_15th_fyp_recommendations_2025_cpc_central_committee.html
"$GONGFU" docs --db "$T/r.db" >"$T/r.docs"
contains "$T/r.docs" "national-recommendations	全国	national	中共中央关于制定国民经济和社会发展第十五个五年规划的建议	15	61	2025-10-23" "recommendations page"
"$GONGFU" tree --db "$T/r.db" national-recommendations >"$T/r.tree"
contains "$T/r.tree" "^1.1	item	（1）	“十四五”时期我国发展取得重大成就$" "item (1)"
contains "$T/r.tree" "^15.61	item	（61）	" "item (61)"
[ "$(grep -c '	item	（' "$T/r.tree")" = 61 ] || fail "items (1)…(61) numbered across the parts"
"$GONGFU" show --db "$T/r.db" --width 100000 national-recommendations >"$T/r.show"
for bad in 绍兴市第一中学 推荐阅读 当前位置 点击数 进入后台编辑 每周一学 学习专栏; do
    lacks "$T/r.show" "$bad" "recommendations text"
done

# Bad files: one line naming the file and why, and nothing imported, alone or with a good file.
"$GONGFU" import --db "$T/bad.db" data/corpus/zhoushan-plan.txt 2>/dev/null
snapshot "$T/bad.db" >"$T/bad.before"
Z="$T/zhoushan-plan"
head -c 20000 "$Z.docx" >"$T/truncated.docx"
python3 - "$Z.pdf" "$T" <<'PY'
import sys, zipfile
pdf = open(sys.argv[1], "rb").read()
i = pdf.rfind(b"startxref")
open(sys.argv[2] + "/brokenxref.pdf", "wb").write(pdf[:i] + b"startxref\n999999\n%%EOF\n")
open(sys.argv[2] + "/truncated.pdf", "wb").write(pdf[:len(pdf) // 3])
with zipfile.ZipFile(sys.argv[2] + "/sheet.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", "<workbook/>")
open(sys.argv[2] + "/old.doc", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
PY
sed 's/charset=gb2312/charset=utf-8/' "$Z.html" >"$T/wrongcharset.html"
mutool clean -E aes-128 -U secret -O owner "$Z.pdf" "$T/encrypted.pdf" 2>/dev/null
python3 - "$T/scan.pdf" <<'PY'
import sys
try:
    import cairo
except ImportError:
    sys.path.insert(0, "/usr/lib/python3/dist-packages")
    import cairo
s = cairo.PDFSurface(sys.argv[1], 595, 842)
c = cairo.Context(s)
img = cairo.ImageSurface(cairo.FORMAT_RGB24, 200, 100)
ic = cairo.Context(img)
ic.set_source_rgb(1, 1, 1); ic.paint(); ic.set_source_rgb(0, 0, 0); ic.rectangle(20, 20, 150, 10); ic.fill()
for _ in range(2):
    c.set_source_surface(img, 100, 100); c.paint(); c.show_page()
s.finish()
PY
refused() {   # FILE MESSAGE
    status 1 "import $1" "$GONGFU" import --db "$T/bad.db" "$T/$1"
    contains "$T/err" "$1: $2" "message for $1"
    contains "$T/err" "nothing was imported" "rollback for $1"
    [ "$(wc -l <"$T/err")" -eq 1 ] || fail "$1: more than one line: $(cat "$T/err")"
    status 1 "import a good file and $1" "$GONGFU" import --db "$T/bad.db" data/corpus/jinhua-plan.txt "$T/$1"
}
refused truncated.docx "not a readable Word document: the zip archive is truncated or damaged"
refused brokenxref.pdf "a broken PDF: its cross-reference table is damaged"
refused truncated.pdf ".*PDF"
refused wrongcharset.html "the page declares charset utf-8, but byte [0-9]*: not valid UTF-8"
refused encrypted.pdf "an encrypted PDF that needs a password"
refused scan.pdf "no text layer: 2 pages of images"
refused sheet.xlsx "a zip archive without word/document.xml: not a Word document"
refused old.doc "an old-style Office file"
snapshot "$T/bad.db" >"$T/bad.after"
same "$T/bad.before" "$T/bad.after" "database after refused files"

# --format forces a reader: a page read as text keeps its tags, a text read as PDF fails.
status 0 "html --format text" "$GONGFU" import --db "$T/f.db" --format text tests/dev/corpus/national_15th_fyp_recommendations_2025_cpc_central_committee.html
"$GONGFU" docs --db "$T/f.db" | grep -q "national-recommendations" && fail "--format text still read the page as HTML"
status 1 "text --format pdf" "$GONGFU" import --db "$T/f.db" --format pdf data/corpus/jinhua-plan.txt
contains "$T/err" "jinhua-plan.txt: not a readable PDF" "forced PDF message"
status 2 "bad --format" "$GONGFU" import --db "$T/f.db" --format odt data/corpus/jinhua-plan.txt
# A page whose charset is wrong reads with --encoding.
status 0 "--encoding GB18030" "$GONGFU" import --db "$T/f.db" --encoding GB18030 "$T/wrongcharset.html"
finish
