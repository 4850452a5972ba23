#!/bin/sh
# Installs the Debian packages gongfu builds and tests with, only when one is missing,
# so that `make run` and `make check` work on a fresh machine and cost nothing after.
set -eu
pkgs="make gcc pkg-config libncurses-dev libsqlite3-dev libunistring-dev libopencc-dev
libopencc1.1 opencc unicode-data bzip2 libcmocka-dev libxlsxwriter-dev tmux python3 python3-openpyxl zsh
libxml2-dev libzip-dev zlib1g-dev libmupdf-dev mupdf-tools libmujs2 libgumbo1 libopenjp2-7
libjbig2dec0 libjpeg62-turbo libfreetype6 libharfbuzz0b pandoc fonts-noto-cjk python3-cairo
libxml2-utils unzip locales ncurses-term"
# The import formats: libxml2 (web pages, Word's XML), libzip (.docx), MuPDF (PDF; its static
# archives link against the runtime libraries listed after it, see the Makefile); the tests
# make their fixtures with pandoc and python3-cairo + fonts-noto-cjk; the benchmarks compare
# with xmllint, unzip and mutool. locales: the sources localedef builds a locale with a
# decimal comma from (tests/cli/t_locale.sh). ncurses-term: the terminal descriptions
# beyond xterm's (putty-256color, what PuTTY and Xshell users set) that tests/tui/t_paging_bytes.sh
# counts bytes for.
# The fuzz targets need clang's libFuzzer runtime.
[ "${GONGFU_WITH_FUZZ:-0}" = 1 ] && pkgs="$pkgs clang libclang-rt-14-dev"

missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "gongfu: installing missing packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "gongfu: please install as root:$missing" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
