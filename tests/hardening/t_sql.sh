# Values from users and documents only ever reach SQL as bound parameters: a document
# titled "'); DROP TABLE doc;--", a region, a slug and search words shaped like SQL or
# FTS5 syntax are stored and found as plain text, and the database keeps every table.
. tests/cli/lib.sh
. tests/hardening/lib.sh
db="$T/sql.db"
evil="'); DROP TABLE doc;--"
cp "$DB" "$db"
"$GONGFU" docs --db "$db" | tail -n +2 | wc -l >"$T/ndocs"

# Titled by the option, with a region shaped the same way.
printf "一、总体要求\n托育服务体系基本建成，每千人口拥有托位数达到4.5个。%s\n" "$evil" >"$T/plan.txt"
clean 0 "import titled $evil" "$GONGFU" import --db "$db" --title "$evil" --region "x'); DROP TABLE node;--" "$T/plan.txt"
"$GONGFU" docs --db "$db" >"$T/docs"
contains "$T/docs" "$evil" "the title as given"
contains "$T/docs" "x'); DROP TABLE node;--" "the region as given"
[ "$(tail -n +2 "$T/docs" | wc -l)" -eq $(($(cat "$T/ndocs") + 1)) ] || fail "documents lost or doubled"
slug=$(grep -F "$evil" "$T/docs" | cut -f1)
clean 0 "tree of it" "$GONGFU" tree --db "$db" "$slug"
contains "$T/out" "总体要求" "its outline"

# Titled by its own first line (quotes and a comment marker; ';' would make it prose).
printf "关于') DROP TABLE doc--\"的实施方案\n一、总体要求\n托育服务体系基本建成。\n" >"$T/plan2.txt"
clean 0 "import with a quoted title line" "$GONGFU" import --db "$db" "$T/plan2.txt"
"$GONGFU" docs --db "$db" >"$T/docs"
contains "$T/docs" "关于') DROP TABLE doc--\"的实施方案" "the title line as written"

# Searched for (the text holds the title too; search covers sections, not titles): the
# whole thing as a query finds it, SQL and FTS5 syntax being only text.
clean 0 "search $evil" "$GONGFU" search --db "$db" -- "$evil"
contains "$T/out" "^$slug	" "search finds the document"
for q in "$evil" "\"$evil\"" "' OR 1=1 --" 'NEAR(托位 养老) * ^ :' '"' '托位" OR "1"="1' "托位 -" "-" "OR" \
         "x' UNION SELECT sqlite_version()--"; do
    clean "0" "search $q" "$GONGFU" search --db "$db" -- "$q"
done
# A region shaped like SQL names no region: a usage error (exit 2), nothing matched; the
# one the import stored reaches the query as text, and finds its document alone.
clean 2 "search with an evil region" "$GONGFU" search --db "$db" --region "' OR 1=1 --" 托位
[ "$(wc -l <"$T/out")" -le 1 ] || fail "a region shaped like SQL matched: $(head -3 "$T/out")"
clean 0 "search in the stored evil region" "$GONGFU" search --db "$db" --region "x'); DROP" 托位
[ "$(tail -n +2 "$T/out" | cut -f1 | sort -u)" = "$slug" ] ||
    fail "the stored evil region found other documents: $(head -3 "$T/out")"
clean 1 "show an evil slug" "$GONGFU" show --db "$db" "x' OR '1'='1"
contains "$T/err" "no document" "evil slug message"
clean 1 "tree an evil slug" "$GONGFU" tree --db "$db" "%"
clean 2 "targets for an evil region" "$GONGFU" targets --db "$db" --region "' OR 1=1 --"
clean 0 "targets for the stored evil region" "$GONGFU" targets --db "$db" --region "x'); DROP"
tail -n +2 "$T/out" | cut -f12 | grep -qvx "$slug" &&
    fail "the stored evil region's targets are another document's: $(head -3 "$T/out")"

# Every table is still there and the documents are whole.
python3 - "$db" >"$T/tables" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
    print(name)
PY
for t in doc node source meta; do
    grep -qx "$t" "$T/tables" || fail "table $t is gone"
done
clean 0 "docs afterwards" "$GONGFU" docs --db "$db"
[ "$(tail -n +2 "$T/out" | wc -l)" -eq $(($(cat "$T/ndocs") + 2)) ] || fail "documents lost"
finish
