# bash completion for gongfu. Installed by `make install` where bash-completion looks
# (share/bash-completion/completions/gongfu); source it by hand otherwise.
# The candidates come from `gongfu complete -- WORDS...` (commands and options from their
# tables, slugs, regions and indicators from the database as it is now), so this file
# knows nothing of gongfu's options and never goes out of date.
_gongfu()
{
    # The line up to the cursor, split on blanks: ':' and '=' stay inside the word, so
    # zhoushan-plan:4.15 and --format=csv are one word whatever COMP_WORDBREAKS holds.
    local line=${COMP_LINE:0:COMP_POINT} cur prog
    local -a words
    read -r -a words <<<"$line"
    [[ $line =~ [[:space:]]$ ]] && words+=("")
    ((${#words[@]} >= 2)) || words+=("")
    cur=${words[${#words[@]}-1]}
    prog=${words[0]}
    [[ $prog == "~/"* ]] && prog=$HOME/${prog#\~/}
    local IFS=$'\n'
    local -a cands
    cands=($("$prog" complete -- "${words[@]:1}" 2>/dev/null))
    if [[ ${cands[0]} == @files ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "${cur#--*=}"))
        return
    fi
    # bash replaces only the part of the word after the last break character it knows
    # (':' and '=' by default): take that part off each candidate.
    local head=${cur%"${cur##*[$COMP_WORDBREAKS]}"}
    if [[ -n $head ]]; then
        local i
        for i in "${!cands[@]}"; do cands[i]=${cands[i]#"$head"}; done
    fi
    # A candidate ending in ':' (a slug, before its paths) or '=' gets no space after it.
    local c
    for c in "${cands[@]}"; do
        [[ $c == *[:=] ]] && compopt -o nospace 2>/dev/null && break
    done
    COMPREPLY=("${cands[@]}")
}
complete -F _gongfu gongfu
