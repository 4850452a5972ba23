# Spreadsheets: `targets` and `compare` with --format xlsx --output FILE, read back with
# openpyxl (a reader that is not ours): numbers stored as numbers, the Chinese intact, a
# frozen header, widths that fit Chinese text, the compare table as its second sheet laid
# out as on screen; never an existing file without --force, never half a file. And the
# long-form csv of compare.
. tests/cli/lib.sh
# Debian's python3, where python3-openpyxl installs (a pyenv python3 may come first on PATH).
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || { fail "python3-openpyxl is not installed"; finish; }

"$GONGFU" targets --db "$DB" >"$T/targets.tsv"
"$GONGFU" targets --format xlsx --db "$DB" --output "$T/t.xlsx" 2>"$T/e" || { fail "targets xlsx: $(cat "$T/e")"; }
grep -q "targets written to $T/t.xlsx" "$T/e" || fail "targets xlsx says nothing of where: $(cat "$T/e")"
$PY - "$T/t.xlsx" "$T/targets.tsv" <<'PY' || fail "targets.xlsx as openpyxl reads it"
import csv, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["targets"], wb.sheetnames
ws = wb["targets"]
rows = list(ws.iter_rows(values_only=True))
head = list(rows[0])
want = ["region", "indicator", "indicator_slug", "category", "phrase", "kind", "comparator",
        "value", "unit", "year", "frequency", "flags", "set_by", "source", "sentence"]
assert head == want, head
assert ws.freeze_panes == "A2", ws.freeze_panes
assert all(c.font.b for c in ws[1]), "header not bold"
tsv = list(csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"))
body = [dict(zip(head, r)) for r in rows[1:]]
assert len(body) == len(tsv), (len(body), len(tsv))
numbers = 0
for x, t in zip(body, tsv):
    assert x["region"] == t["region"] and x["phrase"] == t["phrase"], (x, t)
    assert x["source"] == t["slug"] + ":" + t["path"], (x["source"], t)
    assert (x["unit"] or "") == t["unit"] and (x["flags"] or "") == t["flags"]
    assert x["kind"] == t["kind"] and x["frequency"] == t["frequency"], (x, t)
    assert (x["set_by"] or "") == t["set_by"], (x, t)
    try:
        float(t["value"])
        assert isinstance(x["value"], (int, float)), ("value not a number", x)
        assert abs(x["value"] - float(t["value"])) < 1e-9
        numbers += 1
    except ValueError:
        if "qualitative" in t["flags"]:
            assert x["value"] == t["value"], (x, t)      # the words
        else:
            assert isinstance(x["value"], (int, float)), x   # a numeral such as 两: its number
    if t["year"]:
        assert isinstance(x["year"], int) and x["year"] == int(t["year"]), x
    # The sentence holds the target's value as written, or in Chinese numerals (两倍 is 2).
    assert t["value"] in x["sentence"] or re.search("[一两二三四五六七八九十百千万萬亿億]",
                                                    x["sentence"]), (t["value"], x["sentence"])
assert numbers > 100, numbers
assert any(x["region"] == "舟山市" for x in body)
# Widths fit the text as drawn: 舟山市 is 6 columns, wider than "region".
w = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMNO"}
assert w["A"] >= 6 and w["E"] > w["A"], w
assert 50 <= w["O"] <= 70, w          # long sentences wrap instead of widening the sheet
PY

# Never replaces a file without --force; with it, does.
cp "$T/t.xlsx" "$T/before.xlsx"
"$GONGFU" targets --format xlsx --db "$DB" --output "$T/t.xlsx" --region 舟山 2>"$T/e"; rc=$?
[ "$rc" -eq 1 ] || fail "targets xlsx over an existing file: exit $rc"
grep -q "$T/t.xlsx: the file exists; --force replaces it" "$T/e" || fail "no-replace message: $(cat "$T/e")"
cmp -s "$T/t.xlsx" "$T/before.xlsx" || fail "the existing file was changed"
"$GONGFU" targets --region 舟山 --format xlsx --force --db "$DB" --output "$T/t.xlsx" 2>"$T/e" || fail "--force: $(cat "$T/e")"
cmp -s "$T/t.xlsx" "$T/before.xlsx" && fail "--force did not replace the file"
# A symlink planted at the name is refused; with --force replaced, its target untouched.
echo precious >"$T/victim"
ln -s "$T/victim" "$T/link.xlsx"
"$GONGFU" compare --format xlsx --db "$DB" --output "$T/link.xlsx" 2>/dev/null && fail "wrote over a symlink"
"$GONGFU" compare --format xlsx --db "$DB" --output "$T/link.xlsx" --force 2>/dev/null || fail "compare --force over a symlink"
[ "$(cat "$T/victim")" = precious ] || fail "wrote through the symlink"
[ -L "$T/link.xlsx" ] && fail "the symlink is still there after --force"
# Usage: xlsx needs --output; a directory that cannot be written leaves nothing.
status 2 "xlsx without --output" "$GONGFU" targets --format xlsx --db "$DB"
grep -q -- "--format xlsx needs --output FILE" "$T/err" || fail "xlsx without --output: $(cat "$T/err")"
mkdir "$T/ro" && chmod 555 "$T/ro"
# As a user who cannot write there (root can): nobody, when run as root.
as_user=""
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
    chmod 711 "$T"
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
status 1 "xlsx into a read-only directory" $as_user "$GONGFU" targets --format xlsx --db "$DB" --output "$T/ro/x.xlsx"
grep -q "$T/ro/x.xlsx: cannot write in $T/ro" "$T/err" || fail "read-only directory: $(cat "$T/err")"
ls -A "$T/ro" | grep -q . && fail "files left in $T/ro"
ls -A "$T" | grep -q '^\.gongfu-export' && fail "a temporary directory was left in $T"

# compare: the long form, then the table as on screen, cell for cell as the tsv prints it.
"$GONGFU" compare --db "$DB" --year 2025 >"$T/compare.tsv"
"$GONGFU" compare --year 2025 --output "$T/c.xlsx" --format=xlsx --db "$DB" 2>"$T/e" || fail "compare xlsx: $(cat "$T/e")"
"$GONGFU" compare --year 2025 --format csv --db "$DB" >"$T/c.csv" || fail "compare csv"
$PY - "$T/c.xlsx" "$T/compare.tsv" "$T/c.csv" <<'PY' || fail "compare.xlsx as openpyxl reads it"
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["targets", "compare"], wb.sheetnames
tsv = list(csv.reader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"))
wide = [list(r) for r in wb["compare"].iter_rows(values_only=True)]
regions = tsv[0][3:]
assert wide[0] == ["indicator"] + regions, (wide[0], regions)
assert wb["compare"].freeze_panes == "A2"
rows = [r for r in wide[1:] if any(c is not None for c in r[1:])]
heads = [r[0] for r in wide[1:] if all(c is None for c in r[1:])]
assert len(rows) == len(tsv) - 1, (len(rows), len(tsv))
for x, t in zip(rows, tsv[1:]):
    assert x[0] == t[0], (x, t)
    assert [c or "" for c in x[1:]] == t[3:], (x, t)
assert set(heads) <= {t[2] for t in tsv[1:]} and len(heads) >= 3, heads
long = list(wb["targets"].iter_rows(values_only=True))
col = {name: i for i, name in enumerate(long[0])}
assert all(r[col["year"]] == 2025 for r in long[1:]), "a year other than 2025"
assert all(r[col["kind"]] == "target" for r in long[1:]), "compare holds only targets"
assert any(isinstance(r[col["value"]], (int, float)) for r in long[1:])
# The csv is the same long form, as text.
rows_csv = list(csv.reader(open(sys.argv[3], encoding="utf-8")))
assert rows_csv[0] == list(long[0]), rows_csv[0]
assert len(rows_csv) == len(long), (len(rows_csv), len(long))
for c, x in zip(rows_csv[1:], long[1:]):
    assert c[0] == x[0] and c[col["phrase"]] == x[col["phrase"]], (c, x)
    assert c[col["source"]] == x[col["source"]] and c[col["sentence"]] == x[col["sentence"]]
PY
# csv-excel: the same with the BOM.
"$GONGFU" compare --year 2025 --format csv-excel --db "$DB" >"$T/ce.csv"
[ "$(head -c 3 "$T/ce.csv")" = "$(printf '\357\273\277')" ] || fail "compare csv-excel: no BOM"
tail -c +4 "$T/ce.csv" | cmp -s - "$T/c.csv" || fail "compare csv-excel differs from csv after the BOM"
# --output for text formats: written whole, refused over a file.
"$GONGFU" compare --db "$DB" --year 2025 --output "$T/c.tsv" || fail "compare --output tsv"
same "$T/compare.tsv" "$T/c.tsv" "compare --output"
"$GONGFU" compare --db "$DB" --output "$T/c.tsv" 2>/dev/null && fail "compare --output replaced a file"
same "$T/compare.tsv" "$T/c.tsv" "compare --output refused"

# progress: a work report's targets beside the values it reports, in long form — target
# and reported value as numbers, each side's source and sentence; csv the same as text.
"$GONGFU" import --db "$T/p.db" tests/dev/corpus/zhejiang_gov_work_report_2026.txt 2>/dev/null ||
    fail "import the work report"
"$GONGFU" progress --db "$T/p.db" >"$T/p.tsv"
"$GONGFU" progress --output "$T/p.xlsx" --db "$T/p.db" --format xlsx 2>"$T/e" || fail "progress xlsx: $(cat "$T/e")"
"$GONGFU" progress --db "$T/p.db" --format csv >"$T/p.csv" || fail "progress csv"
$PY - "$T/p.xlsx" "$T/p.tsv" "$T/p.csv" <<'PY' || fail "progress.xlsx as openpyxl reads it"
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["progress"], wb.sheetnames
ws = wb["progress"]
assert ws.freeze_panes == "A2"
rows = list(ws.iter_rows(values_only=True))
col = {n: i for i, n in enumerate(rows[0])}
tsv = list(csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"))
assert len(rows) - 1 == len(tsv), (len(rows), len(tsv))
seen = 0
for x, t in zip(rows[1:], tsv):
    assert x[col["status"]] == t["status"] and x[col["region"]] == t["region"], (x, t)
    assert (x[col["target_source"]] or "") == t["target_source"], (x, t)
    if t["status"] == "no target":      # a value reported that no imported target names
        assert x[col["target"]] is None and isinstance(x[col["reported"]], (int, float)), x
        assert x[col["reported_source"]] == t["reported_source"], (x, t)
    elif t["status"] != "no data":
        seen += 1
        assert isinstance(x[col["target"]], (int, float)), x
        assert isinstance(x[col["reported"]], (int, float)), x
        assert x[col["reported_source"]] == t["reported_source"], (x, t)
        assert x[col["reported_year"]] == int(t["reported_year"]), (x, t)
        assert str(x[col["reported_sentence"]] or "") != "", x
assert seen >= 3, seen
text = list(csv.reader(open(sys.argv[3], encoding="utf-8")))
assert text[0] == list(rows[0]) and len(text) == len(rows), (text[0], len(text))
PY

# The explorer's compare view: `e` asks for the name (gongfu-compare.xlsx offered), the
# table goes out as shown — here filtered to 托位 — and never over an existing file.
mkdir -p "$T/work" "$T/state"
explore() { # explore SCRIPT: the explorer headless in $T/work with that key script
    printf '%s\n' "$1" >"$T/keys"
    (cd "$T/work" && XDG_STATE_HOME="$T/state" HOME="$T" GONGFU_HEADLESS=120x40 \
        GONGFU_SCRIPT="$T/keys" "$GONGFU" --db "$DB" >/dev/null 2>"$T/e") || fail "explorer: $(cat "$T/e")"
}
explore "keys c /
type 托位
keys <Enter> e
dump $T/ask.txt
keys <Enter>
dump $T/done.txt"
grep -q "导出到 (.xlsx 或 .csv): gongfu-compare.xlsx" "$T/ask.txt" || fail "the export does not offer a name: $(tail -2 "$T/ask.txt")"
grep -q "已导出 [0-9]* 个指标到 $T/work/gongfu-compare.xlsx" "$T/done.txt" || fail "export message: $(tail -1 "$T/done.txt")"
$PY - "$T/work/gongfu-compare.xlsx" <<'PY' || fail "the explorer's xlsx as openpyxl reads it"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["targets", "compare"], wb.sheetnames
wide = [r for r in wb["compare"].iter_rows(values_only=True)][1:]
rows = [r for r in wide if any(c is not None for c in r[1:])]
assert rows and all("托位" in r[0] for r in rows), [r[0] for r in wide]
long = list(wb["targets"].iter_rows(values_only=True))
assert len(long) > 1 and all("托位" in (r[1] or "") for r in long[1:]), long[:3]
assert any(isinstance(r[7], (int, float)) for r in long[1:])
PY
# The next offer is a free name; a name typed over an existing file is refused.
cp "$T/work/gongfu-compare.xlsx" "$T/keep.xlsx"
explore "keys c e
dump $T/ask2.txt
keys <C-u>
type gongfu-compare.xlsx
keys <Enter>
dump $T/refused.txt
keys e <C-u>
type notes.txt
keys <Enter>
dump $T/badext.txt"
grep -q "gongfu-compare-2.xlsx" "$T/ask2.txt" || fail "the second export offers no free name: $(tail -2 "$T/ask2.txt")"
grep -q "the file exists" "$T/refused.txt" || fail "no refusal: $(tail -1 "$T/refused.txt")"
cmp -s "$T/work/gongfu-compare.xlsx" "$T/keep.xlsx" || fail "the explorer replaced an existing file"
grep -q "文件名请以 .xlsx 或 .csv 结尾" "$T/badext.txt" || fail "a name without .xlsx/.csv: $(tail -1 "$T/badext.txt")"
[ -e "$T/work/notes.txt" ] && fail "wrote a file with an unknown ending"
# A name ending .csv writes the long form as csv, with the BOM Excel and WPS need: the
# same rows as `gongfu compare --format csv-excel` for what the view shows.
explore "keys c e <C-u>
type 托位.csv
keys <Enter>
dump $T/csvdone.txt"
grep -q "已导出 [0-9]* 个指标到 $T/work/托位.csv" "$T/csvdone.txt" || fail "csv export message: $(tail -1 "$T/csvdone.txt")"
[ "$(head -c 3 "$T/work/托位.csv")" = "$(printf '\357\273\277')" ] || fail "the explorer's csv has no BOM"
$PY - "$T/work/托位.csv" "$T/c.csv" <<'PY' || fail "the explorer's csv"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
cli = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert rows[0] == cli[0], (rows[0], cli[0])
assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows), len(rows)
assert any(r[rows[0].index("value")].replace(".", "").isdigit() for r in rows[1:]), rows[:3]
PY
ls -A "$T/work" | grep -q '^\.gongfu-export' && fail "a temporary directory was left in the working directory"
finish
