#!/bin/sh
# `gongfu ask` (issue 17): the question set written by a reader who never saw the code
# (tests/golden/ask/questions.tsv: lookups, which, ranks, comparisons, progress, measures
# and questions nobody can answer), every one checked against the facts the reader expects
# (tests/ask/golden.c; tests/ask/pending.tsv names those that wait for data not yet
# embedded). Then the command line: exit statuses, the formats, --help, Traditional and
# Simplified alike, and a user who is not root asking of a database they cannot write.
# usage: sh tests/ask/t_ask.sh BUILD_DIR
. tests/cli/lib.sh

if "$B/ask_golden" "$DB" tests/golden/ask/questions.tsv tests/ask/pending.tsv data >"$T/golden"
then tail -n 1 "$T/golden"; else grep -v '^ok ' "$T/golden"; fail "the question set"; fi

# Answered: 0; what the documents cannot answer: 1, saying why, with no rows; usage: 2.
status 0 "an answer" "$GONGFU" ask --db "$DB" 金华的县域就诊率目标是多少
status 1 "a region with no document" "$GONGFU" ask --db "$DB" 丽水的托位目标是多少
contains "$T/out" "没有丽水市的文件" "why it cannot answer"
status 1 "an indicator nobody set" "$GONGFU" ask --db "$DB" --format tsv 舟山的海底隧道长度目标
[ "$(wc -l <"$T/out")" = 1 ] || fail "no rows after the header when nothing answers"
contains "$T/err" "gongfu ask: 文件中没有" "tsv says why on stderr"
status 2 "no question" "$GONGFU" ask --db "$DB"
status 2 "a bad format" "$GONGFU" ask --db "$DB" --format xml 托位
status 1 "no database" "$GONGFU" ask --db "$T/none.db" 托位

# --help names every kind of question it understands, each with its examples, which are
# data (data/ask_examples.tsv) the embedded documents answer as their kind.
"$GONGFU" ask --help >"$T/help"
for k in lookup which rank compare progress measures; do contains "$T/help" "$k" "--help"; done
grep -v '^#' data/ask_examples.tsv | while IFS="$(printf '\t')" read -r kind q; do
    grep -q -- "$q" "$T/help" || fail "--help lacks the example $q"
    "$GONGFU" ask --db "$DB" --format json "$q" >"$T/ex.json" || fail "the example $q: exit $?"
    python3 -c 'import json, sys; a = json.load(open(sys.argv[1])); sys.exit(a["kind"] != sys.argv[2])' \
        "$T/ex.json" "$kind" || fail "the example $q is not read as $kind"
done
mkdir "$T/data" && cp data/*.tsv "$T/data/"
printf 'lookup\t问例一\nlookup\t问例二\nrank\t问例三\n' >"$T/data/ask_examples.tsv"
GONGFU_DATA="$T/data" "$GONGFU" ask --help >"$T/help2"
grep -q "^  lookup    a region's value          问例一$" "$T/help2" &&
    grep -q "^                                      问例二$" "$T/help2" &&
    grep -q "^  rank      the highest, lowest or    问例三$" "$T/help2" &&
    grep -q "^  compare   regions side by side$" "$T/help2" ||
    fail "--help does not show data/ask_examples.tsv's questions: $(cat "$T/help2")"

# json is one object; tsv has the columns; both carry each row's source.
"$GONGFU" ask --db "$DB" --format json 哪些城市提出了劳动报酬占GDP比重的目标 >"$T/json" ||
    fail "json exit"
python3 - "$T/json" <<'EOF' || fail "json"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["kind"] == "which" and a["answered"] is True, a
assert a["rows"] and all(r["slug"] and r["path"] and r["sentence"] for r in a["rows"]), a
assert all(r["value"] in r["sentence"] for r in a["rows"]), "a value not in its sentence"
EOF
"$GONGFU" ask --db "$DB" --format tsv 哪些城市提出了劳动报酬占GDP比重的目标 >"$T/tsv"
head -n 1 "$T/tsv" | grep -q "^answer	region	indicator	kind	comparator	value	unit	year	" ||
    fail "tsv header: $(head -n 1 "$T/tsv")"

# A measures question searches its topic without the grammar at its edge: "关于X的措施"
# searches X, not "X的" (which would find only the sections where a 的 follows).
"$GONGFU" ask --db "$DB" --format json 台州有哪些关于民营经济的措施？ >"$T/mjson" || fail "measures json exit"
python3 - "$T/mjson" <<'EOF2' || fail "a measures topic kept its 的"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["kind"] == "measures" and a["answered"], a
assert "的”" not in (a["reading"] or ""), a["reading"]
EOF2

# Progress for a region that reports a value no imported target of its names: the
# indicator that names the whole subject, not a target of its that names part of it
# (浙江省 reports 收入倍差 1.81; its 城乡居民收入 target is another thing).
"$GONGFU" ask --db "$DB" --format json 浙江的城乡居民收入倍差完成了吗 >"$T/pjson" || fail "progress json exit"
python3 - "$T/pjson" <<'EOF2' || fail "progress took a target naming part of the subject"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["kind"] == "progress" and a["rows"], a
assert all(r["indicator"] == "城乡居民收入倍差" for r in a["rows"] if r["answer"]), a["rows"]
EOF2

# The targets still ahead are named by their years, each once, earliest first.
"$GONGFU" ask --db "$DB" 浙江省研发投入强度的目标实现了吗 >"$T/ahead" || fail "progress exit"
head -n 1 "$T/ahead" | grep -q "目标在2026年、2030年才到期" || fail "years ahead: $(head -n 1 "$T/ahead")"

# Traditional, full-width and Simplified questions get the same rows.
"$GONGFU" ask --db "$DB" --format tsv 臺州的每萬人口擁有律師數目標是多少？ >"$T/trad"
"$GONGFU" ask --db "$DB" --format tsv 台州的每万人口拥有律师数目标是多少? >"$T/simp"
same "$T/simp" "$T/trad" "a Traditional question"

# Text for people: the answer, the rows, each source as slug:path with its sentence.
"$GONGFU" ask --db "$DB" 比较台州和金华的城镇登记失业率 >"$T/text"
contains "$T/text" "taizhou-plan:" "text cites its source"
contains "$T/text" "原文丢了单位" "text explains a unit the source lost"

# A user who is not root, reading a database they cannot write in a directory they cannot
# write either (as on the shared server).
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v setpriv >/dev/null; then
    id gfask >/dev/null 2>&1 || useradd -M -d /nonexistent -s /usr/sbin/nologin gfask
    chmod 755 "$T" && mkdir "$T/srv" && cp "$DB" "$T/srv/shared.db" && chmod 444 "$T/srv/shared.db"
    if setpriv --reuid=gfask --regid=gfask --clear-groups env HOME=/nonexistent \
        "$GONGFU" ask --db "$T/srv/shared.db" 舟山的城乡居民收入倍差目标 >"$T/user" 2>&1; then
        contains "$T/user" "zhoushan-plan:1" "a user's answer"
        cmp -s "$DB" "$T/srv/shared.db" || fail "asking changed the database"
    else
        fail "as a user who is not root: $(cat "$T/user")"
    fi
fi
finish
