#!/usr/bin/env python3
"""The Spark map step of tarikh: extract per partition, merge on the driver.

    python job.py --tarikh BIN --input CORPUS.jsonl --output DIR \
                  [--partitions N] [--master local[2]]

1. Reads CORPUS.jsonl as an RDD of lines with at least N partitions
   (sc.textFile(path, minPartitions=N); no repartition, so each partition is
   a contiguous run of corpus lines, in order).
2. In each partition runs `BIN extract --input-format jsonl --format jsonl -`
   with the partition's non-blank lines on stdin and yields every stdout line
   as a record (tarikh.events/1). The binary's stderr lines and its exit
   status come back as the partition's report; a bad record makes its
   partition report it and the job goes on.
3. Saves the records to DIR/events/ (one part file per partition; an existing
   DIR/events/ is replaced), then runs `BIN merge DIR/events/part-* -o
   DIR/timeline.json` on the driver.

Prints each partition's report on stderr, then one summary line on stdout
and the same as JSON in DIR/summary.json.

Exit status: 0 when the merge succeeded and every extract exited 0 or 1
(1: it skipped a malformed record, which is reported); 2 when an extract
could not run or ended otherwise (crash, signal: records may be missing);
3 when the merge failed; 4 for a bad setup (no Java, no binary, no input).
"""

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

NAME = "tarikh-spark"

# Tags of the items that the map step yields.
RECORD, REPORT = "R", "E"


def log(msg):
    print(f"{NAME}: {msg}", file=sys.stderr, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tarikh", required=True, help="the tarikh binary")
    p.add_argument("--input", required=True, help="the JSON Lines corpus")
    p.add_argument("--output", required=True, help="the output directory")
    p.add_argument("--partitions", type=int, default=2, help="minimum partitions (2)")
    p.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    a = p.parse_args(argv)
    if a.partitions < 1:
        p.error("--partitions must be at least 1")
    return a


def find_java():
    """JAVA_HOME if set, else `java` on PATH, else an installed Java 17."""
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    on_path = shutil.which("java")
    if on_path:
        return on_path
    for java in sorted(glob.glob("/usr/lib/jvm/java-17-openjdk-*/bin/java")):
        os.environ["JAVA_HOME"] = os.path.dirname(os.path.dirname(java))
        return java
    return None


# --- the map step (runs in the Python workers) --------------------------------

def extract_partition(tarikh):
    """The function given to mapPartitionsWithIndex: one extract per partition.

    Yields (RECORD, line) for every line the binary wrote on stdout, then one
    (REPORT, {...}) with the partition's index, its counts, the binary's exit
    status and its stderr lines.
    """
    line_re = re.compile(r"\bline (\d+)\b")

    def run(index, lines):
        # Blank lines are no records (tarikh skips them too); dropping them
        # keeps the partition's line numbers those of its stdin.
        docs = [l for l in lines if l.strip()]
        report = {
            "partition": index,
            "input_lines": len(docs),
            "records": 0,
            "status": 0,
            "stderr": [],
        }
        if docs:
            cmd = [tarikh, "extract", "--input-format", "jsonl", "--format", "jsonl", "-"]
            data = ("\n".join(docs) + "\n").encode("utf-8")
            try:
                proc = subprocess.run(cmd, input=data, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, check=False)
            except OSError as e:
                report["status"] = None
                report["stderr"] = [f"cannot run {tarikh}: {e}"]
                yield (REPORT, report)
                return
            report["status"] = proc.returncode
            out = proc.stdout.decode("utf-8")
            for rec in out.split("\n"):
                if rec.strip():
                    report["records"] += 1
                    yield (RECORD, rec)
            for err in proc.stderr.decode("utf-8", "replace").splitlines():
                if not err.strip():
                    continue
                # "line N" is a line of this partition's stdin: show its start.
                m = line_re.search(err)
                if m and 1 <= int(m.group(1)) <= len(docs):
                    snippet = docs[int(m.group(1)) - 1]
                    if len(snippet) > 80:
                        snippet = snippet[:77] + "..."
                    err += f"  [input: {snippet}]"
                report["stderr"].append(err)
        yield (REPORT, report)

    return run


# --- the driver --------------------------------------------------------------

def make_context(master, app):
    # Start-up kept lean: plain SparkContext (no SparkSession / SQL), no UI,
    # no progress bar, everything bound to loopback (no hostname lookups).
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("SPARK_LOCAL_HOSTNAME", "localhost")
    # Workers run this very interpreter (the virtualenv's), not `python3`.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(master)
        .setAppName(app)
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.python.worker.reuse", "true")
        .set("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2")
        # No _SUCCESS marker in DIR/events/: only part files live there.
        .set("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        # One small JVM on 2 cores: the serial collector starts fastest.
        .set("spark.driver.extraJavaOptions", "-XX:+UseSerialGC")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    return sc


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    t0 = time.monotonic()

    tarikh = os.path.abspath(args.tarikh)
    if not (os.path.isfile(tarikh) and os.access(tarikh, os.X_OK)):
        log(f"{args.tarikh}: not an executable file")
        return 4
    corpus = os.path.abspath(args.input)
    if not os.path.isfile(corpus):
        log(f"{args.input}: no such file")
        return 4
    if any(c in corpus for c in ",*?[]{}\\"):
        # textFile splits its argument on commas and expands Hadoop globs.
        log(f"{args.input}: the path must not hold any of , * ? [ ] {{ }} \\")
        return 4
    if find_java() is None:
        log("no Java found (set JAVA_HOME, or run tests/spark/setup.sh)")
        return 4

    out_dir = os.path.abspath(args.output)
    events_dir = os.path.join(out_dir, "events")
    timeline = os.path.join(out_dir, "timeline.json")
    os.makedirs(out_dir, exist_ok=True)
    if os.path.exists(events_dir):
        shutil.rmtree(events_dir)
    if os.path.exists(timeline):
        os.remove(timeline)

    sc = make_context(args.master, NAME)
    try:
        lines = sc.textFile("file://" + corpus, minPartitions=args.partitions)
        n_parts = lines.getNumPartitions()
        tagged = lines.mapPartitionsWithIndex(extract_partition(tarikh), True).cache()
        # One part file per partition (filter keeps the partitioning).
        tagged.filter(lambda t: t[0] == RECORD).map(lambda t: t[1]).saveAsTextFile(
            "file://" + events_dir)
        # From the cache: the binary does not run twice.
        reports = sorted(
            tagged.filter(lambda t: t[0] == REPORT).map(lambda t: t[1]).collect(),
            key=lambda r: r["partition"])
        tagged.unpersist()
    finally:
        sc.stop()
    t_spark = time.monotonic() - t0

    failures = 0  # error lines reported by the extracts
    broken = 0  # partitions whose extract could not run or crashed
    for r in reports:
        ok = r["status"] in (0, 1)
        broken += not ok
        # The count tarikh says at the end ("N of M inputs could not be
        # read") is not a failure of its own.
        failures += sum(1 for e in r["stderr"] if " inputs could not be read" not in e)
        if r["stderr"] or r["status"] != 0:
            log(f"partition {r['partition']}: extract exited {r['status']}, "
                f"{r['records']} records from {r['input_lines']} lines"
                + ("" if ok else " (FAILED: records may be missing)"))
            for err in r["stderr"]:
                log(f"partition {r['partition']}: {err}")
        if r["status"] == 1 and not r["stderr"]:
            failures += 1
    if n_parts < args.partitions:
        log(f"only {n_parts} partitions for --partitions {args.partitions}")
    empty = [r["partition"] for r in reports if r["records"] == 0]
    if empty:
        log(f"partitions without records: {empty}")

    parts = sorted(glob.glob(os.path.join(events_dir, "part-*")))
    merge_cmd = [tarikh, "merge", *parts, "-o", timeline]
    merge = subprocess.run(merge_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    merge_ok = merge.returncode == 0 and os.path.isfile(timeline)
    for err in merge.stderr.decode("utf-8", "replace").splitlines():
        log(f"merge: {err}")
    if not merge_ok:
        log(f"merge exited {merge.returncode}")

    records = sum(r["records"] for r in reports)
    summary = {
        "partitions": n_parts,
        "part_files": len(parts),
        "records": records,
        "records_per_partition": [r["records"] for r in reports],
        "input_lines": sum(r["input_lines"] for r in reports),
        "failures": failures,
        "failed_partitions": [r["partition"] for r in reports if r["stderr"] or r["status"] != 0],
        "crashed_partitions": broken,
        "merge_status": merge.returncode,
        "timeline": timeline if merge_ok else None,
        "seconds_spark": round(t_spark, 2),
        "seconds_total": round(time.monotonic() - t0, 2),
    }
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"{NAME}: partitions={n_parts} records={records} failures={failures} "
          f"merge={'ok' if merge_ok else 'failed'} seconds={summary['seconds_total']}",
          flush=True)
    if not merge_ok:
        return 3
    if broken:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
