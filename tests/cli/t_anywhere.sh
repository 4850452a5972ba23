# Options go anywhere, as getopt_long permutes them: before, between and after the
# arguments of every command, also before the command's name; -- ends them; an unknown
# option or a bad value is an error that names it, with exit status 2.
. tests/cli/lib.sh

# alike WHAT CANONICAL :: PERMUTED: both commands succeed and print the same.
alike() {
    what=$1; shift
    canon=""
    while [ "$1" != "::" ]; do canon="$canon $(printf '%s' "$1" | sed "s/'/'\\\\''/g; s/^/'/; s/\$/'/")"; shift; done
    shift
    eval "\"\$GONGFU\" $canon" >"$T/a" 2>"$T/a.err" || { fail "$what: canonical form failed"; cat "$T/a.err"; }
    "$GONGFU" "$@" >"$T/b" 2>"$T/b.err" || { fail "$what: gongfu $*: exit $?"; cat "$T/b.err"; return; }
    [ -s "$T/a" ] || fail "$what: no output"
    cmp -s "$T/a" "$T/b" || { fail "$what: gongfu $* differs"; diff "$T/a" "$T/b" | head -5; }
}

# docs: options after the command, before it, as --opt=value.
alike "docs after" docs --db "$DB" --format csv :: docs --format csv --db "$DB"
alike "docs before the command" docs --db "$DB" :: --db "$DB" docs
alike "docs --opt=value" docs --db "$DB" --format json :: docs --format=json --db="$DB"
alike "docs abbreviated" docs --db "$DB" --format csv :: docs --form csv --db "$DB"
# tree and show: after the argument (the issue's examples).
alike "tree after" tree --db "$DB" --format csv zhoushan-plan :: tree zhoushan-plan --format csv --db "$DB"
alike "tree mixed" tree --db "$DB" --format csv zhoushan-plan :: tree --db "$DB" zhoushan-plan --format csv
alike "show after" show --db "$DB" --width 100 zhoushan-plan:4.15 :: show zhoushan-plan:4.15 --width 100 --db "$DB"
alike "show mixed" show --db "$DB" --width 40 zhoushan-plan :: show --width 40 zhoushan-plan --db "$DB"
# search: between and after the words; "-护理" is a word to exclude, not an option.
alike "search after" search --db "$DB" --limit 2 托位 :: search 托位 --limit 2 --db "$DB"
"$GONGFU" search 托位 --limit 2 --db "$DB" >"$T/o" && [ "$(wc -l <"$T/o")" -eq 3 ] ||
    fail "search 托位 --limit 2: not a header and 2 hits: $(cat "$T/o")"
alike "search between" search --db "$DB" --format csv --region 舟山 养老 服务 :: search 养老 --region 舟山 服务 --format csv --db "$DB"
alike "search exclusion" search --db "$DB" --limit 3 养老 -护理 :: search 养老 --limit 3 -护理 --db "$DB"
alike "search -- at the end" search --db "$DB" --limit 1 养老 :: search 养老 --limit 1 --db "$DB" --
"$GONGFU" search --db "$DB" -- --limit >"$T/o" 2>"$T/e" || fail "search -- --limit: a word after --"
[ "$(wc -l <"$T/o")" -eq 1 ] || fail "search -- --limit found something"
# targets and compare: no arguments, options in any order.
alike "targets" targets --db "$DB" --indicator urbanization-rate --format json :: --format json targets --indicator=urbanization-rate --db "$DB"
alike "compare" compare --db "$DB" --year 2035 :: compare --year=2035 --db "$DB"
# progress, related and ask: after the argument, and before the command.
alike "progress" progress --db "$DB" --region 浙江 --format csv :: progress --region 浙江 --format=csv --db "$DB"
alike "related" related --db "$DB" --limit 1 zhejiang-plan:0.29 :: related zhejiang-plan:0.29 --limit 1 --db="$DB"
alike "ask after" ask --db "$DB" --format tsv 舟山的托位目标是多少 :: ask 舟山的托位目标是多少 --format tsv --db "$DB"
alike "ask between" ask --db "$DB" --format tsv 舟山的托位目标是多少 :: --db "$DB" ask 舟山的托位目标 是多少 --format=tsv
# import: options between and after the files, "-" is standard input.
"$GONGFU" import --db "$T/a.db" --region 台州市 data/corpus/taizhou-plan.txt data/corpus/jinhua-plan.txt 2>"$T/e" ||
    { fail "import canonical"; cat "$T/e"; }
"$GONGFU" import data/corpus/taizhou-plan.txt --region 台州市 - --db "$T/b.db" <data/corpus/jinhua-plan.txt 2>"$T/e" ||
    { fail "import with options between and after"; cat "$T/e"; }
"$GONGFU" docs --db "$T/a.db" | cut -f2 >"$T/ra"
"$GONGFU" docs --db "$T/b.db" | cut -f2 >"$T/rb"
same "$T/ra" "$T/rb" "import's --region after the first file"
grep -q '^台州市$' "$T/rb" && ! grep -q '^金华市$' "$T/rb" || fail "import: --region did not apply to every file"

# The explorer: a SLUG:PATH with options after it, and --search words around options.
screen() { # screen NAME ARGS...: the first screen, headless at 100x30
    name=$1; shift
    echo "dump $T/$name.txt" >"$T/script"
    mkdir -p "$T/state"
    XDG_STATE_HOME="$T/state" HOME="$T" GONGFU_HEADLESS=100x30 GONGFU_SCRIPT="$T/script" \
        "$GONGFU" "$@" >/dev/null 2>"$T/e" || fail "explorer $*: exit $?: $(cat "$T/e")"
}
screen s1 --db "$DB" --theme mono zhoushan-plan:4.15
screen s2 zhoushan-plan:4.15 --theme mono --db "$DB"
same "$T/s1.txt" "$T/s2.txt" "explorer with options after SLUG:PATH"
grep -q 促进人口长期均衡发展 "$T/s2.txt" || fail "explorer did not open at zhoushan-plan:4.15"
screen s3 --db "$DB" --search 托位
screen s4 --search --db "$DB" 托位 --theme=mono
same "$T/s3.txt" "$T/s4.txt" "explorer --search with options after the words"

# Errors name what is wrong, exit 2, and say where help is.
err() { # err PATTERN COMMAND...
    pat=$1; shift
    "$GONGFU" "$@" >"$T/o" 2>"$T/e"; rc=$?
    [ "$rc" -eq 2 ] || fail "gongfu $*: exit $rc, wanted 2"
    grep -q -- "$pat" "$T/e" || fail "gongfu $*: '$pat' not in: $(cat "$T/e")"
    [ -s "$T/o" ] && fail "gongfu $*: printed to stdout on an error"
}
err "--limit '-1': not a whole number from 0" search 托位 --limit -1 --db "$DB"
err "--limit '99999999999'" search 托位 --limit 99999999999 --db "$DB"
err "--format 'nonsense': not one of tsv|csv" targets --format nonsense --db "$DB"
err "--format 'nonsense'" docs --db "$DB" --format nonsense
err "unknown option '--formt'; did you mean --format?" tree zhoushan-plan --formt csv
err "unknown option '--frobnicate'" compare --frobnicate
err "--width needs a value" show zhoushan-plan --width
err "--unlinked takes no value" targets --unlinked=yes
err "option '--d' is ambiguous" search 托位 --d x
err "--year 'soon'" compare --year soon
err "unexpected argument 'stray'" targets stray --db "$DB"
err "missing SLUG" tree --db "$DB"
err "missing QUERY" search --limit 3 --db "$DB"
err "unknown option '--limt'; did you mean --limit?" search 托位 --limt 3
err "unknown option '-x'" docs -x
err "Try 'gongfu docs --help'" docs --bogus
err "unknown option '--frobnicate'" --frobnicate
err "unexpected argument" zhoushan-plan taizhou-plan --db "$DB"
# A misspelt slug or command gets the nearest one.
"$GONGFU" tree zhousan-plan --db "$DB" 2>"$T/e" && fail "tree of a misspelt slug succeeded"
grep -q "no document 'zhousan-plan'; did you mean zhoushan-plan?" "$T/e" || fail "tree: no suggestion: $(cat "$T/e")"
"$GONGFU" show zhousan-plan:4.15 --db "$DB" 2>"$T/e"
grep -q "did you mean zhoushan-plan?" "$T/e" || fail "show: no suggestion: $(cat "$T/e")"
"$GONGFU" search 托位 --doc taizou-plan --db "$DB" 2>"$T/e" && fail "search --doc of a misspelt slug succeeded"
grep -q "did you mean taizhou-plan?" "$T/e" || fail "search --doc: no suggestion: $(cat "$T/e")"
for w in "serach search" "jinhau-plan jinhua-plan" "trea tree"; do
    set -- $w
    "$GONGFU" "$1" 托位 --db "$DB" >"$T/o" 2>"$T/e" && fail "gongfu $1 succeeded"
    grep -q "no document or command '$1'; did you mean $2?" "$T/e" || fail "gongfu $1: $(cat "$T/e")"
done
"$GONGFU" xyzzy --db "$DB" 2>"$T/e"; [ $? -eq 1 ] || fail "gongfu xyzzy: not exit 1"
grep -q "no document or command 'xyzzy' (documents: gongfu docs" "$T/e" || fail "gongfu xyzzy: $(cat "$T/e")"

# --help anywhere prints the command's usage, with every option of its table.
for c in import docs tree show search targets compare; do
    "$GONGFU" $c x --help >"$T/h" 2>&1 || fail "$c x --help: exit $?"
    grep -q "^usage: gongfu $c " "$T/h" || fail "$c --help: no usage line"
    grep -q -- "--db PATH" "$T/h" || fail "$c --help lacks --db"
done

# csv is plain UTF-8 for pipes; csv-excel and --bom start with the BOM Excel needs.
bom=$(printf '\357\273\277')
"$GONGFU" docs --db "$DB" --format csv | head -c 3 | grep -q "^$bom" && fail "plain csv has a BOM"
for f in "--format csv-excel" "--format csv --bom" "--bom --format=csv"; do
    # shellcheck disable=SC2086
    "$GONGFU" docs --db "$DB" $f >"$T/o"
    [ "$(head -c 3 "$T/o")" = "$bom" ] || fail "docs $f: no BOM"
    tail -c +4 "$T/o" >"$T/nobom"
    "$GONGFU" docs --db "$DB" --format csv >"$T/plain"
    same "$T/plain" "$T/nobom" "docs $f after the BOM"
done

# The README's examples with trailing options run as written.
sed -n '/^## The command line/,/^### /p' README.md | sed -n 's/^gongfu \([a-z].*--[a-z].*\)$/\1/p' |
    sed 's/  *#.*//' | grep -v '^import' >"$T/examples"
[ -s "$T/examples" ] || fail "no README examples with options found"
mkdir "$T/ex"
while read -r line; do
    eval "set -- $line"
    # In a scratch directory: an example may write a file (--output).
    (cd "$T/ex" && "$GONGFU" "$@" --db "$DB") >"$T/o" 2>"$T/e" ||
        fail "README example 'gongfu $line': exit $?: $(cat "$T/e")"
done <"$T/examples"
finish
