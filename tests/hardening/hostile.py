# Writes a plan whose text tries to act on the terminal: ESC sequences (OSC title, CSI
# colour, screen clear, cursor report), other C0 and C1 controls, bidi overrides,
# zero-width characters, lone surrogates encoded as UTF-8, and 10,000 combining marks on
# one base character. Usage: python3 hostile.py OUT [--no-surrogates]
import sys

ESC = "\x1b"
PAYLOADS = {
    "osc": ESC + "]0;PWNED-TITLE\x07",
    "csi": ESC + "[31mRED" + ESC + "[0m",
    "clear": ESC + "[2J" + ESC + "[H",
    "dsr": ESC + "[6n",
    "c0": "\x01\x02\x08\x0b\x0c\x0e\x1f\x7f",
    "c1": "\u009b31m\u0085\u009d0;C1-TITLE\u009c",
    "bidi": "\u202e反向覆盖\u202c\u2066隔离\u2069\u200f",
    "zw": "零\u200b宽\u200c字\u200d符\u2060\ufeff",
}
marks = "a" + "\u0301" * 10000

lines = [
    # no ';' in the title line, or it would read as prose rather than a title
    "恶意文本" + ESC + "[2J\x07\u202e" + "测试实施方案",
    "一、总体" + ESC + "[2J" + "要求",
    "总体要求的说明" + PAYLOADS["csi"] + "。",
    "1.控制字符" + PAYLOADS["dsr"] + "。正文含OSC" + PAYLOADS["osc"] + "和清屏" + PAYLOADS["clear"] + "以及C0" + PAYLOADS["c0"] + "字符。",
    "2.C1字符。正文含" + PAYLOADS["c1"] + "字符。",
    "3.双向文字。正文含" + PAYLOADS["bidi"] + "字符。",
    "4.零宽字符。正文含" + PAYLOADS["zw"] + "字符。",
    "5.组合字符。正文含" + marks + "字符。",
    "6.代理项。正文含SURROGATES字符。",
    "二、第二章",
    "7.普通条目。托位数达到4.5个。",
]
text = "\n".join(lines) + "\n"
data = text.encode("utf-8")
surrogates = b"\xed\xa0\x80\xed\xbf\xbf\xed\xb2\x80" if "--no-surrogates" not in sys.argv else b""
data = data.replace(b"SURROGATES", surrogates)
open(sys.argv[1], "wb").write(data)
