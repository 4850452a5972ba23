# --region of every command that reads by region (targets, progress, search): a name that
# is no region of data/regions.tsv nor of a document is a usage error (exit 2) with the
# nearest name, as a mistyped slug or command gets; a region's alias, its Traditional
# spelling, the start of its name, a region with no document and a region only the
# documents name are regions (exit 0). import's --region names the documents' region,
# which need not be in the list, and is not checked.
. tests/cli/lib.sh
"$GONGFU" import --db "$T/own.db" --region 自定区 data/corpus/zhoushan-plan.txt 2>"$T/err" ||
    fail "import with a region of its own: $(cat "$T/err")"
for c in targets progress "search 托位"; do
    status 2 "$c --region 舟三" "$GONGFU" $c --db "$DB" --region 舟三
    contains "$T/err" "no region '舟三'.*did you mean 舟山?" "$c --region 舟三"
    [ -s "$T/out" ] && fail "$c --region 舟三 printed a table: $(head -2 "$T/out")"
    status 2 "$c --region xyz" "$GONGFU" $c --db "$DB" --region xyzzy
    contains "$T/err" "no region 'xyzzy'" "$c --region xyzzy"
    for r in 舟山 舟山市 臺州 浙 丽水; do
        status 0 "$c --region $r" "$GONGFU" $c --db "$DB" --region "$r"
    done
    status 0 "$c --region 自定区 (a document's)" "$GONGFU" $c --db "$T/own.db" --region 自定区
    status 2 "$c --region 自定 (near a document's)" "$GONGFU" $c --db "$T/own.db" --region 自宝区
    contains "$T/err" "did you mean 自定区?" "$c: the nearest of the documents' regions"
done
finish
