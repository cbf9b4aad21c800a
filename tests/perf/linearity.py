#!/usr/bin/env python3
"""Linearity check: callgrind instruction counts at two sizes, per shape.

Every stage of tarikh must be linear (or n log n) in the size of one
document. This script writes the worst shapes the robustness issue named
(text the project writes here, deterministic), runs the release binary under
`valgrind --tool=callgrind` at SMALL and LARGE megabytes, and fails when the
instruction count grows by more than LIMIT × the size ratio (4.4 for 1 → 4
MB: linear plus 10%). Instruction counts do not vary with machine load, so
the figure is comparable across commits. It takes minutes (callgrind runs
about 50× slower than the program): a whole-run command, not a `cargo test`.

    cargo build --release
    python3 tests/perf/linearity.py            # 1 MB and 4 MB, every shape
    python3 tests/perf/linearity.py --small 0.25 --large 1 --shape dense-fa
"""
import argparse, os, re, subprocess, sys, tempfile

MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر",
          "آبان", "آذر", "دی", "بهمن", "اسفند"]
ACTORS = ["ارمنستان", "آذربایجان", "روسیه", "ترکیه", "ایران", "سوریه", "عراق"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

def fa(n):
    return str(n).translate(DIGITS)

# name -> (command, lang, piece i -> text)
SHAPES = {
    # Dense dates on one unpunctuated line: the tense reading once walked
    # to the sentence end for every date.
    "dense-fa": ("dates", "fa", lambda i: f"{fa(1 + i % 28)} {MONTHS[i % 12]} {fa(1390 + i % 20)} "),
    # «سال … میلادی» repeated, one line.
    "sal-miladi": ("dates", "fa", lambda i: f"سال {fa(1990 + i % 30)} میلادی "),
    # «الی» / «تا» ranges, one line.
    "ranges-fa": ("dates", "fa", lambda i: f"از {fa(1 + i % 12)} الی {fa(13 + i % 12)} {MONTHS[i % 12]} {fa(1400)} تا {fa(1 + i % 28)} {MONTHS[(i + 1) % 12]} "),
    # English dates in one long paragraph.
    "dates-en": ("dates", "en", lambda i: f"On {EN_MONTHS[i % 12]} {1 + i % 28}, {1990 + i % 30} troops attacked "),
    # Punctuated Persian reports of distinct events: extraction, merge.
    # Clock times with no date of their own in one unpunctuated sentence:
    # each once looked for its sentence's day among every expression.
    "clock-en": ("dates", "en", lambda i: f"At {1 + i % 12}:{i % 60:02d} p.m. GMT shelling resumed and "),
    # A numbered list in running text, verbless items («۱- … در تاریخ …»):
    # every item is an event typed by the list's lead, in one paragraph.
    "list-fa": ("extract", "fa", lambda i: f"{fa(1 + i % 99)}- شهرستان {ACTORS[i % 7]} در استان {ACTORS[(i + 2) % 7]}، در تاریخ {fa(1 + i % 28)} {MONTHS[i % 12]} {fa(1400)}. "),
    "events-fa": ("extract", "fa", lambda i: f"نیروهای {ACTORS[i % 7]} در {fa(1 + i % 29)} {MONTHS[(i // 29) % 12]} {fa(1300 + (i // 348) % 100)} به مواضع {ACTORS[(i + 3) % 7]} حمله کردند. " + ("\n\n" if i % 4 == 0 else "")),
}

def write(path, piece, size):
    out, n, i = [], 0, 0
    while n < size:
        t = piece(i)
        out.append(t)
        n += len(t.encode())
        i += 1
    data = "".join(out).encode()[:size].decode("utf-8", "ignore")
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)

def instructions(binary, command, lang, path, tmp):
    out = os.path.join(tmp, "cg.out")
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary,
         command, "--lang", lang, "--published", "2022-01-01", path, "-o", os.path.join(tmp, "out.json")],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        for line in f:
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                return int(m.group(1))
    raise SystemExit("no instruction total in callgrind output")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=float, default=1.0, help="MB")
    ap.add_argument("--large", type=float, default=4.0, help="MB")
    ap.add_argument("--limit", type=float, default=1.1, help="allowed growth beyond linear")
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES))
    ap.add_argument("--binary", default="target/release/tarikh")
    a = ap.parse_args()
    ratio = a.large / a.small
    failed = False
    print(f"| shape | command | {a.small:g} MB | {a.large:g} MB | ratio (≤ {ratio * a.limit:.2f}) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.shape or sorted(SHAPES):
            command, lang, piece = SHAPES[name]
            counts = []
            for mb in (a.small, a.large):
                p = os.path.join(tmp, f"{name}.txt")
                write(p, piece, int(mb * (1 << 20)))
                counts.append(instructions(a.binary, command, lang, p, tmp))
            r = counts[1] / counts[0]
            ok = r <= ratio * a.limit
            failed |= not ok
            print(f"| {name} | {command} | {counts[0] / 1e6:,.0f} M | {counts[1] / 1e6:,.0f} M | {r:.2f}{'' if ok else ' FAIL'} |", flush=True)
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
