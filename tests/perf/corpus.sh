#!/usr/bin/env bash
# Whole-run figures of a corpus run (docs/PERFORMANCE.md, "Corpus runs"):
# MB/s per core of `dates` and `extract`, the scaling from 1 to every
# core, peak memory, and instructions per MB from callgrind.
#
#   bash tests/perf/corpus.sh [MB...]      # default: 100
#
# For each size and language it generates a news-like corpus with
# `examples/gen-corpus.rs` (about 1,500 expressions per MiB, documents of
# 1-10 KiB; deterministic), then times, with /usr/bin/time, release build:
#   dates   --format jsonl  --threads 1 and --threads N (all cores)
#   extract --format jsonl  --threads 1 and --threads N
#   extract (the merged JSON timeline) --threads N
# and counts instructions of `dates --format jsonl --threads 1` on the first
# 2 MiB under callgrind (repeatable, whatever the machine's load).
# Corpora go to $TARIKH_PERF_DIR (default /tmp/tarikh-perf), not the repo.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-100}")
dir=${TARIKH_PERF_DIR:-/tmp/tarikh-perf}
mkdir -p "$dir"
rm -f "$dir/merged.txt"
cargo build --release --quiet --bin tarikh --example gen-corpus
bin=target/release/tarikh
gen=target/release/examples/gen-corpus
cores=$(nproc)
echo "commit $(git rev-parse --short HEAD), $cores cores, $(date -u +%Y-%m-%d)"
echo
echo "| corpus | command | threads | wall s | user s | MB/s | MB/s per core | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|"
measure() { # label mb threads cmd...
  local label=$1 mb=$2 threads=$3; shift 3
  local t
  /usr/bin/time -o "$dir/time.txt" -f "%e %U %M" "$@" >/dev/null 2>"$dir/stderr.txt"
  read -r wall user rss <"$dir/time.txt"
  awk -v l="$label" -v mb="$mb" -v w="$wall" -v u="$user" -v r="$rss" -v th="$threads" \
    'BEGIN { printf "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.0f |\n", l, th, w, u, mb / w, mb / w / th, r / 1024 }'
}
for mb in "${sizes[@]}"; do
  for lang in fa en; do
    corpus="$dir/gen-$lang-$mb.jsonl"
    [ -s "$corpus" ] || "$gen" --mb "$mb" --lang "$lang" -o "$corpus" 2>/dev/null
    real=$(awk -v b="$(stat -c %s "$corpus")" 'BEGIN { printf "%.1f", b / 1048576 }')
    for t in 1 "$cores"; do
      measure "$lang $real MiB | dates jsonl" "$real" "$t" "$bin" dates "$corpus" --format jsonl --quiet --threads "$t"
    done
    for t in 1 "$cores"; do
      measure "$lang $real MiB | extract jsonl" "$real" "$t" "$bin" extract "$corpus" --format jsonl --quiet --threads "$t"
    done
    measure "$lang $real MiB | extract json (merged)" "$real" "$cores" "$bin" extract "$corpus" --quiet --threads "$cores" -o "$dir/timeline-$lang.json"
    read -r _ _ rss <"$dir/time.txt"
    python3 - "$dir/timeline-$lang.json" "$rss" >>"$dir/merged.txt" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
events = t["events"]
quotes = sum(len(ev["quote"].encode()) for e in events for ev in e["evidence"])
reports = sum(len(e["evidence"]) for e in events)
rss = int(sys.argv[2]) * 1024
print(f"{len(t['documents'])} documents, {reports} reports merged into {len(events)} events; "
      f"peak RSS {rss / 2**20:.0f} MiB = {rss / len(events):.0f} bytes per merged event "
      f"(its quotes: {quotes / len(events):.0f} bytes on average)")
PY
  done
done
echo
cat "$dir/merged.txt"
rm -f "$dir/merged.txt"
echo
echo "| corpus | instructions per MiB, dates jsonl (callgrind, first 2 MiB) |"
echo "|---|---|"
for lang in fa en; do
  sample="$dir/sample-$lang.jsonl"
  "$gen" --mb 2 --lang "$lang" -o "$sample" 2>/dev/null
  ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" dates "$sample" --format jsonl --threads 1 --quiet 2>&1 >/dev/null |
    sed -n 's/.*refs: *//p' | tr -d ,)
  awk -v l="$lang" -v ir="$ir" -v b="$(stat -c %s "$sample")" \
    'BEGIN { printf "| %s | %.0f M |\n", l, ir / (b / 1048576) / 1e6 }'
done
