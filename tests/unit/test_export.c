/* Exports: the sentence around a target, and files written whole, never replacing one that
 * exists (unless forced), never through a symlink, leaving nothing behind on failure. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "gongfu/export.h"
#include "gongfu/outfile.h"
#include "gongfu/sheet.h"

static char dir[] = "/tmp/gongfu-export-XXXXXX";

static int setup(void **st)
{
    (void)st;
    assert_non_null(mkdtemp(dir));
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static char *sentence(const char *text, const char *target)
{
    const char *at = strstr(text, target);
    assert_non_null(at);
    return export_sentence(text, (size_t)(at - text), (size_t)(at - text) + strlen(target));
}

static void test_sentence(void **st)
{
    (void)st;
    const char *t = "总体目标。到2025年，常住人口城镇化率达到75%，居民收入稳步增长；人均寿命提高。";
    char *s = sentence(t, "城镇化率达到75%");
    assert_string_equal(s, "到2025年，常住人口城镇化率达到75%，居民收入稳步增长；");
    free(s);
    s = sentence(t, "人均寿命提高");
    assert_string_equal(s, "人均寿命提高。");
    free(s);
    /* A paragraph break ends a sentence too; it is not part of it. */
    s = sentence("第一段没有句号\n托位数达到4.5个\n第三段", "托位数");
    assert_string_equal(s, "托位数达到4.5个");
    free(s);
    /* No punctuation at all: the whole text. */
    s = sentence("托位数达到4.5个", "4.5");
    assert_string_equal(s, "托位数达到4.5个");
    free(s);
    /* Offsets past the end are clamped, never read beyond it. */
    s = export_sentence("短。", 100, 200);
    assert_string_equal(s, "");
    free(s);
}

/* How many entries the directory has besides . and .. */
static int entries(const char *d)
{
    DIR *h = opendir(d);
    int n = 0;
    for (struct dirent *de; h && (de = readdir(h)); )
        n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
    if (h)
        closedir(h);
    return n;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *read_all(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void test_outfile(void **st)
{
    (void)st;
    char path[512], victim[512];
    struct outfile o;
    struct err e = {{0}};
    snprintf(path, sizeof path, "%s/out/a.csv", dir);
    snprintf(victim, sizeof victim, "%s/out", dir);
    mkdir(victim, 0700);
    /* A new file appears only at commit, whole. */
    assert_int_equal(outfile_begin(&o, path, 0, &e), 0);
    write_file(o.tmp, "new");
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(outfile_commit(&o, &e), 0);
    assert_string_equal(read_all(path), "new");
    assert_int_equal(entries(victim), 1);
    /* An existing file is refused before anything is written, unless forced. */
    assert_int_equal(outfile_begin(&o, path, 0, &e), -1);
    assert_non_null(strstr(e.msg, "--force"));
    assert_int_equal(outfile_begin(&o, path, 1, &e), 0);
    write_file(o.tmp, "replaced");
    assert_int_equal(outfile_commit(&o, &e), 0);
    assert_string_equal(read_all(path), "replaced");
    /* Taken between the check and the commit: refused, the other file intact. */
    char late[512];
    snprintf(late, sizeof late, "%s/out/late.csv", dir);
    assert_int_equal(outfile_begin(&o, late, 0, &e), 0);
    write_file(o.tmp, "mine");
    write_file(late, "theirs");
    assert_int_equal(outfile_commit(&o, &e), -1);
    assert_string_equal(read_all(late), "theirs");
    /* A symlink planted at the name is neither followed nor replaced without force. */
    char link_path[512], target[512];
    snprintf(link_path, sizeof link_path, "%s/out/link.csv", dir);
    snprintf(target, sizeof target, "%s/target", dir);
    write_file(target, "precious");
    assert_int_equal(symlink(target, link_path), 0);
    memset(&e, 0, sizeof e);
    assert_int_equal(outfile_begin(&o, link_path, 0, &e), -1);
    assert_int_equal(outfile_begin(&o, link_path, 1, &e), 0);
    write_file(o.tmp, "over");
    assert_int_equal(outfile_commit(&o, &e), 0);
    assert_string_equal(read_all(target), "precious");
    /* Aborted: nothing left. */
    assert_int_equal(outfile_begin(&o, late, 1, &e), 0);
    write_file(o.tmp, "half");
    outfile_abort(&o);
    assert_string_equal(read_all(late), "theirs");
    assert_int_equal(entries(victim), 3);    /* a.csv late.csv link.csv, no temp dir */
    /* A directory that cannot be written: an error naming the file. */
    memset(&e, 0, sizeof e);
    assert_int_equal(outfile_begin(&o, "/proc/no-such/x.xlsx", 0, &e), -1);
    assert_non_null(strstr(e.msg, "/proc/no-such/x.xlsx"));
}

static void test_sheet_dropped(void **st)
{
    (void)st;
    char path[512];
    snprintf(path, sizeof path, "%s/s.xlsx", dir);
    struct sheet_book *b;
    struct err e = {{0}};
    static const char *const cols[] = {"地区", "value"};
    assert_int_equal(sheet_open(path, 0, &b, &e), 0);
    assert_int_equal(sheet_add(b, "targets", cols, 2, &e), 0);
    struct sheet_cell c[2] = {{"舟山市"}, {NULL, 4.5, 1}};
    assert_int_equal(sheet_row(b, c, &e), 0);
    assert_int_equal(sheet_close(&b, 0, &e), 0);
    assert_null(b);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(sheet_open(path, 0, &b, &e), 0);
    assert_int_equal(sheet_add(b, "targets", cols, 2, &e), 0);
    assert_int_equal(sheet_row(b, c, &e), 0);
    assert_int_equal(sheet_close(&b, 1, &e), 0);
    struct stat s;
    assert_int_equal(stat(path, &s), 0);
    assert_true(s.st_size > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence),
        cmocka_unit_test(test_outfile),
        cmocka_unit_test(test_sheet_dropped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
