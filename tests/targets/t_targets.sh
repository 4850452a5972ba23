#!/bin/sh
# `gongfu targets` and `gongfu compare` on the embedded corpus, compared with outputs
# checked by hand against the plans (tests/golden/targets/cli/), and their errors.
# UPDATE=1 rewrites the golden files (then read the diff).
b=${1:-build}
g="$b/gongfu"
db="$b/gongfu.db"
exp=tests/golden/targets/cli
fail=0

check() { # expected-file, then the command's arguments
    name=$1
    shift
    if ! "$g" "$@" --db "$db" >"$b/t_targets.out" 2>&1; then
        echo "FAIL $name: gongfu $* exited $?"
        cat "$b/t_targets.out"
        fail=1
    elif [ "${UPDATE:-0}" = 1 ]; then
        cp "$b/t_targets.out" "$exp/$name"
    elif ! diff -u "$exp/$name" "$b/t_targets.out"; then
        echo "FAIL $name: gongfu $*"
        fail=1
    fi
}

status() { # expected exit status, then the command's arguments
    want=$1
    shift
    "$g" "$@" >/dev/null 2>&1
    got=$?
    [ "$got" -eq "$want" ] || { echo "FAIL gongfu $*: exit $got, want $want"; fail=1; }
}

# One indicator across the cities, named in Traditional; the unit each plan wrote.
check targets-childcare.tsv targets --indicator 每千人口擁有嬰幼兒照護設施托位數
# By slug, in json: 2025 and the 展望到2035年 value, Taizhou's lost % marked inferred.
check targets-urbanization.json targets --indicator urbanization-rate --format json
# By name; Jinhua's value comes from a 分别 list of three.
check targets-income-ratio.tsv targets --indicator 城乡居民收入倍差
# A region by its short name, csv: the province's goals, with those the central
# government's opinions set for it (set_by 全国), in words.
check targets-zhejiang.csv targets --region 浙江 --format csv
check compare-2035.tsv compare --year 2035
# Targets and reported values of one indicator: the plans' 2025 goals, the 2026 report's
# 2030 goal and its 2025 value.
check targets-kind-all-urbanization.tsv targets --kind all --indicator urbanization-rate
check targets-kind-reported-zhejiang.tsv targets --kind reported --region 浙江 --year 2025
# Progress: the province's goals beside what its 2026 report says was reached; json for one
# indicator.
check progress-zhejiang.tsv progress --region 浙江
check progress-rd.json progress --indicator rd-intensity --format json
check compare-ecology.tsv compare --category 生态

status 1 targets --db "$db" --indicator 没有这个指标
status 2 targets --db "$db" --format xml
status 2 targets --db "$db" stray-argument
status 0 targets --help
status 2 compare --db "$db" --year soon
status 2 targets --db "$db" --kind goals
status 2 progress --db "$db" --year soon
status 1 progress --db "$db" --indicator 没有这个指标
status 0 progress --help
status 0 compare --help
status 1 targets --db "$b/no-such-dir/none.db"

# Every region's column exists in the compare table, in the order officials read them.
head -1 "$exp/compare-ecology.tsv" | grep -q "	浙江省	舟山市	台州市	金华市$" ||
    { echo "FAIL compare columns"; fail=1; }
"$g" targets --db "$db" --unlinked | awk -F'\t' 'NR > 1 && $1 != "" { bad = 1 } END { exit bad }' ||
    { echo "FAIL --unlinked listed a linked target"; fail=1; }
exit $fail
