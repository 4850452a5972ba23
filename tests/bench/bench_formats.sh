#!/bin/sh
# Import speed per format, on the embedded plans made into web pages, Word documents and
# PDFs (tests/fixtures/make-fixtures.sh), next to a reference tool reading the same bytes in
# the same run: xmllint --html for the pages, unzip -p (the XML alone) and pandoc -t plain
# for the .docx files, mutool draw -F txt for the PDFs, iconv for the texts. The import does
# more (structure, targets, search index, one transaction), so a ratio near the tool's is the
# aim, not below it. Each figure is the best of three runs.
. tests/bench/lib.sh

# title lines of the embedded plans, for the fixtures' layout
for spec in jinhua-plan:1 taizhou-plan:4 zhejiang-opengov-2021-and-central-opinions:3 \
            zhejiang-plan-part2:3 zhoushan-plan:11; do
    sh tests/fixtures/make-fixtures.sh "data/corpus/${spec%:*}.txt" "${spec#*:}" "$T/${spec%:*}" ||
        { echo "fixtures failed"; exit 1; }
done

# bench FORMAT REFERENCE-NAME REFERENCE-COMMAND (run once per file, {} the file)
bench() {
    fmt=$1 ref=$2 cmd=$3
    set -- "$T"/*."$fmt"
    size=$(mb "$@")
    imp=999 rt=999
    for round in 1 2 3; do              # the best of three of each: the machine is shared
        rm -f "$T/b.db"*
        t0=$(now); "$GONGFU" import --db "$T/b.db" "$@" 2>/dev/null || { echo "import $fmt failed"; return 1; }; t1=$(now)
        for f in "$@"; do eval "$(echo "$cmd" | sed "s|{}|\"$f\"|g")" >/dev/null 2>&1; done; t2=$(now)
        imp=$(echo "$imp $t0 $t1" | awk '{ d = $3 - $2; print d < $1 ? d : $1 }')
        rt=$(echo "$rt $t1 $t2" | awk '{ d = $3 - $2; print d < $1 ? d : $1 }')
    done
    [ "$fmt" = txt ] && echo "$imp" >"$T/txt.time"
    awk -v f="$fmt" -v r="$ref" -v n="$#" -v s="$size" -v imp="$imp" -v rt="$rt" \
        -v txt="$(cat "$T/txt.time")" 'BEGIN {
        if (rt < 1e-4) rt = 1e-4
        printf "import %-4s %d files %5.2f MB in %6.3f s = %5.2f MB/s (%4.1fx the text import)   %-8s %6.3f s   import/%s %5.1fx\n",
               f, n, s, imp, s / imp, imp / txt, r, rt, r, imp / rt }'
}
bench txt iconv "iconv -f utf-8 -t utf-16 {}"
bench html xmllint "xmllint --html --noout --nonet {}"
bench docx "unzip -p" "unzip -p {} word/document.xml"
bench docx pandoc "pandoc -t plain {}"
bench pdf mutool "mutool draw -q -F txt -o /dev/null {}"
