#!/usr/bin/env python3
"""Writes the seed corpus under fuzz/corpus/<target>/ (run from anywhere).

The seeds are short sentences written for tarikh in the style of Persian and
English news datelines and dates, and snippets of the project's own
articles and fixtures (data/articles, tests/fixtures/check). The `repair`
seeds are byte strings: each byte is an index into that target's PIECES
list, which is read from fuzz_targets/repair.rs.
"""
import pathlib
import re
import shutil

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "corpus"


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / name).write_bytes(data)


NORMALIZE = {
    "arabic-letters": "كشورهاي ميانجي گروه مينسک",
    "digits": "۱۲ مه ۱۹۹۴ و ٣١ مارس 2020",
    "bidi-tatweel": "\u200fآتشــبس\u202b در ۱۲ مه\u202c\u200e",
    "diacritics": "مُذاکِرات شُدّه ا\u0653 ا\u0654 \u0670",
    "zwnj": "\u200cمی\u200cشود \u200c سال\u200cهای\u200c",
    "whitespace": "  خبرگزاری\u00a0آران\t/ سرویس\r\n\r\n\n آذربایجان  ",
    "latin": "MOSCOW, Oct. 10, 2020 \u2013 cafe\u0301 a\u0301\u0302 x\u0301",
}

DATES = {
    # flags byte: bit 0 a publication date, bit 1 the tabular Lunar Hijri calendar
    "fa-day-month-year": b"\x01" + "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.".encode(),
    "fa-range-dual": b"\x00" + "نشست از ۱۸ تا ۲۰ مهر ۱۳۹۹ (۹ تا ۱۱ اکتبر ۲۰۲۰) در ژنو برگزار شد.".encode(),
    "fa-relative": b"\x01" + "دیروز، سه‌شنبه ۲۵ آبان، مذاکرات آغاز شد و هفته آینده ادامه خواهد یافت.".encode(),
    "fa-lunar-decade": b"\x02" + "در دهه ۱۹۹۰ میلادی و در ماه رمضان ۱۴۱۴ هجری قمری ساعت ۱۰:۳۰".encode(),
    "en-dateline": b"\x00MOSCOW, Oct. 10, 2020 - Armenia and Azerbaijan agreed on Saturday to a humanitarian ceasefire.",
    "en-since": b"\x01The fighting began on Sept. 27, 2020, the worst since a war that ended with a ceasefire in May 1994.",
    "en-ranges": b"\x03Talks ran from March 3 to 5, 1994, between 1992 and 1994, and in the 1990s; next week at 10:30 a.m. GMT.",
}

TIMELINE = {
    "fa-en": (
        "آتش‌بس قره‌باغ در بیشکک\n\nآتش‌بس میان جمهوری آذربایجان و ارمنستان در ۱۲ مارس ۱۹۹۴ برقرار شد."
        "\0"
        "Armenia and Azerbaijan agreed on Oct. 10, 2020 to a ceasefire in Moscow. Talks are expected to continue next week."
    ),
    "fa-two": "مذاکرات در مسکو روز ۱۸ مهر ۱۳۹۹ آغاز شد.\0نیروهای ارمنستان در ۸ مه ۱۹۹۲ وارد شوشا شدند. مذاکرات روز بعد ادامه یافت.",
    "en": "The fighting began on Sept. 27, 2020. The truce took effect at noon on Oct. 10, 2020, but both sides accused each other of violations.",
}

REFERENCE = {
    "two-entries": '''schema = "tarikh.reference/1"
id = "fuzz"
title = "Seed reference"
title_fa = "مرجع نمونه"
compiled = "2024-01-01"

[[entry]]
id = "ceasefire-1994"
date = "1994-05-12"
type = "ceasefire"
actors = ["state:armenia", "state:azerbaijan"]
places = ["place:nagorno-karabakh"]
summary_en = "A ceasefire took effect."
summary_fa = "آتش‌بس برقرار شد."
[[entry.citation]]
publication = "Seed"
title = "Seed title"
date = "1994"
url = ""

[[entry]]
id = "talks-2020"
date = "2020-10"
end = "2020-11-10"
type = "negotiation"
actors = ["state:russia"]
places = []
summary_en = "Talks in Moscow."
summary_fa = "مذاکرات در مسکو."
note = "A month, then a day."
[[entry.citation]]
publication = "Seed"
title = "Another seed title"
date = "2020-10-10"
url = "https://example.org/"
''',
    "bad-end": '''schema = "tarikh.reference/1"
id = "fuzz"
title = "t"

[[entry]]
id = "a"
date = "1994-05-12"
end = "1994-05"
type = "ceasefire"
actors = []
places = ["place:x"]
summary_en = ""
summary_fa = ""
[[entry.citation]]
publication = "p"
title = "t"
date = ""
url = ""
''',
}


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    for k, v in NORMALIZE.items():
        write("normalize", k, v)
    for k, v in DATES.items():
        write("dates", k, v)
    src = (FUZZ / "fuzz_targets" / "repair.rs").read_text()
    block = src.split("pub const PIECES")[1].split("];")[0]
    def unescape(p):
        p = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), p)
        return p.replace("\\n", "\n")

    pieces = [unescape(m) for m in re.findall(r'"((?:[^"\\]|\\.)*)"', block)]

    def enc(words):
        return bytes(pieces.index(w) for w in words)

    REPAIR = {
        # tests/repair.rs: a year stranded after the verb
        "year-after-verb": ["جنگ", "در", "سال", "میلادی", "آغاز شد", "و", "هشت", "سال", "ادامه یافت", "۱۹۸۰", "سازمان ملل", "قطعنامه", "کرد", "."],
        # a day stranded at the line end, read across a paragraph break
        "day-at-line-end": ["نشست", "از", "روز", "اسفند", "در", "ژنو", "آغاز شد", "۱۲", "\n\n", "نشست", "است", "."],
        "paren-slot": ["آتش‌بس", "در", "آبان", ")", "برقرار شد", "(", "۱۲", "۱۳۷۳", "."],
        "reversed-range": ["سال", "۱۹۹۴", "الی", "۱۹۹۲", "در", "جنگ", "."],
        "empty-slot": ["قطعنامه", "در", "سال", "میلادی", "امضا شد", "."],
        "shamsi-line": ["نشست", "در", "روز", "مهر", "سال", "شمسی", "منتشر شد", "۲۷", "۱۳۹۹", "\n", "جنگ", "است"],
    }
    for k, v in REPAIR.items():
        write("repair", k, enc(v))
    for k, v in TIMELINE.items():
        write("timeline_export", k, v)
    for k in ["bishkek-march", "shusha-1992"]:
        write("timeline_json", k + ".json", (ROOT / "tests/fixtures/check" / (k + ".json")).read_bytes())
    write("timeline_json", "empty.json", '{"schema":"tarikh.timeline/1","generator":{"name":"tarikh","version":"0.1.0"},"documents":[],"events":[],"relations":[],"diagnostics":[]}\n')
    for k, v in REFERENCE.items():
        write("reference_toml", k + ".toml", v)


if __name__ == "__main__":
    main()
