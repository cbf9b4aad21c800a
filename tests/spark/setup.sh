#!/usr/bin/env bash
# Installs what tests/spark/job.py needs, when it is missing:
#   - Java 17 (openjdk-17-jre-headless from Debian's packages), and
#   - PySpark (pinned) in a virtualenv outside the work tree.
# Idempotent: when everything is there it only prints one status line.
#
# Output: one status line on stderr; on stdout exactly one line, the path of
# the virtualenv's python, so a harness can do
#     PY=$(bash tests/spark/setup.sh) && "$PY" tests/spark/job.py ...
#
# Environment:
#   TARIKH_SPARK_VENV  where the virtualenv goes ($HOME/.cache/tarikh/spark-venv)
#   PYTHON             the python that makes the virtualenv (python3)
set -euo pipefail

# Spark 3.5 is the line that supports Java 8/11/17 and Python 3.8-3.11
# (Spark 4 drops Java 8/11 and needs Python >= 3.9); py4j pinned to what
# pyspark 3.5.8 resolves to, so every machine gets the same pair.
PYSPARK_VERSION=3.5.8
PY4J_VERSION=0.10.9.9
JAVA_MAJOR=17

VENV=${TARIKH_SPARK_VENV:-$HOME/.cache/tarikh/spark-venv}
PYTHON=${PYTHON:-python3}

say() { echo "tarikh-spark setup: $*" >&2; }

java_major() { # $1 = java binary; prints the major version or nothing
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\)[.".].*/\1/p' | head -n1
}

# --- Java -----------------------------------------------------------------
JAVA_BIN=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA_BIN=$JAVA_HOME/bin/java
elif command -v java >/dev/null 2>&1; then
  JAVA_BIN=$(command -v java)
fi
if [ -z "$JAVA_BIN" ] || [ "$(java_major "$JAVA_BIN")" != "$JAVA_MAJOR" ]; then
  # Java missing, or another major version: look for an installed 17 first.
  found=$(ls -d /usr/lib/jvm/java-$JAVA_MAJOR-openjdk-*/bin/java 2>/dev/null | head -n1 || true)
  if [ -z "$found" ]; then
    say "installing openjdk-$JAVA_MAJOR-jre-headless (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "openjdk-$JAVA_MAJOR-jre-headless" >/dev/null
    found=$(ls -d /usr/lib/jvm/java-$JAVA_MAJOR-openjdk-*/bin/java 2>/dev/null | head -n1 || true)
  fi
  [ -n "$found" ] || { say "no Java $JAVA_MAJOR after installing"; exit 1; }
  JAVA_BIN=$found
fi
JAVA_BIN=$(readlink -f "$JAVA_BIN")
JAVA_HOME_FOUND=$(dirname "$(dirname "$JAVA_BIN")")

# --- PySpark ----------------------------------------------------------------
have_pyspark() {
  [ -x "$VENV/bin/python" ] &&
    "$VENV/bin/python" - "$PYSPARK_VERSION" <<'PY' 2>/dev/null
import sys
import pyspark, py4j  # noqa: F401
sys.exit(0 if pyspark.__version__ == sys.argv[1] else 1)
PY
}

if ! have_pyspark; then
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
    rm -rf "$VENV"
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
  fi
  say "installing pyspark==$PYSPARK_VERSION into $VENV (pip; the first time builds a ~300 MB wheel)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "pyspark==$PYSPARK_VERSION" "py4j==$PY4J_VERSION"
  have_pyspark || { say "pyspark $PYSPARK_VERSION does not import from $VENV"; exit 1; }
fi

say "pyspark $PYSPARK_VERSION in $VENV; java $JAVA_MAJOR at $JAVA_HOME_FOUND"
echo "$VENV/bin/python"
