# Shell completion: the bash function (data/completion/gongfu.bash) driven as bash drives
# it, and the zsh function with compadd stubbed; commands and options come from their
# tables, slugs, SLUG:PATH, regions, indicators and categories from the database on the
# line, read at completion time; `make install` puts both where the shells look.
. tests/cli/lib.sh
mkdir -p "$T/bin" "$T/config/gongfu/themes"
ln -s "$GONGFU" "$T/bin/gongfu"
: >"$T/config/gongfu/themes/mine.theme"
export PATH="$T/bin:$PATH" XDG_CONFIG_HOME="$T/config" GONGFU_DB="$DB"

# comp LINE: what the bash function offers for LINE (cursor at its end), one a line.
comp() {
    bash -c '. "$1"; COMP_LINE=$2; COMP_POINT=${#COMP_LINE}
        read -r -a COMP_WORDS <<<"$COMP_LINE"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _gongfu; printf "%s\n" "${COMPREPLY[@]}"' sh "${SCRIPT:-$TOP/data/completion/gongfu.bash}" "$1" >"$T/c"
}
has() { comp "$1"; grep -qx -- "$2" "$T/c" || fail "'$1<TAB>' does not offer '$2': $(tr '\n' ' ' <"$T/c")"; }
hasnt() { comp "$1"; ! grep -qx -- "$2" "$T/c" || fail "'$1<TAB>' offers '$2'"; }
only() { comp "$1"; printf '%s\n' "$2" | sort >"$T/want"; sort "$T/c" >"$T/cs"; same "$T/want" "$T/cs" "'$1<TAB>'"; }

# Commands and slugs first; the hidden complete command is not offered.
has "gongfu " search
has "gongfu " zhoushan-plan
hasnt "gongfu " complete
only "gongfu tr" tree
# Slugs of the database, SLUG:PATH after the colon (bash completes the part after ':').
only "gongfu tree zhe" "$(printf 'zhejiang-keypoints\nzhejiang-plan\nzhejiang-work-report')"
only "gongfu show zhous" "$(printf 'zhoushan-plan\nzhoushan-plan:')"
has "gongfu show zhoushan-plan:4.1" 4.15
hasnt "gongfu show zhoushan-plan:4.1" 4.2
has "gongfu zhoushan-plan:" 4.15
only "gongfu tree zhoushan-plan " ""
# Options of the command, wherever the cursor is; their values.
only "gongfu search 托位 --li" --limit
has "gongfu docs --db x -" --format
has "gongfu docs -" --help
hasnt "gongfu docs -" --limit
only "gongfu targets --format cs" "$(printf 'csv\ncsv-excel')"
only "gongfu targets --format=cs" "$(printf 'csv\ncsv-excel')"
has "gongfu compare --format " xlsx
hasnt "gongfu docs --format " xlsx
only "gongfu --ambiwidth " "$(printf '1\n2')"
has "gongfu targets --region " 舟山市
has "gongfu search x --region " 全国
has "gongfu targets --indicator urb" urbanization-rate
has "gongfu compare --category " 生态
has "gongfu --theme " mono
has "gongfu --theme " mine
has "gongfu search --doc " jinhua-plan
# File names where a file goes.
(cd "$T" && mkdir -p files && : >files/plan-a.txt)
(cd "$T" && comp "gongfu import files/pl") ; grep -qx "files/plan-a.txt" "$T/c" || fail "import offers no file: $(cat "$T/c")"
(cd "$T" && comp "gongfu docs --db=files/pl") ; grep -qx "files/plan-a.txt" "$T/c" || fail "--db= offers no file: $(cat "$T/c")"
# The database named on the line, as it is at completion time.
"$GONGFU" import --db "$T/one.db" data/corpus/jinhua-plan.txt 2>/dev/null
only "gongfu tree --db $T/one.db " jinhua-plan
only "gongfu tree  --db=$T/one.db " jinhua-plan
"$GONGFU" import --db "$T/one.db" data/corpus/zhoushan-plan.txt 2>/dev/null
only "gongfu tree --db $T/one.db " "$(printf 'jinhua-plan\nzhoushan-plan')"
# After -- only arguments; search's words are never options.
only "gongfu tree -- --f" ""
hasnt "gongfu search 养老 -" --limit

# zsh: the same candidates through compadd, with the shell's own words and CURRENT.
if command -v zsh >/dev/null; then
    zcomp() {
        zsh -f -c 'compadd() { while [[ $1 != -- ]]; do [[ $1 == -S ]] && shift; shift; done
                              shift; print -rl -- "$@"; }
                   _files() { print -r -- @files; }
                   compset() { :; }
                   words=(${(z)2}); [[ $2 == *" " ]] && words+=(""); CURRENT=$#words
                   _gongfu() { source "$1"; }; _gongfu "$1"' zsh "$TOP/data/completion/_gongfu" "$1" >"$T/z"
    }
    zcomp "gongfu tree zhe"
    printf 'zhejiang-work-report\nzhejiang-keypoints\nzhejiang-plan\n' >"$T/want"; same "$T/want" "$T/z" "zsh: gongfu tree zhe"
    zcomp "gongfu show zhoushan-plan:4.1"
    grep -qx zhoushan-plan:4.15 "$T/z" || fail "zsh: no zhoushan-plan:4.15: $(cat "$T/z")"
    zcomp "gongfu targets --format="
    grep -qx -- --format=csv "$T/z" || fail "zsh: no --format=csv: $(cat "$T/z")"
    zcomp "gongfu import "
    grep -qx @files "$T/z" || fail "zsh: import does not complete files"
else
    fail "zsh is not installed (src/tools/install-deps.sh installs it)"
fi

# make install puts both where bash-completion and zsh look, and the installed script
# completes with the installed program.
make --no-print-directory -s -o "$B/gongfu" -o "$B/gongfu.db" install B="$B" DESTDIR="$T/inst" PREFIX=/usr >"$T/make" 2>&1 || { fail "make install"; cat "$T/make"; }
bc=$T/inst/usr/share/bash-completion/completions/gongfu
[ -f "$bc" ] || fail "no $bc"
[ -f "$T/inst/usr/share/zsh/site-functions/_gongfu" ] || fail "no zsh function installed"
rm "$T/bin/gongfu"
ln -s "$T/inst/usr/bin/gongfu" "$T/bin/gongfu"
SCRIPT=$bc only "gongfu tree zhe" "$(printf 'zhejiang-keypoints\nzhejiang-plan\nzhejiang-work-report')"
finish
