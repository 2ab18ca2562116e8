#!/usr/bin/env bash
# What provisioning costs on one node, with real processes on loopback: rbee-hive's model download of a ~200 MB GGUF
# from a local server in the Hugging Face URL layout (RBEE_HF_ENDPOINT) against a plain Java HttpClient download of
# the same file from the same server, and POST /v1/workers/spawn of demo:tiny to 202 and to the worker listed idle
# against one JVM start. Each run starts a fresh hive on a fresh RBEE_HOME. Needs a build (mvn -DskipTests package).
# Usage: bench/hive-provisioning.sh [runs]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
dir="${RBEE_BENCH_DIR:-/tmp/rbee-bench-models}"; mkdir -p "$dir"
runs="${1:-5}"
work="$(mktemp -d)"; bench_pid=""
# The hive runs with --watch-stdin and stops (with its workers) when the benchmark's JVM dies; the pids it and its
# workers had are killed here too, in case one of them hangs, but only while their RBEE_HOME still lies in $work (a
# pid of a process that has ended may belong to someone else by now).
ours() { { tr '\0' '\n' <"/proc/$1/environ"; } 2>/dev/null | grep -q "^RBEE_HOME=$work/"; }
cleanup() {
  if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi
  if [ -f "$work/pids" ]; then
    for _ in $(seq 50); do # up to 10 s for the hive to see the end of its stdin and stop its worker
      alive=0; while read -r pid; do if ours "$pid"; then alive=1; fi; done <"$work/pids"
      [ "$alive" = 0 ] && break; sleep 0.2
    done
    while read -r pid; do if ours "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi; done <"$work/pids"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
run_java() { "$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" "$@"; }

model="$dir/tinyllama-shape-5l.Q4_0.gguf"
if [ ! -f "$model" ]; then # written to a temporary name first, so an interrupted run leaves no half file
  run_java dev.rbee.bench.GenerateModel Q4_0 "$model.tmp" 5 && mv "$model.tmp" "$model"
fi
# Started as java itself (not through run_java, whose subshell would get the kill instead of the JVM).
"$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" dev.rbee.bench.HiveProvisioning "$root" "$model" \
  "$runs" "$work" &
bench_pid=$!
status=0; wait "$bench_pid" || status=$?
bench_pid=""
exit "$status"
