# Writes ONE plan of about MB megabytes for the scaling benchmarks: a title, then chapters
# 一、… 九十九、, each holding numbered items whose paragraphs are the embedded Zhoushan
# plan's own paragraphs (so its targets and words come along), in turn.
# usage: python3 tests/bench/gen_bigdoc.py MB OUT
import sys

mb, out = float(sys.argv[1]), sys.argv[2]
src = open("data/corpus/zhoushan-plan.txt", encoding="utf-8").read().split("\n")
# Paragraphs: lines long enough to be prose, which start with no heading number.
paras = [l.strip() for l in src if len(l.strip()) > 30 and not l.strip()[0].isdigit()
         and "、" not in l.strip()[:4] and not l.strip().startswith("（")]
cn = "一二三四五六七八九"


def numeral(n):
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else cn[tens - 1]) + "十" if tens else "") + (cn[ones - 1] if ones else "")


target = int(mb * 1e6)
chapters = 99
per_chapter = target // chapters
lines = ["大型规划基准测试实施方案"]
size, p = 0, 0
for c in range(1, chapters + 1):
    lines.append("%s、第%s部分任务" % (numeral(c), numeral(c)))
    used, item = 0, 0
    while used < per_chapter:
        item += 1
        head = "%d.第%d项重点任务" % (item, item)
        body = [paras[(p + k) % len(paras)] for k in range(3)]
        p += 3
        lines.append(head)
        lines.extend(body)
        used += sum(len(x.encode()) + 1 for x in [head] + body)
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
