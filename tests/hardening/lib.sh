# Shared by tests/hardening/t_*.sh, sourced after tests/cli/lib.sh: checks that a command
# failed cleanly or succeeded, and never crashed.

# clean STATUSES what COMMAND… : runs it; its exit status must be one of the space-
# separated STATUSES, never a signal or a sanitizer report, and a failure must say why
# on stderr.
clean() {
    want=$1 what=$2; shift 2
    "$@" >"$T/out" 2>"$T/err"; got=$?
    case " $want " in
    *" $got "*) ;;
    *) fail "$what: exit $got, wanted $want"; head -c 600 "$T/err"; echo; return ;;
    esac
    if grep -q -E 'Sanitizer|runtime error' "$T/err"; then
        fail "$what: sanitizer report"; head -20 "$T/err"
    fi
    [ "$got" -eq 0 ] || [ -s "$T/err" ] || fail "$what: exit $got without a message"
}

# readers DBFILE STATUSES what: the explorer (headless, which must say what is wrong
# before any screen starts), then every reading command, on DBFILE; $T/err is the last
# command's.
readers() {
    rdb=$1 rwant=$2 rwhat=$3
    printf 'dump %s\n' "$T/screen" >"$T/script"
    clean "$rwant" "$rwhat: the explorer" env GONGFU_HEADLESS=80x24 GONGFU_SCRIPT="$T/script" \
        XDG_STATE_HOME="$T/state" TERM=xterm-256color "$GONGFU" --db "$rdb" zhoushan-plan:4.15
    for c in "docs" "tree zhoushan-plan" "show --width 60 zhoushan-plan:4.15" "search 托位" \
             "targets" "compare"; do
        # shellcheck disable=SC2086
        set -- $c
        cmd=$1; shift
        clean "$rwant" "$rwhat: gongfu $c" "$GONGFU" "$cmd" --db "$rdb" "$@"
    done
}
