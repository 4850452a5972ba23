# gongfu — build, test, run. Plain make with pkg-config; warnings are errors.
#
#   make run      build and open the explorer on the embedded corpus
#   make check    every test (also under ASan+UBSan), each fuzzer 6 s, a 60 s soak
#   make fuzz     each libFuzzer target for FUZZ_SECONDS (default 60)
#   make soak     the explorer under random keys for SOAK_SECONDS (default 1800)
#   make bench    benchmarks, as ratios against reference tools run alongside
#   make install  PREFIX=/usr/local DESTDIR=

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/gongfu
LIBDIR   = $(PREFIX)/lib/gongfu
MANDIR   = $(PREFIX)/share/man/man1
# Where bash-completion (2.x: $XDG_DATA_DIRS/bash-completion/completions) and Debian's zsh
# ($fpath has share/zsh/site-functions under /usr/local and /usr) look.
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions

# B is the build directory; the sanitizer build lives in build/asan with SAN=1.
B       ?= build
SAN     ?= 0
CC      ?= cc
OPT     ?= -O2 -g

PKGS     = ncursesw sqlite3 opencc
# The format module's (gongfu-formats.so, below): the readers of web pages, Word documents
# and PDFs, and the .xlsx writer.
FORMAT_PKGS = xlsxwriter libxml-2.0 libzip
# Only the include paths: the packages' feature macros would fight ours.
PKG_INC := $(filter -I%,$(shell pkg-config --cflags $(PKGS) $(FORMAT_PKGS) 2>/dev/null))
PKG_LIB := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# SQLite, libunistring, ncursesw and tinfo are linked in from their archives (Debian's
# -dev packages ship them): a shared one costs each start the dynamic loader's relocations
# of its symbols, a third of a whole `gongfu search` after the query's own work (issue 15),
# and Debian's ncursesw and tinfo are built to bind every symbol at load (BIND_NOW), 500
# lookups at every start, 0.45 M of the explorer's 7.24 M instructions to its first
# screen. (Linked in, ncurses' lower memory floor once let tests/hardening/t_dbfiles's
# `ulimit -v` sweep reach an out-of-memory crash inside newterm; term_start now asks for
# the room newterm needs first.) width.c's wcwidth is still the one curses calls.
STATIC_LIBS = -l:libncursesw.a -l:libtinfo.a -l:libsqlite3.a -l:libunistring.a
SHARED_LIB := $(shell pkg-config --libs opencc 2>/dev/null)
# MuPDF (the PDF reader). Debian 12's libmupdf-dev ships only static archives, which need
# MuPDF's own dependencies at link time; Debian has no -dev package for some of them
# (mujs, gumbo, jbig2dec, openjpeg, harfbuzz's is heavy), so they are linked by the shared
# objects that mupdf-tools' runtime packages install.
MUPDF_LIB = -lmupdf -lmupdf-third -l:libmujs.so.2 -l:libgumbo.so.1 -l:libopenjp2.so.7 \
            -l:libjbig2dec.so.0 -l:libjpeg.so.62 -l:libfreetype.so.6 -l:libharfbuzz.so.0 -lz
FORMAT_LIBS := $(shell pkg-config --libs $(FORMAT_PKGS) 2>/dev/null) $(MUPDF_LIB)

ifeq ($(SAN),1)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
SANLD    = -fsanitize=address,undefined
endif
# The libFuzzer build (build/fuzz): clang, coverage for the fuzzer, ASan and UBSan.
ifeq ($(FUZZ),1)
CC       = clang
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
           -fno-sanitize-recover=undefined
endif
FUZZ_SECONDS ?= 60

CPPFLAGS_ALL = -Iinclude -I$(B)/gen $(PKG_INC) -D_GNU_SOURCE -DNCURSES_WIDECHAR=1 \
               -DGONGFU_VERSION='"$(VERSION)"' -DGONGFU_DATADIR='"$(DATADIR)"' \
               -DGONGFU_LIBDIR='"$(LIBDIR)"'
# -pthread: the import's worker thread (workq.h).
CFLAGS_ALL   = -std=c11 $(OPT) -pthread -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
               -Wno-missing-field-initializers -MMD -MP $(CFLAGS)
LDLIBS_ALL   = $(SHARED_LIB) $(STATIC_LIBS) -lm -pthread $(LDLIBS)

# The format module: the core's sources that need libxml2, libzip, MuPDF or libxlsxwriter,
# and the table it exports (format_module.h). gongfu loads it with dlopen when a file of
# those formats is imported or a workbook exported, so that the some twenty libraries they
# bring are not mapped and relocated at every start (issue 15). The unit tests, the other
# test programs and the fuzzers link its objects in (FORMAT_LINK).
FORMAT_SRC := $(addprefix src/core/,format_entry.c import_docx.c import_html.c import_pdf.c \
              docx_style.c docx_xml.c html_article.c html_render.c sheet.c)
CORE_SRC := $(filter-out $(FORMAT_SRC),$(wildcard src/core/*.c))
CLI_SRC  := $(wildcard src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(B)/obj/%.o)
FORMAT_OBJ := $(FORMAT_SRC:%.c=$(B)/pic/%.o)
MODULE   := $(B)/gongfu-formats.so
FORMAT_A := $(B)/libgongfu-formats.a
FORMAT_LINK = -Wl,-u,gongfu_format_module $(FORMAT_A)
APP_OBJ  := $(CLI_SRC:%.c=$(B)/obj/%.o) $(TUI_SRC:%.c=$(B)/obj/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
CORPUS   := $(sort $(wildcard data/corpus/*.txt))
LIB      := $(B)/libgongfu.a

# Files generated at build time (tables derived from system data such as OpenCC's). They
# are order-only prerequisites of every compile, so they exist before the first one; the
# compiler's dependency files (-MMD) then make them a dependency of exactly the objects
# that include them (touching data/keys.conf recompiles builtin.o, not every object).
GEN_HDR  := $(B)/gen/fold_table.h $(B)/gen/pinyin_table.h $(B)/gen/tui_builtin.h

.PHONY: all run check unit deps bench install uninstall clean asan fuzz fuzzers accuracy soak
SOAK_SECONDS ?= 1800
.DELETE_ON_ERROR:

all: $(B)/gongfu $(MODULE) $(B)/gongfu.db

deps:
	@sh src/tools/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	./$(B)/gongfu --db $(B)/gongfu.db

# The folding table: libunistring's NFKC + case folding and OpenCC's t2s, per character.
# The generator runs at build time only, so it is built without the sanitizers.
$(B)/tools/gen_fold: src/tools/gen_fold.c src/tools/two_stage.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -std=c11 -O2 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	    -o $@ $< $(PKG_LIB) -lunistring

$(B)/gen/fold_table.h: $(B)/tools/gen_fold
	@mkdir -p $(@D)
	./$(B)/tools/gen_fold t2s.json > $@

# The pinyin table: every Mandarin reading of every character, from Unihan (unicode-data).
UNIHAN  ?= /usr/share/unicode/Unihan_Readings.txt.bz2
$(B)/tools/gen_pinyin: src/tools/gen_pinyin.c src/tools/two_stage.h
	@mkdir -p $(@D)
	$(CC) -D_GNU_SOURCE -std=c11 -O2 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	    -o $@ $< -lunistring

$(B)/gen/pinyin_table.h: $(B)/tools/gen_pinyin $(UNIHAN)
	@mkdir -p $(@D)
	bzip2 -dc $(UNIHAN) > $@.txt
	./$(B)/tools/gen_pinyin < $@.txt > $@
	@rm -f $@.txt

# The explorer's defaults (key bindings, themes) compiled in as strings.
TUI_CONF := data/keys.conf $(sort $(wildcard themes/*.theme))
$(B)/gen/tui_builtin.h: $(TUI_CONF) src/tools/gen_builtin.sh
	@mkdir -p $(@D)
	sh src/tools/gen_builtin.sh $(TUI_CONF) > $@

$(B)/obj/%.o: %.c | $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c -o $@ $<

# The module's objects, for a shared object: position-independent, and only its table
# visible from outside.
$(B)/pic/%.o: %.c | $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -fPIC -fvisibility=hidden -c -o $@ $<

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FORMAT_A): $(FORMAT_OBJ)
	@rm -f $@
	ar rcs $@ $^

# The core's functions the module calls (err_set, decode_bytes …) are the program's: the
# list of them, read from the objects, is exported from gongfu (a dynamic list) and each
# is linked in whether gongfu calls it or not (-u).
$(B)/formats.dynlist: $(FORMAT_OBJ) $(LIB)
	{ nm -u $(FORMAT_OBJ) | awk 'NF == 2 { print $$2 }' | sort -u > $@.undef && \
	  nm --defined-only -g $(LIB) | awk 'NF == 3 && $$2 ~ /[TDRB]/ { print $$3 }' | \
	    sort -u | comm -12 - $@.undef | awk 'BEGIN { print "{" } { print "    " $$1 ";" } \
	    END { print "};" }'; } > $@.tmp && rm -f $@.undef && mv $@.tmp $@

$(B)/gongfu: $(APP_OBJ) $(LIB) $(B)/formats.dynlist
	$(CC) $(SANLD) $(LDFLAGS) -o $@ $(APP_OBJ) -Wl,--dynamic-list=$(B)/formats.dynlist \
	    $$(sed -n 's/^ *\([A-Za-z0-9_]*\);$$/-Wl,-u,\1/p' $(B)/formats.dynlist) \
	    $(LIB) $(LDLIBS_ALL)

# MuPDF's and the other archives' symbols stay inside the module (--exclude-libs); what the
# module needs of the core is left undefined, to be found in gongfu when it is loaded.
$(MODULE): $(FORMAT_OBJ)
	$(CC) -shared $(SANLD) $(LDFLAGS) -Wl,--exclude-libs,ALL -o $@ $(FORMAT_OBJ) \
	    $(FORMAT_LIBS) -lunistring -lm

# The embedded default database: the raw corpus imported in one transaction, into a new
# database that gongfu publishes by rename (an explorer open on the old one keeps it).
# The -wal/-shm files are an older gongfu's, which wrote in place; nothing reads them now.
$(B)/gongfu.db: $(B)/gongfu $(CORPUS) $(wildcard data/*.tsv)
	./$(B)/gongfu import --fresh --db $@ $(CORPUS)
	@rm -f $@-wal $@-shm $@.tmp

# Unit tests of the explorer's parts compile its .c files in whole (#include "keymap.c"),
# found through -Isrc/tui so that their dependency files name them as the Makefile does.
$(B)/tests/%: tests/unit/%.c $(LIB) $(FORMAT_A) | $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Isrc/tui $(CFLAGS_ALL) $(SANLD) $(LDFLAGS) -o $@ $< $(FORMAT_LINK) $(LIB) \
	    -lcmocka $(LDLIBS_ALL) $(FORMAT_LIBS)

# The target extractor against hand labels, on the embedded plans (tests/golden/targets,
# by accuracy.c) and on the development set (tests/dev/, by the project's scorer);
# tests/targets/t_accuracy.sh fails when a figure is worse than tests/targets/baseline.txt.
$(B)/accuracy: tests/targets/accuracy.c $(LIB) $(FORMAT_A) | $(GEN_HDR)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(SANLD) $(LDFLAGS) -o $@ $< $(FORMAT_LINK) $(LIB) \
	    $(LDLIBS_ALL) $(FORMAT_LIBS)

# The question set of `gongfu ask` against the embedded database (tests/ask/t_ask.sh).
$(B)/ask_golden: tests/ask/golden.c $(LIB) $(FORMAT_A) | $(GEN_HDR)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(SANLD) $(LDFLAGS) -o $@ $< $(FORMAT_LINK) $(LIB) \
	    $(LDLIBS_ALL) $(FORMAT_LIBS)

# The related lists against the hand key in tests/golden/relations (tests/relations/
# t_accuracy.sh fails below tests/relations/baseline.txt); --sweep shows the calibration.
$(B)/rel_accuracy: tests/relations/accuracy.c $(LIB) $(FORMAT_A) | $(GEN_HDR)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(SANLD) $(LDFLAGS) -o $@ $< $(FORMAT_LINK) $(LIB) \
	    $(LDLIBS_ALL) $(FORMAT_LIBS)

unit: $(TESTS) $(B)/accuracy $(B)/ask_golden $(B)/rel_accuracy

accuracy: all $(B)/accuracy $(B)/rel_accuracy
	@echo "== the embedded plans (tests/golden/targets)"
	@./$(B)/accuracy --db $(B)/gongfu.db --labels tests/golden/targets \
	    --baseline tests/targets/baseline.txt
	@echo "== the development set (tests/dev)"
	@python3 tests/dev/accuracy.py $(B)/gongfu --baseline tests/targets/baseline.txt
	@echo "== related lists against the hand key (tests/golden/relations)"
	@./$(B)/rel_accuracy --db $(B)/gongfu.db --key tests/golden/relations/key.tsv \
	    --baseline tests/relations/baseline.txt --sweep

# Every test, twice: the normal build and the ASan+UBSan build.
check: deps
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory B=build/asan SAN=1 all unit
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=6
	@sh tests/tui/soak.sh build/asan 60
	@sh tests/run.sh $(B) build/asan

# The explorer under random keys for SOAK_SECONDS, with ASan+UBSan; memory every minute.
soak: deps
	@$(MAKE) --no-print-directory B=build/asan SAN=1 all
	@sh tests/tui/soak.sh build/asan $(SOAK_SECONDS)

asan:
	@$(MAKE) --no-print-directory B=build/asan SAN=1 all unit

# Fuzzing: each tests/fuzz/fuzz_*.c is a libFuzzer target linked with the core and the
# explorer's parsers; tests/fuzz/run.sh runs each for FUZZ_SECONDS over its seed corpus and
# regression inputs. `make check` runs them for 6 s each.
FUZZERS  := $(patsubst tests/fuzz/%.c,$(B)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
TUI_LIB  := $(B)/libgongfu-tui.a

$(TUI_LIB): $(TUI_SRC:%.c=$(B)/obj/%.o)
	@rm -f $@
	ar rcs $@ $^

# The command line's modules too (fuzz_args): an archive, so only what a target uses is linked.
CLI_LIB  := $(B)/libgongfu-cli.a

$(CLI_LIB): $(CLI_SRC:%.c=$(B)/obj/%.o)
	@rm -f $@
	ar rcs $@ $^

$(B)/fuzz/%: tests/fuzz/%.c $(LIB) $(TUI_LIB) $(CLI_LIB) $(FORMAT_A) | $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) -Isrc/tui -Isrc/cli $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< $(CLI_LIB) \
	    $(TUI_LIB) $(FORMAT_LINK) $(LIB) $(LDLIBS_ALL) $(FORMAT_LIBS)

fuzzers: $(FUZZERS)

fuzz:
	@GONGFU_WITH_FUZZ=1 sh src/tools/install-deps.sh
	@$(MAKE) --no-print-directory B=build/fuzz FUZZ=1 fuzzers
	@sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS)

bench: deps
	@$(MAKE) --no-print-directory all $(B)/accuracy $(B)/rel_accuracy
	@sh tests/bench/run.sh $(B)

# Every installed file is written under a temporary name beside its place, synced, then
# renamed over it: a program or database in use is replaced whole, never rewritten under
# its readers (gongfu's readers rely on that: store.h).
publish = install -m $(1) $(2) $(3).installing && sync $(3).installing && \
          mv -f $(3).installing $(3) && sync $(dir $(3))

install: $(B)/gongfu $(MODULE) $(B)/gongfu.db
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(LIBDIR)
	$(call publish,644,$(MODULE),$(DESTDIR)$(LIBDIR)/gongfu-formats.so)
	$(call publish,755,$(B)/gongfu,$(DESTDIR)$(BINDIR)/gongfu)
	$(call publish,644,$(B)/gongfu.db,$(DESTDIR)$(DATADIR)/gongfu.db)
	rm -f $(DESTDIR)$(DATADIR)/gongfu.db-wal $(DESTDIR)$(DATADIR)/gongfu.db-shm
	install -m 644 $(wildcard data/*.tsv data/*.conf) $(DESTDIR)$(DATADIR)/
	[ ! -f data/gongfu.1 ] || install -m 644 data/gongfu.1 $(DESTDIR)$(MANDIR)/gongfu.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 data/completion/gongfu.bash $(DESTDIR)$(BASHCOMPDIR)/gongfu
	install -m 644 data/completion/_gongfu $(DESTDIR)$(ZSHCOMPDIR)/_gongfu
	[ -z "$(wildcard themes/*.theme)" ] || { install -d $(DESTDIR)$(DATADIR)/themes && \
	  install -m 644 $(wildcard themes/*.theme) $(DESTDIR)$(DATADIR)/themes/; }

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gongfu $(DESTDIR)$(MANDIR)/gongfu.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/gongfu $(DESTDIR)$(ZSHCOMPDIR)/_gongfu
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf build

# What the compiler found each object, test and fuzzer to include (-MMD -MP).
-include $(CORE_OBJ:.o=.d) $(FORMAT_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(TESTS:=.d) $(B)/accuracy.d $(B)/ask_golden.d \
         $(B)/rel_accuracy.d $(FUZZERS:=.d)
