# Files shaped to make the importer slow: thousands of lines that look like document
# titles, a chapter line of a million bytes of words with no punctuation, a pipe table of
# 100,000 cells, 100,000 metadata lines, paragraphs that never end a sentence. Each
# imports in linear time: within 20 s (60 s in the ASan build) where the quadratic code
# took minutes.
. tests/cli/lib.sh
. tests/hardening/lib.sh
case "$B" in *asan*) limit=60 ;; *) limit=20 ;; esac
python3 - "$T" <<'PY'
import sys
d = sys.argv[1]
shapes = {
    "titles": "一、总体要求\n" + "".join("第%d号测试实施方案\n" % i for i in range(20000)),
    "titles-paras": "一、总体要求\n" + "".join("第%d号测试实施方案\n正文。\n" % i for i in range(20000)) + "二、第二章\n",
    "long-chapter-line": "一、" + "标题 " * 200000 + "\n",
    "chapter-then-words": "标题\n一、总体要求 " + "正文 " * 300000 + "\n",
    "inline-items": "一、总体要求\n" + " ".join("%d.条目" % (i % 1000 + 1) for i in range(50000)) + "\n",
    "pipe-cells": "|" + " | ".join("发布机构:" for i in range(100000)) + "\n一、章\n",
    "meta-lines": "发布日期:\n" * 100000 + "一、章\n",
    "jump-markers": "一、总体要求\n1.条目" + "(紧接第二版)" * 100000 + "\n",
    "bullets": "一、总体要求\n1.条目\n" + "——要点\n" * 100000,
    "unended": "一、总体要求\n" + "".join("段落没有结尾%d\n" % i for i in range(100000)),
}
for name, text in shapes.items():
    open("%s/%s.txt" % (d, name), "w").write(text)
PY
for f in titles titles-paras long-chapter-line chapter-then-words inline-items pipe-cells \
         meta-lines jump-markers bullets unended; do
    rm -f "$T/p.db"*
    t0=$(date +%s)
    timeout $limit "$GONGFU" import --db "$T/p.db" "$T/$f.txt" >"$T/out" 2>"$T/err"
    st=$?
    t1=$(date +%s)
    [ $st -eq 124 ] && { fail "$f: the import took more than $limit s"; continue; }
    [ $st -eq 0 ] || { fail "$f: exit $st: $(head -3 "$T/err")"; continue; }
    echo "$f: $(wc -c <"$T/$f.txt") bytes in $((t1 - t0)) s"
done
finish
