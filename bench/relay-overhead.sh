#!/usr/bin/env bash
# What the relay through queen costs: time to first token and decode speed of the same job through POST /v2/tasks
# and straight to the worker queen started, alternating, in one run. Needs a build (mvn -DskipTests package).
# Usage: bench/relay-overhead.sh [model-ref]   (default: a TinyLlama-1.1B-shaped Q4_0 file written on the first run;
#        demo:tiny shows the fixed cost per token best, since its tokens are cheap)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
dir="${RBEE_BENCH_DIR:-/tmp/rbee-bench-models}"; mkdir -p "$dir"
prompt_words="${PROMPT_WORDS:-64}"; tokens="${TOKENS:-64}"; runs="${RUNS:-5}"
run_java() { "$java" --enable-native-access=ALL-UNNAMED -cp "$root/dist/lib/*" "$@"; }
model="${1:-}"
if [ -z "$model" ]; then
  RBEE_HOME="$dir/home" run_java dev.rbee.bench.GenerateModel Q4_0 "$dir/tinyllama-shape-Q4_0.gguf"
  model="file:$dir/tinyllama-shape-Q4_0.gguf"
fi
echo "== $model: prompt $prompt_words words, $tokens tokens, median of $runs runs"
run_java dev.rbee.bench.RelayOverhead "$model" "$root" "$prompt_words" "$tokens" "$runs" 2>/dev/null \
  | grep -E '^(worker|queen|ratio)'
