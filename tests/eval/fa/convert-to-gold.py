#!/usr/bin/env python3
"""One-off conversion (already applied) of the annotations of this set from
the old format (published, [[date]] text/occurrence/type/start/end/modifier/
note) to the gold format of docs/ANNOTATION.md. Kept for the record.

value: start == end → that day; a whole Gregorian month or year → YYYY-MM
or YYYY; `until` with no start → the end day (scoring compares only the
end); both empty → ""; otherwise START/END. Durations keep kind duration
and get value "" (the old format gave none): unresolved, right when the
prediction has no bounds, as before.

calendar, from the text: a Lunar Hijri month or «قمری» → lunar-hijri; a
Solar Hijri month (Iranian or Afghan names), «شمسی», «خورشیدی», a year
1300–1420, a decade in words («دهه شصت») or a relative year or month
(«امسال», «سال گذشته», «ماه آینده»: counted in Solar Hijri in these
outlets, see README) → solar-hijri; a year 1421–1499 → lunar-hijri;
anything else (Gregorian months, «میلادی», days, weekdays, durations) →
gregorian. A Gregorian month name or «میلادی» wins over a relative year.
"""
import calendar as cal
import datetime as dt
import json
import re
import sys
import tomllib
from pathlib import Path

SOLAR = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "امرداد", "شهریور", "مهر",
         "آبان", "آذر", "دی", "بهمن", "اسفند",
         "حمل", "ثور", "جوزا", "جوزای", "سرطان", "اسد", "سنبله", "میزان", "عقرب",
         "قوس", "جدی", "دلو", "حوت", "شمسی", "خورشیدی"}
LUNAR = {"محرم", "صفر", "ربیع", "ربیع‌الاول", "ربیع‌الثانی", "جمادی", "جمادی‌الاول",
         "جمادی‌الثانی", "رجب", "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذیقعده",
         "ذی‌الحجه", "ذیحجه", "قمری"}
GREG = {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "می", "ژوئن", "ژوئیه", "جولای",
        "اوت", "آگوست", "سپتامبر", "اکتبر", "نوامبر", "دسامبر", "میلادی"}
DECADE_WORDS = {"بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"}
FA_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def words(text):
    t = text.translate(FA_DIGITS).replace("ي", "ی").replace("ك", "ک")
    # Whole words, and their parts at a ZWNJ («آبان‌ماه» → آبان).
    out = []
    for w in re.split(r"[\s/()،,.\-–]+", t):
        if w:
            out.append(w)
            out.extend(p for p in w.split("\u200c") if p)
    return out


def calendar_of(text, kind):
    ws = words(text)
    if kind == "duration":
        return "gregorian"
    if any(w in LUNAR for w in ws):
        return "lunar-hijri"
    if any(w in SOLAR for w in ws):
        return "solar-hijri"
    if any(w in GREG for w in ws):
        return "gregorian"
    digits = text.translate(FA_DIGITS)
    years = [int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", digits)]
    for y in years:
        if 1300 <= y <= 1420:
            return "solar-hijri"
        if 1421 <= y <= 1499:
            return "lunar-hijri"
        return "gregorian"
    if "دهه" in ws and any(w in DECADE_WORDS for w in ws):
        return "solar-hijri"
    if any(w in ("امسال", "پارسال") for w in ws) or (
        ("سال" in ws or "ماه" in ws) and any(w in ("گذشته", "آینده", "جاری", "قبل", "بعد") for w in ws)
    ):
        return "solar-hijri"
    return "gregorian"


def value_of(e):
    s, t = e["start"], e["end"]
    if e["type"] == "duration":
        return e.get("value", "")
    if not s and not t:
        return ""
    if not s:
        return t
    if not t:
        return s
    if s == t:
        return s
    a, b = dt.date.fromisoformat(s), dt.date.fromisoformat(t)
    if a.day == 1 and a.year == b.year and a.month == b.month and b.day == cal.monthrange(b.year, b.month)[1]:
        return f"{a.year:04d}-{a.month:02d}"
    if (a.month, a.day) == (1, 1) and (b.month, b.day) == (12, 31) and a.year == b.year:
        return f"{a.year:04d}"
    return f"{s}/{t}"


def q(s):
    return json.dumps(s, ensure_ascii=False)


def convert(path):
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    if "lang" in d:
        return None  # already converted
    out = ['lang = "fa"', f"published = {q(d['published'])}"]
    if d.get("source"):
        out.append(f"source = {q(d['source'])}")
    for e in d["date"]:
        out += ["", "[[date]]", f"text = {q(e['text'])}", f"occurrence = {e.get('occurrence', 1)}",
                f"kind = {q(e['type'])}", f"value = {q(value_of(e))}",
                f"calendar = {q(calendar_of(e['text'], e['type']))}",
                f"modifier = {q(e.get('modifier', ''))}"]
        if e.get("note"):
            out.append(f"note = {q(e['note'])}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    here = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    for p in sorted(here.glob("*.gold.toml")):
        new = convert(p)
        if new is not None:
            p.write_text(new, encoding="utf-8")
