# The embedded corpus: documents, outlines and text against golden files checked by hand.
. tests/cli/lib.sh

"$GONGFU" docs --db "$DB" >"$T/docs.tsv" && same tests/golden/docs.tsv "$T/docs.tsv" "gongfu docs"
for f in tests/golden/outline/*.tsv; do
    slug=$(basename "$f" .tsv)
    "$GONGFU" tree --db "$DB" "$slug" >"$T/tree.tsv" && same "$f" "$T/tree.tsv" "gongfu tree $slug"
done
"$GONGFU" show --db "$DB" --width 40 zhoushan-plan:4.15 >"$T/s1" && same tests/golden/show-zhoushan-4.15-w40.txt "$T/s1" "show zhoushan 4.15"
"$GONGFU" show --db "$DB" --width 72 taizhou-plan:1.3 >"$T/s2" && same tests/golden/show-taizhou-1.3-w72.txt "$T/s2" "show taizhou 1.3"

# What the issue asks of the text itself.
for slug in $(cut -f1 tests/golden/docs.tsv | tail -n +2); do "$GONGFU" show --db "$DB" --width 500 "$slug"; done >"$T/all.txt"
for bad in 浙大培训 "FOLLOW US" 相關詞條 基本介紹 "|" 紧接第二版 来源:浙江日报; do lacks "$T/all.txt" "$bad" "stored text"; done
"$GONGFU" show --db "$DB" --width 500 zhejiang-plan:8.44 >"$T/44" && contains "$T/44" 构建网络综合治理体系 "province item 44"
grep -q '^6.33	item	33	打造学习宣传实践习近平新时代中国特色社会主义思想的重要阵地$' tests/golden/outline/zhejiang-plan.tsv || fail "item 33 title"

# Every paragraph ends a sentence, except where the source itself lost the end (Taizhou's %).
"$GONGFU" show --db "$DB" --width 100000 zhoushan-plan | sed -n '3,$p' | grep -v '^$' | grep -v '^[0-9一二三四五六七八九十]\+[.、]' |
    grep -v '[。；：:！？）)”]$' >"$T/open" ; [ ! -s "$T/open" ] || { fail "paragraphs without an end:"; head -3 "$T/open"; }

# Widths: no output line is wider than asked, at several widths.
for w in 20 46 80 300; do
    "$GONGFU" show --db "$DB" --width $w jinhua-plan >"$T/w"
    python3 - "$T/w" $w <<'PY' 2>/dev/null || fail "show --width $w: a line is too wide"
import sys, unicodedata
w = int(sys.argv[2])
for line in open(sys.argv[1], encoding='utf-8'):
    cols = sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in line.rstrip('\n'))
    if cols > w: sys.exit(1)
PY
done
# json and csv are well formed and carry the same rows.
"$GONGFU" docs --db "$DB" --format json >"$T/docs.json"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==7 and d[0]['chapters']==8, d[0]" "$T/docs.json" || fail "docs json"
"$GONGFU" tree --db "$DB" --format csv jinhua-plan >"$T/t.csv"
python3 -c "import csv,sys; r=list(csv.reader(open(sys.argv[1]))); assert len(r)==53 and r[3][0]=='2.1', r[3]" "$T/t.csv" || fail "tree csv"
"$GONGFU" tree --db "$DB" --version | grep -q '^gongfu [0-9]' || fail "tree --version"
finish
