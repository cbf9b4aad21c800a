#!/usr/bin/env bash
# Hostile inputs at full size, against the release binary.
#
# `cargo test` runs the same cases small (tests/robust.rs, tests/cli.rs,
# with a small --max-doc-bytes); this script runs them at the sizes a
# newsroom feed or an attacker can reach, with the default bound of 64 MiB,
# and checks for each: the exit status of the contract (0 ran, 1 some input
# unreadable), the message naming the input, the time taken and, where
# /usr/bin/time is installed, the peak memory. Nothing here depends on
# the network. It writes about 300 MB under a temporary directory (removed
# at the end) and takes a few minutes on two cores: a whole-run command,
# not a `cargo test`.
#
#     cargo build --release
#     bash tests/perf/hostile.sh              # every case
#     bash tests/perf/hostile.sh zero fifo    # the cases named
#
# Cases: zero (/dev/zero as article, JSON Lines, timeline, reference and
# standard input), over (a file one byte past the bound: refused before it
# is read), line (one 48 MiB line of dense dates, no line break), records
# (1 000 000 tiny JSON Lines records, from a file and from standard input),
# feed (an 80 MiB JSON Lines file of 1 MiB records: past the bound in total,
# read record by record), record (one 65 MiB record: refused, named by line
# and byte offset, the records before it read), fifo (a FIFO streaming
# 100 MiB: refused at the bound), bidi (8 million bidi controls around a
# date).
#
# Exit status: 0 when every case held, 1 otherwise (each failure is
# printed as FAIL with what was expected).
set -u

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${TARIKH:-$ROOT/target/release/tarikh}"
if [ ! -x "$BIN" ]; then
    echo "no binary at $BIN: run cargo build --release (or set TARIKH)" >&2
    exit 1
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILED=0

# run NAME WANT_STATUS WANT_IN_STDERR CMD...: runs CMD, checks its status
# and that stderr holds WANT_IN_STDERR (empty: anything), prints a line.
run() {
    local name=$1 want=$2 grep_for=$3
    shift 3
    local start end status mem=""
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$WORK/mem" "$@" >"$WORK/out" 2>"$WORK/err"
        status=$?
        mem="$(tail -1 "$WORK/mem") KB peak"
    else
        "$@" >"$WORK/out" 2>"$WORK/err"
        status=$?
    fi
    end=$(date +%s.%N)
    local secs
    secs=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
    if [ "$status" != "$want" ]; then
        echo "FAIL $name: exit $status, expected $want ($(head -c 300 "$WORK/err"))"
        FAILED=1
    elif [ -n "$grep_for" ] && ! grep -qF -- "$grep_for" "$WORK/err"; then
        echo "FAIL $name: stderr lacks \"$grep_for\": $(head -c 300 "$WORK/err")"
        FAILED=1
    elif grep -q panicked "$WORK/err"; then
        echo "FAIL $name: panicked: $(head -c 300 "$WORK/err")"
        FAILED=1
    else
        echo "ok   $name: exit $status in ${secs}s ${mem}"
    fi
}

# documents N: how many documents a dates listing on stdout has.
documents() {
    python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["documents"]))' "$WORK/out"
}

want_documents() {
    local name=$1 want=$2 got
    got=$(documents)
    if [ "$got" != "$want" ]; then
        echo "FAIL $name: $got documents, expected $want"
        FAILED=1
    fi
}

case_zero() {
    run zero-article 1 "/dev/zero: too large" "$BIN" dates /dev/zero
    run zero-jsonl 1 "/dev/zero:1: the record at byte offset 0" \
        "$BIN" dates --input-format jsonl /dev/zero
    run zero-timeline 1 "/dev/zero: too large" "$BIN" export /dev/zero --format md
    run zero-check 1 "/dev/zero: too large" "$BIN" check /dev/zero
    run zero-reference 1 "/dev/zero: too large" \
        "$BIN" check "$ROOT/data/articles/fa/karabakh-aran.txt" --against /dev/zero
    run zero-stdin 1 "too large" bash -c "'$BIN' dates - < /dev/zero"
    run zero-stdin-jsonl 1 "the record at byte offset 0" \
        bash -c "'$BIN' dates - --input-format jsonl < /dev/zero"
    run zero-stdin-timeline 1 "standard input: too large" \
        bash -c "'$BIN' export - --format csv < /dev/zero"
}

case_over() {
    head -c $((64 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'x' >"$WORK/over.txt"
    run over-bound 1 "67108865 bytes, more than the limit of 67108864" \
        "$BIN" dates "$WORK/over.txt"
    run over-raised 0 "" "$BIN" dates "$WORK/over.txt" --max-doc-bytes 65M
    rm -f "$WORK/over.txt"
}

case_line() {
    python3 - "$WORK/line.txt" <<'EOF'
import sys
piece = "مذاکرات در ۱۰ آبان ۱۳۹۹ و ۳ اکتبر ۲۰۲۰ در مسکو ادامه یافت، "
n = 48 * 1024 * 1024 // len(piece.encode())
open(sys.argv[1], "w").write(piece * n)
EOF
    run line-48MiB 0 "" "$BIN" dates "$WORK/line.txt" --format table
    rm -f "$WORK/line.txt"
}

case_records() {
    python3 -c 'import sys; sys.stdout.write("{\"text\":\"آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد.\"}\n" * 1000000)' \
        >"$WORK/records.jsonl"
    run records-1M 0 "" "$BIN" dates "$WORK/records.jsonl"
    want_documents records-1M 1000000
    run records-1M-stdin 0 "" bash -c "'$BIN' dates - --input-format jsonl < '$WORK/records.jsonl'"
    want_documents records-1M-stdin 1000000
    rm -f "$WORK/records.jsonl"
}

case_feed() {
    python3 - "$WORK/feed.jsonl" <<'EOF'
import json, sys
filler = "متن خبر بدون تاریخ " * (1024 * 1024 // 36)
with open(sys.argv[1], "w") as f:
    for i in range(80):
        text = "آتش‌بس در ۱۲ مه ۱۹۹۴ برقرار شد. " + filler
        f.write(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False) + "\n")
EOF
    run feed-80x1MiB 0 "" "$BIN" dates "$WORK/feed.jsonl"
    want_documents feed-80x1MiB 80
    rm -f "$WORK/feed.jsonl"
}

case_record() {
    python3 - "$WORK/record.jsonl" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"text":"The truce of 8 Oct 2020 failed."}\n' * 2)
    f.write('{"text":"' + "x" * (65 * 1024 * 1024) + '"}\n')
    f.write('{"text":"never read"}\n')
EOF
    run record-65MiB 1 "record.jsonl:3: the record at byte offset 86 is longer than the limit" \
        "$BIN" dates "$WORK/record.jsonl"
    want_documents record-65MiB 2
    rm -f "$WORK/record.jsonl"
}

case_fifo() {
    mkfifo "$WORK/stream.txt"
    (head -c $((100 * 1024 * 1024)) /dev/zero | tr '\0' 'x' >"$WORK/stream.txt" 2>/dev/null) &
    local writer=$!
    run fifo-100MiB 1 "stream.txt: too large: more than the limit" "$BIN" dates "$WORK/stream.txt"
    kill "$writer" 2>/dev/null
    wait "$writer" 2>/dev/null
    rm -f "$WORK/stream.txt"
}

case_bidi() {
    python3 - "$WORK/bidi.txt" <<'EOF'
import sys
controls = "\u202e\u2067\u200f\u202a\u2069\u202c\u200e\u061c"
open(sys.argv[1], "w").write(controls * 1_000_000 + "آتش‌بس در ۱۰ آبان ۱۳۹۹ برقرار شد.")
EOF
    run bidi-8M 0 "" "$BIN" dates "$WORK/bidi.txt"
    if ! grep -q '"value": "2020-10-31"' "$WORK/out"; then
        echo "FAIL bidi-8M: the date is not read as 2020-10-31"
        FAILED=1
    fi
    rm -f "$WORK/bidi.txt"
}

CASES=("$@")
[ ${#CASES[@]} -eq 0 ] && CASES=(zero over line records feed record fifo bidi)
for c in "${CASES[@]}"; do
    if ! declare -F "case_$c" >/dev/null; then
        echo "unknown case $c" >&2
        exit 1
    fi
    "case_$c"
done
exit $FAILED
